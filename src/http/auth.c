/* Placeholder until sessions land: every caller is anonymous. */
#include "http/auth.h"

enum mc_status http_auth_resolve(struct http_req *req, struct mc_err *err)
{
    (void)err;
    req->who = NULL;
    return MC_OK;
}

bool http_auth_csrf_ok(struct http_req *req)
{
    (void)req;
    return false;
}

bool http_has_role(const struct http_req *req, unsigned role_mask, const char *unit_code)
{
    (void)req;
    (void)role_mask;
    (void)unit_code;
    return false;
}

enum mc_status http_require_role(struct http_req *req, unsigned role_mask, const char *unit_code,
                                 struct mc_err *err)
{
    (void)role_mask;
    (void)unit_code;
    if (req->who == NULL) {
        return mc_fail(err, MC_EAUTH, "log in first");
    }
    return mc_fail(err, MC_EPERM, "not allowed");
}

bool http_can_read_unit(const struct http_req *req, const char *unit_code)
{
    (void)req;
    (void)unit_code;
    return false;
}
