/* Dossiers over HTTP: receipt (desk or online), one dossier, and the one
 * endpoint for every action. Each POST is one store transaction holding
 * the transition (engine_receive / engine_act: state, event, counters,
 * clocks) and, with an Idempotency-Key, the response's record. */
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
#include "http/reschedule_out.h"
#include "http/server.h"
#include "http/transition.h"
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

struct receipt_ctx {
    const struct engine *e;
    const struct engine_actor *who;
    struct engine_receipt *r; /* gets the files' sealed names */
    struct http_files *files; /* uploads the submission references */
    int64_t now;
};

static enum mc_status receipt_run(struct http_transition *t, struct mc_err *err)
{
    struct receipt_ctx *c = t->ctx;
    struct http_req *req = t->req;
    struct engine_result res;
    enum mc_status rc =
        http_files_resolve(req, c->files, c->now, c->r->attachments, &c->r->n_attachments, err);
    if (rc == MC_OK) {
        rc = engine_receive(c->e, req->db, c->who, c->r, c->now, &res, err);
    }
    if (rc == MC_OK && res.dossier != 0) {
        rc = http_files_link(req, c->files, res.dossier, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    if (res.dossier != 0) {
        return http_transition_answer(t, c->e, c->who, res.dossier, 201, NULL, c->now, err);
    }
    /* Incomplete at the counter: guidance (Mẫu 02) only, no record. */
    json_t *missing = json_array();
    for (size_t i = 0; i < c->r->n_missing; i++) {
        json_array_append_new(missing, json_string(c->r->missing[i]));
    }
    json_t *g = json_pack("{s:s, s:o, s:s}", "outcome", "supplement", "missing", missing, "form",
                          "Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
    char *text = json_dumps(g, JSON_COMPACT);
    json_decref(g);
    rc = http_idem_store(req, t->key, t->hash, 200, text, c->now, err);
    if (rc == MC_OK) {
        http_resp_json_text(t->resp, 200, text);
    } else {
        free(text);
    }
    return rc;
}

enum mc_status h_dossier_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct engine *e = NULL;
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
    http_make_ref("HS", ref);
    r.ref = ref;
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    struct receipt_ctx rctx = { .e = e, .who = &who, .r = &r, .files = &files, .now = now };
    struct http_transition t = { .req = req, .resp = resp, .run = receipt_run, .ctx = &rctx };
    rc = http_transition_run(&t, err);
    json_decref(body);
    return rc;
}

enum mc_status h_dossier_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code;
    const struct engine *e = NULL;
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
        json_t *moved = NULL;
        rc = http_reschedules_json(req, d.id, &moved, err);
        if (rc != MC_OK) {
            json_decref(view);
            return rc;
        }
        json_object_set_new(view, "reschedules", moved);
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

struct action_ctx {
    const struct engine *e;
    const struct engine_actor *who;
    const char *code;
    struct engine_action *a;  /* gets the files' sealed names */
    struct http_files *files; /* uploads the action references */
    int64_t now;
};

/* The answer shows exactly the version this transition made: what it is
 * made of is read inside the transition's savepoint, on the writer; with an
 * Idempotency-Key it is rendered and stored with the effect there, without
 * one it is rendered once durable, outside the writer (transition.h). */
static enum mc_status action_run(struct http_transition *t, struct mc_err *err)
{
    struct action_ctx *c = t->ctx;
    struct engine_result res;
    enum mc_status rc =
        http_files_resolve(t->req, c->files, c->now, c->a->attachments, &c->a->n_attachments, err);
    if (rc == MC_OK) {
        rc = engine_act(c->e, t->req->db, c->who, c->code, c->a, c->now, &res, err);
    }
    if (rc == MC_OK) {
        rc = http_files_link(t->req, c->files, res.dossier, err);
    }
    if (rc == MC_OK) {
        rc = http_transition_answer(t, c->e, c->who, res.dossier, 200, eng_action_key(c->a->action),
                                    c->now, err);
    }
    return rc;
}

enum mc_status h_dossier_action(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code;
    const struct engine *e = NULL;
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
    struct action_ctx actx = {
        .e = e, .who = &who, .code = code, .a = &a, .files = &files, .now = now
    };
    struct http_transition t = { .req = req, .resp = resp, .run = action_run, .ctx = &actx };
    if (rc == MC_OK) {
        rc = http_transition_run(&t, err);
    }
    json_decref(body);
    if (rc == MC_ECONFLICT && strcmp(err->field, "version") == 0) {
        conflict_with_state(req, resp, e, &who, code, err);
        return MC_OK;
    }
    return rc;
}
