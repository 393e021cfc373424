#include "http/router.h"

#include <string.h>

/* Length of the segment starting at s (up to '/' or end). */
static size_t seg_len(const char *s)
{
    const char *e = strchr(s, '/');
    return e ? (size_t)(e - s) : strlen(s);
}

/* Does path match pattern? Captures go to params, copied into scratch. */
static bool match_one(const char *pattern, const char *path, const char **params, size_t *nparams,
                      char *scratch, size_t scratch_len)
{
    size_t used = 0;
    size_t n = 0;
    const char *p = pattern;
    const char *s = path;
    while (*p && *s) {
        if (*p != '/' || *s != '/') {
            return false;
        }
        p++;
        s++;
        size_t plen = seg_len(p);
        size_t slen = seg_len(s);
        if (plen > 1 && p[0] == '{' && p[plen - 1] == '}') {
            if (slen == 0 || n == HTTP_MAX_PARAMS || used + slen + 1 > scratch_len) {
                return false;
            }
            memcpy(scratch + used, s, slen);
            scratch[used + slen] = '\0';
            params[n++] = scratch + used;
            used += slen + 1;
        } else if (plen != slen || memcmp(p, s, plen) != 0) {
            return false;
        }
        p += plen;
        s += slen;
    }
    if (*p || *s) {
        return false;
    }
    *nparams = n;
    return true;
}

enum http_match http_route_match(const char *method, const char *path,
                                 const struct http_route **route, const char **params,
                                 size_t *nparams, char *scratch, size_t scratch_len)
{
    bool path_known = false;
    for (size_t i = 0; i < http_nroutes; i++) {
        const struct http_route *r = &http_routes[i];
        if (!match_one(r->pattern, path, params, nparams, scratch, scratch_len)) {
            continue;
        }
        path_known = true;
        if (strcmp(r->method, method) == 0 ||
            (strcmp(method, "HEAD") == 0 && strcmp(r->method, "GET") == 0)) {
            *route = r;
            return HTTP_MATCH_OK;
        }
    }
    return path_known ? HTTP_MATCH_NO_METHOD : HTTP_MATCH_NO_PATH;
}
