/* In-app notifications (mine; the escalation sweep also runs here at the
 * request's clock, so a test clock drives it) and the applicant's public
 * endpoints: lookup by code and phone, rating and problem report (R16). */
#include <string.h>

#include "base/parse.h"
#include "core/dossier_status.h"
#include "http/attach_in.h"
#include "http/auth.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "store/store_dossier.h"

enum mc_status h_notifications_list(struct http_req *req, struct http_resp *resp,
                                    struct mc_err *err)
{
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    int64_t fired = 0;
    if (rc == MC_OK) {
        rc = engine_escalate(e, req->db, http_now_minutes(req), &fired, err);
    }
    const char *unread = http_query(req, "unread");
    char *json = NULL;
    if (rc == MC_OK) {
        rc = store_notifications_json(req->db, req->who->person_id,
                                      unread && strcmp(unread, "true") == 0, &json, err);
    }
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}

enum mc_status h_notification_read(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    int64_t id = 0;
    if (!mc_parse_i64(http_param(req, 0), 1, INT64_MAX, &id)) {
        return mc_fail(err, MC_ENOTFOUND, "no such notification");
    }
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_notification_read(req->db, req->who->person_id, id, http_now_minutes(req), err);
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    rc = store_commit(req->db, err);
    if (rc == MC_OK) {
        http_resp_empty(resp, 204);
    }
    return rc;
}

enum mc_status h_public_dossier_get(struct http_req *req, struct http_resp *resp,
                                    struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const char *phone = http_query(req, "phone");
    if (phone == NULL || strlen(phone) > 20) {
        return mc_fail_field(err, MC_EINVAL, "phone", "phone is required");
    }
    char *text = NULL;
    enum mc_status rc = store_public_json(req->db, code ? code : "", phone, &text, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *j = json_loads(text, 0, NULL);
    free(text);
    if (j == NULL) {
        return mc_fail(err, MC_EINTERNAL, "public JSON does not parse");
    }
    enum eng_status st;
    if (eng_status_from_code((int)json_integer_value(json_object_get(j, "status")), &st)) {
        json_object_set_new(j, "status_name", json_string(eng_status_name_vi(st)));
    }
    /* The applicant's own proof (code + phone) also opens the files. */
    struct store_dossier d;
    struct mc_err ignore;
    mc_err_clear(&ignore);
    if (store_dossier_load(req->db, code, &d, &ignore) == MC_OK) {
        const char *base = mc_arena_printf(&req->arena, "/api/public/dossiers/%s", code);
        json_object_set_new(j, "files", http_files_json(req, d.id, base));
    }
    http_resp_json(resp, 200, j);
    return MC_OK;
}

static enum mc_status feedback(struct http_req *req, struct http_resp *resp, const char *kind,
                               struct mc_err *err)
{
    json_t *body = NULL;
    enum mc_status rc = http_json_body(req, &body, err);
    static const char *const rating_keys[] = { "phone", "score", "comment", NULL };
    static const char *const problem_keys[] = { "phone", "comment", NULL };
    bool rating = strcmp(kind, "rating") == 0;
    if (rc == MC_OK) {
        rc = http_json_only_keys(body, "", rating ? rating_keys : problem_keys, err);
    }
    const char *phone = NULL, *comment = NULL;
    int64_t score = 0;
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "phone", true, 20, &phone, err);
    }
    if (rc == MC_OK && rating) {
        rc = http_json_int(body, "", "score", true, 1, 5, &score, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "comment", !rating, 2000, &comment, err);
    }
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
        if (rc == MC_OK) {
            rc = store_feedback_add(req->db, http_param(req, 0), phone, kind, (int)score, comment,
                                    http_now_minutes(req), err);
            if (rc == MC_OK) {
                rc = store_commit(req->db, err);
            } else {
                store_rollback(req->db);
            }
        }
    }
    json_decref(body);
    if (rc == MC_OK) {
        http_resp_json(resp, 201, json_pack("{s:s}", "recorded", kind));
    }
    return rc;
}

enum mc_status h_public_rating(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    return feedback(req, resp, "rating", err);
}

enum mc_status h_public_feedback(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    return feedback(req, resp, "problem", err);
}
