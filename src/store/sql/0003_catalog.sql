-- The catalog (R1, R3) and the versioned internal processes (R2, R4).
--
-- Units and people are referred to by their codes and usernames (what the
-- import files and the API speak), with foreign keys to the org tables of
-- 0002 (both columns are UNIQUE there). Durations are stored in half hours
-- (or half days) as integers: the format allows halves only, and integers
-- keep sums and comparisons exact.

CREATE TABLE domains (
    code    TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name    TEXT NOT NULL,
    name_en TEXT
) STRICT;

CREATE TABLE procedures (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    kind                TEXT NOT NULL CHECK (kind IN ('tthc', 'internal')),
    name                TEXT NOT NULL,
    domain              TEXT REFERENCES domains(code),
    level               TEXT CHECK (level IN ('tinh', 'xa', 'huyen', 'bo')),
    unit                TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE, -- owner
    agency              TEXT,
    applicants          TEXT,
    result              TEXT,
    fee                 TEXT,
    legal_basis         TEXT CHECK (legal_basis IS NULL OR json_type(legal_basis) = 'array'),
    online_level        TEXT CHECK (online_level IN ('toan_trinh', 'mot_phan')),
    announcing_decision TEXT,
    source              TEXT,
    -- A TTHC has both; an internal work item may have neither.
    CHECK (kind = 'internal' OR (domain IS NOT NULL AND level IS NOT NULL))
) STRICT;

CREATE INDEX procedures_domain ON procedures(domain, code);

CREATE TABLE cases (
    id           INTEGER PRIMARY KEY,
    procedure_id INTEGER NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    limit_halves INTEGER NOT NULL CHECK (limit_halves > 0), -- amount * 2
    limit_unit   TEXT NOT NULL CHECK (limit_unit IN ('working_days', 'working_hours')),
    UNIQUE (procedure_id, code)
) STRICT;

CREATE TABLE components (
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ord            INTEGER NOT NULL,
    name           TEXT NOT NULL,
    original       INTEGER CHECK (original >= 0),       -- NULL: not stated
    certified_copy INTEGER CHECK (certified_copy >= 0),
    copy           INTEGER CHECK (copy >= 0),
    form           TEXT,
    required       INTEGER NOT NULL CHECK (required IN (0, 1)),
    PRIMARY KEY (case_id, ord)
) STRICT;

-- A process (ISO document, mã hiệu QT-07) belongs to one case of one
-- procedure; its content lives in versions (lần ban hành).
CREATE TABLE processes (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name    TEXT NOT NULL,             -- the title of its latest issue
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id)
) STRICT;

CREATE TABLE process_versions (
    id           INTEGER PRIMARY KEY,
    process_id   INTEGER NOT NULL REFERENCES processes(id),
    issue        INTEGER NOT NULL CHECK (issue BETWEEN 1 AND 999),
    name         TEXT NOT NULL,        -- the title of this issue
    status       TEXT NOT NULL
                 CHECK (status IN ('draft', 'submitted', 'approved', 'effective', 'superseded')),
    effective    TEXT,                 -- YYYY-MM-DD
    drafter      TEXT REFERENCES people(username) ON UPDATE CASCADE,
    reviewer     TEXT REFERENCES people(username) ON UPDATE CASCADE,
    approver     TEXT REFERENCES people(username) ON UPDATE CASCADE,
    total_halves INTEGER NOT NULL,     -- longest path, in half working hours
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (process_id, issue)
) STRICT;

-- At most one version of a process is in force.
CREATE UNIQUE INDEX process_versions_one_effective
    ON process_versions(process_id) WHERE status = 'effective';

-- Steps as rows (the engine looks a step up by version and key); the short
-- lists (forms, outputs, next keys) are JSON arrays.
CREATE TABLE steps (
    version_id         INTEGER NOT NULL REFERENCES process_versions(id) ON DELETE CASCADE,
    key                TEXT NOT NULL,
    ord                INTEGER NOT NULL,
    name               TEXT NOT NULL,
    role               TEXT NOT NULL,
    unit               TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
    halves             INTEGER NOT NULL CHECK (halves > 0), -- hours * 2
    forms              TEXT NOT NULL CHECK (json_type(forms) = 'array'),
    outputs            TEXT NOT NULL CHECK (json_type(outputs) = 'array'),
    may_return         INTEGER NOT NULL CHECK (may_return IN (0, 1)),
    requires_signature INTEGER NOT NULL CHECK (requires_signature IN (0, 1)),
    next               TEXT NOT NULL CHECK (json_type(next) = 'array'),
    PRIMARY KEY (version_id, key),
    UNIQUE (version_id, ord)
) STRICT;

-- The revision history of a version (ISO "theo dõi sửa đổi"): creation and
-- every change of status, who and when.
CREATE TABLE process_version_events (
    id          INTEGER PRIMARY KEY,
    version_id  INTEGER NOT NULL REFERENCES process_versions(id) ON DELETE CASCADE,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    actor       TEXT REFERENCES people(username) ON UPDATE CASCADE, -- NULL: an import
    from_status TEXT,
    to_status   TEXT NOT NULL
) STRICT;

CREATE INDEX process_version_events_version ON process_version_events(version_id, id);

-- Diacritic-insensitive search: unicode61 folds ấ/ờ/… but not đ, so the
-- indexed text has đ/Đ replaced by d/D (queries get the same treatment).
CREATE VIRTUAL TABLE procedures_fts USING fts5(
    code, name, domain,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER procedures_fts_ai AFTER INSERT ON procedures BEGIN
    INSERT INTO procedures_fts(rowid, code, name, domain)
    VALUES (new.id, new.code, replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
            (SELECT replace(replace(d.code || ' ' || d.name, 'đ', 'd'), 'Đ', 'D')
             FROM domains d WHERE d.code = new.domain));
END;

CREATE TRIGGER procedures_fts_au AFTER UPDATE ON procedures BEGIN
    DELETE FROM procedures_fts WHERE rowid = old.id;
    INSERT INTO procedures_fts(rowid, code, name, domain)
    VALUES (new.id, new.code, replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
            (SELECT replace(replace(d.code || ' ' || d.name, 'đ', 'd'), 'Đ', 'D')
             FROM domains d WHERE d.code = new.domain));
END;

CREATE TRIGGER procedures_fts_ad AFTER DELETE ON procedures BEGIN
    DELETE FROM procedures_fts WHERE rowid = old.id;
END;

-- A renamed domain renames what its procedures are found by.
CREATE TRIGGER domains_fts_au AFTER UPDATE OF name ON domains BEGIN
    UPDATE procedures SET domain = domain WHERE domain = new.code;
END;
