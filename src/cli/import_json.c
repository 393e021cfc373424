/* Reading and checking the JSON files of an import directory. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/parse.h"
#include "cli/import.h"

void import_error(struct import_ctx *ctx, const char *file, const char *path, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (path && *path) {
        fprintf(stderr, "%s: %s: %s\n", file, path, msg);
    } else {
        fprintf(stderr, "%s: %s\n", file, msg);
    }
    ctx->nerrors++;
}

json_t *import_load(struct import_ctx *ctx, const char *name, bool required)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", ctx->dir, name);
    struct stat st;
    if (stat(path, &st) != 0) {
        if (required || errno != ENOENT) {
            import_error(ctx, name, "", "cannot read %s: %s", path, strerror(errno));
        }
        return NULL;
    }
    json_error_t jerr;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (j == NULL) {
        import_error(ctx, name, "", "line %d column %d: %s", jerr.line, jerr.column, jerr.text);
    }
    return j;
}

static void child_path(char *dst, size_t n, const char *path, const char *key)
{
    snprintf(dst, n, "%s.%s", path && *path ? path : "$", key);
}

bool import_only_keys(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                      const char *const allowed[])
{
    if (!json_is_object(obj)) {
        import_error(ctx, file, path && *path ? path : "$", "must be an object");
        return false;
    }
    bool ok = true;
    const char *key;
    json_t *v;
    json_object_foreach (obj, key, v) {
        bool known = false;
        for (size_t i = 0; allowed[i] && !known; i++) {
            known = strcmp(allowed[i], key) == 0;
        }
        if (!known) {
            char where[512];
            child_path(where, sizeof(where), path, key);
            import_error(ctx, file, where, "unknown field");
            ok = false;
        }
    }
    return ok;
}

/* Common head: *v NULL when absent or null. */
static bool present(struct import_ctx *ctx, const char *file, const char *where, json_t *obj,
                    const char *key, bool required, json_t **v)
{
    *v = json_object_get(obj, key);
    if (*v == NULL || json_is_null(*v)) {
        *v = NULL;
        if (required) {
            import_error(ctx, file, where, "is required");
            return false;
        }
    }
    return true;
}

bool import_str(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, size_t max_len, const char **out)
{
    char where[512];
    child_path(where, sizeof(where), path, key);
    json_t *v;
    if (!present(ctx, file, where, obj, key, required, &v) || v == NULL) {
        return v != NULL || !required;
    }
    if (!json_is_string(v)) {
        import_error(ctx, file, where, "must be a string");
        return false;
    }
    size_t len = json_string_length(v);
    const char *s = json_string_value(v);
    if (len == 0 || len > max_len || memchr(s, '\0', len) != NULL) {
        import_error(ctx, file, where, "must be 1 to %zu bytes of text", max_len);
        return false;
    }
    *out = s;
    return true;
}

bool import_int(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, int64_t min, int64_t max, int64_t *out)
{
    char where[512];
    child_path(where, sizeof(where), path, key);
    json_t *v;
    if (!present(ctx, file, where, obj, key, required, &v) || v == NULL) {
        return v != NULL || !required;
    }
    if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
        import_error(ctx, file, where, "must be a whole number from %lld to %lld", (long long)min,
                     (long long)max);
        return false;
    }
    *out = json_integer_value(v);
    return true;
}

bool import_num(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, double min, double max, double *out)
{
    char where[512];
    child_path(where, sizeof(where), path, key);
    json_t *v;
    if (!present(ctx, file, where, obj, key, required, &v) || v == NULL) {
        return v != NULL || !required;
    }
    double d = json_is_number(v) ? json_number_value(v) : NAN;
    if (!isfinite(d) || d < min || d > max) {
        import_error(ctx, file, where, "must be a number from %g to %g", min, max);
        return false;
    }
    *out = d;
    return true;
}

bool import_bool(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                 const char *key, bool required, bool *out)
{
    char where[512];
    child_path(where, sizeof(where), path, key);
    json_t *v;
    if (!present(ctx, file, where, obj, key, required, &v) || v == NULL) {
        return v != NULL || !required;
    }
    if (!json_is_boolean(v)) {
        import_error(ctx, file, where, "must be true or false");
        return false;
    }
    *out = json_is_true(v);
    return true;
}

bool import_array(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                  const char *key, bool required, json_t **out)
{
    char where[512];
    child_path(where, sizeof(where), path, key);
    json_t *v;
    *out = NULL;
    if (!present(ctx, file, where, obj, key, required, &v) || v == NULL) {
        return v != NULL || !required;
    }
    if (!json_is_array(v)) {
        import_error(ctx, file, where, "must be an array");
        return false;
    }
    *out = v;
    return true;
}

int export_write(const char *dir, const char *name, json_t *j)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "motcua export: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = json_dumpf(j, f, JSON_INDENT(2));
    rc |= fputc('\n', f) == EOF;
    rc |= fclose(f);
    if (rc != 0) {
        fprintf(stderr, "motcua export: cannot write %s\n", path);
        return -1;
    }
    return 0;
}
