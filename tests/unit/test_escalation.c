/* Unit tests for src/core/escalation: rungs fire once each, catch up after
 * downtime, and widen the audience (issue 4 §4). Fake calendar: Mon–Fri
 * 07:00–11:30, 13:30–17:00 at UTC+7. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "core/escalation.h"
#include "fake_worktime.h"

#define ALL (ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD | ENG_NOTIFY_LEADER)

static void default_ladder_is_the_issue_ladder(void **state)
{
    (void)state;
    size_t n = 0;
    const struct eng_rung *r = eng_rungs_default(&n);
    assert_int_equal(n, 4);
    assert_int_equal(eng_rungs_check(r, n, NULL), MC_OK);
    /* Budget 5 working days = 2400 minutes. */
    assert_int_equal(eng_rung_threshold(&r[0], 2400), 1800); /* 75% used */
    assert_int_equal(eng_rung_threshold(&r[1], 2400), 1920); /* one working day left */
    assert_int_equal(eng_rung_threshold(&r[2], 2400), 2400); /* due */
    assert_int_equal(eng_rung_threshold(&r[3], 2400), 3360); /* 2 working days overdue */
    assert_int_equal(r[0].notify, ENG_NOTIFY_HOLDER);
    assert_int_equal(r[1].notify, ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD);
    assert_int_equal(r[2].notify, ALL);
    assert_int_equal(r[3].notify, ALL);
}

/* A 5-working-day clock started Monday 2026-10-05 07:00 (due Friday 17:00):
 * walk through the week, persisting the fired mask as the engine would. */
static void rungs_fire_once_each_in_order(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    size_t n = 0;
    const struct eng_rung *r = eng_rungs_default(&n);
    struct eng_clock c;
    eng_clock_start(&c, 2400, vn(2026, 10, 5, 7, 0));
    static const struct {
        int mo, d, h, mi;
        uint32_t fires;
        unsigned notify;
    } walk[] = {
        { 10, 5, 9, 0, 0, 0 },
        /* 75% = 1800 minutes: Mon–Wed give 1440, Thursday 15:00 the rest. */
        { 10, 8, 14, 59, 0, 0 },
        { 10, 8, 15, 0, 1u << 0, ENG_NOTIFY_HOLDER },
        { 10, 8, 15, 0, 0, 0 }, /* asking again fires nothing */
        { 10, 8, 16, 59, 0, 0 },
        { 10, 8, 17, 0, 1u << 1, ENG_NOTIFY_HOLDER | ENG_NOTIFY_HEAD }, /* 480 left */
        { 10, 9, 16, 59, 0, 0 },
        { 10, 9, 17, 0, 1u << 2, ALL }, /* due */
        { 10, 13, 16, 59, 0, 0 },
        { 10, 13, 17, 0, 1u << 3, ALL }, /* 2 working days overdue */
        { 10, 20, 9, 0, 0, 0 },
    };
    uint32_t fired = 0;
    for (size_t i = 0; i < sizeof(walk) / sizeof(walk[0]); i++) {
        unsigned notify = 99;
        int64_t now = vn(2026, walk[i].mo, walk[i].d, walk[i].h, walk[i].mi);
        uint32_t f = eng_escalate(r, n, fired, &c, now, &wt, &notify);
        assert_int_equal(f, walk[i].fires);
        assert_int_equal(notify, walk[i].notify);
        fired |= f;
    }
    assert_int_equal(fired, 0xf);
}

static void a_server_that_was_down_catches_up_once(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    size_t n = 0;
    const struct eng_rung *r = eng_rungs_default(&n);
    struct eng_clock c;
    eng_clock_start(&c, 2400, vn(2026, 10, 5, 7, 0));
    unsigned notify = 0;
    /* Nobody looked until the Friday noon: three rungs are due together. */
    uint32_t f = eng_escalate(r, n, 0, &c, vn(2026, 10, 9, 12, 0), &wt, &notify);
    assert_int_equal(f, 0x3);
    f = eng_escalate(r, n, 0x3, &c, vn(2026, 10, 20, 12, 0), &wt, &notify);
    assert_int_equal(f, 0xc);
    assert_int_equal(notify, ALL);
}

static void paused_idle_and_stopped_clocks(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    size_t n = 0;
    const struct eng_rung *r = eng_rungs_default(&n);
    struct eng_clock c = { 0 };
    unsigned notify = 0;
    assert_int_equal(eng_escalate(r, n, 0, &c, vn(2026, 10, 20, 9, 0), &wt, &notify), 0);
    /* Paused at 1000 minutes used: waiting for the applicant never escalates. */
    eng_clock_start(&c, 2400, vn(2026, 10, 5, 7, 0));
    eng_clock_pause(&c, eng_wt_add(&wt, vn(2026, 10, 5, 7, 0), 1000), &wt);
    assert_int_equal(eng_escalate(r, n, 0, &c, vn(2026, 12, 1, 9, 0), &wt, &notify), 0);
    assert_int_equal(eng_escalation_next_at(r, n, 0, &c, vn(2026, 12, 1, 9, 0), &wt), 0);
    eng_clock_stop(&c, vn(2026, 12, 1, 9, 0), &wt);
    assert_int_equal(eng_escalate(r, n, 0, &c, vn(2026, 12, 2, 9, 0), &wt, &notify), 0);
}

static void next_timer_is_the_nearest_unfired_rung(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    size_t n = 0;
    const struct eng_rung *r = eng_rungs_default(&n);
    struct eng_clock c;
    eng_clock_start(&c, 2400, vn(2026, 10, 5, 7, 0));
    /* 75% = 1800 minutes: Thursday 15:00 (Mon–Wed 1440 + 360 on Thursday). */
    assert_int_equal(eng_escalation_next_at(r, n, 0, &c, vn(2026, 10, 5, 7, 0), &wt),
                     vn(2026, 10, 8, 15, 0));
    /* One working day left: the end of Thursday's last session. */
    assert_int_equal(eng_escalation_next_at(r, n, 0x1, &c, vn(2026, 10, 5, 7, 0), &wt),
                     vn(2026, 10, 8, 17, 0));
    assert_int_equal(eng_escalation_next_at(r, n, 0xf, &c, vn(2026, 10, 5, 7, 0), &wt), 0);
}

static void check_rejects_bad_ladders(void **state)
{
    (void)state;
    struct eng_rung bad[][1] = {
        { { ENG_RUNG_USED_PERCENT, 0, ENG_NOTIFY_HOLDER } },
        { { ENG_RUNG_USED_PERCENT, 101, ENG_NOTIFY_HOLDER } },
        { { ENG_RUNG_LEFT, -1, ENG_NOTIFY_HOLDER } },
        { { ENG_RUNG_OVERDUE, 10, 0 } },
        { { ENG_RUNG_OVERDUE, 10, 1u << 5 } },
        { { (enum eng_rung_kind)9, 10, ENG_NOTIFY_HOLDER } },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct mc_err err = { 0 };
        assert_int_equal(eng_rungs_check(bad[i], 1, &err), MC_EINVAL);
    }
    assert_int_equal(eng_rungs_check(bad[0], 0, NULL), MC_EINVAL);
    struct eng_rung many[ENG_RUNGS_MAX + 1];
    for (size_t i = 0; i < ENG_RUNGS_MAX + 1; i++) {
        many[i] = (struct eng_rung){ ENG_RUNG_LEFT, 0, ENG_NOTIFY_HOLDER };
    }
    assert_int_equal(eng_rungs_check(many, ENG_RUNGS_MAX + 1, NULL), MC_EINVAL);
    assert_int_equal(eng_rungs_check(many, ENG_RUNGS_MAX, NULL), MC_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_ladder_is_the_issue_ladder),
        cmocka_unit_test(rungs_fire_once_each_in_order),
        cmocka_unit_test(a_server_that_was_down_catches_up_once),
        cmocka_unit_test(paused_idle_and_stopped_clocks),
        cmocka_unit_test(next_timer_is_the_nearest_unfired_rung),
        cmocka_unit_test(check_rejects_bad_ladders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
