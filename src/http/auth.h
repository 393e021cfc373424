/* Who is calling: sessions (cookie + CSRF token) and API tokens (Bearer).
 * http_auth_resolve runs before every handler; handlers check roles and unit
 * scope with the helpers declared here. */
#ifndef MC_HTTP_AUTH_H
#define MC_HTTP_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/scope.h"
#include "http/request.h"

/* The session cookie: HttpOnly, SameSite=Strict, Path=/, plus Secure when
 * the request came through TLS (X-Forwarded-Proto: https from the proxy). */
#define HTTP_SESSION_COOKIE "motcua_session"

/* Session lifetimes (docs/SECURITY.md). */
enum {
    HTTP_SESSION_IDLE_S = 2 * 3600,      /* ends after 2 hours without a request */
    HTTP_SESSION_ABSOLUTE_S = 12 * 3600, /* and 12 hours after login at the latest */
    HTTP_SESSION_TOUCH_S = 60            /* last_seen is written at most once a minute */
};

/* Who is calling. Everything here lives in the request arena and is read
 * once per request by http_auth_resolve. */
struct http_principal {
    int64_t person_id;
    const char *username;
    const char *full_name;
    bool via_token;         /* API token: no cookie, so no CSRF check */
    const char *csrf_token; /* the session's token (cookie sessions only) */
    int64_t credential_id;  /* the session's or the API token's id */
    unsigned roles;         /* ROLE_BIT() of every role held, in any unit */
    /* Roles per unit, units in charge and the whole unit tree: what
     * core/scope.h needs. Handlers normally use the helpers below. */
    struct core_scope scope;
};

/* Set req->who from the session cookie or Authorization: Bearer token.
 * No credential, or an unknown/expired one, leaves req->who NULL and returns
 * MC_OK: routes flagged HTTP_AUTH then answer 401. */
enum mc_status http_auth_resolve(struct http_req *req, struct mc_err *err) MC_MUST_CHECK;
/* The X-CSRF-Token header matches the session's token (constant time). */
bool http_auth_csrf_ok(struct http_req *req);

/* The Set-Cookie value that starts a session with `token` / ends it; in the
 * request arena. */
const char *http_auth_cookie(struct http_req *req, const char *token);
const char *http_auth_cookie_clear(struct http_req *req);

/* Permission checks for handlers. role_mask is a set of ROLE_BIT(...) from
 * core/role.h; unit_code names the unit whose data is touched (NULL: any
 * unit). Unit scope: the director and administrators act on every unit; a
 * deputy director on the units he or she is in charge of; heads, deputy
 * heads, specialists, reception and clerks on their own unit (and its
 * sub-units). The control team and the steering committee read everything
 * and change nothing: http_require_role never grants them a state change.
 *
 * http_has_role answers "does the caller hold a role in role_mask that
 * reaches unit_code": for control and steering that is every unit, so use it
 * to tailor what is shown, and http_require_role before any change.
 * http_require_role fails with MC_EAUTH (401) for an anonymous caller and
 * MC_EPERM (403) otherwise. Typical use in a handler:
 *
 *     rc = http_require_role(req, ROLE_MASK_UNIT_LEADERS, dossier_unit, err);
 *     if (rc != MC_OK)
 *         return rc;
 */
bool http_has_role(const struct http_req *req, unsigned role_mask, const char *unit_code);
enum mc_status http_require_role(struct http_req *req, unsigned role_mask, const char *unit_code,
                                 struct mc_err *err) MC_MUST_CHECK;
/* May the caller read data of this unit? (control and steering: always) */
bool http_can_read_unit(const struct http_req *req, const char *unit_code);
/* The codes of the units the caller reads, as a JSON array in the request's
 * arena, or NULL when that is every unit (for SQL filters on json_each). */
const char *http_readable_units_json(struct http_req *req);

#endif
