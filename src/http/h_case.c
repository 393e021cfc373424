/* Internal cases (hồ sơ công việc) over HTTP: the work items the caller may
 * open cases for, and opening one. Once open, a case is a dossier: it is
 * read and moved with GET /api/dossiers/{code} and its actions endpoint. */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/transition.h"
#include "store/store_case.h"

/* Who may open a case: the owning unit's head, deputy head and
 * specialists, and the director / deputy directors in charge of the unit
 * (docs/SECURITY.md "Cases"). The unit scope is checked here, the role in
 * eng_decide (open_case), which asks for a grant in the owning unit itself:
 * a specialist of a parent unit does not open its sub-unit's cases. */
#define CASE_OPENERS (ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST) | ROLE_MASK_LEADERS)

/* The same rule as eng_decide's, on unit codes, to list the items. */
static bool may_open(const struct http_req *req, const char *unit)
{
    if (http_has_role(req, ROLE_MASK_LEADERS, unit)) {
        return true;
    }
    const struct core_scope *s = &req->who->scope;
    for (size_t i = 0; i < s->ngrants; i++) {
        if ((ROLE_BIT(s->grants[i].role) & (ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST))) &&
            strcmp(s->grants[i].unit, unit) == 0) {
            return true;
        }
    }
    return false;
}

enum mc_status h_case_items_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    char *text = NULL;
    enum mc_status rc = store_case_items_json(req->db, &text, err);
    json_t *all = NULL;
    if (rc == MC_OK) {
        all = json_loads(text, 0, NULL);
        free(text);
        if (all == NULL) {
            return mc_fail(err, MC_EINTERNAL, "the work items do not decode");
        }
    }
    if (rc != MC_OK) {
        return rc;
    }
    /* Only the items whose owning unit the caller may open cases for. */
    json_t *mine = json_array();
    size_t i;
    json_t *item;
    json_array_foreach (all, i, item) {
        const char *unit = json_string_value(json_object_get(item, "unit"));
        if (unit && may_open(req, unit)) {
            json_array_append(mine, item);
        }
    }
    json_decref(all);
    http_resp_json(resp, 200, mine);
    return MC_OK;
}

static bool blank(const char *s)
{
    for (; s && *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            return false;
        }
    }
    return true;
}

static enum mc_status case_decode(json_t *body, struct engine_case *c, struct mc_err *err)
{
    memset(c, 0, sizeof(*c));
    static const char *const keys[] = { "procedure", "case", "subject", "note", NULL };
    if (!json_is_object(body)) {
        return mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    enum mc_status rc = http_json_only_keys(body, "", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "procedure", true, 32, &c->item, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "case", false, 32, &c->case_code, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "subject", true, 500, &c->subject, err);
    }
    if (rc == MC_OK && blank(c->subject)) {
        rc = mc_fail_field(err, MC_EINVAL, "subject", "subject: say what this case is about");
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "note", false, 2000, &c->note, err);
    }
    return rc;
}

/* Open the case inside its transition (Idempotency-Key already applied). */
struct case_ctx {
    const struct engine *e;
    const struct engine_actor *who;
    const struct engine_case *c;
    int64_t now;
};

static enum mc_status case_run(struct http_transition *t, struct mc_err *err)
{
    struct case_ctx *x = t->ctx;
    struct engine_result res;
    enum mc_status rc = engine_open_case(x->e, t->req->db, x->who, x->c, x->now, &res, err);
    if (rc != MC_OK) {
        return rc;
    }
    return http_transition_answer(t, x->e, x->who, res.dossier, 201, NULL, x->now, err);
}

enum mc_status h_case_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    struct engine_case c;
    if (rc == MC_OK) {
        rc = case_decode(body, &c, err);
    }
    /* The item decides the unit whose scope applies (before any write). */
    struct store_case_item item;
    if (rc == MC_OK) {
        rc = store_case_item(req->db, c.item, &item, err);
    }
    if (rc == MC_OK && strcmp(item.kind, "internal") != 0) {
        rc = mc_fail_field(err, MC_EINVAL, "procedure",
                           "%s is an administrative procedure (TTHC): the one-stop desk receives "
                           "it (POST /api/dossiers)",
                           c.item);
    }
    if (rc == MC_OK) {
        rc = http_require_role(req, CASE_OPENERS, item.unit, err);
    }
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    char ref[24];
    http_make_ref("CV", ref);
    c.ref = ref;
    if (rc == MC_OK) {
        struct case_ctx x = { .e = e, .who = &who, .c = &c, .now = http_now_minutes(req) };
        struct http_transition t = { .req = req, .resp = resp, .run = case_run, .ctx = &x };
        rc = http_transition_run(&t, err);
    }
    json_decref(body);
    return rc;
}
