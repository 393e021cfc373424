/* Internal cases (hồ sơ công việc) over HTTP with the demo data: a VP
 * specialist opens a case for NB-VP-04 (monthly report of the department,
 * 5 working days), it walks its process to done and is closed by the head;
 * counters and the handover chain agree; another unit's specialist and the
 * desk get 403; bad input is a 400 naming the field, and nothing is written.
 *
 * Process QT-NB-VP-04: buoc_1 (VP specialist, 16 h) → buoc_2 (VP head, 4 h)
 * → buoc_3 (BGD director, signs) → buoc_4 (VP clerk, last). */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>

#include "dossier_it.h"

static char case_code[32];

static int setup(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 5, 8, 0); /* Monday */
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

/* An action on this file's dossier that must succeed. */
static int64_t ok_act(const char *user, const char *action, int64_t version, const char *fields)
{
    return dit_ok_act(user, case_code, action, version, fields);
}

static bool inbox_has(const char *user, const char *scope, const char *code)
{
    char path[64];
    snprintf(path, sizeof(path), "/api/inbox?scope=%s", scope);
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", path, NULL, NULL, &r), 200);
    bool found = false;
    json_t *items = json_object_get(r.json, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        found = found || strcmp(dit_str(json_array_get(items, i), "code"), code) == 0;
    }
    it_resp_release(&r);
    return found;
}

/* Sum of one counter over the rows of /api/stats?by=procedure for `code`. */
static int64_t stat_of(const char *procedure, const char *counter)
{
    struct it_resp r;
    assert_int_equal(dit_call("giamdoc", "GET",
                              "/api/stats?by=procedure&from=2026-10-01&to=2026-10-31", NULL, NULL,
                              &r),
                     200);
    int64_t sum = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *row = json_array_get(r.json, i);
        if (strcmp(dit_str(row, "procedure"), procedure) == 0) {
            assert_string_equal(dit_str(row, "kind"), procedure[0] == 'N' ? "internal" : "tthc");
            sum += dit_int(row, counter);
        }
    }
    it_resp_release(&r);
    return sum;
}

static void items_follow_the_scope(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", "/api/cases/items", NULL, NULL, &r), 200);
    bool vp04 = false;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *it = json_array_get(r.json, i);
        assert_string_equal(dit_str(it, "unit"), "VP");
        vp04 = vp04 || strcmp(dit_str(it, "code"), "NB-VP-04") == 0;
    }
    assert_true(vp04);
    assert_true(json_array_size(r.json) >= 5);
    it_resp_release(&r);
    /* The desk owns no internal item in scope; the director sees them all. */
    assert_int_equal(dit_call("motcua1", "GET", "/api/cases/items", NULL, NULL, &r), 200);
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        assert_string_equal(dit_str(json_array_get(r.json, i), "unit"), "MC");
    }
    it_resp_release(&r);
    assert_int_equal(dit_call("giamdoc", "GET", "/api/cases/items", NULL, NULL, &r), 200);
    assert_true(json_array_size(r.json) >= 60);
    it_resp_release(&r);
}

static void bad_input_and_other_units_change_nothing(void **state)
{
    (void)state;
    static const struct {
        const char *user, *body;
        long status;
        const char *field;
    } cases[] = {
        { "chuyenvien1.vp", "{\"procedure\":\"NB-VP-04\"}", 400, "subject" },
        { "chuyenvien1.vp", "{\"procedure\":\"NB-VP-04\",\"subject\":\"  \"}", 400, "subject" },
        { "chuyenvien1.vp", "{\"procedure\":\"NB-VP-04\",\"subject\":7}", 400, "subject" },
        { "chuyenvien1.vp", "{\"procedure\":\"NB-NONE-1\",\"subject\":\"x\"}", 400, "procedure" },
        { "chuyenvien1.vp", "{\"procedure\":\"1.003950\",\"subject\":\"x\"}", 400, "procedure" },
        { "chuyenvien1.vp", "{\"procedure\":\"NB-VP-04\",\"subject\":\"x\",\"phone\":\"1\"}", 400,
          "phone" },
        { "chuyenvien1.vp", "{\"procedure\":\"NB-VP-04\",\"case\":\"C9\",\"subject\":\"x\"}", 404,
          "case" },
        { "chuyenvien1.vp", "[1]", 400, "" },
        /* Another unit's specialist, the desk, the control team: 403. */
        { "chuyenvien1.tcbc", "{\"procedure\":\"NB-VP-04\",\"subject\":\"x\"}", 403, "" },
        { "motcua1", "{\"procedure\":\"NB-VP-04\",\"subject\":\"x\"}", 403, "" },
        { "phophong.cchc", "{\"procedure\":\"NB-VP-04\",\"subject\":\"x\"}", 403, "" },
        /* A clerk works a step of the process but does not open cases. */
        { "vanthu1", "{\"procedure\":\"NB-VP-04\",\"subject\":\"x\"}", 403, "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct it_resp r;
        long st = dit_call(cases[i].user, "POST", "/api/cases", cases[i].body, NULL, &r);
        if (st != cases[i].status) {
            fprintf(stderr, "case %zu: %ld %s\n", i, st, r.body ? r.body : "");
        }
        assert_int_equal(st, cases[i].status);
        if (cases[i].field[0]) {
            assert_string_equal(it_problem_field(&r), cases[i].field);
        }
        it_resp_release(&r);
    }
    /* The desk does not receive an internal item as a dossier. */
    struct it_resp rr;
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"NB-VP-04\",\"applicant\":{\"name\":\"A\","
                              "\"phone\":\"0900123456\"}}",
                              NULL, &rr),
                     400);
    assert_string_equal(it_problem_field(&rr), "procedure");
    it_resp_release(&rr);
    /* Nothing was written: no case counted, no code used. */
    assert_int_equal(stat_of("NB-VP-04", "received"), 0);
    struct it_resp r;
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", "/api/dossiers/000.00.99.H99-261005-C001",
                              NULL, NULL, &r),
                     404);
    it_resp_release(&r);
}

static void a_case_walks_its_process(void **state)
{
    (void)state;
    struct it_resp r;
    long st = dit_call("chuyenvien1.vp", "POST", "/api/cases",
                       "{\"procedure\":\"NB-VP-04\",\"subject\":\"Báo cáo công tác tháng 10/2026\","
                       "\"note\":\"Số liệu đến hết 30/9\"}",
                       NULL, &r);
    if (st != 201) {
        fprintf(stderr, "open: %ld %s\n", st, r.body ? r.body : "");
    }
    assert_int_equal(st, 201);
    snprintf(case_code, sizeof(case_code), "%s", dit_str(r.json, "code"));
    /* The first case of the day; the dossiers' sequence is untouched. */
    assert_string_equal(case_code, "000.00.99.H99-261005-C001");
    assert_string_equal(dit_str(r.json, "kind"), "case");
    assert_int_equal(dit_int(r.json, "channel"), 0);
    assert_int_equal(dit_int(r.json, "status"), 4);
    assert_string_equal(dit_sub(r.json, "step", "key"), "buoc_1");
    assert_string_equal(dit_str(r.json, "subject"), "Báo cáo công tác tháng 10/2026");
    assert_string_equal(dit_sub(r.json, "initiator", "username"), "chuyenvien1.vp");
    assert_true(json_is_null(json_object_get(json_object_get(r.json, "applicant"), "phone")));
    /* 5 working days from Monday 08:00 are used up at Friday's close; the
     * engine's minute arithmetic names the next working start. */
    assert_string_equal(dit_str(r.json, "due_at"), "2026-10-12T08:00:00+07:00");
    assert_true(dit_allows(r.json, "forward"));
    assert_false(dit_allows(r.json, "request_payment"));
    int64_t v = dit_int(r.json, "version");
    it_resp_release(&r);
    assert_int_equal(stat_of("NB-VP-04", "received"), 1);
    assert_int_equal(stat_of("NB-VP-04", "in_progress"), 1);
    /* In the unit's queue; not in another unit's; not public. */
    assert_true(inbox_has("chuyenvien2.vp", "unit", case_code));
    assert_false(inbox_has("chuyenvien1.tcbc", "unit", case_code));
    char path[128];
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=0900000000", case_code);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 404);
    it_resp_release(&r);
    /* Another unit's specialist may neither read nor act. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", case_code, "forward", v, "", &r), 403);
    it_resp_release(&r);

    dit_now = dit_at(2026, 10, 6, 10, 0);
    v = ok_act("chuyenvien1.vp", "forward", v, "\"note\":\"Dự thảo xong\"");
    assert_true(inbox_has("chanhvanphong", "unit", case_code));
    dit_now = dit_at(2026, 10, 6, 14, 0);
    v = ok_act("chanhvanphong", "forward", v, "");
    dit_now = dit_at(2026, 10, 7, 9, 0);
    v = ok_act("giamdoc", "approve", v, "\"signature\":true");
    dit_now = dit_at(2026, 10, 7, 10, 0);
    v = ok_act("vanthu1", "result_ready", v, "");
    json_t *d = NULL;
    snprintf(path, sizeof(path), "/api/dossiers/%s", case_code);
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
    d = json_incref(r.json);
    it_resp_release(&r);
    assert_int_equal(dit_int(d, "status"), 9);
    assert_string_equal(dit_str(d, "verdict"), "early");
    json_decref(d);
    /* No desk: the owning unit's head closes it, not reception. */
    assert_int_equal(dit_act("motcua1", case_code, "return_result", v, "", &r), 403);
    it_resp_release(&r);
    v = ok_act("chanhvanphong", "return_result", v, "");
    assert_int_equal(v, 6); /* opened at 1, five moves */

    /* Counters: received 1, finished early 1, nothing open. */
    assert_int_equal(stat_of("NB-VP-04", "received"), 1);
    assert_int_equal(stat_of("NB-VP-04", "early"), 1);
    assert_int_equal(stat_of("NB-VP-04", "in_progress"), 0);
    /* The case is no line of the TTHC register (Mẫu 06). */
    assert_int_equal(
        dit_call("motcua1", "GET", "/api/register?from=2026-10-01&to=2026-10-31", NULL, NULL, &r),
        200);
    assert_null(strstr(r.body, case_code));
    it_resp_release(&r);
    /* The handover log: open_case then the four moves and the closing. */
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", case_code);
    assert_int_equal(dit_call("chanhvanphong", "GET", path, NULL, NULL, &r), 200);
    assert_non_null(strstr(r.body, "open_case"));
    it_resp_release(&r);
    char *out = NULL;
    int vrc = dit_verify(&out);
    if (vrc != 0) {
        fprintf(stderr, "verify: %s\n", out ? out : "");
    }
    assert_int_equal(vrc, 0);
    free(out);
}

static void a_second_case_gets_the_next_code(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("truongphong.tcbc", "POST", "/api/cases",
                              "{\"procedure\":\"NB-TCBC-01\",\"subject\":\"Kế hoạch quý IV\"}",
                              "Idempotency-Key: case-2", &r),
                     201);
    assert_string_equal(dit_str(r.json, "code"), "000.00.99.H99-261007-C001");
    it_resp_release(&r);
    /* The same key again: the same answer, no second case. */
    assert_int_equal(dit_call("truongphong.tcbc", "POST", "/api/cases",
                              "{\"procedure\":\"NB-TCBC-01\",\"subject\":\"Kế hoạch quý IV\"}",
                              "Idempotency-Key: case-2", &r),
                     201);
    assert_string_equal(dit_str(r.json, "code"), "000.00.99.H99-261007-C001");
    it_resp_release(&r);
    assert_int_equal(stat_of("NB-TCBC-01", "received"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(items_follow_the_scope),
        cmocka_unit_test(bad_input_and_other_units_change_nothing),
        cmocka_unit_test(a_case_walks_its_process),
        cmocka_unit_test(a_second_case_gets_the_next_code),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
