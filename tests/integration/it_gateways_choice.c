/* "Choose, then run in parallel" as the bpmn.io modeler draws it (issue 4
 * item 8): an exclusive gateway straight into a parallel gateway, no step
 * between (tests/data/bpmn/choice_parallel_option.bpmn, imported as a new
 * version of QT-01). The head of TCBC chooses at his step: "handle now"
 * sends the dossier to the appraisal like any forward; "consult in
 * parallel" starts CCVC's and XDCQ's opinions at once, each in its unit's
 * queue with its own clock; the summary (the join) starts when both are
 * in; a branch's first step cannot return to the choice; the control slip
 * has the choice's row and a row per branch step; `motcua verify` agrees.
 * A branch left to run late escalates to its own people only, once per
 * rung, and the slip marks it late. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    long st = dit_call(user, "GET", path, NULL, NULL, &r);
    if (st != 200) {
        fprintf(stderr, "GET %s as %s: %ld %s\n", path, user, st, r.body ? r.body : "");
    }
    assert_int_equal(st, 200);
    json_t *d = json_incref(r.json);
    it_resp_release(&r);
    return d;
}

static size_t inbox_has(const char *user, const char *code)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", "/api/inbox?scope=unit", NULL, NULL, &r), 200);
    size_t found = 0;
    json_t *items = json_object_get(r.json, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        found += strcmp(dit_str(json_array_get(items, i), "code"), code) == 0;
    }
    it_resp_release(&r);
    return found;
}

/* The text of a PDF response, white space folded to single spaces so
 * that wrapped cells still match (pdftotext, as it_forms.c reads forms). */
static char *pdf_text(const struct it_resp *r)
{
    char path[] = "/tmp/motcua-it-gw-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, r->body, r->len), (ssize_t)r->len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - 2>&1", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = calloc(1, cap);
    int c, space = 0;
    while ((c = fgetc(p)) != EOF) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (n + 3 >= cap) {
            cap *= 2;
            out = realloc(out, cap);
        }
        if (space) {
            out[n++] = ' ';
            space = 0;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    assert_int_equal(pclose(p), 0);
    unlink(path);
    return out;
}

/* The drawing becomes QT-01's version in force from 20/10; its JSON shows
 * the parallel option, and the BPMN export of it imports back the same. */
static void publish_option_version(void)
{
    char *xml = it_slurp(MC_SOURCE_DIR "/tests/data/bpmn/choice_parallel_option.bpmn", NULL);
    assert_non_null(xml);
    struct it_resp r;
    assert_int_equal(dit_post_bpmn("chuyenvien1.tcbc", "QT-01", xml, &r), 201);
    free(xml);
    int64_t issue = dit_int(r.json, "issue");
    json_t *choice = json_array_get(json_object_get(r.json, "steps"), 1);
    assert_string_equal(dit_str(choice, "key"), "truong_phong");
    assert_string_equal(dit_str(choice, "split"), "exclusive");
    assert_int_equal(json_array_size(json_object_get(choice, "next")), 3);
    json_t *opts = json_incref(json_object_get(choice, "parallel_options"));
    assert_int_equal(json_array_size(opts), 1);
    json_t *opt = json_array_get(opts, 0);
    assert_int_equal(json_array_size(opt), 2);
    assert_string_equal(json_string_value(json_array_get(opt, 0)), "y_kien_ccvc");
    assert_string_equal(json_string_value(json_array_get(opt, 1)), "y_kien_xdcq");
    /* The plain option is the longer path: 4+4+16+8+8+4. */
    assert_int_equal(dit_int(r.json, "total_hours"), 44);
    it_resp_release(&r);

    /* Exported and posted back: the next draft has the same steps. */
    char path[96];
    snprintf(path, sizeof(path), "/api/processes/QT-01/versions/%lld/bpmn", (long long)issue);
    assert_int_equal(dit_call("chuyenvien1.tcbc", "GET", path, NULL, NULL, &r), 200);
    assert_non_null(strstr(r.body, "Fork_truong_phong_1"));
    char *again = strdup(r.body);
    it_resp_release(&r);
    assert_int_equal(dit_post_bpmn("chuyenvien1.tcbc", "QT-01", again, &r), 201);
    free(again);
    json_t *back = json_array_get(json_object_get(r.json, "steps"), 1);
    assert_true(json_equal(json_object_get(back, "parallel_options"), opts));
    json_decref(opts);
    it_resp_release(&r);

    dit_put_in_force("QT-01", issue, "2026-10-20");
}

/* A QT-01 dossier received and transferred: at the head's choice, which
 * lists three next steps, two of them one parallel option. */
static int64_t to_the_choice(const char *name, char *code, size_t n)
{
    struct it_resp r;
    char body[256];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.012946\",\"applicant\":{\"name\":\"%s\","
             "\"phone\":\"0913000333\"}}",
             name);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers", body, NULL, &r), 201);
    snprintf(code, n, "%s", dit_str(r.json, "code"));
    int64_t v = dit_int(r.json, "version");
    it_resp_release(&r);
    v = dit_ok_act("motcua1", code, "transfer", v, "");
    json_t *d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "truong_phong");
    json_t *choices = json_object_get(d, "next_steps");
    assert_int_equal(json_array_size(choices), 3);
    size_t plain = 0, grouped = 0;
    for (size_t i = 0; i < 3; i++) {
        json_t *c = json_array_get(choices, i);
        json_t *par = json_object_get(c, "parallel");
        if (json_is_array(par)) {
            assert_int_equal(json_array_size(par), 2);
            assert_string_equal(json_string_value(json_array_get(par, 0)), "y_kien_ccvc");
            grouped++;
        } else {
            assert_string_equal(dit_str(c, "key"), "tham_dinh");
            plain++;
        }
    }
    assert_int_equal(plain, 1);
    assert_int_equal(grouped, 2);
    json_decref(d);
    return v;
}

#define STEP(key, role, unit, extra, next)                                                   \
    "{\"key\":\"" key "\",\"name\":\"" key "\",\"role\":\"" role "\",\"unit\":\"" unit "\"," \
    "\"hours\":4," extra "\"next\":[" next "]}"

/* The same shape as a JSON body: a malformed parallel option is a 400
 * naming the field, and nothing is written. */
static void json_parallel_options_are_checked(void **state)
{
    (void)state;
    static const char *const bad[][2] = {
        { "\"parallel_options\":[[\"y_kien_ccvc\",\"x\"]],", "steps[1].parallel_options[0][1]" },
        { "\"parallel_options\":[[\"y_kien_xdcq\",\"y_kien_ccvc\"]],",
          "steps[1].parallel_options[0][1]" },
        { "\"parallel_options\":[[\"y_kien_ccvc\"]],", "steps[1].parallel_options[0]" },
        { "\"parallel_options\":\"y_kien_ccvc\",", "steps[1].parallel_options" },
        { "\"split\":\"parallel\",\"parallel_options\":[[\"y_kien_ccvc\",\"y_kien_xdcq\"]],",
          "steps[1].parallel_options" },
    };
    dit_now = dit_at(2026, 10, 19, 8, 0);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char full[4096];
        snprintf(
            full, sizeof(full),
            "{\"name\":\"Thử\",\"steps\":[" STEP(
                "tiep_nhan", "reception", "MC", "",
                "\"truong_phong\"") ","
                                    "{\"key\":\"truong_phong\",\"name\":\"TP\",\"role\":\"head\","
                                    "\"unit\":\"TCBC\","
                                    "\"hours\":4,%s\"next\":[\"tham_dinh\",\"y_kien_ccvc\",\"y_"
                                    "kien_xdcq\"]}," STEP("tham_dinh", "specialist", "TCBC", "", "\"tong_hop\"") "," STEP(
                                        "y_kien_ccvc", "specialist", "CCVC", "",
                                        "\"tong_hop\"") "," STEP("y_kien_xdcq", "specialist",
                                                                 "XDCQ", "",
                                                                 "\"tong_hop\"") "," STEP("tong_"
                                                                                          "hop",
                                                                                          "speciali"
                                                                                          "st",
                                                                                          "TCBC",
                                                                                          "",
                                                                                          "") "]}",
            bad[i][0]);
        struct it_resp r;
        long st =
            dit_call("chuyenvien1.tcbc", "POST", "/api/processes/QT-01/versions", full, NULL, &r);
        if (st != 400 || strcmp(it_problem_field(&r), bad[i][1]) != 0) {
            fprintf(stderr, "case %zu: %ld %s\n", i, st, r.body ? r.body : "");
        }
        assert_int_equal(st, 400);
        assert_string_equal(it_problem_field(&r), bad[i][1]);
        it_resp_release(&r);
    }
    /* Well formed, it is drafted with its option. */
    char body[4096];
    snprintf(
        body, sizeof(body),
        "{\"name\":\"Thử\",\"steps\":[" STEP("tiep_nhan", "reception", "MC", "", "\"truong_phong\"") "," STEP(
            "truong_phong", "head", "TCBC",
            "\"parallel_options\":[[\"y_kien_ccvc\",\"y_kien_xdcq\"]],",
            "\"tham_dinh\",\"y_kien_ccvc\",\"y_kien_xdcq\"") "," STEP("tham_dinh", "specialist",
                                                                      "TCBC", "",
                                                                      "\"tong_hop\"") "," STEP("y_"
                                                                                               "kie"
                                                                                               "n_"
                                                                                               "ccv"
                                                                                               "c",
                                                                                               "spe"
                                                                                               "cia"
                                                                                               "lis"
                                                                                               "t",
                                                                                               "CCV"
                                                                                               "C",
                                                                                               "",
                                                                                               "\"t"
                                                                                               "ong"
                                                                                               "_ho"
                                                                                               "p"
                                                                                               "\"") "," STEP("y_kien_xdcq",
                                                                                                              "specialist",
                                                                                                              "XDCQ",
                                                                                                              "",
                                                                                                              "\"tong_hop\"") "," STEP("tong_hop",
                                                                                                                                       "specialist",
                                                                                                                                       "TCBC",
                                                                                                                                       "",
                                                                                                                                       "") "]}");
    struct it_resp r;
    assert_int_equal(
        dit_call("chuyenvien1.tcbc", "POST", "/api/processes/QT-01/versions", body, NULL, &r), 201);
    json_t *opts =
        json_object_get(json_array_get(json_object_get(r.json, "steps"), 1), "parallel_options");
    assert_int_equal(json_array_size(opts), 1);
    assert_int_equal(json_array_size(json_object_get(
                         json_array_get(json_object_get(r.json, "steps"), 0), "parallel_options")),
                     0);
    it_resp_release(&r);
}

static void handle_now_runs_plainly(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 19, 9, 0);
    publish_option_version();
    dit_now = dit_at(2026, 10, 21, 8, 15);
    char code[32];
    int64_t v = to_the_choice("Lê Văn K", code, sizeof(code));
    dit_now += 30;
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "\"target\":\"tham_dinh\"");
    json_t *d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tham_dinh");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", code), 0);
    assert_int_equal(inbox_has("truongphong.xdcq", code), 0);
    dit_now += 60;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tong_hop");
    json_decref(d);
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    v = dit_ok_act("phogiamdoc1", code, "approve", v, "\"signature\":true");
    (void)v;
}

static void consult_in_parallel_opens_both_branches(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 22, 8, 15);
    char code[32];
    int64_t v = to_the_choice("Đỗ Thị M", code, sizeof(code));
    dit_now += 30;
    /* Choosing the option (the form names its first step) opens both. */
    v = dit_ok_act("truongphong.tcbc", code, "forward", v,
                   "\"target\":\"y_kien_ccvc\",\"note\":\"Lấy ý kiến song song\"");
    json_t *d = get_dossier("truongphong.ccvc", code);
    json_t *br = json_object_get(d, "branches");
    assert_int_equal(json_array_size(br), 2);
    assert_string_equal(dit_sub(json_array_get(br, 0), "step", "key"), "y_kien_ccvc");
    assert_string_equal(dit_sub(json_array_get(br, 1), "step", "key"), "y_kien_xdcq");
    for (size_t i = 0; i < 2; i++) {
        json_t *clock = json_object_get(json_array_get(br, i), "clock");
        assert_string_equal(dit_str(clock, "state"), "running");
        /* Started at the choice: nothing used yet, the whole allotment left. */
        assert_int_equal(dit_int(clock, "consumed_now"), 0);
        assert_int_equal(dit_int(clock, "remaining_minutes"), dit_int(clock, "budget"));
    }
    assert_int_equal(dit_int(json_object_get(json_array_get(br, 0), "clock"), "budget"), 8 * 60);
    assert_int_equal(dit_int(json_object_get(json_array_get(br, 1), "clock"), "budget"), 12 * 60);
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", code), 1);
    assert_int_equal(inbox_has("truongphong.xdcq", code), 1);

    /* XDCQ's first step cannot send the dossier back to the choice. */
    struct it_resp r;
    assert_int_equal(
        dit_act("chuyenvien1.xdcq", code, "return_previous", v,
                "\"branch\":\"y_kien_xdcq\",\"target\":\"truong_phong\",\"reason\":\"x\"", &r),
        409);
    it_resp_release(&r);

    /* CCVC is in first: the summary waits for XDCQ. */
    dit_now += 120;
    v = dit_ok_act("chuyenvien1.ccvc", code, "forward", v, "\"note\":\"Đồng ý\"");
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "y_kien_xdcq");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 2);
    json_decref(d);
    dit_now += 180;
    v = dit_ok_act("chuyenvien1.xdcq", code, "forward", v, "\"note\":\"Đồng ý, có góp ý\"");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tong_hop");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);

    /* The control slip: the choice's row, then one row per branch step. */
    char path[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(dit_call("truongphong.tcbc", "GET", path, NULL, NULL, &r), 200);
    json_t *hs = json_object_get(r.json, "handovers");
    size_t choice = 0, ccvc = 0, xdcq = 0;
    for (size_t i = 0; i < json_array_size(hs); i++) {
        json_t *h = json_array_get(hs, i);
        const char *from = dit_sub(h, "step_from", "key");
        const char *to = dit_sub(h, "step_to", "key");
        json_t *opened = json_object_get(h, "opened");
        if (strcmp(from, "truong_phong") == 0 && strcmp(to, "y_kien_ccvc") == 0) {
            /* The choice's row names both branch steps it started. */
            assert_int_equal(json_array_size(opened), 2);
            assert_string_equal(dit_str(json_array_get(opened, 0), "key"), "y_kien_ccvc");
            assert_string_equal(dit_str(json_array_get(opened, 1), "key"), "y_kien_xdcq");
            choice++;
        } else {
            assert_int_equal(json_array_size(opened), 0);
        }
        ccvc += strcmp(from, "y_kien_ccvc") == 0 && strcmp(to, "tong_hop") == 0;
        xdcq += strcmp(from, "y_kien_xdcq") == 0 && strcmp(to, "tong_hop") == 0;
    }
    assert_int_equal(choice, 1);
    assert_int_equal(ccvc, 1);
    assert_int_equal(xdcq, 1);
    it_resp_release(&r);

    /* Mẫu 05 as printed: the choice's row says which steps it started. */
    snprintf(path, sizeof(path), "/api/dossiers/%s/forms/mau-05", code);
    assert_int_equal(dit_call("truongphong.tcbc", "GET", path, NULL, NULL, &r), 200);
    char *text = pdf_text(&r);
    it_resp_release(&r);
    const char *want = "Mở song song: Ý kiến Phòng Công chức, viên chức, Ý kiến Phòng Xây dựng";
    if (strstr(text, want) == NULL) {
        fprintf(stderr, "missing \"%s\" in:\n%s\n", want, text);
    }
    assert_non_null(strstr(text, want));
    assert_non_null(strstr(text, "Lấy ý kiến song song"));
    free(text);

    dit_now += 60;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    v = dit_ok_act("phogiamdoc1", code, "approve", v, "\"signature\":true");
    (void)v;
    char *out = NULL;
    int rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "verify: %s\n", out ? out : "");
    }
    free(out);
    assert_int_equal(rc, 0);
}

/* The escalation notices of `user` on dossier `code` that name `step`. */
static size_t escalations_naming(const char *user, const char *code, const char *step)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", "/api/notifications", NULL, NULL, &r), 200);
    char needle[64];
    snprintf(needle, sizeof(needle), "(%s)", step);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *x = json_array_get(r.json, i);
        n += strcmp(dit_str(x, "kind"), "escalation") == 0 &&
             strcmp(dit_str(x, "dossier"), code) == 0 &&
             strstr(dit_str(x, "message"), needle) != NULL;
    }
    it_resp_release(&r);
    return n;
}

/* The working minutes the CCVC branch has used at dit_now, as the dossier
 * shows them: the test checks it stands where each rung says it should. */
static int64_t ccvc_used(const char *code)
{
    json_t *d = get_dossier("truongphong.ccvc", code);
    json_t *br = json_array_get(json_object_get(d, "branches"), 0);
    assert_string_equal(dit_sub(br, "step", "key"), "y_kien_ccvc");
    int64_t used = dit_int(json_object_get(br, "clock"), "consumed_now");
    json_decref(d);
    return used;
}

/* The escalation rungs a sweep (GET /api/notifications) has fired so far
 * for the CCVC branch: to its holder, to its unit's head. Read twice, the
 * second read being a second sweep at the same instant, which must add
 * nothing. */
static void expect_ccvc_rungs(const char *code, size_t holder, size_t head)
{
    for (int sweep = 0; sweep < 2; sweep++) {
        size_t got_holder = escalations_naming("chuyenvien1.ccvc", code, "y_kien_ccvc");
        size_t got_head = escalations_naming("truongphong.ccvc", code, "y_kien_ccvc");
        if (got_holder != holder || got_head != head) {
            fprintf(stderr, "sweep %d at %lld: holder %zu (want %zu), head %zu (want %zu)\n", sweep,
                    (long long)dit_now, got_holder, holder, got_head, head);
        }
        assert_int_equal(got_holder, holder);
        assert_int_equal(got_head, head);
        /* XDCQ's people hear nothing of CCVC's branch, nor of their own,
         * which was in before any rung of it was reached. */
        assert_int_equal(escalations_naming("chuyenvien1.xdcq", code, "y_kien_ccvc"), 0);
        assert_int_equal(escalations_naming("truongphong.xdcq", code, "y_kien_ccvc"), 0);
        assert_int_equal(escalations_naming("chuyenvien1.xdcq", code, "y_kien_xdcq"), 0);
        assert_int_equal(escalations_naming("truongphong.xdcq", code, "y_kien_xdcq"), 0);
    }
}

/* The branches a parallel option opens escalate on their own clocks, as a
 * split step's do (docs/ENGINE.md §8): the CCVC opinion (8 working hours)
 * is left to run late, XDCQ's (12 hours) is in at once. The default ladder
 * (75% used: holder; one working day left: holder and head; due: holder,
 * head, leader; two working days over: all three) reaches CCVC's holder once
 * per rung and its head from the second rung on, a second sweep repeats
 * none, XDCQ's people hear nothing, and the control slip marks CCVC's
 * opinion late and XDCQ's not. */
static void a_late_option_branch_escalates_alone(void **state)
{
    (void)state;
    /* Tuesday 27/10/2026, 08:00 (UTC+7): the version with the option is
     * in force (handle_now_runs_plainly published it). */
    dit_now = dit_at(2026, 10, 27, 8, 0);
    char code[32];
    int64_t v = to_the_choice("Vũ Thị N", code, sizeof(code));
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "\"target\":\"y_kien_ccvc\"");
    v = dit_ok_act("truongphong.ccvc", code, "assign", v,
                   "\"branch\":\"y_kien_ccvc\",\"assignee\":\"chuyenvien1.ccvc\"");
    v = dit_ok_act("truongphong.xdcq", code, "assign", v,
                   "\"branch\":\"y_kien_xdcq\",\"assignee\":\"chuyenvien1.xdcq\"");
    dit_now += 20;
    v = dit_ok_act("chuyenvien1.xdcq", code, "forward", v,
                   "\"branch\":\"y_kien_xdcq\",\"note\":\"Đồng ý\"");
    json_t *d = get_dossier("truongphong.tcbc", code);
    json_t *br = json_object_get(d, "branches");
    assert_int_equal(json_array_size(br), 2);
    assert_true(json_is_true(json_object_get(json_array_get(br, 1), "done")));
    assert_false(json_is_true(json_object_get(json_array_get(br, 0), "done")));
    json_decref(d);

    /* One working day left from the start (the allotment is one day):
     * the second rung only. */
    dit_now += 10;
    assert_true(ccvc_used(code) < 8 * 60 * 3 / 4);
    expect_ccvc_rungs(code, 1, 1);
    /* 16:15 the same day: past 75% of 480 minutes, not yet due. */
    dit_now = dit_at(2026, 10, 27, 16, 15);
    int64_t used = ccvc_used(code);
    assert_true(used >= 8 * 60 * 3 / 4 && used < 8 * 60);
    expect_ccvc_rungs(code, 2, 1);
    /* Wednesday 09:00: due passed, less than two working days over. */
    dit_now = dit_at(2026, 10, 28, 9, 0);
    used = ccvc_used(code);
    assert_true(used > 8 * 60 && used < 8 * 60 + 2 * 8 * 60);
    expect_ccvc_rungs(code, 3, 2);
    /* Friday 09:00: two working days over. */
    dit_now = dit_at(2026, 10, 30, 9, 0);
    assert_true(ccvc_used(code) >= 8 * 60 + 2 * 8 * 60);
    expect_ccvc_rungs(code, 4, 3);
    /* The due rung and the last one say how late the opinion is. */
    struct it_resp r;
    assert_int_equal(dit_call("chuyenvien1.ccvc", "GET", "/api/notifications", NULL, NULL, &r),
                     200);
    size_t late_notes = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        const char *m = dit_str(json_array_get(r.json, i), "message");
        late_notes += strstr(m, "(y_kien_ccvc)") != NULL && strstr(m, "quá hạn") != NULL;
    }
    assert_int_equal(late_notes, 2);
    it_resp_release(&r);

    /* CCVC is in at last: the summary starts, and the slip has CCVC's
     * opinion late, XDCQ's early. */
    dit_now += 10;
    v = dit_ok_act("chuyenvien1.ccvc", code, "forward", v, "\"note\":\"Đồng ý\"");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tong_hop");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);
    /* Nothing more for the finished branch: a later sweep adds no rung. */
    dit_now += 60;
    expect_ccvc_rungs(code, 4, 3);
    char path[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(dit_call("truongphong.tcbc", "GET", path, NULL, NULL, &r), 200);
    json_t *hs = json_object_get(r.json, "handovers");
    size_t ccvc = 0, xdcq = 0;
    for (size_t i = 0; i < json_array_size(hs); i++) {
        json_t *h = json_array_get(hs, i);
        const char *from = dit_sub(h, "step_from", "key");
        if (strcmp(dit_sub(h, "step_to", "key"), "tong_hop") != 0) {
            continue;
        }
        if (strcmp(from, "y_kien_ccvc") == 0) {
            assert_string_equal(dit_str(h, "verdict"), "late");
            ccvc++;
        }
        if (strcmp(from, "y_kien_xdcq") == 0) {
            assert_string_equal(dit_str(h, "verdict"), "early");
            xdcq++;
        }
    }
    assert_int_equal(ccvc, 1);
    assert_int_equal(xdcq, 1);
    it_resp_release(&r);
    char *out = NULL;
    int rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "verify: %s\n", out ? out : "");
    }
    free(out);
    assert_int_equal(rc, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_parallel_options_are_checked),
        cmocka_unit_test(handle_now_runs_plainly),
        cmocka_unit_test(consult_in_parallel_opens_both_branches),
        cmocka_unit_test(a_late_option_branch_escalates_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
