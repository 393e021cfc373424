#include "core/clock.h"

#include "core/civil.h"

void eng_clock_start(struct eng_clock *c, int64_t budget, int64_t now)
{
    *c = (struct eng_clock){
        .state = ENG_CLOCK_RUNNING,
        .budget = budget < 0 ? 0 : budget,
        .running_since = now,
    };
}

void eng_clock_pause(struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    if (c->state != ENG_CLOCK_RUNNING) {
        return;
    }
    c->consumed += eng_wt_between(wt, c->running_since, now);
    c->state = ENG_CLOCK_PAUSED;
    c->paused_since = now;
}

void eng_clock_resume(struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    if (c->state != ENG_CLOCK_PAUSED) {
        return;
    }
    c->waited += eng_wt_between(wt, c->paused_since, now);
    c->state = ENG_CLOCK_RUNNING;
    /* A resume stamped before the pause (clock skew) must not count twice. */
    c->running_since = now < c->paused_since ? c->paused_since : now;
}

void eng_clock_restart(struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    if (c->state == ENG_CLOCK_PAUSED) {
        c->waited += eng_wt_between(wt, c->paused_since, now);
    }
    c->consumed = 0;
    c->state = ENG_CLOCK_RUNNING;
    c->running_since = now;
}

void eng_clock_stop(struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    if (c->state == ENG_CLOCK_RUNNING) {
        c->consumed += eng_wt_between(wt, c->running_since, now);
    }
    c->state = ENG_CLOCK_STOPPED;
}

int64_t eng_clock_consumed_at(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    int64_t used = c->consumed;
    if (c->state == ENG_CLOCK_RUNNING) {
        used += eng_wt_between(wt, c->running_since, now);
    }
    return used < 0 ? 0 : used;
}

int64_t eng_clock_remaining_at(const struct eng_clock *c, int64_t now,
                               const struct eng_worktime *wt)
{
    int64_t left = c->budget - eng_clock_consumed_at(c, now, wt);
    return left < 0 ? 0 : left;
}

int64_t eng_clock_overdue_at(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    int64_t over = eng_clock_consumed_at(c, now, wt) - c->budget;
    return over < 0 ? 0 : over;
}

bool eng_clock_is_overdue_at(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    return eng_clock_overdue_at(c, now, wt) > 0;
}

int64_t eng_clock_due_from(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    if (c->state == ENG_CLOCK_RUNNING) {
        /* Counting from running_since keeps the due time stable while it runs. */
        return eng_wt_add(wt, c->running_since, c->budget - c->consumed);
    }
    return eng_wt_add(wt, now, c->budget - c->consumed);
}

const char *eng_verdict_name_vi(enum eng_verdict v)
{
    switch (v) {
    case ENG_VERDICT_NONE:
        return "Đang xử lý";
    case ENG_VERDICT_EARLY:
        return "Trước hạn";
    case ENG_VERDICT_ON_TIME:
        return "Đúng hạn";
    case ENG_VERDICT_LATE:
        return "Quá hạn";
    }
    return "?";
}

const char *eng_verdict_key(enum eng_verdict v)
{
    switch (v) {
    case ENG_VERDICT_NONE:
        return "none";
    case ENG_VERDICT_EARLY:
        return "early";
    case ENG_VERDICT_ON_TIME:
        return "on_time";
    case ENG_VERDICT_LATE:
        return "late";
    }
    return "unknown";
}

enum eng_verdict eng_clock_step_verdict(const struct eng_clock *c, int64_t now,
                                        const struct eng_worktime *wt)
{
    int64_t used = eng_clock_consumed_at(c, now, wt);
    if (used < c->budget) {
        return ENG_VERDICT_EARLY;
    }
    return used == c->budget ? ENG_VERDICT_ON_TIME : ENG_VERDICT_LATE;
}

enum eng_verdict eng_verdict_766(const struct eng_766_input *in)
{
    if (in->supplement_requests > in->max_requests_on_time) {
        return ENG_VERDICT_LATE;
    }
    int64_t end;
    if (in->finished_at != 0) {
        end = in->finished_at;
    } else if (in->supplement_pending_since != 0) {
        /* One request and no return: the request is the end. */
        end = in->supplement_pending_since;
    } else {
        end = in->period_end;
    }
    end -= in->supplement_wait > 0 ? in->supplement_wait : 0;
    if (end > in->appointment) {
        return ENG_VERDICT_LATE;
    }
    int64_t end_day = eng_days_from_date(eng_local_date(end));
    int64_t due_day = eng_days_from_date(eng_local_date(in->appointment));
    return end_day < due_day ? ENG_VERDICT_EARLY : ENG_VERDICT_ON_TIME;
}
