/* Recurring internal tasks (0013_recurrence.sql): the rule on an internal
 * work item, the items the sweep looks at, and the periods opened. */
#ifndef MC_STORE_RECUR_H
#define MC_STORE_RECUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recur.h"
#include "store/store.h"

/* The rule of item `code` (r->every CORE_RECUR_NONE when it has none).
 * MC_ENOTFOUND naming `code` for an unknown item. */
enum mc_status store_recur_get(struct store *st, const char *code, struct core_recur *r,
                               struct mc_err *err) MC_MUST_CHECK;

/* Set (r->every != NONE) or clear the rule of item `code`. A changed rule
 * records `now` as the day it was set; the same rule again keeps the old
 * day (a catalog import repeated changes nothing). MC_ENOTFOUND for an
 * unknown code, MC_EINVAL naming `recurrence` for a TTHC. */
enum mc_status store_recur_put(struct store *st, const char *code, const struct core_recur *r,
                               int64_t now, struct mc_err *err) MC_MUST_CHECK;

struct store_recur_item {
    char code[33];
    char name[512]; /* cut at 511 bytes (the subject cuts further) */
    struct core_recur rule;
    int64_t since;         /* minutes since the epoch */
    int64_t limit_minutes; /* the first case's time limit */
};

/* Up to cap items with a rule, code after `after` ("" first), by code. */
enum mc_status store_recur_items(struct store *st, const char *after, struct store_recur_item *out,
                                 size_t cap, size_t *n, struct mc_err *err) MC_MUST_CHECK;

/* Item `code` if it is an internal item with a rule (*found false else). */
enum mc_status store_recur_item(struct store *st, const char *code, struct store_recur_item *out,
                                bool *found, struct mc_err *err) MC_MUST_CHECK;

/* Record period `period` of item `code` as opened (inside the caller's
 * transaction); *claimed false when it already was (nothing written). */
enum mc_status store_recur_claim(struct store *st, const char *code, const char *period,
                                 int64_t now, bool *claimed, struct mc_err *err) MC_MUST_CHECK;
/* Whether period `period` of item `code` was opened (read only). */
enum mc_status store_recur_opened(struct store *st, const char *code, const char *period,
                                  bool *opened, struct mc_err *err) MC_MUST_CHECK;
/* The case that opened the claimed period. */
enum mc_status store_recur_link(struct store *st, const char *code, const char *period,
                                int64_t dossier, struct mc_err *err) MC_MUST_CHECK;

/* The person the sweep acts as ("Hệ thống (định kỳ)", 0013). */
enum mc_status store_recur_system_person(struct store *st, int64_t *id,
                                         struct mc_err *err) MC_MUST_CHECK;

#endif
