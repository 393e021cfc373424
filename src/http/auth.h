/* Who is calling: sessions (cookie + CSRF token) and API tokens (Bearer).
 * http_auth_resolve runs before every handler; handlers check roles and unit
 * scope with the helpers declared here. */
#ifndef MC_HTTP_AUTH_H
#define MC_HTTP_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "http/request.h"

struct http_principal {
    int64_t person_id;
    const char *username;
    const char *full_name;
    bool via_token;         /* API token: no cookie, so no CSRF check */
    const char *csrf_token; /* the session's token (cookie sessions only) */
};

/* Set req->who from the session cookie or Authorization: Bearer token.
 * No credential, or an unknown/expired one, leaves req->who NULL and returns
 * MC_OK: routes flagged HTTP_AUTH then answer 401. */
enum mc_status http_auth_resolve(struct http_req *req, struct mc_err *err) MC_MUST_CHECK;
/* The X-CSRF-Token header matches the session's token. */
bool http_auth_csrf_ok(struct http_req *req);

#endif
