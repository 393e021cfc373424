-- Escalation of every parallel branch (issue 4 §4): each open branch's clock
-- has its own fired rungs and wake-up, as clocks rows do. The first open
-- branch's clock is also mirrored as the dossier's step clock; inside a
-- block only the branch rows notify (engine_escalate.c).
ALTER TABLE dossier_branches ADD COLUMN fired INTEGER NOT NULL DEFAULT 0 CHECK (fired >= 0);
ALTER TABLE dossier_branches ADD COLUMN next_rung_at INTEGER;
CREATE INDEX dossier_branches_next_rung ON dossier_branches(next_rung_at)
    WHERE next_rung_at IS NOT NULL;
