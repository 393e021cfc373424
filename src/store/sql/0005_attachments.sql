-- Attachments (issue 4 item 5, issue 5 item 2): real files behind a
-- dossier's components and handover events. The bytes live outside the
-- database, content-addressed by SHA-256 (src/store/blob.h: <db dir>/files/
-- ab/<sha256>), so identical files are stored once; this table holds what
-- the bytes do not say.
--
-- An upload is first free (dossier NULL, expires_at set): the applicant
-- uploads during online submission before the dossier exists, staff upload
-- before the action that carries the file. The submission or action then
-- references it by its token and links it here, in the same transaction as
-- the transition; a free upload past expires_at is deleted (with its bytes
-- when no other row shares them). A linked row is never deleted: its hash is
-- sealed into the handover event (events.attachments).
--
-- Instants are minutes since the Unix epoch (UTC), as in 0004.

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    -- Public id: 128 random bits as hex. For an anonymous upload it is the
    -- only proof of ownership, so it is never guessable.
    token       TEXT NOT NULL UNIQUE CHECK (length(token) = 32),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size > 0),
    mime        TEXT NOT NULL CHECK (length(mime) BETWEEN 3 AND 100), -- sniffed from content
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255), -- NFC, sanitised
    uploader    INTEGER REFERENCES people(id), -- NULL: the applicant (online submission)
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER,                        -- NULL once linked
    dossier     INTEGER REFERENCES dossiers(id),
    component   TEXT CHECK (component IS NULL OR length(component) BETWEEN 1 AND 500),
    event_seq   INTEGER,                        -- the handover event that carried it
    CHECK ((dossier IS NULL) = (expires_at IS NOT NULL))
) STRICT;

CREATE INDEX attachments_dossier ON attachments(dossier, id) WHERE dossier IS NOT NULL;
CREATE INDEX attachments_free ON attachments(expires_at) WHERE dossier IS NULL;
CREATE INDEX attachments_sha ON attachments(sha256);
