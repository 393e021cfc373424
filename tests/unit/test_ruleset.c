/* Unit tests for src/core/ruleset: the effective-dated legal regimes. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "core/ruleset.h"
#include "fake_worktime.h"

static void builtin_sets_hold_the_2018_rules(void **state)
{
    (void)state;
    const struct eng_ruleset *rs = eng_ruleset_find("nd61-2018");
    assert_non_null(rs);
    /* NĐ 61 Điều 19.4: the time limit restarts; notice within 03 working days. */
    assert_int_equal(rs->supplement_clock, ENG_SUPPLEMENT_RESTART);
    assert_int_equal(rs->supplement_window_days, 3);
    /* Điều 19.9: one new appointment, at the latest one (working) day before. */
    assert_int_equal(rs->max_apologies, 1);
    assert_int_equal(rs->apology_lead_minutes, 480);
    /* Điều 18: 15:00 cut-off for paper dossiers. */
    assert_true(rs->paper_cutoff_next_day);
    assert_int_equal(rs->transfer_cutoff_minute, 900);
    /* QĐ 766 [766-F]: more than one supplement request counts late. */
    assert_int_equal(rs->max_supplement_requests_on_time, 1);
    assert_null(eng_ruleset_find("nd999"));
}

static void every_builtin_set_is_valid(void **state)
{
    (void)state;
    size_t n = 0;
    const struct eng_ruleset *sets = eng_ruleset_builtin(&n);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++) {
        struct mc_err err = { 0 };
        assert_int_equal(eng_ruleset_check(&sets[i], &err), MC_OK);
    }
}

/* Table: receipt instant (UTC+7) → rule set key. NĐ 118/2025 in force from
 * 01/7/2025 [N118a]. */
static void picks_the_set_by_receipt_date(void **state)
{
    (void)state;
    static const struct {
        int y, m, d, h, mi;
        const char *want;
    } cases[] = {
        { 2018, 6, 21, 7, 0, "nd61-2018" },   { 2024, 12, 31, 16, 0, "nd61-2018" },
        { 2025, 6, 30, 23, 59, "nd61-2018" }, { 2025, 7, 1, 0, 0, "nd118-2025" },
        { 2025, 7, 1, 6, 59, "nd118-2025" },  { 2026, 10, 8, 9, 0, "nd118-2025" },
    };
    size_t n = 0;
    const struct eng_ruleset *sets = eng_ruleset_builtin(&n);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct eng_ruleset *rs = NULL;
        struct mc_err err = { 0 };
        int64_t t = vn(cases[i].y, cases[i].m, cases[i].d, cases[i].h, cases[i].mi);
        assert_int_equal(eng_ruleset_for_receipt(sets, n, t, &rs, &err), MC_OK);
        assert_string_equal(rs->key, cases[i].want);
    }
    /* 2025-07-01 00:00 at UTC+7 is still 30 June in UTC: the local date decides. */
    const struct eng_ruleset *rs = NULL;
    assert_int_equal(eng_ruleset_for_receipt(sets, n, vn(2025, 7, 1, 3, 0), &rs, NULL), MC_OK);
    assert_string_equal(rs->key, "nd118-2025");
}

static void a_receipt_before_every_set_is_refused(void **state)
{
    (void)state;
    size_t n = 0;
    const struct eng_ruleset *sets = eng_ruleset_builtin(&n);
    const struct eng_ruleset *rs = NULL;
    struct mc_err err = { 0 };
    assert_int_equal(eng_ruleset_for_receipt(sets, n, vn(2017, 1, 2, 8, 0), &rs, &err),
                     MC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "2017-01-02"));
    assert_null(rs);
}

static void check_rejects_bad_values(void **state)
{
    (void)state;
    struct eng_ruleset rs = *eng_ruleset_find("nd61-2018");
    struct mc_err err = { 0 };
    rs.supplement_window_days = -1;
    assert_int_equal(eng_ruleset_check(&rs, &err), MC_EINVAL);
    assert_string_equal(err.field, "supplement_window_days");
    rs = *eng_ruleset_find("nd61-2018");
    rs.effective_from = (struct eng_date){ 2025, 2, 29 };
    assert_int_equal(eng_ruleset_check(&rs, &err), MC_EINVAL);
    rs = *eng_ruleset_find("nd61-2018");
    rs.transfer_cutoff_minute = 1440;
    assert_int_equal(eng_ruleset_check(&rs, &err), MC_EINVAL);
    rs = *eng_ruleset_find("nd61-2018");
    rs.supplement_clock = (enum eng_supplement_clock)7;
    assert_int_equal(eng_ruleset_check(&rs, &err), MC_EINVAL);
    rs = *eng_ruleset_find("nd61-2018");
    memset(rs.key, 0, sizeof(rs.key));
    assert_int_equal(eng_ruleset_check(&rs, &err), MC_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_sets_hold_the_2018_rules),
        cmocka_unit_test(every_builtin_set_is_valid),
        cmocka_unit_test(picks_the_set_by_receipt_date),
        cmocka_unit_test(a_receipt_before_every_set_is_refused),
        cmocka_unit_test(check_rejects_bad_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
