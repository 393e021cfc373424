/* The dossier lifecycle over HTTP with the demo data (issue 4 "Done when"):
 * online submission → accepted → five steps with one consultation and one
 * supplement request → approved → returned; its control slip; a dossier
 * that overran with its apology; statistics; bad inputs leaving the dossier
 * unchanged; idempotency and concurrent versions.
 *
 * Procedure 1.003950 (15 working days), process QT-08: tiep_nhan (MC
 * reception) → phan_cong (TCBC head) → tham_dinh (TCBC specialist, 35.5 h)
 * → xem_xet (TCBC head) → phe_duyet (BGD deputy director, signs) → van_thu
 * (VP clerk) → trinh_ubnd (TCBC specialist) → tra_ket_qua (MC reception). */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>

#include "dossier_it.h"

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

static json_t *get_dossier(const char *user, const char *code)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", code);
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", path, NULL, NULL, &r), 200);
    json_t *d = json_incref(r.json);
    it_resp_release(&r);
    return d;
}

static void online_to_returned(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 5, 8, 10); /* a Monday */
    assert_int_equal(
        dit_call(NULL, "POST", "/api/dossiers",
                 "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":"
                 "\"Trần Thị B\",\"phone\":\"0987654321\",\"email\":\"b@example.com\"}}",
                 NULL, &r),
        201);
    assert_int_equal(dit_int(r.json, "status"), 1);
    assert_true(json_is_null(json_object_get(r.json, "code")));
    char ref[48];
    snprintf(ref, sizeof(ref), "%s", dit_str(r.json, "ref"));
    it_resp_release(&r);

    /* The desk accepts: code and appointment (15 working days). */
    assert_int_equal(dit_act("motcua1", ref, "accept", 1, "", &r), 200);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    assert_string_equal(code, "000.00.99.H99-261005-0001");
    assert_string_equal(dit_str(r.json, "due_at"), "2026-10-26T08:10:00+07:00");
    assert_true(dit_allows(r.json, "transfer"));
    it_resp_release(&r);

    int64_t v = 2;
    dit_now += 30;
    v = dit_ok_act("motcua1", code, "transfer", v, "");
    json_t *d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "phan_cong");
    assert_true(dit_allows(d, "forward"));
    json_decref(d);
    dit_now += 30;
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");

    /* The specialist's inbox has it. */
    assert_int_equal(dit_call("chuyenvien1.tcbc", "GET", "/api/inbox?scope=mine", NULL, NULL, &r),
                     200);
    assert_int_equal(dit_int(r.json, "total"), 1);
    json_t *item = json_array_get(json_object_get(r.json, "items"), 0);
    assert_string_equal(dit_str(item, "code"), code);
    assert_string_equal(dit_str(item, "class"), "early");
    it_resp_release(&r);

    dit_now += 60;
    v = dit_ok_act("chuyenvien1.tcbc", code, "consult", v,
                   "\"consults\":[{\"unit\":\"CCVC\",\"hours\":8}]");
    /* While the consultation is open the step cannot move on. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", code, "forward", v, "", &r), 409);
    it_resp_release(&r);
    dit_now += 120;
    v = dit_ok_act("truongphong.ccvc", code, "consult_answer", v,
                   "\"consult_unit\":\"CCVC\",\"note\":\"Đồng ý\"");
    v = dit_ok_act("chuyenvien1.tcbc", code, "request_supplement", v,
                   "\"missing\":[\"Bản sao điều lệ quỹ\"]");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_int_equal(dit_int(d, "status"), 5);
    assert_string_equal(dit_sub(d, "clock", "state"), "paused");
    json_decref(d);
    dit_now = dit_at(2026, 10, 6, 9, 0);
    v = dit_ok_act("motcua1", code, "supplement_received", v, "\"attachments\":[\"dieu-le.pdf\"]");
    dit_now += 60;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    dit_now += 60;
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    /* Signing steps need the signature. */
    assert_int_equal(dit_act("phogiamdoc1", code, "approve", v, "", &r), 400);
    assert_string_equal(it_problem_field(&r), "signature");
    it_resp_release(&r);
    dit_now += 60;
    v = dit_ok_act("phogiamdoc1", code, "approve", v, "\"signature\":true");
    dit_now += 30;
    v = dit_ok_act("vanthu1", code, "forward", v, "");
    dit_now += 30;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    dit_now += 30;
    v = dit_ok_act("motcua1", code, "result_ready", v, "");
    dit_now += 30;
    v = dit_ok_act("motcua1", code, "return_result", v, "");
    d = get_dossier("motcua1", code);
    assert_int_equal(dit_int(d, "status"), 10);
    assert_string_equal(dit_str(d, "verdict"), "early");
    assert_int_equal(json_array_size(json_object_get(d, "allowed_actions")), 0);
    json_decref(d);

    /* The control slip: every handover, with the hop's verdict. */
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(dit_call("kiemsoat1", "GET", path, NULL, NULL, &r), 200);
    json_t *h = json_object_get(r.json, "handovers");
    assert_int_equal(json_array_size(h), 16);
    static const char *const actions[] = {
        "submit_online",
        "accept",
        "transfer",
        "forward",
        "assign",
        "consult",
        "consult_answer",
        "request_supplement",
        "supplement_received",
        "forward",
        "forward",
        "approve",
        "forward",
        "forward",
        "result_ready",
        "return_result",
    };
    for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
        assert_string_equal(dit_str(json_array_get(h, i), "action"), actions[i]);
        assert_int_equal(dit_int(json_array_get(h, i), "seq"), (int64_t)i + 1);
    }
    /* forward out of phan_cong after 30 minutes of a 4-hour allotment */
    json_t *hop = json_array_get(h, 3);
    assert_string_equal(dit_str(hop, "verdict"), "early");
    assert_string_equal(dit_sub(hop, "step_from", "key"), "phan_cong");
    assert_string_equal(dit_sub(hop, "step_to", "key"), "tham_dinh");
    assert_string_equal(dit_sub(hop, "from_unit", "code"), "TCBC");
    assert_string_equal(dit_str(json_array_get(h, 2), "verdict"), "on_time"); /* transfer */
    assert_string_equal(dit_sub(json_array_get(h, 4), "to_person", "username"), "chuyenvien1.tcbc");
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(json_array_get(h, 8), "attachments"), 0)),
        "dieu-le.pdf");
    it_resp_release(&r);
}

/* Received at the desk; returns the code. */
static void receive(const char *procedure, char code[32])
{
    struct it_resp r;
    char body[512];
    snprintf(
        body, sizeof(body),
        "{\"procedure\":\"%s\",\"applicant\":{\"name\":\"Lê Văn C\",\"phone\":\"0900 111 222\","
        "\"address\":\"Hưng Yên\"},\"attachments\":[\"don.pdf\"]}",
        procedure);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers", body, NULL, &r), 201);
    assert_int_equal(dit_int(r.json, "status"), 2);
    snprintf(code, 32, "%s", dit_str(r.json, "code"));
    assert_int_equal(strlen(code), 25);
    it_resp_release(&r);
}

static void overran_with_apology(void **state)
{
    (void)state;
    struct it_resp r;
    char code[32];
    dit_now = dit_at(2026, 10, 12, 8, 0); /* Monday; due 2026-11-02 08:00 */
    receive("1.003950", code);
    int64_t v = dit_ok_act("motcua1", code, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");
    /* Another specialist of the unit may not act on an assigned dossier. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", code, "forward", v, "", &r), 403);
    it_resp_release(&r);

    /* Two working days before the due time the head apologises once. */
    dit_now = dit_at(2026, 10, 28, 8, 0);
    v = dit_ok_act(
        "truongphong.tcbc", code, "apologize", v,
        "\"reason\":\"Cần xác minh thêm\",\"new_appointment\":\"2026-11-06T16:00:00+07:00\"");
    assert_int_equal(dit_act("truongphong.tcbc", code, "apologize", v,
                             "\"reason\":\"lần hai\",\"new_appointment\":"
                             "\"2026-11-10T16:00:00+07:00\"",
                             &r),
                     409);
    assert_non_null(strstr(dit_str(r.json, "detail"), "once"));
    it_resp_release(&r);

    /* The specialist overruns tham_dinh (35.5 h) and the dossier its legal
     * due time; it finishes late, naming the step and the officer. */
    dit_now = dit_at(2026, 11, 3, 8, 0);
    v = dit_ok_act("chuyenvien2.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("phogiamdoc2", code, "approve", v, "\"signature\":true");
    v = dit_ok_act("vanthu2", code, "forward", v, "");
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    v = dit_ok_act("motcua2", code, "result_ready", v, "");
    json_t *d = get_dossier("giamdoc", code);
    assert_int_equal(dit_int(d, "status"), 9);
    assert_string_equal(dit_str(d, "verdict"), "late");
    assert_string_equal(dit_sub(d, "late_step", "key"), "tham_dinh");
    assert_string_equal(dit_sub(d, "late_person", "username"), "chuyenvien2.tcbc");
    assert_string_equal(dit_str(d, "due_at"), "2026-11-06T16:00:00+07:00");
    assert_string_equal(dit_str(d, "first_due_at"), "2026-11-02T08:00:00+07:00");
    assert_string_equal(dit_str(d, "apology_at"), "2026-10-28T08:00:00+07:00");
    json_decref(d);
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(dit_call("giamdoc", "GET", path, NULL, NULL, &r), 200);
    json_t *h = json_object_get(r.json, "handovers");
    assert_string_equal(dit_str(json_array_get(h, 4), "action"), "apologize");
    assert_string_equal(dit_str(json_array_get(h, 4), "note"), "Cần xác minh thêm");
    assert_string_equal(dit_str(json_array_get(h, 5), "verdict"), "late"); /* tham_dinh hop */
    assert_string_equal(dit_sub(r.json, "late_step", "key"), "tham_dinh");
    it_resp_release(&r);
}

/* After every refused request the dossier is exactly as before. */
static void assert_unchanged(const char *code, int64_t version)
{
    json_t *d = get_dossier("giamdoc", code);
    assert_int_equal(dit_int(d, "version"), version);
    json_decref(d);
}

static void bad_inputs(void **state)
{
    (void)state;
    struct it_resp r;
    char code[32];
    dit_now = dit_at(2026, 10, 13, 9, 0);
    receive("2.000465", code);

    /* Not possible in this status / not this role / control team. */
    assert_int_equal(dit_act("motcua1", code, "forward", 1, "", &r), 409);
    assert_non_null(strstr(dit_str(r.json, "detail"), "status 2"));
    it_resp_release(&r);
    assert_int_equal(dit_act("chuyenvien1.xdcq", code, "transfer", 1, "", &r), 403);
    it_resp_release(&r);
    assert_int_equal(dit_act("kiemsoat1", code, "transfer", 1, "", &r), 403);
    it_resp_release(&r);
    assert_unchanged(code, 1);

    /* Stale version: 409 with the current state. */
    assert_int_equal(dit_act("motcua1", code, "transfer", 7, "", &r), 409);
    assert_string_equal(it_problem_field(&r), "version");
    assert_int_equal(dit_int(json_object_get(r.json, "current"), "version"), 1);
    it_resp_release(&r);

    /* Malformed JSON, unknown field, unknown action, wrong types. */
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s/actions", code);
    assert_int_equal(dit_call("motcua1", "POST", path, "{\"action\":", NULL, &r), 400);
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", code, "transfer", 1, "\"colour\":\"red\"", &r), 400);
    assert_string_equal(it_problem_field(&r), "colour");
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", code, "fly", 1, "", &r), 400);
    assert_string_equal(it_problem_field(&r), "action");
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "POST", path, "{\"action\":\"transfer\"}", NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "version");
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", code, "transfer", 1, "\"target\":\"nowhere\"", &r), 400);
    assert_string_equal(it_problem_field(&r), "target");
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", code, "withdraw", 1, "\"missing\":[1]", &r), 400);
    assert_string_equal(it_problem_field(&r), "missing[0]");
    it_resp_release(&r);
    assert_unchanged(code, 1);

    /* Receipt errors name the field. */
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"9.999999\",\"applicant\":{\"name\":\"X\","
                              "\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     404);
    assert_string_equal(it_problem_field(&r), "procedure");
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"applicant\":{\"name\":\"X\","
                              "\"phone\":\"abc\"}}",
                              NULL, &r),
                     400);
    assert_string_equal(it_problem_field(&r), "applicant.phone");
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"case\":\"C9\",\"applicant\":{"
                              "\"name\":\"X\",\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     404);
    assert_string_equal(it_problem_field(&r), "case");
    it_resp_release(&r);
    /* A specialist cannot receive at the desk. */
    assert_int_equal(dit_call("chuyenvien1.xdcq", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"applicant\":{\"name\":\"X\","
                              "\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     403);
    it_resp_release(&r);
    /* Incomplete at the counter: guidance only, nothing recorded. */
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"outcome\":\"supplement\","
                              "\"missing\":[\"Tờ khai\",\"Bản sao CCCD\"],\"applicant\":{"
                              "\"name\":\"X\",\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     200);
    assert_int_equal(json_array_size(json_object_get(r.json, "missing")), 2);
    it_resp_release(&r);
    /* A refusal at the counter needs its reason, then is recorded as 3. */
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"outcome\":\"refuse\",\"applicant\":{"
                              "\"name\":\"X\",\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     400);
    assert_string_equal(it_problem_field(&r), "reason");
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"outcome\":\"refuse\",\"reason\":"
                              "\"Không thuộc thẩm quyền\",\"applicant\":{\"name\":\"X\","
                              "\"phone\":\"0900111222\"}}",
                              NULL, &r),
                     201);
    assert_int_equal(dit_int(r.json, "status"), 3);
    it_resp_release(&r);
}

static void idempotency_and_races(void **state)
{
    (void)state;
    struct it_resp r1, r2;
    char code[32];
    dit_now = dit_at(2026, 10, 14, 9, 0);
    receive("2.000465", code);
    char path[256], body[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s/actions", code);
    snprintf(body, sizeof(body), "{\"action\":\"transfer\",\"version\":1}");
    assert_int_equal(dit_call("motcua1", "POST", path, body, "Idempotency-Key: k-1", &r1), 200);
    assert_int_equal(dit_call("motcua1", "POST", path, body, "Idempotency-Key: k-1", &r2), 200);
    assert_string_equal(r1.body, r2.body);
    assert_non_null(strstr(r2.headers, "Idempotent-Replayed: true"));
    it_resp_release(&r1);
    it_resp_release(&r2);
    assert_unchanged(code, 2); /* one effect only */
    assert_int_equal(dit_call("motcua1", "POST", path, "{\"action\":\"withdraw\",\"version\":2}",
                              "Idempotency-Key: k-1", &r1),
                     409);
    assert_string_equal(it_problem_field(&r1), "Idempotency-Key");
    it_resp_release(&r1);

    /* Two officers act on the same version: one wins, the other gets 409. */
    assert_int_equal(dit_act("truongphong.xdcq", code, "forward", 2, "", &r1), 200);
    it_resp_release(&r1);
    assert_int_equal(dit_act("phophong.xdcq", code, "forward", 2, "", &r2), 409);
    assert_int_equal(dit_int(json_object_get(r2.json, "current"), "version"), 3);
    it_resp_release(&r2);
}

static void stats_agree_and_chain_verifies(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("giamdoc", "GET",
                              "/api/stats?by=procedure&from=2026-10-01&to=2026-11-30", NULL, NULL,
                              &r),
                     200);
    int64_t received = 0, early = 0, late = 0, refused = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *row = json_array_get(r.json, i);
        received += dit_int(row, "received");
        early += dit_int(row, "early");
        late += dit_int(row, "late");
        refused += dit_int(row, "refused");
    }
    /* online_to_returned, overran_with_apology, bad_inputs, idempotency */
    assert_int_equal(received, 4);
    assert_int_equal(early, 1);
    assert_int_equal(late, 1);
    assert_int_equal(refused, 1);
    it_resp_release(&r);
    assert_int_equal(
        dit_call("motcua1", "GET", "/api/register?from=2026-10-01&to=2026-10-31", NULL, NULL, &r),
        200);
    assert_int_equal(json_array_size(r.json), 4);
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31&format=csv", NULL, NULL,
                              &r),
                     200);
    assert_non_null(strstr(r.content_type, "text/csv"));
    assert_non_null(strstr(r.body, "000.00.99.H99-261005-0001"));
    it_resp_release(&r);
    assert_int_equal(dit_call("chuyenvien1.tcbc", "GET",
                              "/api/stats?by=unit&from=2026-10-01&to=2026-10-31", NULL, NULL, &r),
                     403);
    it_resp_release(&r);
    /* The dashboard (monthly roll-up) agrees with the daily counters. */
    assert_int_equal(
        dit_call("giamdoc", "GET", "/api/stats/monthly?from=2026-10&to=2026-11", NULL, NULL, &r),
        200);
    int64_t finished = 0, ok = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *row = json_array_get(r.json, i);
        finished += dit_int(row, "finished");
        ok += dit_int(row, "early") + dit_int(row, "on_time");
    }
    assert_int_equal(finished, early + late);
    assert_int_equal(ok, early);
    it_resp_release(&r);
    assert_int_equal(
        dit_call("giamdoc", "GET", "/api/stats/monthly?from=2026-13&to=2026-11", NULL, NULL, &r),
        400);
    assert_string_equal(it_problem_field(&r), "from");
    it_resp_release(&r);
    char *out = NULL;
    int rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "%s\n", out);
    }
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "counters agree"));
    free(out);
}

/* Escalation notifications for this dossier in `user`'s list. */
static size_t escalations(const char *user, const char *code)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", "/api/notifications", NULL, NULL, &r), 200);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *x = json_array_get(r.json, i);
        if (strcmp(dit_str(x, "kind"), "escalation") == 0 &&
            strcmp(dit_str(x, "dossier"), code) == 0) {
            n++;
        }
    }
    it_resp_release(&r);
    return n;
}

static void escalation_fires_once(void **state)
{
    (void)state;
    char code[32];
    dit_now = dit_at(2026, 11, 16, 8, 0); /* Monday; 15 working days */
    receive("1.003950", code);
    int64_t v = dit_ok_act("motcua1", code, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien3.tcbc\"");
    assert_int_equal(escalations("chuyenvien3.tcbc", code), 0);
    /* Four days on (30 of tham_dinh's 35.5 working hours): 75% used and
     * less than one working day left; the dossier clock is at 25%. */
    dit_now = dit_at(2026, 11, 19, 16, 0);
    /* One sweep that reaches several rungs sends one reminder per person. */
    size_t first = escalations("chuyenvien3.tcbc", code);
    assert_int_equal(first, 1);
    assert_true(escalations("truongphong.tcbc", code) >= 1);
    /* The same instant again: nothing fires twice. */
    assert_int_equal(escalations("chuyenvien3.tcbc", code), first);
    /* Later rungs fire later, each once. */
    dit_now = dit_at(2026, 12, 10, 9, 0);
    size_t later = escalations("chuyenvien3.tcbc", code);
    assert_true(later > first);
    assert_int_equal(escalations("chuyenvien3.tcbc", code), later);
    /* Marking read: mine only. */
    struct it_resp r;
    assert_int_equal(
        dit_call("chuyenvien3.tcbc", "GET", "/api/notifications?unread=true", NULL, NULL, &r), 200);
    int64_t id = dit_int(json_array_get(r.json, 0), "id");
    it_resp_release(&r);
    char path[256];
    snprintf(path, sizeof(path), "/api/notifications/%lld/read", (long long)id);
    assert_int_equal(dit_call("chuyenvien1.tcbc", "POST", path, NULL, NULL, &r), 404);
    it_resp_release(&r);
    assert_int_equal(dit_call("chuyenvien3.tcbc", "POST", path, NULL, NULL, &r), 204);
    it_resp_release(&r);
}

static void public_lookup_and_rating(void **state)
{
    (void)state;
    struct it_resp r;
    const char *code = "000.00.99.H99-261005-0001"; /* online_to_returned, phone 0987654321 */
    char path[256];
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=0987654321", code);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    assert_int_equal(dit_int(r.json, "status"), 10);
    assert_string_equal(dit_str(r.json, "status_name"), "Đã trả kết quả");
    /* The supplement restarted the legal time (NĐ 61 Điều 19.4) on 6 Oct 09:00. */
    assert_string_equal(dit_str(r.json, "appointment"), "2026-10-27T09:00:00+07:00");
    it_resp_release(&r);
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=0987654000", code);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 404);
    it_resp_release(&r);
    snprintf(path, sizeof(path), "/api/public/dossiers/%s/rating", code);
    assert_int_equal(
        dit_call(NULL, "POST", path, "{\"phone\":\"0987654321\",\"score\":6}", NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "score");
    it_resp_release(&r);
    assert_int_equal(dit_call(NULL, "POST", path,
                              "{\"phone\":\"0987 654 321\",\"score\":5,\"comment\":\"Nhanh\"}",
                              NULL, &r),
                     201);
    it_resp_release(&r);
    assert_int_equal(
        dit_call(NULL, "POST", path, "{\"phone\":\"0987654321\",\"score\":4}", NULL, &r), 409);
    it_resp_release(&r);
    snprintf(path, sizeof(path), "/api/public/dossiers/%s/feedback", code);
    assert_int_equal(dit_call(NULL, "POST", path,
                              "{\"phone\":\"0987654321\",\"comment\":\"Thiếu bản sao\"}", NULL, &r),
                     201);
    it_resp_release(&r);
    json_t *d = get_dossier("motcua1", code);
    assert_int_equal(dit_int(d, "rating"), 5);
    json_decref(d);
}

static void lapsed_consultation_tells_the_desk_head(void **state)
{
    (void)state;
    struct it_resp r;
    char code[32];
    dit_now = dit_at(2026, 10, 20, 8, 0);
    receive("2.000465", code);
    int64_t v = dit_ok_act("motcua1", code, "transfer", 1, "");
    v = dit_ok_act("truongphong.xdcq", code, "forward", v, "");
    v = dit_ok_act("chuyenvien1.xdcq", code, "consult", v,
                   "\"consults\":[{\"unit\":\"CCVC\",\"hours\":1}]");
    /* Within the deadline the step waits; after it, it goes on without the
     * answer and the head of the one-stop desk is told (Điều 19.5). */
    assert_int_equal(dit_act("chuyenvien1.xdcq", code, "forward", v, "", &r), 409);
    it_resp_release(&r);
    dit_now += 180;
    v = dit_ok_act("chuyenvien1.xdcq", code, "forward", v, "");
    assert_int_equal(dit_call("phochanhvanphong", "GET", "/api/notifications", NULL, NULL, &r),
                     200);
    bool told = false;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *n = json_array_get(r.json, i);
        told = told || (strcmp(dit_str(n, "kind"), "consult_lapsed") == 0 &&
                        strcmp(dit_str(n, "dossier"), code) == 0);
    }
    assert_true(told);
    it_resp_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(online_to_returned),
        cmocka_unit_test(overran_with_apology),
        cmocka_unit_test(bad_inputs),
        cmocka_unit_test(idempotency_and_races),
        cmocka_unit_test(stats_agree_and_chain_verifies),
        cmocka_unit_test(escalation_fires_once),
        cmocka_unit_test(public_lookup_and_rating),
        cmocka_unit_test(lapsed_consultation_tells_the_desk_head),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
