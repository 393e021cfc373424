/* A fake working-time calendar for the engine's unit tests: Monday–Friday,
 * 07:00–11:30 and 13:30–17:00 at UTC+7 (domain.md §1.10 practice hours),
 * no holidays. It honours the contract in src/core/worktime.h so that the
 * rules can be tested without the real calendar (src/cal/). */
#ifndef MC_TEST_FAKE_WORKTIME_H
#define MC_TEST_FAKE_WORKTIME_H

#include <stdint.h>

#include "core/civil.h"
#include "core/worktime.h"

static const int64_t fake_sessions[2][2] = { { 7 * 60, 11 * 60 + 30 }, { 13 * 60 + 30, 17 * 60 } };

static inline int64_t fake_floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* 1970-01-01 was a Thursday. */
static inline int fake_is_workday(int64_t day)
{
    int64_t wd = ((day + 4) % 7 + 7) % 7; /* 0 = Sunday */
    return wd >= 1 && wd <= 5;
}

static inline int64_t fake_day_of(int64_t t)
{
    return fake_floor_div(t + ENG_UTC_OFFSET_MINUTES, 1440);
}

static inline int64_t fake_day_start(int64_t day)
{
    return day * 1440 - ENG_UTC_OFFSET_MINUTES;
}

static inline int64_t fake_between(void *ctx, int64_t a, int64_t b)
{
    (void)ctx;
    int64_t sum = 0;
    for (int64_t d = fake_day_of(a); b > a && d <= fake_day_of(b); d++) {
        if (!fake_is_workday(d)) {
            continue;
        }
        for (int i = 0; i < 2; i++) {
            int64_t s = fake_day_start(d) + fake_sessions[i][0];
            int64_t e = fake_day_start(d) + fake_sessions[i][1];
            int64_t lo = a > s ? a : s;
            int64_t hi = b < e ? b : e;
            if (hi > lo) {
                sum += hi - lo;
            }
        }
    }
    return sum;
}

static inline int64_t fake_add(void *ctx, int64_t t, int64_t m)
{
    (void)ctx;
    for (int64_t d = fake_day_of(t);; d++) {
        if (!fake_is_workday(d)) {
            continue;
        }
        for (int i = 0; i < 2; i++) {
            int64_t s = fake_day_start(d) + fake_sessions[i][0];
            int64_t e = fake_day_start(d) + fake_sessions[i][1];
            if (t >= e) {
                continue;
            }
            int64_t start = t > s ? t : s;
            if (m <= e - start) {
                return start + m;
            }
            m -= e - start;
            t = e;
        }
    }
}

static inline struct eng_worktime fake_worktime(void)
{
    return (struct eng_worktime){ .add = fake_add, .between = fake_between, .ctx = 0 };
}

/* The instant of a local (UTC+7) civil time. */
static inline int64_t vn(int y, int mo, int d, int h, int mi)
{
    return eng_local_midnight((struct eng_date){ y, mo, d }) + h * 60 + mi;
}

#endif
