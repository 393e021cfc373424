-- Internal cases (hồ sơ công việc, issue 4 §2 "internal work items run the
-- same way") and the agency's own calendar (docs/CALENDAR.md §3).
--
-- 1. A case is a row of `dossiers` with channel 0 (no KenhThucHien code), no
--    applicant, an initiator (the staff member who opened it) and a
--    subject. SQLite cannot change a column's CHECK in place and a rebuild
--    of `dossiers` would cascade to its clocks, so each changed column is
--    renamed, added again with the new constraint, copied and dropped. The
--    columns keep their names; only their position in the table changes.
ALTER TABLE dossiers RENAME COLUMN channel TO channel_0004;
ALTER TABLE dossiers ADD COLUMN channel INTEGER NOT NULL DEFAULT 1
    CHECK (channel IN (0, 1, 2, 3));
UPDATE dossiers SET channel = channel_0004;
ALTER TABLE dossiers DROP COLUMN channel_0004;

ALTER TABLE dossiers RENAME COLUMN applicant_name TO applicant_name_0004;
ALTER TABLE dossiers ADD COLUMN applicant_name TEXT
    CHECK (applicant_name IS NULL OR length(applicant_name) BETWEEN 1 AND 200);
UPDATE dossiers SET applicant_name = applicant_name_0004;
ALTER TABLE dossiers DROP COLUMN applicant_name_0004;

ALTER TABLE dossiers RENAME COLUMN applicant_phone TO applicant_phone_0004;
ALTER TABLE dossiers ADD COLUMN applicant_phone TEXT
    CHECK (applicant_phone IS NULL OR length(applicant_phone) BETWEEN 6 AND 20);
UPDATE dossiers SET applicant_phone = applicant_phone_0004;
ALTER TABLE dossiers DROP COLUMN applicant_phone_0004;

-- Set for a case (channel 0), NULL for a TTHC dossier; src/engine/engine_case.c
-- writes them in the transaction that inserts the row.
ALTER TABLE dossiers ADD COLUMN subject TEXT
    CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 500);
ALTER TABLE dossiers ADD COLUMN initiator INTEGER REFERENCES people(id);

-- Cases by their owning unit's queue are found through the existing indexes
-- (step_unit, holder); this one serves "cases opened by me".
CREATE INDEX dossiers_initiator ON dossiers(initiator) WHERE initiator IS NOT NULL;

-- 2. The agency's calendar file (docs/CALENDAR.md §3), on top of the
--    national data compiled into the binary: the text exactly as the
--    calendar parser reads it, validated before it is stored. One row.
CREATE TABLE agency_calendar (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    text       TEXT NOT NULL CHECK (length(text) <= 1048576),
    updated_at INTEGER NOT NULL,          -- minutes since the epoch
    updated_by INTEGER REFERENCES people(id)
) STRICT;
