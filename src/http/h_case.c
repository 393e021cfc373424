/* Internal cases (hồ sơ công việc) over HTTP: the work items the caller may
 * open cases for, and opening one. Once open, a case is a dossier: it is
 * read and moved with GET /api/dossiers/{code} and its actions endpoint. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
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

static void make_ref(char out[24])
{
    uint8_t r[8];
    randombytes_buf(r, sizeof(r));
    memcpy(out, "CV", 2);
    sodium_bin2hex(out + 2, 17, r, sizeof(r));
    for (char *p = out + 2; *p; p++) {
        if (*p >= 'a' && *p <= 'f') {
            *p = (char)(*p - 'a' + 'A');
        }
    }
}

/* The case as GET /api/dossiers/{code} shows it, stored with the key. */
static enum mc_status answer(struct http_req *req, struct http_resp *resp, const struct engine *e,
                             const struct engine_actor *who, int64_t id, const char *key,
                             const char *hash, int64_t now, struct mc_err *err)
{
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(req->db, id, &d, err);
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, who, &d, now, &view, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    char *text = json_dumps(view, JSON_COMPACT);
    json_decref(view);
    rc = http_idem_store(req, key, hash, 201, text, now, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 201, text);
    } else {
        free(text);
    }
    return rc;
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
    make_ref(ref);
    c.ref = ref;
    int64_t now = http_now_minutes(req);
    const char *key = NULL;
    char hash[65];
    bool replayed = false;
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
    }
    if (rc == MC_OK) {
        rc = http_idem_check(req, resp, &key, hash, &replayed, err);
        if (rc != MC_OK || replayed) {
            store_rollback(req->db);
            json_decref(body);
            return rc;
        }
        struct engine_result res;
        rc = engine_open_case(e, req->db, &who, &c, now, &res, err);
        if (rc == MC_OK) {
            rc = answer(req, resp, e, &who, res.dossier, key, hash, now, err);
        }
        if (rc == MC_OK) {
            rc = store_commit(req->db, err);
        } else {
            store_rollback(req->db);
        }
    }
    json_decref(body);
    return rc;
}
