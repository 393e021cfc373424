/* units.json and people.json (docs/IMPORT.md): upsert by code / username.
 * Every record is checked before anything is written, every error is
 * reported with its file and JSON path, and a file with an error writes
 * nothing (the whole import rolls back anyway). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "cli/import.h"
#include "core/org.h"
#include "core/role.h"
#include "core/scope.h"
#include "http/secret.h"
#include "store/store_org.h"

/* ---- units.json ----------------------------------------------------------- */

static bool check_unit(struct import_ctx *ctx, const char *file, size_t i, json_t *u,
                       struct store_unit *out)
{
    static const char *const keys[] = { "code", "name", "name_en", "parent", "kind", NULL };
    char path[48];
    snprintf(path, sizeof(path), "$[%zu]", i);
    memset(out, 0, sizeof(*out));
    if (!json_is_object(u)) {
        import_error(ctx, file, path, "must be an object");
        return false;
    }
    /* Go on after an unknown key so that one run lists every error. */
    bool ok = import_only_keys(ctx, file, path, u, keys);
    ok &= import_str(ctx, file, path, u, "code", true, CORE_UNIT_CODE_MAX + 64, &out->code);
    ok &= import_str(ctx, file, path, u, "name", true, CORE_NAME_MAX, &out->name);
    ok &= import_str(ctx, file, path, u, "name_en", false, CORE_NAME_MAX, &out->name_en);
    ok &= import_str(ctx, file, path, u, "parent", false, CORE_UNIT_CODE_MAX + 64, &out->parent);
    ok &= import_str(ctx, file, path, u, "kind", true, 32, &out->kind);
    char where[80];
    if (out->code && !core_unit_code_ok(out->code)) {
        snprintf(where, sizeof(where), "%s.code", path);
        import_error(ctx, file, where, "must be 1 to 16 characters of A-Z, 0-9, _ and -");
        ok = false;
    }
    enum core_unit_kind kind;
    if (out->kind && !core_unit_kind_parse(out->kind, &kind)) {
        snprintf(where, sizeof(where), "%s.kind", path);
        import_error(ctx, file, where,
                     "unknown kind %s: one of leadership, office, division, subagency, "
                     "reception, control, committee",
                     out->kind);
        ok = false;
    }
    return ok && out->code && out->name && out->kind;
}

/* The tree after the import: the file's units plus those already stored
 * that the file does not name. */
static bool check_tree(struct import_ctx *ctx, const char *file, struct mc_arena *a,
                       const struct store_unit *units, size_t n)
{
    struct store_unit *old = NULL;
    size_t nold = 0;
    struct mc_err err;
    if (store_unit_list(ctx->st, a, &old, &nold, &err) != MC_OK) {
        import_error(ctx, file, "", "%s", err.msg);
        return false;
    }
    struct core_unit_link *links = mc_arena_alloc(a, (n + nold + 1) * sizeof(*links));
    size_t nl = 0;
    for (size_t i = 0; i < n; i++) {
        links[nl++] = (struct core_unit_link){ units[i].code, units[i].parent };
    }
    for (size_t i = 0; i < nold; i++) {
        if (core_unit_find(links, n, old[i].code) < 0) {
            links[nl++] = (struct core_unit_link){ old[i].code, old[i].parent };
        }
    }
    size_t at = 0;
    enum core_tree_problem p = core_unit_tree_check(links, nl, &at);
    if (p == TREE_OK) {
        return true;
    }
    /* Units after the file's come from the database: no path in the file. */
    char where[80];
    snprintf(where, sizeof(where), at < n ? "$[%zu].%s" : "$", at,
             p == TREE_DUPLICATE ? "code" : "parent");
    switch (p) {
    case TREE_OK:
        break;
    case TREE_DUPLICATE:
        import_error(ctx, file, where, "unit %s appears twice", links[at].code);
        break;
    case TREE_UNKNOWN_PARENT:
        import_error(ctx, file, where, "no unit %s", links[at].parent);
        break;
    case TREE_CYCLE:
        import_error(ctx, file, where, "unit %s would be its own ancestor", links[at].code);
        break;
    }
    return false;
}

static int import_units(struct import_ctx *ctx)
{
    static const char file[] = "units.json";
    json_t *j = import_load(ctx, file, false);
    if (j == NULL) {
        return 0;
    }
    int loaded = 0;
    struct mc_arena a;
    mc_arena_init(&a);
    if (!json_is_array(j)) {
        import_error(ctx, file, "$", "must be an array of units");
        goto out;
    }
    size_t n = json_array_size(j);
    struct store_unit *units = mc_arena_alloc(&a, (n + 1) * sizeof(*units));
    bool ok = true;
    size_t i;
    json_t *u;
    json_array_foreach (j, i, u) {
        ok &= check_unit(ctx, file, i, u, &units[i]);
    }
    if (!ok || !check_tree(ctx, file, &a, units, n)) {
        goto out;
    }
    struct mc_err err;
    for (i = 0; i < n; i++) {
        if (store_unit_upsert(ctx->st, &units[i], &err) != MC_OK) {
            import_error(ctx, file, "", "%s", err.msg);
            goto out;
        }
    }
    for (i = 0; i < n; i++) {
        if (store_unit_set_parent(ctx->st, units[i].code, units[i].parent, &err) != MC_OK) {
            import_error(ctx, file, "", "%s", err.msg);
            goto out;
        }
    }
    loaded = (int)n;
out:
    mc_arena_release(&a);
    json_decref(j);
    return loaded;
}

/* ---- people.json ---------------------------------------------------------- */

struct person_rec {
    struct store_person p;
    const char *password;
    struct core_grant *grants;
    size_t ngrants;
    const char **in_charge;
    size_t nin_charge;
};

static bool unit_exists(struct import_ctx *ctx, const struct core_unit_link *links, size_t nl,
                        const char *file, const char *where, const char *code)
{
    if (core_unit_find(links, nl, code) < 0) {
        import_error(ctx, file, where, "no unit %s", code);
        return false;
    }
    return true;
}

static bool check_roles(struct import_ctx *ctx, const char *file, const char *path, json_t *arr,
                        struct mc_arena *a, const struct core_unit_link *links, size_t nl,
                        struct person_rec *r)
{
    char where[160];
    snprintf(where, sizeof(where), "%s.roles", path);
    if (json_array_size(arr) == 0) {
        import_error(ctx, file, where, "must hold one or more {role, unit}");
        return false;
    }
    r->ngrants = json_array_size(arr);
    r->grants = mc_arena_alloc(a, r->ngrants * sizeof(*r->grants));
    static const char *const keys[] = { "role", "unit", NULL };
    bool ok = true;
    size_t i;
    json_t *g;
    json_array_foreach (arr, i, g) {
        char gp[96];
        snprintf(gp, sizeof(gp), "%s.roles[%zu]", path, i);
        const char *role = NULL, *unit = NULL;
        if (!json_is_object(g)) {
            import_error(ctx, file, gp, "must be {\"role\", \"unit\"}");
            ok = false;
            continue;
        }
        bool gok = import_only_keys(ctx, file, gp, g, keys);
        gok &= import_str(ctx, file, gp, g, "role", true, 32, &role);
        gok &= import_str(ctx, file, gp, g, "unit", true, 64, &unit);
        if (role && !core_role_parse(role, &r->grants[i].role)) {
            snprintf(where, sizeof(where), "%s.role", gp);
            import_error(ctx, file, where,
                         "unknown role %s: one of director, deputy_director, head, deputy_head, "
                         "specialist, reception, clerk, control, steering, admin",
                         role);
            gok = false;
        }
        snprintf(where, sizeof(where), "%s.unit", gp);
        if (unit && !unit_exists(ctx, links, nl, file, where, unit)) {
            gok = false;
        }
        r->grants[i].unit = unit;
        ok &= gok && role && unit;
    }
    return ok;
}

static bool check_in_charge(struct import_ctx *ctx, const char *file, const char *path, json_t *arr,
                            struct mc_arena *a, const struct core_unit_link *links, size_t nl,
                            struct person_rec *r)
{
    r->nin_charge = arr ? json_array_size(arr) : 0;
    r->in_charge = mc_arena_alloc(a, (r->nin_charge + 1) * sizeof(*r->in_charge));
    bool ok = true;
    size_t i;
    json_t *v;
    char where[96];
    json_array_foreach (arr, i, v) {
        snprintf(where, sizeof(where), "%s.in_charge_of[%zu]", path, i);
        r->in_charge[i] = json_string_value(v);
        if (r->in_charge[i] == NULL) {
            import_error(ctx, file, where, "must be a unit code");
            ok = false;
        } else if (!unit_exists(ctx, links, nl, file, where, r->in_charge[i])) {
            ok = false;
        }
    }
    bool deputy = false;
    for (i = 0; i < r->ngrants; i++) {
        deputy |= r->grants[i].role == ROLE_DEPUTY_DIRECTOR;
    }
    if (r->nin_charge > 0 && !deputy) {
        snprintf(where, sizeof(where), "%s.in_charge_of", path);
        import_error(ctx, file, where, "only a deputy_director has units in charge");
        ok = false;
    }
    return ok;
}

static bool check_person(struct import_ctx *ctx, const char *file, size_t i, json_t *pj,
                         struct mc_arena *a, const struct core_unit_link *links, size_t nl,
                         struct person_rec *r)
{
    static const char *const keys[] = { "username", "full_name", "position",     "email", "phone",
                                        "password", "roles",     "in_charge_of", NULL };
    char path[48], where[96];
    snprintf(path, sizeof(path), "$[%zu]", i);
    memset(r, 0, sizeof(*r));
    if (!json_is_object(pj)) {
        import_error(ctx, file, path, "must be an object");
        return false;
    }
    bool ok = import_only_keys(ctx, file, path, pj, keys);
    ok &= import_str(ctx, file, path, pj, "username", true, 64, &r->p.username);
    ok &= import_str(ctx, file, path, pj, "full_name", true, CORE_NAME_MAX, &r->p.full_name);
    ok &= import_str(ctx, file, path, pj, "position", false, CORE_NAME_MAX, &r->p.position);
    ok &= import_str(ctx, file, path, pj, "email", false, CORE_CONTACT_MAX, &r->p.email);
    ok &= import_str(ctx, file, path, pj, "phone", false, CORE_CONTACT_MAX, &r->p.phone);
    ok &= import_str(ctx, file, path, pj, "password", false, CORE_PASSWORD_MAX, &r->password);
    if (r->p.username && !core_username_ok(r->p.username)) {
        snprintf(where, sizeof(where), "%s.username", path);
        import_error(ctx, file, where, "must be 3 to 32 characters of a-z, 0-9, '.', '_', '-'");
        ok = false;
    }
    if (r->password && !core_password_ok(r->password)) {
        snprintf(where, sizeof(where), "%s.password", path);
        import_error(ctx, file, where, "must be at least %d bytes", CORE_PASSWORD_MIN);
        ok = false;
    }
    json_t *roles = NULL, *in_charge = NULL;
    if (import_array(ctx, file, path, pj, "roles", true, &roles)) {
        ok &= check_roles(ctx, file, path, roles, a, links, nl, r);
    } else {
        ok = false;
    }
    if (import_array(ctx, file, path, pj, "in_charge_of", false, &in_charge)) {
        ok &= check_in_charge(ctx, file, path, in_charge, a, links, nl, r);
    } else {
        ok = false;
    }
    return ok && r->p.username && r->p.full_name;
}

static bool write_person(struct import_ctx *ctx, const char *file, size_t i,
                         const struct person_rec *r, int64_t now)
{
    struct mc_err err;
    mc_err_clear(&err);
    int64_t id = 0;
    char hash[HTTP_PWHASH_LEN];
    enum mc_status rc = store_person_upsert(ctx->st, &r->p, now, &err);
    if (rc == MC_OK) {
        rc = store_person_id(ctx->st, r->p.username, &id, &err);
    }
    if (rc == MC_OK) {
        rc = store_person_set_roles(ctx->st, id, r->grants, r->ngrants, &err);
    }
    if (rc == MC_OK) {
        rc = store_person_set_in_charge(ctx->st, id, r->in_charge, r->nin_charge, &err);
    }
    if (rc == MC_OK && r->password) {
        rc = http_password_hash(r->password, hash, &err);
        if (rc == MC_OK) {
            rc = store_person_set_password(ctx->st, id, hash, &err);
        }
    }
    if (rc != MC_OK) {
        char where[48];
        snprintf(where, sizeof(where), "$[%zu]", i);
        import_error(ctx, file, where, "%s", err.msg);
        return false;
    }
    return true;
}

static int import_people(struct import_ctx *ctx)
{
    static const char file[] = "people.json";
    json_t *j = import_load(ctx, file, false);
    if (j == NULL) {
        return 0;
    }
    int loaded = 0;
    struct mc_arena a;
    mc_arena_init(&a);
    struct core_unit_link *links = NULL;
    size_t nl = 0;
    struct mc_err err;
    if (!json_is_array(j)) {
        import_error(ctx, file, "$", "must be an array of people");
        goto out;
    }
    if (store_unit_links(ctx->st, &a, &links, &nl, &err) != MC_OK) {
        import_error(ctx, file, "", "%s", err.msg);
        goto out;
    }
    size_t n = json_array_size(j);
    struct person_rec *recs = mc_arena_alloc(&a, (n + 1) * sizeof(*recs));
    bool ok = true;
    size_t i;
    json_t *pj;
    json_array_foreach (j, i, pj) {
        ok &= check_person(ctx, file, i, pj, &a, links, nl, &recs[i]);
        for (size_t k = 0; k < i && recs[i].p.username; k++) {
            if (recs[k].p.username && strcmp(recs[k].p.username, recs[i].p.username) == 0) {
                char where[64];
                snprintf(where, sizeof(where), "$[%zu].username", i);
                import_error(ctx, file, where, "%s appears twice", recs[i].p.username);
                ok = false;
            }
        }
    }
    /* Skip the argon2id work when the import will roll back anyway. */
    if (!ok || ctx->nerrors > 0) {
        goto out;
    }
    int64_t now = (int64_t)time(NULL);
    for (i = 0; i < n; i++) {
        if (!write_person(ctx, file, i, &recs[i], now)) {
            goto out;
        }
    }
    loaded = (int)n;
out:
    mc_arena_release(&a);
    json_decref(j);
    return loaded;
}

int import_org(struct import_ctx *ctx)
{
    int units = import_units(ctx);
    int people = import_people(ctx);
    return units + people;
}

/* ---- export --------------------------------------------------------------- */

static int export_one(struct store *st, const char *dir, const char *name,
                      enum mc_status (*get)(struct store *, char **, struct mc_err *))
{
    char *text = NULL;
    struct mc_err err;
    mc_err_clear(&err);
    if (get(st, &text, &err) != MC_OK) {
        fprintf(stderr, "motcua export: %s\n", err.msg);
        return -1;
    }
    json_t *j = json_loads(text, 0, NULL);
    free(text);
    if (j == NULL) {
        fprintf(stderr, "motcua export: %s: the database returned malformed JSON\n", name);
        return -1;
    }
    int rc = export_write(dir, name, j);
    json_decref(j);
    return rc;
}

int export_org(struct store *st, const char *dir)
{
    if (export_one(st, dir, "units.json", store_units_export_json) != 0) {
        return -1;
    }
    return export_one(st, dir, "people.json", store_people_export_json);
}
