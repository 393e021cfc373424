/* The helpers `motcua calendar` uses to read amounts and print working time
 * and dates. cli/ is not a library, so the one source file is compiled in. */
/* cmocka 1.1.5 needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>
#include <string.h>

#include "cli/cal_fmt.c"

#define DAY (8 * 3600)

static void amounts(void **state)
{
    (void)state;
    int64_t v;
    assert_true(calfmt_parse_amount("5d", DAY, &v));
    assert_int_equal(v, 5 * DAY);
    assert_true(calfmt_parse_amount("0.5d", DAY, &v));
    assert_int_equal(v, 4 * 3600);
    assert_true(calfmt_parse_amount("1,5d", DAY, &v));
    assert_int_equal(v, 12 * 3600);
    assert_true(calfmt_parse_amount("4h", DAY, &v));
    assert_int_equal(v, 4 * 3600);
    assert_true(calfmt_parse_amount("2.25h", DAY, &v));
    assert_int_equal(v, 2 * 3600 + 900);
    assert_true(calfmt_parse_amount("90m", DAY, &v));
    assert_int_equal(v, 5400);
    assert_true(calfmt_parse_amount("0m", DAY, &v));
    assert_int_equal(v, 0);
    assert_false(calfmt_parse_amount("5", DAY, &v));
    assert_false(calfmt_parse_amount("d", DAY, &v));
    assert_false(calfmt_parse_amount("-5d", DAY, &v));
    assert_false(calfmt_parse_amount("5x", DAY, &v));
    assert_false(calfmt_parse_amount("5.d", DAY, &v));
    assert_false(calfmt_parse_amount("5.0001d", DAY, &v));
    assert_false(calfmt_parse_amount("0.001m", DAY, &v)); /* not a whole second */
    assert_false(calfmt_parse_amount("1.-5h", DAY, &v));
    assert_false(calfmt_parse_amount("999999999d", DAY, &v));
}

static void words(void **state)
{
    (void)state;
    char b[96];
    calfmt_work(CAL_LANG_VI, 5 * DAY, DAY, b, sizeof(b));
    assert_string_equal(b, "5 ngày làm việc (40 giờ)");
    calfmt_work(CAL_LANG_VI, DAY / 2, DAY, b, sizeof(b));
    assert_string_equal(b, "0,5 ngày làm việc (4 giờ)");
    calfmt_work(CAL_LANG_EN, 3 * DAY / 2, DAY, b, sizeof(b));
    assert_string_equal(b, "1.5 working days (12 h)");
    calfmt_work(CAL_LANG_VI, 2 * 3600 + 30 * 60, DAY, b, sizeof(b));
    assert_string_equal(b, "2 giờ 30 phút");
    calfmt_work(CAL_LANG_VI, -7200, DAY, b, sizeof(b));
    assert_string_equal(b, "-2 giờ");
}

static void dates(void **state)
{
    (void)state;
    char b[64];
    int64_t t;
    assert_true(cal_parse_instant("2026-02-27 16:45", &t));
    calfmt_instant(CAL_LANG_VI, t, b, sizeof(b));
    assert_string_equal(b, "27/02/2026 16:45");
    calfmt_rfc3339(t, b, sizeof(b));
    assert_string_equal(b, "2026-02-27T16:45:00+07:00");
    assert_string_equal(calfmt_weekday(CAL_LANG_VI, cal_weekday(cal_day_of_instant(t, NULL))),
                        "Thứ Sáu");
    assert_string_equal(calfmt_weekday(CAL_LANG_VI, 7), "Chủ Nhật");
    struct cal_day_info i = { .day = cal_days_from_civil(2026, 4, 27),
                              .working = false,
                              .open = CAL_OPEN_NONE,
                              .tag = CAL_TAG_COMP,
                              .reason = "Nghỉ bù",
                              .ref = "BLLĐ",
                              .source = "rule" };
    json_t *j = calfmt_day_json(&i);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "date")), "2026-04-27");
    assert_string_equal(json_string_value(json_object_get(j, "tag")), "comp");
    assert_string_equal(json_string_value(json_object_get(j, "weekday")), "Thứ Hai");
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(amounts),
        cmocka_unit_test(words),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
