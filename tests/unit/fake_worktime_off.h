/* The fake working-time calendar (fake_worktime.h) with one more day off,
 * for the tests of a calendar change (core/reschedule, engine_reschedule):
 * the old calendar is fake_worktime(), the new one with_day_off(...). */
#ifndef MC_TEST_FAKE_WORKTIME_OFF_H
#define MC_TEST_FAKE_WORKTIME_OFF_H

#include "fake_worktime.h"

/* The fake calendar with the local day `*(int64_t *)ctx` off too. */
static inline int64_t off_between(void *ctx, int64_t a, int64_t b)
{
    int64_t ds = fake_day_start(*(const int64_t *)ctx), de = ds + 1440;
    int64_t lo = a > ds ? a : ds, hi = b < de ? b : de;
    return fake_between(NULL, a, b) - (hi > lo ? fake_between(NULL, lo, hi) : 0);
}

static inline int64_t off_add(void *ctx, int64_t t, int64_t m)
{
    int64_t ds = fake_day_start(*(const int64_t *)ctx), de = ds + 1440;
    if (t < ds) {
        int64_t before = fake_between(NULL, t, ds);
        if (m < before || (m == before && m > 0)) {
            return fake_add(NULL, t, m);
        }
        return fake_add(NULL, de, m - before);
    }
    return fake_add(NULL, t < de ? de : t, m);
}

static int64_t day_off; /* the extra day, as a local day number */

static inline struct eng_worktime with_day_off(int y, int mo, int d)
{
    day_off = fake_day_of(vn(y, mo, d, 12, 0));
    return (struct eng_worktime){ .add = off_add, .between = off_between, .ctx = &day_off };
}

#endif
