/* Log in, who am I, log out (docs/SECURITY.md). */
#include <string.h>
#include <time.h>

#include "core/org.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/org_out.h"
#include "http/secret.h"
#include "store/store_org.h"

/* {"csrf_token"?, "via", "user": {...}} for the caller or a new session. */
static enum mc_status session_body(struct http_req *req, int64_t person, const char *csrf,
                                   const char *via, json_t **out, struct mc_err *err)
{
    json_t *user = NULL;
    enum mc_status rc = http_person_doc(req, person, &user, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *j = json_object();
    if (csrf) {
        json_object_set_new(j, "csrf_token", json_string(csrf));
    }
    json_object_set_new(j, "via", json_string(via));
    json_object_set_new(j, "user", user);
    *out = j;
    return MC_OK;
}

static enum mc_status start_session(struct http_req *req, int64_t person, const char *token,
                                    const char *csrf, struct mc_err *err)
{
    char hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(token, hash);
    int64_t now = (int64_t)time(NULL);
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_session_purge(req->db, now, HTTP_SESSION_IDLE_S, err);
    if (rc == MC_OK) {
        rc = store_session_create(req->db, person, hash, csrf, now, now + HTTP_SESSION_ABSOLUTE_S,
                                  err);
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

enum mc_status h_session_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    json_t *body = NULL;
    enum mc_status rc = http_json_body(req, &body, err);
    if (rc != MC_OK) {
        return rc;
    }
    static const char *const keys[] = { "username", "password", NULL };
    const char *username = NULL, *password = NULL;
    rc = http_json_only_keys(body, "", keys, err);
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "username", true, CORE_USERNAME_MAX, &username, err);
    }
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "password", true, CORE_PASSWORD_MAX, &password, err);
    }
    struct store_login login = { 0 };
    if (rc == MC_OK) {
        rc = store_person_login(req->db, username, &req->arena, &login, err);
        if (rc == MC_ENOTFOUND) {
            login.hash = NULL;
            rc = MC_OK;
            login.person = 0;
        }
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    /* Unknown user, no password, disabled and wrong password all do the same
     * argon2id work and give the same answer: nothing tells them apart. */
    bool ok = http_password_verify(login.hash, password);
    json_decref(body);
    if (!ok || login.person == 0 || login.disabled) {
        return mc_fail(err, MC_EAUTH, "wrong username or password");
    }
    char token[HTTP_SECRET_LEN + 1], csrf[HTTP_SECRET_LEN + 1];
    http_secret_new(token);
    http_secret_new(csrf);
    rc = start_session(req, login.person, token, csrf, err);
    json_t *out = NULL;
    if (rc == MC_OK) {
        rc = session_body(req, login.person, csrf, "session", &out, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    http_resp_header(resp, "Set-Cookie", http_auth_cookie(req, token));
    http_resp_json(resp, 200, out);
    return MC_OK;
}

enum mc_status h_session_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct http_principal *who = req->who;
    json_t *out = NULL;
    /* The CSRF token comes back so that a reloaded page can go on; other
     * sites cannot read this response (no CORS, SameSite=Strict cookie). */
    enum mc_status rc = session_body(req, who->person_id, who->csrf_token,
                                     who->via_token ? "token" : "session", &out, err);
    if (rc != MC_OK) {
        return rc;
    }
    http_resp_json(resp, 200, out);
    return MC_OK;
}

enum mc_status h_session_delete(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    if (req->who->via_token) {
        return mc_fail(err, MC_EINVAL,
                       "an API token has no session: revoke it with DELETE /api/tokens/{id}");
    }
    const char *cookie = http_cookie(req, HTTP_SESSION_COOKIE);
    char hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(cookie ? cookie : "", hash);
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_session_delete(req->db, hash, err);
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    rc = store_commit(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    http_resp_header(resp, "Set-Cookie", http_auth_cookie_clear(req));
    http_resp_empty(resp, 204);
    return MC_OK;
}
