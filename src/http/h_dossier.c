/* Dossiers over HTTP: receipt (desk or online), one dossier, and the one
 * endpoint for every action. Each POST is one store transaction holding
 * the transition (engine_receive / engine_act: state, event, counters,
 * clocks), the response and its Idempotency-Key record. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dossier_code.h"
#include "http/action_in.h"
#include "http/attach_in.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/server.h"
#include "store/store_case.h"

/* A code or an online reference: printable, short. Anything else is 404. */
static enum mc_status dossier_key(struct http_req *req, const char **key, struct mc_err *err)
{
    *key = http_param(req, 0);
    size_t len = *key ? strlen(*key) : 0;
    bool ok = len >= 8 && len <= 40;
    for (size_t i = 0; ok && i < len; i++) {
        char c = (*key)[i];
        ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
             c == '.' || c == '-';
    }
    return ok ? MC_OK : mc_fail(err, MC_ENOTFOUND, "no such dossier");
}

/* Commit on success, else roll back. */
static enum mc_status finish_tx(struct http_req *req, enum mc_status rc, struct mc_err *err)
{
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

/* Open a transition's transaction and apply its Idempotency-Key. On a
 * replay the stored answer is already in resp (*replayed). The transaction
 * stays open only when MC_OK is returned and nothing was replayed. */
static enum mc_status begin_transition(struct http_req *req, struct http_resp *resp,
                                       const char **key, char hash[65], bool *replayed,
                                       struct mc_err *err)
{
    *replayed = false;
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = http_idem_check(req, resp, key, hash, replayed, err);
    if (rc != MC_OK || *replayed) {
        store_rollback(req->db);
    }
    return rc;
}

/* The answer of a POST: the dossier view, stored with the key, sent. */
static enum mc_status answer(struct http_req *req, struct http_resp *resp, const struct engine *e,
                             const struct engine_actor *who, int64_t id, unsigned status,
                             json_t *extra, const char *key, const char *hash, int64_t now,
                             struct mc_err *err)
{
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(req->db, id, &d, err);
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, who, &d, now, &view, err);
    }
    if (rc != MC_OK) {
        json_decref(extra);
        return rc;
    }
    if (extra) {
        json_object_update(view, extra);
        json_decref(extra);
    }
    char *text = json_dumps(view, JSON_COMPACT);
    json_decref(view);
    rc = http_idem_store(req, key, hash, status, text, now, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, status, text);
    } else {
        free(text);
    }
    return rc;
}

static void make_ref(char out[24])
{
    uint8_t r[8];
    randombytes_buf(r, sizeof(r));
    memcpy(out, "HS", 2);
    sodium_bin2hex(out + 2, 17, r, sizeof(r));
    for (char *p = out + 2; *p; p++) {
        if (*p >= 'a' && *p <= 'f') {
            *p = (char)(*p - 'a' + 'A');
        }
    }
}

enum mc_status h_dossier_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    int64_t now = http_now_minutes(req);
    if (rc == MC_OK && req->who == NULL &&
        !http_server_rate_ok(req->server, HTTP_RATE_KIND_LOOKUP, req->client, (long)(now * 60))) {
        rc = mc_fail(err, MC_ELIMIT, "too many submissions from this address; try later");
    }
    /* The route is exempt from CSRF for the anonymous applicant; a staff
     * session must still prove its origin. */
    if (rc == MC_OK && req->who && !req->who->via_token && !http_auth_csrf_ok(req)) {
        rc = mc_fail_field(err, MC_EPERM, "X-CSRF-Token",
                           "missing or wrong X-CSRF-Token header (returned at login)");
    }
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    struct engine_receipt r;
    if (rc == MC_OK) {
        rc = http_receipt_decode(body, req->who == NULL, &r, err);
    }
    /* Internal work items are not received: unit staff open cases for them. */
    struct store_case_item item;
    if (rc == MC_OK) {
        if (store_case_item(req->db, r.procedure, &item, err) != MC_OK) {
            mc_err_clear(err); /* unknown: engine_receive answers 404 naming it */
        } else if (strcmp(item.kind, "internal") == 0) {
            rc = mc_fail_field(err, MC_EINVAL, "procedure",
                               "%s is an internal work item: open a case for it (POST /api/cases)",
                               r.procedure);
        }
    }
    struct http_files files;
    if (rc == MC_OK) {
        rc = http_files_decode(body, &files, err);
    }
    char ref[24];
    make_ref(ref);
    r.ref = ref;
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    const char *key;
    char hash[65];
    bool replayed;
    rc = begin_transition(req, resp, &key, hash, &replayed, err);
    if (rc != MC_OK || replayed) {
        json_decref(body);
        return rc;
    }
    struct engine_result res;
    rc = http_files_resolve(req, &files, now, r.attachments, &r.n_attachments, err);
    if (rc == MC_OK) {
        rc = engine_receive(e, req->db, &who, &r, now, &res, err);
    }
    if (rc == MC_OK && res.dossier != 0) {
        rc = http_files_link(req, &files, res.dossier, err);
    }
    if (rc == MC_OK && res.dossier == 0) {
        /* Incomplete at the counter: guidance (Mẫu 02) only, no record. */
        json_t *missing = json_array();
        for (size_t i = 0; i < r.n_missing; i++) {
            json_array_append_new(missing, json_string(r.missing[i]));
        }
        json_t *g = json_pack("{s:s, s:o, s:s}", "outcome", "supplement", "missing", missing,
                              "form", "Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        char *text = json_dumps(g, JSON_COMPACT);
        json_decref(g);
        rc = http_idem_store(req, key, hash, 200, text, now, err);
        if (rc == MC_OK) {
            http_resp_json_text(resp, 200, text);
        } else {
            free(text);
        }
    } else if (rc == MC_OK) {
        rc = answer(req, resp, e, &who, res.dossier, 201, NULL, key, hash, now, err);
    }
    rc = finish_tx(req, rc, err);
    json_decref(body);
    return rc;
}

enum mc_status h_dossier_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code;
    const struct engine *e;
    enum mc_status rc = dossier_key(req, &code, err);
    if (rc == MC_OK) {
        rc = http_engine(&e, err);
    }
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    struct store_dossier d;
    if (rc == MC_OK) {
        rc = store_dossier_load(req->db, code, &d, err);
    }
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, &who, &d, http_now_minutes(req), &view, err);
    }
    if (rc == MC_OK && !http_dossier_readable(req, view)) {
        json_decref(view);
        return mc_fail(err, MC_EPERM, "this dossier is outside your units");
    }
    if (rc == MC_OK) {
        /* Here rather than in the view: transition answers stay cheap. */
        const char *base = mc_arena_printf(&req->arena, "/api/dossiers/%s", code);
        json_object_set_new(view, "files", http_files_json(req, d.id, base));
        http_resp_json(resp, 200, view);
    }
    return rc;
}

/* 409 for a stale version carries the current dossier ("current"), so the
 * client can show what changed without another request. */
static void conflict_with_state(struct http_req *req, struct http_resp *resp,
                                const struct engine *e, const struct engine_actor *who,
                                const char *code, const struct mc_err *err)
{
    http_resp_problem(resp, req, err);
    struct store_dossier d;
    json_t *view = NULL;
    struct mc_err ignore;
    mc_err_clear(&ignore);
    if (store_dossier_load(req->db, code, &d, &ignore) != MC_OK ||
        http_dossier_view(req, e, who, &d, http_now_minutes(req), &view, &ignore) != MC_OK) {
        return;
    }
    json_t *p = json_loadb(resp->body, resp->len, 0, NULL);
    if (p == NULL) {
        json_decref(view);
        return;
    }
    json_object_set_new(p, "current", view);
    unsigned status = resp->status;
    http_resp_json(resp, status, p);
    resp->content_type = "application/problem+json";
}

enum mc_status h_dossier_action(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code;
    const struct engine *e;
    enum mc_status rc = dossier_key(req, &code, err);
    if (rc == MC_OK) {
        rc = http_engine(&e, err);
    }
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    struct engine_action a;
    if (rc == MC_OK) {
        rc = http_action_decode(body, &a, err);
    }
    struct http_files files;
    if (rc == MC_OK) {
        rc = http_files_decode(body, &files, err);
    }
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    int64_t now = http_now_minutes(req);
    const char *key = NULL;
    char hash[65];
    bool replayed = false;
    if (rc == MC_OK) {
        rc = begin_transition(req, resp, &key, hash, &replayed, err);
    }
    if (rc == MC_OK && !replayed) {
        struct engine_result res;
        rc = http_files_resolve(req, &files, now, a.attachments, &a.n_attachments, err);
        if (rc == MC_OK) {
            rc = engine_act(e, req->db, &who, code, &a, now, &res, err);
        }
        if (rc == MC_OK) {
            rc = http_files_link(req, &files, res.dossier, err);
        }
        /* With an Idempotency-Key the answer is stored with the effect, so it
         * is built inside the transaction. Without one it is built after the
         * commit, outside the writer lock (the lock then covers only the
         * transition itself); it shows the dossier as committed, which under a
         * concurrent writer may already be a later version. */
        if (rc == MC_OK && key) {
            json_t *extra = json_pack("{s:s}", "action", eng_action_key(a.action));
            rc = answer(req, resp, e, &who, res.dossier, 200, extra, key, hash, now, err);
        }
        rc = finish_tx(req, rc, err);
        if (rc == MC_OK && key == NULL) {
            json_t *extra = json_pack("{s:s}", "action", eng_action_key(a.action));
            rc = answer(req, resp, e, &who, res.dossier, 200, extra, NULL, hash, now, err);
        }
    }
    json_decref(body);
    if (rc == MC_ECONFLICT && strcmp(err->field, "version") == 0) {
        conflict_with_state(req, resp, e, &who, code, err);
        return MC_OK;
    }
    return rc;
}
