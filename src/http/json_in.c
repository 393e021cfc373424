#include "http/json_in.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "http/server.h"

/* Deepest nesting of arrays and objects in text, ignoring strings. jansson
 * has no run-time depth limit, so the body is scanned before parsing. */
static size_t nesting_depth(const char *s, size_t len)
{
    size_t depth = 0, max = 0;
    bool in_str = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_str = false;
            }
        } else if (c == '"') {
            in_str = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max) {
                max = depth;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return max;
}

enum mc_status http_json_parse(const char *text, size_t len, size_t max_depth, json_t **out,
                               struct mc_err *err)
{
    if (len == 0) {
        return mc_fail_field(err, MC_EINVAL, "$",
                             "the request body is empty: a JSON object is expected");
    }
    if (!mc_utf8_valid(text, len)) {
        return mc_fail_field(err, MC_EINVAL, "$", "the request body is not valid UTF-8");
    }
    if (nesting_depth(text, len) > max_depth) {
        return mc_fail_field(err, MC_EINVAL, "$", "JSON nested deeper than %zu levels", max_depth);
    }
    json_error_t jerr;
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (j == NULL) {
        return mc_fail_field(err, MC_EINVAL, "$", "malformed JSON at line %d column %d: %s",
                             jerr.line, jerr.column, jerr.text);
    }
    if (!json_is_object(j)) {
        json_decref(j);
        return mc_fail_field(err, MC_EINVAL, "$", "the request body must be a JSON object");
    }
    *out = j;
    return MC_OK;
}

enum mc_status http_json_body(struct http_req *req, json_t **out, struct mc_err *err)
{
    const char *ct = http_header(req, "Content-Type");
    if (ct == NULL || strncmp(ct, "application/json", 16) != 0 ||
        (ct[16] != '\0' && ct[16] != ';' && ct[16] != ' ')) {
        return mc_fail_field(err, MC_EINVAL, "$content-type",
                             "the request body must be sent as Content-Type: application/json");
    }
    return http_json_parse(mc_buf_cstr(&req->body), req->body.len,
                           http_server_max_json_depth(req->server), out, err);
}

static void join_path(char *dst, size_t n, const char *path, const char *key)
{
    if (path == NULL || path[0] == '\0') {
        snprintf(dst, n, "%s", key);
    } else {
        snprintf(dst, n, "%s.%s", path, key);
    }
}

enum mc_status http_json_only_keys(json_t *obj, const char *path, const char *const allowed[],
                                   struct mc_err *err)
{
    const char *key;
    json_t *v;
    json_object_foreach (obj, key, v) {
        bool ok = false;
        for (size_t i = 0; allowed[i]; i++) {
            if (strcmp(allowed[i], key) == 0) {
                ok = true;
                break;
            }
        }
        if (!ok) {
            char where[96];
            join_path(where, sizeof(where), path, key);
            return mc_fail_field(err, MC_EINVAL, where, "unknown field %s", where);
        }
    }
    return MC_OK;
}

/* Shared head of the typed getters: *v is the value or NULL if absent. */
static enum mc_status lookup(json_t *obj, const char *path, const char *key, bool required,
                             json_t **v, char *where, size_t where_len, struct mc_err *err)
{
    join_path(where, where_len, path, key);
    *v = json_object_get(obj, key);
    if (*v == NULL || json_is_null(*v)) {
        *v = NULL;
        if (required) {
            return mc_fail_field(err, MC_EINVAL, where, "%s is required", where);
        }
    }
    return MC_OK;
}

enum mc_status http_json_str(json_t *obj, const char *path, const char *key, bool required,
                             size_t max_len, const char **out, struct mc_err *err)
{
    char where[96];
    json_t *v;
    enum mc_status rc = lookup(obj, path, key, required, &v, where, sizeof(where), err);
    if (rc != MC_OK || v == NULL) {
        return rc;
    }
    if (!json_is_string(v)) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a string", where);
    }
    size_t len = json_string_length(v);
    const char *s = json_string_value(v);
    if (len == 0) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must not be empty", where);
    }
    if (len > max_len) {
        return mc_fail_field(err, MC_EINVAL, where, "%s is longer than %zu bytes", where, max_len);
    }
    if (memchr(s, '\0', len) != NULL) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must not contain NUL", where);
    }
    *out = s;
    return MC_OK;
}

enum mc_status http_json_int(json_t *obj, const char *path, const char *key, bool required,
                             int64_t min, int64_t max, int64_t *out, struct mc_err *err)
{
    char where[96];
    json_t *v;
    enum mc_status rc = lookup(obj, path, key, required, &v, where, sizeof(where), err);
    if (rc != MC_OK || v == NULL) {
        return rc;
    }
    if (!json_is_integer(v)) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a whole number", where);
    }
    json_int_t i = json_integer_value(v);
    if (i < min || i > max) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be from %lld to %lld", where,
                             (long long)min, (long long)max);
    }
    *out = i;
    return MC_OK;
}

enum mc_status http_json_num(json_t *obj, const char *path, const char *key, bool required,
                             double min, double max, double *out, struct mc_err *err)
{
    char where[96];
    json_t *v;
    enum mc_status rc = lookup(obj, path, key, required, &v, where, sizeof(where), err);
    if (rc != MC_OK || v == NULL) {
        return rc;
    }
    if (!json_is_number(v)) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be a number", where);
    }
    double d = json_number_value(v);
    if (!isfinite(d) || d < min || d > max) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be from %g to %g", where, min, max);
    }
    *out = d;
    return MC_OK;
}

enum mc_status http_json_bool(json_t *obj, const char *path, const char *key, bool required,
                              bool *out, struct mc_err *err)
{
    char where[96];
    json_t *v;
    enum mc_status rc = lookup(obj, path, key, required, &v, where, sizeof(where), err);
    if (rc != MC_OK || v == NULL) {
        return rc;
    }
    if (!json_is_boolean(v)) {
        return mc_fail_field(err, MC_EINVAL, where, "%s must be true or false", where);
    }
    *out = json_is_true(v);
    return MC_OK;
}
