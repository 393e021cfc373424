/* Internal processes: public reads of a process and its versions; drafting
 * a new version and moving it through its lifecycle (R2, R4), with the role
 * checks of ISO document control: specialists and heads of the owning unit
 * draft and submit (a head submitting is its reviewer), only the director
 * approves and puts a version in force, the control team only reads. */
#include <string.h>

#include "base/parse.h"
#include "core/process.h"
#include "core/role.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "store/store_catalog.h"

static enum mc_status process_code(struct http_req *req, const char **code, struct mc_err *err)
{
    *code = http_param(req, 0);
    if (*code == NULL || !core_catalog_code_ok(*code)) {
        return mc_fail(err, MC_ENOTFOUND, "no such process");
    }
    return MC_OK;
}

enum mc_status h_process_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code;
    char *json = NULL;
    enum mc_status rc = process_code(req, &code, err);
    if (rc == MC_OK) {
        rc = store_catalog_process_json(req->db, code, &json, err);
    }
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}

enum mc_status h_process_versions_list(struct http_req *req, struct http_resp *resp,
                                       struct mc_err *err)
{
    const char *code;
    char *json = NULL;
    enum mc_status rc = process_code(req, &code, err);
    if (rc == MC_OK) {
        rc = store_catalog_versions_json(req->db, code, &json, err);
    }
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}

/* A list of strings under key (absent: empty), in the request arena. */
static enum mc_status str_list(struct http_req *req, json_t *obj, const char *path, const char *key,
                               const char ***out, size_t *n, struct mc_err *err)
{
    static const char *empty[1];
    *out = empty;
    *n = 0;
    json_t *arr = json_object_get(obj, key);
    if (arr == NULL || json_is_null(arr)) {
        return MC_OK;
    }
    char where[96];
    snprintf(where, sizeof(where), "%s.%s", path, key);
    if (!json_is_array(arr) || json_array_size(arr) > 32) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a list of at most 32 texts", where);
    }
    size_t len = json_array_size(arr);
    *out = mc_arena_alloc(&req->arena, (len ? len : 1) * sizeof(**out));
    for (size_t i = 0; i < len; i++) {
        json_t *v = json_array_get(arr, i);
        size_t sl = json_string_length(v);
        if (!json_is_string(v) || sl == 0 || sl > 1000 ||
            memchr(json_string_value(v), '\0', sl) != NULL) {
            snprintf(where, sizeof(where), "%s.%s[%zu]", path, key, i);
            return mc_fail_field(err, MC_EINVAL, where, "%s must be 1 to 1000 bytes of text",
                                 where);
        }
        (*out)[(*n)++] = json_string_value(v);
    }
    return MC_OK;
}

/* "parallel_options": [["a", "b"], ...] - lists of step keys; what they
 * must name is checked by core_process_check. */
static enum mc_status options_list(struct http_req *req, json_t *obj, const char *path,
                                   struct core_step *s, struct mc_err *err)
{
    json_t *arr = json_object_get(obj, "parallel_options");
    if (arr == NULL || json_is_null(arr)) {
        return MC_OK;
    }
    char where[96];
    snprintf(where, sizeof(where), "%s%sparallel_options", path, path[0] ? "." : "");
    if (!json_is_array(arr) || json_array_size(arr) > CORE_STEP_MAX_NEXT) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a list of at most 8 lists of keys",
                             where);
    }
    size_t len = json_array_size(arr);
    struct core_parallel_option *opts =
        mc_arena_alloc(&req->arena, (len ? len : 1) * sizeof(*opts));
    for (size_t o = 0; o < len; o++) {
        json_t *keys = json_array_get(arr, o);
        size_t nk = json_array_size(keys);
        if (!json_is_array(keys) || nk > CORE_STEP_MAX_NEXT) {
            snprintf(where, sizeof(where), "%s%sparallel_options[%zu]", path, path[0] ? "." : "",
                     o);
            return mc_fail_field(err, MC_EINVAL, where, "%s must be a list of step keys", where);
        }
        opts[o].keys = mc_arena_alloc(&req->arena, (nk ? nk : 1) * sizeof(*opts[o].keys));
        opts[o].nkeys = nk;
        for (size_t m = 0; m < nk; m++) {
            json_t *v = json_array_get(keys, m);
            size_t sl = json_string_length(v);
            if (!json_is_string(v) || sl == 0 || sl > 64 ||
                memchr(json_string_value(v), '\0', sl) != NULL) {
                snprintf(where, sizeof(where), "%s%sparallel_options[%zu][%zu]", path,
                         path[0] ? "." : "", o, m);
                return mc_fail_field(err, MC_EINVAL, where, "%s must be a step key", where);
            }
            opts[o].keys[m] = json_string_value(v);
        }
    }
    s->parallel_options = opts;
    s->nparallel_options = len;
    return MC_OK;
}

static enum mc_status decode_step(struct http_req *req, json_t *j, const char *path,
                                  struct core_step *s, struct mc_err *err)
{
    static const char *const keys[] = { "key",     "name",       "role",
                                        "unit",    "hours",      "forms",
                                        "outputs", "may_return", "requires_signature",
                                        "next",    "split",      "parallel_options",
                                        NULL };
    if (!json_is_object(j)) {
        return mc_fail_field(err, MC_EINVAL, path, "%s must be an object", path);
    }
    enum mc_status rc = http_json_only_keys(j, path, keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(j, path, "key", true, 64, &s->key, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(j, path, "name", true, 1000, &s->name, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(j, path, "role", true, 32, &s->role, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(j, path, "unit", true, 32, &s->unit, err);
    }
    if (rc == MC_OK) {
        rc = http_json_num(j, path, "hours", true, 0, 2000, &s->hours, err);
    }
    if (rc == MC_OK) {
        rc = str_list(req, j, path, "forms", &s->forms, &s->nforms, err);
    }
    if (rc == MC_OK) {
        rc = str_list(req, j, path, "outputs", &s->outputs, &s->noutputs, err);
    }
    if (rc == MC_OK) {
        rc = http_json_bool(j, path, "may_return", false, &s->may_return, err);
    }
    if (rc == MC_OK) {
        rc = http_json_bool(j, path, "requires_signature", false, &s->requires_signature, err);
    }
    if (rc == MC_OK) {
        rc = str_list(req, j, path, "next", &s->next, &s->nnext, err);
    }
    const char *split = NULL;
    if (rc == MC_OK) {
        rc = http_json_str(j, path, "split", false, 16, &split, err);
    }
    if (rc == MC_OK && split && !core_split_parse(split, &s->split)) {
        char f[96];
        snprintf(f, sizeof(f), "%s%ssplit", path, path[0] ? "." : "");
        rc = mc_fail_field(err, MC_EINVAL, f, "must be \"exclusive\" or \"parallel\"");
    }
    if (rc == MC_OK) {
        rc = options_list(req, j, path, s, err);
    }
    return rc;
}

/* {"name"?, "steps": [...]} into p; the graph is checked by the caller. */
static enum mc_status decode_version(struct http_req *req, json_t *body, struct core_process *p,
                                     struct mc_err *err)
{
    static const char *const keys[] = { "name", "steps", NULL };
    enum mc_status rc = http_json_only_keys(body, "", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "name", false, 1000, &p->name, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    json_t *steps = json_object_get(body, "steps");
    if (!json_is_array(steps) || json_array_size(steps) == 0 ||
        json_array_size(steps) > CORE_PROCESS_MAX_STEPS) {
        return mc_fail_field(err, MC_EINVAL, "steps", "steps must be a list of 1 to %d steps",
                             CORE_PROCESS_MAX_STEPS);
    }
    p->nsteps = json_array_size(steps);
    p->steps = mc_arena_alloc(&req->arena, p->nsteps * sizeof(*p->steps));
    memset(p->steps, 0, p->nsteps * sizeof(*p->steps));
    for (size_t i = 0; i < p->nsteps && rc == MC_OK; i++) {
        char path[32];
        snprintf(path, sizeof(path), "steps[%zu]", i);
        rc = decode_step(req, json_array_get(steps, i), path, &p->steps[i], err);
    }
    return rc;
}

/* Finish the transaction the caller began: commit on success, else roll back. */
static enum mc_status finish_tx(struct http_req *req, enum mc_status rc, struct mc_err *err)
{
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

enum mc_status h_process_version_create(struct http_req *req, struct http_resp *resp,
                                        struct mc_err *err)
{
    const char *code;
    struct store_process_info info;
    enum mc_status rc = process_code(req, &code, err);
    if (rc == MC_OK) {
        rc = store_catalog_process_info(req->db, code, &info, err);
    }
    if (rc == MC_OK) {
        rc = http_require_role(
            req, ROLE_BIT(ROLE_SPECIALIST) | ROLE_BIT(ROLE_HEAD) | ROLE_BIT(ROLE_DEPUTY_HEAD),
            info.unit, err);
    }
    json_t *body = NULL;
    struct core_process p = { .code = code };
    /* A BPMN file (h_bpmn.c) or the JSON steps. */
    bool xml = rc == MC_OK && http_body_is_xml(req);
    if (xml) {
        rc = http_bpmn_decode_version(req, code, info.limit, &p, err);
    }
    if (rc == MC_OK && !xml) {
        rc = http_json_body(req, &body, err);
    }
    if (rc == MC_OK && !xml) {
        rc = decode_version(req, body, &p, err);
    }
    if (rc == MC_OK && !xml) {
        /* Checked here to name the body's paths; the store checks again. */
        rc = core_process_check(&p, info.limit, "", NULL, err);
    }
    int64_t issue = 0;
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
        if (rc == MC_OK) {
            rc = finish_tx(
                req,
                store_catalog_version_create(req->db, code, &p, req->who->username, &issue, err),
                err);
        }
    }
    char *json = NULL;
    if (rc == MC_OK) {
        rc = store_catalog_version_json(req->db, code, issue, &json, err);
    }
    json_decref(body);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 201, json);
    }
    return rc;
}

enum mc_status h_process_version_transition(struct http_req *req, struct http_resp *resp,
                                            struct mc_err *err)
{
    const char *code;
    int64_t issue = 0;
    enum mc_status rc = process_code(req, &code, err);
    if (rc == MC_OK && !mc_parse_i64(http_param(req, 1), 1, 999, &issue)) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such issue");
    }
    struct store_process_info info;
    if (rc == MC_OK) {
        rc = store_catalog_process_info(req->db, code, &info, err);
    }
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    static const char *const keys[] = { "to", "effective", NULL };
    const char *to_name = NULL;
    struct store_transition t = { .effective = NULL };
    if (rc == MC_OK) {
        rc = http_json_only_keys(body, "", keys, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "to", true, 16, &to_name, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "effective", false, 10, &t.effective, err);
    }
    int y, m, d;
    if (rc == MC_OK && t.effective && !mc_parse_date(t.effective, &y, &m, &d)) {
        rc = mc_fail_field(err, MC_EINVAL, "effective", "effective must be a date YYYY-MM-DD");
    }
    if (rc == MC_OK &&
        (!core_pv_status_parse(to_name, &t.to) ||
         (t.to != CORE_PV_SUBMITTED && t.to != CORE_PV_APPROVED && t.to != CORE_PV_EFFECTIVE))) {
        rc = mc_fail_field(err, MC_EINVAL, "to", "to must be submitted, approved or effective");
    }
    if (rc == MC_OK && t.effective && t.to != CORE_PV_EFFECTIVE) {
        rc = mc_fail_field(err, MC_EINVAL, "effective",
                           "effective is given only with \"to\": \"effective\"");
    }
    if (rc == MC_OK) {
        unsigned drafters =
            ROLE_BIT(ROLE_SPECIALIST) | ROLE_BIT(ROLE_HEAD) | ROLE_BIT(ROLE_DEPUTY_HEAD);
        if (t.to == CORE_PV_SUBMITTED) {
            rc = http_require_role(req, drafters, info.unit, err);
            t.actor_reviews = http_has_role(req, ROLE_MASK_UNIT_LEADERS, info.unit);
        } else {
            rc = http_require_role(req, ROLE_BIT(ROLE_DIRECTOR), NULL, err);
        }
    }
    if (rc == MC_OK) {
        t.actor = req->who->username;
        rc = store_begin(req->db, err);
        enum core_pv_status from;
        if (rc == MC_OK) {
            rc = finish_tx(
                req, store_catalog_version_transition(req->db, code, issue, &t, &from, err), err);
        }
    }
    char *json = NULL;
    if (rc == MC_OK) {
        rc = store_catalog_version_json(req->db, code, issue, &json, err);
    }
    json_decref(body);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}
