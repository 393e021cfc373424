-- The agency this database serves (one row) and free-form settings.
CREATE TABLE agency (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 13),
    name        TEXT NOT NULL,
    name_en     TEXT,
    province    TEXT,
    address     TEXT,
    phone       TEXT,
    email       TEXT,
    website     TEXT
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
