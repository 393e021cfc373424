/* Unit tests for src/core/dossier_rules: every legal path of the one-stop
 * lifecycle (issue 4 §1–3; domain.md §1.3–1.10), the refusals (role, step,
 * terminal status, apology twice or too late, supplement window, control
 * team), and a randomised walk checking invariants after every action.
 * Fake calendar: Mon–Fri 07:00–11:30, 13:30–17:00 at UTC+7. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <sodium.h>
#include <string.h>

#include "core/dossier_rules.h"
#include "core/handover.h"
#include "fake_worktime.h"

/* ---- fixture: Sở Nội vụ, one procedure with a five-step process -------- */

enum { DESK = 5, DIRECTORATE = 1, OFFICE = 2, UNIT = 10, UNIT_B = 20, UNIT_C = 30 };

/* The internal process of domain.md §1.9: assignment, appraisal, division
 * head review, department leader signature, clerk (numbering, seal). */
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
      .allot_minutes = 960,
      .next = { "xem_xet" },
      .n_next = 1 },
    { .key = "xem_xet",
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
      .may_return = true,
      .requires_signature = true,
      .next = { "van_thu" },
      .n_next = 1 },
    { .key = "van_thu", .role = ROLE_CLERK, .unit = OFFICE, .allot_minutes = 120 },
};
#define N_STEPS (sizeof(steps) / sizeof(steps[0]))

static const struct eng_step *step_named(const char *key)
{
    for (size_t i = 0; key && i < N_STEPS; i++) {
        if (strcmp(steps[i].key, key) == 0) {
            return &steps[i];
        }
    }
    return NULL;
}

static const struct eng_actor reception = { ENG_ACTOR_STAFF, 50, { { ROLE_RECEPTION, DESK } }, 1 };
static const struct eng_actor other_desk = { ENG_ACTOR_STAFF, 51, { { ROLE_RECEPTION, 6 } }, 1 };
static const struct eng_actor head = { ENG_ACTOR_STAFF, 11, { { ROLE_HEAD, UNIT } }, 1 };
static const struct eng_actor spec = { ENG_ACTOR_STAFF, 12, { { ROLE_SPECIALIST, UNIT } }, 1 };
static const struct eng_actor spec2 = { ENG_ACTOR_STAFF, 13, { { ROLE_SPECIALIST, UNIT } }, 1 };
static const struct eng_actor deputy = {
    ENG_ACTOR_STAFF, 2, { { ROLE_DEPUTY_DIRECTOR, DIRECTORATE } }, 1
};
static const struct eng_actor director = {
    ENG_ACTOR_STAFF, 1, { { ROLE_DIRECTOR, DIRECTORATE } }, 1
};
static const struct eng_actor clerk = { ENG_ACTOR_STAFF, 21, { { ROLE_CLERK, OFFICE } }, 1 };
static const struct eng_actor spec_b = { ENG_ACTOR_STAFF, 32, { { ROLE_SPECIALIST, UNIT_B } }, 1 };
static const struct eng_actor head_c = { ENG_ACTOR_STAFF, 41, { { ROLE_HEAD, UNIT_C } }, 1 };
/* Tổ kiểm soát: sees every unit, acts in none. */
static const struct eng_actor control = {
    ENG_ACTOR_STAFF,
    90,
    { { ROLE_CONTROL, DESK },
      { ROLE_CONTROL, UNIT },
      { ROLE_CONTROL, DIRECTORATE },
      { ROLE_CONTROL, OFFICE } },
    4,
};
static const struct eng_actor applicant = { ENG_ACTOR_APPLICANT, 0, { { 0, 0 } }, 0 };

static const char *const missing2[] = { "Bản sao CCCD", "Tờ khai theo mẫu" };

struct sim {
    struct eng_dossier d;
    struct eng_worktime wt;
    const struct eng_ruleset *rules;
    int64_t now;
    struct eng_effects fx;
    struct mc_err err;
};

static void sim_init(struct sim *s, int64_t now)
{
    memset(s, 0, sizeof(*s));
    eng_dossier_init(&s->d);
    s->wt = fake_worktime();
    s->rules = eng_ruleset_find("nd61-2018");
    s->now = now;
}

/* Working minutes pass. */
static void pass(struct sim *s, int64_t minutes)
{
    s->now = eng_wt_add(&s->wt, s->now, minutes);
}

/* A request with every payload filled, so that only the action, the actor
 * and the target vary in the tables. */
static struct eng_request full_request(const struct sim *s, enum eng_action a,
                                       const struct eng_actor *who)
{
    struct eng_request r = {
        .action = a,
        .actor = *who,
        .channel = ENG_CHANNEL_DESK,
        .desk_unit = DESK,
        .budget_minutes = 5 * 480, /* a 5-working-day procedure */
        .reason = "Hồ sơ không đủ điều kiện",
        .missing = missing2,
        .n_missing = 2,
        .assignee = spec.person,
        .consults = { { UNIT_B, 480 }, { UNIT_C, 240 } },
        .n_consults = 2,
        .consult_unit = UNIT_B,
        .agency = "000.00.00.G12",
        .agency_minutes = 960,
        .new_due_at = s->d.due_at + 3 * 1440,
        .signature = true,
    };
    return r;
}

static enum mc_status run_req(struct sim *s, const struct eng_request *r, const char *target)
{
    struct eng_context ctx = {
        .now = s->now,
        .rules = s->rules,
        .wt = &s->wt,
        .step = s->d.status == ENG_ST_PROCESSING ? step_named(s->d.step) : NULL,
        .target = step_named(target),
    };
    struct eng_dossier next;
    memset(&s->err, 0, sizeof(s->err));
    enum mc_status rc = eng_decide(&s->d, r, &ctx, &next, &s->fx, &s->err);
    if (rc == MC_OK) {
        s->d = next;
    } else {
        /* On error the state is untouched and no effect is asked for. */
        assert_memory_equal(&next, &s->d, sizeof(next));
        assert_int_equal(s->fx.flags, 0);
    }
    return rc;
}

static enum mc_status run(struct sim *s, enum eng_action a, const struct eng_actor *who,
                          const char *target)
{
    struct eng_request r = full_request(s, a, who);
    return run_req(s, &r, target);
}

/* An internal case: unit staff of the owning unit (or a leader) open it at
 * the first step; no applicant, no desk (the unit's heads act for it). */
static enum mc_status open_case(struct sim *s, const struct eng_actor *who)
{
    struct eng_request r = full_request(s, ENG_ACT_OPEN_CASE, who);
    r.channel = ENG_CHANNEL_INTERNAL;
    r.desk_unit = UNIT; /* the owning unit */
    return run_req(s, &r, "phan_cong");
}

static void internal_case_opens_at_the_first_step(void **state)
{
    (void)state;
    struct sim s;
    const struct eng_actor *refused[] = { &spec_b, &reception, &clerk, &control, &applicant };
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        sim_init(&s, vn(2026, 10, 5, 9, 0));
        assert_int_equal(open_case(&s, refused[i]), MC_EPERM);
    }
    const struct eng_actor *allowed[] = { &spec, &head, &director, &deputy };
    for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
        sim_init(&s, vn(2026, 10, 5, 9, 0));
        assert_int_equal(open_case(&s, allowed[i]), MC_OK);
    }
    sim_init(&s, vn(2026, 10, 5, 9, 0)); /* Monday */
    assert_int_equal(open_case(&s, &spec), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_PROCESSING);
    assert_int_equal(s.d.channel, ENG_CHANNEL_INTERNAL);
    assert_string_equal(s.d.step, "phan_cong");
    assert_int_equal(s.d.desk_unit, UNIT);
    assert_int_equal(s.d.legal_due_at, vn(2026, 10, 12, 9, 0)); /* 5 working days */
    assert_true(s.fx.flags & ENG_FX_CODE);
    assert_true(s.fx.flags & ENG_FX_STEP_CHANGED);
    assert_false(s.fx.flags & ENG_FX_NOTIFY_APPLICANT);
    /* Opened once only; no receipt, no financial obligation. */
    assert_int_equal(open_case(&s, &spec), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &reception, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "tham_dinh"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_REQUEST_PAYMENT, &spec, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec, NULL), MC_OK);
    /* The desk's part belongs to the owning unit's head, not to reception. */
    assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &reception, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &spec, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &head, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_PROCESSING);
    /* The applicant never acts on a case; its unit's head may withdraw it. */
    assert_int_equal(run(&s, ENG_ACT_WITHDRAW, &applicant, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_WITHDRAW, &head, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_WITHDRAWN);
}

/* ---- legal paths, as scripts ------------------------------------------ */

struct line {
    int64_t pass; /* working minutes before the action */
    enum eng_action action;
    const struct eng_actor *who;
    const char *target;
    enum mc_status rc;
    enum eng_status after;
    const char *step_after; /* NULL: don't check */
};

static void play(struct sim *s, const struct line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pass(s, lines[i].pass);
        enum mc_status rc = run(s, lines[i].action, lines[i].who, lines[i].target);
        if (rc != lines[i].rc) {
            print_error("line %zu (%s): %s\n", i, eng_action_key(lines[i].action), s->err.msg);
        }
        assert_int_equal(rc, lines[i].rc);
        assert_int_equal(s->d.status, lines[i].after);
        if (lines[i].step_after) {
            assert_string_equal(s->d.step, lines[i].step_after);
        }
    }
}

#define PLAY(s, script) play((s), (script), sizeof(script) / sizeof((script)[0]))

/* Paper dossier at the counter, five steps, returned early. */
static void paper_dossier_from_receipt_to_return(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 9, 0)); /* Monday */
    static const struct line script[] = {
        { 0, ENG_ACT_RECEIVE, &reception, NULL, MC_OK, ENG_ST_ACCEPTED, "" },
        { 30, ENG_ACT_TRANSFER, &reception, "phan_cong", MC_OK, ENG_ST_PROCESSING, "phan_cong" },
        { 60, ENG_ACT_FORWARD, &head, "tham_dinh", MC_OK, ENG_ST_PROCESSING, "tham_dinh" },
        { 10, ENG_ACT_ASSIGN, &head, NULL, MC_OK, ENG_ST_PROCESSING, "tham_dinh" },
        { 300, ENG_ACT_FORWARD, &spec, "xem_xet", MC_OK, ENG_ST_PROCESSING, "xem_xet" },
        { 60, ENG_ACT_FORWARD, &head, "phe_duyet", MC_OK, ENG_ST_PROCESSING, "phe_duyet" },
        { 60, ENG_ACT_APPROVE, &deputy, "van_thu", MC_OK, ENG_ST_PROCESSING, "van_thu" },
        { 30, ENG_ACT_RESULT_READY, &clerk, NULL, MC_OK, ENG_ST_DONE, NULL },
        { 60, ENG_ACT_RETURN_RESULT, &reception, NULL, MC_OK, ENG_ST_RETURNED, NULL },
    };
    int64_t t0 = s.now;
    PLAY(&s, script);
    assert_int_equal(s.d.received_at, t0);
    /* 5 working days from Monday 09:00 is the next Monday 09:00. */
    assert_int_equal(s.d.legal_due_at, vn(2026, 10, 12, 9, 0));
    assert_int_equal(s.d.first_due_at, s.d.legal_due_at);
    assert_string_equal(s.d.ruleset, "nd61-2018");
    assert_int_equal(s.d.channel, ENG_CHANNEL_DESK);
    /* 610 working minutes in all, finished on Tuesday: early (trước hạn). */
    assert_int_equal(s.d.verdict, ENG_VERDICT_EARLY);
    assert_int_equal(s.d.clock.state, ENG_CLOCK_STOPPED);
    assert_int_equal(s.d.clock.consumed, 30 + 60 + 10 + 300 + 60 + 60 + 30);
    assert_string_equal(s.d.late_step, "");
    assert_true(eng_status_is_terminal(s.d.status));
}

static void receipt_effects_and_appointment(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 8, 14, 0)); /* Thursday 14:00 */
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &reception, NULL), MC_OK);
    unsigned want = ENG_FX_RECORD | ENG_FX_HANDOVER | ENG_FX_CODE | ENG_FX_FORM_RECEIPT |
                    ENG_FX_NOTIFY_APPLICANT;
    assert_int_equal(s.fx.flags, want);
    assert_int_equal(s.fx.to_unit, DESK);
    assert_int_equal(s.fx.to_person, reception.person);
    /* A calendar-computed appointment (day counting, BLDS Điều 147) wins. */
    struct sim t;
    sim_init(&t, vn(2026, 10, 8, 14, 0));
    struct eng_request r = full_request(&t, ENG_ACT_RECEIVE, &reception);
    r.appointment = vn(2026, 10, 16, 17, 0);
    assert_int_equal(run_req(&t, &r, NULL), MC_OK);
    assert_int_equal(t.d.due_at, vn(2026, 10, 16, 17, 0));
    r = full_request(&t, ENG_ACT_RECEIVE, &reception);
    sim_init(&t, vn(2026, 10, 8, 14, 0));
    r.budget_minutes = 0;
    assert_int_equal(run_req(&t, &r, NULL), MC_EINVAL);
    assert_string_equal(t.err.field, "budget_minutes");
}

/* NĐ 61 Điều 18: paper received after 15:00 goes to the unit at the start
 * of the next working day; otherwise the same working day. Online dossiers
 * are transferred electronically at once (same day here). */
static void transfer_deadline_follows_the_15h_rule(void **state)
{
    (void)state;
    static const struct {
        int d, h, mi;
        enum eng_channel ch;
        int want_d, want_h, want_mi;
    } table[] = {
        { 8, 14, 0, ENG_CHANNEL_DESK, 8, 17, 0 },    { 8, 14, 59, ENG_CHANNEL_DESK, 8, 17, 0 },
        { 8, 15, 0, ENG_CHANNEL_DESK, 9, 7, 0 },     { 8, 16, 30, ENG_CHANNEL_POST, 9, 7, 0 },
        { 9, 15, 30, ENG_CHANNEL_DESK, 12, 7, 0 }, /* Friday → Monday */
        { 8, 15, 30, ENG_CHANNEL_ONLINE, 8, 17, 0 },
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        struct sim s;
        sim_init(&s, vn(2026, 10, table[i].d, table[i].h, table[i].mi));
        if (table[i].ch == ENG_CHANNEL_ONLINE) {
            assert_int_equal(run(&s, ENG_ACT_SUBMIT_ONLINE, &applicant, NULL), MC_OK);
            assert_int_equal(run(&s, ENG_ACT_ACCEPT, &reception, NULL), MC_OK);
        } else {
            struct eng_request r = full_request(&s, ENG_ACT_RECEIVE, &reception);
            r.channel = table[i].ch;
            assert_int_equal(run_req(&s, &r, NULL), MC_OK);
        }
        assert_int_equal(s.d.transfer_by,
                         vn(2026, 10, table[i].want_d, table[i].want_h, table[i].want_mi));
    }
    /* A transfer after the deadline is done but marked late on the slip. */
    struct sim s;
    sim_init(&s, vn(2026, 10, 8, 14, 0));
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &reception, NULL), MC_OK);
    s.now = vn(2026, 10, 9, 8, 0);
    assert_int_equal(run(&s, ENG_ACT_TRANSFER, &reception, "phan_cong"), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_LATE);
}

/* Online: desk asks once for the missing components, the applicant
 * completes, the desk accepts; refused after appraisal (status 8). */
static void online_supplement_then_refusal_after_appraisal(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 20, 0)); /* submitted in the evening */
    static const struct line script[] = {
        { 0, ENG_ACT_SUBMIT_ONLINE, &applicant, NULL, MC_OK, ENG_ST_NEW, "" },
        { 60, ENG_ACT_DESK_SUPPLEMENT, &reception, NULL, MC_OK, ENG_ST_SUPPLEMENT, "" },
        { 600, ENG_ACT_SUPPLEMENT_RECEIVED, &reception, NULL, MC_OK, ENG_ST_NEW, "" },
        { 30, ENG_ACT_ACCEPT, &reception, NULL, MC_OK, ENG_ST_ACCEPTED, "" },
        { 10, ENG_ACT_TRANSFER, &reception, "phan_cong", MC_OK, ENG_ST_PROCESSING, "phan_cong" },
        { 30, ENG_ACT_FORWARD, &head, "tham_dinh", MC_OK, ENG_ST_PROCESSING, "tham_dinh" },
        { 200, ENG_ACT_FORWARD, &spec, "xem_xet", MC_OK, ENG_ST_PROCESSING, "xem_xet" },
        { 30, ENG_ACT_FORWARD, &head, "phe_duyet", MC_OK, ENG_ST_PROCESSING, "phe_duyet" },
        { 30, ENG_ACT_REFUSE, &deputy, NULL, MC_OK, ENG_ST_STOPPED, NULL },
        { 30, ENG_ACT_RETURN_RESULT, &reception, NULL, MC_ECONFLICT, ENG_ST_STOPPED, NULL },
    };
    PLAY(&s, script);
    assert_int_equal(s.d.channel, ENG_CHANNEL_ONLINE);
    assert_int_equal(s.d.desk_supplements, 1);
    assert_int_equal(s.d.supplement_requests, 0); /* the desk's request is not a 766 one */
    assert_true(s.d.finished_at != 0);
    assert_int_equal(s.d.verdict, ENG_VERDICT_EARLY);
    assert_non_null(strstr(s.err.msg, "closed"));
}

static void refusals_at_receipt(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_SUBMIT_ONLINE, &applicant, NULL), MC_OK);
    struct eng_request r = full_request(&s, ENG_ACT_REFUSE_RECEIPT, &reception);
    r.reason = "  ";
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
    assert_string_equal(s.err.field, "reason");
    assert_int_equal(run(&s, ENG_ACT_REFUSE_RECEIPT, &reception, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_NOT_ACCEPTED);
    assert_true((s.fx.flags & ENG_FX_FORM_REFUSAL) != 0);
    assert_true((s.fx.flags & ENG_FX_CODE) == 0);
    /* Paper refused at the counter: a record with its reason, no code. */
    sim_init(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_REFUSE_RECEIPT, &reception, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_NOT_ACCEPTED);
    assert_int_equal(s.d.desk_unit, DESK);
    assert_true((s.fx.flags & ENG_FX_RECORD) != 0);
}

/* NĐ 61 Điều 17.1: an incomplete paper dossier gets Mẫu 02 listing every
 * missing component, and no record, no code. */
static void counter_guidance_creates_nothing(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_DESK_SUPPLEMENT, &reception, NULL), MC_OK);
    assert_int_equal(s.fx.flags, ENG_FX_FORM_SUPPLEMENT);
    assert_int_equal(s.d.status, ENG_ST_NONE);
    struct eng_request r = full_request(&s, ENG_ACT_DESK_SUPPLEMENT, &reception);
    r.n_missing = 0;
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
    assert_non_null(strstr(s.err.msg, "all at once"));
    static const char *const one_blank[] = { "Tờ khai", "" };
    r.missing = one_blank;
    r.n_missing = 2;
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
}

/* Reach tham_dinh, assigned to `spec`, `minutes` after receipt. */
static void to_appraisal(struct sim *s, int64_t at)
{
    sim_init(s, at);
    assert_int_equal(run(s, ENG_ACT_RECEIVE, &reception, NULL), MC_OK);
    pass(s, 10);
    assert_int_equal(run(s, ENG_ACT_TRANSFER, &reception, "phan_cong"), MC_OK);
    pass(s, 10);
    assert_int_equal(run(s, ENG_ACT_FORWARD, &head, "tham_dinh"), MC_OK);
    assert_int_equal(run(s, ENG_ACT_ASSIGN, &head, NULL), MC_OK);
    assert_int_equal(s->d.holder, spec.person);
}

/* NĐ 61 Điều 19.4 (restart) against the QĐ 766 subtraction. */
static void supplement_after_appraisal_restart_or_subtract(void **state)
{
    (void)state;
    for (int mode = 0; mode < 2; mode++) {
        struct sim s;
        to_appraisal(&s, vn(2026, 10, 5, 9, 0));
        struct eng_ruleset rs = *s.rules;
        rs.supplement_clock = mode == 0 ? ENG_SUPPLEMENT_RESTART : ENG_SUPPLEMENT_SUBTRACT;
        s.rules = &rs;
        pass(&s, 100); /* 120 working minutes used */
        assert_int_equal(run(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec, NULL), MC_OK);
        assert_int_equal(s.d.status, ENG_ST_SUPPLEMENT);
        assert_int_equal(s.d.stage, ENG_STAGE_STEP_SUPPLEMENT);
        assert_true((s.fx.flags & ENG_FX_FORM_SUPPLEMENT) != 0);
        assert_int_equal(s.d.clock.state, ENG_CLOCK_PAUSED);
        assert_int_equal(s.d.clock.consumed, 120);
        /* Only the desk receives the supplement (Điều 5.1). */
        pass(&s, 3 * 480);
        assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &spec, NULL), MC_EPERM);
        assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &reception, NULL), MC_OK);
        assert_int_equal(s.d.status, ENG_ST_PROCESSING);
        assert_true(s.d.supplement_wait > 0);
        if (mode == 0) {
            assert_int_equal(eng_clock_consumed_at(&s.d.clock, s.now, &s.wt), 0);
            assert_true((s.fx.flags & ENG_FX_CLOCK_RESTARTED) != 0);
            assert_int_equal(s.d.legal_due_at, eng_wt_add(&s.wt, s.now, 2400));
        } else {
            assert_int_equal(eng_clock_consumed_at(&s.d.clock, s.now, &s.wt), 120);
            assert_true((s.fx.flags & ENG_FX_CLOCK_RESTARTED) == 0);
            assert_int_equal(s.d.legal_due_at, eng_wt_add(&s.wt, s.now, 2400 - 120));
        }
        assert_int_equal(s.d.due_at, s.d.legal_due_at);
        assert_int_equal(s.d.supplement_requests, 1);
    }
}

/* NĐ 61 Điều 19.4: no later than 03 working days after receipt. */
static void supplement_request_window(void **state)
{
    (void)state;
    static const struct {
        int64_t after; /* working minutes after receipt (20 already passed) */
        enum mc_status rc;
    } table[] = {
        { 0, MC_OK },
        { 3 * 480 - 20, MC_OK },
        { 3 * 480 - 19, MC_ECONFLICT },
        { 10 * 480, MC_ECONFLICT },
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        struct sim s;
        to_appraisal(&s, vn(2026, 10, 5, 9, 0));
        pass(&s, table[i].after);
        assert_int_equal(run(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec, NULL), table[i].rc);
        if (table[i].rc != MC_OK) {
            assert_non_null(strstr(s.err.msg, "3 working days"));
        }
    }
    /* A sector law without the limit: window 0 = none. */
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    struct eng_ruleset rs = *s.rules;
    rs.supplement_window_days = 0;
    s.rules = &rs;
    pass(&s, 20 * 480);
    assert_int_equal(run(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec, NULL), MC_OK);
}

static void financial_obligation_pauses_the_clocks(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    pass(&s, 60);
    assert_int_equal(run(&s, ENG_ACT_REQUEST_PAYMENT, &spec, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_FINANCIAL);
    int64_t used = eng_clock_consumed_at(&s.d.clock, s.now, &s.wt);
    int64_t step_used = eng_clock_consumed_at(&s.d.step_clock, s.now, &s.wt);
    int64_t due_before = s.d.legal_due_at;
    pass(&s, 2 * 480);
    assert_int_equal(eng_clock_consumed_at(&s.d.clock, s.now, &s.wt), used);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_PAID, &reception, NULL), MC_OK);
    assert_int_equal(s.d.status, ENG_ST_PROCESSING);
    assert_int_equal(eng_clock_consumed_at(&s.d.clock, s.now, &s.wt), used);
    assert_int_equal(eng_clock_consumed_at(&s.d.step_clock, s.now, &s.wt), step_used);
    /* The wait moved the legal due time by the same two working days. */
    assert_int_equal(s.d.legal_due_at, eng_wt_add(&s.wt, due_before, 2 * 480));
}

/* NĐ 61 Điều 19.5: consulted units answer by their own deadlines; the step
 * waits until all have answered or every deadline has passed. */
static void consultation_blocks_until_answered_or_lapsed(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_CONSULT, &spec, NULL), MC_OK);
    assert_int_equal(s.d.stage, ENG_STAGE_CONSULTING);
    assert_int_equal(s.d.n_consults, 2);
    assert_int_equal(s.d.consults[1].deadline, eng_wt_add(&s.wt, s.now, 240));
    assert_int_equal(run(&s, ENG_ACT_CONSULT, &spec, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "waiting for consulted units"));
    /* Someone outside the consulted units cannot answer for them. */
    struct eng_request r = full_request(&s, ENG_ACT_CONSULT_ANSWER, &spec);
    assert_int_equal(run_req(&s, &r, NULL), MC_EPERM);
    pass(&s, 100);
    assert_int_equal(run(&s, ENG_ACT_CONSULT_ANSWER, &spec_b, NULL), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_ON_TIME);
    assert_int_equal(run(&s, ENG_ACT_CONSULT_ANSWER, &spec_b, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_ECONFLICT);
    pass(&s, 140); /* unit C's deadline (240) now passed */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_true((s.fx.flags & ENG_FX_NOTIFY_DESK_HEAD) != 0);
    assert_int_equal(s.fx.n_lapsed, 1);
    assert_int_equal(s.fx.lapsed[0], UNIT_C);
    assert_string_equal(s.d.step, "xem_xet");
    assert_int_equal(s.d.stage, ENG_STAGE_IN_STEP);

    /* All answer in time: the step goes on without telling the desk head. */
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_CONSULT, &spec, NULL), MC_OK);
    r = full_request(&s, ENG_ACT_CONSULT_ANSWER, &head_c);
    r.consult_unit = UNIT_C;
    pass(&s, 300); /* after C's deadline: a late answer is still taken */
    assert_int_equal(run_req(&s, &r, NULL), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_LATE);
    assert_int_equal(run(&s, ENG_ACT_CONSULT_ANSWER, &spec_b, NULL), MC_OK);
    assert_int_equal(s.d.stage, ENG_STAGE_IN_STEP);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_int_equal(s.fx.flags & ENG_FX_NOTIFY_DESK_HEAD, 0);
}

/* Liên thông (Điều 19.6–7): the step's own time pauses while another agency
 * works; the dossier's legal time keeps running. */
static void inter_agency_round_trip(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    pass(&s, 30);
    assert_int_equal(run(&s, ENG_ACT_SEND_OTHER_AGENCY, &spec, NULL), MC_OK);
    assert_int_equal(s.d.stage, ENG_STAGE_OTHER_AGENCY);
    assert_string_equal(s.d.other_agency, "000.00.00.G12");
    int64_t step_used = eng_clock_consumed_at(&s.d.step_clock, s.now, &s.wt);
    int64_t used = eng_clock_consumed_at(&s.d.clock, s.now, &s.wt);
    pass(&s, 600);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "liên thông"));
    assert_int_equal(run(&s, ENG_ACT_BACK_FROM_AGENCY, &reception, NULL), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_ON_TIME);
    assert_int_equal(eng_clock_consumed_at(&s.d.step_clock, s.now, &s.wt), step_used);
    assert_int_equal(eng_clock_consumed_at(&s.d.clock, s.now, &s.wt), used + 600);
    assert_int_equal(run(&s, ENG_ACT_BACK_FROM_AGENCY, &reception, NULL), MC_ECONFLICT);
    struct eng_request r = full_request(&s, ENG_ACT_SEND_OTHER_AGENCY, &spec);
    r.agency = "G12/bad";
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
}

static void return_to_previous_only_where_allowed(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    /* tham_dinh may not return. */
    assert_int_equal(run(&s, ENG_ACT_RETURN_PREV, &spec, "phan_cong"), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "does not allow returning"));
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    /* xem_xet may, but only to the step it came from. */
    assert_int_equal(run(&s, ENG_ACT_RETURN_PREV, &head, "phan_cong"), MC_EINVAL);
    assert_int_equal(run(&s, ENG_ACT_RETURN_PREV, &head, "tham_dinh"), MC_OK);
    assert_string_equal(s.d.step, "tham_dinh");
    assert_int_equal(s.d.holder, 0); /* back in the unit's queue */
    assert_int_equal(s.d.path_len, 1);
    assert_string_equal(s.d.path[0], "phan_cong");
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec2, "xem_xet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "phe_duyet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_RETURN_PREV, &deputy, "xem_xet"), MC_OK);
    assert_string_equal(s.d.step, "xem_xet");
}

static void forward_checks_target_and_signature(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "phe_duyet"), MC_EINVAL);
    assert_non_null(strstr(s.err.msg, "does not lead to"));
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, NULL), MC_EINVAL);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_APPROVE, &head, "phe_duyet"), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "not a signing step"));
    assert_int_equal(run(&s, ENG_ACT_REFUSE, &head, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "phe_duyet"), MC_OK);
    struct eng_request r = full_request(&s, ENG_ACT_FORWARD, &deputy);
    r.signature = false;
    assert_int_equal(run_req(&s, &r, "van_thu"), MC_EINVAL);
    r.action = ENG_ACT_APPROVE;
    assert_int_equal(run_req(&s, &r, "van_thu"), MC_EINVAL);
    assert_string_equal(s.err.field, "signature");
    /* The clerk cannot send an unapproved result to the desk. */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &deputy, "van_thu"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_RESULT_READY, &clerk, NULL), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "not been approved"));
}

static void roles_are_enforced(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &applicant, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &spec, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_SUBMIT_ONLINE, &reception, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_RECEIVE, &reception, NULL), MC_OK);
    /* A receptionist of another desk. */
    assert_int_equal(run(&s, ENG_ACT_TRANSFER, &other_desk, "phan_cong"), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_TRANSFER, &reception, "phan_cong"), MC_OK);
    /* phan_cong belongs to the head of unit 10. */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "tham_dinh"), MC_EPERM);
    assert_non_null(strstr(s.err.msg, "phan_cong"));
    assert_int_equal(run(&s, ENG_ACT_ASSIGN, &spec, NULL), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "tham_dinh"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_ASSIGN, &head, NULL), MC_OK);
    /* Assigned to spec: a colleague with the same role may not act. */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec2, "xem_xet"), MC_EPERM);
    assert_non_null(strstr(s.err.msg, "assigned to another officer"));
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &deputy, "xem_xet"), MC_EPERM);
    /* The head may reassign. */
    struct eng_request r = full_request(&s, ENG_ACT_ASSIGN, &head);
    r.assignee = spec2.person;
    assert_int_equal(run_req(&s, &r, NULL), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_EPERM);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec2, "xem_xet"), MC_OK);
    r = full_request(&s, ENG_ACT_ASSIGN, &head);
    r.assignee = 0;
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
    /* The applicant may withdraw but not act at a step. */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &applicant, "phe_duyet"), MC_EPERM);
}

static void control_team_never_acts(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        assert_int_equal(run(&s, (enum eng_action)a, &control, "xem_xet"), MC_EPERM);
    }
    assert_non_null(strstr(s.err.msg, "Tổ kiểm soát"));
    struct eng_context ctx = {
        .now = s.now, .rules = s.rules, .wt = &s.wt, .step = step_named(s.d.step)
    };
    assert_int_equal(eng_allowed_actions(&s.d, &control, &ctx), 0);
    /* A step may not be given to the control team either. */
    struct eng_step bad = steps[1];
    bad.role = ROLE_CONTROL;
    ctx.step = &bad;
    struct eng_request r = full_request(&s, ENG_ACT_FORWARD, &spec);
    struct eng_dossier next;
    struct eng_effects fx;
    assert_int_equal(eng_decide(&s.d, &r, &ctx, &next, &fx, NULL), MC_EINVAL);
}

/* NĐ 61 Điều 19.9: the apology and new appointment at the latest one
 * (working) day before the due time, and only once. */
static void apology_once_and_in_time(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0)); /* due Monday 12 Oct 09:00 */
    /* The specialist cannot apologise: the head of unit or a leader does. */
    assert_int_equal(run(&s, ENG_ACT_APOLOGIZE, &spec, NULL), MC_EPERM);
    struct eng_request r = full_request(&s, ENG_ACT_APOLOGIZE, &head);
    r.new_due_at = s.d.due_at;
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
    r.new_due_at = s.d.due_at + 1440;
    r.reason = NULL;
    assert_int_equal(run_req(&s, &r, NULL), MC_EINVAL);
    int64_t legal = s.d.legal_due_at;
    assert_int_equal(run(&s, ENG_ACT_APOLOGIZE, &head, NULL), MC_OK);
    assert_true((s.fx.flags & ENG_FX_FORM_APOLOGY) != 0);
    assert_int_equal(s.d.apologies, 1);
    assert_int_equal(s.d.due_at, legal + 3 * 1440);
    assert_int_equal(s.d.legal_due_at, legal); /* the law's due time does not move */
    assert_int_equal(run(&s, ENG_ACT_APOLOGIZE, &director, NULL), MC_ECONFLICT);
    assert_non_null(strstr(s.err.msg, "only once"));

    /* Lead time: exactly one working day before is in time, less is late. */
    static const struct {
        int64_t left;
        enum mc_status rc;
    } table[] = { { 481, MC_OK }, { 480, MC_OK }, { 479, MC_ECONFLICT }, { 0, MC_ECONFLICT } };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        to_appraisal(&s, vn(2026, 10, 5, 9, 0));
        int64_t used = eng_wt_between(&s.wt, s.d.received_at, s.now);
        pass(&s, 2400 - used - table[i].left);
        assert_int_equal(run(&s, ENG_ACT_APOLOGIZE, &deputy, NULL), table[i].rc);
        if (table[i].rc != MC_OK) {
            assert_non_null(strstr(s.err.msg, "too late"));
        }
    }
}

/* Issue 4 §3: a late dossier names the step and person whose time overran,
 * and is late even when it meets the apology's new appointment. */
static void a_late_dossier_names_the_step(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_APOLOGIZE, &head, NULL), MC_OK);
    pass(&s, 2500); /* tham_dinh had 960 */
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_LATE);
    assert_string_equal(s.d.late_step, "tham_dinh");
    assert_int_equal(s.d.late_person, spec.person);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "phe_duyet"), MC_OK);
    assert_int_equal(s.fx.step_verdict, ENG_VERDICT_EARLY);
    assert_int_equal(run(&s, ENG_ACT_APPROVE, &deputy, "van_thu"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_RESULT_READY, &clerk, NULL), MC_OK);
    assert_true(s.now <= s.d.due_at);
    assert_true(s.now > s.d.legal_due_at);
    assert_int_equal(s.d.verdict, ENG_VERDICT_LATE);
    assert_string_equal(s.d.late_step, "tham_dinh");
    assert_true((s.fx.flags & ENG_FX_FINISHED) != 0);
}

/* QĐ 766 [766-F]: more than one supplement request counts late. */
static void two_supplement_requests_count_late(void **state)
{
    (void)state;
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    for (int i = 0; i < 2; i++) {
        assert_int_equal(run(&s, ENG_ACT_REQUEST_SUPPLEMENT, &spec, NULL), MC_OK);
        assert_int_equal(run(&s, ENG_ACT_SUPPLEMENT_RECEIVED, &reception, NULL), MC_OK);
    }
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "phe_duyet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_APPROVE, &deputy, "van_thu"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_RESULT_READY, &clerk, NULL), MC_OK);
    assert_int_equal(s.d.verdict, ENG_VERDICT_LATE);
    struct eng_766_input in;
    eng_dossier_766(&s.d, s.rules, s.now, &in);
    assert_int_equal(eng_verdict_766(&in), ENG_VERDICT_LATE);
}

static void withdrawal_and_terminal_statuses(void **state)
{
    (void)state;
    /* Withdrawal from every pre-result status. */
    static const enum eng_action lead[][3] = {
        { ENG_ACT_SUBMIT_ONLINE, ENG_ACT_COUNT, ENG_ACT_COUNT },
        { ENG_ACT_RECEIVE, ENG_ACT_COUNT, ENG_ACT_COUNT },
        { ENG_ACT_RECEIVE, ENG_ACT_TRANSFER, ENG_ACT_COUNT },
        { ENG_ACT_RECEIVE, ENG_ACT_TRANSFER, ENG_ACT_REQUEST_PAYMENT },
    };
    static const enum eng_status want[] = { ENG_ST_NEW, ENG_ST_ACCEPTED, ENG_ST_PROCESSING,
                                            ENG_ST_FINANCIAL };
    for (size_t i = 0; i < 4; i++) {
        struct sim s;
        sim_init(&s, vn(2026, 10, 5, 9, 0));
        for (size_t k = 0; k < 3 && lead[i][k] != ENG_ACT_COUNT; k++) {
            const struct eng_actor *who = lead[i][k] == ENG_ACT_SUBMIT_ONLINE     ? &applicant
                                          : lead[i][k] == ENG_ACT_REQUEST_PAYMENT ? &head
                                                                                  : &reception;
            assert_int_equal(run(&s, lead[i][k], who, "phan_cong"), MC_OK);
        }
        assert_int_equal(s.d.status, want[i]);
        pass(&s, 30);
        assert_int_equal(run(&s, ENG_ACT_WITHDRAW, i % 2 ? &applicant : &reception, NULL), MC_OK);
        assert_int_equal(s.d.status, ENG_ST_WITHDRAWN);
        assert_true(s.d.clock.state == ENG_CLOCK_STOPPED || s.d.clock.state == ENG_CLOCK_IDLE);
    }
    /* From 9 only the return is possible; from 3, 7, 8, 10 nothing. */
    struct sim s;
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &spec, "xem_xet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_FORWARD, &head, "phe_duyet"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_APPROVE, &deputy, "van_thu"), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_RESULT_READY, &clerk, NULL), MC_OK);
    assert_int_equal(run(&s, ENG_ACT_WITHDRAW, &applicant, NULL), MC_ECONFLICT);
    assert_int_equal(run(&s, ENG_ACT_RETURN_RESULT, &reception, NULL), MC_OK);
    static const enum eng_status terminal[] = { ENG_ST_NOT_ACCEPTED, ENG_ST_WITHDRAWN,
                                                ENG_ST_STOPPED, ENG_ST_RETURNED };
    static const struct eng_actor *const everyone[] = { &reception, &head,  &spec,
                                                        &deputy,    &clerk, &applicant };
    for (size_t t = 0; t < 4; t++) {
        s.d.status = terminal[t];
        for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
            for (size_t w = 0; w < sizeof(everyone) / sizeof(everyone[0]); w++) {
                assert_int_equal(run(&s, (enum eng_action)a, everyone[w], "phan_cong"),
                                 MC_ECONFLICT);
                assert_non_null(strstr(s.err.msg, "closed"));
            }
        }
    }
}

static void allowed_actions_list(void **state)
{
    (void)state;
    struct sim s;
    sim_init(&s, vn(2026, 10, 5, 9, 0));
    struct eng_context ctx = { .now = s.now, .rules = s.rules, .wt = &s.wt };
    uint32_t m = eng_allowed_actions(&s.d, &reception, &ctx);
    assert_int_equal(m, (1u << ENG_ACT_RECEIVE) | (1u << ENG_ACT_REFUSE_RECEIPT) |
                            (1u << ENG_ACT_DESK_SUPPLEMENT));
    assert_int_equal(eng_allowed_actions(&s.d, &applicant, &ctx), 1u << ENG_ACT_SUBMIT_ONLINE);
    to_appraisal(&s, vn(2026, 10, 5, 9, 0));
    ctx.step = step_named(s.d.step);
    m = eng_allowed_actions(&s.d, &spec, &ctx);
    uint32_t want = (1u << ENG_ACT_FORWARD) | (1u << ENG_ACT_RETURN_PREV) |
                    (1u << ENG_ACT_CONSULT) | (1u << ENG_ACT_SEND_OTHER_AGENCY) |
                    (1u << ENG_ACT_REQUEST_SUPPLEMENT) | (1u << ENG_ACT_REQUEST_PAYMENT) |
                    (1u << ENG_ACT_APPROVE) | (1u << ENG_ACT_REFUSE) | (1u << ENG_ACT_RESULT_READY);
    /* The list is by role and status; step rules (signing, may_return) are
     * checked when the action is tried. */
    assert_int_equal(m, want);
    m = eng_allowed_actions(&s.d, &head, &ctx);
    assert_int_equal(m, (1u << ENG_ACT_ASSIGN) | (1u << ENG_ACT_APOLOGIZE));
    m = eng_allowed_actions(&s.d, &reception, &ctx);
    assert_int_equal(m, 1u << ENG_ACT_WITHDRAW);
    enum eng_action a;
    assert_true(eng_action_parse("return_previous", &a));
    assert_int_equal(a, ENG_ACT_RETURN_PREV);
    assert_false(eng_action_parse("teleport", &a));
    assert_string_equal(eng_status_name_vi(ENG_ST_FINANCIAL),
                        "Yêu cầu thực hiện nghĩa vụ tài chính");
    assert_string_equal(eng_status_name_vi(ENG_ST_WITHDRAWN), "Công dân yêu cầu rút hồ sơ");
}

/* TT 22/2019 Phụ lục I codes and names, exactly as domain.md §1.9. */
static void status_codes_and_names(void **state)
{
    (void)state;
    static const struct {
        int code;
        const char *vi;
        bool terminal;
    } table[] = {
        { 1, "Mới đăng ký", false },
        { 2, "Được tiếp nhận", false },
        { 3, "Không được tiếp nhận", true },
        { 4, "Đang xử lý", false },
        { 5, "Yêu cầu bổ sung giấy tờ", false },
        { 6, "Yêu cầu thực hiện nghĩa vụ tài chính", false },
        { 7, "Công dân yêu cầu rút hồ sơ", true },
        { 8, "Dừng xử lý", true },
        { 9, "Đã xử lý xong", false },
        { 10, "Đã trả kết quả", true },
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        enum eng_status st;
        assert_true(eng_status_from_code(table[i].code, &st));
        assert_int_equal(eng_status_code(st), table[i].code);
        assert_string_equal(eng_status_name_vi(st), table[i].vi);
        assert_int_equal(eng_status_is_terminal(st), table[i].terminal);
    }
    enum eng_status st;
    assert_false(eng_status_from_code(11, &st));
    assert_false(eng_status_from_code(-1, &st));
    assert_true(eng_status_waits_for_applicant(ENG_ST_SUPPLEMENT));
    assert_true(eng_status_waits_for_applicant(ENG_ST_FINANCIAL));
    assert_false(eng_status_waits_for_applicant(ENG_ST_PROCESSING));
    assert_string_equal(eng_stage_key(ENG_STAGE_OTHER_AGENCY), "other_agency");
}

/* ---- randomised walk ---------------------------------------------------- */

static uint64_t rng_state = 0x6d6f74637561ULL; /* "motcua", fixed */

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static size_t pick(size_t n)
{
    return (size_t)(rnd() % n);
}

static bool has(const struct eng_actor *a, unsigned mask, int64_t unit, bool any_unit)
{
    if (a->kind != ENG_ACTOR_STAFF) {
        return false;
    }
    for (size_t i = 0; i < a->n_grants; i++) {
        if (a->grants[i].role != ROLE_CONTROL && (ROLE_BIT(a->grants[i].role) & mask) &&
            (any_unit || a->grants[i].unit == unit)) {
            return true;
        }
    }
    return false;
}

/* The role table of dossier_rules.h, written again independently. */
static bool oracle_role_ok(const struct eng_dossier *d, const struct eng_request *r,
                           const struct eng_step *s)
{
    const struct eng_actor *a = &r->actor;
    int64_t desk = d->status == ENG_ST_NONE ? r->desk_unit : d->desk_unit;
    /* An internal case has no desk: its owning unit's heads act for it. */
    bool internal = d->status != ENG_ST_NONE && d->channel == ENG_CHANNEL_INTERNAL;
    bool desk_ok = internal ? has(a, ROLE_MASK_UNIT_LEADERS, desk, false)
                            : has(a, ROLE_BIT(ROLE_RECEPTION), desk, false);
    bool step_ok = s && has(a, ROLE_BIT(s->role), s->unit, false) &&
                   (d->holder == 0 || d->holder == a->person);
    switch (r->action) {
    case ENG_ACT_SUBMIT_ONLINE:
        return a->kind == ENG_ACTOR_APPLICANT;
    case ENG_ACT_WITHDRAW:
        return (a->kind == ENG_ACTOR_APPLICANT && !internal) || desk_ok;
    case ENG_ACT_OPEN_CASE:
        return has(a, ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST), desk, false) ||
               has(a, ROLE_MASK_LEADERS, 0, true);
    case ENG_ACT_ASSIGN:
        return s && has(a, ROLE_MASK_UNIT_LEADERS, s->unit, false);
    case ENG_ACT_BACK_FROM_AGENCY:
        return step_ok || desk_ok;
    case ENG_ACT_CONSULT_ANSWER:
        return has(a, ROLE_MASK_UNIT_LEADERS | ROLE_BIT(ROLE_SPECIALIST), r->consult_unit, false);
    case ENG_ACT_APOLOGIZE:
        return (s && has(a, ROLE_MASK_UNIT_LEADERS, s->unit, false)) ||
               has(a, ROLE_MASK_LEADERS, 0, true);
    case ENG_ACT_RECEIVE:
    case ENG_ACT_ACCEPT:
    case ENG_ACT_REFUSE_RECEIPT:
    case ENG_ACT_DESK_SUPPLEMENT:
    case ENG_ACT_TRANSFER:
    case ENG_ACT_SUPPLEMENT_RECEIVED:
    case ENG_ACT_PAID:
    case ENG_ACT_RETURN_RESULT:
        return desk_ok;
    default:
        return step_ok;
    }
}

/* Status changes the lifecycle allows (domain.md §1.9). */
static bool transition_ok(enum eng_status from, enum eng_status to)
{
    static const unsigned ok[ENG_ST_COUNT] = {
        [ENG_ST_NONE] = 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4, /* 4: open_case */
        [ENG_ST_NEW] = 1u << 1 | 1u << 2 | 1u << 3 | 1u << 5 | 1u << 7,
        [ENG_ST_ACCEPTED] = 1u << 2 | 1u << 4 | 1u << 7,
        [ENG_ST_PROCESSING] = 1u << 4 | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9,
        [ENG_ST_SUPPLEMENT] = 1u << 1 | 1u << 4 | 1u << 5 | 1u << 7,
        [ENG_ST_FINANCIAL] = 1u << 4 | 1u << 6 | 1u << 7,
        [ENG_ST_DONE] = 1u << 9 | 1u << 10,
    };
    return (ok[from] & (1u << to)) != 0;
}

static void clock_sane(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt)
{
    assert_true(c->consumed >= 0);
    assert_true(c->budget >= 0);
    assert_true(c->waited >= 0);
    assert_true(eng_clock_consumed_at(c, now, wt) >= 0);
    assert_true(eng_clock_remaining_at(c, now, wt) >= 0);
    assert_true(eng_clock_overdue_at(c, now, wt) >= 0);
    assert_true(eng_clock_remaining_at(c, now, wt) == 0 || eng_clock_overdue_at(c, now, wt) == 0);
}

static void blake2b(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN])
{
    (void)ctx;
    crypto_generichash(out, ENG_HASH_LEN, data, len, NULL, 0);
}

#define WALK_DOSSIERS 120
#define WALK_ACTIONS  30000
#define WALK_EVENTS   96

struct walked {
    struct eng_dossier d;
    struct eng_handover ev[WALK_EVENTS];
    size_t n_ev;
};

static void randomised_walk_keeps_the_invariants(void **state)
{
    (void)state;
    static struct walked w[WALK_DOSSIERS];
    static const struct eng_actor *const cast[] = {
        &reception, &other_desk, &head,   &spec,   &spec2,   &deputy,
        &director,  &clerk,      &spec_b, &head_c, &control, &applicant,
    };
    static const char *const targets[] = { "phan_cong", "tham_dinh", "xem_xet",
                                           "phe_duyet", "van_thu",   "nowhere" };
    struct eng_worktime wt = fake_worktime();
    const struct eng_ruleset *sets[2] = { eng_ruleset_find("nd61-2018"), NULL };
    struct eng_ruleset subtract = *sets[0];
    subtract.supplement_clock = ENG_SUPPLEMENT_SUBTRACT;
    sets[1] = &subtract;
    for (size_t i = 0; i < WALK_DOSSIERS; i++) {
        eng_dossier_init(&w[i].d);
        w[i].n_ev = 0;
    }
    int64_t now = vn(2026, 10, 5, 7, 0);
    size_t ok = 0, dossiers = WALK_DOSSIERS, reached[ENG_ST_COUNT] = { 0 },
           done_per_action[ENG_ACT_COUNT] = { 0 };
    for (size_t n = 0; n < WALK_ACTIONS; n++) {
        now = eng_wt_add(&wt, now, (int64_t)pick(6));
        struct walked *x = &w[pick(WALK_DOSSIERS)];
        struct eng_dossier *d = &x->d;
        if (eng_status_is_terminal(d->status) && pick(4) == 0) {
            /* A closed dossier stays closed; check its chain and open a new one. */
            size_t bad = 0;
            assert_int_equal(eng_handover_verify(x->ev, x->n_ev, blake2b, NULL, &bad, NULL), MC_OK);
            eng_dossier_init(d);
            x->n_ev = 0;
            dossiers++;
        }
        const struct eng_step *at = d->status == ENG_ST_PROCESSING ? step_named(d->step) : NULL;
        const struct eng_actor *who = cast[pick(sizeof(cast) / sizeof(cast[0]))];
        enum eng_action a = (enum eng_action)pick(ENG_ACT_COUNT);
        if (pick(4) > 0) {
            /* Mostly someone who can do something, so that the walk gets far;
             * withdrawal and refusal at receipt end a dossier early: rare. */
            struct eng_context probe = { .now = now, .rules = sets[0], .wt = &wt, .step = at };
            struct {
                const struct eng_actor *who;
                enum eng_action a;
            } able[sizeof(cast) / sizeof(cast[0]) * ENG_ACT_COUNT];
            size_t n_able = 0;
            for (size_t c = 0; c < sizeof(cast) / sizeof(cast[0]); c++) {
                uint32_t m = eng_allowed_actions(d, cast[c], &probe);
                for (unsigned k = 0; k < ENG_ACT_COUNT; k++) {
                    if (m & (1u << k)) {
                        able[n_able].who = cast[c];
                        able[n_able++].a = (enum eng_action)k;
                    }
                }
            }
            for (int tries = 0; n_able > 0 && tries < 8; tries++) {
                size_t c = pick(n_able);
                who = able[c].who;
                a = able[c].a;
                bool rare = a == ENG_ACT_WITHDRAW || a == ENG_ACT_REFUSE_RECEIPT ||
                            a == ENG_ACT_OPEN_CASE; /* a case cannot meet the desk */
                if (!rare || pick(10) == 0) {
                    break;
                }
            }
        }
        /* Bias towards the lifecycle's own next move so that dossiers get far. */
        const char *target = targets[pick(sizeof(targets) / sizeof(targets[0]))];
        if (pick(3) > 0) {
            if (a == ENG_ACT_RETURN_PREV && d->path_len > 0) {
                target = d->path[d->path_len - 1];
            } else if (at && at->n_next > 0) {
                target = at->next[0];
            } else if (d->status == ENG_ST_ACCEPTED) {
                target = "phan_cong";
            }
        }
        struct sim tmp = { .d = *d };
        struct eng_request r = full_request(&tmp, a, who);
        r.consult_unit = pick(2) ? UNIT_B : UNIT_C;
        r.assignee = pick(2) ? spec.person : spec2.person;
        if (pick(8) == 0) {
            r.reason = NULL;
            r.n_missing = 0;
            r.signature = false;
        }
        struct eng_context ctx = {
            .now = now,
            .rules = sets[(size_t)(x - w) % 2],
            .wt = &wt,
            .step = at,
            .target = step_named(target),
        };
        struct eng_dossier next;
        struct eng_effects fx;
        struct mc_err err = { 0 };
        enum mc_status rc = eng_decide(d, &r, &ctx, &next, &fx, &err);

        /* Invariants after every step. */
        if (rc != MC_OK) {
            assert_memory_equal(&next, d, sizeof(next));
            assert_true(err.msg[0] != '\0');
        } else {
            ok++;
            done_per_action[a]++;
            assert_false(eng_status_is_terminal(d->status));
            assert_true(oracle_role_ok(d, &r, at));
            assert_true(who != &control);
            assert_true(transition_ok(d->status, next.status));
            assert_true(next.apologies <= 1);
            assert_true(next.apologies >= d->apologies);
            if (next.received_at != 0) {
                assert_true(next.legal_due_at >= next.received_at);
                assert_true(next.due_at >= next.legal_due_at || next.apologies == 1);
            }
            if (next.status == ENG_ST_PROCESSING) {
                assert_non_null(step_named(next.step));
            }
            if ((fx.flags & ENG_FX_HANDOVER) && x->n_ev < WALK_EVENTS) {
                struct eng_handover *ev = &x->ev[x->n_ev];
                *ev = (struct eng_handover){
                    .seq = x->n_ev + 1,
                    .at = now,
                    .actor = who->person,
                    .from_unit = fx.from_unit,
                    .from_person = fx.from_person,
                    .to_unit = fx.to_unit,
                    .to_person = fx.to_person,
                    .action = eng_action_key(a),
                    .status_before = eng_status_code(d->status),
                    .status_after = eng_status_code(next.status),
                    .verdict = eng_verdict_key(fx.step_verdict),
                };
                assert_int_equal(eng_handover_seal(ev, x->n_ev ? x->ev[x->n_ev - 1].hash : NULL,
                                                   blake2b, NULL, &err),
                                 MC_OK);
                x->n_ev++;
            }
            *d = next;
            reached[d->status]++;
        }
        clock_sane(&d->clock, now, &wt);
        clock_sane(&d->step_clock, now, &wt);
    }
    /* The walk must have gone everywhere, or it proves little. */
    print_message("walk: %zu dossiers, %zu of %d actions accepted\n", dossiers, ok, WALK_ACTIONS);
    assert_true(ok > WALK_ACTIONS / 5);
    assert_true(dossiers > 2 * WALK_DOSSIERS);
    for (int st = 1; st < ENG_ST_COUNT; st++) {
        if (reached[st] == 0) {
            print_error("status %d never reached\n", st);
        }
        assert_true(reached[st] > 0);
    }
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        if (done_per_action[a] == 0) {
            print_error("action %s never succeeded\n", eng_action_key((enum eng_action)a));
        }
        assert_true(done_per_action[a] > 0);
    }
    for (size_t i = 0; i < WALK_DOSSIERS; i++) {
        size_t bad = 0;
        assert_int_equal(eng_handover_verify(w[i].ev, w[i].n_ev, blake2b, NULL, &bad, NULL), MC_OK);
    }
}

int main(void)
{
    if (sodium_init() < 0) {
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paper_dossier_from_receipt_to_return),
        cmocka_unit_test(internal_case_opens_at_the_first_step),
        cmocka_unit_test(receipt_effects_and_appointment),
        cmocka_unit_test(transfer_deadline_follows_the_15h_rule),
        cmocka_unit_test(online_supplement_then_refusal_after_appraisal),
        cmocka_unit_test(refusals_at_receipt),
        cmocka_unit_test(counter_guidance_creates_nothing),
        cmocka_unit_test(supplement_after_appraisal_restart_or_subtract),
        cmocka_unit_test(supplement_request_window),
        cmocka_unit_test(financial_obligation_pauses_the_clocks),
        cmocka_unit_test(consultation_blocks_until_answered_or_lapsed),
        cmocka_unit_test(inter_agency_round_trip),
        cmocka_unit_test(return_to_previous_only_where_allowed),
        cmocka_unit_test(forward_checks_target_and_signature),
        cmocka_unit_test(roles_are_enforced),
        cmocka_unit_test(control_team_never_acts),
        cmocka_unit_test(apology_once_and_in_time),
        cmocka_unit_test(a_late_dossier_names_the_step),
        cmocka_unit_test(two_supplement_requests_count_late),
        cmocka_unit_test(withdrawal_and_terminal_statuses),
        cmocka_unit_test(allowed_actions_list),
        cmocka_unit_test(status_codes_and_names),
        cmocka_unit_test(randomised_walk_keeps_the_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
