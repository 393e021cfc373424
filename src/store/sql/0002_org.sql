-- The organisation (R18): units as a tree, people, their roles per unit, the
-- units each deputy director is in charge of; login sessions and API tokens.
-- Instants are UTC seconds since the epoch. Secrets (session and API tokens)
-- are stored only as BLAKE2b-256 hashes in hex: a copy of the database does
-- not let anyone log in.

CREATE TABLE units (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
    name     TEXT NOT NULL,
    name_en  TEXT,
    kind     TEXT NOT NULL CHECK (kind IN ('leadership', 'office', 'division', 'subagency',
                                           'reception', 'control', 'committee')),
    parent   INTEGER REFERENCES units(id) ON DELETE RESTRICT,
    CHECK (parent IS NULL OR parent <> id)
) STRICT;
CREATE INDEX units_parent ON units(parent);

CREATE TABLE people (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 32),
    full_name      TEXT NOT NULL,
    position       TEXT,
    email          TEXT,
    phone          TEXT,
    -- argon2id string (crypto_pwhash_str); NULL: cannot log in with a password.
    password_hash  TEXT,
    disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at     INTEGER NOT NULL
) STRICT;

CREATE TABLE person_roles (
    person  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('director', 'deputy_director', 'head', 'deputy_head',
                                          'specialist', 'reception', 'clerk', 'control',
                                          'steering', 'admin')),
    unit    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    PRIMARY KEY (person, role, unit)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_roles_unit ON person_roles(unit);

-- Lãnh đạo phụ trách: the units a deputy director is in charge of.
CREATE TABLE person_in_charge (
    person  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    unit    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    PRIMARY KEY (person, unit)
) STRICT, WITHOUT ROWID;

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    person      INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    csrf_token  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER NOT NULL,
    -- Absolute end; the idle limit is checked against last_seen.
    expires_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_person ON sessions(person);

CREATE TABLE api_tokens (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    owner       INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    last_used   INTEGER,
    revoked_at  INTEGER
) STRICT;
CREATE INDEX api_tokens_owner ON api_tokens(owner);

-- A person as the API shows it (store_person_json, store_people_json). The
-- inner arrays go through json() because a subquery drops SQLite's JSON
-- subtype and would otherwise nest them as strings.
CREATE VIEW person_doc AS
SELECT p.id AS id, p.username AS username, json_object(
    'username', p.username, 'full_name', p.full_name, 'position', p.position,
    'email', p.email, 'phone', p.phone,
    'disabled', json(iif(p.disabled, 'true', 'false')),
    'roles', json((SELECT json_group_array(json_object('role', x.role, 'unit', x.code,
                                                       'unit_name', x.name))
                   FROM (SELECT r.role, u.code, u.name FROM person_roles r
                         JOIN units u ON u.id = r.unit WHERE r.person = p.id
                         ORDER BY u.code, r.role) AS x)),
    'in_charge_of', json((SELECT json_group_array(json_object('code', x.code, 'name', x.name))
                          FROM (SELECT u.code, u.name FROM person_in_charge c
                                JOIN units u ON u.id = c.unit WHERE c.person = p.id
                                ORDER BY u.code) AS x))) AS doc
FROM people p;
