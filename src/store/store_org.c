/* Units and people (0002_org.sql). */
#include "store/store_org.h"

#include <string.h>

#include "base/xalloc.h"
#include "store/store_int.h"

static const char *col_arena(struct mc_arena *a, sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    return t ? mc_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(s, col)) : NULL;
}

/* Step a statement whose every row is copied by `row`; grows *items. */
typedef void row_fn(sqlite3_stmt *s, struct mc_arena *a, void *item);

static enum mc_status collect(struct store *st, sqlite3_stmt *s, struct mc_arena *a, size_t size,
                              row_fn *row, void **items, size_t *n, const char *what,
                              struct mc_err *err)
{
    size_t cap = 16, count = 0;
    char *buf = mc_arena_alloc(a, cap * size);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (count == cap) {
            char *bigger = mc_arena_alloc(a, 2 * cap * size);
            memcpy(bigger, buf, cap * size);
            buf = bigger;
            cap *= 2;
        }
        row(s, a, buf + count * size);
        count++;
    }
    if (rc != SQLITE_DONE) {
        enum mc_status out = store_fail_db(st, err, what);
        sqlite3_reset(s);
        return out;
    }
    sqlite3_reset(s);
    *items = buf;
    *n = count;
    return MC_OK;
}

/* ---- units ---------------------------------------------------------------- */

enum mc_status store_unit_upsert(struct store *st, const struct store_unit *u, struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "INSERT INTO units(code, name, name_en, kind) VALUES (?1, ?2, ?3, ?4)"
                   " ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
                   " name_en = excluded.name_en, kind = excluded.kind",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, u->code);
    store_bind_text(s, 2, u->name);
    store_bind_text(s, 3, u->name_en);
    store_bind_text(s, 4, u->kind);
    return store_exec_stmt(st, s, "saving a unit", err);
}

enum mc_status store_unit_set_parent(struct store *st, const char *code, const char *parent,
                                     struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE units SET parent = (SELECT id FROM units WHERE code = ?2)"
                                 " WHERE code = ?1 AND (?2 IS NULL OR EXISTS"
                                 " (SELECT 1 FROM units WHERE code = ?2))",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, parent);
    enum mc_status rc = store_exec_stmt(st, s, "setting a unit's parent", err);
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        return mc_fail(err, MC_ENOTFOUND, "no unit %s or no parent unit %s", code,
                       parent ? parent : "(none)");
    }
    return rc;
}

static void unit_row(sqlite3_stmt *s, struct mc_arena *a, void *item)
{
    struct store_unit *u = item;
    u->code = col_arena(a, s, 0);
    u->name = col_arena(a, s, 1);
    u->name_en = col_arena(a, s, 2);
    u->kind = col_arena(a, s, 3);
    u->parent = col_arena(a, s, 4);
}

enum mc_status store_unit_list(struct store *st, struct mc_arena *a, struct store_unit **out,
                               size_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT u.code, u.name, u.name_en, u.kind, p.code FROM units u"
                                 " LEFT JOIN units p ON p.id = u.parent ORDER BY u.code",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    void *items = NULL;
    enum mc_status rc = collect(st, s, a, sizeof(**out), unit_row, &items, n, "listing units", err);
    *out = items;
    return rc;
}

static void link_row(sqlite3_stmt *s, struct mc_arena *a, void *item)
{
    struct core_unit_link *l = item;
    l->code = col_arena(a, s, 0);
    l->parent = col_arena(a, s, 1);
}

enum mc_status store_unit_links(struct store *st, struct mc_arena *a, struct core_unit_link **out,
                                size_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st, "SELECT u.code, p.code FROM units u LEFT JOIN units p ON p.id = u.parent", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    void *items = NULL;
    enum mc_status rc =
        collect(st, s, a, sizeof(**out), link_row, &items, n, "reading the unit tree", err);
    *out = items;
    return rc;
}

enum mc_status store_units_export_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM units WHERE parent IS NULL"
                   " UNION ALL SELECT u.id, t.depth + 1 FROM units u JOIN t ON u.parent = t.id)"
                   " SELECT json_group_array(json(x)) FROM (SELECT json_object('code', u.code,"
                   " 'name', u.name, 'name_en', u.name_en, 'parent', p.code, 'kind', u.kind) AS x"
                   " FROM t JOIN units u ON u.id = t.id LEFT JOIN units p ON p.id = u.parent"
                   " ORDER BY t.depth, u.code)",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, "the units", json, err);
}

/* ---- people --------------------------------------------------------------- */

enum mc_status store_person_upsert(struct store *st, const struct store_person *p, int64_t now,
                                   struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "INSERT INTO people(username, full_name, position, email, phone, created_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(username) DO UPDATE SET"
                   " full_name = excluded.full_name, position = excluded.position,"
                   " email = excluded.email, phone = excluded.phone"
                   /* The system actor (0016) is not staff: an import or an
                    * administrator never rewrites it. */
                   " WHERE people.kind = 'person'",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, p->username);
    store_bind_text(s, 2, p->full_name);
    store_bind_text(s, 3, p->position);
    store_bind_text(s, 4, p->email);
    store_bind_text(s, 5, p->phone);
    store_bind_i64(s, 6, now);
    enum mc_status rc = store_exec_stmt(st, s, "saving a person", err);
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        return mc_fail_field(err, MC_EINVAL, "username",
                             "%s is the system actor (it opens recurring cases), not a member of "
                             "staff: it cannot be edited",
                             p->username);
    }
    return rc;
}

enum mc_status store_person_is_system(struct store *st, int64_t person, bool *is_system,
                                      struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT kind = 'system' FROM people WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    int rc = sqlite3_step(s);
    *is_system = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "no such user");
    }
    return rc == SQLITE_ROW ? MC_OK : store_fail_db(st, err, "reading a person's kind");
}

/* MC_EINVAL naming `field` when `person` is the system actor: it never
 * logs in, holds a role or acts for anyone but the recurrence sweep. */
static enum mc_status refuse_system(struct store *st, int64_t person, const char *field,
                                    struct mc_err *err)
{
    bool is_system = false;
    enum mc_status rc = store_person_is_system(st, person, &is_system, err);
    if (rc == MC_OK && is_system) {
        rc = mc_fail_field(err, MC_EINVAL, field,
                           "%s: the system actor (it opens recurring cases) cannot log in or "
                           "hold roles",
                           field);
    }
    return rc;
}

enum mc_status store_person_id(struct store *st, const char *username, int64_t *id,
                               struct mc_err *err)
{
    return store_id_of(st, "SELECT id FROM people WHERE username = ?1", username, "user", id, err);
}

static enum mc_status unit_id(struct store *st, const char *code, int64_t *id, struct mc_err *err)
{
    return store_id_of(st, "SELECT id FROM units WHERE code = ?1", code, "unit", id, err);
}

enum mc_status store_person_set_roles(struct store *st, int64_t person,
                                      const struct core_grant *grants, size_t n, struct mc_err *err)
{
    if (n > 0) {
        enum mc_status rc = refuse_system(st, person, "roles", err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    sqlite3_stmt *s = store_stmt(st, "DELETE FROM person_roles WHERE person = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    enum mc_status rc = store_exec_stmt(st, s, "replacing roles", err);
    for (size_t i = 0; i < n && rc == MC_OK; i++) {
        int64_t unit = 0;
        rc = unit_id(st, grants[i].unit, &unit, err);
        if (rc != MC_OK) {
            break;
        }
        s = store_stmt(
            st, "INSERT OR IGNORE INTO person_roles(person, role, unit) VALUES (?1, ?2, ?3)", err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, person);
        store_bind_text(s, 2, core_role_name(grants[i].role));
        store_bind_i64(s, 3, unit);
        rc = store_exec_stmt(st, s, "saving a role", err);
    }
    return rc;
}

enum mc_status store_person_set_in_charge(struct store *st, int64_t person,
                                          const char *const *units, size_t n, struct mc_err *err)
{
    if (n > 0) {
        enum mc_status rc = refuse_system(st, person, "in_charge_of", err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    sqlite3_stmt *s = store_stmt(st, "DELETE FROM person_in_charge WHERE person = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    enum mc_status rc = store_exec_stmt(st, s, "replacing units in charge", err);
    for (size_t i = 0; i < n && rc == MC_OK; i++) {
        int64_t unit = 0;
        rc = unit_id(st, units[i], &unit, err);
        if (rc != MC_OK) {
            break;
        }
        s = store_stmt(st, "INSERT OR IGNORE INTO person_in_charge(person, unit) VALUES (?1, ?2)",
                       err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, person);
        store_bind_i64(s, 2, unit);
        rc = store_exec_stmt(st, s, "saving a unit in charge", err);
    }
    return rc;
}

static enum mc_status changed_one(struct store *st, enum mc_status rc, struct mc_err *err)
{
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        return mc_fail(err, MC_ENOTFOUND, "no such user");
    }
    return rc;
}

enum mc_status store_person_set_password(struct store *st, int64_t person, const char *hash,
                                         struct mc_err *err)
{
    enum mc_status rc = refuse_system(st, person, "password", err);
    if (rc != MC_OK) {
        return rc;
    }
    sqlite3_stmt *s = store_stmt(st, "UPDATE people SET password_hash = ?2 WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    store_bind_text(s, 2, hash);
    return changed_one(st, store_exec_stmt(st, s, "setting a password", err), err);
}

enum mc_status store_person_set_disabled(struct store *st, int64_t person, bool disabled,
                                         struct mc_err *err)
{
    if (!disabled) {
        enum mc_status rc = refuse_system(st, person, "disabled", err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    sqlite3_stmt *s = store_stmt(st, "UPDATE people SET disabled = ?2 WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    store_bind_i64(s, 2, disabled ? 1 : 0);
    enum mc_status rc = changed_one(st, store_exec_stmt(st, s, "disabling a user", err), err);
    if (rc != MC_OK || !disabled) {
        return rc;
    }
    s = store_stmt(st, "DELETE FROM sessions WHERE person = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    return store_exec_stmt(st, s, "ending a user's sessions", err);
}

enum mc_status store_person_login(struct store *st, const char *username, struct mc_arena *a,
                                  struct store_login *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT id, password_hash, disabled OR kind = 'system' FROM people"
                                 " WHERE username = ?1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, username);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->person = sqlite3_column_int64(s, 0);
        out->hash = col_arena(a, s, 1);
        out->disabled = sqlite3_column_int(s, 2) != 0;
        sqlite3_reset(s);
        return MC_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "no user %s", username);
    }
    return store_fail_db(st, err, "reading a login");
}

static void grant_row(sqlite3_stmt *s, struct mc_arena *a, void *item)
{
    struct core_grant *g = item;
    const char *role = (const char *)sqlite3_column_text(s, 0);
    /* The table's CHECK keeps role to the known names. */
    MC_ASSERT(role && core_role_parse(role, &g->role));
    g->unit = col_arena(a, s, 1);
}

static void code_row(sqlite3_stmt *s, struct mc_arena *a, void *item)
{
    *(const char **)item = col_arena(a, s, 0);
}

enum mc_status store_person_grants(struct store *st, int64_t person, struct mc_arena *a,
                                   struct core_grant **grants, size_t *ngrants,
                                   const char ***in_charge, size_t *nin_charge, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT r.role, u.code FROM person_roles r JOIN units u"
                                 " ON u.id = r.unit WHERE r.person = ?1 ORDER BY u.code, r.role",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    void *items = NULL;
    enum mc_status rc =
        collect(st, s, a, sizeof(**grants), grant_row, &items, ngrants, "reading roles", err);
    *grants = items;
    if (rc != MC_OK) {
        return rc;
    }
    s = store_stmt(st,
                   "SELECT u.code FROM person_in_charge c JOIN units u ON u.id = c.unit"
                   " WHERE c.person = ?1 ORDER BY u.code",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    rc = collect(st, s, a, sizeof(**in_charge), code_row, &items, nin_charge,
                 "reading units in charge", err);
    *in_charge = items;
    return rc;
}

enum mc_status store_person_json(struct store *st, int64_t person, char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT doc FROM person_doc WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    return store_json_row(st, s, "the user", json, err);
}

enum mc_status store_people_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT json_group_array(json(d.doc)) FROM"
                                 " (SELECT d.doc FROM person_doc d JOIN people p ON p.id = d.id"
                                 " WHERE p.kind = 'person' ORDER BY d.username) AS d",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, "the people", json, err);
}

enum mc_status store_people_export_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT json_group_array(json(x)) FROM (SELECT json_object('username', p.username,"
        " 'full_name', p.full_name, 'position', p.position, 'email', p.email,"
        " 'phone', p.phone,"
        " 'roles', json((SELECT json_group_array(json_object('role', y.role, 'unit', y.code))"
        "   FROM (SELECT r.role, u.code FROM person_roles r JOIN units u ON u.id = r.unit"
        "         WHERE r.person = p.id ORDER BY u.code, r.role) AS y)),"
        " 'in_charge_of', json((SELECT json_group_array(y.code)"
        "   FROM (SELECT u.code FROM person_in_charge c JOIN units u ON u.id = c.unit"
        "         WHERE c.person = p.id ORDER BY u.code) AS y))) AS x"
        /* The system actor (0013, 0016) is made by the migrations, not
         * listed in people.json: it is no member of staff. */
        " FROM people p WHERE p.kind = 'person' ORDER BY p.username)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, "the people", json, err);
}
