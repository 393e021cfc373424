-- The version of what authentication reads: people, their roles and units in
-- charge, the unit tree, sessions and API tokens. Every change to them bumps
-- it in the same transaction, from any process (the CLI too), so that the
-- server may keep resolved sessions in memory for as long as it has not
-- moved (src/http/auth.c, docs/SECURITY.md "Sessions").
CREATE TABLE org_version (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    v   INTEGER NOT NULL
) STRICT;
INSERT INTO org_version (id, v) VALUES (1, 0);
CREATE TRIGGER units_insert_org_version AFTER INSERT ON units
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER units_update_org_version AFTER UPDATE ON units
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER units_delete_org_version AFTER DELETE ON units
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER people_insert_org_version AFTER INSERT ON people
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER people_update_org_version AFTER UPDATE ON people
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER people_delete_org_version AFTER DELETE ON people
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_roles_insert_org_version AFTER INSERT ON person_roles
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_roles_update_org_version AFTER UPDATE ON person_roles
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_roles_delete_org_version AFTER DELETE ON person_roles
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_in_charge_insert_org_version AFTER INSERT ON person_in_charge
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_in_charge_update_org_version AFTER UPDATE ON person_in_charge
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER person_in_charge_delete_org_version AFTER DELETE ON person_in_charge
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER sessions_insert_org_version AFTER INSERT ON sessions
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER sessions_update_org_version AFTER UPDATE ON sessions
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER sessions_delete_org_version AFTER DELETE ON sessions
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER api_tokens_insert_org_version AFTER INSERT ON api_tokens
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER api_tokens_update_org_version AFTER UPDATE ON api_tokens
    BEGIN UPDATE org_version SET v = v + 1; END;
CREATE TRIGGER api_tokens_delete_org_version AFTER DELETE ON api_tokens
    BEGIN UPDATE org_version SET v = v + 1; END;
