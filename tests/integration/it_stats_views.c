/* The dashboard's statistics (by month, one unit, the open count), its
 * drill-down list GET /api/dossiers (filters, scope, bad parameters) and
 * marking every notification read, with the demo data:
 *
 *   A  1.003950 (TCBC, 15 days) received 12 Oct, finished late 3 Nov
 *      (tham_dinh overran, chuyenvien2.tcbc); result_ready by motcua2
 *   B  1.003950 received 14 Oct, finished early the same day
 *   C  2.000465 (XDCQ, 30 days) received 13 Oct, still open and overdue
 *      on 10 Dec. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>

#include "dossier_it.h"

static char code_a[32], code_b[32], code_c[32];

static int setup(void **state)
{
    (void)state;
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

static void receive(const char *procedure, char code[32])
{
    struct it_resp r;
    char body[512];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"%s\",\"applicant\":{\"name\":\"Phạm Văn D\",\"phone\":"
             "\"0900 222 333\"}}",
             procedure);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers", body, NULL, &r), 201);
    snprintf(code, 32, "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
}

/* From reception to the specialist (chuyenvien2.tcbc); returns the version. */
static int64_t walk_to_specialist(const char *code)
{
    int64_t v = dit_ok_act("motcua1", code, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    return dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");
}

/* From the specialist to "result ready" (status 9). */
static void walk_to_result(const char *code, int64_t v)
{
    v = dit_ok_act("chuyenvien2.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("phogiamdoc2", code, "approve", v, "\"signature\":true");
    v = dit_ok_act("vanthu2", code, "forward", v, "");
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    dit_ok_act("motcua2", code, "result_ready", v, "");
}

/* In time order: the server's clock never goes back. */
static void make_dossiers(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 12, 8, 0);
    receive("1.003950", code_a);
    int64_t va = walk_to_specialist(code_a);
    dit_now = dit_at(2026, 10, 13, 9, 0);
    receive("2.000465", code_c);
    dit_ok_act("motcua1", code_c, "transfer", 1, "");
    dit_now = dit_at(2026, 10, 14, 8, 0);
    receive("1.003950", code_b);
    int64_t vb = walk_to_specialist(code_b);
    dit_now += 60;
    walk_to_result(code_b, vb);
    /* 3 Nov 08:00 is past A's due time (2 Nov 08:00). */
    dit_now = dit_at(2026, 11, 3, 8, 0);
    walk_to_result(code_a, va);
    dit_now = dit_at(2026, 12, 10, 9, 0);
}

static json_t *get_json(const char *user, const char *path)
{
    struct it_resp r;
    long st = dit_call(user, "GET", path, NULL, NULL, &r);
    if (st != 200) {
        fprintf(stderr, "GET %s as %s: %ld %s\n", path, user, st, r.body ? r.body : "");
    }
    assert_int_equal(st, 200);
    json_t *j = json_incref(r.json);
    it_resp_release(&r);
    return j;
}

static void expect_400(const char *user, const char *path, const char *field)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", path, NULL, NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), field);
    it_resp_release(&r);
}

static json_t *row_with(json_t *rows, const char *key, const char *value)
{
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *row = json_array_get(rows, i);
        if (strcmp(dit_str(row, key), value) == 0) {
            return row;
        }
    }
    return NULL;
}

static bool lists(json_t *page, const char *code)
{
    json_t *items = json_object_get(page, "items");
    return row_with(items, "code", code) != NULL;
}

static void stats_by_month_and_unit(void **state)
{
    (void)state;
    json_t *rows = get_json("giamdoc", "/api/stats?by=month&from=2026-10-01&to=2026-11-30");
    json_t *oct = row_with(rows, "month", "2026-10");
    json_t *nov = row_with(rows, "month", "2026-11");
    assert_non_null(oct);
    assert_non_null(nov);
    assert_int_equal(dit_int(oct, "received"), 3);
    assert_int_equal(dit_int(oct, "early"), 1);
    assert_int_equal(dit_int(oct, "late"), 0);
    assert_int_equal(dit_int(oct, "open"), 1); /* C */
    assert_int_equal(dit_int(nov, "late"), 1);
    assert_true(json_real_value(json_object_get(nov, "on_time_rate")) == 0.0);
    json_decref(rows);

    rows = get_json("giamdoc", "/api/stats?by=unit&from=2026-10-01&to=2026-11-30&unit=TCBC");
    assert_int_equal(json_array_size(rows), 1);
    assert_string_equal(dit_str(json_array_get(rows, 0), "unit"), "TCBC");
    assert_int_equal(dit_int(json_array_get(rows, 0), "early"), 1);
    assert_int_equal(dit_int(json_array_get(rows, 0), "late"), 1);
    json_decref(rows);

    /* By officer: the open dossier counts for no one until someone holds it,
     * the finished ones for whoever finished them. */
    rows = get_json("kiemsoat1", "/api/stats?by=officer&from=2026-10-01&to=2026-11-30");
    json_t *desk = row_with(rows, "officer", "motcua2");
    assert_non_null(desk);
    assert_int_equal(dit_int(desk, "early") + dit_int(desk, "late"), 2);
    json_decref(rows);

    /* Each officer's figures stay within the units the caller reads: TCBC's
     * head sees the desk officer's work on TCBC's dossiers, XDCQ's does not,
     * and asking for TCBC is refused; by unit, every caller sees the agency. */
    rows = get_json("truongphong.tcbc", "/api/stats?by=officer&from=2026-10-01&to=2026-11-30");
    assert_non_null(row_with(rows, "officer", "motcua2"));
    json_decref(rows);
    rows = get_json("truongphong.xdcq", "/api/stats?by=officer&from=2026-10-01&to=2026-11-30");
    assert_null(row_with(rows, "officer", "motcua2"));
    json_decref(rows);
    struct it_resp r;
    assert_int_equal(dit_call("truongphong.xdcq", "GET",
                              "/api/stats?by=officer&from=2026-10-01&to=2026-11-30&unit=TCBC", NULL,
                              NULL, &r),
                     403);
    it_resp_release(&r);
    rows = get_json("truongphong.xdcq", "/api/stats?by=unit&from=2026-10-01&to=2026-11-30");
    assert_non_null(row_with(rows, "unit", "TCBC"));
    json_decref(rows);

    expect_400("giamdoc", "/api/stats?by=week&from=2026-10-01&to=2026-11-30", "by");
    expect_400("giamdoc", "/api/stats?by=unit&from=2026-10-01&to=2026-11-30&unit=NOPE", "unit");
}

static void drill_down_matches_the_counters(void **state)
{
    (void)state;
    json_t *p = get_json("kiemsoat1", "/api/dossiers?outcome=late&from=2026-11-01&to=2026-11-30");
    assert_int_equal(dit_int(p, "total"), 1);
    json_t *a = json_array_get(json_object_get(p, "items"), 0);
    assert_string_equal(dit_str(a, "code"), code_a);
    assert_string_equal(dit_sub(a, "overrun_step", "key"), "tham_dinh");
    assert_string_equal(dit_sub(a, "overrun_person", "username"), "chuyenvien2.tcbc");
    assert_string_equal(dit_sub(a, "finished_by", "username"), "motcua2");
    assert_true(dit_int(json_object_get(a, "clock"), "overdue_minutes") > 0);
    json_decref(p);

    p = get_json("giamdoc", "/api/dossiers?outcome=early&from=2026-10-01&to=2026-10-31&unit=TCBC"
                            "&procedure=1.003950&officer=motcua2");
    assert_int_equal(dit_int(p, "total"), 1);
    assert_true(lists(p, code_b));
    json_decref(p);
    p = get_json("giamdoc", "/api/dossiers?outcome=early&from=2026-10-01&to=2026-10-31"
                            "&officer=motcua1");
    assert_int_equal(dit_int(p, "total"), 0);
    json_decref(p);
    /* Finished in October: A finished in November is not there. */
    p = get_json("giamdoc", "/api/dossiers?outcome=late&from=2026-10-01&to=2026-10-31");
    assert_int_equal(dit_int(p, "total"), 0);
    json_decref(p);

    /* Overdue now: C, at its current step, most overdue first. */
    p = get_json("kiemsoat1", "/api/dossiers?outcome=overdue");
    assert_int_equal(dit_int(p, "total"), 1);
    json_t *c = json_array_get(json_object_get(p, "items"), 0);
    assert_string_equal(dit_str(c, "code"), code_c);
    assert_true(dit_int(json_object_get(c, "clock"), "overdue_minutes") > 0);
    assert_string_equal(dit_sub(c, "overrun_step", "key"), dit_sub(c, "step", "key"));
    json_decref(p);
    p = get_json("kiemsoat1", "/api/dossiers?outcome=in_progress&from=2026-10-01&to=2026-10-31");
    assert_int_equal(dit_int(p, "total"), 1);
    assert_true(lists(p, code_c));
    json_decref(p);

    /* Paging: the total stays, the page has `limit` items. */
    p = get_json("giamdoc", "/api/dossiers?from=2026-10-01&to=2026-10-31&limit=2&offset=1");
    assert_int_equal(dit_int(p, "total"), 3);
    assert_int_equal(json_array_size(json_object_get(p, "items")), 2);
    json_decref(p);
}

static void drill_down_is_scoped(void **state)
{
    (void)state;
    /* A TCBC specialist sees TCBC's dossiers, not XDCQ's. */
    json_t *p = get_json("chuyenvien1.tcbc", "/api/dossiers?from=2026-10-01&to=2026-10-31");
    assert_true(lists(p, code_a));
    assert_true(lists(p, code_b));
    assert_false(lists(p, code_c));
    json_decref(p);
    p = get_json("chuyenvien1.tcbc", "/api/dossiers?outcome=overdue");
    assert_int_equal(dit_int(p, "total"), 0);
    json_decref(p);
    struct it_resp r;
    assert_int_equal(dit_call("chuyenvien1.tcbc", "GET", "/api/dossiers?unit=XDCQ", NULL, NULL, &r),
                     403);
    it_resp_release(&r);
    /* XDCQ's head sees C. */
    p = get_json("truongphong.xdcq", "/api/dossiers?outcome=overdue");
    assert_true(lists(p, code_c));
    json_decref(p);
    assert_int_equal(dit_call(NULL, "GET", "/api/dossiers", NULL, NULL, &r), 401);
    it_resp_release(&r);
}

static void bad_parameters_name_the_field(void **state)
{
    (void)state;
    expect_400("giamdoc", "/api/dossiers?outcome=soon", "outcome");
    expect_400("giamdoc", "/api/dossiers?from=2026-13-01", "from");
    expect_400("giamdoc", "/api/dossiers?from=2026-11-02&to=2026-11-01", "to");
    expect_400("giamdoc", "/api/dossiers?limit=0", "limit");
    expect_400("giamdoc", "/api/dossiers?limit=201", "limit");
    expect_400("giamdoc", "/api/dossiers?offset=-1", "offset");
    expect_400("giamdoc", "/api/dossiers?unit=NOPE", "unit");
    expect_400("giamdoc", "/api/dossiers?procedure=9.999999", "procedure");
    expect_400("giamdoc", "/api/dossiers?officer=nobody", "officer");
}

static void read_all_notifications(void **state)
{
    (void)state;
    /* C's escalation rungs reached XDCQ's head. */
    json_t *unread = get_json("truongphong.xdcq", "/api/notifications?unread=true");
    size_t n = json_array_size(unread);
    json_decref(unread);
    assert_true(n > 0);
    struct it_resp r;
    assert_int_equal(
        dit_call("truongphong.xdcq", "POST", "/api/notifications/read-all", NULL, NULL, &r), 200);
    assert_int_equal(dit_int(r.json, "marked"), (int64_t)n);
    it_resp_release(&r);
    unread = get_json("truongphong.xdcq", "/api/notifications?unread=true");
    assert_int_equal(json_array_size(unread), 0);
    json_decref(unread);
    /* Someone else's stay unread. */
    unread = get_json("giamdoc", "/api/notifications?unread=true");
    json_t *all = get_json("giamdoc", "/api/notifications");
    assert_int_equal(json_array_size(unread), json_array_size(all));
    json_decref(unread);
    json_decref(all);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(make_dossiers),
        cmocka_unit_test(stats_by_month_and_unit),
        cmocka_unit_test(drill_down_matches_the_counters),
        cmocka_unit_test(drill_down_is_scoped),
        cmocka_unit_test(bad_parameters_name_the_field),
        cmocka_unit_test(read_all_notifications),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
