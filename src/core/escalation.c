#include "core/escalation.h"

static const struct eng_rung default_rungs[] = {
    { ENG_RUNG_USED_PERCENT, 75, ENG_NOTIFY_HOLDER },
    { ENG_RUNG_LEFT, ENG_WORKDAY_MINUTES, ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD },
    { ENG_RUNG_LEFT, 0, ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD | ENG_NOTIFY_LEADER },
    { ENG_RUNG_OVERDUE, (int64_t)2 * ENG_WORKDAY_MINUTES,
      ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD | ENG_NOTIFY_LEADER },
};

const struct eng_rung *eng_rungs_default(size_t *count)
{
    *count = sizeof(default_rungs) / sizeof(default_rungs[0]);
    return default_rungs;
}

enum mc_status eng_rungs_check(const struct eng_rung *rungs, size_t count, struct mc_err *err)
{
    if (count == 0 || count > ENG_RUNGS_MAX) {
        return mc_fail(err, MC_EINVAL, "an escalation ladder has 1–%d rungs", ENG_RUNGS_MAX);
    }
    for (size_t i = 0; i < count; i++) {
        const struct eng_rung *r = &rungs[i];
        bool ok =
            r->kind == ENG_RUNG_USED_PERCENT ? (r->value >= 1 && r->value <= 100) : r->value >= 0;
        ok = ok && (r->kind == ENG_RUNG_USED_PERCENT || r->kind == ENG_RUNG_LEFT ||
                    r->kind == ENG_RUNG_OVERDUE);
        if (!ok) {
            return mc_fail(err, MC_EINVAL, "rung %zu: value out of range", i + 1);
        }
        unsigned all = ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD | ENG_NOTIFY_LEADER;
        if (r->notify == 0 || (r->notify & ~all) != 0) {
            return mc_fail(err, MC_EINVAL, "rung %zu: notifies nobody", i + 1);
        }
    }
    return MC_OK;
}

int64_t eng_rung_threshold(const struct eng_rung *r, int64_t budget)
{
    switch (r->kind) {
    case ENG_RUNG_USED_PERCENT:
        /* Rounded up: 75% of 7 minutes is reached at the 6th minute. */
        return (budget * r->value + 99) / 100;
    case ENG_RUNG_LEFT: {
        int64_t t = budget - r->value;
        return t < 0 ? 0 : t;
    }
    case ENG_RUNG_OVERDUE:
        /* "2 working days overdue" is reached when 960 minutes beyond the
         * budget have been consumed. */
        return budget + r->value;
    }
    return budget;
}

uint32_t eng_escalate(const struct eng_rung *rungs, size_t count, uint32_t fired,
                      const struct eng_clock *c, int64_t now, const struct eng_worktime *wt,
                      unsigned *notify)
{
    *notify = 0;
    /* A finished dossier or step has nobody left to chase. */
    if (c->state == ENG_CLOCK_IDLE || c->state == ENG_CLOCK_STOPPED) {
        return 0;
    }
    int64_t used = eng_clock_consumed_at(c, now, wt);
    uint32_t now_fired = 0;
    for (size_t i = 0; i < count && i < ENG_RUNGS_MAX; i++) {
        uint32_t bit = 1u << i;
        if ((fired & bit) != 0) {
            continue;
        }
        if (used >= eng_rung_threshold(&rungs[i], c->budget)) {
            now_fired |= bit;
            *notify |= rungs[i].notify;
        }
    }
    return now_fired;
}

int64_t eng_escalation_next_at(const struct eng_rung *rungs, size_t count, uint32_t fired,
                               const struct eng_clock *c, int64_t now,
                               const struct eng_worktime *wt)
{
    if (c->state != ENG_CLOCK_RUNNING) {
        return 0;
    }
    int64_t used = eng_clock_consumed_at(c, now, wt);
    int64_t best = -1;
    for (size_t i = 0; i < count && i < ENG_RUNGS_MAX; i++) {
        if ((fired & (1u << i)) != 0) {
            continue;
        }
        int64_t t = eng_rung_threshold(&rungs[i], c->budget);
        int64_t wait = t > used ? t - used : 0;
        if (best < 0 || wait < best) {
            best = wait;
        }
    }
    if (best < 0) {
        return 0;
    }
    return eng_wt_add(wt, now, best);
}
