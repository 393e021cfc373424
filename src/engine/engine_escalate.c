/* Escalation (issue 4 §4): rungs fire once each and the fired mask is
 * persisted with the clock, so a restart neither repeats nor loses one (a
 * server that was down catches up in one sweep: eng_escalate returns every
 * rung reached). A sweep is one transaction: notifications and fired masks
 * together. Audiences: the holder (the unit's heads while the dossier sits
 * in the unit's queue), the heads of the holding unit, the leaders in charge
 * of it. */
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
    int64_t unit = d.state.step_unit ? d.state.step_unit : d.state.desk_unit;
    int64_t heads[PEOPLE_MAX], leaders[PEOPLE_MAX];
    size_t nheads = 0, nleaders = 0;
    rc = store_unit_heads(st, unit, heads, PEOPLE_MAX, &nheads, err);
    if (rc == MC_OK) {
        rc = store_unit_leaders(st, unit, leaders, PEOPLE_MAX, &nleaders, err);
    }
    char msg[200];
    int64_t left = eng_clock_remaining_at(&c->clock, now, &e->wt);
    int64_t over = eng_clock_overdue_at(&c->clock, now, &e->wt);
    snprintf(msg, sizeof(msg), "Hồ sơ %s (%s): %s %lld phút làm việc", d.code[0] ? d.code : d.ref,
             c->step ? d.state.step : "thời hạn giải quyết", over > 0 ? "quá hạn" : "còn",
             (long long)(over > 0 ? over : left));
    if (rc == MC_OK && (audience & ENG_NOTIFY_HOLDER)) {
        if (d.state.holder != 0) {
            rc = notify_all(st, &d.state.holder, 1, d.id, msg, now, count, err);
        } else if (!(audience & ENG_NOTIFY_HEAD)) {
            rc = notify_all(st, heads, nheads, d.id, msg, now, count, err);
        }
    }
    if (rc == MC_OK && (audience & ENG_NOTIFY_HEAD)) {
        rc = notify_all(st, heads, nheads, d.id, msg, now, count, err);
    }
    if (rc == MC_OK && (audience & ENG_NOTIFY_LEADER)) {
        rc = notify_all(st, leaders, nleaders, d.id, msg, now, count, err);
    }
    if (rc == MC_OK) {
        rc = store_clock_fire(st, c->dossier, c->step, fired, next, err);
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
    if (rc != MC_OK) {
        store_rollback(st);
        *fired = 0;
        return rc;
    }
    return store_commit(st, err);
}
