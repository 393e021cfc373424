/* Sessions (cookie + CSRF token) and API tokens (Bearer), resolved once per
 * request into req->who; permission checks over core/scope.h. */
#include "http/auth.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/log.h"
#include "http/secret.h"
#include "store/store_org.h"

/* Longest credential we bother hashing: anything longer is not ours. */
enum { CREDENTIAL_MAX = 128 };

static const char *bearer_token(struct http_req *req)
{
    const char *h = http_header(req, "Authorization");
    if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0) {
        return NULL;
    }
    h += 7;
    while (*h == ' ') {
        h++;
    }
    return h;
}

/* Roles, units in charge and the unit tree into the arena. */
static enum mc_status load_scope(struct http_req *req, struct http_principal *p, struct mc_err *err)
{
    struct core_grant *grants = NULL;
    const char **in_charge = NULL;
    struct core_unit_link *links = NULL;
    size_t ngrants = 0, nin_charge = 0, nlinks = 0;
    enum mc_status rc = store_person_grants(req->db, p->person_id, &req->arena, &grants, &ngrants,
                                            &in_charge, &nin_charge, err);
    if (rc == MC_OK) {
        rc = store_unit_links(req->db, &req->arena, &links, &nlinks, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    p->scope = (struct core_scope){ .grants = grants,
                                    .ngrants = ngrants,
                                    .in_charge = in_charge,
                                    .nin_charge = nin_charge,
                                    .units = links,
                                    .nunits = nlinks };
    p->roles = core_scope_roles(&p->scope);
    return MC_OK;
}

/* Record use of a credential at most once a minute: a write per request
 * would serialise every reader behind the writer lock. */
static void touch(struct http_req *req, const struct http_principal *p, int64_t last, int64_t now)
{
    if (now - last < HTTP_SESSION_TOUCH_S) {
        return;
    }
    struct mc_err err;
    mc_err_clear(&err);
    if (store_begin(req->db, &err) != MC_OK) {
        mc_log(MC_LOG_WARN, "cannot record session use", "detail=\"%s\"", err.msg);
        return;
    }
    enum mc_status rc = p->via_token ? store_token_touch(req->db, p->credential_id, now, &err)
                                     : store_session_touch(req->db, p->credential_id, now, &err);
    if (rc == MC_OK) {
        rc = store_commit(req->db, &err);
    } else {
        store_rollback(req->db);
    }
    if (rc != MC_OK) {
        /* Not fatal: the request goes on; the session may end a minute early. */
        mc_log(MC_LOG_WARN, "cannot record session use", "detail=\"%s\"", err.detail);
    }
}

enum mc_status http_auth_resolve(struct http_req *req, struct mc_err *err)
{
    req->who = NULL;
    const char *bearer = bearer_token(req);
    const char *cookie = bearer ? NULL : http_cookie(req, HTTP_SESSION_COOKIE);
    const char *secret = bearer ? bearer : cookie;
    if (secret == NULL || secret[0] == '\0' || strlen(secret) > CREDENTIAL_MAX) {
        return MC_OK;
    }
    char hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(secret, hash);
    int64_t now = (int64_t)time(NULL);
    struct store_principal sp;
    struct mc_err lookup;
    mc_err_clear(&lookup);
    enum mc_status rc = bearer ? store_token_find(req->db, hash, &req->arena, &sp, &lookup)
                               : store_session_find(req->db, hash, now, HTTP_SESSION_IDLE_S,
                                                    &req->arena, &sp, &lookup);
    if (rc == MC_ENOTFOUND) {
        return MC_OK; /* unknown, expired or revoked: anonymous */
    }
    if (rc != MC_OK) {
        *err = lookup;
        return rc;
    }
    struct http_principal *p = mc_arena_alloc(&req->arena, sizeof(*p));
    memset(p, 0, sizeof(*p));
    p->person_id = sp.person;
    p->username = sp.username;
    p->full_name = sp.full_name;
    p->via_token = bearer != NULL;
    p->csrf_token = sp.csrf_token;
    p->credential_id = sp.credential;
    rc = load_scope(req, p, err);
    if (rc != MC_OK) {
        return rc;
    }
    touch(req, p, sp.last_seen, now);
    req->who = p;
    return MC_OK;
}

bool http_auth_csrf_ok(struct http_req *req)
{
    if (req->who == NULL || req->who->csrf_token == NULL) {
        return false;
    }
    const char *sent = http_header(req, "X-CSRF-Token");
    if (sent == NULL) {
        return false;
    }
    size_t n = strlen(req->who->csrf_token);
    /* Lengths are not secret (every token has the same); contents are. */
    return strlen(sent) == n && sodium_memcmp(sent, req->who->csrf_token, n) == 0;
}

static bool behind_tls(struct http_req *req)
{
    const char *proto = http_header(req, "X-Forwarded-Proto");
    return proto && strcasecmp(proto, "https") == 0;
}

const char *http_auth_cookie(struct http_req *req, const char *token)
{
    return mc_arena_printf(&req->arena, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
                           HTTP_SESSION_COOKIE, token, HTTP_SESSION_ABSOLUTE_S,
                           behind_tls(req) ? "; Secure" : "");
}

const char *http_auth_cookie_clear(struct http_req *req)
{
    return mc_arena_printf(&req->arena, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
                           HTTP_SESSION_COOKIE, behind_tls(req) ? "; Secure" : "");
}

bool http_has_role(const struct http_req *req, unsigned role_mask, const char *unit_code)
{
    return req->who != NULL && core_scope_holds(&req->who->scope, role_mask, unit_code);
}

enum mc_status http_require_role(struct http_req *req, unsigned role_mask, const char *unit_code,
                                 struct mc_err *err)
{
    if (req->who == NULL) {
        return mc_fail(err, MC_EAUTH, "log in first");
    }
    if (!core_scope_can_act(&req->who->scope, role_mask, unit_code)) {
        if (unit_code) {
            return mc_fail(err, MC_EPERM, "your roles do not allow this in unit %s", unit_code);
        }
        return mc_fail(err, MC_EPERM, "your roles do not allow this");
    }
    return MC_OK;
}

bool http_can_read_unit(const struct http_req *req, const char *unit_code)
{
    return req->who != NULL && core_scope_can_read(&req->who->scope, unit_code);
}
