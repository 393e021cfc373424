/* The one route table (routes.c) and its matcher: segment patterns such as
 * /api/procedures/{code}, no regular expressions. */
#ifndef MC_HTTP_ROUTER_H
#define MC_HTTP_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "http/request.h"

enum http_route_flags {
    HTTP_PUBLIC = 0,          /* anyone may call */
    HTTP_AUTH = 1 << 0,       /* a session or API token is required (401 otherwise) */
    HTTP_NO_CSRF = 1 << 1,    /* state-changing, but exempt from the CSRF check (login) */
    HTTP_RATE_LOGIN = 1 << 2, /* counted against http.login_rate */
    HTTP_RATE_LOOKUP = 1 << 3 /* counted against http.lookup_rate */
};

struct http_route {
    const char *method;
    const char *pattern;
    http_handler_fn *handler;
    unsigned flags;
};

extern const struct http_route http_routes[];
extern const size_t http_nroutes;

enum http_match { HTTP_MATCH_OK, HTTP_MATCH_NO_PATH, HTTP_MATCH_NO_METHOD };

/* Match method and path; on success *route is set and the captured segments
 * are copied (percent-decoded already by the caller) into params. */
enum http_match http_route_match(const char *method, const char *path,
                                 const struct http_route **route, const char **params,
                                 size_t *nparams, char *scratch, size_t scratch_len);

#endif
