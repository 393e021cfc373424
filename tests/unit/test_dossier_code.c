/* Unit tests for src/core/dossier_code: <agency>-YYMMDD-NNNN
 * (TT 01/2018 Điều 19, domain.md §3.1), and the civil dates behind it. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "core/civil.h"
#include "core/dossier_code.h"
#include "fake_worktime.h"

static void makes_the_codes_of_domain_examples(void **state)
{
    (void)state;
    /* domain.md §3.1: the 975th dossier received 08/10/2026 by 000.00.00.H15
     * is 000.00.00.H15-261008-0975; the Đắk Lắk code H15.50.05.13-261008-0975. */
    static const struct {
        const char *agency;
        int h, mi, seq;
        const char *want;
    } cases[] = {
        { "000.00.00.H15", 9, 0, 975, "000.00.00.H15-261008-0975" },
        { "H15.50.05.13", 9, 0, 975, "H15.50.05.13-261008-0975" },
        { "000.00.00.H15", 0, 0, 1, "000.00.00.H15-261008-0001" },
        /* 06:59 local is still the previous day in UTC; the local date counts. */
        { "000.00.00.H15", 6, 59, 9999, "000.00.00.H15-261008-9999" },
        { "000.00.00.H15", 23, 59, 12, "000.00.00.H15-261008-0012" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char code[ENG_DOSSIER_CODE_MAX];
        struct mc_err err = { 0 };
        int64_t t = vn(2026, 10, 8, cases[i].h, cases[i].mi);
        assert_int_equal(
            eng_dossier_code_make(cases[i].agency, t, cases[i].seq, code, sizeof(code), &err),
            MC_OK);
        assert_string_equal(code, cases[i].want);
    }
}

/* Internal cases: -CNNN, 1–999, parsed back as a case; a dossier code never
 * parses as one. */
static void case_codes_are_told_apart(void **state)
{
    (void)state;
    char code[ENG_DOSSIER_CODE_MAX];
    struct mc_err err = { 0 };
    int64_t t = vn(2026, 10, 8, 9, 0);
    assert_int_equal(eng_case_code_make("000.00.00.H15", t, 42, code, sizeof(code), &err), MC_OK);
    assert_string_equal(code, "000.00.00.H15-261008-C042");
    struct eng_dossier_code c;
    assert_int_equal(eng_dossier_code_parse(code, &c, &err), MC_OK);
    assert_true(c.is_case);
    assert_int_equal(c.seq, 42);
    assert_int_equal(eng_case_code_make("000.00.00.H15", t, 999, code, sizeof(code), &err), MC_OK);
    assert_string_equal(code, "000.00.00.H15-261008-C999");
    assert_int_equal(eng_case_code_make("000.00.00.H15", t, 1000, code, sizeof(code), &err),
                     MC_ELIMIT);
    assert_int_equal(eng_case_code_make("000.00.00.H15", t, 0, code, sizeof(code), &err),
                     MC_ELIMIT);
    assert_int_equal(eng_dossier_code_parse("000.00.00.H15-261008-0042", &c, &err), MC_OK);
    assert_false(c.is_case);
    assert_int_equal(eng_dossier_code_parse("000.00.00.H15-261008-C000", &c, &err), MC_EINVAL);
    assert_int_equal(eng_dossier_code_parse("000.00.00.H15-261008-CX42", &c, &err), MC_EINVAL);
}

static void refuses_a_full_day_and_bad_input(void **state)
{
    (void)state;
    char code[ENG_DOSSIER_CODE_MAX];
    struct mc_err err = { 0 };
    int64_t t = vn(2026, 10, 8, 9, 0);
    assert_int_equal(eng_dossier_code_make("000.00.00.H15", t, 10000, code, sizeof(code), &err),
                     MC_ELIMIT);
    assert_non_null(strstr(err.msg, "9999"));
    assert_int_equal(eng_dossier_code_make("000.00.00.H15", t, 0, code, sizeof(code), &err),
                     MC_ELIMIT);
    assert_int_equal(eng_dossier_code_make("000-00", t, 1, code, sizeof(code), &err), MC_EINVAL);
    assert_int_equal(eng_dossier_code_make("", t, 1, code, sizeof(code), &err), MC_EINVAL);
    assert_int_equal(eng_dossier_code_make("000.00.00.H15.1", t, 1, code, sizeof(code), &err),
                     MC_EINVAL);
    assert_int_equal(eng_dossier_code_make("000.00.00.H15", t, 1, code, 10, &err), MC_ELIMIT);
    assert_int_equal(
        eng_dossier_code_make("000.00.00.H15", vn(2100, 1, 1, 8, 0), 1, code, sizeof(code), &err),
        MC_EINVAL);
}

static void parses_what_it_makes(void **state)
{
    (void)state;
    struct eng_dossier_code p;
    struct mc_err err = { 0 };
    assert_int_equal(eng_dossier_code_parse("H15.50.05.13-261008-0975", &p, &err), MC_OK);
    assert_string_equal(p.agency, "H15.50.05.13");
    assert_int_equal(p.date.year, 2026);
    assert_int_equal(p.date.month, 10);
    assert_int_equal(p.date.day, 8);
    assert_int_equal(p.seq, 975);
    assert_int_equal(eng_dossier_code_parse("A-240229-0001", &p, &err), MC_OK);
    assert_string_equal(p.agency, "A");

    /* Round trip over a year of dates and a few sequences. */
    for (int day = 0; day < 366; day += 7) {
        int64_t t = vn(2024, 1, 1, 10, 0) + (int64_t)day * 1440;
        for (int seq = 1; seq <= 9999; seq += 1234) {
            char code[ENG_DOSSIER_CODE_MAX];
            assert_int_equal(
                eng_dossier_code_make("000.00.00.H15", t, seq, code, sizeof(code), &err), MC_OK);
            assert_int_equal(eng_dossier_code_parse(code, &p, &err), MC_OK);
            assert_int_equal(p.seq, seq);
            struct eng_date d = eng_local_date(t);
            assert_int_equal(p.date.year * 10000 + p.date.month * 100 + p.date.day,
                             d.year * 10000 + d.month * 100 + d.day);
        }
    }
}

static void parse_rejects_malformed_codes(void **state)
{
    (void)state;
    static const char *bad[] = {
        "",
        "000.00.00.H15",
        "000.00.00.H15-261008-975",    /* 3-digit sequence */
        "000.00.00.H15-261008-097500", /* ministry-portal 6 digits: UNCONFIRMED, refused */
        "000.00.00.H15-261308-0975",   /* month 13 */
        "000.00.00.H15-230229-0975",   /* 29 Feb 2023 */
        "000.00.00.H15-261008-0000",   /* sequence 0 */
        "000.00.00.H15_261008-0975",
        "-261008-0975",
        "000.00.00.H15.99-261008-0975", /* agency of 16 characters */
        "000 00.00.H15-261008-0975",
        "000.00.00.H15-26100A-0975",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct eng_dossier_code p;
        struct mc_err err = { 0 };
        assert_int_equal(eng_dossier_code_parse(bad[i], &p, &err), MC_EINVAL);
        assert_true(err.msg[0] != '\0');
    }
}

static void civil_dates_round_trip(void **state)
{
    (void)state;
    assert_int_equal(eng_days_from_date((struct eng_date){ 1970, 1, 1 }), 0);
    assert_int_equal(eng_days_from_date((struct eng_date){ 2000, 3, 1 }), 11017);
    for (int64_t d = -800000; d < 800000; d += 997) {
        assert_int_equal(eng_days_from_date(eng_date_from_days(d)), d);
    }
    assert_int_equal(eng_local_minute_of_day(vn(2026, 10, 8, 15, 0)), 900);
    assert_int_equal(eng_local_minute_of_day(vn(1969, 12, 31, 23, 59)), 1439);
    assert_false(eng_date_valid((struct eng_date){ 1900, 2, 29 }));
    assert_true(eng_date_valid((struct eng_date){ 2000, 2, 29 }));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(makes_the_codes_of_domain_examples),
        cmocka_unit_test(refuses_a_full_day_and_bad_input),
        cmocka_unit_test(case_codes_are_told_apart),
        cmocka_unit_test(parses_what_it_makes),
        cmocka_unit_test(parse_rejects_malformed_codes),
        cmocka_unit_test(civil_dates_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
