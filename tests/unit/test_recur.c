/* Unit tests for core/recur: rule validation, month ends, leap years,
 * weeks (ISO numbering across the year end), quarters, years, and the
 * move of a due day off a weekend, a holiday or Tết, under the real national
 * calendar (src/cal) as the server uses it. */

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

#include "cal/cal.h"
#include "core/recur.h"

static struct cal *cal;

static bool working(void *ctx, int64_t day)
{
    struct cal_day_info info;
    struct mc_err err;
    return cal_day_info(ctx, (int32_t)day, &info, &err) == MC_OK && info.working;
}

static int64_t day_of(int y, int m, int d)
{
    return eng_days_from_date((struct eng_date){ y, m, d });
}

static void date_str(int64_t day, char out[11])
{
    struct eng_date d = eng_date_from_days(day);
    snprintf(out, 11, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* The latest occurrence open on `today`: period, due day, opening day. */
static void expect_latest(struct core_recur r, int lead, int64_t today, const char *period,
                          const char *due, const char *open)
{
    struct core_occurrence o;
    bool found = false;
    struct mc_err err;
    assert_int_equal(core_recur_latest(&r, lead, today, working, cal, &o, &found, &err), MC_OK);
    assert_true(found);
    char d[11], op[11];
    date_str(o.due_day, d);
    date_str(o.open_day, op);
    if (strcmp(o.period, period) != 0 || strcmp(d, due) != 0 || strcmp(op, open) != 0) {
        fail_msg("got %s due %s open %s, want %s due %s open %s", o.period, d, op, period, due,
                 open);
    }
}

static void expect_next(struct core_recur r, int lead, int64_t today, const char *period,
                        const char *due, const char *open)
{
    struct core_occurrence o;
    bool found = false;
    struct mc_err err;
    assert_int_equal(core_recur_next(&r, lead, today, working, cal, &o, &found, &err), MC_OK);
    assert_true(found);
    char d[11], op[11];
    date_str(o.due_day, d);
    date_str(o.open_day, op);
    if (strcmp(o.period, period) != 0 || strcmp(d, due) != 0 || strcmp(op, open) != 0) {
        fail_msg("got %s due %s open %s, want %s due %s open %s", o.period, d, op, period, due,
                 open);
    }
}

#define MONTHLY(d)      ((struct core_recur){ CORE_RECUR_MONTH, 0, (d), 0, -1 })
#define WEEKLY(w)       ((struct core_recur){ CORE_RECUR_WEEK, 0, 0, (w), -1 })
#define QUARTERLY(m, d) ((struct core_recur){ CORE_RECUR_QUARTER, (m), (d), 0, -1 })
#define YEARLY(m, d)    ((struct core_recur){ CORE_RECUR_YEAR, (m), (d), 0, -1 })

static void check_rules(void **state)
{
    (void)state;
    static const struct {
        struct core_recur r;
        const char *field; /* NULL: valid */
    } cases[] = {
        { { CORE_RECUR_MONTH, 0, 25, 0, -1 }, NULL },
        { { CORE_RECUR_MONTH, 0, 31, 0, 3 }, NULL },
        { { CORE_RECUR_MONTH, 0, 0, 0, -1 }, "$.recurrence.day" },
        { { CORE_RECUR_MONTH, 0, 32, 0, -1 }, "$.recurrence.day" },
        { { CORE_RECUR_MONTH, 2, 5, 0, -1 }, "$.recurrence.month" },
        { { CORE_RECUR_MONTH, 0, 5, 3, -1 }, "$.recurrence.weekday" },
        { { CORE_RECUR_QUARTER, 1, 5, 0, -1 }, NULL },
        { { CORE_RECUR_QUARTER, 4, 5, 0, -1 }, "$.recurrence.month" },
        { { CORE_RECUR_QUARTER, 0, 5, 0, -1 }, "$.recurrence.month" },
        { { CORE_RECUR_YEAR, 12, 1, 0, -1 }, NULL },
        { { CORE_RECUR_YEAR, 2, 29, 0, -1 }, NULL },
        { { CORE_RECUR_YEAR, 2, 30, 0, -1 }, "$.recurrence.day" },
        { { CORE_RECUR_YEAR, 4, 31, 0, -1 }, "$.recurrence.day" },
        { { CORE_RECUR_YEAR, 13, 1, 0, -1 }, "$.recurrence.month" },
        { { CORE_RECUR_WEEK, 0, 0, 1, -1 }, NULL },
        { { CORE_RECUR_WEEK, 0, 0, 7, 0 }, NULL },
        { { CORE_RECUR_WEEK, 0, 0, 8, -1 }, "$.recurrence.weekday" },
        { { CORE_RECUR_WEEK, 0, 0, 0, -1 }, "$.recurrence.weekday" },
        { { CORE_RECUR_WEEK, 0, 3, 1, -1 }, "$.recurrence.day" },
        { { CORE_RECUR_MONTH, 0, 25, 0, 61 }, "$.recurrence.lead_working_days" },
        { { CORE_RECUR_MONTH, 0, 25, 0, 60 }, NULL },
        { { CORE_RECUR_NONE, 0, 25, 0, -1 }, "$.recurrence.every" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct mc_err err;
        mc_err_clear(&err);
        enum mc_status rc = core_recur_check(&cases[i].r, "$.recurrence", &err);
        if (cases[i].field == NULL ? rc != MC_OK
                                   : rc != MC_EINVAL || strcmp(err.field, cases[i].field) != 0) {
            fail_msg("case %zu: rc %d field '%s' (%s)", i, (int)rc, err.field, err.msg);
        }
    }
    struct mc_err err;
    struct core_recur r = MONTHLY(0);
    assert_int_equal(core_recur_check(&r, "", &err), MC_EINVAL);
    assert_string_equal(err.field, "day");
    enum core_recur_every e;
    assert_true(core_recur_every_parse("quarter", &e));
    assert_int_equal(e, CORE_RECUR_QUARTER);
    assert_false(core_recur_every_parse("daily", &e));
    assert_false(core_recur_every_parse(NULL, &e));
    assert_string_equal(core_recur_every_name(CORE_RECUR_WEEK), "week");
}

static void default_lead(void **state)
{
    (void)state;
    assert_int_equal(core_recur_default_lead(5 * 480), 4);
    assert_int_equal(core_recur_default_lead(480), 0);
    assert_int_equal(core_recur_default_lead(240), 0);          /* half a day */
    assert_int_equal(core_recur_default_lead(2 * 480 + 30), 2); /* 2 days and a bit: 3 days */
    assert_int_equal(core_recur_default_lead(100 * 480), CORE_RECUR_LEAD_MAX);
}

static void month_end_and_leap(void **state)
{
    (void)state;
    /* Day 31 in June is 30 June (a Tuesday). */
    expect_latest(MONTHLY(31), 0, day_of(2026, 7, 1), "2026-06", "2026-06-30", "2026-06-30");
    /* In February 2028 (leap) day 31 is the 29th, a Tuesday. */
    expect_next(MONTHLY(31), 0, day_of(2028, 2, 1), "2028-02", "2028-02-29", "2028-02-29");
    /* 29 February every year: 2028 has it; 2027 ends on Sunday the 28th,
     * so the work is due on Friday the 26th. */
    expect_next(YEARLY(2, 29), 0, day_of(2028, 1, 1), "2028", "2028-02-29", "2028-02-29");
    expect_next(YEARLY(2, 29), 0, day_of(2027, 1, 1), "2027", "2027-02-26", "2027-02-26");
}

static void weekends_and_holidays(void **state)
{
    (void)state;
    /* Tết Bính Ngọ: off 14–22/02/2026. A report due on the 20th is due on
     * Friday 13 February; with 2 working days of lead it opens on the 11th. */
    expect_next(MONTHLY(20), 2, day_of(2026, 2, 1), "2026-02", "2026-02-13", "2026-02-11");
    /* 25 April 2026 is a Saturday: due Friday the 24th; five days of lead
     * step over the weekend to Friday the 17th. */
    expect_next(MONTHLY(25), 5, day_of(2026, 4, 1), "2026-04", "2026-04-24", "2026-04-17");
    /* 30 April and 1 May are holidays (Thursday, Friday): day 31 → 30 April
     * moves back to Wednesday the 29th. */
    expect_next(MONTHLY(31), 0, day_of(2026, 4, 1), "2026-04", "2026-04-29", "2026-04-29");
    /* Quốc khánh 2026: off 29/08–02/09; a report due on 2 September is due
     * on Friday 28 August. */
    expect_next(YEARLY(9, 2), 0, day_of(2026, 1, 1), "2026", "2026-08-28", "2026-08-28");
    /* Saturday 10 January 2026 is worked (make-up day): a Saturday rule
     * keeps it that week, and falls back to Friday the week after. */
    expect_next(WEEKLY(6), 0, day_of(2026, 1, 5), "2026-W02", "2026-01-10", "2026-01-10");
    expect_next(WEEKLY(6), 0, day_of(2026, 1, 11), "2026-W03", "2026-01-16", "2026-01-16");
}

static void weeks_quarters_years(void **state)
{
    (void)state;
    /* Wednesday 25 November 2026, a Friday rule: last week's Friday is the
     * latest, this week's the next. */
    expect_latest(WEEKLY(5), 0, day_of(2026, 11, 25), "2026-W47", "2026-11-20", "2026-11-20");
    expect_next(WEEKLY(5), 0, day_of(2026, 11, 25), "2026-W48", "2026-11-27", "2026-11-27");
    /* On its own day the occurrence is open (opening day <= today). */
    expect_latest(WEEKLY(3), 0, day_of(2026, 11, 25), "2026-W48", "2026-11-25", "2026-11-25");
    /* 2026 has 53 ISO weeks; Monday 4 January 2027 starts week 1. */
    expect_next(WEEKLY(1), 0, day_of(2026, 12, 27), "2026-W53", "2026-12-28", "2026-12-28");
    expect_next(WEEKLY(1), 0, day_of(2026, 12, 28), "2027-W01", "2027-01-04", "2027-01-04");
    /* The 5th of each quarter's first month. */
    expect_latest(QUARTERLY(1, 5), 0, day_of(2026, 11, 25), "2026-Q4", "2026-10-05", "2026-10-05");
    expect_next(QUARTERLY(1, 5), 0, day_of(2026, 11, 25), "2027-Q1", "2027-01-05", "2027-01-05");
    /* The 20th of each quarter's last month, opened 4 working days before
     * (Sunday 20 December 2026 → Friday the 18th → Monday the 14th). */
    expect_next(QUARTERLY(3, 20), 4, day_of(2026, 11, 25), "2026-Q4", "2026-12-18", "2026-12-14");
    /* A yearly plan due 1 December, 10 working days of lead: it opens in
     * November; on 25 November the 2026 period is already open. */
    expect_latest(YEARLY(12, 1), 9, day_of(2026, 11, 25), "2026", "2026-12-01", "2026-11-18");
    expect_latest(YEARLY(12, 1), 9, day_of(2026, 11, 17), "2025", "2025-12-01", "2025-11-18");
    /* After a downtime the latest missed period is the one returned. */
    expect_latest(MONTHLY(25), 0, day_of(2026, 12, 10), "2026-11", "2026-11-25", "2026-11-25");
    /* An opening in the previous period: due on the 2nd with 5 working
     * days of lead opens in the month before. */
    expect_latest(MONTHLY(2), 5, day_of(2026, 11, 27), "2026-12", "2026-12-02", "2026-11-25");
}

static void subjects(void **state)
{
    (void)state;
    struct core_occurrence o = { .year = 2026, .number = 11 };
    char s[120];
    core_recur_subject(&o, CORE_RECUR_MONTH, "Báo cáo công tác", s, sizeof(s));
    assert_string_equal(s, "Báo cáo công tác — tháng 11/2026");
    o.number = 4;
    core_recur_subject(&o, CORE_RECUR_QUARTER, "Khảo sát", s, sizeof(s));
    assert_string_equal(s, "Khảo sát — quý 4/2026");
    core_recur_subject(&o, CORE_RECUR_YEAR, "Kế hoạch", s, sizeof(s));
    assert_string_equal(s, "Kế hoạch — năm 2026");
    o.number = 48;
    core_recur_subject(&o, CORE_RECUR_WEEK, "Lịch", s, sizeof(s));
    assert_string_equal(s, "Lịch — tuần 48/2026");
    /* A long name is cut at a character boundary, the period kept. */
    char small[64];
    core_recur_subject(&o, CORE_RECUR_WEEK,
                       "Tổng hợp kết quả đánh giá xếp loại chất lượng hằng tháng", small,
                       sizeof(small));
    assert_true(strlen(small) < sizeof(small));
    assert_non_null(strstr(small, " — tuần 48/2026"));
    size_t n = strlen(small) - strlen(" — tuần 48/2026");
    assert_true(((unsigned char)small[n] & 0xC0) != 0x80);
}

static int setup(void **state)
{
    (void)state;
    struct mc_err err;
    if (cal_load(NULL, NULL, 0, &cal, &err) != MC_OK) {
        print_error("cal_load: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cal_free(cal);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_rules),          cmocka_unit_test(default_lead),
        cmocka_unit_test(month_end_and_leap),   cmocka_unit_test(weekends_and_holidays),
        cmocka_unit_test(weeks_quarters_years), cmocka_unit_test(subjects),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
