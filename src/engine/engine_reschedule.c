/* A calendar change applied to the open dossiers: load each, move its
 * derived instants (core/reschedule.c), write it back with its clocks'
 * escalation wake-ups, record it and tell whoever holds it. One pass in id
 * order, in batches, inside the caller's transaction. */
#include "engine/engine_reschedule.h"

#include <stdio.h>
#include <string.h>

#include "core/civil.h"
#include "core/escalation.h"
#include "core/reschedule.h"
#include "store/store_dossier.h"
#include "store/store_reschedule.h"

enum { BATCH = 512, PEOPLE_MAX = 16 };

/* "dd/mm/yyyy", with the time first when both instants fall on one day. */
static void when(int64_t t, bool with_time, char *buf, size_t cap)
{
    struct eng_date d = eng_local_date(t);
    int m = eng_local_minute_of_day(t);
    if (with_time) {
        snprintf(buf, cap, "%02d:%02d %02d/%02d/%04d", m / 60, m % 60, d.day, d.month, d.year);
    } else {
        snprintf(buf, cap, "%02d/%02d/%04d", d.day, d.month, d.year);
    }
}

static void change_message(const struct store_dossier *d, const char *what, int64_t before,
                           int64_t after, char *msg, size_t cap)
{
    struct eng_date a = eng_local_date(before), b = eng_local_date(after);
    bool same_day = a.year == b.year && a.month == b.month && a.day == b.day;
    char from[32], to[32];
    when(before, same_day, from, sizeof(from));
    when(after, same_day, to, sizeof(to));
    snprintf(msg, cap, "%s hồ sơ %s đổi từ %s sang %s (lịch cơ quan thay đổi)", what,
             d->code[0] ? d->code : d->ref, from, to);
}

static bool seen(const int64_t *ids, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++) {
        if (ids[i] == id) {
            return true;
        }
    }
    return false;
}

/* The holder of the dossier and of each open branch; a step waiting in a
 * unit's queue reaches that unit's heads. */
static enum mc_status audience(struct store *st, const struct eng_dossier *s, int64_t *out,
                               size_t *n, struct mc_err *err)
{
    *n = 0;
    struct {
        int64_t holder, unit;
    } spots[1 + ENG_BRANCH_MAX];
    size_t nspots = 0;
    spots[nspots++].holder = s->holder;
    spots[0].unit = s->step_unit ? s->step_unit : s->desk_unit;
    for (size_t i = 0; i < s->n_branches && i < ENG_BRANCH_MAX; i++) {
        if (!s->branches[i].done) {
            spots[nspots].holder = s->branches[i].holder;
            spots[nspots++].unit = s->branches[i].unit;
        }
    }
    for (size_t i = 0; i < nspots; i++) {
        int64_t got[PEOPLE_MAX];
        size_t ngot = 0;
        if (spots[i].holder != 0) {
            got[ngot++] = spots[i].holder;
        } else {
            enum mc_status rc = store_unit_heads(st, spots[i].unit, got, PEOPLE_MAX, &ngot, err);
            if (rc != MC_OK) {
                return rc;
            }
        }
        for (size_t j = 0; j < ngot && *n < PEOPLE_MAX; j++) {
            if (!seen(out, *n, got[j])) {
                out[(*n)++] = got[j];
            }
        }
    }
    return MC_OK;
}

static enum mc_status notify(struct store *st, const struct store_dossier *d,
                             const struct eng_dossier *before, unsigned changed, int64_t now,
                             int64_t *count, struct mc_err *err)
{
    char msg[300];
    if (changed & ENG_RESCHED_APPOINTMENT) {
        change_message(d, "Ngày hẹn trả", before->due_at, d->state.due_at, msg, sizeof(msg));
    } else if (changed & ENG_RESCHED_LEGAL) {
        change_message(d, "Thời hạn giải quyết", before->legal_due_at, d->state.legal_due_at, msg,
                       sizeof(msg));
    } else {
        return MC_OK; /* a consultation or liên thông deadline: shown on the dossier */
    }
    int64_t people[PEOPLE_MAX];
    size_t n = 0;
    enum mc_status rc = audience(st, &d->state, people, &n, err);
    for (size_t i = 0; rc == MC_OK && i < n; i++) {
        rc = store_notify(st, people[i], d->id, "reschedule", msg, now, err);
        (*count)++;
    }
    return rc;
}

/* The escalation wake-ups on the new calendar; fired rungs stay fired (a
 * reminder sent is not taken back). Rows that already agree are left. */
static enum mc_status rewake(const struct engine *e, struct store *st,
                             const struct store_dossier *d, const struct eng_worktime *wt,
                             int64_t now, struct mc_err *err)
{
    const struct eng_clock *clocks[2] = { &d->state.clock, &d->state.step_clock };
    struct store_clock_row rows[2];
    enum mc_status rc = store_clocks_get(st, d->id, rows, err);
    for (int i = 0; rc == MC_OK && i < 2; i++) {
        if (!rows[i].exists) {
            continue;
        }
        int64_t next =
            eng_escalation_next_at(e->rungs, e->nrungs, rows[i].fired, clocks[i], now, wt);
        if (next != rows[i].next_rung_at) {
            rc = store_clock_fire(st, d->id, i == 1, rows[i].fired, next, err);
        }
    }
    if (rc != MC_OK) {
        return rc;
    }
    for (size_t i = 0; i < d->state.n_branches && i < ENG_BRANCH_MAX; i++) {
        const struct eng_branch *b = &d->state.branches[i];
        bool exists;
        uint32_t fired;
        int64_t at;
        rc = store_branch_fired(st, d->id, (int64_t)i, &exists, &fired, &at, err);
        if (rc != MC_OK) {
            return rc;
        }
        int64_t next =
            b->done ? 0 : eng_escalation_next_at(e->rungs, e->nrungs, fired, &b->clock, now, wt);
        if (exists && next != at) {
            rc = store_branch_fire(st, d->id, (int64_t)i, fired, next, err);
            if (rc != MC_OK) {
                return rc;
            }
        }
    }
    return MC_OK;
}

static enum mc_status one(const struct engine *e, struct store *st, int64_t id,
                          const struct eng_worktime *old_wt, const struct eng_worktime *new_wt,
                          int64_t now, struct engine_reschedule_result *out, struct mc_err *err)
{
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(st, id, &d, err);
    if (rc != MC_OK) {
        return rc;
    }
    out->scanned++;
    struct eng_dossier before = d.state;
    unsigned changed = eng_reschedule(&d.state, now, old_wt, new_wt);
    if (changed != 0) {
        rc = store_dossier_update(st, d.id, d.version, NULL, &before, &d.state, now, err);
        if (rc == MC_OK) {
            const struct store_reschedule_row row = {
                .dossier = d.id,
                .due_before = before.due_at,
                .due_after = d.state.due_at,
                .legal_before = before.legal_due_at,
                .legal_after = d.state.legal_due_at,
                .transfer_before = before.transfer_by,
                .transfer_after = d.state.transfer_by,
            };
            rc = store_reschedule_add(st, out->change, &row, err);
        }
        if (rc == MC_OK) {
            rc = notify(st, &d, &before, changed, now, &out->notified, err);
        }
        out->rescheduled++;
        out->appointments += (changed & ENG_RESCHED_APPOINTMENT) ? 1 : 0;
    }
    if (rc == MC_OK) {
        rc = rewake(e, st, &d, new_wt, now, err);
    }
    return rc;
}

enum mc_status engine_reschedule(const struct engine *e, struct store *st,
                                 const struct eng_worktime *old_wt,
                                 const struct eng_worktime *new_wt, int64_t now, int64_t actor,
                                 const char *source, size_t text_length,
                                 struct engine_reschedule_result *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    enum mc_status rc =
        store_calendar_change_begin(st, now, actor, source, text_length, &out->change, err);
    int64_t ids[BATCH];
    size_t n = BATCH;
    for (int64_t after = 0; rc == MC_OK && n == BATCH;) {
        rc = store_open_dossier_ids(st, after, ids, BATCH, &n, err);
        for (size_t i = 0; rc == MC_OK && i < n; i++) {
            rc = one(e, st, ids[i], old_wt, new_wt, now, out, err);
            after = ids[i];
        }
    }
    if (rc == MC_OK) {
        rc = store_calendar_change_done(st, out->change, out->scanned, out->rescheduled,
                                        out->appointments, err);
    }
    return rc;
}
