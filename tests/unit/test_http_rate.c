/* The sliding-minute rate limit (http/rate.h). */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "http/rate.h"

static const long T0 = 1790000000L - 1790000000L % 60; /* the start of a minute */

static void the_limit_holds_within_a_minute(void **state)
{
    (void)state;
    struct http_rate_table *t = http_rate_table_new();
    for (int i = 0; i < 3; i++) {
        assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 10 + i, 3));
    }
    assert_false(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 20, 3));
    /* Another client and the other kind count apart. */
    assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.2", T0 + 20, 3));
    assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOOKUP, "10.0.0.1", T0 + 20, 3));
    http_rate_table_free(t);
}

static void a_burst_straddling_the_minute_is_refused(void **state)
{
    (void)state;
    struct http_rate_table *t = http_rate_table_new();
    /* Three at 00:59, the fourth at 01:00: a fixed window would allow it. */
    for (int i = 0; i < 3; i++) {
        assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 59, 3));
    }
    assert_false(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 60, 3));
    http_rate_table_free(t);
}

static void the_previous_minute_fades(void **state)
{
    (void)state;
    struct http_rate_table *t = http_rate_table_new();
    for (int i = 0; i < 3; i++) {
        assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0, 3));
    }
    /* Half a minute on, the three count as 1.5: one more fits, two do not. */
    assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 90, 3));
    assert_false(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 90, 3));
    /* Two minutes of quiet: a fresh start. */
    for (int i = 0; i < 3; i++) {
        assert_true(http_rate_hit(t, HTTP_RATE_KIND_LOGIN, "10.0.0.1", T0 + 240, 3));
    }
    http_rate_table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_limit_holds_within_a_minute),
        cmocka_unit_test(a_burst_straddling_the_minute_is_refused),
        cmocka_unit_test(the_previous_minute_fades),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
