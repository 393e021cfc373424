/* `motcua agency`: the record as the shell shows it, and the abbreviation set
 * from the shell with the rule PATCH /api/agency applies; the server answers
 * with what the command wrote. */

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

#include "harness.h"

static struct it_server srv;

static int setup(void **state)
{
    (void)state;
    return it_server_start(&srv, true, NULL);
}

static int teardown(void **state)
{
    (void)state;
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

/* GET /api/agency's abbreviation, or NULL when it is null; caller frees. */
static char *served_abbreviation(void)
{
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/api/agency", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    const char *a = json_string_value(json_object_get(r.json, "abbreviation"));
    char *copy = a ? strdup(a) : NULL;
    it_resp_release(&r);
    it_client_release(&c);
    return copy;
}

static void shows_the_imported_record(void **state)
{
    (void)state;
    char *out = NULL;
    const char *args[] = { "agency", NULL };
    assert_int_equal(it_cli(&srv, &out, args), 0);
    /* demo/agency.json */
    assert_non_null(strstr(out, "000.00.99.H99"));
    assert_non_null(strstr(out, "Sở Nội vụ tỉnh Hưng Yên"));
    assert_non_null(strstr(out, "abbreviation  SNV"));
    free(out);
}

static void a_bad_abbreviation_is_refused_and_changes_nothing(void **state)
{
    (void)state;
    const char *bad[] = { "snv", "S--NV", "SNV-", "2SNV", "S NV", "", "ABCDEFGHIJKLMNOPQRSTU" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char *out = NULL;
        const char *args[] = { "agency", "--abbreviation", bad[i], NULL };
        assert_int_equal(it_cli(&srv, &out, args), 1);
        assert_non_null(strstr(out, "--abbreviation"));
        assert_non_null(strstr(out, "upper-case letters"));
        free(out);
    }
    char *now = served_abbreviation();
    assert_non_null(now);
    assert_string_equal(now, "SNV");
    free(now);
}

static void misuse_exits_2(void **state)
{
    (void)state;
    char *out = NULL;
    const char *missing[] = { "agency", "--abbreviation", NULL };
    assert_int_equal(it_cli(&srv, &out, missing), 2);
    assert_non_null(strstr(out, "needs one value"));
    free(out);
    const char *both[] = { "agency", "--abbreviation", "VP", "--clear-abbreviation", NULL };
    assert_int_equal(it_cli(&srv, &out, both), 2);
    assert_non_null(strstr(out, "exclude each other"));
    free(out);
    const char *stray[] = { "agency", "SNV", NULL };
    assert_int_equal(it_cli(&srv, &out, stray), 2);
    assert_non_null(strstr(out, "unexpected argument 'SNV'"));
    free(out);
    const char *help[] = { "agency", "--help", NULL };
    assert_int_equal(it_cli(&srv, &out, help), 0);
    assert_non_null(strstr(out, "usage: motcua agency"));
    free(out);
}

static void sets_and_clears_what_the_server_serves(void **state)
{
    (void)state;
    char *out = NULL;
    /* --db after the option: the order of flags does not matter. */
    const char *set[] = { "agency", "--abbreviation", "VPĐK", "--db", srv.db, NULL };
    assert_int_equal(it_cli(&srv, &out, set), 0);
    assert_non_null(strstr(out, "abbreviation set to VPĐK"));
    free(out);
    char *now = served_abbreviation();
    assert_non_null(now);
    assert_string_equal(now, "VPĐK");
    free(now);

    const char *clear[] = { "agency", "--clear-abbreviation", NULL };
    assert_int_equal(it_cli(&srv, &out, clear), 0);
    free(out);
    assert_null(served_abbreviation());
    const char *show[] = { "agency", NULL };
    assert_int_equal(it_cli(&srv, &out, show), 0);
    assert_non_null(strstr(out, "abbreviation  (not set)"));
    free(out);

    const char *back[] = { "agency", "--abbreviation", "SNV", NULL };
    assert_int_equal(it_cli(&srv, &out, back), 0);
    free(out);
}

static void before_the_first_import_it_says_so(void **state)
{
    (void)state;
    struct it_server empty;
    assert_int_equal(it_server_prepare(&empty), 0);
    char *out = NULL;
    const char *migrate[] = { "migrate", NULL };
    assert_int_equal(it_cli(&empty, &out, migrate), 0);
    free(out);
    const char *show[] = { "agency", NULL };
    assert_int_equal(it_cli(&empty, &out, show), 1);
    assert_non_null(strstr(out, "run motcua import"));
    free(out);
    const char *set[] = { "agency", "--abbreviation", "SNV", NULL };
    assert_int_equal(it_cli(&empty, &out, set), 1);
    assert_non_null(strstr(out, "run motcua import"));
    free(out);
    it_server_stop(&empty); /* no server ran: just removes the directory */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shows_the_imported_record),
        cmocka_unit_test(a_bad_abbreviation_is_refused_and_changes_nothing),
        cmocka_unit_test(misuse_exits_2),
        cmocka_unit_test(sets_and_clears_what_the_server_serves),
        cmocka_unit_test(before_the_first_import_it_says_so),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
