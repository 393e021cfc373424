/* Lunar calendar vectors. Sources: domain.md §6.3 (Tết and Giỗ Tổ 2020-2030
 * matching python-holidays' Vietnamese tables; leap months; the 2030 UTC+7 vs
 * UTC+8 case; round trips confirmed by news reports of the 2024 and 2026 Tết
 * notices). Nothing here is copied from this program's own output. */
/* cmocka 1.1.5 needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "cal/date.h"
#include "cal/lunar.h"

struct tet_vector {
    int year;
    int tet_m, tet_d;   /* 1/1 lunar */
    int eve_day;        /* lunar day of the eve: 29 or 30 (tháng Chạp) */
    int hung_m, hung_d; /* 10/3 lunar */
};

/* domain.md §6.3 table. */
static const struct tet_vector tets[] = {
    { 2020, 1, 25, 30, 4, 2 },  { 2021, 2, 12, 30, 4, 21 }, { 2022, 2, 1, 29, 4, 10 },
    { 2023, 1, 22, 30, 4, 29 }, { 2024, 2, 10, 30, 4, 18 }, { 2025, 1, 29, 29, 4, 7 },
    { 2026, 2, 17, 29, 4, 26 }, { 2027, 2, 6, 29, 4, 16 },  { 2028, 1, 26, 29, 4, 4 },
    { 2029, 2, 13, 29, 4, 23 }, { 2030, 2, 2, 29, 4, 12 },
};

static void tet_and_hung_kings_2020_2030(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(tets) / sizeof(tets[0]); i++) {
        const struct tet_vector *v = &tets[i];
        struct cal_lunar_date ld;
        assert_int_equal(cal_lunar_from_solar(v->year, v->tet_m, v->tet_d, &ld, NULL), MC_OK);
        assert_int_equal(ld.day, 1);
        assert_int_equal(ld.month, 1);
        assert_int_equal(ld.year, v->year);
        assert_false(ld.leap);
        /* The day before is the last day of month 12 of the previous year. */
        int32_t eve = cal_days_from_civil(v->year, v->tet_m, v->tet_d) - 1;
        struct cal_date e = cal_civil_from_days(eve);
        assert_int_equal(cal_lunar_from_solar(e.year, e.month, e.day, &ld, NULL), MC_OK);
        assert_int_equal(ld.day, v->eve_day);
        assert_int_equal(ld.month, 12);
        assert_int_equal(ld.year, v->year - 1);
        /* Reverse direction. */
        struct cal_lunar_date hk = { .day = 10, .month = 3, .year = v->year, .leap = false };
        int y, m, d;
        assert_int_equal(cal_solar_from_lunar(&hk, &y, &m, &d, NULL), MC_OK);
        assert_int_equal(y * 10000 + m * 100 + d, v->year * 10000 + v->hung_m * 100 + v->hung_d);
        struct cal_lunar_date t1 = { .day = 1, .month = 1, .year = v->year, .leap = false };
        assert_int_equal(cal_solar_from_lunar(&t1, &y, &m, &d, NULL), MC_OK);
        assert_int_equal(y * 10000 + m * 100 + d, v->year * 10000 + v->tet_m * 100 + v->tet_d);
    }
}

/* Tết (1/1) and Giỗ Tổ (10/3) of every lunar year 1901-2100, as MMDD, from
 * python-holidays' tables (vacanza/holidays holidays/calendars/chinese.py:
 * LUNAR_NEW_YEAR_DATES and HUNG_KINGS_DATES with their
 * VIETNAMESE_CALENDAR_* overrides for the years where UTC+7 differs from
 * China). An independent computation, not this program's output. */
static const short tet_mmdd[200] = {
    219, 208, 128, 216, 204, 125, 213, 202, 122, 210, 130, 218, 206, 126, 214, 203, 123, 211, 201,
    220, 208, 128, 216, 205, 124, 213, 202, 123, 210, 130, 217, 206, 126, 214, 203, 124, 211, 131,
    219, 208, 127, 215, 205, 125, 213, 202, 122, 210, 129, 217, 206, 127, 214, 203, 124, 212, 131,
    218, 208, 128, 215, 205, 125, 213, 201, 121, 209, 129, 216, 206, 127, 215, 203, 123, 211, 131,
    218, 207, 128, 216, 205, 125, 213, 202, 121, 209, 129, 217, 206, 127, 215, 204, 123, 210, 131,
    219, 207, 128, 216, 205, 124, 212, 201, 122, 209, 129, 217, 207, 126, 214, 203, 123, 210, 131,
    219, 208, 128, 216, 205, 125, 212, 201, 122, 210, 129, 217, 206, 126, 213, 202, 123, 211, 131,
    219, 208, 128, 215, 204, 124, 212, 201, 122, 210, 130, 217, 206, 126, 214, 202, 123, 211, 201,
    218, 208, 128, 215, 204, 124, 212, 202, 121, 209, 129, 217, 205, 126, 214, 203, 123, 211, 131,
    219, 207, 127, 215, 205, 124, 212, 202, 122, 209, 129, 217, 206, 126, 214, 203, 124, 210, 130,
    218, 207, 127, 215, 205, 125, 212, 201, 121, 209,
};

static const short hung_mmdd[200] = {
    428, 417, 407, 425, 414, 403, 422, 410, 429, 419, 408, 426, 416, 405, 423, 411, 401, 420, 410,
    428, 417, 406, 425, 413, 402, 421, 411, 429, 419, 408, 427, 415, 404, 423, 412, 401, 420, 410,
    428, 417, 406, 424, 414, 402, 421, 411, 430, 418, 407, 426, 415, 404, 423, 412, 402, 420, 409,
    428, 417, 405, 424, 414, 403, 421, 411, 331, 419, 407, 426, 415, 405, 423, 412, 402, 420, 409,
    427, 416, 406, 424, 414, 403, 422, 410, 429, 418, 407, 425, 415, 405, 424, 412, 401, 420, 409,
    427, 416, 406, 425, 414, 403, 422, 411, 428, 418, 407, 426, 415, 404, 423, 412, 331, 419, 409,
    428, 416, 406, 425, 414, 402, 421, 410, 429, 418, 407, 426, 416, 404, 423, 412, 401, 419, 409,
    428, 417, 406, 424, 413, 403, 420, 410, 429, 419, 407, 426, 415, 404, 422, 411, 401, 420, 409,
    428, 417, 406, 424, 413, 402, 421, 410, 331, 419, 408, 426, 415, 404, 423, 411, 401, 420, 409,
    427, 416, 405, 424, 413, 402, 421, 411, 330, 418, 407, 426, 414, 403, 422, 412, 401, 420, 409,
    428, 416, 405, 424, 413, 402, 421, 411, 429, 418,
};

static void python_holidays_tables_1901_2100(void **state)
{
    (void)state;
    for (int i = 0; i < 200; i++) {
        int year = 1901 + i;
        struct cal_lunar_date t1 = { 1, 1, year, false }, hk = { 10, 3, year, false };
        int y, m, d;
        assert_int_equal(cal_solar_from_lunar(&t1, &y, &m, &d, NULL), MC_OK);
        if (y != year || m * 100 + d != tet_mmdd[i]) {
            fail_msg("Tết %d: computed %04d-%02d-%02d, python-holidays %04d", year, y, m, d,
                     tet_mmdd[i]);
        }
        assert_int_equal(cal_solar_from_lunar(&hk, &y, &m, &d, NULL), MC_OK);
        if (y != year || m * 100 + d != hung_mmdd[i]) {
            fail_msg("Giỗ Tổ %d: computed %04d-%02d-%02d, python-holidays %04d", year, y, m, d,
                     hung_mmdd[i]);
        }
    }
}

static void year_2030_is_the_utc7_case(void **state)
{
    (void)state;
    struct cal_lunar_date ld;
    /* Vietnam (UTC+7): 2030-02-02 is 1/1 Canh Tuất; China (UTC+8) has it on
     * 02-03, so 02-03 must be day 2 here. */
    assert_int_equal(cal_lunar_from_solar(2030, 2, 2, &ld, NULL), MC_OK);
    assert_int_equal(ld.day * 100 + ld.month, 101);
    assert_string_equal(cal_lunar_can(ld.year), "Canh");
    assert_string_equal(cal_lunar_chi(ld.year), "Tuất");
    assert_int_equal(cal_lunar_from_solar(2030, 2, 3, &ld, NULL), MC_OK);
    assert_int_equal(ld.day, 2);
}

static void leap_months(void **state)
{
    (void)state;
    /* domain.md §6.3: 2020 tháng 4 nhuận, 2023 tháng 2, 2025 tháng 6, 2028
     * tháng 5; 2021, 2022, 2024, 2026 have none. */
    assert_int_equal(cal_lunar_leap_month(2020), 4);
    assert_int_equal(cal_lunar_leap_month(2023), 2);
    assert_int_equal(cal_lunar_leap_month(2025), 6);
    assert_int_equal(cal_lunar_leap_month(2028), 5);
    assert_int_equal(cal_lunar_leap_month(2021), 0);
    assert_int_equal(cal_lunar_leap_month(2022), 0);
    assert_int_equal(cal_lunar_leap_month(2024), 0);
    assert_int_equal(cal_lunar_leap_month(2026), 0);
    /* A leap month is a month of its own: 1/4 nhuận 2020 comes after 1/4. */
    struct cal_lunar_date a = { 1, 4, 2020, false }, b = { 1, 4, 2020, true };
    int y1, m1, d1, y2, m2, d2;
    assert_int_equal(cal_solar_from_lunar(&a, &y1, &m1, &d1, NULL), MC_OK);
    assert_int_equal(cal_solar_from_lunar(&b, &y2, &m2, &d2, NULL), MC_OK);
    int32_t da = cal_days_from_civil(y1, m1, d1), db = cal_days_from_civil(y2, m2, d2);
    assert_true(db - da == 29 || db - da == 30);
    struct cal_lunar_date back;
    assert_int_equal(cal_lunar_from_solar(y2, m2, d2, &back, NULL), MC_OK);
    assert_true(back.leap);
    assert_int_equal(back.month, 4);
}

static void news_round_trips(void **state)
{
    (void)state;
    /* domain.md §6.3, matching the 2026 and 2024 notices. */
    static const struct {
        int y, m, d, ld, lm, ly;
    } v[] = {
        { 2026, 2, 14, 27, 12, 2025 }, { 2026, 2, 16, 29, 12, 2025 }, { 2026, 2, 22, 6, 1, 2026 },
        { 2024, 2, 8, 29, 12, 2023 },  { 2024, 2, 14, 5, 1, 2024 },
    };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        struct cal_lunar_date ld;
        assert_int_equal(cal_lunar_from_solar(v[i].y, v[i].m, v[i].d, &ld, NULL), MC_OK);
        assert_int_equal(ld.day, v[i].ld);
        assert_int_equal(ld.month, v[i].lm);
        assert_int_equal(ld.year, v[i].ly);
    }
    assert_string_equal(cal_lunar_can(2025), "Ất");
    assert_string_equal(cal_lunar_chi(2025), "Tỵ");
    assert_string_equal(cal_lunar_can(2026), "Bính");
    assert_string_equal(cal_lunar_chi(2026), "Ngọ");
    assert_string_equal(cal_lunar_can(2024), "Giáp");
    assert_string_equal(cal_lunar_chi(2024), "Thìn");
}

/* Every solar day 1900-2199 converts to a lunar date that converts back,
 * and consecutive days step through the lunar calendar without gaps: the
 * day number goes up by one or restarts at 1 after day 29 or 30, a month
 * change comes only with day 1, and each month holds 29 or 30 days. */
static void round_trip_every_day_1900_2199(void **state)
{
    (void)state;
    int32_t first = cal_days_from_civil(1900, 1, 1), last = cal_days_from_civil(2199, 12, 31);
    struct cal_lunar_date prev = { 0 };
    int leap_months = 0, months = 0;
    for (int32_t day = first; day <= last; day++) {
        struct cal_date c = cal_civil_from_days(day);
        struct cal_lunar_date ld;
        assert_int_equal(cal_lunar_from_solar(c.year, c.month, c.day, &ld, NULL), MC_OK);
        int y, m, d;
        enum mc_status back = cal_solar_from_lunar(&ld, &y, &m, &d, NULL);
        if (back != MC_OK) {
            fail_msg("%04d-%02d-%02d -> %d/%d%s/%d does not convert back", c.year, c.month, c.day,
                     ld.day, ld.month, ld.leap ? "L" : "", ld.year);
        }
        if (y != c.year || m != c.month || d != c.day) {
            fail_msg("%04d-%02d-%02d -> %d/%d%s/%d -> %04d-%02d-%02d", c.year, c.month, c.day,
                     ld.day, ld.month, ld.leap ? "L" : "", ld.year, y, m, d);
        }
        if (day > first) {
            if (ld.day == 1) {
                assert_true(prev.day == 29 || prev.day == 30);
                months++;
                leap_months += ld.leap;
                if (ld.leap) {
                    assert_int_equal(ld.month, prev.month);
                } else {
                    assert_int_equal(ld.month, prev.month % 12 + 1);
                    assert_int_equal(ld.year, prev.year + (ld.month == 1));
                }
            } else {
                assert_int_equal(ld.day, prev.day + 1);
                assert_int_equal(ld.month, prev.month);
                if (ld.leap != prev.leap) {
                    fail_msg("leap flag changes inside a month at %04d-%02d-%02d", c.year, c.month,
                             c.day);
                }
            }
        }
        prev = ld;
    }
    /* Metonic cycle: 7 leap months every 19 years, so about 110 in 300. */
    assert_in_range(leap_months, 105, 115);
    assert_in_range(months, 3700, 3712);
}

static void bad_input_names_the_field(void **state)
{
    (void)state;
    struct mc_err err;
    struct cal_lunar_date ld;
    assert_int_equal(cal_lunar_from_solar(2026, 2, 30, &ld, &err), MC_EINVAL);
    assert_string_equal(err.field, "date");
    assert_int_equal(cal_lunar_from_solar(1899, 12, 31, &ld, &err), MC_EINVAL);
    assert_string_equal(err.field, "date");
    assert_int_equal(cal_lunar_from_solar(2200, 1, 1, &ld, &err), MC_EINVAL);
    int y, m, d;
    struct cal_lunar_date bad_leap = { 1, 3, 2026, true };
    assert_int_equal(cal_solar_from_lunar(&bad_leap, &y, &m, &d, &err), MC_EINVAL);
    assert_string_equal(err.field, "month");
    struct cal_lunar_date bad_month = { 1, 13, 2026, false };
    assert_int_equal(cal_solar_from_lunar(&bad_month, &y, &m, &d, &err), MC_EINVAL);
    assert_string_equal(err.field, "month");
    /* Tháng Chạp of Ất Tỵ (2025) has 29 days: 29 Chạp is the eve of 2026. */
    struct cal_lunar_date day30 = { 30, 12, 2025, false };
    assert_int_equal(cal_solar_from_lunar(&day30, &y, &m, &d, &err), MC_EINVAL);
    assert_string_equal(err.field, "day");
    assert_int_equal(cal_lunar_month_length(2025, 12, false), 29);
    struct cal_lunar_date year = { 1, 1, 2200, false };
    assert_int_equal(cal_solar_from_lunar(&year, &y, &m, &d, &err), MC_EINVAL);
    assert_string_equal(err.field, "year");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tet_and_hung_kings_2020_2030),
        cmocka_unit_test(python_holidays_tables_1901_2100),
        cmocka_unit_test(year_2030_is_the_utc7_case),
        cmocka_unit_test(leap_months),
        cmocka_unit_test(news_round_trips),
        cmocka_unit_test(round_trip_every_day_1900_2199),
        cmocka_unit_test(bad_input_names_the_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
