#include "core/dossier_rules.h"

#include <string.h>

#include "core/agency.h"
#include "core/civil.h"

static const char *const action_keys[ENG_ACT_COUNT] = {
    [ENG_ACT_SUBMIT_ONLINE] = "submit_online",
    [ENG_ACT_RECEIVE] = "receive",
    [ENG_ACT_ACCEPT] = "accept",
    [ENG_ACT_REFUSE_RECEIPT] = "refuse_receipt",
    [ENG_ACT_DESK_SUPPLEMENT] = "desk_supplement",
    [ENG_ACT_TRANSFER] = "transfer",
    [ENG_ACT_ASSIGN] = "assign",
    [ENG_ACT_FORWARD] = "forward",
    [ENG_ACT_RETURN_PREV] = "return_previous",
    [ENG_ACT_CONSULT] = "consult",
    [ENG_ACT_CONSULT_ANSWER] = "consult_answer",
    [ENG_ACT_SEND_OTHER_AGENCY] = "send_other_agency",
    [ENG_ACT_BACK_FROM_AGENCY] = "back_from_agency",
    [ENG_ACT_REQUEST_SUPPLEMENT] = "request_supplement",
    [ENG_ACT_SUPPLEMENT_RECEIVED] = "supplement_received",
    [ENG_ACT_REQUEST_PAYMENT] = "request_payment",
    [ENG_ACT_PAID] = "paid",
    [ENG_ACT_APPROVE] = "approve",
    [ENG_ACT_REFUSE] = "refuse",
    [ENG_ACT_RESULT_READY] = "result_ready",
    [ENG_ACT_RETURN_RESULT] = "return_result",
    [ENG_ACT_WITHDRAW] = "withdraw",
    [ENG_ACT_APOLOGIZE] = "apologize",
    [ENG_ACT_OPEN_CASE] = "open_case",
};

const char *eng_action_key(enum eng_action a)
{
    return (unsigned)a < ENG_ACT_COUNT ? action_keys[a] : "unknown";
}

bool eng_action_parse(const char *key, enum eng_action *out)
{
    for (unsigned i = 0; i < ENG_ACT_COUNT; i++) {
        if (strcmp(action_keys[i], key) == 0) {
            *out = (enum eng_action)i;
            return true;
        }
    }
    return false;
}

void eng_dossier_init(struct eng_dossier *d)
{
    memset(d, 0, sizeof(*d));
    d->status = ENG_ST_NONE;
    d->stage = ENG_STAGE_NONE;
    d->verdict = ENG_VERDICT_NONE;
}

/* ---- parallel branches ---------------------------------------------- */

int eng_branch_find(const struct eng_dossier *d, const char *key)
{
    for (size_t i = 0; key != NULL && i < d->n_branches && i < ENG_BRANCH_MAX; i++) {
        if (!d->branches[i].done && strcmp(d->branches[i].step, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static const struct eng_step *step_named(const struct eng_step *steps, size_t n, const char *key)
{
    for (size_t i = 0; steps != NULL && i < n; i++) {
        if (strcmp(steps[i].key, key) == 0) {
            return &steps[i];
        }
    }
    return NULL;
}

/* How many steps lead to `key`. */
static size_t in_degree(const struct eng_step *steps, size_t n, const char *key)
{
    size_t in = 0;
    for (size_t i = 0; steps != NULL && i < n; i++) {
        for (size_t k = 0; k < steps[i].n_next && k < ENG_NEXT_MAX; k++) {
            in += strcmp(steps[i].next[k], key) == 0;
        }
    }
    return in;
}

/* The parallel option (1..) of step s that next key `key` belongs to, 0
 * when it is an option alone or not a next step. */
static unsigned option_of(const struct eng_step *s, const char *key)
{
    for (size_t k = 0; k < s->n_next && k < ENG_NEXT_MAX; k++) {
        if (strcmp(s->next[k], key) == 0) {
            return s->option[k];
        }
    }
    return 0;
}

const struct eng_step *eng_branch_prev(const struct eng_step *steps, size_t n, const char *key)
{
    const struct eng_step *prev = NULL;
    for (size_t i = 0; steps != NULL && i < n; i++) {
        for (size_t k = 0; k < steps[i].n_next && k < ENG_NEXT_MAX; k++) {
            if (strcmp(steps[i].next[k], key) == 0) {
                if (prev != NULL) {
                    return NULL; /* a join: not inside a branch */
                }
                prev = &steps[i];
            }
        }
    }
    return prev != NULL && (prev->parallel || option_of(prev, key) > 0) ? NULL : prev;
}

/* The join of a block whose first branch starts at step `first`: along
 * that branch, the first step more than one step leads to. */
static const struct eng_step *join_of(const struct eng_context *c, const char *first)
{
    const struct eng_step *cur = step_named(c->steps, c->n_steps, first);
    for (size_t guard = 0; cur != NULL && guard <= c->n_steps; guard++) {
        if (in_degree(c->steps, c->n_steps, cur->key) > 1) {
            return cur;
        }
        if (cur->n_next != 1) {
            return NULL;
        }
        cur = step_named(c->steps, c->n_steps, cur->next[0]);
    }
    return NULL;
}

/* The dossier as seen from branch i: its step, holder and clock in the
 * dossier's current-step fields, so the one-step rules apply unchanged. */
static void load_branch(struct eng_dossier *d, size_t i)
{
    const struct eng_branch *b = &d->branches[i];
    memcpy(d->step, b->step, ENG_KEY_MAX);
    d->step_unit = b->unit;
    d->holder = b->holder;
    d->step_clock = b->clock;
}

/* Assign, forward and return act on one branch; these wait for the join
 * (they decide or pause the whole dossier). */
static bool branch_action(enum eng_action a)
{
    return a == ENG_ACT_ASSIGN || a == ENG_ACT_FORWARD || a == ENG_ACT_RETURN_PREV;
}

static bool waits_for_join(enum eng_action a)
{
    return a == ENG_ACT_CONSULT || a == ENG_ACT_SEND_OTHER_AGENCY ||
           a == ENG_ACT_REQUEST_SUPPLEMENT || a == ENG_ACT_REQUEST_PAYMENT ||
           a == ENG_ACT_APPROVE || a == ENG_ACT_REFUSE || a == ENG_ACT_RESULT_READY;
}

/* ---- roles ---------------------------------------------------------- */

/* Control-team grants are never counted: the team reads, it never acts
 * (design.md §7). */
static bool holds(const struct eng_actor *a, unsigned role_mask, int64_t unit, bool any_unit)
{
    if (a->kind != ENG_ACTOR_STAFF) {
        return false;
    }
    for (size_t i = 0; i < a->n_grants && i < ENG_ACTOR_GRANTS_MAX; i++) {
        const struct eng_grant *g = &a->grants[i];
        if (g->role == ROLE_CONTROL || (unsigned)g->role >= ROLE_COUNT) {
            continue;
        }
        if ((ROLE_BIT(g->role) & role_mask) != 0 && (any_unit || g->unit == unit)) {
            return true;
        }
    }
    return false;
}

const char *eng_branch_for(const struct eng_dossier *d, const struct eng_actor *actor)
{
    for (size_t i = 0; i < d->n_branches && i < ENG_BRANCH_MAX; i++) {
        const struct eng_branch *b = &d->branches[i];
        if (b->done) {
            continue;
        }
        bool works = holds(actor, ROLE_BIT(b->role), b->unit, false) &&
                     (b->holder == 0 || b->holder == actor->person);
        if (works || holds(actor, ROLE_MASK_UNIT_LEADERS, b->unit, false)) {
            return b->step;
        }
    }
    return d->step;
}

static bool only_control(const struct eng_actor *a)
{
    if (a->kind != ENG_ACTOR_STAFF || a->n_grants == 0) {
        return false;
    }
    for (size_t i = 0; i < a->n_grants && i < ENG_ACTOR_GRANTS_MAX; i++) {
        if (a->grants[i].role != ROLE_CONTROL) {
            return false;
        }
    }
    return true;
}

enum who {
    WHO_APPLICANT,
    WHO_DESK,
    WHO_DESK_OR_APPLICANT,
    WHO_HEAD,
    WHO_STEP,
    WHO_STEP_OR_DESK,
    WHO_CONSULTED,
    WHO_APOLOGY,
    WHO_CASE_OPENER,
};

static enum who who_acts(enum eng_action a)
{
    switch (a) {
    case ENG_ACT_SUBMIT_ONLINE:
        return WHO_APPLICANT;
    case ENG_ACT_RECEIVE:
    case ENG_ACT_ACCEPT:
    case ENG_ACT_REFUSE_RECEIPT:
    case ENG_ACT_DESK_SUPPLEMENT:
    case ENG_ACT_TRANSFER:
    case ENG_ACT_SUPPLEMENT_RECEIVED: /* supplements go through the desk (Điều 5.1) */
    case ENG_ACT_PAID:
    case ENG_ACT_RETURN_RESULT:
        return WHO_DESK;
    case ENG_ACT_WITHDRAW:
        return WHO_DESK_OR_APPLICANT;
    case ENG_ACT_ASSIGN:
        return WHO_HEAD;
    case ENG_ACT_FORWARD:
    case ENG_ACT_RETURN_PREV:
    case ENG_ACT_CONSULT:
    case ENG_ACT_SEND_OTHER_AGENCY:
    case ENG_ACT_REQUEST_SUPPLEMENT:
    case ENG_ACT_REQUEST_PAYMENT:
    case ENG_ACT_APPROVE:
    case ENG_ACT_REFUSE:
    case ENG_ACT_RESULT_READY:
        return WHO_STEP;
    case ENG_ACT_BACK_FROM_AGENCY:
        return WHO_STEP_OR_DESK;
    case ENG_ACT_CONSULT_ANSWER:
        return WHO_CONSULTED;
    case ENG_ACT_APOLOGIZE:
        return WHO_APOLOGY;
    case ENG_ACT_OPEN_CASE:
        return WHO_CASE_OPENER;
    }
    return WHO_STEP;
}

static bool is_step_actor(const struct eng_dossier *d, const struct eng_actor *a,
                          const struct eng_step *s)
{
    if (s == NULL || !holds(a, ROLE_BIT(s->role), s->unit, false)) {
        return false;
    }
    return d->holder == 0 || d->holder == a->person;
}

/* The desk of a dossier: reception of its desk unit. An internal case has
 * no desk: its owning unit (desk_unit) acts through its head or deputy
 * head (supplement received, paid, close, withdraw). */
static bool is_desk(const struct eng_dossier *d, const struct eng_actor *a, int64_t desk_unit)
{
    if (d->channel == ENG_CHANNEL_INTERNAL && d->status != ENG_ST_NONE) {
        return holds(a, ROLE_MASK_UNIT_LEADERS, desk_unit, false);
    }
    return holds(a, ROLE_BIT(ROLE_RECEPTION), desk_unit, false);
}

static enum mc_status check_role(const struct eng_dossier *d, enum eng_action action,
                                 const struct eng_actor *a, int64_t desk_unit, int64_t consult_unit,
                                 const struct eng_context *ctx, struct mc_err *err)
{
    const char *name = eng_action_key(action);
    const struct eng_step *s = ctx->step;
    bool ok = false;
    switch (who_acts(action)) {
    case WHO_APPLICANT:
        ok = a->kind == ENG_ACTOR_APPLICANT;
        break;
    case WHO_DESK:
        ok = is_desk(d, a, desk_unit);
        break;
    case WHO_DESK_OR_APPLICANT:
        ok = (a->kind == ENG_ACTOR_APPLICANT && d->channel != ENG_CHANNEL_INTERNAL) ||
             is_desk(d, a, desk_unit);
        break;
    case WHO_HEAD:
        ok = s != NULL && holds(a, ROLE_MASK_UNIT_LEADERS, s->unit, false);
        break;
    case WHO_STEP:
        ok = is_step_actor(d, a, s);
        if (!ok && s != NULL && d->holder != 0 && holds(a, ROLE_BIT(s->role), s->unit, false)) {
            return mc_fail(err, MC_EPERM, "%s: the dossier is assigned to another officer", name);
        }
        break;
    case WHO_STEP_OR_DESK:
        ok = is_step_actor(d, a, s) || is_desk(d, a, desk_unit);
        break;
    case WHO_CONSULTED:
        ok = holds(a, ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST), consult_unit, false);
        break;
    case WHO_APOLOGY:
        ok = (s != NULL && holds(a, ROLE_MASK_UNIT_LEADERS, s->unit, false)) ||
             holds(a, ROLE_MASK_LEADERS, 0, true);
        break;
    case WHO_CASE_OPENER:
        ok = holds(a, ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST), desk_unit, false) ||
             holds(a, ROLE_MASK_LEADERS, 0, true);
        break;
    }
    if (!ok) {
        if (s != NULL && (who_acts(action) == WHO_STEP || who_acts(action) == WHO_HEAD)) {
            return mc_fail(err, MC_EPERM,
                           "%s: not allowed for your role at step %s (%s of unit %lld)", name,
                           s->key, core_role_name(s->role), (long long)s->unit);
        }
        return mc_fail(err, MC_EPERM, "%s: not allowed for your role", name);
    }
    return MC_OK;
}

/* ---- states --------------------------------------------------------- */

static bool status_in(enum eng_status s, unsigned mask)
{
    return (mask & (1u << s)) != 0;
}

#define ST(x) (1u << (x))

/* Statuses (bit mask) in which each action is possible. */
static unsigned allowed_statuses(enum eng_action a)
{
    switch (a) {
    case ENG_ACT_SUBMIT_ONLINE:
    case ENG_ACT_RECEIVE:
    case ENG_ACT_OPEN_CASE:
        return ST(ENG_ST_NONE);
    case ENG_ACT_ACCEPT:
        return ST(ENG_ST_NEW);
    case ENG_ACT_REFUSE_RECEIPT:
    case ENG_ACT_DESK_SUPPLEMENT:
        return ST(ENG_ST_NONE) | ST(ENG_ST_NEW);
    case ENG_ACT_TRANSFER:
        return ST(ENG_ST_ACCEPTED);
    case ENG_ACT_ASSIGN:
    case ENG_ACT_FORWARD:
    case ENG_ACT_RETURN_PREV:
    case ENG_ACT_CONSULT:
    case ENG_ACT_CONSULT_ANSWER:
    case ENG_ACT_SEND_OTHER_AGENCY:
    case ENG_ACT_BACK_FROM_AGENCY:
    case ENG_ACT_REQUEST_SUPPLEMENT:
    case ENG_ACT_REQUEST_PAYMENT:
    case ENG_ACT_APPROVE:
    case ENG_ACT_REFUSE:
    case ENG_ACT_RESULT_READY:
    case ENG_ACT_APOLOGIZE:
        return ST(ENG_ST_PROCESSING);
    case ENG_ACT_SUPPLEMENT_RECEIVED:
        return ST(ENG_ST_SUPPLEMENT);
    case ENG_ACT_PAID:
        return ST(ENG_ST_FINANCIAL);
    case ENG_ACT_RETURN_RESULT:
        return ST(ENG_ST_DONE);
    case ENG_ACT_WITHDRAW:
        /* "any pre-result" status (domain.md §1.9). */
        return ST(ENG_ST_NEW) | ST(ENG_ST_ACCEPTED) | ST(ENG_ST_PROCESSING) |
               ST(ENG_ST_SUPPLEMENT) | ST(ENG_ST_FINANCIAL);
    }
    return 0;
}

/* Every consultation answered or past its deadline: the step may move on.
 * Decision (issue 4 §2): a step cannot act on its outcome while a consulted
 * unit still has time to answer; once every deadline has passed it goes on
 * without the missing answers and the desk head is told (Điều 19.5). */
static bool consults_settled(const struct eng_dossier *d, int64_t now)
{
    for (size_t i = 0; i < d->n_consults; i++) {
        if (d->consults[i].answered_at == 0 && d->consults[i].deadline > now) {
            return false;
        }
    }
    return true;
}

/* Stage requirements within status 4, beyond the status mask. */
static enum mc_status check_stage(const struct eng_dossier *d, enum eng_action a,
                                  const struct eng_context *ctx, struct mc_err *err)
{
    const char *name = eng_action_key(a);
    switch (a) {
    case ENG_ACT_CONSULT_ANSWER:
        if (d->stage != ENG_STAGE_CONSULTING) {
            return mc_fail(err, MC_ECONFLICT, "%s: no consultation is open", name);
        }
        return MC_OK;
    case ENG_ACT_BACK_FROM_AGENCY:
        if (d->stage != ENG_STAGE_OTHER_AGENCY) {
            return mc_fail(err, MC_ECONFLICT, "%s: the dossier is not at another agency", name);
        }
        return MC_OK;
    case ENG_ACT_ASSIGN:
    case ENG_ACT_APOLOGIZE:
        return MC_OK;
    case ENG_ACT_FORWARD:
    case ENG_ACT_RETURN_PREV:
    case ENG_ACT_CONSULT:
    case ENG_ACT_SEND_OTHER_AGENCY:
    case ENG_ACT_REQUEST_SUPPLEMENT:
    case ENG_ACT_REQUEST_PAYMENT:
    case ENG_ACT_APPROVE:
    case ENG_ACT_REFUSE:
    case ENG_ACT_RESULT_READY:
        if (d->stage == ENG_STAGE_OTHER_AGENCY) {
            return mc_fail(err, MC_ECONFLICT, "%s: the dossier is at agency %s (liên thông)", name,
                           d->other_agency);
        }
        if (d->stage == ENG_STAGE_CONSULTING) {
            if (a == ENG_ACT_CONSULT) {
                return mc_fail(err, MC_ECONFLICT, "%s: a consultation is already open", name);
            }
            if (!consults_settled(d, ctx->now)) {
                return mc_fail(
                    err, MC_ECONFLICT,
                    "%s: waiting for consulted units to answer or their deadlines to pass", name);
            }
        }
        return MC_OK;
    case ENG_ACT_SUBMIT_ONLINE:
    case ENG_ACT_RECEIVE:
    case ENG_ACT_ACCEPT:
    case ENG_ACT_REFUSE_RECEIPT:
    case ENG_ACT_DESK_SUPPLEMENT:
    case ENG_ACT_TRANSFER:
    case ENG_ACT_SUPPLEMENT_RECEIVED:
    case ENG_ACT_PAID:
    case ENG_ACT_RETURN_RESULT:
    case ENG_ACT_WITHDRAW:
    case ENG_ACT_OPEN_CASE:
        return MC_OK;
    }
    return MC_OK;
}

static bool needs_step(enum eng_action a)
{
    enum who w = who_acts(a);
    return w == WHO_STEP || w == WHO_HEAD || w == WHO_STEP_OR_DESK;
}

static enum mc_status check_all(const struct eng_dossier *d, enum eng_action action,
                                const struct eng_actor *actor, int64_t desk_unit,
                                int64_t consult_unit, const struct eng_context *ctx,
                                struct mc_err *err)
{
    if ((unsigned)action >= ENG_ACT_COUNT) {
        return mc_fail(err, MC_EINVAL, "unknown action");
    }
    const char *name = eng_action_key(action);
    /* Before any other check, so that the answer never depends on the state. */
    if (only_control(actor)) {
        return mc_fail(err, MC_EPERM,
                       "the control team (Tổ kiểm soát) reads dossiers, it never acts");
    }
    if (eng_status_is_terminal(d->status)) {
        return mc_fail(err, MC_ECONFLICT, "%s: the dossier is closed (%d %s)", name,
                       eng_status_code(d->status), eng_status_name_vi(d->status));
    }
    if (action == ENG_ACT_REQUEST_PAYMENT && d->status != ENG_ST_NONE &&
        d->channel == ENG_CHANNEL_INTERNAL) {
        return mc_fail(err, MC_ECONFLICT, "%s: an internal case has no financial obligation", name);
    }
    if (!status_in(d->status, allowed_statuses(action))) {
        return mc_fail(err, MC_ECONFLICT, "%s: not possible in status %d (%s)", name,
                       eng_status_code(d->status), eng_status_name_vi(d->status));
    }
    if (d->status == ENG_ST_PROCESSING && d->n_branches > 0 && waits_for_join(action)) {
        return mc_fail(err, MC_ECONFLICT,
                       "%s: not possible while parallel branches are open; the branches join at "
                       "step %s",
                       name, d->join);
    }
    if (d->status == ENG_ST_PROCESSING) {
        if (ctx->step == NULL ||
            (strcmp(ctx->step->key, d->step) != 0 && eng_branch_find(d, ctx->step->key) < 0)) {
            return mc_fail(err, MC_EINTERNAL, "%s: step description does not match step %s", name,
                           d->step);
        }
        if (ctx->step->role == ROLE_CONTROL) {
            return mc_fail(err, MC_EINVAL, "step %s: the control team cannot own a step",
                           ctx->step->key);
        }
    } else if (needs_step(action)) {
        return mc_fail(err, MC_ECONFLICT, "%s: the dossier is not at a step", name);
    }
    enum mc_status rc = check_role(d, action, actor, desk_unit, consult_unit, ctx, err);
    if (rc != MC_OK) {
        return rc;
    }
    return check_stage(d, action, ctx, err);
}

static int64_t desk_of(const struct eng_dossier *d, int64_t requested)
{
    return d->status == ENG_ST_NONE ? requested : d->desk_unit;
}

enum mc_status eng_check(const struct eng_dossier *cur, enum eng_action action,
                         const struct eng_actor *actor, const struct eng_context *ctx,
                         struct mc_err *err)
{
    /* Without a request body: any open consultation of the actor's units. */
    int64_t consult_unit = 0;
    for (size_t i = 0; i < cur->n_consults; i++) {
        if (cur->consults[i].answered_at == 0 &&
            holds(actor, ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST), cur->consults[i].unit,
                  false)) {
            consult_unit = cur->consults[i].unit;
            break;
        }
    }
    int64_t desk = cur->desk_unit;
    if (cur->status == ENG_ST_NONE) {
        /* At the counter the desk is whichever the receptionist belongs to. */
        for (size_t i = 0; i < actor->n_grants && i < ENG_ACTOR_GRANTS_MAX; i++) {
            if (actor->grants[i].role == ROLE_RECEPTION) {
                desk = actor->grants[i].unit;
            }
        }
    }
    if (cur->n_branches > 0 && branch_action(action) && ctx->step != NULL) {
        int bi = eng_branch_find(cur, ctx->step->key);
        if (bi >= 0) {
            struct eng_dossier view = *cur;
            load_branch(&view, (size_t)bi);
            return check_all(&view, action, actor, desk, consult_unit, ctx, err);
        }
    }
    return check_all(cur, action, actor, desk, consult_unit, ctx, err);
}

uint32_t eng_allowed_actions(const struct eng_dossier *cur, const struct eng_actor *actor,
                             const struct eng_context *ctx)
{
    uint32_t mask = 0;
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        if (eng_check(cur, (enum eng_action)a, actor, ctx, NULL) == MC_OK) {
            mask |= 1u << a;
        }
    }
    return mask;
}

/* ---- transitions ---------------------------------------------------- */

struct turn {
    const struct eng_dossier *cur;
    const struct eng_request *req;
    const struct eng_context *ctx;
    struct eng_dossier *next;
    struct eng_effects *fx;
    struct mc_err *err;
    bool branch_done; /* a branch reached the join */
};

static bool blank(const char *s)
{
    if (s == NULL) {
        return true;
    }
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            return false;
        }
    }
    return true;
}

static enum mc_status need_reason(struct turn *t)
{
    if (blank(t->req->reason)) {
        return mc_fail_field(t->err, MC_EINVAL, "reason", "%s: a reason is required",
                             eng_action_key(t->req->action));
    }
    return MC_OK;
}

static enum mc_status need_missing(struct turn *t)
{
    if (t->req->n_missing == 0 || t->req->missing == NULL) {
        return mc_fail_field(t->err, MC_EINVAL, "missing",
                             "%s: list every missing component, all at once (NĐ 61 Điều 15.3)",
                             eng_action_key(t->req->action));
    }
    for (size_t i = 0; i < t->req->n_missing; i++) {
        if (blank(t->req->missing[i])) {
            return mc_fail_field(t->err, MC_EINVAL, "missing", "missing component %zu is empty",
                                 i + 1);
        }
    }
    return MC_OK;
}

static enum mc_status need_signature(struct turn *t)
{
    if (!t->req->signature) {
        return mc_fail_field(t->err, MC_EINVAL, "signature", "%s: step %s must be signed",
                             eng_action_key(t->req->action), t->cur->step);
    }
    return MC_OK;
}

static bool is_next_of(const struct eng_step *s, const char *key)
{
    for (size_t i = 0; i < s->n_next && i < ENG_NEXT_MAX; i++) {
        if (strcmp(s->next[i], key) == 0) {
            return true;
        }
    }
    return false;
}

/* The step to move to, or NULL after recording an MC_EINVAL error (a
 * pointer result keeps "no target" and "target used" on one path). */
static const struct eng_step *need_target(struct turn *t)
{
    const struct eng_step *g = t->ctx->target;
    if (g == NULL || g->key[0] == '\0' || memchr(g->key, '\0', ENG_KEY_MAX) == NULL) {
        (void)mc_fail_field(t->err, MC_EINVAL, "target", "%s: name the step to go to",
                            eng_action_key(t->req->action));
        return NULL;
    }
    if (g->role == ROLE_CONTROL) {
        (void)mc_fail_field(t->err, MC_EINVAL, "target",
                            "step %s: the control team cannot own a step", g->key);
        return NULL;
    }
    return g;
}

static void from_here(struct turn *t)
{
    const struct eng_dossier *c = t->cur;
    t->fx->from_unit = c->step[0] ? c->step_unit : c->desk_unit;
    t->fx->from_person = c->holder != 0 ? c->holder : t->req->actor.person;
}

static void to_desk(struct turn *t)
{
    t->fx->to_unit = t->next->desk_unit;
    t->fx->to_person = 0;
}

/* Leave the current step: its verdict for the control slip; the first step
 * that overran is remembered so that a late dossier names it (issue 4 §3). */
static void leave_step(struct turn *t)
{
    struct eng_dossier *n = t->next;
    const struct eng_context *c = t->ctx;
    t->fx->step_verdict = eng_clock_step_verdict(&n->step_clock, c->now, c->wt);
    eng_clock_stop(&n->step_clock, c->now, c->wt);
    if (t->fx->step_verdict == ENG_VERDICT_LATE && n->late_step[0] == '\0') {
        memcpy(n->late_step, n->step, ENG_KEY_MAX);
        n->late_person = n->holder;
    }
}

static void enter_step(struct turn *t, const struct eng_step *s)
{
    struct eng_dossier *n = t->next;
    memcpy(n->step, s->key, ENG_KEY_MAX);
    n->step[ENG_KEY_MAX - 1] = '\0';
    n->step_unit = s->unit;
    n->holder = 0;
    n->stage = ENG_STAGE_IN_STEP;
    n->n_consults = 0;
    eng_clock_start(&n->step_clock, s->allot_minutes, t->ctx->now);
    t->fx->flags |= ENG_FX_STEP_CHANGED | ENG_FX_NOTIFY_HOLDER;
    t->fx->to_unit = s->unit;
    t->fx->to_person = 0;
}

/* Settle a consultation whose deadlines passed: report the units that did
 * not answer (Điều 19.5: the lead unit informs the head of the desk). */
static void settle_consults(struct turn *t)
{
    struct eng_dossier *n = t->next;
    if (n->stage != ENG_STAGE_CONSULTING) {
        return;
    }
    for (size_t i = 0; i < n->n_consults; i++) {
        if (n->consults[i].answered_at == 0) {
            t->fx->lapsed[t->fx->n_lapsed++] = n->consults[i].unit;
        }
    }
    if (t->fx->n_lapsed > 0) {
        t->fx->flags |= ENG_FX_NOTIFY_DESK_HEAD;
    }
    n->stage = ENG_STAGE_IN_STEP;
}

/* The dossier's verdict when it reaches 8 or 9: against the legal due time
 * (an apology's new appointment does not make a late dossier on time), and
 * late whenever more than one supplement was requested (QĐ 766 [766-F]). */
static void finish(struct turn *t)
{
    struct eng_dossier *n = t->next;
    const struct eng_context *c = t->ctx;
    eng_clock_stop(&n->clock, c->now, c->wt);
    n->finished_at = c->now;
    struct eng_766_input in = {
        .appointment = n->legal_due_at,
        .finished_at = c->now,
        .supplement_requests = n->supplement_requests,
        .max_requests_on_time = c->rules->max_supplement_requests_on_time,
    };
    n->verdict = eng_verdict_766(&in);
    if (n->verdict == ENG_VERDICT_LATE && n->late_step[0] == '\0') {
        /* No step overran its own allotment (waits at the desk, another
         * agency): blame the step holding the dossier when it finished. */
        memcpy(n->late_step, n->step, ENG_KEY_MAX);
        n->late_person = n->holder;
    }
    t->fx->flags |= ENG_FX_FINISHED;
}

/* After a wait for the applicant the appointment follows the legal due
 * time, unless an apology already promised a later one. */
static void reset_due(struct eng_dossier *n, int64_t legal_due)
{
    n->legal_due_at = legal_due;
    if (n->apologies == 0 || n->due_at < legal_due) {
        n->due_at = legal_due;
    }
}

static enum mc_status do_submit(struct turn *t)
{
    if (t->req->desk_unit == 0) {
        return mc_fail_field(t->err, MC_EINVAL, "desk_unit", "submit_online: name the desk");
    }
    struct eng_dossier *n = t->next;
    n->status = ENG_ST_NEW;
    n->channel = ENG_CHANNEL_ONLINE;
    n->desk_unit = t->req->desk_unit;
    n->submitted_at = t->ctx->now;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    t->fx->from_unit = 0;
    t->fx->from_person = 0;
    to_desk(t);
    return MC_OK;
}

/* Điều 18: transfer within the same working day, or at the start of the
 * next working day when a paper dossier came in after 15:00. */
int64_t eng_transfer_deadline(const struct eng_ruleset *rules, const struct eng_worktime *wt,
                              int64_t received, enum eng_channel ch)
{
    int64_t midnight = eng_local_midnight(eng_local_date(received)) + 1440;
    bool late = ch != ENG_CHANNEL_ONLINE && rules->paper_cutoff_next_day &&
                eng_local_minute_of_day(received) >= rules->transfer_cutoff_minute;
    if (late) {
        return eng_wt_add(wt, midnight, 0);
    }
    int64_t left_today = eng_wt_between(wt, received, midnight);
    return eng_wt_add(wt, received, left_today);
}

static int64_t transfer_deadline(const struct eng_context *c, enum eng_channel ch)
{
    return eng_transfer_deadline(c->rules, c->wt, c->now, ch);
}

static enum mc_status do_receive(struct turn *t)
{
    const struct eng_request *r = t->req;
    const struct eng_context *c = t->ctx;
    if (r->budget_minutes <= 0) {
        return mc_fail_field(t->err, MC_EINVAL, "budget_minutes",
                             "%s: the procedure's time limit is required",
                             eng_action_key(r->action));
    }
    if (r->appointment != 0 && r->appointment < c->now) {
        return mc_fail_field(t->err, MC_EINVAL, "appointment", "appointment before the receipt");
    }
    struct eng_dossier *n = t->next;
    if (r->action == ENG_ACT_RECEIVE) {
        if (r->desk_unit == 0) {
            return mc_fail_field(t->err, MC_EINVAL, "desk_unit", "receive: name the desk");
        }
        n->desk_unit = r->desk_unit;
        n->channel = r->channel == ENG_CHANNEL_POST ? ENG_CHANNEL_POST : ENG_CHANNEL_DESK;
    }
    memcpy(n->ruleset, c->rules->key, ENG_RULESET_KEY_MAX);
    n->status = ENG_ST_ACCEPTED;
    n->received_at = c->now;
    eng_clock_start(&n->clock, r->budget_minutes, c->now);
    int64_t due =
        r->appointment != 0 ? r->appointment : eng_wt_add(c->wt, c->now, r->budget_minutes);
    n->legal_due_at = due;
    n->due_at = due;
    n->first_due_at = due;
    n->transfer_by = transfer_deadline(c, n->channel);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_CODE | ENG_FX_FORM_RECEIPT |
                    ENG_FX_NOTIFY_APPLICANT;
    t->fx->from_unit = 0;
    t->fx->from_person = 0;
    t->fx->to_unit = n->desk_unit;
    t->fx->to_person = r->actor.person;
    return MC_OK;
}

/* An internal case (hồ sơ công việc): no applicant and no desk; it starts
 * at the first step of its process with the item's time limit as the
 * budget, in the owning unit (desk_unit), under the rule set of the day. */
static enum mc_status do_open_case(struct turn *t)
{
    const struct eng_request *r = t->req;
    const struct eng_context *c = t->ctx;
    if (r->budget_minutes <= 0) {
        return mc_fail_field(t->err, MC_EINVAL, "budget_minutes",
                             "open_case: the item's time limit is required");
    }
    if (r->desk_unit == 0) {
        return mc_fail_field(t->err, MC_EINVAL, "desk_unit", "open_case: name the owning unit");
    }
    const struct eng_step *first = need_target(t);
    if (first == NULL) {
        return MC_EINVAL;
    }
    struct eng_dossier *n = t->next;
    n->channel = ENG_CHANNEL_INTERNAL;
    n->desk_unit = r->desk_unit;
    memcpy(n->ruleset, c->rules->key, ENG_RULESET_KEY_MAX);
    n->status = ENG_ST_PROCESSING;
    n->received_at = c->now;
    n->transfer_by = c->now;
    eng_clock_start(&n->clock, r->budget_minutes, c->now);
    int64_t due = eng_wt_add(c->wt, c->now, r->budget_minutes);
    n->legal_due_at = due;
    n->due_at = due;
    n->first_due_at = due;
    n->path_len = 0;
    enter_step(t, first);
    t->fx->from_unit = r->desk_unit;
    t->fx->from_person = r->actor.person;
    t->fx->step_verdict = ENG_VERDICT_ON_TIME;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_CODE;
    return MC_OK;
}

static enum mc_status do_refuse_receipt(struct turn *t)
{
    enum mc_status rc = need_reason(t);
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_dossier *n = t->next;
    if (t->cur->status == ENG_ST_NONE) {
        n->desk_unit = t->req->desk_unit;
        n->channel = t->req->channel == ENG_CHANNEL_POST ? ENG_CHANNEL_POST : ENG_CHANNEL_DESK;
    }
    n->status = ENG_ST_NOT_ACCEPTED;
    n->stage = ENG_STAGE_NONE;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FORM_REFUSAL |
                    ENG_FX_NOTIFY_APPLICANT | ENG_FX_FINISHED;
    from_here(t);
    t->fx->to_unit = 0;
    t->fx->to_person = 0;
    return MC_OK;
}

static enum mc_status do_desk_supplement(struct turn *t)
{
    enum mc_status rc = need_missing(t);
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_dossier *n = t->next;
    if (t->cur->status == ENG_ST_NONE) {
        /* A paper dossier found incomplete at the counter gets guidance
         * (Mẫu 02) and no record, no code (Điều 17.1). */
        t->fx->flags |= ENG_FX_FORM_SUPPLEMENT;
        return MC_OK;
    }
    n->status = ENG_ST_SUPPLEMENT;
    n->stage = ENG_STAGE_DESK_SUPPLEMENT;
    n->desk_supplements++;
    t->fx->flags |=
        ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FORM_SUPPLEMENT | ENG_FX_NOTIFY_APPLICANT;
    from_here(t);
    t->fx->to_unit = 0;
    t->fx->to_person = 0;
    return MC_OK;
}

static enum mc_status do_transfer(struct turn *t)
{
    const struct eng_step *first = need_target(t);
    if (first == NULL) {
        return MC_EINVAL;
    }
    struct eng_dossier *n = t->next;
    from_here(t);
    n->status = ENG_ST_PROCESSING;
    n->path_len = 0;
    enter_step(t, first);
    t->fx->step_verdict = t->ctx->now <= n->transfer_by ? ENG_VERDICT_ON_TIME : ENG_VERDICT_LATE;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

static enum mc_status do_assign(struct turn *t)
{
    if (t->req->assignee <= 0) {
        return mc_fail_field(t->err, MC_EINVAL, "assignee", "assign: name the officer");
    }
    from_here(t);
    t->next->holder = t->req->assignee;
    t->fx->to_unit = t->next->step_unit;
    t->fx->to_person = t->req->assignee;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

/* Forward from a parallel split, or to a parallel option of an exclusive
 * step: every step of `keys` starts as a branch with its own clock and
 * queue; the dossier's current step mirrors the first. */
static enum mc_status start_branches(struct turn *t, const char (*keys)[ENG_KEY_MAX], size_t nkeys)
{
    const struct eng_context *c = t->ctx;
    const struct eng_step *s = c->step;
    struct eng_dossier *n = t->next;
    if (nkeys > ENG_BRANCH_MAX) {
        return mc_fail(t->err, MC_ELIMIT, "more than %d parallel branches", ENG_BRANCH_MAX);
    }
    const struct eng_step *starts[ENG_BRANCH_MAX];
    for (size_t k = 0; k < nkeys; k++) {
        starts[k] = step_named(c->steps, c->n_steps, keys[k]);
        if (starts[k] == NULL || starts[k]->role == ROLE_CONTROL) {
            return mc_fail(t->err, MC_EINTERNAL, "parallel split %s: branch step %s unknown",
                           s->key, keys[k]);
        }
    }
    const struct eng_step *join = join_of(c, keys[0]);
    if (join == NULL) {
        return mc_fail(t->err, MC_EINTERNAL, "parallel split %s: no join step", s->key);
    }
    if (n->path_len >= ENG_PATH_MAX) {
        return mc_fail(t->err, MC_ELIMIT, "more than %d steps deep", ENG_PATH_MAX);
    }
    from_here(t);
    settle_consults(t);
    leave_step(t);
    memcpy(n->path[n->path_len++], n->step, ENG_KEY_MAX);
    memset(n->branches, 0, sizeof(n->branches));
    for (size_t k = 0; k < nkeys; k++) {
        struct eng_branch *b = &n->branches[k];
        memcpy(b->step, starts[k]->key, ENG_KEY_MAX);
        b->step[ENG_KEY_MAX - 1] = '\0';
        b->role = starts[k]->role;
        b->unit = starts[k]->unit;
        eng_clock_start(&b->clock, starts[k]->allot_minutes, c->now);
        t->fx->started[k] = starts[k]->unit;
    }
    n->n_branches = nkeys;
    t->fx->n_started = nkeys;
    memcpy(n->join, join->key, ENG_KEY_MAX);
    enter_step(t, starts[0]);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

/* Forward to a step of parallel option g of the current step: the whole
 * option opens (any of its steps names it; the form offers the first). */
static enum mc_status open_option(struct turn *t, unsigned g)
{
    const struct eng_step *s = t->ctx->step;
    char keys[ENG_BRANCH_MAX][ENG_KEY_MAX];
    size_t nkeys = 0;
    for (size_t k = 0; k < s->n_next && k < ENG_NEXT_MAX && nkeys < ENG_BRANCH_MAX; k++) {
        if (s->option[k] == g) {
            memcpy(keys[nkeys++], s->next[k], ENG_KEY_MAX);
        }
    }
    if (nkeys < 2) {
        return mc_fail(t->err, MC_EINTERNAL, "step %s: parallel option %u has fewer than two steps",
                       s->key, g);
    }
    return start_branches(t, (const char(*)[ENG_KEY_MAX])keys, nkeys);
}

static enum mc_status move_forward(struct turn *t)
{
    const struct eng_step *s = t->ctx->step;
    if (s->parallel && s->n_next >= 2 && t->cur->n_branches == 0) {
        return start_branches(t, (const char(*)[ENG_KEY_MAX])s->next,
                              s->n_next < ENG_NEXT_MAX ? s->n_next : ENG_NEXT_MAX);
    }
    const struct eng_step *to = need_target(t);
    if (to == NULL) {
        return MC_EINVAL;
    }
    if (!is_next_of(s, to->key)) {
        return mc_fail_field(t->err, MC_EINVAL, "target", "step %s does not lead to %s", s->key,
                             to->key);
    }
    unsigned g = option_of(s, to->key);
    if (g > 0 && t->cur->n_branches == 0) {
        return open_option(t, g);
    }
    struct eng_dossier *n = t->next;
    if (n->n_branches > 0 && strcmp(to->key, n->join) == 0) {
        /* This branch is done; the join starts with the last one (fold). */
        from_here(t);
        leave_step(t);
        t->branch_done = true;
        t->fx->to_unit = to->unit;
        t->fx->to_person = 0;
        t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
        return MC_OK;
    }
    if (n->path_len >= ENG_PATH_MAX) {
        return mc_fail(t->err, MC_ELIMIT, "more than %d steps deep", ENG_PATH_MAX);
    }
    from_here(t);
    settle_consults(t);
    leave_step(t);
    memcpy(n->path[n->path_len++], n->step, ENG_KEY_MAX);
    enter_step(t, to);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

static enum mc_status do_forward(struct turn *t)
{
    if (t->ctx->step->requires_signature) {
        enum mc_status rc = need_signature(t);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return move_forward(t);
}

static enum mc_status do_return_prev(struct turn *t)
{
    const struct eng_step *s = t->ctx->step;
    struct eng_dossier *n = t->next;
    if (!s->may_return) {
        return mc_fail(t->err, MC_ECONFLICT, "return_previous: step %s does not allow returning",
                       s->key);
    }
    if (n->n_branches > 0) {
        /* Inside a branch the previous step is the one leading to this
         * one; the branch's first step has none (its split opened it). */
        const struct eng_step *p = eng_branch_prev(t->ctx->steps, t->ctx->n_steps, s->key);
        if (p == NULL) {
            return mc_fail(t->err, MC_ECONFLICT,
                           "return_previous: step %s starts a parallel branch; a return stays "
                           "inside its branch",
                           s->key);
        }
        const struct eng_step *to = need_target(t);
        if (to == NULL) {
            return MC_EINVAL;
        }
        if (strcmp(p->key, to->key) != 0) {
            return mc_fail_field(t->err, MC_EINVAL, "target", "the previous step is %s, not %s",
                                 p->key, to->key);
        }
        from_here(t);
        leave_step(t);
        enter_step(t, to);
        t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
        return MC_OK;
    }
    if (n->path_len == 0) {
        return mc_fail(t->err, MC_ECONFLICT, "return_previous: step %s is the first step", s->key);
    }
    const struct eng_step *to = need_target(t);
    if (to == NULL) {
        return MC_EINVAL;
    }
    const char *prev = n->path[n->path_len - 1];
    if (strcmp(prev, to->key) != 0) {
        return mc_fail_field(t->err, MC_EINVAL, "target", "the previous step is %s, not %s", prev,
                             to->key);
    }
    from_here(t);
    settle_consults(t);
    leave_step(t);
    n->path_len--;
    enter_step(t, to);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

static enum mc_status do_consult(struct turn *t)
{
    const struct eng_request *r = t->req;
    if (r->n_consults == 0 || r->n_consults > ENG_CONSULT_MAX) {
        return mc_fail_field(t->err, MC_EINVAL, "consults", "consult: name 1–%d units",
                             ENG_CONSULT_MAX);
    }
    struct eng_dossier *n = t->next;
    settle_consults(t);
    for (size_t i = 0; i < r->n_consults; i++) {
        const struct eng_consult_req *q = &r->consults[i];
        if (q->unit <= 0 || q->allot_minutes <= 0) {
            return mc_fail_field(t->err, MC_EINVAL, "consults",
                                 "consult %zu: a unit and a positive deadline", i + 1);
        }
        for (size_t j = 0; j < i; j++) {
            if (r->consults[j].unit == q->unit) {
                return mc_fail_field(t->err, MC_EINVAL, "consults", "unit %lld named twice",
                                     (long long)q->unit);
            }
        }
        n->consults[i] = (struct eng_consult){
            .unit = q->unit,
            .deadline = eng_wt_add(t->ctx->wt, t->ctx->now, q->allot_minutes),
        };
    }
    n->n_consults = r->n_consults;
    n->stage = ENG_STAGE_CONSULTING;
    from_here(t);
    t->fx->to_unit = r->consults[0].unit;
    t->fx->to_person = 0;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

static enum mc_status do_consult_answer(struct turn *t)
{
    struct eng_dossier *n = t->next;
    struct eng_consult *q = NULL;
    for (size_t i = 0; i < n->n_consults; i++) {
        if (n->consults[i].unit == t->req->consult_unit && n->consults[i].answered_at == 0) {
            q = &n->consults[i];
        }
    }
    if (q == NULL) {
        return mc_fail_field(t->err, MC_ECONFLICT, "consult_unit",
                             "consult_answer: unit %lld has no open consultation",
                             (long long)t->req->consult_unit);
    }
    /* A late answer is still taken: the lead unit decides with it. */
    q->answered_at = t->ctx->now;
    t->fx->step_verdict = t->ctx->now <= q->deadline ? ENG_VERDICT_ON_TIME : ENG_VERDICT_LATE;
    bool all = true;
    for (size_t i = 0; i < n->n_consults; i++) {
        all = all && n->consults[i].answered_at != 0;
    }
    if (all) {
        n->stage = ENG_STAGE_IN_STEP;
    }
    t->fx->from_unit = q->unit;
    t->fx->from_person = t->req->actor.person;
    t->fx->to_unit = n->step_unit;
    t->fx->to_person = n->holder;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

static enum mc_status do_send_other_agency(struct turn *t)
{
    const struct eng_request *r = t->req;
    if (r->agency == NULL || !core_agency_code_ok(r->agency)) {
        return mc_fail_field(t->err, MC_EINVAL, "agency",
                             "send_other_agency: a QCVN 102 agency code is required");
    }
    if (r->agency_minutes <= 0) {
        return mc_fail_field(t->err, MC_EINVAL, "agency_minutes",
                             "send_other_agency: the other agency's time allotment is required");
    }
    struct eng_dossier *n = t->next;
    from_here(t);
    settle_consults(t);
    size_t len = strlen(r->agency);
    memcpy(n->other_agency, r->agency, len + 1);
    n->other_agency_due = eng_wt_add(t->ctx->wt, t->ctx->now, r->agency_minutes);
    n->stage = ENG_STAGE_OTHER_AGENCY;
    /* The step waits for the other agency: its own allotment pauses; the
     * dossier's legal time keeps running (the limit covers every agency). */
    eng_clock_pause(&n->step_clock, t->ctx->now, t->ctx->wt);
    t->fx->to_unit = 0;
    t->fx->to_person = 0;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

static enum mc_status do_back_from_agency(struct turn *t)
{
    struct eng_dossier *n = t->next;
    t->fx->step_verdict =
        t->ctx->now <= n->other_agency_due ? ENG_VERDICT_ON_TIME : ENG_VERDICT_LATE;
    n->stage = ENG_STAGE_IN_STEP;
    eng_clock_resume(&n->step_clock, t->ctx->now, t->ctx->wt);
    t->fx->from_unit = 0;
    t->fx->from_person = 0;
    t->fx->to_unit = n->step_unit;
    t->fx->to_person = n->holder;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

static enum mc_status do_request_supplement(struct turn *t)
{
    enum mc_status rc = need_missing(t);
    if (rc != MC_OK) {
        return rc;
    }
    const struct eng_context *c = t->ctx;
    struct eng_dossier *n = t->next;
    int window = c->rules->supplement_window_days;
    if (window > 0) {
        int64_t passed = eng_wt_between(c->wt, n->received_at, c->now);
        if (passed > (int64_t)window * ENG_WORKDAY_MINUTES) {
            return mc_fail(t->err, MC_ECONFLICT,
                           "request_supplement: allowed only within %d working days of receipt "
                           "(NĐ 61 Điều 19.4); %lld working minutes have passed",
                           window, (long long)passed);
        }
    }
    from_here(t);
    settle_consults(t);
    n->status = ENG_ST_SUPPLEMENT;
    n->stage = ENG_STAGE_STEP_SUPPLEMENT;
    n->supplement_requests++;
    n->supplement_since = c->now;
    eng_clock_pause(&n->clock, c->now, c->wt);
    eng_clock_pause(&n->step_clock, c->now, c->wt);
    to_desk(t);
    t->fx->flags |=
        ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FORM_SUPPLEMENT | ENG_FX_NOTIFY_APPLICANT;
    return MC_OK;
}

static enum mc_status do_supplement_received(struct turn *t)
{
    const struct eng_context *c = t->ctx;
    struct eng_dossier *n = t->next;
    from_here(t);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    if (n->stage == ENG_STAGE_DESK_SUPPLEMENT) {
        /* The online dossier is complete again; the desk examines it anew. */
        n->status = ENG_ST_NEW;
        n->stage = ENG_STAGE_NONE;
        to_desk(t);
        return MC_OK;
    }
    if (c->now > n->supplement_since) {
        n->supplement_wait += c->now - n->supplement_since;
    }
    n->supplement_since = 0;
    n->status = ENG_ST_PROCESSING;
    n->stage = ENG_STAGE_IN_STEP;
    if (c->rules->supplement_clock == ENG_SUPPLEMENT_RESTART) {
        eng_clock_restart(&n->clock, c->now, c->wt);
        t->fx->flags |= ENG_FX_CLOCK_RESTARTED;
    } else {
        eng_clock_resume(&n->clock, c->now, c->wt);
    }
    eng_clock_resume(&n->step_clock, c->now, c->wt);
    reset_due(n, eng_clock_due_from(&n->clock, c->now, c->wt));
    t->fx->to_unit = n->step_unit;
    t->fx->to_person = n->holder;
    t->fx->flags |= ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

static enum mc_status do_request_payment(struct turn *t)
{
    struct eng_dossier *n = t->next;
    from_here(t);
    settle_consults(t);
    n->status = ENG_ST_FINANCIAL;
    eng_clock_pause(&n->clock, t->ctx->now, t->ctx->wt);
    eng_clock_pause(&n->step_clock, t->ctx->now, t->ctx->wt);
    to_desk(t);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_APPLICANT;
    return MC_OK;
}

static enum mc_status do_paid(struct turn *t)
{
    struct eng_dossier *n = t->next;
    from_here(t);
    n->status = ENG_ST_PROCESSING;
    eng_clock_resume(&n->clock, t->ctx->now, t->ctx->wt);
    eng_clock_resume(&n->step_clock, t->ctx->now, t->ctx->wt);
    reset_due(n, eng_clock_due_from(&n->clock, t->ctx->now, t->ctx->wt));
    t->fx->to_unit = n->step_unit;
    t->fx->to_person = n->holder;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_HOLDER;
    return MC_OK;
}

static void result_to_desk(struct turn *t)
{
    struct eng_dossier *n = t->next;
    leave_step(t);
    n->status = ENG_ST_DONE;
    n->stage = ENG_STAGE_AT_DESK;
    finish(t);
    to_desk(t);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_NOTIFY_APPLICANT;
}

static enum mc_status do_approve(struct turn *t)
{
    const struct eng_step *s = t->ctx->step;
    if (!s->requires_signature) {
        return mc_fail(t->err, MC_ECONFLICT, "approve: step %s is not a signing step", s->key);
    }
    enum mc_status rc = need_signature(t);
    if (rc != MC_OK) {
        return rc;
    }
    t->next->approved = true;
    if (s->n_next > 0) {
        return move_forward(t);
    }
    from_here(t);
    settle_consults(t);
    result_to_desk(t);
    return MC_OK;
}

static enum mc_status do_refuse(struct turn *t)
{
    const struct eng_step *s = t->ctx->step;
    if (!s->requires_signature) {
        return mc_fail(t->err, MC_ECONFLICT,
                       "refuse: a refusal is decided at a signing step, not at %s", s->key);
    }
    enum mc_status rc = need_signature(t);
    if (rc == MC_OK) {
        rc = need_reason(t);
    }
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_dossier *n = t->next;
    from_here(t);
    settle_consults(t);
    leave_step(t);
    n->status = ENG_ST_STOPPED;
    n->stage = ENG_STAGE_NONE;
    finish(t);
    to_desk(t);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FORM_REFUSAL | ENG_FX_NOTIFY_APPLICANT;
    return MC_OK;
}

static enum mc_status do_result_ready(struct turn *t)
{
    if (!t->cur->approved) {
        return mc_fail(t->err, MC_ECONFLICT, "result_ready: the result has not been approved");
    }
    from_here(t);
    settle_consults(t);
    result_to_desk(t);
    return MC_OK;
}

static enum mc_status do_return_result(struct turn *t)
{
    struct eng_dossier *n = t->next;
    from_here(t);
    n->status = ENG_ST_RETURNED;
    n->stage = ENG_STAGE_NONE;
    t->fx->to_unit = 0;
    t->fx->to_person = 0;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER;
    return MC_OK;
}

static enum mc_status do_withdraw(struct turn *t)
{
    struct eng_dossier *n = t->next;
    from_here(t);
    n->status = ENG_ST_WITHDRAWN;
    n->stage = ENG_STAGE_NONE;
    eng_clock_stop(&n->clock, t->ctx->now, t->ctx->wt);
    eng_clock_stop(&n->step_clock, t->ctx->now, t->ctx->wt);
    /* Withdrawn inside a parallel block: every branch stops there. */
    for (size_t i = 0; i < n->n_branches; i++) {
        eng_clock_stop(&n->branches[i].clock, t->ctx->now, t->ctx->wt);
        n->branches[i].done = true;
    }
    t->fx->to_unit = 0;
    t->fx->to_person = 0;
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FINISHED;
    return MC_OK;
}

static enum mc_status do_apologize(struct turn *t)
{
    const struct eng_context *c = t->ctx;
    const struct eng_request *r = t->req;
    struct eng_dossier *n = t->next;
    if (n->apologies >= c->rules->max_apologies) {
        return mc_fail(t->err, MC_ECONFLICT,
                       "apologize: a new appointment was already given once; NĐ 61 Điều 19.9 "
                       "allows it only once (không quá một lần)");
    }
    enum mc_status rc = need_reason(t);
    if (rc != MC_OK) {
        return rc;
    }
    if (r->new_due_at <= n->due_at) {
        return mc_fail_field(t->err, MC_EINVAL, "new_due_at",
                             "apologize: the new appointment must be after the current one");
    }
    int64_t left = eng_wt_between(c->wt, c->now, n->due_at);
    if (left < c->rules->apology_lead_minutes) {
        return mc_fail(t->err, MC_ECONFLICT,
                       "apologize: too late; the apology is due no later than %lld working "
                       "minutes before the due time (NĐ 61 Điều 19.9), %lld remain",
                       (long long)c->rules->apology_lead_minutes, (long long)left);
    }
    from_here(t);
    n->apologies++;
    n->apology_at = c->now;
    n->due_at = r->new_due_at;
    to_desk(t);
    t->fx->flags |= ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_FORM_APOLOGY | ENG_FX_NOTIFY_APPLICANT;
    return MC_OK;
}

static enum mc_status apply(struct turn *t)
{
    switch (t->req->action) {
    case ENG_ACT_SUBMIT_ONLINE:
        return do_submit(t);
    case ENG_ACT_RECEIVE:
    case ENG_ACT_ACCEPT:
        return do_receive(t);
    case ENG_ACT_REFUSE_RECEIPT:
        return do_refuse_receipt(t);
    case ENG_ACT_DESK_SUPPLEMENT:
        return do_desk_supplement(t);
    case ENG_ACT_TRANSFER:
        return do_transfer(t);
    case ENG_ACT_ASSIGN:
        return do_assign(t);
    case ENG_ACT_FORWARD:
        return do_forward(t);
    case ENG_ACT_RETURN_PREV:
        return do_return_prev(t);
    case ENG_ACT_CONSULT:
        return do_consult(t);
    case ENG_ACT_CONSULT_ANSWER:
        return do_consult_answer(t);
    case ENG_ACT_SEND_OTHER_AGENCY:
        return do_send_other_agency(t);
    case ENG_ACT_BACK_FROM_AGENCY:
        return do_back_from_agency(t);
    case ENG_ACT_REQUEST_SUPPLEMENT:
        return do_request_supplement(t);
    case ENG_ACT_SUPPLEMENT_RECEIVED:
        return do_supplement_received(t);
    case ENG_ACT_REQUEST_PAYMENT:
        return do_request_payment(t);
    case ENG_ACT_PAID:
        return do_paid(t);
    case ENG_ACT_APPROVE:
        return do_approve(t);
    case ENG_ACT_REFUSE:
        return do_refuse(t);
    case ENG_ACT_RESULT_READY:
        return do_result_ready(t);
    case ENG_ACT_RETURN_RESULT:
        return do_return_result(t);
    case ENG_ACT_WITHDRAW:
        return do_withdraw(t);
    case ENG_ACT_APOLOGIZE:
        return do_apologize(t);
    case ENG_ACT_OPEN_CASE:
        return do_open_case(t);
    }
    return mc_fail(t->err, MC_EINVAL, "unknown action");
}

/* After an action on branch bi (decided on the branch's view): the branch
 * takes the view's step fields back; the dossier's current step mirrors
 * the first open branch again, or, when the last branch reached the join,
 * the join step starts and the block closes. */
static void fold_branch(const struct eng_dossier *cur, size_t bi, bool done,
                        const struct eng_context *ctx, struct eng_dossier *n,
                        struct eng_effects *fx)
{
    struct eng_branch *b = &n->branches[bi];
    memcpy(fx->step_from, cur->branches[bi].step, ENG_KEY_MAX);
    /* A branch has no path of its own (its previous step is the one that
     * leads to it): the dossier's path stays what it was at the split. */
    memcpy(n->path, cur->path, sizeof(n->path));
    n->path_len = cur->path_len;
    if (done) {
        b->done = true;
        b->clock = n->step_clock;
        memcpy(fx->step_to, n->join, ENG_KEY_MAX);
    } else {
        if (strcmp(b->step, n->step) != 0 && ctx->target != NULL) {
            b->role = ctx->target->role;
        }
        memcpy(b->step, n->step, ENG_KEY_MAX);
        b->unit = n->step_unit;
        b->holder = n->holder;
        b->clock = n->step_clock;
        memcpy(fx->step_to, n->step, ENG_KEY_MAX);
    }
    size_t open = 0;
    while (open < n->n_branches && n->branches[open].done) {
        open++;
    }
    if (open == n->n_branches) {
        /* The last branch is in: the join step starts (ctx->target is the
         * join: a branch is done only by forwarding to it). */
        const struct eng_step *j = ctx->target;
        memcpy(n->step, j->key, ENG_KEY_MAX);
        n->step_unit = j->unit;
        n->holder = 0;
        n->stage = ENG_STAGE_IN_STEP;
        eng_clock_start(&n->step_clock, j->allot_minutes, ctx->now);
        memset(n->branches, 0, sizeof(n->branches));
        n->n_branches = 0;
        memset(n->join, 0, sizeof(n->join));
        fx->flags |= ENG_FX_STEP_CHANGED | ENG_FX_NOTIFY_HOLDER;
        return;
    }
    const struct eng_branch *r = &n->branches[open];
    memcpy(n->step, r->step, ENG_KEY_MAX);
    n->step_unit = r->unit;
    n->holder = r->holder;
    n->step_clock = r->clock;
    /* The step clock row follows the first open branch: its fired rungs
     * start again only when that is another step. */
    if (strcmp(cur->step, n->step) != 0) {
        fx->flags |= ENG_FX_STEP_CHANGED;
    } else {
        fx->flags &= ~(unsigned)ENG_FX_STEP_CHANGED;
    }
}

enum mc_status eng_decide(const struct eng_dossier *cur, const struct eng_request *req,
                          const struct eng_context *ctx, struct eng_dossier *next,
                          struct eng_effects *fx, struct mc_err *err)
{
    MC_ASSERT(cur != next);
    *next = *cur;
    memset(fx, 0, sizeof(*fx));
    if (ctx->rules == NULL || ctx->wt == NULL) {
        return mc_fail(err, MC_EINTERNAL, "decide: no rule set or calendar");
    }
    /* Inside a parallel block, a branch action is decided on the view of
     * its branch, then folded back. */
    struct eng_dossier view;
    const struct eng_dossier *base = cur;
    int bi = -1;
    if (cur->n_branches > 0 && branch_action(req->action) && ctx->step != NULL) {
        bi = eng_branch_find(cur, ctx->step->key);
        if (bi >= 0) {
            view = *cur;
            load_branch(&view, (size_t)bi);
            base = &view;
            *next = view;
        }
    }
    enum mc_status rc = check_all(base, req->action, &req->actor, desk_of(cur, req->desk_unit),
                                  req->consult_unit, ctx, err);
    if (rc == MC_OK) {
        struct turn t = { base, req, ctx, next, fx, err, false };
        rc = apply(&t);
        if (rc == MC_OK && bi >= 0) {
            fold_branch(cur, (size_t)bi, t.branch_done, ctx, next, fx);
        }
    }
    if (rc != MC_OK) {
        *next = *cur;
        memset(fx, 0, sizeof(*fx));
    }
    return rc;
}

void eng_dossier_766(const struct eng_dossier *d, const struct eng_ruleset *rules,
                     int64_t period_end, struct eng_766_input *out)
{
    *out = (struct eng_766_input){
        .appointment = d->first_due_at,
        .finished_at = d->finished_at,
        .supplement_requests = d->supplement_requests,
        .supplement_pending_since = d->supplement_since,
        .supplement_wait = d->supplement_wait,
        .period_end = period_end,
        .max_requests_on_time = rules->max_supplement_requests_on_time,
    };
}
