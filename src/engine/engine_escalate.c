/* Escalation (issue 4 §4): rungs fire once each and the fired mask is
 * persisted with the clock, so a restart neither repeats nor loses one (a
 * server that was down catches up in one sweep: eng_escalate returns every
 * rung reached). A sweep is one transaction: notifications and fired masks
 * together. Audiences: the holder (the unit's heads while the dossier sits
 * in the unit's queue), the heads of the holding unit, the leaders in charge
 * of it. Inside a parallel block every branch escalates on its own clock,
 * to its own holder, unit and leaders; the step clock (a mirror of the
 * first open branch) then records its rungs without notifying anyone. */
#include <stdio.h>
#include <string.h>

#include "engine/engine.h"

enum { SWEEP_MAX = 256, PEOPLE_MAX = 16 };

static enum mc_status notify_all(struct store *st, const int64_t *ids, size_t n, int64_t dossier,
                                 const char *msg, int64_t now, int64_t *count, struct mc_err *err)
{
    for (size_t i = 0; i < n; i++) {
        enum mc_status rc = store_notify(st, ids[i], dossier, "escalation", msg, now, err);
        if (rc != MC_OK) {
            return rc;
        }
        (*count)++;
    }
    return MC_OK;
}

/* Who a rung reaches and what it names: the holding unit, its holder (0:
 * the unit's queue) and the step. */
struct escalation_target {
    int64_t unit;
    int64_t holder;
    const char *step;
};

/* Notify the audience of the rungs just reached on clock c. */
static enum mc_status notify_rungs(struct store *st, const struct store_dossier *d,
                                   const struct escalation_target *t, const struct eng_clock *c,
                                   unsigned audience, const struct engine *e, int64_t now,
                                   int64_t *count, struct mc_err *err)
{
    if (audience == 0) {
        return MC_OK;
    }
    int64_t heads[PEOPLE_MAX], leaders[PEOPLE_MAX];
    size_t nheads = 0, nleaders = 0;
    enum mc_status rc = store_unit_heads(st, t->unit, heads, PEOPLE_MAX, &nheads, err);
    if (rc == MC_OK) {
        rc = store_unit_leaders(st, t->unit, leaders, PEOPLE_MAX, &nleaders, err);
    }
    char msg[200];
    int64_t left = eng_clock_remaining_at(c, now, &e->wt);
    int64_t over = eng_clock_overdue_at(c, now, &e->wt);
    snprintf(msg, sizeof(msg), "Hồ sơ %s (%s): %s %lld phút làm việc",
             d->code[0] ? d->code : d->ref, t->step, over > 0 ? "quá hạn" : "còn",
             (long long)(over > 0 ? over : left));
    if (rc == MC_OK && (audience & ENG_NOTIFY_HOLDER)) {
        if (t->holder != 0) {
            rc = notify_all(st, &t->holder, 1, d->id, msg, now, count, err);
        } else if (!(audience & ENG_NOTIFY_HEAD)) {
            rc = notify_all(st, heads, nheads, d->id, msg, now, count, err);
        }
    }
    if (rc == MC_OK && (audience & ENG_NOTIFY_HEAD)) {
        rc = notify_all(st, heads, nheads, d->id, msg, now, count, err);
    }
    if (rc == MC_OK && (audience & ENG_NOTIFY_LEADER)) {
        rc = notify_all(st, leaders, nleaders, d->id, msg, now, count, err);
    }
    return rc;
}

static enum mc_status fire_one(const struct engine *e, struct store *st,
                               const struct store_due_clock *c, int64_t now, int64_t *count,
                               struct mc_err *err)
{
    unsigned audience = 0;
    uint32_t mask = eng_escalate(e->rungs, e->nrungs, c->fired, &c->clock, now, &e->wt, &audience);
    uint32_t fired = c->fired | mask;
    int64_t next = eng_escalation_next_at(e->rungs, e->nrungs, fired, &c->clock, now, &e->wt);
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(st, c->dossier, &d, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (c->step && d.state.n_branches > 0) {
        audience = 0; /* the branches notify (fire_branch) */
    }
    const struct escalation_target target = {
        .unit = d.state.step_unit ? d.state.step_unit : d.state.desk_unit,
        .holder = d.state.holder,
        .step = c->step ? d.state.step : "thời hạn giải quyết",
    };
    rc = notify_rungs(st, &d, &target, &c->clock, audience, e, now, count, err);
    if (rc == MC_OK) {
        rc = store_clock_fire(st, c->dossier, c->step, fired, next, err);
    }
    return rc;
}

/* A parallel branch's rungs, from its clock in the dossier's state. A row
 * whose branch has moved on or finished only records that nothing is due. */
static enum mc_status fire_branch(const struct engine *e, struct store *st,
                                  const struct store_due_branch *due, int64_t now, int64_t *count,
                                  struct mc_err *err)
{
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(st, due->dossier, &d, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (due->ord < 0 || (size_t)due->ord >= d.state.n_branches || d.state.branches[due->ord].done) {
        return store_branch_fire(st, due->dossier, due->ord, due->fired, 0, err);
    }
    const struct eng_branch *b = &d.state.branches[due->ord];
    unsigned audience = 0;
    uint32_t mask =
        eng_escalate(e->rungs, e->nrungs, due->fired, &b->clock, now, &e->wt, &audience);
    uint32_t fired = due->fired | mask;
    int64_t next = eng_escalation_next_at(e->rungs, e->nrungs, fired, &b->clock, now, &e->wt);
    const struct escalation_target target = { .unit = b->unit,
                                              .holder = b->holder,
                                              .step = b->step };
    rc = notify_rungs(st, &d, &target, &b->clock, audience, e, now, count, err);
    if (rc == MC_OK) {
        rc = store_branch_fire(st, due->dossier, due->ord, fired, next, err);
    }
    return rc;
}

enum mc_status engine_escalate(const struct engine *e, struct store *st, int64_t now,
                               int64_t *fired, struct mc_err *err)
{
    *fired = 0;
    struct store_due_clock due[SWEEP_MAX];
    size_t n = 0;
    enum mc_status rc = store_begin(st, err);
    if (rc != MC_OK) {
        return rc;
    }
    rc = store_clocks_due(st, now, due, SWEEP_MAX, &n, err);
    for (size_t i = 0; rc == MC_OK && i < n; i++) {
        rc = fire_one(e, st, &due[i], now, fired, err);
    }
    struct store_due_branch branches[SWEEP_MAX];
    size_t nb = 0;
    if (rc == MC_OK) {
        rc = store_branches_due(st, now, branches, SWEEP_MAX, &nb, err);
    }
    for (size_t i = 0; rc == MC_OK && i < nb; i++) {
        rc = fire_branch(e, st, &branches[i], now, fired, err);
    }
    if (rc != MC_OK) {
        store_rollback(st);
        *fired = 0;
        return rc;
    }
    return store_commit(st, err);
}
