/* Unit tests for src/base: strict parsing, UTF-8 validation, buffers, arenas,
 * error records. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/parse.h"

static void parse_i64_is_strict(void **state)
{
    (void)state;
    int64_t v = 0;
    assert_true(mc_parse_i64("42", 0, 100, &v));
    assert_int_equal(v, 42);
    assert_true(mc_parse_i64("-7", -10, 10, &v));
    assert_int_equal(v, -7);
    assert_false(mc_parse_i64("", 0, 100, &v));
    assert_false(mc_parse_i64("42x", 0, 100, &v));
    assert_false(mc_parse_i64(" 42", 0, 100, &v));
    assert_false(mc_parse_i64("+42", 0, 100, &v));
    assert_false(mc_parse_i64("101", 0, 100, &v));
    assert_false(mc_parse_i64("99999999999999999999", INT64_MIN, INT64_MAX, &v));
}

static void parse_date_checks_the_calendar(void **state)
{
    (void)state;
    int y, m, d;
    assert_true(mc_parse_date("2024-02-29", &y, &m, &d));
    assert_int_equal(y * 10000 + m * 100 + d, 20240229);
    assert_false(mc_parse_date("2023-02-29", &y, &m, &d));
    assert_false(mc_parse_date("2026-13-01", &y, &m, &d));
    assert_false(mc_parse_date("2026-04-31", &y, &m, &d));
    assert_false(mc_parse_date("2026-4-30", &y, &m, &d));
    assert_false(mc_parse_date("2026-04-30T", &y, &m, &d));
    assert_true(mc_is_leap_year(2000));
    assert_false(mc_is_leap_year(1900));
}

static void utf8_validation(void **state)
{
    (void)state;
    const char *vi = "Cấp phép thành lập hội";
    assert_true(mc_utf8_valid(vi, strlen(vi)));
    assert_false(mc_utf8_valid("\xC0\xAF", 2));         /* overlong '/' */
    assert_false(mc_utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
    assert_false(mc_utf8_valid("\xE1\xBA", 2));         /* truncated */
    assert_false(mc_utf8_valid("a\0b", 3));             /* embedded NUL */
    assert_false(mc_utf8_valid("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
    assert_true(mc_utf8_valid("\xF0\x9F\x98\x80", 4));  /* emoji */
}

static void buf_respects_its_cap(void **state)
{
    (void)state;
    struct mc_buf b;
    mc_buf_init(&b, 8);
    assert_true(mc_buf_puts(&b, "abcd"));
    assert_true(mc_buf_appendf(&b, "%d", 123));
    assert_string_equal(mc_buf_cstr(&b), "abcd123");
    assert_false(mc_buf_puts(&b, "xy"));
    assert_true(b.over);
    assert_int_equal(b.len, 7);
    size_t len = 0;
    char *s = mc_buf_detach(&b, &len);
    assert_int_equal(len, 7);
    assert_string_equal(s, "abcd123");
    free(s);
    assert_null(b.data);
}

static void arena_holds_many_strings(void **state)
{
    (void)state;
    struct mc_arena a;
    mc_arena_init(&a);
    char *first = mc_arena_strdup(&a, "đầu tiên");
    for (int i = 0; i < 5000; i++) {
        char *s = mc_arena_printf(&a, "item-%d", i);
        assert_non_null(s);
    }
    char *big = mc_arena_alloc(&a, 100000);
    memset(big, 'x', 100000);
    assert_string_equal(first, "đầu tiên");
    mc_arena_release(&a);
}

static void err_records_field_and_code(void **state)
{
    (void)state;
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = mc_fail_field(&err, MC_EINVAL, "cases[0].limit", "must be positive");
    assert_int_equal(rc, MC_EINVAL);
    assert_int_equal(err.code, MC_EINVAL);
    assert_string_equal(err.field, "cases[0].limit");
    assert_string_equal(err.msg, "must be positive");
    assert_int_equal(mc_fail(NULL, MC_ENOTFOUND, "x"), MC_ENOTFOUND);
    assert_string_equal(mc_status_name(MC_ECONFLICT), "econflict");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_i64_is_strict),
        cmocka_unit_test(parse_date_checks_the_calendar),
        cmocka_unit_test(utf8_validation),
        cmocka_unit_test(buf_respects_its_cap),
        cmocka_unit_test(arena_holds_many_strings),
        cmocka_unit_test(err_records_field_and_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
