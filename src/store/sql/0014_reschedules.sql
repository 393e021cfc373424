-- Calendar changes and the deadlines they moved (docs/CALENDAR.md §3.2).
--
-- A change of the agency's calendar (PUT /api/calendar/agency) recomputes,
-- in its own transaction, the stored instants of every open dossier that
-- derive from working time. That is not a handover (nobody hands the
-- dossier to anybody, and the control slip, Mẫu 05, lists handovers), so it
-- is not an event of the hash-chained log: it is recorded here, one row per
-- change and one row per dossier it moved, append-only like the log.
CREATE TABLE calendar_changes (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,                   -- minutes since the epoch
    actor       INTEGER REFERENCES people(id),      -- the administrator
    text_length INTEGER NOT NULL CHECK (text_length >= 0), -- 0: the agency file removed
    scanned     INTEGER NOT NULL CHECK (scanned >= 0),     -- open dossiers looked at
    rescheduled INTEGER NOT NULL CHECK (rescheduled >= 0), -- dossiers whose deadlines moved
    appointments INTEGER NOT NULL CHECK (appointments >= 0) -- of which the appointment moved
) STRICT;

CREATE TABLE reschedules (
    change       INTEGER NOT NULL REFERENCES calendar_changes(id),
    dossier      INTEGER NOT NULL REFERENCES dossiers(id),
    due_before   INTEGER NOT NULL,  -- the appointment (dossiers.due_at)
    due_after    INTEGER NOT NULL,
    legal_before INTEGER NOT NULL,  -- the legal due time (dossiers.legal_due_at)
    legal_after  INTEGER NOT NULL,
    PRIMARY KEY (change, dossier)
) STRICT, WITHOUT ROWID;
CREATE INDEX reschedules_dossier ON reschedules(dossier);

CREATE TRIGGER calendar_changes_no_delete BEFORE DELETE ON calendar_changes BEGIN
    SELECT RAISE(ABORT, 'the calendar change log is append-only');
END;
CREATE TRIGGER reschedules_no_update BEFORE UPDATE ON reschedules BEGIN
    SELECT RAISE(ABORT, 'the reschedule log is append-only');
END;
CREATE TRIGGER reschedules_no_delete BEFORE DELETE ON reschedules BEGIN
    SELECT RAISE(ABORT, 'the reschedule log is append-only');
END;
