/* Unit tests for core/procedure: codes, enumerations, halves, limits and the
 * procedure-level check. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "core/org.h"
#include "core/procedure.h"

static void codes(void **state)
{
    (void)state;
    static const struct {
        const char *code;
        bool catalog, unit;
    } cases[] = {
        { "1.012942", true, false }, { "T-BDI-037832-TT", true, true },
        { "NB-VP-01", true, true },  { "QT-07", true, true },
        { "", false, false },        { "có dấu", false, false },
        { "a b", false, false },     { "TCBC", true, true },
        { "vp", true, false },       { "ABCDEFGHIJKLMNOPQ", true, false },
        { "x/../y", false, false },  { "123456789012345678901234567890123", false, false },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (core_catalog_code_ok(cases[i].code) != cases[i].catalog ||
            core_unit_code_ok(cases[i].code) != cases[i].unit) {
            fail_msg("code '%s'", cases[i].code);
        }
    }
}

static void enumerations(void **state)
{
    (void)state;
    assert_true(core_procedure_kind_ok("tthc"));
    assert_true(core_procedure_kind_ok("internal"));
    assert_false(core_procedure_kind_ok("TTHC"));
    assert_true(core_procedure_level_ok("tinh"));
    assert_true(core_procedure_level_ok("xa"));
    assert_false(core_procedure_level_ok("tỉnh"));
    assert_true(core_online_level_ok("toan_trinh"));
    assert_false(core_online_level_ok("muc_4"));
    enum core_time_unit u;
    assert_true(core_time_unit_parse("working_hours", &u));
    assert_int_equal(u, CORE_WORKING_HOURS);
    assert_false(core_time_unit_parse("days", &u));
    assert_string_equal(core_time_unit_name(CORE_WORKING_DAYS), "working_days");
}

static void halves_and_limits(void **state)
{
    (void)state;
    static const struct {
        double amount;
        bool ok;
        int64_t halves;
    } cases[] = {
        { 15, true, 30 }, { 0.5, true, 1 },  { 2.5, true, 5 },    { 0, false, 0 },
        { -1, false, 0 }, { 0.3, false, 0 }, { 1e300, false, 0 }, { 10000, true, 20000 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t h = -1;
        bool ok = core_halves_of(cases[i].amount, 10000, &h);
        if (ok != cases[i].ok || (ok && h != cases[i].halves)) {
            fail_msg("amount %g", cases[i].amount);
        }
    }
    struct core_time_limit d = { 30, CORE_WORKING_DAYS };
    struct core_time_limit hr = { 9, CORE_WORKING_HOURS };
    assert_int_equal(core_time_limit_half_hours(d), 240);
    assert_int_equal(core_time_limit_half_hours(hr), 9);
}

static void procedure_check(void **state)
{
    (void)state;
    struct core_case cases[2] = { { .code = "C1", .name = "Chung", .limit = { 30, 0 } },
                                  { .code = "C2", .name = "Khác", .limit = { 10, 0 } } };
    struct core_procedure p = { .code = "1.012942",
                                .kind = "tthc",
                                .name = "Thành lập hội",
                                .domain = "TCPCP",
                                .level = "tinh",
                                .unit = "TCBC",
                                .cases = cases,
                                .ncases = 2 };
    struct mc_err err;
    assert_int_equal(core_procedure_check(&p, "$", &err), MC_OK);
    p.level = "quoc_gia";
    assert_int_equal(core_procedure_check(&p, "$", &err), MC_EINVAL);
    assert_string_equal(err.field, "$.level");
    p.level = "tinh";
    cases[1].code = "C1";
    assert_int_equal(core_procedure_check(&p, "$", &err), MC_EINVAL);
    assert_string_equal(err.field, "$.cases[1].code");
    cases[1].code = "C2";
    p.online_level = "muc_3";
    assert_int_equal(core_procedure_check(&p, "$", &err), MC_EINVAL);
    assert_string_equal(err.field, "$.online_level");
    p.online_level = NULL;
    p.ncases = 0;
    assert_int_equal(core_procedure_check(&p, "$", &err), MC_EINVAL);
    assert_string_equal(err.field, "$.cases");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes),
        cmocka_unit_test(enumerations),
        cmocka_unit_test(halves_and_limits),
        cmocka_unit_test(procedure_check),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
