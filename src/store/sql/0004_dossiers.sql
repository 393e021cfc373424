-- Dossiers (hồ sơ) and their lifecycle (issue 4): the dossier record, its
-- clocks, the hash-chained handover log, the daily code sequences, the
-- statistics counters, idempotency keys and in-app notifications.
--
-- Instants here are MINUTES since the Unix epoch (UTC), the unit of the
-- engine (src/core): a working-minute arithmetic on seconds would only add
-- rounding. Durations are working minutes (one working day = 480).
--
-- The complete engine state of a dossier (struct eng_dossier: clocks,
-- path, consultations…) is the `state` blob, written by src/engine in the
-- same UPDATE as the projected columns below, so they never disagree; the
-- columns exist to be queried (inboxes, register, public lookup).

CREATE TABLE dossiers (
    id              INTEGER PRIMARY KEY,
    -- <agency>-YYMMDD-NNNN; NULL while an online dossier waits for acceptance
    -- (status 1/5 before acceptance) or was refused before receipt.
    code            TEXT UNIQUE CHECK (code IS NULL OR length(code) BETWEEN 18 AND 25),
    -- Public reference of an online submission, known before the code.
    ref             TEXT NOT NULL UNIQUE CHECK (length(ref) BETWEEN 8 AND 40),
    agency          TEXT NOT NULL CHECK (length(agency) BETWEEN 1 AND 13),
    procedure_id    INTEGER NOT NULL REFERENCES procedures(id),
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    version_id      INTEGER NOT NULL REFERENCES process_versions(id), -- frozen at receipt
    unit            INTEGER NOT NULL REFERENCES units(id), -- responsible unit (procedure owner)
    desk_unit       INTEGER NOT NULL REFERENCES units(id),
    ruleset         TEXT NOT NULL,
    channel         INTEGER NOT NULL CHECK (channel IN (1, 2, 3)),
    applicant_name  TEXT NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 200),
    applicant_phone TEXT NOT NULL CHECK (length(applicant_phone) BETWEEN 6 AND 20),
    applicant_email TEXT,
    applicant_addr  TEXT,
    applicant_idno  TEXT,
    submitted_at    INTEGER,
    received_at     INTEGER,
    due_at          INTEGER,            -- appointment shown to the applicant
    legal_due_at    INTEGER,            -- end of the legal time limit
    first_due_at    INTEGER,            -- appointment at receipt (QĐ 766)
    apology_at      INTEGER,            -- the one apology (Mẫu 04), NULL if none
    status          INTEGER NOT NULL CHECK (status BETWEEN 0 AND 10),
    stage           TEXT NOT NULL,
    step            TEXT,               -- key in the frozen version, NULL when not at a step
    step_unit       INTEGER REFERENCES units(id),
    holder          INTEGER REFERENCES people(id),
    finished_at     INTEGER,
    verdict         TEXT NOT NULL DEFAULT 'none'
                    CHECK (verdict IN ('none', 'early', 'on_time', 'late')),
    late_step       TEXT,
    late_person     INTEGER REFERENCES people(id),
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1), -- optimistic concurrency
    result          TEXT,
    rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment  TEXT,
    state           BLOB NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

-- Inboxes: a holder's dossiers, a unit's queue; both filtered by status.
CREATE INDEX dossiers_holder ON dossiers(holder, status) WHERE holder IS NOT NULL;
CREATE INDEX dossiers_step_unit ON dossiers(step_unit, status);
CREATE INDEX dossiers_desk ON dossiers(desk_unit, status);
-- Register (Mẫu 06) by receipt period.
CREATE INDEX dossiers_received ON dossiers(received_at);

-- Clocks: the dossier's legal time limit (kind 'dossier', step '') and the
-- current step's allotment (kind 'step'). fired = escalation rungs already
-- notified (bit i = rung i); next_rung_at = when the next unfired rung is
-- reached if the clock keeps running (NULL: nothing left to fire), which is
-- what the escalation timer scans.
CREATE TABLE clocks (
    dossier       INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('dossier', 'step')),
    step          TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('idle', 'running', 'paused', 'stopped')),
    budget        INTEGER NOT NULL CHECK (budget >= 0),
    consumed      INTEGER NOT NULL CHECK (consumed >= 0),
    running_since INTEGER,
    paused_since  INTEGER,
    waited        INTEGER NOT NULL DEFAULT 0 CHECK (waited >= 0),
    fired         INTEGER NOT NULL DEFAULT 0 CHECK (fired >= 0),
    next_rung_at  INTEGER,
    PRIMARY KEY (dossier, kind)
) STRICT;
CREATE INDEX clocks_next_rung ON clocks(next_rung_at) WHERE next_rung_at IS NOT NULL;

-- The handover log (sổ giao nhận): append-only, one hash chain per dossier.
-- The hashed fields are those of core/handover.h; the columns after `hash`
-- are bookkeeping for the counters and projections (not chained).
CREATE TABLE events (
    dossier       INTEGER NOT NULL REFERENCES dossiers(id),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    at            INTEGER NOT NULL,
    actor         INTEGER NOT NULL,     -- person id, 0 = the applicant online
    code          TEXT NOT NULL,        -- the dossier code at the time ('' before)
    from_unit     INTEGER NOT NULL,
    from_person   INTEGER NOT NULL,
    to_unit       INTEGER NOT NULL,
    to_person     INTEGER NOT NULL,
    action        TEXT NOT NULL,
    status_before INTEGER NOT NULL,
    status_after  INTEGER NOT NULL,
    verdict       TEXT NOT NULL,        -- of the hop handed over (Mẫu 05 column 3)
    step_from     TEXT NOT NULL,
    step_to       TEXT NOT NULL,
    note          TEXT NOT NULL,
    attachments   TEXT NOT NULL CHECK (json_type(attachments) = 'array'),
    prev_hash     BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash          BLOB NOT NULL CHECK (length(hash) = 32),
    -- Not chained: what the counters were keyed by and the dossier's verdict
    -- when this event finished it.
    day           INTEGER NOT NULL,     -- local civil date as YYYYMMDD
    finish        TEXT NOT NULL DEFAULT 'none',
    PRIMARY KEY (dossier, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX events_day ON events(day);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'the handover log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
    SELECT RAISE(ABORT, 'the handover log is append-only');
END;

-- Daily sequence of dossier codes per agency (TT 01/2018 Điều 19).
CREATE TABLE code_sequences (
    agency TEXT NOT NULL,
    day    INTEGER NOT NULL,            -- YYYYMMDD
    last   INTEGER NOT NULL CHECK (last BETWEEN 1 AND 9999),
    PRIMARY KEY (agency, day)
) STRICT, WITHOUT ROWID;

-- Statistics counters per day × unit × procedure × officer, updated in the
-- transaction of each transition. in_progress is a delta (+1 at receipt, −1
-- when the dossier finishes): its sum up to a day is the open count.
CREATE TABLE counters (
    day          INTEGER NOT NULL,      -- YYYYMMDD (local civil date)
    unit         INTEGER NOT NULL REFERENCES units(id),
    procedure_id INTEGER NOT NULL REFERENCES procedures(id),
    officer      INTEGER NOT NULL,      -- person id, 0 = the applicant online
    received     INTEGER NOT NULL DEFAULT 0,
    in_progress  INTEGER NOT NULL DEFAULT 0,
    early        INTEGER NOT NULL DEFAULT 0,
    on_time      INTEGER NOT NULL DEFAULT 0,
    late         INTEGER NOT NULL DEFAULT 0,
    paused       INTEGER NOT NULL DEFAULT 0,
    online       INTEGER NOT NULL DEFAULT 0,
    refused      INTEGER NOT NULL DEFAULT 0,
    withdrawn    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, unit, procedure_id, officer)
) STRICT, WITHOUT ROWID;
CREATE INDEX counters_unit_day ON counters(unit, day);

-- The same counters rolled up per month × unit × procedure, kept by the
-- triggers below in the transaction of each change: the dashboard (on-time
-- rate by unit and month over a year) reads ~1,000 rows instead of scanning
-- a year of daily rows (bench/dashboard).
CREATE TABLE counters_month (
    month        INTEGER NOT NULL,      -- YYYYMM
    unit         INTEGER NOT NULL,
    procedure_id INTEGER NOT NULL,
    received     INTEGER NOT NULL DEFAULT 0,
    in_progress  INTEGER NOT NULL DEFAULT 0,
    early        INTEGER NOT NULL DEFAULT 0,
    on_time      INTEGER NOT NULL DEFAULT 0,
    late         INTEGER NOT NULL DEFAULT 0,
    paused       INTEGER NOT NULL DEFAULT 0,
    online       INTEGER NOT NULL DEFAULT 0,
    refused      INTEGER NOT NULL DEFAULT 0,
    withdrawn    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit, procedure_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER counters_month_ai AFTER INSERT ON counters BEGIN
    INSERT INTO counters_month (month, unit, procedure_id, received, in_progress, early,
                                on_time, late, paused, online, refused, withdrawn)
    VALUES (new.day / 100, new.unit, new.procedure_id, new.received, new.in_progress,
            new.early, new.on_time, new.late, new.paused, new.online, new.refused,
            new.withdrawn)
    ON CONFLICT (month, unit, procedure_id) DO UPDATE SET
        received = received + excluded.received, in_progress = in_progress + excluded.in_progress,
        early = early + excluded.early, on_time = on_time + excluded.on_time,
        late = late + excluded.late, paused = paused + excluded.paused,
        online = online + excluded.online, refused = refused + excluded.refused,
        withdrawn = withdrawn + excluded.withdrawn;
END;

-- Counter rows only ever grow by deltas on the same key (day, unit,
-- procedure, officer), so the month row takes the difference.
CREATE TRIGGER counters_month_au AFTER UPDATE ON counters BEGIN
    UPDATE counters_month SET
        received = received + new.received - old.received,
        in_progress = in_progress + new.in_progress - old.in_progress,
        early = early + new.early - old.early, on_time = on_time + new.on_time - old.on_time,
        late = late + new.late - old.late, paused = paused + new.paused - old.paused,
        online = online + new.online - old.online, refused = refused + new.refused - old.refused,
        withdrawn = withdrawn + new.withdrawn - old.withdrawn
    WHERE month = new.day / 100 AND unit = new.unit AND procedure_id = new.procedure_id;
END;

-- Idempotency-Key of POST requests: the same key and body from the same
-- caller get the stored response again, without a second effect.
CREATE TABLE idempotency (
    key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    caller       TEXT NOT NULL,         -- 'p:<person id>' or 'c:<client address>'
    request_hash TEXT NOT NULL,         -- method, path and body, BLAKE2b hex
    status       INTEGER NOT NULL,
    response     TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (caller, key)
) STRICT, WITHOUT ROWID;

-- In-app notifications (escalation rungs, new holder…).
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    person     INTEGER NOT NULL REFERENCES people(id),
    dossier    INTEGER REFERENCES dossiers(id),
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
) STRICT;
CREATE INDEX notifications_person ON notifications(person, read_at, id);

-- Ratings and problem reports from applicants after return (R16).
CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY,
    dossier    INTEGER NOT NULL REFERENCES dossiers(id),
    kind       TEXT NOT NULL CHECK (kind IN ('rating', 'problem')),
    score      INTEGER CHECK (score BETWEEN 1 AND 5),
    comment    TEXT,
    created_at INTEGER NOT NULL
) STRICT;
