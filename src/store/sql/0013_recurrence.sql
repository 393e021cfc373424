-- Recurring internal tasks (MISSION R3, docs/ENGINE.md §11 "Recurring
-- tasks"): an internal work item may carry a recurrence rule, and the
-- server's sweep opens one case per period (src/engine/engine_recur.c).
--
-- 1. The rule, on the item itself (NULL every: no recurrence). The columns
--    mirror struct core_recur (src/core/recur.h); core_recur_check validates
--    before anything is written, the CHECKs here only keep the shape.
ALTER TABLE procedures ADD COLUMN recur_every TEXT
    CHECK (recur_every IS NULL OR recur_every IN ('week', 'month', 'quarter', 'year'));
ALTER TABLE procedures ADD COLUMN recur_month INTEGER
    CHECK (recur_month IS NULL OR recur_month BETWEEN 1 AND 12);
ALTER TABLE procedures ADD COLUMN recur_day INTEGER
    CHECK (recur_day IS NULL OR recur_day BETWEEN 1 AND 31);
ALTER TABLE procedures ADD COLUMN recur_weekday INTEGER
    CHECK (recur_weekday IS NULL OR recur_weekday BETWEEN 1 AND 7);
-- Working days before the due day the case opens; NULL: from the time limit.
ALTER TABLE procedures ADD COLUMN recur_lead INTEGER
    CHECK (recur_lead IS NULL OR recur_lead BETWEEN 0 AND 60);
-- When the rule was set (minutes since the epoch): a period whose due day
-- had already passed then is never opened, so a rule set in February does
-- not open last December's report.
ALTER TABLE procedures ADD COLUMN recur_since INTEGER;

-- 2. The periods opened: one row per (item, period), written in the
--    transaction that opens the case, so a period opens once, across
--    restarts and across servers sharing the database (the second writer's
--    INSERT finds the row and opens nothing).
CREATE TABLE recurrence_runs (
    item      TEXT NOT NULL REFERENCES procedures(code) ON UPDATE CASCADE ON DELETE CASCADE,
    period    TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 15), -- 2026-11, 2026-Q4, 2026, 2026-W48
    dossier   INTEGER REFERENCES dossiers(id),
    opened_at INTEGER NOT NULL,                                      -- minutes since the epoch
    PRIMARY KEY (item, period)
) STRICT, WITHOUT ROWID;

-- 3. The actor of a case the sweep opens: its handover log, control slip
--    and "opened by" show this name. It holds no role and cannot log in
--    (no password, disabled).
INSERT INTO people(username, full_name, position, disabled, created_at)
    VALUES ('system', 'Hệ thống (định kỳ)', NULL, 1, 0)
    ON CONFLICT(username) DO NOTHING;
