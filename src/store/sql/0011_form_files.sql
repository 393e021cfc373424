-- Blank forms (tờ khai templates) to download beside a dossier component
-- of a procedure case (issue 5 item 2). An administrator uploads the file
-- with POST /api/uploads and attaches it; the upload's row in attachments
-- is then consumed (deleted) and its description moves here, so the bytes
-- (content-addressed, src/store/blob.h) are named by this row instead.
--
-- A component has no id of its own: the catalog knows it as the position
-- `ord` (1-based, the order of the import file) within its case, and a
-- re-import rewrites the components of a case in place. The link is keyed
-- by (case, ord), not by a foreign key to components, so a re-import keeps
-- it; removing the case removes its links (ON DELETE CASCADE). See
-- docs/IMPORT.md.

CREATE TABLE form_files (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL CHECK (ord >= 1),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size > 0),
    mime       TEXT NOT NULL CHECK (length(mime) BETWEEN 3 AND 100), -- sniffed from content
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255), -- NFC, sanitised
    uploader   INTEGER REFERENCES people(id),
    created_at INTEGER NOT NULL, -- minutes since the Unix epoch (UTC)
    UNIQUE (case_id, ord)
) STRICT;

CREATE INDEX form_files_sha ON form_files(sha256);
