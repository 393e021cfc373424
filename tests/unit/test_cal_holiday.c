/* Days off of the national calendar against the facts of domain.md §6.1-6.2
 * (Labour Code art. 111-112, the announced schedules 2010-2026 and the days
 * python-holidays' tests observed). Each expectation names its source. */
/* cmocka 1.1.5 needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "cal/cal.h"
#include "cal/holiday.h"

static struct cal *cal;

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

static struct cal_day_info info(int y, int m, int d)
{
    struct cal_day_info i;
    assert_int_equal(cal_day_info(cal, cal_days_from_civil(y, m, d), &i, NULL), MC_OK);
    return i;
}

/* Expect each day of [from, to] to be off (or working) with tag `tag`. */
static void expect_range(int y, int m, int d0, int d1, bool working, enum cal_tag tag)
{
    for (int d = d0; d <= d1; d++) {
        struct cal_day_info i = info(y, m, d);
        if (i.working != working || (tag != CAL_TAG_NONE && i.tag != tag)) {
            fail_msg("%04d-%02d-%02d: working=%d tag=%s (%s), expected working=%d tag=%s", y, m, d,
                     i.working, cal_tag_name(i.tag), i.reason, working, cal_tag_name(tag));
        }
    }
}

static void off(int y, int m, int d, enum cal_tag tag)
{
    expect_range(y, m, d, d, false, tag);
}

static void work(int y, int m, int d)
{
    expect_range(y, m, d, d, true, CAL_TAG_NONE);
}

/* The "done when": Tết 16/02-20/02/2026, Giỗ Tổ Sunday 26/04 with
 * compensatory Monday 27/04, 30/4, 1/5, 2/9 (domain.md §6.2 2026 table). */
static void year_2026(void **state)
{
    (void)state;
    off(2026, 1, 1, CAL_TAG_NEWYEAR);
    off(2026, 1, 2, CAL_TAG_SWAP); /* 12729/VPCP-KGVX */
    work(2026, 1, 10);             /* make-up Saturday */
    assert_true(info(2026, 1, 10).makeup);
    work(2026, 1, 5);
    work(2026, 2, 13); /* last working day before Tết */
    expect_range(2026, 2, 14, 15, false, CAL_TAG_WEEKEND);
    expect_range(2026, 2, 16, 20, false, CAL_TAG_TET);
    expect_range(2026, 2, 21, 22, false, CAL_TAG_WEEKEND);
    work(2026, 2, 23);
    assert_false(info(2026, 2, 16).estimate);
    off(2026, 4, 26, CAL_TAG_HUNGKINGS); /* Sunday */
    off(2026, 4, 27, CAL_TAG_COMP);      /* art. 111.3 */
    work(2026, 4, 28);
    work(2026, 4, 29);
    off(2026, 4, 30, CAL_TAG_VICTORY);
    off(2026, 5, 1, CAL_TAG_LABOUR);
    work(2026, 5, 4);
    work(2026, 8, 22); /* make-up Saturday for Mon 31/08 */
    assert_true(info(2026, 8, 22).makeup);
    off(2026, 8, 31, CAL_TAG_SWAP);
    off(2026, 9, 1, CAL_TAG_NATIONAL);
    off(2026, 9, 2, CAL_TAG_NATIONAL);
    work(2026, 9, 3);
    assert_false(cal_year_estimated(cal, 2026, CAL_TAG_TET));
    assert_false(cal_year_estimated(cal, 2026, CAL_TAG_NATIONAL));
    assert_true(cal_year_estimated(cal, 2027, CAL_TAG_TET));
    assert_true(cal_year_estimated(cal, 2027, CAL_TAG_NATIONAL));
}

/* Compensatory days observed by python-holidays' tests (domain.md §6.1). */
static void compensatory_days(void **state)
{
    (void)state;
    off(2022, 1, 3, CAL_TAG_COMP);       /* 1/1/2022 Saturday */
    off(2022, 4, 10, CAL_TAG_HUNGKINGS); /* Sunday */
    off(2022, 4, 11, CAL_TAG_COMP);
    off(2022, 5, 2, CAL_TAG_COMP); /* 30/4 Sat, 1/5 Sun */
    off(2022, 5, 3, CAL_TAG_COMP);
    work(2022, 5, 4);
    off(2023, 4, 29, CAL_TAG_HUNGKINGS); /* Saturday */
    off(2023, 5, 1, CAL_TAG_LABOUR);     /* Monday */
    off(2023, 5, 2, CAL_TAG_COMP);
    off(2023, 5, 3, CAL_TAG_COMP);
    work(2023, 5, 4);
    off(2023, 9, 1, CAL_TAG_NATIONAL); /* adjacent day (estimated: not announced) */
    assert_true(info(2023, 9, 1).estimate);
    off(2023, 9, 4, CAL_TAG_COMP); /* 2/9 Saturday */
    work(2023, 9, 5);
    off(2024, 9, 2, CAL_TAG_NATIONAL); /* Monday */
    off(2024, 9, 3, CAL_TAG_NATIONAL); /* announced adjacent Tuesday */
    work(2024, 9, 4);
    off(2025, 4, 7, CAL_TAG_HUNGKINGS); /* Monday */
}

struct swap {
    int oy, om, od; /* day off */
    int wy, wm, wd; /* make-up working day */
};

/* domain.md §6.2 "Known swaps" table. */
static void swaps(void **state)
{
    (void)state;
    static const struct swap s[] = {
        { 2010, 2, 19, 2010, 2, 27 }, { 2012, 1, 27, 2012, 2, 4 },  { 2013, 4, 29, 2013, 5, 4 },
        { 2014, 5, 2, 2014, 4, 26 },  { 2014, 9, 1, 2014, 9, 6 },   { 2015, 1, 2, 2014, 12, 27 },
        { 2015, 2, 16, 2015, 2, 14 }, { 2015, 4, 29, 2015, 4, 25 }, { 2018, 12, 31, 2019, 1, 5 },
        { 2019, 4, 29, 2019, 5, 4 },  { 2024, 4, 29, 2024, 5, 4 },  { 2025, 5, 2, 2025, 4, 26 },
        { 2026, 1, 2, 2026, 1, 10 },  { 2026, 8, 31, 2026, 8, 22 },
    };
    for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
        off(s[i].oy, s[i].om, s[i].od, CAL_TAG_SWAP);
        work(s[i].wy, s[i].wm, s[i].wd);
        struct cal_day_info w = info(s[i].wy, s[i].wm, s[i].wd);
        assert_true(w.makeup);
        assert_int_equal(w.tag, CAL_TAG_SWAP);
        assert_true(strstr(w.source, ".txt:") != NULL);
    }
}

/* Announced Tết breaks (domain.md §6.2). */
static void tet_breaks(void **state)
{
    (void)state;
    /* 2014: 9 days 28/01-05/02, make-up Saturdays 25/01 and 08/02. */
    expect_range(2014, 1, 28, 31, false, CAL_TAG_TET);
    expect_range(2014, 2, 3, 5, false, CAL_TAG_TET);
    work(2014, 1, 25);
    work(2014, 2, 8);
    work(2014, 1, 27);
    work(2014, 2, 6);
    /* 2020: 23/01-29/01; 2023: 20/01-26/01; 2024: 08/02-14/02. */
    work(2020, 1, 22);
    expect_range(2020, 1, 23, 29, false, CAL_TAG_NONE);
    work(2020, 1, 30);
    work(2023, 1, 19);
    expect_range(2023, 1, 20, 26, false, CAL_TAG_NONE);
    work(2023, 1, 27);
    work(2024, 2, 7);
    expect_range(2024, 2, 8, 14, false, CAL_TAG_NONE);
    work(2024, 2, 15);
    /* 2025: 25/01-02/02, weekdays 27/01-31/01. */
    work(2025, 1, 24);
    expect_range(2025, 1, 27, 31, false, CAL_TAG_TET);
    work(2025, 2, 3);
}

/* The estimate rule must reproduce every announced Tết break of domain.md
 * §6.2 (2020, 2023, 2024, 2025, 2026): run it as if the year were not
 * announced and compare with the weekdays off that were announced. */
static void tet_estimate_matches_announced_years(void **state)
{
    (void)state;
    static const struct {
        int year;
        int m0, d0; /* first weekday off */
        int m1, d1; /* last weekday off */
    } v[] = {
        { 2020, 1, 23, 1, 29 }, { 2023, 1, 20, 1, 26 }, { 2024, 2, 8, 2, 14 },
        { 2025, 1, 27, 1, 31 }, { 2026, 2, 16, 2, 20 },
    };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        struct cal_rule_day r[CAL_RULE_DAYS_MAX];
        size_t n = cal_holiday_rules(v[i].year, false, true, r);
        int32_t first = -1, last = -1;
        int count = 0;
        for (size_t k = 0; k < n; k++) {
            if (r[k].tag == CAL_TAG_TET) {
                assert_true(r[k].estimate);
                if (first < 0) {
                    first = r[k].day;
                }
                last = r[k].day;
                count++;
            }
        }
        assert_int_equal(count, 5);
        assert_int_equal(first, cal_days_from_civil(v[i].year, v[i].m0, v[i].d0));
        assert_int_equal(last, cal_days_from_civil(v[i].year, v[i].m1, v[i].d1));
    }
}

/* The Quốc khánh adjacent-day estimate against the announced years
 * (2024 Tue 3/9, 2025 Mon 1/9, 2026 Tue 1/9; 2023 Fri 1/9 observed). */
static void national_adjacent_estimate(void **state)
{
    (void)state;
    assert_int_equal(cal_holiday_national_adjacent(2023), cal_days_from_civil(2023, 9, 1));
    assert_int_equal(cal_holiday_national_adjacent(2024), cal_days_from_civil(2024, 9, 3));
    assert_int_equal(cal_holiday_national_adjacent(2025), cal_days_from_civil(2025, 9, 1));
    assert_int_equal(cal_holiday_national_adjacent(2026), cal_days_from_civil(2026, 9, 1));
    /* Before the 2019 Code took effect (2021) there was no adjacent day. */
    work(2020, 9, 1);
    off(2020, 9, 2, CAL_TAG_NATIONAL);
    work(2020, 9, 3);
}

/* Rules: Giỗ Tổ is a day off from 2007 only; Tết lasted 4 days before 2013
 * (Labour Code 1994 art. 73) and 5 from 2013 (2012 Code art. 115). */
static void rules_by_era(void **state)
{
    (void)state;
    struct cal_rule_day r[CAL_RULE_DAYS_MAX];
    size_t n = cal_holiday_rules(2006, false, false, r);
    int tet = 0, hung = 0;
    for (size_t k = 0; k < n; k++) {
        tet += r[k].tag == CAL_TAG_TET;
        hung += r[k].tag == CAL_TAG_HUNGKINGS;
    }
    assert_int_equal(tet, 4);
    assert_int_equal(hung, 0);
    n = cal_holiday_rules(2013, false, false, r);
    tet = hung = 0;
    for (size_t k = 0; k < n; k++) {
        tet += r[k].tag == CAL_TAG_TET;
        hung += r[k].tag == CAL_TAG_HUNGKINGS;
    }
    assert_int_equal(tet, 5);
    assert_int_equal(hung, 1);
}

/* The 11 statutory days (art. 112) always cost 11 weekdays in a year without
 * swaps: a holiday on a weekend is replaced by a compensatory weekday. 2027:
 * 1/1 Fri, Tết (5 weekdays, estimate), Giỗ Tổ Fri 16/4, 30/4 Fri, 1/5 Sat
 * (-> Mon 3/5), 2/9 Thu + adjacent Fri 3/9 = 10 weekdays + 1 compensatory. */
static void weekdays_off_in_2027(void **state)
{
    (void)state;
    int off_weekdays = 0;
    for (int32_t d = cal_days_from_civil(2027, 1, 1); d <= cal_days_from_civil(2027, 12, 31); d++) {
        struct cal_day_info i;
        assert_int_equal(cal_day_info(cal, d, &i, NULL), MC_OK);
        off_weekdays += !i.working && cal_weekday(d) <= 5;
    }
    assert_int_equal(off_weekdays, 11);
    off(2027, 5, 3, CAL_TAG_COMP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(year_2026),
        cmocka_unit_test(compensatory_days),
        cmocka_unit_test(swaps),
        cmocka_unit_test(tet_breaks),
        cmocka_unit_test(tet_estimate_matches_announced_years),
        cmocka_unit_test(national_adjacent_estimate),
        cmocka_unit_test(rules_by_era),
        cmocka_unit_test(weekdays_off_in_2027),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
