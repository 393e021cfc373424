/* The built web interface (web/dist): files with caching headers, and the
 * single-page application's index.html for any other GET outside /api/. */
#ifndef MC_HTTP_STATIC_H
#define MC_HTTP_STATIC_H

#include "http/request.h"

enum mc_status http_static_serve(struct http_req *req, struct http_resp *resp,
                                 struct mc_err *err) MC_MUST_CHECK;
/* The path is safe to join to the web root: no "..", no "//", no NUL, no
 * backslash, starts with '/'. */
bool http_static_path_ok(const char *path);

#endif
