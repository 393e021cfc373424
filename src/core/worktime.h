/* worktime - the seam between the engine's pure rules and the working-time
 * calendar (src/cal/), which is written separately.
 *
 * Every instant is int64 minutes since the Unix epoch, UTC. Every duration is
 * int64 *working* minutes (one working day = 480, domain.md §1.10). The rules
 * never count calendar days themselves: they ask this interface, which the
 * engine layer backs with the real calendar and the unit tests with a fake.
 *
 * Contract the implementation must honour (the rules rely on it):
 *   add(ctx, t, m)      the instant at which `m` >= 0 working minutes have
 *                       elapsed counting from `t`; for m == 0 and `t` outside
 *                       working time, the start of the next working period.
 *                       Never earlier than `t`.
 *   between(ctx, a, b)  working minutes in [a, b); 0 when b <= a. Never
 *                       negative. between(t, add(t, m)) == m.
 * Both must be pure functions of their arguments and the calendar data. */
#ifndef MC_CORE_WORKTIME_H
#define MC_CORE_WORKTIME_H

#include <stdint.h>

/* Vietnam keeps UTC+7 all year, no daylight saving (design.md §4). */
#define ENG_UTC_OFFSET_MINUTES 420
/* One working day: 07:00–11:30 and 13:30–17:00 (domain.md §1.10, QĐ 188/1999). */
#define ENG_WORKDAY_MINUTES 480

struct eng_worktime {
    int64_t (*add)(void *ctx, int64_t instant, int64_t working_minutes);
    int64_t (*between)(void *ctx, int64_t a, int64_t b);
    void *ctx;
};

/* Working minutes in [a, b), clamped at zero so that a misbehaving calendar
 * or a clock skew can never make a clock run backwards. */
int64_t eng_wt_between(const struct eng_worktime *wt, int64_t a, int64_t b);
/* add() with a negative `m` treated as zero; never returns before `t`. */
int64_t eng_wt_add(const struct eng_worktime *wt, int64_t t, int64_t m);

#endif
