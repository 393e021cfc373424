/* Minute-based adapters for the engine's working-time seam (see cal.h). */
#include "cal/cal.h"

static int64_t clamp_seconds(int64_t minutes)
{
    int64_t lo = cal_first_instant() / 60, hi = (cal_last_instant() - 60) / 60;
    if (minutes < lo) {
        minutes = lo;
    } else if (minutes > hi) {
        minutes = hi;
    }
    return minutes * 60;
}

int64_t cal_minutes_add(void *ctx, int64_t instant, int64_t working_minutes)
{
    const struct cal *cal = ctx;
    int64_t start = clamp_seconds(instant), due;
    int64_t work = working_minutes > 0 ? working_minutes : 0;
    /* Bound the amount so that `work * 60` cannot overflow: 200 years. */
    if (work > 200LL * 366 * 24 * 60) {
        work = 200LL * 366 * 24 * 60;
    }
    if (cal_add(cal, start, work * 60, &due, NULL) != MC_OK) {
        /* Only past the calendar's end: saturate there. */
        return cal_last_instant() / 60;
    }
    /* Never earlier than the instant asked about, even if it was clamped. */
    return due / 60 > instant ? due / 60 : instant;
}

int64_t cal_minutes_between(void *ctx, int64_t a, int64_t b)
{
    const struct cal *cal = ctx;
    if (b <= a) {
        return 0;
    }
    int64_t w = 0;
    if (cal_between(cal, clamp_seconds(a), clamp_seconds(b), &w, NULL) != MC_OK) {
        return 0;
    }
    return w / 60;
}
