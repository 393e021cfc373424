-- Three small things users tripped on (session 3's closing note).
--
-- 1. The system actor is a kind of person, not a username. 0013 inserted
--    the person "system" ("Hệ thống (định kỳ)") that opens recurring cases;
--    code told it apart by its username only. kind = 'system' keeps it out
--    of the people list and export, of per-officer statistics (staff
--    evaluation, MISSION R8: a machine is never evaluated), and from logins
--    and roles (store_org.c refuses them), and lets the interface name it
--    in the reader's language.
ALTER TABLE people ADD COLUMN kind TEXT NOT NULL DEFAULT 'person'
    CHECK (kind IN ('person', 'system'));
UPDATE people SET kind = 'system', password_hash = NULL, disabled = 1 WHERE username = 'system';
DELETE FROM person_roles WHERE person IN (SELECT id FROM people WHERE kind = 'system');
DELETE FROM person_in_charge WHERE person IN (SELECT id FROM people WHERE kind = 'system');
DELETE FROM sessions WHERE person IN (SELECT id FROM people WHERE kind = 'system');

-- 2. The period a case belongs to, read from the case (its view shows
--    "Kỳ: tháng 11/2026"): the sweep's cases and, since this migration, a
--    case opened by hand inside a period's window (docs/ENGINE.md §11).
CREATE INDEX recurrence_runs_dossier ON recurrence_runs(dossier);

-- 3. The agency's abbreviation (chữ viết tắt tên cơ quan, NĐ 30/2020 Phụ lục
--    I, II.3; domain.md §7.2), the second group of a ký hiệu: "12/PXL-SNV".
--    NULL: not set, the ký hiệu is the form's abbreviation alone.
ALTER TABLE agency ADD COLUMN abbreviation TEXT
    CHECK (abbreviation IS NULL OR length(abbreviation) BETWEEN 1 AND 20);
-- The ký hiệu printed after the number, fixed at the number's first print so
-- that a reprint shows the same text after the abbreviation changes (Điều
-- 15: a number and its ký hiệu never change). NULL for numbers drawn before
-- this migration: those were printed with the form's abbreviation alone.
ALTER TABLE form_numbers ADD COLUMN symbol TEXT
    CHECK (symbol IS NULL OR length(symbol) BETWEEN 1 AND 40);
