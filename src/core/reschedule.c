#include "core/reschedule.h"

bool eng_reschedule_applies(const struct eng_dossier *d)
{
    switch (d->status) {
    case ENG_ST_ACCEPTED:
    case ENG_ST_PROCESSING:
    case ENG_ST_SUPPLEMENT:
    case ENG_ST_FINANCIAL:
        return d->received_at != 0;
    default:
        return false;
    }
}

int64_t eng_reschedule_legal_due(const struct eng_clock *c, int64_t stored,
                                 const struct eng_worktime *wt)
{
    int64_t left = c->budget - c->consumed;
    switch (c->state) {
    case ENG_CLOCK_RUNNING:
        /* Exactly what eng_clock_due_from and the rules' reset_due give. */
        return eng_wt_add(wt, c->running_since, left);
    case ENG_CLOCK_PAUSED:
        /* Before the pause the due time was running_since + left_then, which
         * is paused_since + left on the same calendar; the wait is added
         * when the clock resumes (reset_due). Past its budget already: the
         * due instant fell before the pause and no longer derives from
         * anything stored. */
        return left > 0 ? eng_wt_add(wt, c->paused_since, left) : stored;
    case ENG_CLOCK_IDLE:
    case ENG_CLOCK_STOPPED:
        break;
    }
    return stored;
}

/* A stored deadline whose start is not kept: the working time left at `now`
 * on the old calendar, counted again on the new one. */
static int64_t keep_time_left(int64_t deadline, int64_t now, const struct eng_worktime *old_wt,
                              const struct eng_worktime *new_wt)
{
    if (deadline <= now) {
        return deadline;
    }
    int64_t left = eng_wt_between(old_wt, now, deadline);
    if (left == 0) {
        return deadline; /* at the next opening: nothing counted yet */
    }
    return eng_wt_add(new_wt, now, left);
}

static int64_t later(int64_t a, int64_t b)
{
    return a > b ? a : b;
}

/* Điều 18 on the new calendar, for a dossier the desk has not transferred. */
static int64_t transfer_by(const struct eng_dossier *d, int64_t now,
                           const struct eng_worktime *new_wt)
{
    const struct eng_ruleset *rules = eng_ruleset_find(d->ruleset);
    if (d->status != ENG_ST_ACCEPTED || rules == NULL) {
        return d->transfer_by;
    }
    int64_t by = eng_transfer_deadline(rules, new_wt, d->received_at, d->channel);
    if (d->transfer_by >= now && by < now) {
        by = now; /* still on time before the edit: not made late by it */
    }
    return by;
}

unsigned eng_reschedule(struct eng_dossier *d, int64_t now, const struct eng_worktime *old_wt,
                        const struct eng_worktime *new_wt)
{
    if (!eng_reschedule_applies(d)) {
        return 0;
    }
    unsigned changed = 0;
    int64_t legal = eng_reschedule_legal_due(&d->clock, d->legal_due_at, new_wt);
    if (legal != d->legal_due_at) {
        d->legal_due_at = legal;
        changed |= ENG_RESCHED_LEGAL;
    }
    int64_t appointment = later(d->due_at, legal);
    if (appointment != d->due_at) {
        d->due_at = appointment;
        changed |= ENG_RESCHED_APPOINTMENT;
    }
    if (d->clock.state == ENG_CLOCK_RUNNING || d->clock.state == ENG_CLOCK_PAUSED) {
        int64_t first = later(d->first_due_at, eng_wt_add(new_wt, d->received_at, d->clock.budget));
        if (first != d->first_due_at) {
            d->first_due_at = first;
            changed |= ENG_RESCHED_FIRST;
        }
    }
    for (size_t i = 0; i < d->n_consults && i < ENG_CONSULT_MAX; i++) {
        struct eng_consult *c = &d->consults[i];
        if (c->answered_at != 0) {
            continue;
        }
        int64_t due = keep_time_left(c->deadline, now, old_wt, new_wt);
        if (due != c->deadline) {
            c->deadline = due;
            changed |= ENG_RESCHED_CONSULT;
        }
    }
    int64_t by = transfer_by(d, now, new_wt);
    if (by != d->transfer_by) {
        d->transfer_by = by;
        changed |= ENG_RESCHED_TRANSFER;
    }
    if (d->stage == ENG_STAGE_OTHER_AGENCY && d->other_agency_due != 0) {
        int64_t due = keep_time_left(d->other_agency_due, now, old_wt, new_wt);
        if (due != d->other_agency_due) {
            d->other_agency_due = due;
            changed |= ENG_RESCHED_AGENCY;
        }
    }
    return changed;
}
