/* Recurring internal tasks over HTTP: an item's recurrence rule (read by
 * staff, set and cleared by an administrator) with its next opening, and
 * the sweep on demand. The background sweep is escalation_timer.c's; under
 * http.test_clock it does not run and tests call POST /api/recurrence/sweep
 * at their X-Test-Now (docs/ENGINE.md §11). */
#include <stdio.h>
#include <string.h>

#include "core/procedure.h"
#include "core/role.h"
#include "engine/engine_recur.h"
#include "http/auth.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/recur_json.h"
#include "store/store_dossier.h"
#include "store/store_recur.h"

static json_t *day_json(int64_t day)
{
    struct eng_date d = eng_date_from_days(day);
    char s[16];
    snprintf(s, sizeof(s), "%04d-%02d-%02d", d.year, d.month, d.day);
    return json_string(s);
}

/* {code, recurrence, next: {period, opens_on, due_on, subject} | null}. */
static enum mc_status answer(struct http_req *req, struct http_resp *resp, const char *code,
                             int status, struct mc_err *err)
{
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    struct core_recur r;
    if (rc == MC_OK) {
        rc = store_recur_get(req->db, code, &r, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    /* The time limit sets the default lead; an item without a version in
     * force (nothing could open) shows its rule without a next opening. */
    struct store_dossier_target t;
    struct mc_err no_target;
    bool has_target = r.every != CORE_RECUR_NONE &&
                      store_dossier_target(req->db, code, NULL, &t, &no_target) == MC_OK;
    json_t *out = json_object();
    json_object_set_new(out, "code", json_string(code));
    json_t *rule = http_recur_encode(&r);
    json_object_set_new(out, "recurrence", rule ? rule : json_null());
    json_t *next = json_null();
    if (has_target) {
        int lead = engine_recur_lead(&r, t.limit_minutes);
        int64_t today = eng_days_from_date(eng_local_date(http_now_minutes(req)));
        struct core_occurrence o;
        bool found = false;
        struct mc_err ignored;
        if (core_recur_next(&r, lead, today - 1, engine_recur_working_day, (void *)&e->wt, &o,
                            &found, &ignored) == MC_OK &&
            found) {
            next = json_object();
            json_object_set_new(next, "period", json_string(o.period));
            json_object_set_new(next, "opens_on", day_json(o.open_day));
            json_object_set_new(next, "due_on", day_json(o.due_day));
        }
        json_object_set_new(out, "lead_working_days", json_integer(lead));
    }
    json_object_set_new(out, "next", next);
    http_resp_json(resp, status, out);
    return MC_OK;
}

static const char *code_param(struct http_req *req)
{
    const char *code = http_param(req, 0);
    return code && core_catalog_code_ok(code) ? code : NULL;
}

enum mc_status h_recur_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = code_param(req);
    if (code == NULL) {
        return mc_fail(err, MC_ENOTFOUND, "no such procedure");
    }
    return answer(req, resp, code, 200, err);
}

static enum mc_status put_rule(struct http_req *req, const char *code, const struct core_recur *r,
                               struct mc_err *err)
{
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_recur_put(req->db, code, r, http_now_minutes(req), err);
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

enum mc_status h_recur_put(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    const char *code = code_param(req);
    if (rc == MC_OK && code == NULL) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such procedure");
    }
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    struct core_recur r;
    if (rc == MC_OK) {
        rc = http_recur_decode(body, "", &r, err);
    }
    json_decref(body);
    if (rc == MC_OK) {
        rc = put_rule(req, code, &r, err);
    }
    return rc == MC_OK ? answer(req, resp, code, 200, err) : rc;
}

enum mc_status h_recur_delete(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    const char *code = code_param(req);
    if (rc == MC_OK && code == NULL) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such procedure");
    }
    if (rc == MC_OK) {
        rc = put_rule(req, code, NULL, err);
    }
    if (rc == MC_OK) {
        http_resp_empty(resp, 204);
    }
    return rc;
}

enum mc_status h_recur_sweep(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    const struct engine *e = NULL;
    if (rc == MC_OK) {
        rc = http_engine(&e, err);
    }
    struct engine_recur_report rep;
    if (rc == MC_OK) {
        rc = engine_recur_sweep(e, req->db, http_now_minutes(req), &rep, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    json_t *out =
        json_pack("{s:I, s:I}", "opened", (json_int_t)rep.opened, "failed", (json_int_t)rep.failed);
    if (rep.failed > 0) {
        json_object_set_new(
            out, "first_failure",
            json_pack("{s:s, s:s}", "item", rep.failed_item, "message", rep.failed_err.msg));
    }
    http_resp_json(resp, 200, out);
    return MC_OK;
}
