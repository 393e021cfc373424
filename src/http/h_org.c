/* The organisation over HTTP: the unit tree, the staff directory, and the
 * administrator's people management. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/org.h"
#include "core/role.h"
#include "core/scope.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/org_out.h"
#include "http/secret.h"
#include "store/store_org.h"

#define EVERYWHERE_ROLES                                                       \
    (ROLE_BIT(ROLE_DIRECTOR) | ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_CONTROL) | \
     ROLE_BIT(ROLE_STEERING))

/* ---- GET /api/units ----------------------------------------------------- */

enum mc_status h_unit_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    struct store_unit *units = NULL;
    size_t n = 0;
    enum mc_status rc = store_unit_list(req->db, &req->arena, &units, &n, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t **nodes = mc_arena_alloc(&req->arena, (n ? n : 1) * sizeof(*nodes));
    for (size_t i = 0; i < n; i++) {
        nodes[i] = json_pack("{s:s, s:s, s:s?, s:s, s:s?, s:[]}", "code", units[i].code, "name",
                             units[i].name, "name_en", units[i].name_en, "kind", units[i].kind,
                             "parent", units[i].parent, "children");
    }
    /* Children in code order under their parent; roots at the top. */
    json_t *roots = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *home = roots;
        for (size_t k = 0; units[i].parent && k < n; k++) {
            if (strcmp(units[k].code, units[i].parent) == 0) {
                home = json_object_get(nodes[k], "children");
            }
        }
        json_array_append(home, nodes[i]);
    }
    for (size_t i = 0; i < n; i++) {
        json_decref(nodes[i]);
    }
    http_resp_json(resp, 200, json_pack("{s:o}", "units", roots));
    return MC_OK;
}

/* ---- GET /api/people ------------------------------------------------------ */

static bool person_in(const struct http_req *req, json_t *person, const char *under)
{
    const struct core_scope *sc = &req->who->scope;
    json_t *roles = json_object_get(person, "roles");
    if (json_array_size(roles) == 0) {
        /* Nobody's unit: only those who see every unit see them. */
        return under == NULL && core_scope_holds(sc, EVERYWHERE_ROLES, NULL);
    }
    size_t i;
    json_t *r;
    json_array_foreach (roles, i, r) {
        const char *unit = json_string_value(json_object_get(r, "unit"));
        if (unit && core_scope_can_read(sc, unit) &&
            (under == NULL || core_unit_within(sc->units, sc->nunits, unit, under))) {
            return true;
        }
    }
    return false;
}

enum mc_status h_person_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct core_scope *sc = &req->who->scope;
    const char *unit = http_query(req, "unit");
    if (unit) {
        if (!core_unit_code_ok(unit)) {
            return mc_fail_field(err, MC_EINVAL, "unit",
                                 "unit must be a unit code (1-16 of A-Z, 0-9, _ and -)");
        }
        if (core_unit_find(sc->units, sc->nunits, unit) < 0) {
            return mc_fail_field(err, MC_ENOTFOUND, "unit", "no unit %s", unit);
        }
        if (!http_can_read_unit(req, unit)) {
            return mc_fail_field(err, MC_EPERM, "unit", "your roles do not reach unit %s", unit);
        }
    }
    char *text = NULL;
    json_t *all = NULL;
    enum mc_status rc = store_people_json(req->db, &text, err);
    if (rc == MC_OK) {
        rc = http_store_json(text, &all, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    json_t *people = json_array();
    size_t i;
    json_t *p;
    json_array_foreach (all, i, p) {
        if (person_in(req, p, unit)) {
            http_person_add_titles(p);
            json_array_append(people, p);
        }
    }
    json_decref(all);
    http_resp_json(resp, 200, json_pack("{s:o}", "people", people));
    return MC_OK;
}

/* ---- POST /api/people, PATCH /api/people/{username} ----------------------- */

struct person_in {
    struct store_person p;
    const char *password;
    char pwhash[HTTP_PWHASH_LEN]; /* argon2id of password, computed by write_person */
    bool has_disabled, disabled;
    bool has_roles;
    struct core_grant *grants;
    size_t ngrants;
    bool has_in_charge;
    const char **in_charge;
    size_t nin_charge;
};

static enum mc_status unit_known(struct http_req *req, json_t *v, const char *where,
                                 const char **out, struct mc_err *err)
{
    const struct core_scope *sc = &req->who->scope;
    const char *code = json_string_value(v);
    if (code == NULL) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a unit code", where);
    }
    if (core_unit_find(sc->units, sc->nunits, code) < 0) {
        return mc_fail_field(err, MC_EINVAL, where, "%s: no unit %s", where, code);
    }
    *out = code;
    return MC_OK;
}

static enum mc_status decode_roles(struct http_req *req, json_t *arr, struct person_in *in,
                                   struct mc_err *err)
{
    if (!json_is_array(arr) || json_array_size(arr) == 0) {
        return mc_fail_field(err, MC_EINVAL, "roles", "roles must be an array of one or more");
    }
    if (json_array_size(arr) > 64) {
        return mc_fail_field(err, MC_EINVAL, "roles", "roles may hold at most 64 entries");
    }
    in->has_roles = true;
    in->ngrants = json_array_size(arr);
    in->grants = mc_arena_alloc(&req->arena, in->ngrants * sizeof(*in->grants));
    static const char *const keys[] = { "role", "unit", NULL };
    size_t i;
    json_t *r;
    json_array_foreach (arr, i, r) {
        char path[40], where[56];
        snprintf(path, sizeof(path), "roles[%zu]", i);
        if (!json_is_object(r)) {
            return mc_fail_field(err, MC_EINVAL, path, "%s must be {\"role\", \"unit\"}", path);
        }
        const char *role = NULL;
        enum mc_status rc = http_json_only_keys(r, path, keys, err);
        if (rc == MC_OK) {
            rc = http_json_str(r, path, "role", true, 32, &role, err);
        }
        if (rc != MC_OK) {
            return rc;
        }
        snprintf(where, sizeof(where), "%s.role", path);
        if (!core_role_parse(role, &in->grants[i].role)) {
            return mc_fail_field(err, MC_EINVAL, where,
                                 "%s: unknown role %s (director, deputy_director, head, "
                                 "deputy_head, specialist, reception, clerk, control, steering, "
                                 "admin)",
                                 where, role);
        }
        snprintf(where, sizeof(where), "%s.unit", path);
        rc = unit_known(req, json_object_get(r, "unit"), where, &in->grants[i].unit, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}

static enum mc_status decode_in_charge(struct http_req *req, json_t *arr, struct person_in *in,
                                       struct mc_err *err)
{
    if (!json_is_array(arr) || json_array_size(arr) > 256) {
        return mc_fail_field(err, MC_EINVAL, "in_charge_of",
                             "in_charge_of must be an array of unit codes");
    }
    in->has_in_charge = true;
    in->nin_charge = json_array_size(arr);
    in->in_charge = mc_arena_alloc(&req->arena, (in->nin_charge + 1) * sizeof(*in->in_charge));
    size_t i;
    json_t *v;
    json_array_foreach (arr, i, v) {
        char where[48];
        snprintf(where, sizeof(where), "in_charge_of[%zu]", i);
        enum mc_status rc = unit_known(req, v, where, &in->in_charge[i], err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}

static enum mc_status decode_person(struct http_req *req, json_t *body, bool create,
                                    struct person_in *in, struct mc_err *err)
{
    static const char *const create_keys[] = { "username", "full_name",    "position",
                                               "email",    "phone",        "password",
                                               "roles",    "in_charge_of", NULL };
    static const char *const patch_keys[] = { "full_name", "position",     "email",
                                              "phone",     "password",     "disabled",
                                              "roles",     "in_charge_of", NULL };
    memset(in, 0, sizeof(*in));
    enum mc_status rc = http_json_only_keys(body, "", create ? create_keys : patch_keys, err);
    if (rc == MC_OK && create) {
        rc = http_json_str(body, "", "username", true, CORE_USERNAME_MAX, &in->p.username, err);
        if (rc == MC_OK && !core_username_ok(in->p.username)) {
            rc = mc_fail_field(err, MC_EINVAL, "username",
                               "username must be 3-32 characters of a-z, 0-9, '.', '_', '-'");
        }
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "full_name", create, CORE_NAME_MAX, &in->p.full_name, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "position", false, CORE_NAME_MAX, &in->p.position, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "email", false, CORE_CONTACT_MAX, &in->p.email, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "phone", false, CORE_CONTACT_MAX, &in->p.phone, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "password", false, CORE_PASSWORD_MAX, &in->password, err);
        if (rc == MC_OK && in->password && !core_password_ok(in->password)) {
            rc = mc_fail_field(err, MC_EINVAL, "password", "password must be at least %d bytes",
                               CORE_PASSWORD_MIN);
        }
    }
    if (rc == MC_OK && !create && json_object_get(body, "disabled")) {
        in->has_disabled = true;
        rc = http_json_bool(body, "", "disabled", true, &in->disabled, err);
    }
    json_t *roles = json_object_get(body, "roles");
    if (rc == MC_OK && (create || roles)) {
        rc = decode_roles(req, roles, in, err);
    }
    json_t *in_charge = json_object_get(body, "in_charge_of");
    if (rc == MC_OK && in_charge) {
        rc = decode_in_charge(req, in_charge, in, err);
    }
    return rc;
}

static bool has_deputy(const struct core_grant *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (g[i].role == ROLE_DEPUTY_DIRECTOR) {
            return true;
        }
    }
    return false;
}

/* Every write of one create/patch, in the caller's transaction. */
static enum mc_status apply_person(struct http_req *req, int64_t person, const struct person_in *in,
                                   struct mc_err *err)
{
    enum mc_status rc = MC_OK;
    if (in->password) {
        rc = store_person_set_password(req->db, person, in->pwhash, err);
    }
    if (rc == MC_OK && in->has_roles) {
        rc = store_person_set_roles(req->db, person, in->grants, in->ngrants, err);
    }
    if (rc == MC_OK && in->has_in_charge) {
        rc = store_person_set_in_charge(req->db, person, in->in_charge, in->nin_charge, err);
    }
    if (rc == MC_OK && in->has_disabled) {
        rc = store_person_set_disabled(req->db, person, in->disabled, err);
    }
    return rc;
}

/* Decode and check a body; the caller is an administrator. */
static enum mc_status person_body(struct http_req *req, bool create, json_t **body,
                                  struct person_in *in, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    if (rc == MC_OK) {
        rc = http_json_body(req, body, err);
    }
    if (rc == MC_OK) {
        rc = decode_person(req, *body, create, in, err);
    }
    return rc;
}

static enum mc_status write_person(struct http_req *req, bool create, int64_t *person,
                                   struct person_in *in, struct mc_err *err)
{
    /* Hash before taking the writer lock: argon2id takes tens of ms. */
    if (in->password) {
        enum mc_status rc = http_password_hash(in->password, in->pwhash, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (create || in->p.full_name) {
        rc = store_person_upsert(req->db, &in->p, (int64_t)time(NULL), err);
        if (rc == MC_OK && create) {
            rc = store_person_id(req->db, in->p.username, person, err);
        }
    }
    if (rc == MC_OK) {
        rc = apply_person(req, *person, in, err);
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

enum mc_status h_person_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    json_t *body = NULL;
    struct person_in in;
    int64_t person = 0;
    enum mc_status rc = person_body(req, true, &body, &in, err);
    if (rc == MC_OK && in.has_in_charge && in.nin_charge > 0 &&
        !has_deputy(in.grants, in.ngrants)) {
        rc = mc_fail_field(err, MC_EINVAL, "in_charge_of",
                           "only a deputy_director has units in charge");
    }
    if (rc == MC_OK && store_person_id(req->db, in.p.username, &person, NULL) == MC_OK) {
        rc = mc_fail_field(err, MC_ECONFLICT, "username", "user %s already exists", in.p.username);
    }
    if (rc == MC_OK) {
        rc = write_person(req, true, &person, &in, err);
    }
    json_t *out = NULL;
    if (rc == MC_OK) {
        rc = http_person_doc(req, person, &out, err);
    }
    json_decref(body);
    if (rc == MC_OK) {
        http_resp_json(resp, 201, out);
    }
    return rc;
}

/* The system actor (store_person_is_system) is no member of staff: a
 * PATCH of it is refused naming the first field it tries to change. */
static enum mc_status refuse_system_patch(struct http_req *req, int64_t person, json_t *body,
                                          struct mc_err *err)
{
    bool is_system = false;
    enum mc_status rc = store_person_is_system(req->db, person, &is_system, err);
    if (rc != MC_OK || !is_system) {
        return rc;
    }
    static const char *const fields[] = { "password",  "roles",    "in_charge_of", "disabled",
                                          "full_name", "position", "email",        "phone" };
    const char *field = "username";
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (json_object_get(body, fields[i])) {
            field = fields[i];
            break;
        }
    }
    return mc_fail_field(err, MC_EINVAL, field,
                         "%s: %s is the system actor (it opens recurring cases), not a member of "
                         "staff: it cannot log in, hold roles or be edited",
                         field, http_param(req, 0));
}

/* PATCH changes only what the body names: fill the rest from the record. */
static enum mc_status merge_current(struct http_req *req, int64_t person, struct person_in *in,
                                    json_t **cur, struct mc_err *err)
{
    enum mc_status rc = http_person_doc(req, person, cur, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (in->p.full_name || in->p.position || in->p.email || in->p.phone) {
        const char **fields[] = { &in->p.full_name, &in->p.position, &in->p.email, &in->p.phone };
        const char *names[] = { "full_name", "position", "email", "phone" };
        for (size_t i = 0; i < 4; i++) {
            if (*fields[i] == NULL) {
                *fields[i] = json_string_value(json_object_get(*cur, names[i]));
            }
        }
        in->p.username = json_string_value(json_object_get(*cur, "username"));
    }
    bool deputy = in->has_roles ? has_deputy(in->grants, in->ngrants) : false;
    if (!in->has_roles) {
        size_t i;
        json_t *r;
        json_array_foreach (json_object_get(*cur, "roles"), i, r) {
            deputy |= strcmp(json_string_value(json_object_get(r, "role")), "deputy_director") == 0;
        }
    }
    if (in->has_in_charge && in->nin_charge > 0 && !deputy) {
        return mc_fail_field(err, MC_EINVAL, "in_charge_of",
                             "only a deputy_director has units in charge");
    }
    if (in->has_disabled && in->disabled && person == req->who->person_id) {
        return mc_fail_field(err, MC_ECONFLICT, "disabled", "you cannot disable your own account");
    }
    return MC_OK;
}

enum mc_status h_person_update(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    json_t *body = NULL, *cur = NULL;
    struct person_in in;
    int64_t person = 0;
    enum mc_status rc = person_body(req, false, &body, &in, err);
    if (rc == MC_OK) {
        rc = store_person_id(req->db, http_param(req, 0), &person, err);
    }
    if (rc == MC_OK) {
        rc = refuse_system_patch(req, person, body, err);
    }
    if (rc == MC_OK) {
        rc = merge_current(req, person, &in, &cur, err);
    }
    if (rc == MC_OK) {
        rc = write_person(req, false, &person, &in, err);
    }
    json_t *out = NULL;
    if (rc == MC_OK) {
        rc = http_person_doc(req, person, &out, err);
    }
    json_decref(cur);
    json_decref(body);
    if (rc == MC_OK) {
        http_resp_json(resp, 200, out);
    }
    return rc;
}
