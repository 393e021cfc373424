-- Gateways (issue 4 items 2 and 8): how a step's outgoing flow splits.
-- 'exclusive': the holder forwards to one next step (what every step did
-- before this migration); 'parallel': forwarding starts every next step as a
-- branch, and the branches meet at one join step (core/process.h).
ALTER TABLE steps ADD COLUMN split TEXT NOT NULL DEFAULT 'exclusive'
    CHECK (split IN ('exclusive', 'parallel'));

-- The open branches of dossiers inside a parallel block, one row each, so
-- that every branch holder and unit finds the dossier in its inbox. The
-- complete state stays in dossiers.state; the engine rewrites these rows in
-- the transaction of each transition that opens, moves or closes branches.
CREATE TABLE dossier_branches (
    dossier       INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL CHECK (ord >= 0),
    step          TEXT NOT NULL,
    unit          INTEGER NOT NULL REFERENCES units(id),
    holder        INTEGER REFERENCES people(id),
    done          INTEGER NOT NULL CHECK (done IN (0, 1)),
    clock_state   TEXT NOT NULL CHECK (clock_state IN ('idle', 'running', 'paused', 'stopped')),
    budget        INTEGER NOT NULL CHECK (budget >= 0),
    consumed      INTEGER NOT NULL CHECK (consumed >= 0),
    running_since INTEGER,
    PRIMARY KEY (dossier, ord)
) STRICT, WITHOUT ROWID;
CREATE INDEX dossier_branches_holder ON dossier_branches(holder) WHERE holder IS NOT NULL;
CREATE INDEX dossier_branches_unit ON dossier_branches(unit);
