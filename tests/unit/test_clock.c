/* Unit tests for src/core/clock: working-time budgets per dossier and per
 * step, derived overdue, and the early / on time / late verdicts. Times are
 * local (UTC+7) on the fake calendar: Mon–Fri 07:00–11:30, 13:30–17:00. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "core/clock.h"
#include "fake_worktime.h"

/* The fake calendar itself, so that a wrong expectation below cannot hide
 * behind a wrong fake. 2026-10-08 is a Thursday. */
static void fake_calendar_honours_the_contract(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    assert_int_equal(eng_wt_between(&wt, vn(2026, 10, 8, 7, 0), vn(2026, 10, 8, 17, 0)), 480);
    assert_int_equal(eng_wt_between(&wt, vn(2026, 10, 8, 11, 0), vn(2026, 10, 8, 14, 0)), 60);
    /* Friday 16:00 → Monday 08:00: one hour each side of the weekend. */
    assert_int_equal(eng_wt_between(&wt, vn(2026, 10, 9, 16, 0), vn(2026, 10, 12, 8, 0)), 120);
    assert_int_equal(eng_wt_between(&wt, vn(2026, 10, 9, 16, 0), vn(2026, 10, 9, 15, 0)), 0);
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 8, 11, 0), 30), vn(2026, 10, 8, 11, 30));
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 8, 11, 0), 31), vn(2026, 10, 8, 13, 31));
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 9, 18, 0), 0), vn(2026, 10, 12, 7, 0));
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 9, 16, 0), 120), vn(2026, 10, 12, 8, 0));
    for (int64_t m = 0; m < 5000; m += 37) {
        int64_t t = vn(2026, 10, 8, 10, 13);
        assert_int_equal(eng_wt_between(&wt, t, eng_wt_add(&wt, t, m)), m);
    }
}

static void consumption_follows_working_time(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    struct eng_clock c;
    /* A 3-working-day limit (1440 minutes) received Thursday 09:00. */
    eng_clock_start(&c, 3 * 480, vn(2026, 10, 8, 9, 0));
    static const struct {
        int mo, d, h, mi;
        int64_t used, left, over;
    } table[] = {
        { 10, 8, 9, 0, 0, 1440, 0 },     { 10, 8, 11, 30, 150, 1290, 0 },
        { 10, 8, 14, 0, 180, 1260, 0 },  { 10, 9, 17, 0, 840, 600, 0 },
        { 10, 11, 12, 0, 840, 600, 0 }, /* Sunday: nothing counts */
        { 10, 12, 17, 0, 1320, 120, 0 }, { 10, 13, 9, 0, 1440, 0, 0 },
        { 10, 13, 9, 1, 1441, 0, 1 },    { 10, 15, 9, 0, 2400, 0, 960 },
        { 10, 8, 8, 0, 0, 1440, 0 }, /* before the start: never negative */
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        int64_t now = vn(2026, table[i].mo, table[i].d, table[i].h, table[i].mi);
        assert_int_equal(eng_clock_consumed_at(&c, now, &wt), table[i].used);
        assert_int_equal(eng_clock_remaining_at(&c, now, &wt), table[i].left);
        assert_int_equal(eng_clock_overdue_at(&c, now, &wt), table[i].over);
        assert_int_equal(eng_clock_is_overdue_at(&c, now, &wt), table[i].over > 0);
    }
    /* Due Tuesday 09:00: three working days from Thursday 09:00. */
    assert_int_equal(eng_clock_due_from(&c, vn(2026, 10, 9, 10, 0), &wt), vn(2026, 10, 13, 9, 0));
}

static void pause_resume_and_restart(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    struct eng_clock c;
    eng_clock_start(&c, 1440, vn(2026, 10, 8, 9, 0));
    eng_clock_pause(&c, vn(2026, 10, 8, 10, 0), &wt);
    assert_int_equal(c.state, ENG_CLOCK_PAUSED);
    assert_int_equal(eng_clock_consumed_at(&c, vn(2026, 10, 20, 10, 0), &wt), 60);
    /* A second pause changes nothing. */
    eng_clock_pause(&c, vn(2026, 10, 9, 10, 0), &wt);
    assert_int_equal(c.consumed, 60);
    /* While paused the due time moves with `now`: 1380 minutes from Monday
     * 07:00 is Wednesday 16:00. */
    assert_int_equal(eng_clock_due_from(&c, vn(2026, 10, 12, 7, 0), &wt), vn(2026, 10, 14, 16, 0));
    eng_clock_resume(&c, vn(2026, 10, 12, 8, 0), &wt);
    /* Waited Thu 10:00 → Mon 08:00 = 300 + 480 + 60 working minutes. */
    assert_int_equal(c.waited, 840);
    assert_int_equal(eng_clock_consumed_at(&c, vn(2026, 10, 12, 9, 0), &wt), 120);
    eng_clock_restart(&c, vn(2026, 10, 12, 9, 0), &wt);
    assert_int_equal(eng_clock_consumed_at(&c, vn(2026, 10, 12, 10, 0), &wt), 60);
    assert_int_equal(c.budget, 1440);
    eng_clock_stop(&c, vn(2026, 10, 12, 11, 0), &wt);
    assert_int_equal(c.state, ENG_CLOCK_STOPPED);
    assert_int_equal(eng_clock_consumed_at(&c, vn(2026, 11, 30, 9, 0), &wt), 120);
    /* A resume stamped before its pause counts nothing twice. */
    eng_clock_start(&c, 100, vn(2026, 10, 8, 9, 0));
    eng_clock_pause(&c, vn(2026, 10, 8, 10, 0), &wt);
    eng_clock_resume(&c, vn(2026, 10, 8, 9, 30), &wt);
    assert_int_equal(eng_clock_consumed_at(&c, vn(2026, 10, 8, 10, 30), &wt), 90);
    eng_clock_start(&c, -5, vn(2026, 10, 8, 9, 0));
    assert_int_equal(c.budget, 0);
}

/* Mẫu 05 column 3 per hop (domain.md §2.6): early if the allotment exceeds
 * the time used, on time if equal, late if less. */
static void step_verdict_is_exact(void **state)
{
    (void)state;
    struct eng_worktime wt = fake_worktime();
    struct eng_clock c;
    eng_clock_start(&c, 120, vn(2026, 10, 8, 9, 0));
    assert_int_equal(eng_clock_step_verdict(&c, vn(2026, 10, 8, 10, 59), &wt), ENG_VERDICT_EARLY);
    assert_int_equal(eng_clock_step_verdict(&c, vn(2026, 10, 8, 11, 0), &wt), ENG_VERDICT_ON_TIME);
    /* Lunch does not count: 11:00 → 13:30 is still on time. */
    assert_int_equal(eng_clock_step_verdict(&c, vn(2026, 10, 8, 13, 30), &wt), ENG_VERDICT_LATE);
    assert_string_equal(eng_verdict_name_vi(ENG_VERDICT_EARLY), "Trước hạn");
    assert_string_equal(eng_verdict_name_vi(ENG_VERDICT_ON_TIME), "Đúng hạn");
    assert_string_equal(eng_verdict_name_vi(ENG_VERDICT_LATE), "Quá hạn");
}

/* QĐ 766 indicator 2.1 as computed by VPCP [766-F], domain.md §1.10. */
static void verdict_766_table(void **state)
{
    (void)state;
    int64_t due = vn(2026, 10, 13, 9, 0);
    int64_t period = vn(2026, 10, 31, 17, 0);
    static const int64_t H = 60, D = 1440;
    struct {
        const char *what;
        int64_t finished;
        int requests;
        int64_t pending;
        int64_t wait;
        enum eng_verdict want;
    } table[] = {
        { "finished a day before", -D, 0, 0, 0, ENG_VERDICT_EARLY },
        { "finished the same day, before", -H, 0, 0, 0, ENG_VERDICT_ON_TIME },
        { "finished exactly at the due time", 0, 0, 0, 0, ENG_VERDICT_ON_TIME },
        { "finished a minute after", 1, 0, 0, 0, ENG_VERDICT_LATE },
        { "two supplement requests, finished early", -2 * D, 2, 0, 0, ENG_VERDICT_LATE },
        { "one request, finished late but waited longer", 2 * D, 1, 0, 3 * D, ENG_VERDICT_EARLY },
        { "one request, waited less than the delay", 2 * D, 1, 0, D, ENG_VERDICT_LATE },
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        struct eng_766_input in = {
            .appointment = due,
            .finished_at = due + table[i].finished,
            .supplement_requests = table[i].requests,
            .supplement_wait = table[i].wait,
            .period_end = period,
            .max_requests_on_time = 1,
        };
        assert_int_equal(eng_verdict_766(&in), table[i].want);
    }
    /* Unfinished: the end of the period is the end. */
    struct eng_766_input open = { .appointment = due,
                                  .period_end = period,
                                  .max_requests_on_time = 1 };
    assert_int_equal(eng_verdict_766(&open), ENG_VERDICT_LATE);
    open.period_end = due - D;
    assert_int_equal(eng_verdict_766(&open), ENG_VERDICT_EARLY);
    /* One open request and no return: the request time is the end. */
    open.period_end = period;
    open.supplement_requests = 1;
    open.supplement_pending_since = due - H;
    assert_int_equal(eng_verdict_766(&open), ENG_VERDICT_ON_TIME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fake_calendar_honours_the_contract),
        cmocka_unit_test(consumption_follows_working_time),
        cmocka_unit_test(pause_resume_and_restart),
        cmocka_unit_test(step_verdict_is_exact),
        cmocka_unit_test(verdict_766_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
