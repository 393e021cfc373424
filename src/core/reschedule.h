/* reschedule - the stored instants of an open dossier that derive from
 * working time, recomputed when the working-time calendar changes (an
 * agency declares a day off, a make-up working day, new office hours:
 * docs/CALENDAR.md §3.2, docs/ENGINE.md "Calendar changes").
 *
 * The clocks themselves (budget, consumed, running_since, waited) do not
 * change: the time consumed *since* running_since is already derived with
 * the calendar in force at each reading; what a calendar change leaves stale
 * is the instants computed from a clock with the old calendar and stored:
 * the legal due time, the appointment (ngày hẹn trả), the appointment at
 * receipt (QĐ 766), open consultation deadlines, the liên thông due time and
 * the desk's transfer deadline (Điều 18) of a dossier not yet transferred.
 * The escalation wake-ups (next_rung_at) are the engine's, recomputed with
 * eng_escalation_next_at on the new calendar.
 *
 * Pure: `now` and both calendars are arguments. */
#ifndef MC_CORE_RESCHEDULE_H
#define MC_CORE_RESCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/dossier_rules.h"
#include "core/worktime.h"

/* What eng_reschedule changed (a bit mask). */
enum eng_resched_change {
    ENG_RESCHED_LEGAL = 1 << 0,       /* legal_due_at */
    ENG_RESCHED_APPOINTMENT = 1 << 1, /* due_at, what the applicant was promised */
    ENG_RESCHED_FIRST = 1 << 2,       /* first_due_at (QĐ 766 NgayHenTra) */
    ENG_RESCHED_CONSULT = 1 << 3,     /* an open consultation's deadline */
    ENG_RESCHED_AGENCY = 1 << 4,      /* the other agency's due time (liên thông) */
    ENG_RESCHED_TRANSFER = 1 << 5,    /* transfer_by, the desk's Điều 18 deadline */
};

/* Open = received and not finished: statuses 2, 4, 5, 6 (a dossier waiting
 * for acceptance has no deadline yet; 3, 7, 8, 9, 10 are judged or closed
 * and never re-judged). Internal cases alike. */
bool eng_reschedule_applies(const struct eng_dossier *d);

/* The legal due time the dossier clock gives on calendar `wt`: running,
 * running_since + (budget − consumed); paused, paused_since + what was left
 * (the pause itself is added when it ends, as before); otherwise, and for
 * a clock already past its budget when it paused, `stored`. */
int64_t eng_reschedule_legal_due(const struct eng_clock *c, int64_t stored,
                                 const struct eng_worktime *wt);

/*
 * eng_reschedule() - move d's derived instants from calendar `old_wt` to
 * calendar `new_wt` at `now`; returns the eng_resched_change mask (0: the
 * dossier is not open, or nothing moved).
 *
 * Rules (decided in docs/CALENDAR.md §3.2):
 * - legal_due_at follows the clock both ways: the officers' clock counts
 *   working time on the calendar in force, so the legal due time must agree
 *   with it (a make-up working day brings it earlier, a day off later).
 * - due_at (the appointment) and first_due_at never move earlier: a
 *   promise given in writing (Mẫu 01) is not withdrawn; they move later to
 *   the new legal due time (first_due_at: receipt + the limit on the new
 *   calendar) when that passes them. An apology's new appointment (Mẫu 04)
 *   is one such promise: kept, unless the legal due time passes it.
 * - an open consultation's deadline and the other agency's due time keep
 *   the working time they had left at `now` (their start is not stored),
 *   counted on the new calendar; past ones stay.
 * - transfer_by of a dossier still at the desk (status 2) is computed again
 *   from its receipt and channel on the new calendar under its own rule set
 *   (eng_transfer_deadline), both ways, like the legal due time; a deadline
 *   still ahead of `now` is never moved into the past (at most to `now`):
 *   the desk is not made late by an edit.
 */
unsigned eng_reschedule(struct eng_dossier *d, int64_t now, const struct eng_worktime *old_wt,
                        const struct eng_worktime *new_wt);

#endif
