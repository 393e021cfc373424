/* Status codes and error records shared by every layer.
 *
 * A function that can fail returns enum mc_status and takes a trailing
 * `struct mc_err *err` (may be NULL). The error is described once, where it
 * is detected, with mc_fail(); callers propagate the code. */
#ifndef MC_BASE_ERR_H
#define MC_BASE_ERR_H

#include <stdbool.h>

enum mc_status {
    MC_OK = 0,
    MC_EINVAL,    /* input violates a rule            -> 400 */
    MC_EAUTH,     /* not authenticated                -> 401 */
    MC_EPERM,     /* not allowed                      -> 403 */
    MC_ENOTFOUND, /* no such thing                    -> 404 */
    MC_ECONFLICT, /* stale version / wrong state      -> 409 */
    MC_ELIMIT,    /* size or rate limit               -> 413/429 */
    MC_ESTORE,    /* database failure                 -> 503 */
    MC_EIO,       /* file or OS failure               -> 500 */
    MC_ECRYPTO,   /* crypto library failure           -> 500 */
    MC_EINTERNAL, /* broken invariant (a bug)         -> 500 */
    MC_EMEDIA,    /* content of a kind not accepted   -> 415 */
};

struct mc_err {
    enum mc_status code;
    char msg[200];    /* primary: short, factual, safe to show the client */
    char field[96];   /* JSON path or field name at fault, "" if none */
    char detail[300]; /* log only: SQL text, errno, library message */
    const char *file; /* where mc_fail() was called */
    int line;
};

#define MC_MUST_CHECK   __attribute__((warn_unused_result))
#define MC_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Record an error and return its code:
 *     return mc_fail(err, MC_ENOTFOUND, "no procedure %s", code); */
#define mc_fail(err, code, ...) mc_fail_at((err), (code), __FILE__, __LINE__, __VA_ARGS__)
/* Same, naming the field at fault (a JSON path such as "cases[2].time_limit"). */
#define mc_fail_field(err, code, field, ...) \
    mc_fail_field_at((err), (code), (field), __FILE__, __LINE__, __VA_ARGS__)

enum mc_status mc_fail_at(struct mc_err *err, enum mc_status code, const char *file, int line,
                          const char *fmt, ...) MC_PRINTF(5, 6);
enum mc_status mc_fail_field_at(struct mc_err *err, enum mc_status code, const char *field,
                                const char *file, int line, const char *fmt, ...) MC_PRINTF(6, 7);

/* Append log-only detail (library message, errno text) to an error already set. */
void mc_err_detail(struct mc_err *err, const char *fmt, ...) MC_PRINTF(2, 3);

void mc_err_clear(struct mc_err *err);

/* Stable lower-case name of a status, e.g. "einval". */
const char *mc_status_name(enum mc_status code);

/* Always-on invariant check; never use on input. Logs file:line and aborts. */
#define MC_ASSERT(expr) ((expr) ? (void)0 : mc_assert_fail(#expr, __FILE__, __LINE__))
_Noreturn void mc_assert_fail(const char *expr, const char *file, int line);

#endif
