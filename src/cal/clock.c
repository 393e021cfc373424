/* Pausable working-time clocks (see cal.h). */
#include <stdint.h>

#include "cal/cal.h"

void cal_clock_start(struct cal_clock *c, int64_t now, int64_t limit)
{
    c->limit = limit;
    c->consumed = 0;
    c->since = now;
    c->reached_at = INT64_MIN;
    c->running = true;
}

enum mc_status cal_clock_pause(const struct cal *cal, struct cal_clock *c, int64_t now,
                               struct mc_err *err)
{
    if (!c->running) {
        return mc_fail(err, MC_ECONFLICT, "the clock is already paused");
    }
    if (now < c->since) {
        return mc_fail_field(err, MC_EINVAL, "now", "pause before the last resume");
    }
    int64_t span;
    enum mc_status rc = cal_between(cal, c->since, now, &span, err);
    if (rc != MC_OK) {
        return rc;
    }
    /* Remember when the limit ran out, before the span is folded in and
     * the instant can no longer be recovered. */
    if (c->reached_at == INT64_MIN && c->consumed + span >= c->limit) {
        rc = cal_add(cal, c->since, c->limit - c->consumed, &c->reached_at, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    c->consumed += span;
    c->running = false;
    return MC_OK;
}

enum mc_status cal_clock_resume(struct cal_clock *c, int64_t now, struct mc_err *err)
{
    if (c->running) {
        return mc_fail(err, MC_ECONFLICT, "the clock is already running");
    }
    c->since = now;
    c->running = true;
    return MC_OK;
}

enum mc_status cal_clock_consumed(const struct cal *cal, const struct cal_clock *c, int64_t now,
                                  int64_t *out, struct mc_err *err)
{
    if (!c->running) {
        *out = c->consumed;
        return MC_OK;
    }
    if (now < c->since) {
        return mc_fail_field(err, MC_EINVAL, "now", "instant before the last resume");
    }
    int64_t span;
    enum mc_status rc = cal_between(cal, c->since, now, &span, err);
    if (rc == MC_OK) {
        *out = c->consumed + span;
    }
    return rc;
}

enum mc_status cal_clock_due(const struct cal *cal, const struct cal_clock *c, int64_t now,
                             int64_t *due, struct mc_err *err)
{
    if (c->reached_at != INT64_MIN) {
        *due = c->reached_at;
        return MC_OK;
    }
    int64_t left = c->limit - c->consumed;
    if (left < 0) {
        left = 0;
    }
    return cal_add(cal, c->running ? c->since : now, left, due, err);
}
