#include "base/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_header(struct mc_err *err, enum mc_status code, const char *file, int line)
{
    err->code = code;
    err->file = file;
    err->line = line;
    err->field[0] = '\0';
    err->detail[0] = '\0';
}

enum mc_status mc_fail_at(struct mc_err *err, enum mc_status code, const char *file, int line,
                          const char *fmt, ...)
{
    if (err == NULL) {
        return code;
    }
    set_header(err, code, file, line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

enum mc_status mc_fail_field_at(struct mc_err *err, enum mc_status code, const char *field,
                                const char *file, int line, const char *fmt, ...)
{
    if (err == NULL) {
        return code;
    }
    set_header(err, code, file, line);
    snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    va_end(ap);
    return code;
}

void mc_err_detail(struct mc_err *err, const char *fmt, ...)
{
    if (err == NULL) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
    va_end(ap);
}

void mc_err_clear(struct mc_err *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof(*err));
    }
}

const char *mc_status_name(enum mc_status code)
{
    switch (code) {
    case MC_OK:
        return "ok";
    case MC_EINVAL:
        return "einval";
    case MC_EAUTH:
        return "eauth";
    case MC_EPERM:
        return "eperm";
    case MC_ENOTFOUND:
        return "enotfound";
    case MC_ECONFLICT:
        return "econflict";
    case MC_ELIMIT:
        return "elimit";
    case MC_ESTORE:
        return "estore";
    case MC_EIO:
        return "eio";
    case MC_ECRYPTO:
        return "ecrypto";
    case MC_EINTERNAL:
        return "einternal";
    case MC_EMEDIA:
        return "emedia";
    }
    return "unknown";
}

void mc_assert_fail(const char *expr, const char *file, int line)
{
    fprintf(stderr, "motcua: assertion failed: %s at %s:%d\n", expr, file, line);
    abort();
}
