/* Unit tests for the parallel blocks of src/core/dossier_rules: a parallel
 * split starts every branch with its own step, holder and clock; branches
 * move independently; return stays inside a branch; actions that decide or
 * pause the whole dossier wait for the join; the join starts when the last
 * branch is in; the state blob keeps an open block. "Choose, then run in
 * parallel": an exclusive choice whose option opens a block, and whose
 * other option is the block's join. Fake calendar as in
 * test_dossier_rules.c. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "core/dossier_rules.h"
#include "fake_worktime.h"
#include "store/store_dossier.h"

enum { DESK = 5, DIRECTORATE = 1, UNIT = 10, UNIT_B = 20, UNIT_C = 30 };

/* Appraisal in UNIT, then two opinions in parallel: UNIT_B (a specialist,
 * then its head) and UNIT_C (its head); UNIT sums up, the deputy signs. */
static const struct eng_step steps[] = {
    { .key = "phan_cong",
      .role = ROLE_HEAD,
      .unit = UNIT,
      .allot_minutes = 240,
      .next = { "tham_dinh" },
      .n_next = 1 },
    { .key = "tham_dinh",
      .role = ROLE_SPECIALIST,
      .unit = UNIT,
      .allot_minutes = 480,
      .next = { "y_kien_b", "y_kien_c" },
      .n_next = 2,
      .parallel = true },
    { .key = "y_kien_b",
      .role = ROLE_SPECIALIST,
      .unit = UNIT_B,
      .allot_minutes = 480,
      .may_return = true,
      .next = { "kiem_tra_b" },
      .n_next = 1 },
    { .key = "kiem_tra_b",
      .role = ROLE_HEAD,
      .unit = UNIT_B,
      .allot_minutes = 120,
      .may_return = true,
      .next = { "tong_hop" },
      .n_next = 1 },
    { .key = "y_kien_c",
      .role = ROLE_HEAD,
      .unit = UNIT_C,
      .allot_minutes = 960,
      .next = { "tong_hop" },
      .n_next = 1 },
    { .key = "tong_hop",
      .role = ROLE_HEAD,
      .unit = UNIT,
      .allot_minutes = 240,
      .may_return = true,
      .next = { "phe_duyet" },
      .n_next = 1 },
    { .key = "phe_duyet",
      .role = ROLE_DEPUTY_DIRECTOR,
      .unit = DIRECTORATE,
      .allot_minutes = 240,
      .requires_signature = true },
};
#define N_STEPS (sizeof(steps) / sizeof(steps[0]))

/* Choose, then run in parallel: after the appraisal the specialist forwards
 * either straight to signature or to the head, who opens the consultation
 * of UNIT_B and UNIT_C; the branches join at the signature, which is thus
 * also the other option. */
static const struct eng_step choice_steps[] = {
    { .key = "phan_cong",
      .role = ROLE_HEAD,
      .unit = UNIT,
      .allot_minutes = 240,
      .next = { "tham_dinh" },
      .n_next = 1 },
    { .key = "tham_dinh",
      .role = ROLE_SPECIALIST,
      .unit = UNIT,
      .allot_minutes = 480,
      .next = { "phe_duyet", "lay_y_kien" },
      .n_next = 2 },
    { .key = "lay_y_kien",
      .role = ROLE_HEAD,
      .unit = UNIT,
      .allot_minutes = 120,
      .next = { "y_kien_b", "y_kien_c" },
      .n_next = 2,
      .parallel = true },
    { .key = "y_kien_b",
      .role = ROLE_SPECIALIST,
      .unit = UNIT_B,
      .allot_minutes = 480,
      .may_return = true,
      .next = { "kiem_tra_b" },
      .n_next = 1 },
    { .key = "kiem_tra_b",
      .role = ROLE_HEAD,
      .unit = UNIT_B,
      .allot_minutes = 120,
      .may_return = true,
      .next = { "phe_duyet" },
      .n_next = 1 },
    { .key = "y_kien_c",
      .role = ROLE_HEAD,
      .unit = UNIT_C,
      .allot_minutes = 960,
      .next = { "phe_duyet" },
      .n_next = 1 },
    { .key = "phe_duyet",
      .role = ROLE_DEPUTY_DIRECTOR,
      .unit = DIRECTORATE,
      .allot_minutes = 240,
      .requires_signature = true },
};

/* Choose, then run in parallel as bpmn.io draws it (an exclusive gateway
 * straight into a parallel gateway): after the appraisal the specialist
 * either forwards to signature or chooses the parallel option, which
 * starts the opinions of UNIT_B and UNIT_C at once; they join at the
 * signature, the other option. */
static const struct eng_step option_steps[] = {
    { .key = "phan_cong",
      .role = ROLE_HEAD,
      .unit = UNIT,
      .allot_minutes = 240,
      .next = { "tham_dinh" },
      .n_next = 1 },
    { .key = "tham_dinh",
      .role = ROLE_SPECIALIST,
      .unit = UNIT,
      .allot_minutes = 480,
      .may_return = true,
      .next = { "phe_duyet", "y_kien_b", "y_kien_c" },
      .n_next = 3,
      .option = { 0, 1, 1 } },
    { .key = "y_kien_b",
      .role = ROLE_SPECIALIST,
      .unit = UNIT_B,
      .allot_minutes = 480,
      .may_return = true,
      .next = { "kiem_tra_b" },
      .n_next = 1 },
    { .key = "kiem_tra_b",
      .role = ROLE_HEAD,
      .unit = UNIT_B,
      .allot_minutes = 120,
      .may_return = true,
      .next = { "phe_duyet" },
      .n_next = 1 },
    { .key = "y_kien_c",
      .role = ROLE_HEAD,
      .unit = UNIT_C,
      .allot_minutes = 960,
      .next = { "phe_duyet" },
      .n_next = 1 },
    { .key = "phe_duyet",
      .role = ROLE_DEPUTY_DIRECTOR,
      .unit = DIRECTORATE,
      .allot_minutes = 240,
      .may_return = true,
      .requires_signature = true },
};

/* The process the simulation runs (steps unless a test says otherwise). */
static const struct eng_step *proc = steps;
static size_t n_proc = N_STEPS;

static const struct eng_step *step_named(const char *key)
{
    for (size_t i = 0; key && i < n_proc; i++) {
        if (strcmp(proc[i].key, key) == 0) {
            return &proc[i];
        }
    }
    return NULL;
}

static const struct eng_actor reception = { ENG_ACTOR_STAFF, 50, { { ROLE_RECEPTION, DESK } }, 1 };
static const struct eng_actor head = { ENG_ACTOR_STAFF, 11, { { ROLE_HEAD, UNIT } }, 1 };
static const struct eng_actor spec = { ENG_ACTOR_STAFF, 12, { { ROLE_SPECIALIST, UNIT } }, 1 };
static const struct eng_actor spec_b = { ENG_ACTOR_STAFF, 32, { { ROLE_SPECIALIST, UNIT_B } }, 1 };
static const struct eng_actor head_b = { ENG_ACTOR_STAFF, 31, { { ROLE_HEAD, UNIT_B } }, 1 };
static const struct eng_actor head_c = { ENG_ACTOR_STAFF, 41, { { ROLE_HEAD, UNIT_C } }, 1 };
static const struct eng_actor deputy = {
    ENG_ACTOR_STAFF, 2, { { ROLE_DEPUTY_DIRECTOR, DIRECTORATE } }, 1
};

struct sim {
    struct eng_dossier d;
    struct eng_worktime wt;
    const struct eng_ruleset *rules;
    int64_t now;
    struct eng_effects fx;
    struct mc_err err;
};

/* Act as `who` on the step `at` (the branch; NULL: what the engine would
 * pick for this actor) towards `target`. */
static enum mc_status act(struct sim *s, enum eng_action a, const struct eng_actor *who,
                          const char *at, const char *target, int64_t assignee)
{
    const char *key = at ? at : eng_branch_for(&s->d, who);
    struct eng_context ctx = {
        .now = s->now,
        .rules = s->rules,
        .wt = &s->wt,
        .step = s->d.status == ENG_ST_PROCESSING ? step_named(key) : NULL,
        .target = step_named(target),
        .steps = proc,
        .n_steps = n_proc,
    };
    static const char *const missing[] = { "Bản vẽ" };
    struct eng_request r = {
        .action = a,
        .actor = *who,
        .channel = ENG_CHANNEL_DESK,
        .desk_unit = DESK,
        .budget_minutes = 10 * 480,
        .reason = "lý do",
        .missing = missing,
        .n_missing = 1,
        .assignee = assignee,
        .signature = true,
    };
    struct eng_dossier next;
    memset(&s->err, 0, sizeof(s->err));
    enum mc_status rc = eng_decide(&s->d, &r, &ctx, &next, &s->fx, &s->err);
    if (rc == MC_OK) {
        s->d = next;
    } else {
        assert_memory_equal(&next, &s->d, sizeof(next));
        assert_int_equal(s->fx.flags, 0);
    }
    return rc;
}

static void pass(struct sim *s, int64_t minutes)
{
    s->now = eng_wt_add(&s->wt, s->now, minutes);
}

/* Received, transferred, assigned and appraised up to the split. */
static void to_split(struct sim *s)
{
    memset(s, 0, sizeof(*s));
    eng_dossier_init(&s->d);
    s->wt = fake_worktime();
    s->rules = eng_ruleset_find("nd61-2018");
    s->now = vn(2026, 10, 5, 9, 0);
    assert_int_equal(act(s, ENG_ACT_RECEIVE, &reception, NULL, NULL, 0), MC_OK);
    assert_int_equal(act(s, ENG_ACT_TRANSFER, &reception, NULL, "phan_cong", 0), MC_OK);
    assert_int_equal(act(s, ENG_ACT_FORWARD, &head, NULL, "tham_dinh", 0), MC_OK);
    pass(s, 60);
}

static void split_runs_branches_and_join_waits_for_the_last(void **state)
{
    (void)state;
    struct sim s;
    to_split(&s);
    /* Forward from the split names no target: every branch starts. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.n_branches, 2);
    assert_string_equal(s.d.join, "tong_hop");
    assert_string_equal(s.d.branches[0].step, "y_kien_b");
    assert_string_equal(s.d.branches[1].step, "y_kien_c");
    assert_int_equal(s.d.branches[0].unit, UNIT_B);
    assert_int_equal(s.d.branches[1].clock.state, ENG_CLOCK_RUNNING);
    assert_int_equal(s.d.branches[1].clock.budget, 960);
    assert_int_equal(s.fx.n_started, 2);
    assert_int_equal(s.fx.started[1], UNIT_C);
    assert_string_equal(s.d.step, "y_kien_b"); /* mirrors the first branch */
    assert_string_equal(s.d.path[s.d.path_len - 1], "tham_dinh");
    int64_t t_split = s.now;

    /* Each unit finds its own branch. */
    assert_string_equal(eng_branch_for(&s.d, &head_c), "y_kien_c");
    assert_string_equal(eng_branch_for(&s.d, &spec_b), "y_kien_b");
    /* Both work at once: C's head takes its branch, B's specialist moves on. */
    pass(&s, 30);
    assert_int_equal(act(&s, ENG_ACT_ASSIGN, &head_c, NULL, NULL, head_c.person), MC_OK);
    assert_int_equal(s.d.branches[1].holder, head_c.person);
    assert_int_equal(s.d.holder, 0); /* the mirrored branch b is unassigned */
    assert_false(s.fx.flags & ENG_FX_STEP_CHANGED);
    /* Someone of unit B cannot act on C's branch. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, "y_kien_c", "tong_hop", 0), MC_EPERM);
    /* What decides or pauses the whole dossier waits for the join. */
    assert_int_equal(act(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec_b, NULL, NULL, 0), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "join at step tong_hop"));
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, NULL, "kiem_tra_b", 0), MC_OK);
    assert_string_equal(s.fx.step_from, "y_kien_b");
    assert_string_equal(s.fx.step_to, "kiem_tra_b");
    assert_string_equal(s.d.branches[0].step, "kiem_tra_b");
    assert_int_equal(s.d.branches[0].role, ROLE_HEAD);
    assert_string_equal(s.d.step, "kiem_tra_b");
    assert_true(s.fx.flags & ENG_FX_STEP_CHANGED);

    /* Return stays inside the branch; its first step returns nowhere. */
    assert_int_equal(act(&s, ENG_ACT_RETURN_PREV, &head_b, NULL, "y_kien_b", 0), MC_OK);
    assert_string_equal(s.d.branches[0].step, "y_kien_b");
    assert_int_equal(act(&s, ENG_ACT_RETURN_PREV, &spec_b, NULL, "tham_dinh", 0), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "starts a parallel branch"));
    assert_string_equal(s.d.path[s.d.path_len - 1], "tham_dinh"); /* the outer path kept */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, NULL, "kiem_tra_b", 0), MC_OK);

    /* C is in first: its branch is done, the dossier is still in B. */
    pass(&s, 60);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_c, NULL, "tong_hop", 0), MC_OK);
    assert_true(s.d.branches[1].done);
    assert_int_equal(s.d.branches[1].clock.state, ENG_CLOCK_STOPPED);
    assert_int_equal(s.d.branches[1].clock.consumed, s.now - t_split);
    assert_string_equal(s.fx.step_from, "y_kien_c");
    assert_string_equal(s.fx.step_to, "tong_hop");
    assert_int_equal(s.fx.to_unit, UNIT);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_EARLY);
    assert_string_equal(s.d.step, "kiem_tra_b");
    assert_int_equal(s.d.n_branches, 2);
    /* C's head can no longer act: nothing of his is open. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_c, "y_kien_c", "tong_hop", 0), MC_EINTERNAL);
    /* The join cannot be worked before B is in. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head, "tong_hop", "phe_duyet", 0), MC_EINTERNAL);

    /* B is in, late (its 120 minutes passed): the join starts. */
    pass(&s, 200);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_b, NULL, "tong_hop", 0), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_LATE);
    assert_string_equal(s.d.late_step, "kiem_tra_b");
    assert_int_equal(s.d.n_branches, 0);
    assert_string_equal(s.d.join, "");
    assert_string_equal(s.d.step, "tong_hop");
    assert_int_equal(s.d.step_unit, UNIT);
    assert_int_equal(s.d.step_clock.state, ENG_CLOCK_RUNNING);
    assert_int_equal(s.d.step_clock.budget, 240);
    assert_true(s.fx.flags & ENG_FX_STEP_CHANGED);
    assert_int_equal(s.fx.to_unit, UNIT);
    /* After the join the one-step rules apply again. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head, NULL, "phe_duyet", 0), MC_OK);
    assert_int_equal(act(&s, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_DONE);
}

static void withdrawal_inside_a_block_stops_every_branch(void **state)
{
    (void)state;
    struct sim s;
    to_split(&s);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, NULL, 0), MC_OK);
    pass(&s, 45);
    assert_int_equal(act(&s, ENG_ACT_WITHDRAW, &reception, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_WITHDRAWN);
    for (size_t i = 0; i < s.d.n_branches; i++) {
        assert_int_equal(s.d.branches[i].clock.state, ENG_CLOCK_STOPPED);
        assert_int_equal(s.d.branches[i].clock.consumed, 45);
        assert_true(s.d.branches[i].done);
    }
}

static void the_state_blob_keeps_an_open_block(void **state)
{
    (void)state;
    struct sim s;
    to_split(&s);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, NULL, 0), MC_OK);
    assert_int_equal(act(&s, ENG_ACT_ASSIGN, &head_c, NULL, NULL, head_c.person), MC_OK);
    uint8_t blob[STORE_STATE_MAX];
    size_t len = store_state_pack(&s.d, blob);
    assert_memory_equal(blob, "MCD2", 4);
    struct eng_dossier back;
    struct mc_err err;
    assert_int_equal(store_state_unpack(blob, len, &back, &err), MC_OK);
    assert_int_equal(back.n_branches, 2);
    assert_string_equal(back.join, "tong_hop");
    assert_string_equal(back.branches[1].step, "y_kien_c");
    assert_int_equal(back.branches[1].holder, head_c.person);
    assert_int_equal(back.branches[1].role, ROLE_HEAD);
    assert_memory_equal(&back.branches[0].clock, &s.d.branches[0].clock,
                        sizeof(back.branches[0].clock));
    /* A truncated block is refused, not half read. */
    assert_int_equal(store_state_unpack(blob, len - 3, &back, &err), MC_EINVAL);
    /* The largest block fits the blob bound. */
    s.d.n_branches = ENG_BRANCH_MAX;
    s.d.path_len = ENG_PATH_MAX;
    assert_true(store_state_pack(&s.d, blob) <= STORE_STATE_MAX);
}

/* xorshift: the walk is the same on every run. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15u;
static size_t pick(size_t n)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return (size_t)(rnd_state % n);
}

/* Invariants of a dossier inside or outside the block that `split` opens
 * and `join` closes. */
static void block_sane(const struct eng_dossier *d, const char *split, const char *join)
{
    assert_true(d->n_branches <= ENG_BRANCH_MAX);
    if (d->n_branches == 0) {
        assert_string_equal(d->join, "");
        return;
    }
    assert_true(d->n_branches >= 2);
    assert_string_equal(d->join, join);
    size_t open = d->n_branches;
    for (size_t i = 0; i < d->n_branches; i++) {
        const struct eng_branch *b = &d->branches[i];
        const struct eng_step *st = step_named(b->step);
        if (st == NULL) {
            fail_msg("branch step %s is not in the process", b->step);
            return;
        }
        assert_int_equal(b->unit, st->unit);
        assert_int_equal(b->role, st->role);
        assert_true(b->clock.consumed >= 0);
        if (b->done) {
            assert_int_equal(b->clock.state, ENG_CLOCK_STOPPED);
        } else if (open == d->n_branches) {
            open = i;
        }
    }
    if (eng_status_is_terminal(d->status)) {
        return;
    }
    /* Not every branch is done (then the join would have started), and the
     * dossier's step mirrors the first open one. */
    assert_true(open < d->n_branches);
    assert_string_equal(d->step, d->branches[open].step);
    assert_int_equal(d->step_unit, d->branches[open].unit);
    assert_int_equal(d->holder, d->branches[open].holder);
    assert_memory_equal(&d->step_clock, &d->branches[open].clock, sizeof(d->step_clock));
    assert_string_equal(d->path[d->path_len - 1], split);
}

/* Thousands of random actions by random people on random branches: every
 * refusal leaves the dossier unchanged (act() checks it), and the block
 * stays consistent after every success. */
static void randomised_walk_through_the_block(void **state)
{
    (void)state;
    static const struct eng_actor *const cast[] = { &reception, &head,   &spec,  &spec_b,
                                                    &head_b,    &head_c, &deputy };
    static const enum eng_action acts[] = {
        ENG_ACT_FORWARD, ENG_ACT_FORWARD,     ENG_ACT_FORWARD,
        ENG_ACT_ASSIGN,  ENG_ACT_RETURN_PREV, ENG_ACT_REQUEST_SUPPLEMENT,
        ENG_ACT_APPROVE, ENG_ACT_WITHDRAW,
    };
    size_t joined = 0, finished = 0, ok = 0;
    for (int round = 0; round < 600; round++) {
        struct sim s;
        to_split(&s);
        for (int n = 0; n < 40 && !eng_status_is_terminal(s.d.status); n++) {
            pass(&s, (int64_t)pick(90));
            const struct eng_actor *who = cast[pick(sizeof(cast) / sizeof(cast[0]))];
            enum eng_action a = acts[pick(sizeof(acts) / sizeof(acts[0]))];
            if (a == ENG_ACT_WITHDRAW && pick(8) != 0) {
                continue;
            }
            /* The step acted on: the engine's pick or any step at all. */
            const char *at = pick(3) == 0 ? steps[pick(N_STEPS)].key : NULL;
            const char *key = at ? at : eng_branch_for(&s.d, who);
            const struct eng_step *st = step_named(key);
            const char *target = NULL;
            if (a == ENG_ACT_FORWARD && st && st->n_next == 1) {
                target = st->next[0];
            } else if (a == ENG_ACT_RETURN_PREV && st) {
                const struct eng_step *p = eng_branch_prev(steps, N_STEPS, st->key);
                target = p ? p->key : "tham_dinh";
            }
            bool inside = s.d.n_branches > 0;
            if (act(&s, a, who, at, target, who->person) == MC_OK) {
                ok++;
                joined += inside && s.d.n_branches == 0 && !eng_status_is_terminal(s.d.status);
            }
            block_sane(&s.d, "tham_dinh", "tong_hop");
            assert_true(s.d.clock.consumed >= 0);
        }
        finished += eng_status_is_terminal(s.d.status);
    }
    print_message("walk: %zu accepted, %zu joins, %zu finished\n", ok, joined, finished);
    /* The walk went through joins and to the end, not only refusals. */
    assert_true(ok > 1000);
    assert_true(joined > 30);
    assert_true(finished > 10);
}

static void use_choice_process(void)
{
    proc = choice_steps;
    n_proc = sizeof(choice_steps) / sizeof(choice_steps[0]);
}

static void use_block_process(void)
{
    proc = steps;
    n_proc = N_STEPS;
}

/* Choosing the option that opens the block starts its step; forwarding from
 * there opens the branches; the other option goes straight to the join step
 * and opens nothing. */
static void choose_then_run_in_parallel(void **state)
{
    (void)state;
    use_choice_process();
    struct sim s;
    to_split(&s);
    /* The holder must choose. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, NULL, 0), MC_EINVAL);
    assert_string_equal(s.err.field, "target");
    /* Simple: straight to signature, no branch anywhere. */
    struct sim simple = s;
    assert_int_equal(act(&simple, ENG_ACT_FORWARD, &spec, NULL, "phe_duyet", 0), MC_OK);
    assert_string_equal(simple.d.step, "phe_duyet");
    assert_int_equal(simple.d.n_branches, 0);
    assert_int_equal(simple.fx.n_started, 0);
    assert_int_equal(act(&simple, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_OK);
    assert_int_equal(simple.d.status, ENG_ST_DONE);

    /* Complex: the option's step, then the block. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, "lay_y_kien", 0), MC_OK);
    assert_string_equal(s.d.step, "lay_y_kien");
    assert_int_equal(s.d.n_branches, 0);
    /* A branch step is not an option of the choice. */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, "tham_dinh", "y_kien_b", 0), MC_EINTERNAL);
    pass(&s, 30);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.n_branches, 2);
    assert_string_equal(s.d.join, "phe_duyet");
    assert_int_equal(s.fx.n_started, 2);
    assert_int_equal(s.fx.started[0], UNIT_B);
    assert_int_equal(s.fx.started[1], UNIT_C);
    block_sane(&s.d, "lay_y_kien", "phe_duyet");
    /* The signature waits for the join. */
    assert_int_equal(act(&s, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_ECONFLICT);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_c, NULL, "phe_duyet", 0), MC_OK);
    assert_string_equal(s.fx.step_from, "y_kien_c");
    assert_string_equal(s.fx.step_to, "phe_duyet");
    assert_int_equal(s.d.n_branches, 2);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, NULL, "kiem_tra_b", 0), MC_OK);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_b, NULL, "phe_duyet", 0), MC_OK);
    assert_int_equal(s.d.n_branches, 0);
    assert_string_equal(s.d.step, "phe_duyet");
    assert_int_equal(s.d.step_unit, DIRECTORATE);
    assert_int_equal(act(&s, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_DONE);
    use_block_process();
}

/* What a random walk from the choice (tham_dinh) checks about one process
 * shape: which step opens the block, whether that step is the choice
 * itself (a parallel option, opened whole by one forward), and which
 * steps belong to a branch. */
struct walk_shape {
    const char *name;
    const struct eng_step *steps; /* the process, walked with use_*_process */
    const char *opener;           /* the step that forwards into the block */
    bool opened_by_choice;        /* a parallel option of the choice */
};

static bool is_branch_step(const char *key)
{
    return strcmp(key, "y_kien_b") == 0 || strcmp(key, "kiem_tra_b") == 0 ||
           strcmp(key, "y_kien_c") == 0;
}

/* Random walks from the choice: random people forward to a random next
 * step, assign, return, ask for a supplement, approve, withdraw. Whatever
 * is chosen, a block is open only after `opener` forwarded, a return
 * inside it never leaves it, a branch step is never current outside it,
 * and it closes at the signature. */
static void walk_from_the_choice(const struct walk_shape *w)
{
    static const struct eng_actor *const cast[] = { &reception, &head,   &spec,  &spec_b,
                                                    &head_b,    &head_c, &deputy };
    static const enum eng_action acts[] = {
        ENG_ACT_FORWARD, ENG_ACT_FORWARD,     ENG_ACT_FORWARD,
        ENG_ACT_ASSIGN,  ENG_ACT_RETURN_PREV, ENG_ACT_REQUEST_SUPPLEMENT,
        ENG_ACT_APPROVE, ENG_ACT_WITHDRAW,
    };
    size_t direct = 0, blocks = 0, joined = 0, finished = 0;
    for (int round = 0; round < 600; round++) {
        struct sim s;
        to_split(&s);
        for (int n = 0; n < 100 && !eng_status_is_terminal(s.d.status); n++) {
            pass(&s, (int64_t)pick(90));
            const struct eng_actor *who = cast[pick(sizeof(cast) / sizeof(cast[0]))];
            enum eng_action a = acts[pick(sizeof(acts) / sizeof(acts[0]))];
            if (a == ENG_ACT_WITHDRAW && pick(8) != 0) {
                continue;
            }
            const char *at = pick(3) == 0 ? w->steps[pick(n_proc)].key : NULL;
            const char *key = at ? at : eng_branch_for(&s.d, who);
            const struct eng_step *st = step_named(key);
            const char *target = NULL;
            if (a == ENG_ACT_FORWARD && st && st->n_next > 0) {
                target = st->next[pick(st->n_next)];
            } else if (a == ENG_ACT_RETURN_PREV && st) {
                const struct eng_step *p = eng_branch_prev(proc, n_proc, st->key);
                target = p ? p->key : "tham_dinh";
            }
            char before[ENG_KEY_MAX];
            memcpy(before, s.d.step, ENG_KEY_MAX);
            bool inside = s.d.n_branches > 0;
            if (act(&s, a, who, at, target, who->person) == MC_OK) {
                if (!inside && s.d.n_branches > 0) {
                    /* Only the opener opens the block; a choice opens it whole. */
                    assert_string_equal(before, w->opener);
                    if (w->opened_by_choice) {
                        assert_int_equal(a, ENG_ACT_FORWARD);
                        assert_int_equal(s.d.n_branches, 2);
                        assert_int_equal(s.fx.n_started, 2);
                    }
                    blocks++;
                }
                if (a == ENG_ACT_FORWARD && strcmp(before, "tham_dinh") == 0 &&
                    strcmp(s.d.step, "phe_duyet") == 0) {
                    assert_int_equal(s.d.n_branches, 0);
                    assert_int_equal(s.fx.n_started, 0);
                    direct++;
                }
                if (a == ENG_ACT_RETURN_PREV && inside) {
                    /* A return inside the block never leaves it. */
                    assert_true(s.d.n_branches > 0 || eng_status_is_terminal(s.d.status));
                }
                joined += inside && s.d.n_branches == 0 && !eng_status_is_terminal(s.d.status);
            }
            block_sane(&s.d, w->opener, "phe_duyet");
            if (s.d.n_branches == 0 && !eng_status_is_terminal(s.d.status) &&
                is_branch_step(s.d.step)) {
                fail_msg("a branch step outside an open block");
            }
        }
        finished += eng_status_is_terminal(s.d.status);
    }
    print_message("%s walk: %zu direct, %zu blocks, %zu joins, %zu finished\n", w->name, direct,
                  blocks, joined, finished);
    assert_true(direct > 30);
    assert_true(blocks > 30);
    assert_true(joined > 10);
    assert_true(finished > 10);
    use_block_process();
}

static void randomised_walk_through_the_choice(void **state)
{
    (void)state;
    use_choice_process();
    walk_from_the_choice(
        &(struct walk_shape){ .name = "choice", .steps = choice_steps, .opener = "lay_y_kien" });
}

static void use_option_process(void)
{
    proc = option_steps;
    n_proc = sizeof(option_steps) / sizeof(option_steps[0]);
}

/* The parallel option: forwarding to any of its steps starts them all,
 * each with its own clock, from the choosing step; the plain option opens
 * nothing; a branch's first step returns nowhere (the other branch is
 * already at work), a later branch step returns inside its branch. */
static void parallel_option_opens_the_branches(void **state)
{
    (void)state;
    use_option_process();
    struct sim s;
    to_split(&s);
    struct sim simple = s;
    assert_int_equal(act(&simple, ENG_ACT_FORWARD, &spec, NULL, "phe_duyet", 0), MC_OK);
    assert_string_equal(simple.d.step, "phe_duyet");
    assert_int_equal(simple.d.n_branches, 0);
    assert_int_equal(simple.fx.n_started, 0);

    /* Naming the option's second step opens the same block. */
    struct sim second = s;
    assert_int_equal(act(&second, ENG_ACT_FORWARD, &spec, NULL, "y_kien_c", 0), MC_OK);
    assert_int_equal(second.d.n_branches, 2);
    assert_string_equal(second.d.branches[0].step, "y_kien_b");
    assert_string_equal(second.d.branches[1].step, "y_kien_c");

    int64_t opened = s.now;
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, "y_kien_b", 0), MC_OK);
    assert_int_equal(s.d.n_branches, 2);
    assert_string_equal(s.d.join, "phe_duyet");
    assert_int_equal(s.fx.n_started, 2);
    assert_int_equal(s.fx.started[0], UNIT_B);
    assert_int_equal(s.fx.started[1], UNIT_C);
    assert_int_equal(s.fx.from_unit, UNIT);
    assert_int_equal(s.fx.to_unit, UNIT_B);
    assert_int_equal(s.d.branches[0].clock.budget, 480);
    assert_int_equal(s.d.branches[1].clock.budget, 960);
    assert_int_equal(s.d.branches[0].clock.running_since, opened);
    assert_int_equal(s.d.branches[1].clock.running_since, opened);
    block_sane(&s.d, "tham_dinh", "phe_duyet");
    /* The first step of a branch cannot return to the choice. */
    assert_int_equal(act(&s, ENG_ACT_RETURN_PREV, &spec_b, NULL, "tham_dinh", 0), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "starts a parallel branch"));
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, NULL, "kiem_tra_b", 0), MC_OK);
    assert_string_equal(s.fx.step_from, "y_kien_b");
    assert_string_equal(s.fx.step_to, "kiem_tra_b");
    assert_int_equal(act(&s, ENG_ACT_RETURN_PREV, &head_b, NULL, "y_kien_b", 0), MC_OK);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec_b, NULL, "kiem_tra_b", 0), MC_OK);
    /* The signature waits for both branches. */
    assert_int_equal(act(&s, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_ECONFLICT);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_b, NULL, "phe_duyet", 0), MC_OK);
    assert_int_equal(s.d.n_branches, 2);
    assert_string_equal(s.d.step, "y_kien_c");
    pass(&s, 1200); /* past UNIT_C's 960 minutes: its hop is late */
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &head_c, NULL, "phe_duyet", 0), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_LATE);
    assert_string_equal(s.fx.step_from, "y_kien_c");
    assert_string_equal(s.fx.step_to, "phe_duyet");
    assert_int_equal(s.d.n_branches, 0);
    assert_string_equal(s.d.step, "phe_duyet");
    /* The join returns to the choice (the step before the block), which
     * may then choose the other option. */
    assert_int_equal(act(&s, ENG_ACT_RETURN_PREV, &deputy, NULL, "tham_dinh", 0), MC_OK);
    assert_string_equal(s.d.step, "tham_dinh");
    assert_int_equal(s.d.n_branches, 0);
    assert_int_equal(act(&s, ENG_ACT_FORWARD, &spec, NULL, "phe_duyet", 0), MC_OK);
    assert_int_equal(s.fx.n_started, 0);
    assert_int_equal(act(&s, ENG_ACT_APPROVE, &deputy, NULL, NULL, 0), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_DONE);
    use_block_process();
}

static void randomised_walk_through_the_parallel_option(void **state)
{
    (void)state;
    use_option_process();
    walk_from_the_choice(&(struct walk_shape){
        .name = "option", .steps = option_steps, .opener = "tham_dinh", .opened_by_choice = true });
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(split_runs_branches_and_join_waits_for_the_last),
        cmocka_unit_test(withdrawal_inside_a_block_stops_every_branch),
        cmocka_unit_test(the_state_blob_keeps_an_open_block),
        cmocka_unit_test(randomised_walk_through_the_block),
        cmocka_unit_test(choose_then_run_in_parallel),
        cmocka_unit_test(randomised_walk_through_the_choice),
        cmocka_unit_test(parallel_option_opens_the_branches),
        cmocka_unit_test(randomised_walk_through_the_parallel_option),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
