/* Recurring internal tasks: the sweep that opens one case per period of
 * every internal work item with a recurrence rule (docs/ENGINE.md §11
 * "Recurring tasks"). */
#ifndef MC_ENGINE_ENGINE_RECUR_H
#define MC_ENGINE_ENGINE_RECUR_H

#include <stdint.h>

#include "base/err.h"
#include "core/recur.h"
#include "engine/engine.h"

/* core_working_day_fn over the engine's calendar (ctx: the engine's
 * struct eng_worktime): a day with any working minute. */
bool engine_recur_working_day(void *ctx, int64_t day);

/* The lead of a rule on an item whose time limit is limit_minutes. */
int engine_recur_lead(const struct core_recur *r, int64_t limit_minutes);

/* What one sweep did. An item that cannot be opened (no process version in
 * force, a first step no opener can start) is counted and the first such
 * error kept; its period stays unopened, so a later sweep tries again. */
struct engine_recur_report {
    int64_t opened;
    int64_t failed;
    char failed_item[33];     /* the first item that failed */
    struct mc_err failed_err; /* and why */
};

/* For each item with a rule: its latest occurrence whose opening day has
 * come (`now`, minutes since the epoch) is opened as a case unless that
 * period was opened already or its due day had passed when the rule was
 * set. Older missed periods are not opened: after a downtime only the
 * latest one is. Each case is one transaction of its own (this function
 * begins and commits). Fails only when the items cannot be read. */
enum mc_status engine_recur_sweep(const struct engine *e, struct store *st, int64_t now,
                                  struct engine_recur_report *out,
                                  struct mc_err *err) MC_MUST_CHECK;

/* A case of item `item` opened by hand (dossier id `dossier`, at `now`),
 * inside the caller's transaction: when the item has a recurrence rule,
 * the period the sweep would open now — the latest whose opening day has
 * come (its window holds `now`), not past its due day when the rule was
 * set, not recorded yet — is recorded with this case (*recorded true), so
 * the sweep does not open it again. Otherwise nothing is written: an extra
 * case of a period already recorded is allowed and belongs to none. */
enum mc_status engine_recur_adopt(const struct engine *e, struct store *st, const char *item,
                                  int64_t dossier, int64_t now, bool *recorded,
                                  struct mc_err *err) MC_MUST_CHECK;

#endif
