/* API tokens for machine clients: create one for yourself (shown once),
 * list yours, revoke yours (administrators: anyone's). */
#include <string.h>
#include <time.h>

#include "base/parse.h"
#include "core/role.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/org_out.h"
#include "http/secret.h"
#include "store/store_org.h"

enum { TOKEN_NAME_MAX = 100 };

enum mc_status h_token_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    if (req->who->via_token) {
        /* A leaked token must not be able to mint more. */
        return mc_fail(err, MC_EPERM, "create API tokens from a logged-in session, not a token");
    }
    json_t *body = NULL;
    enum mc_status rc = http_json_body(req, &body, err);
    if (rc != MC_OK) {
        return rc;
    }
    static const char *const keys[] = { "name", NULL };
    const char *name = NULL;
    rc = http_json_only_keys(body, "", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "name", true, TOKEN_NAME_MAX, &name, err);
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    char secret[HTTP_SECRET_LEN + 1];
    http_secret_new(secret);
    const char *token = mc_arena_printf(&req->arena, "%s%s", HTTP_API_TOKEN_PREFIX, secret);
    char hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(token, hash);
    int64_t now = (int64_t)time(NULL);
    int64_t id = 0;
    rc = store_begin(req->db, err);
    if (rc == MC_OK) {
        rc = store_token_create(req->db, req->who->person_id, name, hash, now, &id, err);
        if (rc == MC_OK) {
            rc = store_commit(req->db, err);
        } else {
            store_rollback(req->db);
        }
    }
    if (rc == MC_OK) {
        json_t *j = json_pack("{s:I, s:s, s:s, s:I}", "id", (json_int_t)id, "name", name, "token",
                              token, "created_at", (json_int_t)now);
        http_resp_json(resp, 201, j);
    }
    json_decref(body);
    return rc;
}

enum mc_status h_token_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    char *text = NULL;
    json_t *tokens = NULL;
    enum mc_status rc = store_tokens_json(req->db, req->who->person_id, &text, err);
    if (rc == MC_OK) {
        rc = http_store_json(text, &tokens, err);
    }
    if (rc == MC_OK) {
        http_resp_json(resp, 200, json_pack("{s:o}", "tokens", tokens));
    }
    return rc;
}

enum mc_status h_token_revoke(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    int64_t id = 0;
    if (!mc_parse_i64(http_param(req, 0), 1, INT64_MAX, &id)) {
        return mc_fail_field(err, MC_EINVAL, "id", "the token id must be a positive whole number");
    }
    /* Administrators may revoke anyone's token (a leaked one, a leaver's). */
    bool admin = core_scope_can_act(&req->who->scope, ROLE_BIT(ROLE_ADMIN), NULL);
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_token_revoke(req->db, id, admin ? 0 : req->who->person_id, (int64_t)time(NULL), err);
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
