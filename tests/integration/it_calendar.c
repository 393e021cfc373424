/* The calendar endpoints against a real server: a year's days off, lunar
 * dates, and the due date of 5 working days from 16:45 on the last working
 * day before Tết 2026 (domain.md §6.2; worked out in docs/CALENDAR.md §5). */

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
    return it_server_start(&srv, false, NULL);
}

static int teardown(void **state)
{
    (void)state;
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

static json_t *find_day(json_t *days, const char *date)
{
    size_t i;
    json_t *d;
    json_array_foreach (days, i, d) {
        if (strcmp(json_string_value(json_object_get(d, "date")), date) == 0) {
            return d;
        }
    }
    return NULL;
}

static const char *tag_of(json_t *days, const char *date)
{
    json_t *d = find_day(days, date);
    return d ? json_string_value(json_object_get(d, "tag")) : "(absent)";
}

static void year_2026(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/api/calendar/2026", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    json_t *days = json_object_get(r.json, "days");
    assert_string_equal(tag_of(days, "2026-02-16"), "tet");
    assert_string_equal(tag_of(days, "2026-02-20"), "tet");
    assert_string_equal(tag_of(days, "2026-04-26"), "hungkings");
    assert_string_equal(tag_of(days, "2026-04-27"), "comp");
    assert_string_equal(tag_of(days, "2026-04-30"), "victory");
    assert_string_equal(tag_of(days, "2026-05-01"), "labour");
    assert_string_equal(tag_of(days, "2026-09-02"), "national");
    assert_true(json_is_true(json_object_get(find_day(days, "2026-08-22"), "makeup")));
    assert_null(find_day(days, "2026-02-23")); /* an ordinary working day */
    /* 261 weekdays - 13 weekdays off + 2 make-up Saturdays. */
    assert_int_equal(json_integer_value(json_object_get(r.json, "working_days")), 250);
    assert_true(json_is_false(json_object_get(json_object_get(r.json, "estimated"), "tet")));
    it_resp_release(&r);

    assert_int_equal(it_request(&c, "GET", "/api/calendar/2027", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_true(json_is_true(json_object_get(json_object_get(r.json, "estimated"), "tet")));
    it_resp_release(&r);

    assert_int_equal(it_request(&c, "GET", "/api/calendar/1999", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_string_equal(r.content_type, "application/problem+json");
    assert_string_equal(it_problem_field(&r), "year");
    it_resp_release(&r);
    it_client_release(&c);
}

static void lunar(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(
        it_request(&c, "GET", "/api/calendar/lunar?date=2030-02-02", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    json_t *l = json_object_get(r.json, "lunar");
    assert_int_equal(json_integer_value(json_object_get(l, "day")), 1);
    assert_int_equal(json_integer_value(json_object_get(l, "month")), 1);
    assert_string_equal(json_string_value(json_object_get(l, "year_name")), "Canh Tuất");
    it_resp_release(&r);
    assert_int_equal(it_request(&c, "GET", "/api/calendar/lunar", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_string_equal(it_problem_field(&r), "date");
    it_resp_release(&r);
    assert_int_equal(
        it_request(&c, "GET", "/api/calendar/lunar?date=2026-02-30", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_string_equal(it_problem_field(&r), "date");
    it_resp_release(&r);
    it_client_release(&c);
}

static void deadline(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    const char *body = "{\"start\":\"2026-02-13T16:45\",\"amount\":5,\"unit\":\"day\","
                       "\"agency\":\"000.00.12.H40\"}";
    assert_int_equal(it_request(&c, "POST", "/api/calendar/deadline", body, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "due")),
                        "2026-02-27T16:45:00+07:00");
    json_t *skipped = json_object_get(r.json, "skipped");
    assert_int_equal(json_array_size(skipped), 9); /* 14/02 - 22/02 */
    assert_string_equal(tag_of(skipped, "2026-02-17"), "tet");
    assert_non_null(json_string_value(json_object_get(find_day(skipped, "2026-02-17"), "ref")));
    it_resp_release(&r);

    /* The same instant in UTC, as a paper dossier: counted from Monday 23/02. */
    body = "{\"start\":\"2026-02-13T09:45:00Z\",\"amount\":40,\"unit\":\"hour\",\"paper\":true}";
    assert_int_equal(it_request(&c, "POST", "/api/calendar/deadline", body, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "start")),
                        "2026-02-23T07:00:00+07:00");
    assert_string_equal(json_string_value(json_object_get(r.json, "due")),
                        "2026-02-27T17:00:00+07:00");
    it_resp_release(&r);

    static const struct {
        const char *body;
        const char *field;
    } bad[] = {
        { "{\"start\":\"2026-02-13T16:45\",\"amount\":5,\"unit\":\"week\"}", "unit" },
        { "{\"start\":\"2026-02-30T16:45\",\"amount\":5,\"unit\":\"day\"}", "start" },
        { "{\"start\":\"2026-02-13T16:45\",\"amount\":-1,\"unit\":\"day\"}", "amount" },
        { "{\"start\":\"2026-02-13T16:45\",\"amount\":0.5,\"unit\":\"day\","
          "\"count\":\"civil_days\"}",
          "amount" },
        { "{\"start\":\"2026-02-13T16:45\",\"amount\":5}", "unit" },
        { "{\"start\":\"1999-02-13T16:45\",\"amount\":5,\"unit\":\"day\"}", "start" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(
            it_request(&c, "POST", "/api/calendar/deadline", bad[i].body, NULL, NULL, &r), 0);
        assert_int_equal(r.status, 400);
        if (strcmp(it_problem_field(&r), bad[i].field) != 0) {
            fail_msg("%s: field '%s', expected '%s'", bad[i].body, it_problem_field(&r),
                     bad[i].field);
        }
        it_resp_release(&r);
    }
    it_client_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(year_2026),
        cmocka_unit_test(lunar),
        cmocka_unit_test(deadline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
