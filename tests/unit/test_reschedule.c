/* Unit tests for src/core/reschedule: an open dossier's derived instants
 * moved from one calendar to another (docs/CALENDAR.md §3.2). The calendars
 * are the fake one (Mon–Fri 07:00–11:30, 13:30–17:00) with or without one
 * extra day off. 2026-10-05 is a Monday. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <stdio.h>
#include <string.h>

#include "core/reschedule.h"
#include "fake_worktime_off.h"

/* The fake-with-a-day-off itself keeps the seam's contract. */
static void day_off_calendar_honours_the_contract(void **state)
{
    (void)state;
    struct eng_worktime wt = with_day_off(2026, 10, 7);
    assert_int_equal(eng_wt_between(&wt, vn(2026, 10, 6, 7, 0), vn(2026, 10, 9, 7, 0)), 960);
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 6, 7, 0), 480), vn(2026, 10, 6, 17, 0));
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 6, 17, 0), 0), vn(2026, 10, 8, 7, 0));
    assert_int_equal(eng_wt_add(&wt, vn(2026, 10, 7, 9, 0), 60), vn(2026, 10, 8, 8, 0));
    for (int64_t t = vn(2026, 10, 5, 6, 0); t < vn(2026, 10, 12, 0, 0); t += 97) {
        for (int64_t m = 0; m < 2000; m += 131) {
            assert_int_equal(eng_wt_between(&wt, t, eng_wt_add(&wt, t, m)), m);
        }
    }
}

/* Received Monday 05/10/2026 08:00 with 5 working days, processing. */
static struct eng_dossier received(const struct eng_worktime *wt)
{
    struct eng_dossier d;
    memset(&d, 0, sizeof(d));
    d.status = ENG_ST_PROCESSING;
    d.stage = ENG_STAGE_IN_STEP;
    d.received_at = vn(2026, 10, 5, 8, 0);
    eng_clock_start(&d.clock, 5 * 480, d.received_at);
    eng_clock_start(&d.step_clock, 480, d.received_at);
    d.legal_due_at = eng_wt_add(wt, d.received_at, 5 * 480);
    d.due_at = d.legal_due_at;
    d.first_due_at = d.legal_due_at;
    return d;
}

static void a_day_off_moves_the_appointment_one_working_day_later(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    struct eng_dossier d = received(&plain);
    assert_int_equal(d.due_at, vn(2026, 10, 12, 8, 0));
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &off);
    assert_int_equal(ch, ENG_RESCHED_LEGAL | ENG_RESCHED_APPOINTMENT | ENG_RESCHED_FIRST);
    assert_int_equal(d.legal_due_at, vn(2026, 10, 13, 8, 0));
    assert_int_equal(d.due_at, vn(2026, 10, 13, 8, 0));
    assert_int_equal(d.first_due_at, vn(2026, 10, 13, 8, 0));
    /* The stored due time agrees with the clock read on the new calendar. */
    assert_int_equal(d.legal_due_at, eng_clock_due_from(&d.clock, vn(2026, 10, 6, 9, 0), &off));
}

static void the_same_calendar_moves_nothing(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime();
    struct eng_dossier d = received(&plain), before = d;
    assert_int_equal(eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &plain), 0);
    assert_memory_equal(&d, &before, sizeof(d));
    /* A day off after the due time changes nothing either. */
    struct eng_worktime later = with_day_off(2026, 10, 20);
    assert_int_equal(eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &later), 0);
}

/* A working day added (a day off taken back, a make-up day): the officers'
 * clock counts it, the promise to the applicant stays. */
static void an_added_working_day_keeps_the_promised_appointment(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    struct eng_dossier d = received(&off);
    assert_int_equal(d.due_at, vn(2026, 10, 13, 8, 0));
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &off, &plain);
    assert_int_equal(ch, ENG_RESCHED_LEGAL);
    assert_int_equal(d.legal_due_at, vn(2026, 10, 12, 8, 0));
    assert_int_equal(d.due_at, vn(2026, 10, 13, 8, 0));
    assert_int_equal(d.first_due_at, vn(2026, 10, 13, 8, 0));
}

static void an_apology_date_is_kept_unless_the_legal_due_passes_it(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    struct eng_dossier d = received(&plain);
    d.apologies = 1;
    d.due_at = vn(2026, 10, 16, 17, 0); /* Mẫu 04: Friday */
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &off);
    assert_int_equal(ch, ENG_RESCHED_LEGAL | ENG_RESCHED_FIRST);
    assert_int_equal(d.due_at, vn(2026, 10, 16, 17, 0));
    assert_int_equal(d.legal_due_at, vn(2026, 10, 13, 8, 0));

    struct eng_dossier e = received(&plain);
    e.apologies = 1;
    e.due_at = vn(2026, 10, 12, 16, 0); /* before the new legal due */
    ch = eng_reschedule(&e, vn(2026, 10, 6, 9, 0), &plain, &off);
    assert_true(ch & ENG_RESCHED_APPOINTMENT);
    assert_int_equal(e.due_at, vn(2026, 10, 13, 8, 0));
}

/* Waiting for the applicant: the due time is what was left at the pause,
 * counted on the new calendar from the pause (the wait is added at resume). */
static void a_paused_clock_counts_what_was_left_at_the_pause(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 8);
    struct eng_dossier d = received(&plain);
    d.status = ENG_ST_SUPPLEMENT;
    d.stage = ENG_STAGE_STEP_SUPPLEMENT;
    eng_clock_pause(&d.clock, vn(2026, 10, 6, 8, 0), &plain); /* 8 h used */
    eng_clock_pause(&d.step_clock, vn(2026, 10, 6, 8, 0), &plain);
    assert_int_equal(d.clock.consumed, 480);
    assert_int_equal(eng_reschedule_legal_due(&d.clock, d.legal_due_at, &plain), d.legal_due_at);
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 7, 9, 0), &plain, &off);
    assert_true(ch & ENG_RESCHED_LEGAL);
    assert_int_equal(d.legal_due_at, vn(2026, 10, 13, 8, 0));
    /* A clock already past its budget when it paused keeps its due time. */
    struct eng_clock over = d.clock;
    over.consumed = over.budget + 10;
    assert_int_equal(eng_reschedule_legal_due(&over, 12345, &off), 12345);
}

static void finished_and_unreceived_dossiers_are_never_touched(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    enum eng_status closed[] = { ENG_ST_DONE,      ENG_ST_RETURNED,     ENG_ST_STOPPED,
                                 ENG_ST_WITHDRAWN, ENG_ST_NOT_ACCEPTED, ENG_ST_NEW };
    for (size_t i = 0; i < sizeof(closed) / sizeof(closed[0]); i++) {
        struct eng_dossier d = received(&plain), before;
        d.status = closed[i];
        if (closed[i] == ENG_ST_DONE) {
            eng_clock_stop(&d.clock, vn(2026, 10, 6, 9, 0), &plain);
            d.verdict = ENG_VERDICT_EARLY;
        }
        before = d;
        assert_false(eng_reschedule_applies(&d));
        assert_int_equal(eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &off), 0);
        assert_memory_equal(&d, &before, sizeof(d));
    }
    /* Statuses 2, 4, 5, 6 after receipt are open. */
    struct eng_dossier d = received(&plain);
    enum eng_status open[] = { ENG_ST_ACCEPTED, ENG_ST_PROCESSING, ENG_ST_SUPPLEMENT,
                               ENG_ST_FINANCIAL };
    for (size_t i = 0; i < 4; i++) {
        d.status = open[i];
        assert_true(eng_reschedule_applies(&d));
    }
    d.received_at = 0; /* a supplement asked before acceptance: no clock yet */
    d.status = ENG_ST_SUPPLEMENT;
    assert_false(eng_reschedule_applies(&d));
}

static void open_consultations_and_other_agency_keep_their_time_left(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    struct eng_dossier d = received(&plain);
    d.stage = ENG_STAGE_CONSULTING;
    d.n_consults = 3;
    d.consults[0] = (struct eng_consult){ .unit = 7, .deadline = vn(2026, 10, 8, 17, 0) };
    d.consults[1] = (struct eng_consult){ .unit = 8,
                                          .deadline = vn(2026, 10, 8, 17, 0),
                                          .answered_at = vn(2026, 10, 6, 8, 30) };
    d.consults[2] = (struct eng_consult){ .unit = 9, .deadline = vn(2026, 10, 6, 8, 0) };
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 6, 9, 0), &plain, &off);
    assert_true(ch & ENG_RESCHED_CONSULT);
    assert_int_equal(d.consults[0].deadline, vn(2026, 10, 9, 17, 0));
    assert_int_equal(d.consults[1].deadline, vn(2026, 10, 8, 17, 0)); /* answered */
    assert_int_equal(d.consults[2].deadline, vn(2026, 10, 6, 8, 0));  /* already past */

    struct eng_dossier a = received(&plain);
    a.stage = ENG_STAGE_OTHER_AGENCY;
    a.other_agency_due = vn(2026, 10, 7, 10, 0);
    ch = eng_reschedule(&a, vn(2026, 10, 6, 9, 0), &plain, &off);
    assert_true(ch & ENG_RESCHED_AGENCY);
    assert_int_equal(a.other_agency_due, vn(2026, 10, 8, 10, 0));
}

/* Paper received Tuesday 06/10 16:00 (after the 15:00 cut-off) under
 * NĐ 118, still at the desk: Điều 18 wants it transferred at the start of
 * the next working day. */
static struct eng_dossier at_desk(const struct eng_worktime *wt, enum eng_channel ch)
{
    struct eng_dossier d = received(wt);
    const struct eng_ruleset *rules = eng_ruleset_find("nd118-2025");
    assert_non_null(rules);
    snprintf(d.ruleset, sizeof(d.ruleset), "%s", rules->key);
    d.status = ENG_ST_ACCEPTED;
    d.stage = ENG_STAGE_NONE;
    d.channel = ch;
    d.received_at = vn(2026, 10, 6, 16, 0);
    d.transfer_by = eng_transfer_deadline(rules, wt, d.received_at, ch);
    return d;
}

static void the_transfer_deadline_follows_the_calendar_at_the_desk(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    struct eng_dossier d = at_desk(&plain, ENG_CHANNEL_DESK);
    assert_int_equal(d.transfer_by, vn(2026, 10, 7, 7, 0));
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 6, 16, 30), &plain, &off);
    assert_true(ch & ENG_RESCHED_TRANSFER);
    assert_int_equal(d.transfer_by, vn(2026, 10, 8, 7, 0));
    /* Online: no cut-off, the end of the day of receipt (17:00 here); a
     * day off on another day leaves it. */
    struct eng_dossier o = at_desk(&plain, ENG_CHANNEL_ONLINE);
    assert_int_equal(o.transfer_by, vn(2026, 10, 6, 17, 0));
    ch = eng_reschedule(&o, vn(2026, 10, 6, 16, 30), &plain, &off);
    assert_false(ch & ENG_RESCHED_TRANSFER);
    assert_int_equal(o.transfer_by, vn(2026, 10, 6, 17, 0));
    /* The day of receipt declared off: the desk had no time that day; the
     * deadline is the end of the next working day's first instant. */
    struct eng_worktime tue = with_day_off(2026, 10, 6);
    ch = eng_reschedule(&o, vn(2026, 10, 6, 16, 30), &plain, &tue);
    assert_true(ch & ENG_RESCHED_TRANSFER);
    assert_int_equal(o.transfer_by, eng_transfer_deadline(eng_ruleset_find("nd118-2025"), &tue,
                                                          o.received_at, ENG_CHANNEL_ONLINE));
    assert_true(o.transfer_by > vn(2026, 10, 6, 17, 0));
}

static void a_transfer_deadline_still_ahead_never_falls_into_the_past(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 7);
    /* Received on the calendar with Wednesday off: due Thursday 07:00. The
     * day off is taken back on Wednesday 09:00: the new deadline (Wednesday
     * 07:00) is already past, so the desk gets until now, not a late mark. */
    struct eng_dossier d = at_desk(&off, ENG_CHANNEL_DESK);
    assert_int_equal(d.transfer_by, vn(2026, 10, 8, 7, 0));
    unsigned ch = eng_reschedule(&d, vn(2026, 10, 7, 9, 0), &off, &plain);
    assert_true(ch & ENG_RESCHED_TRANSFER);
    assert_int_equal(d.transfer_by, vn(2026, 10, 7, 9, 0));
    /* Taken back before it passes: it simply follows the calendar. */
    struct eng_dossier e = at_desk(&off, ENG_CHANNEL_DESK);
    eng_reschedule(&e, vn(2026, 10, 6, 16, 30), &off, &plain);
    assert_int_equal(e.transfer_by, vn(2026, 10, 7, 7, 0));
    /* Already transferred (status 4): the hop's verdict was given; kept. */
    struct eng_dossier t = at_desk(&plain, ENG_CHANNEL_DESK);
    t.status = ENG_ST_PROCESSING;
    t.stage = ENG_STAGE_IN_STEP;
    ch = eng_reschedule(&t, vn(2026, 10, 6, 16, 30), &plain, &off);
    assert_false(ch & ENG_RESCHED_TRANSFER);
    assert_int_equal(t.transfer_by, vn(2026, 10, 7, 7, 0));
    /* An unknown rule set (not built in): left as stored. */
    struct eng_dossier u = at_desk(&plain, ENG_CHANNEL_DESK);
    snprintf(u.ruleset, sizeof(u.ruleset), "%s", "no-such-set");
    ch = eng_reschedule(&u, vn(2026, 10, 6, 16, 30), &plain, &off);
    assert_false(ch & ENG_RESCHED_TRANSFER);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(day_off_calendar_honours_the_contract),
        cmocka_unit_test(a_day_off_moves_the_appointment_one_working_day_later),
        cmocka_unit_test(the_same_calendar_moves_nothing),
        cmocka_unit_test(an_added_working_day_keeps_the_promised_appointment),
        cmocka_unit_test(an_apology_date_is_kept_unless_the_legal_due_passes_it),
        cmocka_unit_test(a_paused_clock_counts_what_was_left_at_the_pause),
        cmocka_unit_test(finished_and_unreceived_dossiers_are_never_touched),
        cmocka_unit_test(open_consultations_and_other_agency_keep_their_time_left),
        cmocka_unit_test(the_transfer_deadline_follows_the_calendar_at_the_desk),
        cmocka_unit_test(a_transfer_deadline_still_ahead_never_falls_into_the_past),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
