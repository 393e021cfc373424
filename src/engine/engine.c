/* Receipt and transitions: load, eng_decide(), write state + event +
 * counters + clocks inside the caller's transaction. */
#include "engine/engine.h"

#include <stdio.h>
#include <string.h>

#include "core/civil.h"
#include "core/dossier_code.h"
#include "core/ruleset.h"
#include "engine/engine_int.h"

enum mc_status engine_actor_staff(struct store *st, int64_t person, const struct core_grant *grants,
                                  size_t ngrants, struct engine_actor *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    out->eng.kind = ENG_ACTOR_STAFF;
    out->eng.person = person;
    for (size_t i = 0; i < ngrants && out->eng.n_grants < ENG_ACTOR_GRANTS_MAX; i++) {
        /* Steering and administration never act on a dossier: leave them
         * out so that the grants that do fit in the fixed array. */
        if (grants[i].role == ROLE_STEERING || grants[i].role == ROLE_ADMIN) {
            continue;
        }
        int64_t unit;
        enum mc_status rc = store_unit_id(st, grants[i].unit, &unit, err);
        if (rc != MC_OK) {
            return rc;
        }
        out->eng.grants[out->eng.n_grants++] = (struct eng_grant){ grants[i].role, unit };
    }
    return MC_OK;
}

void engine_actor_applicant(struct engine_actor *out)
{
    memset(out, 0, sizeof(*out));
    out->eng.kind = ENG_ACTOR_APPLICANT;
}

static int day_of(int64_t t)
{
    struct eng_date d = eng_local_date(t);
    return d.year * 10000 + d.month * 100 + d.day;
}

/* The note of the event, one part a line: the missing components joined by
 * "; " (supplement requests), then the reason, then the caller's note. The
 * forms (Mẫu 02–04, src/http/h_forms.c) read the parts back in this order,
 * so none of them may hide another. */
static const char *event_note(const char *note, const char *reason, const char *const *missing,
                              size_t n_missing, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n_missing && used + 3 < cap; i++) {
        int w = snprintf(buf + used, cap - used, "%s%s", i ? "; " : "", missing[i]);
        if (w < 0 || (size_t)w >= cap - used) {
            break;
        }
        used += (size_t)w;
    }
    const char *more[] = { reason, note && reason && strcmp(note, reason) == 0 ? NULL : note };
    for (size_t i = 0; i < 2; i++) {
        if (more[i] == NULL || more[i][0] == '\0') {
            continue;
        }
        int w = snprintf(buf + used, cap - used, "%s%s", used ? "\n" : "", more[i]);
        if (w < 0 || (size_t)w >= cap - used) {
            break;
        }
        used += (size_t)w;
    }
    return buf;
}

struct write_in {
    int64_t dossier;
    int64_t procedure_id;
    int64_t unit;
    const char *code;
    enum eng_action action;
    const struct eng_dossier *cur, *next;
    const struct eng_effects *fx;
    const struct engine_actor *who;
    const char *note;
    const char *const *attachments;
    size_t n_attachments;
    int64_t now;
};

static bool same_clock(const struct eng_clock *a, const struct eng_clock *b)
{
    return a->state == b->state && a->budget == b->budget && a->consumed == b->consumed &&
           a->running_since == b->running_since && a->waited == b->waited &&
           a->paused_since == b->paused_since;
}

/* Clocks beside the state, with the fired masks the escalation keeps. A
 * clock the transition left as it was (the dossier's clock on most steps)
 * is not written again: its row already says the same. */
static enum mc_status write_clocks(const struct engine *e, struct store *st,
                                   const struct write_in *w, struct mc_err *err)
{
    const char *kinds[2] = { "dossier", "step" };
    const struct eng_clock *before[2] = { &w->cur->clock, &w->cur->step_clock };
    const struct eng_clock *clocks[2] = { &w->next->clock, &w->next->step_clock };
    unsigned reset[2] = { ENG_FX_CLOCK_RESTARTED, ENG_FX_STEP_CHANGED };
    struct store_clock_row rows[2];
    enum mc_status rc = store_clocks_get(st, w->dossier, rows, err);
    if (rc != MC_OK) {
        return rc;
    }
    for (int i = 0; i < 2; i++) {
        const struct store_clock_row row = rows[i];
        uint32_t fired = (w->fx->flags & reset[i]) ? 0 : row.fired;
        int64_t next_at =
            eng_escalation_next_at(e->rungs, e->nrungs, fired, clocks[i], w->now, &e->wt);
        if (row.exists && fired == row.fired && (next_at > 0 ? next_at : 0) == row.next_rung_at &&
            same_clock(before[i], clocks[i]) &&
            (i == 0 || strcmp(w->cur->step, w->next->step) == 0)) {
            continue;
        }
        rc = store_clock_put(st, w->dossier, kinds[i], i ? w->next->step : "", clocks[i], fired,
                             next_at, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}

static enum mc_status notify_unit_heads(struct store *st, const struct write_in *w, int64_t unit,
                                        struct mc_err *err)
{
    int64_t heads[16];
    size_t nheads = 0;
    enum mc_status rc = store_unit_heads(st, unit, heads, 16, &nheads, err);
    char msg[160];
    snprintf(msg, sizeof(msg), "Hồ sơ %s: một nhánh song song đến đơn vị (%s)",
             w->code && *w->code ? w->code : "", eng_action_key(w->action));
    for (size_t i = 0; rc == MC_OK && i < nheads; i++) {
        rc = store_notify(st, heads[i], w->dossier, "handover", msg, w->now, err);
    }
    return rc;
}

/* Event, counters, clocks and the new holder's notification. */
static enum mc_status write_rest(const struct engine *e, struct store *st, const struct write_in *w,
                                 struct mc_err *err)
{
    uint64_t seq;
    uint8_t prev[ENG_HASH_LEN];
    enum mc_status rc = store_event_last(st, w->dossier, &seq, prev, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_handover ev = {
        .seq = seq + 1,
        .at = w->now,
        .actor = w->who->eng.person,
        .dossier_code = w->code ? w->code : "",
        .from_unit = w->fx->from_unit,
        .from_person = w->fx->from_person,
        .to_unit = w->fx->to_unit,
        .to_person = w->fx->to_person,
        .action = eng_action_key(w->action),
        .status_before = eng_status_code(w->cur->status),
        .status_after = eng_status_code(w->next->status),
        .verdict = eng_verdict_key(w->fx->step_verdict),
        /* Inside a parallel block the branch's own steps. */
        .step_from = w->fx->step_from[0] ? w->fx->step_from : w->cur->step,
        .step_to = w->fx->step_to[0] ? w->fx->step_to : w->next->step,
        .note = w->note,
    };
    for (size_t i = 0; i < w->n_attachments && i < ENG_HANDOVER_ATTACH_MAX; i++) {
        ev.attachments[ev.n_attachments++] = w->attachments[i];
    }
    rc = eng_handover_seal(&ev, prev, e->hash, e->hash_ctx, err);
    const char *finish = "none";
    if ((w->fx->flags & ENG_FX_FINISHED) &&
        (w->next->status == ENG_ST_STOPPED || w->next->status == ENG_ST_DONE)) {
        finish = eng_verdict_key(w->next->verdict);
    }
    int day = day_of(w->now);
    if (rc == MC_OK) {
        rc = store_event_append(st, w->dossier, &ev, day, finish, err);
    }
    struct store_counts c;
    engine_counts_of(w->action, w->cur->status, w->next, w->fx, &c);
    if (rc == MC_OK) {
        rc = store_counters_add(st, day, w->unit, w->procedure_id, w->who->eng.person, &c, err);
    }
    if (rc == MC_OK) {
        rc = write_clocks(e, st, w, err);
    }
    if (rc == MC_OK && (w->cur->n_branches > 0 || w->next->n_branches > 0)) {
        /* Each open branch wakes the escalation at its first rung; the
         * sweep skips rungs a branch has fired already (its row keeps them
         * while it stays at its step). */
        int64_t next_at[ENG_BRANCH_MAX] = { 0 };
        for (size_t i = 0; i < w->next->n_branches && i < ENG_BRANCH_MAX; i++) {
            const struct eng_branch *b = &w->next->branches[i];
            next_at[i] =
                b->done ? 0
                        : eng_escalation_next_at(e->rungs, e->nrungs, 0, &b->clock, w->now, &e->wt);
        }
        rc = store_dossier_branches_put(st, w->dossier, w->next, next_at, err);
    }
    for (size_t i = 1; rc == MC_OK && i < w->fx->n_started; i++) {
        /* A parallel split: the first branch's unit is to_unit, as usual;
         * the heads of the other branches' units are told as well. */
        rc = notify_unit_heads(st, w, w->fx->started[i], err);
    }
    if (rc == MC_OK && (w->fx->flags & ENG_FX_NOTIFY_HOLDER) && w->fx->to_person != 0 &&
        w->fx->to_person != w->who->eng.person) {
        char msg[160];
        snprintf(msg, sizeof(msg), "Hồ sơ %s được chuyển đến bạn (%s)",
                 w->code && *w->code ? w->code : "mới", eng_action_key(w->action));
        rc = store_notify(st, w->fx->to_person, w->dossier, "handover", msg, w->now, err);
    }
    if (rc == MC_OK && (w->fx->flags & ENG_FX_NOTIFY_DESK_HEAD)) {
        /* Điều 19.5: consulted units let their deadline pass; the head of
         * the one-stop desk is told. */
        int64_t heads[16];
        size_t nheads = 0;
        rc = store_unit_heads(st, w->next->desk_unit, heads, 16, &nheads, err);
        char msg[200];
        snprintf(msg, sizeof(msg),
                 "Hồ sơ %s: %zu đơn vị được lấy ý kiến không trả lời đúng hạn (bước %s)",
                 w->code && *w->code ? w->code : "", w->fx->n_lapsed, w->cur->step);
        for (size_t i = 0; rc == MC_OK && i < nheads; i++) {
            rc = store_notify(st, heads[i], w->dossier, "consult_lapsed", msg, w->now, err);
        }
    }
    return rc;
}

/* Allocate the daily sequence and make the code (Điều 19 TT 01/2018). */
static enum mc_status make_code(struct store *st, const char *agency, int64_t received_at,
                                char *out, struct mc_err *err)
{
    int seq = 0;
    enum mc_status rc = store_code_next(st, agency, day_of(received_at), &seq, err);
    if (rc == MC_OK) {
        rc = eng_dossier_code_make(agency, received_at, seq, out, ENG_DOSSIER_CODE_MAX, err);
    }
    return rc;
}

enum mc_status engine_receive(const struct engine *e, struct store *st,
                              const struct engine_actor *who, const struct engine_receipt *r,
                              int64_t now, struct engine_result *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    struct store_dossier_target t;
    enum mc_status rc = store_dossier_target(st, r->procedure, r->case_code, &t, err);
    const struct eng_ruleset *rules = NULL;
    if (rc == MC_OK) {
        size_t nsets;
        const struct eng_ruleset *sets = eng_ruleset_builtin(&nsets);
        rc = eng_ruleset_for_receipt(sets, nsets, now, &rules, err);
    }
    struct eng_request req = {
        .action = r->action,
        .actor = who->eng,
        .channel = r->channel,
        .budget_minutes = t.limit_minutes,
        .reason = r->reason,
        .missing = r->missing,
        .n_missing = r->n_missing,
    };
    if (rc == MC_OK) {
        /* The desk is the receptionist's unit at the counter, the agency's
         * one-stop desk for an online submission. */
        for (size_t i = 0; i < who->eng.n_grants; i++) {
            if (who->eng.grants[i].role == ROLE_RECEPTION) {
                req.desk_unit = who->eng.grants[i].unit;
            }
        }
        if (req.desk_unit == 0) {
            rc = store_desk_unit(st, &req.desk_unit, err);
        }
    }
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_dossier cur;
    eng_dossier_init(&cur);
    struct eng_context ctx = { .now = now, .rules = rules, .wt = &e->wt };
    rc = eng_decide(&cur, &req, &ctx, &out->state, &out->fx, err);
    if (rc != MC_OK || !(out->fx.flags & ENG_FX_RECORD)) {
        return rc; /* a desk supplement at the counter records nothing */
    }
    if (out->fx.flags & ENG_FX_CODE) {
        rc = make_code(st, t.agency, now, out->code, err);
    }
    if (rc == MC_OK) {
        rc = store_dossier_insert(st, &t, out->code[0] ? out->code : NULL, r->ref, &r->applicant,
                                  &out->state, now, &out->dossier, err);
    }
    char nbuf[ENG_HANDOVER_NOTE_MAX];
    struct write_in w = {
        .dossier = out->dossier,
        .procedure_id = t.procedure_id,
        .unit = t.unit,
        .code = out->code,
        .action = r->action,
        .cur = &cur,
        .next = &out->state,
        .fx = &out->fx,
        .who = who,
        .note = event_note(r->note, r->reason, r->missing, r->n_missing, nbuf, sizeof(nbuf)),
        .attachments = r->attachments,
        .n_attachments = r->n_attachments,
        .now = now,
    };
    if (rc == MC_OK) {
        rc = write_rest(e, st, &w, err);
    }
    return rc;
}

static const struct eng_step *find_step(const struct eng_step *steps, size_t n, const char *key)
{
    for (size_t i = 0; key && i < n; i++) {
        if (strcmp(steps[i].key, key) == 0) {
            return &steps[i];
        }
    }
    return NULL;
}

/* The first step a transfer lands on: the version's first step, or — when
 * that step is the desk's own receipt (a reception step with one successor,
 * as in every demo process) — the step after it: receive/accept already
 * recorded the receipt. */
static const struct eng_step *first_step(const struct eng_step *steps, size_t n)
{
    if (n == 0) {
        return NULL;
    }
    if (steps[0].role == ROLE_RECEPTION && steps[0].n_next == 1) {
        const struct eng_step *s = find_step(steps, n, steps[0].next[0]);
        return s ? s : &steps[0];
    }
    return &steps[0];
}

/* The target step of an action that moves the dossier: the one named, or
 * the obvious one when the request names none. */
static const struct eng_step *target_of(const struct eng_dossier *d, const struct engine_action *a,
                                        const struct eng_step *cur, const struct eng_step *steps,
                                        size_t n)
{
    if (a->target) {
        return find_step(steps, n, a->target);
    }
    if (a->action == ENG_ACT_TRANSFER) {
        return first_step(steps, n);
    }
    if (a->action == ENG_ACT_FORWARD || a->action == ENG_ACT_APPROVE) {
        return cur && cur->n_next == 1 ? find_step(steps, n, cur->next[0]) : NULL;
    }
    if (a->action == ENG_ACT_RETURN_PREV && cur && eng_branch_find(d, cur->key) >= 0) {
        return eng_branch_prev(steps, n, cur->key);
    }
    if (a->action == ENG_ACT_RETURN_PREV && d->path_len > 0) {
        return find_step(steps, n, d->path[d->path_len - 1]);
    }
    return NULL;
}

/* Names in the request → ids for eng_decide; errors name the field. */
static enum mc_status resolve_names(struct store *st, const struct engine_action *a,
                                    struct eng_request *req, struct mc_err *err)
{
    enum mc_status rc = MC_OK;
    if (a->assignee) {
        rc = store_person_id_of(st, a->assignee, &req->assignee, err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail_field(err, MC_EINVAL, "assignee", "no active officer %s", a->assignee);
        }
    }
    for (size_t i = 0; rc == MC_OK && i < a->n_consults; i++) {
        rc = store_unit_id(st, a->consults[i].unit, &req->consults[i].unit, err);
        if (rc == MC_ENOTFOUND) {
            char f[40];
            snprintf(f, sizeof(f), "consults[%zu].unit", i);
            return mc_fail_field(err, MC_EINVAL, f, "no unit %s", a->consults[i].unit);
        }
        req->consults[i].allot_minutes = a->consults[i].minutes;
    }
    req->n_consults = a->n_consults;
    if (rc == MC_OK && a->consult_unit) {
        rc = store_unit_id(st, a->consult_unit, &req->consult_unit, err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail_field(err, MC_EINVAL, "consult_unit", "no unit %s", a->consult_unit);
        }
    }
    return rc;
}

/* For eng_check without a body: the consulted unit is found by the engine. */
enum mc_status engine_allowed(const struct engine *e, struct store *st,
                              const struct engine_actor *who, const struct store_dossier *d,
                              int64_t now, uint32_t *mask, struct mc_err *err)
{
    *mask = 0;
    struct eng_step steps[STORE_STEPS_MAX];
    size_t n = 0;
    enum mc_status rc = store_dossier_steps(st, d->version_id, steps, STORE_STEPS_MAX, &n, err);
    if (rc == MC_OK) {
        *mask = engine_allowed_steps(e, steps, n, who, d, now);
    }
    return rc;
}

uint32_t engine_allowed_steps(const struct engine *e, const struct eng_step *steps, size_t n,
                              const struct engine_actor *who, const struct store_dossier *d,
                              int64_t now)
{
    uint32_t mask = 0;
    const struct eng_ruleset *rules = eng_ruleset_find(d->state.ruleset);
    if (rules == NULL) {
        size_t nsets;
        rules = eng_ruleset_builtin(&nsets) + (nsets - 1);
    }
    struct eng_context ctx = { .now = now,
                               .rules = rules,
                               .wt = &e->wt,
                               .step = find_step(steps, n, eng_branch_for(&d->state, &who->eng)),
                               .steps = steps,
                               .n_steps = n };
    uint32_t coarse = eng_allowed_actions(&d->state, &who->eng, &ctx);
    /* eng_check answers on status and role only; probe each candidate with
     * eng_decide and a plausible body so that the list also leaves out what
     * the state forbids (approve at a step that does not sign, a second
     * apology, return from the first step…). A probe failing on its body
     * (MC_EINVAL) keeps the action: the caller supplies the real body. The
     * rules stay in eng_decide alone. */
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        if (!(coarse & (1u << a))) {
            continue;
        }
        struct engine_action probe = { .action = (enum eng_action)a };
        struct eng_request req = {
            .action = (enum eng_action)a,
            .actor = who->eng,
            .budget_minutes = d->limit_minutes,
            .reason = "-",
            .missing = (const char *[]){ "-" },
            .n_missing = 1,
            .assignee = who->eng.person ? who->eng.person : 1,
            .consults = { { d->state.step_unit ? d->state.step_unit + 1 : 1, 60 } },
            .n_consults = 1,
            .agency = "000.00.00.H00",
            .agency_minutes = 60,
            .new_due_at = d->state.due_at + 1,
            .signature = true,
        };
        for (size_t i = 0; i < d->state.n_consults; i++) {
            if (d->state.consults[i].answered_at == 0) {
                for (size_t g = 0; g < who->eng.n_grants; g++) {
                    if (who->eng.grants[g].unit == d->state.consults[i].unit) {
                        req.consult_unit = d->state.consults[i].unit;
                    }
                }
            }
        }
        ctx.target = target_of(&d->state, &probe, ctx.step, steps, n);
        struct eng_dossier next;
        struct eng_effects fx;
        enum mc_status prc = eng_decide(&d->state, &req, &ctx, &next, &fx, NULL);
        if (prc == MC_OK || prc == MC_EINVAL || prc == MC_ELIMIT) {
            mask |= 1u << a;
        }
    }
    return mask;
}

enum mc_status engine_act(const struct engine *e, struct store *st, const struct engine_actor *who,
                          const char *code_or_ref, const struct engine_action *a, int64_t now,
                          struct engine_result *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    struct store_dossier d;
    enum mc_status rc = store_dossier_load(st, code_or_ref, &d, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (a->version != d.version) {
        return mc_fail_field(err, MC_ECONFLICT, "version",
                             "the dossier is at version %lld, not %lld: reload it",
                             (long long)d.version, (long long)a->version);
    }
    struct eng_step steps[STORE_STEPS_MAX];
    size_t n = 0;
    rc = store_dossier_steps(st, d.version_id, steps, STORE_STEPS_MAX, &n, err);
    if (rc != MC_OK) {
        return rc;
    }
    /* The rule set frozen at receipt; an online dossier not yet accepted
     * takes the one in force now (acceptance is its receipt). */
    const struct eng_ruleset *rules = eng_ruleset_find(d.state.ruleset);
    if (rules == NULL) {
        size_t nsets;
        const struct eng_ruleset *sets = eng_ruleset_builtin(&nsets);
        rc = eng_ruleset_for_receipt(sets, nsets, now, &rules, err);
    }
    struct eng_request req = {
        .action = a->action,
        .actor = who->eng,
        .budget_minutes = d.limit_minutes,
        .reason = a->reason,
        .missing = a->missing,
        .n_missing = a->n_missing,
        .agency = a->agency,
        .agency_minutes = a->agency_minutes,
        .new_due_at = a->new_due_at,
        .signature = a->signature,
    };
    if (rc == MC_OK) {
        rc = resolve_names(st, a, &req, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    /* Inside a parallel block: the branch named, or the caller's own. */
    const char *at = d.state.step;
    if (d.state.n_branches > 0) {
        if (a->branch && eng_branch_find(&d.state, a->branch) < 0) {
            return mc_fail_field(err, MC_EINVAL, "branch", "no open parallel branch is at step %s",
                                 a->branch);
        }
        at = a->branch ? a->branch : eng_branch_for(&d.state, &who->eng);
    }
    const struct eng_step *cur = find_step(steps, n, at);
    const struct eng_step *target = target_of(&d.state, a, cur, steps, n);
    if (a->target && target == NULL) {
        return mc_fail_field(err, MC_EINVAL, "target", "process has no step %s", a->target);
    }
    struct eng_context ctx = { .now = now,
                               .rules = rules,
                               .wt = &e->wt,
                               .step = cur,
                               .target = target,
                               .steps = steps,
                               .n_steps = n };
    rc = eng_decide(&d.state, &req, &ctx, &out->state, &out->fx, err);
    if (rc != MC_OK) {
        return rc;
    }
    memcpy(out->code, d.code, sizeof(out->code));
    bool new_code = (out->fx.flags & ENG_FX_CODE) && d.code[0] == '\0';
    if (new_code) {
        rc = make_code(st, d.agency, now, out->code, err);
    }
    if (rc == MC_OK) {
        rc = store_dossier_update(st, d.id, d.version, new_code ? out->code : NULL, &d.state,
                                  &out->state, now, err);
    }
    out->dossier = d.id;
    char nbuf[ENG_HANDOVER_NOTE_MAX];
    struct write_in w = {
        .dossier = d.id,
        .procedure_id = d.procedure_id,
        .unit = d.unit,
        .code = out->code,
        .action = a->action,
        .cur = &d.state,
        .next = &out->state,
        .fx = &out->fx,
        .who = who,
        .note = event_note(a->note, a->reason, a->missing, a->n_missing, nbuf, sizeof(nbuf)),
        .attachments = a->attachments,
        .n_attachments = a->n_attachments,
        .now = now,
    };
    if (rc == MC_OK) {
        rc = write_rest(e, st, &w, err);
    }
    return rc;
}

enum mc_status engine_record_first(const struct engine *e, struct store *st, int64_t dossier,
                                   const struct store_dossier_target *t, const char *code,
                                   enum eng_action action, const struct eng_dossier *next,
                                   const struct eng_effects *fx, const struct engine_actor *who,
                                   const char *note, int64_t now, struct mc_err *err)
{
    struct eng_dossier cur;
    eng_dossier_init(&cur);
    struct write_in w = {
        .dossier = dossier,
        .procedure_id = t->procedure_id,
        .unit = t->unit,
        .code = code,
        .action = action,
        .cur = &cur,
        .next = next,
        .fx = fx,
        .who = who,
        .note = note ? note : "",
        .now = now,
    };
    return write_rest(e, st, &w, err);
}
