-- Calendar changes made by `motcua import` of a calendar.txt, and the
-- transfer deadline among what a change moves (docs/CALENDAR.md §3.2).
--
-- A calendar change now comes from the administrator's PUT (source 'api')
-- or from an import into a database that holds open dossiers ('import',
-- actor: the person of `--by USER`, else none). The reschedule rows also
-- keep the desk's Điều 18 transfer deadline before and after (0 for the rows
-- written before this migration, and when it did not apply).
ALTER TABLE calendar_changes ADD COLUMN source TEXT NOT NULL DEFAULT 'api'
    CHECK (source IN ('api', 'import'));
ALTER TABLE reschedules ADD COLUMN transfer_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reschedules ADD COLUMN transfer_after INTEGER NOT NULL DEFAULT 0;
