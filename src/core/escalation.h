/* escalation - reminders that fire as a clock runs down (issue 4 §4,
 * design.md §3 "Escalation rungs … fire once each, survive restarts, and go
 * to the holder, the head of unit and the leader in charge").
 *
 * A ladder is an array of rungs. Which rungs have fired is a bit mask that
 * the engine persists with the clock (bit i = rung i), so a restart of the
 * server never fires a rung twice. When a clock restarts from zero (NĐ 61
 * Điều 19.4) the engine clears the mask: the dossier starts a new time limit.
 * Pure; no allocation. */
#ifndef MC_CORE_ESCALATION_H
#define MC_CORE_ESCALATION_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/clock.h"

#define ENG_RUNGS_MAX 16

enum eng_rung_kind {
    ENG_RUNG_USED_PERCENT, /* value% of the budget consumed */
    ENG_RUNG_LEFT,         /* value working minutes or fewer remain (0 = due) */
    ENG_RUNG_OVERDUE,      /* value working minutes past the budget */
};

/* Whom a rung notifies; combined as a mask. */
enum eng_audience {
    ENG_NOTIFY_HOLDER = 1 << 0, /* the person holding the dossier (or the unit's queue) */
    ENG_NOTIFY_HEAD = 1 << 1,   /* head of the holding unit (trưởng phòng) */
    ENG_NOTIFY_LEADER = 1 << 2, /* the deputy director in charge (lãnh đạo phụ trách) */
};

struct eng_rung {
    enum eng_rung_kind kind;
    int64_t value;
    unsigned notify; /* enum eng_audience mask */
};

/* The default ladder (issue 4 §4): 75% used → holder; one working day left
 * → holder and head; due → holder, head, leader; 2 working days overdue →
 * holder, head, leader. Borrowed, static. */
const struct eng_rung *eng_rungs_default(size_t *count);

/* Checks a configured ladder: 1–ENG_RUNGS_MAX rungs, percent 1–100,
 * minutes ≥ 0, a non-empty audience. */
MC_MUST_CHECK enum mc_status eng_rungs_check(const struct eng_rung *rungs, size_t count,
                                             struct mc_err *err);

/* The working minutes consumed at which a rung is reached. */
int64_t eng_rung_threshold(const struct eng_rung *r, int64_t budget);

/*
 * eng_escalate() - the rungs to fire now.
 *
 * Returns the mask of rungs reached by `c` at `now` that are not in `fired`
 * (each fires once), and in `*notify` the union of their audiences. A rung
 * whose threshold the clock passed long ago still fires once (a server that
 * was down catches up); an idle or stopped clock fires nothing. The caller stores
 * `fired | result`.
 */
uint32_t eng_escalate(const struct eng_rung *rungs, size_t count, uint32_t fired,
                      const struct eng_clock *c, int64_t now, const struct eng_worktime *wt,
                      unsigned *notify);

/* The instant the next unfired rung will be reached if the clock keeps
 * running, for the engine's timer; 0 when none is left or the clock is not
 * running. */
int64_t eng_escalation_next_at(const struct eng_rung *rungs, size_t count, uint32_t fired,
                               const struct eng_clock *c, int64_t now,
                               const struct eng_worktime *wt);

#endif
