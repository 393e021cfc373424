/* A dossier through a parallel block over HTTP (issue 4 items 2 and 8):
 * a new version of QT-08 (procedure 1.003950) splits the appraisal into two
 * branches, CCVC's opinion and TCBC's cross-check, joined at the head's
 * review. Both units work at once, the join waits for both, supplement
 * requests wait for the join, the control slip lists both branch steps, and
 * `motcua verify` agrees. A malformed parallel block is refused naming the
 * field. An exclusive choice lists its next steps and forward takes one.
 * "Choose, then run in parallel" (tests/data/bpmn/choose_then_parallel.bpmn,
 * imported as a new version of QT-01): the option that opens the block
 * starts its branches, the other option (the join step itself) does not. */

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

#define STEP(key, role, unit, hours, extra, next)                                            \
    "{\"key\":\"" key "\",\"name\":\"" key "\",\"role\":\"" role "\",\"unit\":\"" unit "\"," \
    "\"hours\":" hours "," extra "\"next\":[" next "]}"

/* tham_dinh splits; y_kien_ccvc and doi_chieu run in parallel; xem_xet joins. */
static const char *version_body(const char *doi_chieu_next)
{
    static char body[4096];
    snprintf(
        body, sizeof(body),
        "{\"name\":\"Quy trình thành lập hội (song song)\",\"steps\":[" STEP("tiep_nhan", "reception", "MC", "4", "", "\"phan_cong\"") "," STEP("phan_cong", "head", "TCBC", "4", "", "\"tham_dinh\"") "," STEP(
            "tham_dinh", "specialist", "TCBC", "16", "\"split\":\"parallel\",",
            "\"y_kien_ccvc\",\"doi_"
            "chieu\"") "," STEP("y_kien_ccvc", "specialist", "CCVC", "8", "",
                                "\"xem_xet\"") "," STEP("doi_chieu", "specialist", "TCBC", "8",
                                                        "\"may_return\":true,",
                                                        "%s") "," STEP("xem_xet", "head", "TCBC",
                                                                       "8", "\"may_return\":true,",
                                                                       "\"phe_duyet\"") "," STEP("p"
                                                                                                 "h"
                                                                                                 "e"
                                                                                                 "_"
                                                                                                 "d"
                                                                                                 "u"
                                                                                                 "y"
                                                                                                 "e"
                                                                                                 "t",
                                                                                                 "d"
                                                                                                 "e"
                                                                                                 "p"
                                                                                                 "u"
                                                                                                 "t"
                                                                                                 "y"
                                                                                                 "_"
                                                                                                 "d"
                                                                                                 "i"
                                                                                                 "r"
                                                                                                 "e"
                                                                                                 "c"
                                                                                                 "t"
                                                                                                 "o"
                                                                                                 "r",
                                                                                                 "B"
                                                                                                 "G"
                                                                                                 "D",
                                                                                                 "8",
                                                                                                 "\"requires_signature\":true,",
                                                                                                 "\"van_thu\"") "," STEP("van_thu",
                                                                                                                         "clerk",
                                                                                                                         "VP",
                                                                                                                         "4",
                                                                                                                         "",
                                                                                                                         "\"tra_ket_qua\"") "," STEP("tra_ket_qua",
                                                                                                                                                     "reception",
                                                                                                                                                     "MC",
                                                                                                                                                     "4",
                                                                                                                                                     "",
                                                                                                                                                     "") "]}",
        doi_chieu_next);
    return body;
}

static long call(const char *user, const char *method, const char *path, const char *body,
                 struct it_resp *r)
{
    return dit_call(user, method, path, body, NULL, r);
}

static json_t *get_dossier(const char *user, const char *code)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", code);
    struct it_resp r;
    long st = call(user, "GET", path, NULL, &r);
    if (st != 200) {
        fprintf(stderr, "GET %s as %s: %ld %s\n", path, user, st, r.body ? r.body : "");
    }
    assert_int_equal(st, 200);
    json_t *d = json_incref(r.json);
    it_resp_release(&r);
    return d;
}

static size_t inbox_has(const char *user, const char *scope, const char *code)
{
    char path[64];
    snprintf(path, sizeof(path), "/api/inbox?scope=%s", scope);
    struct it_resp r;
    assert_int_equal(call(user, "GET", path, NULL, &r), 200);
    size_t found = 0;
    json_t *items = json_object_get(r.json, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        found += strcmp(dit_str(json_array_get(items, i), "code"), code) == 0;
    }
    it_resp_release(&r);
    return found;
}

static void publish_parallel_version(void)
{
    struct it_resp r;
    dit_now = dit_at(2026, 9, 28, 9, 0);
    /* A branch step that may leave its branch (two next steps) is refused,
     * naming the field. */
    assert_int_equal(call("chuyenvien1.tcbc", "POST", "/api/processes/QT-08/versions",
                          version_body("\"xem_xet\",\"van_thu\""), &r),
                     400);
    assert_string_equal(it_problem_field(&r), "steps[4].next");
    assert_non_null(strstr(dit_str(r.json, "detail"), "inside a parallel branch of tham_dinh"));
    it_resp_release(&r);
    assert_int_equal(call("chuyenvien1.tcbc", "POST", "/api/processes/QT-08/versions",
                          version_body("\"xem_xet\""), &r),
                     201);
    int64_t issue = dit_int(r.json, "issue");
    /* The critical path takes the longer branch once: 4+4+16+8+8+8+4+4. */
    assert_int_equal(dit_int(r.json, "total_hours"), 56);
    json_t *steps = json_object_get(r.json, "steps");
    assert_string_equal(dit_str(json_array_get(steps, 2), "split"), "parallel");
    assert_string_equal(dit_str(json_array_get(steps, 3), "split"), "exclusive");
    it_resp_release(&r);
    char tr[96];
    snprintf(tr, sizeof(tr), "/api/processes/QT-08/versions/%lld/transition", (long long)issue);
    assert_int_equal(call("truongphong.tcbc", "POST", tr, "{\"to\":\"submitted\"}", &r), 200);
    it_resp_release(&r);
    assert_int_equal(call("giamdoc", "POST", tr, "{\"to\":\"approved\"}", &r), 200);
    it_resp_release(&r);
    assert_int_equal(
        call("giamdoc", "POST", tr, "{\"to\":\"effective\",\"effective\":\"2026-09-28\"}", &r),
        200);
    it_resp_release(&r);
}

static void two_units_work_at_once_and_the_join_waits(void **state)
{
    (void)state;
    publish_parallel_version();
    struct it_resp r;
    dit_now = dit_at(2026, 10, 5, 8, 10);
    assert_int_equal(call(NULL, "POST", "/api/dossiers",
                          "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":"
                          "\"Lê Văn C\",\"phone\":\"0912345678\"}}",
                          &r),
                     201);
    char ref[48];
    snprintf(ref, sizeof(ref), "%s", dit_str(r.json, "ref"));
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", ref, "accept", 1, "", &r), 200);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    int64_t v = 2;
    dit_now += 30;
    v = dit_ok_act("motcua1", code, "transfer", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    dit_now += 60;
    /* The split: no target, every branch starts. */
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");

    json_t *d = get_dossier("truongphong.ccvc", code);
    json_t *br = json_object_get(d, "branches");
    assert_int_equal(json_array_size(br), 2);
    assert_string_equal(dit_sub(json_array_get(br, 0), "step", "key"), "y_kien_ccvc");
    assert_string_equal(dit_sub(json_array_get(br, 0), "unit", "code"), "CCVC");
    assert_string_equal(dit_sub(json_array_get(br, 1), "step", "key"), "doi_chieu");
    assert_string_equal(dit_sub(json_array_get(br, 1), "clock", "state"), "running");
    assert_true(dit_allows(d, "assign"));
    assert_string_equal(dit_str(d, "my_branch"), "y_kien_ccvc");
    json_decref(d);
    /* The head of TCBC acts on the TCBC branch, though it is not the first. */
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_str(d, "my_branch"), "doi_chieu");
    assert_true(dit_allows(d, "assign"));
    json_decref(d);
    /* Both units find it in their queue. */
    assert_int_equal(inbox_has("truongphong.ccvc", "unit", code), 1);
    assert_int_equal(inbox_has("truongphong.tcbc", "unit", code), 1);

    /* CCVC assigns its branch; TCBC's specialist cross-checks meanwhile. */
    dit_now += 15;
    v = dit_ok_act("truongphong.ccvc", code, "assign", v, "\"assignee\":\"chuyenvien1.ccvc\"");
    assert_int_equal(inbox_has("chuyenvien1.ccvc", "mine", code), 1);
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_true(dit_allows(d, "forward"));
    assert_false(dit_allows(d, "request_supplement"));
    json_decref(d);
    /* What pauses the whole dossier waits for the join. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", code, "request_supplement", v,
                             "\"branch\":\"doi_chieu\",\"missing\":[\"Bản sao\"]", &r),
                     409);
    assert_non_null(strstr(dit_str(r.json, "detail"), "join at step xem_xet"));
    it_resp_release(&r);
    /* A branch that is not open is named as the wrong field. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", code, "forward", v, "\"branch\":\"xem_xet\"", &r),
                     400);
    assert_string_equal(it_problem_field(&r), "branch");
    it_resp_release(&r);
    dit_now += 60;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    /* One branch in: the join has not started. */
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "y_kien_ccvc");
    br = json_object_get(d, "branches");
    assert_true(json_is_true(json_object_get(json_array_get(br, 1), "done")));
    assert_false(dit_allows(d, "forward"));
    json_decref(d);
    dit_now += 120;
    v = dit_ok_act("chuyenvien1.ccvc", code, "forward", v, "\"note\":\"Đồng ý\"");
    /* Both in: the head's review starts. */
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "xem_xet");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    assert_true(dit_allows(d, "forward"));
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", "unit", code), 0);

    /* The control slip (Mẫu 05) lists each branch step's handover. */
    char path[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(call("truongphong.tcbc", "GET", path, NULL, &r), 200);
    json_t *hs = json_object_get(r.json, "handovers");
    bool ccvc = false, tcbc = false;
    for (size_t i = 0; i < json_array_size(hs); i++) {
        json_t *h = json_array_get(hs, i);
        const char *from = dit_sub(h, "step_from", "key");
        if (strcmp(from, "y_kien_ccvc") == 0 && strcmp(dit_str(h, "action"), "forward") == 0) {
            ccvc = true;
            assert_string_equal(dit_sub(h, "from_unit", "code"), "CCVC");
            assert_string_equal(dit_sub(h, "step_to", "key"), "xem_xet");
            assert_string_equal(dit_str(h, "verdict"), "early");
        }
        if (strcmp(from, "doi_chieu") == 0) {
            tcbc = true;
            assert_string_equal(dit_sub(h, "from_unit", "code"), "TCBC");
        }
    }
    assert_true(ccvc && tcbc);
    it_resp_release(&r);

    dit_now += 60;
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
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

/* QT-01 (procedure 1.012946): tham_dinh chooses between lay_y_kien and
 * xem_xet. The dossier view lists the choice; forward names one. */
static void an_exclusive_choice_takes_one_step(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 7, 9, 0);
    assert_int_equal(call("motcua1", "POST", "/api/dossiers",
                          "{\"procedure\":\"1.012946\",\"applicant\":{\"name\":\"Đỗ Văn E\","
                          "\"phone\":\"0913000111\"}}",
                          &r),
                     201);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    int64_t v = dit_int(r.json, "version");
    it_resp_release(&r);
    v = dit_ok_act("motcua1", code, "transfer", v, "");
    /* phan_cong has one next step: nothing to choose. */
    json_t *d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "phan_cong");
    assert_int_equal(json_array_size(json_object_get(d, "next_steps")), 0);
    json_decref(d);
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tham_dinh");
    json_t *choices = json_object_get(d, "next_steps");
    assert_int_equal(json_array_size(choices), 2);
    assert_string_equal(dit_str(json_array_get(choices, 0), "key"), "lay_y_kien");
    assert_string_equal(dit_str(json_array_get(choices, 1), "key"), "xem_xet");
    assert_true(strlen(dit_str(json_array_get(choices, 1), "name")) > 0);
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);
    /* Without a target the holder has not chosen. */
    assert_int_equal(dit_act("chuyenvien1.tcbc", code, "forward", v, "", &r), 400);
    assert_string_equal(it_problem_field(&r), "target");
    it_resp_release(&r);
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "\"target\":\"xem_xet\"");
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "xem_xet");
    json_decref(d);
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

/* Inside a block every branch escalates on its own clock to its own unit,
 * once per rung; the step clock, which mirrors the first branch, adds no
 * second notice. (Runs after the first test, which made the version with
 * the block effective.) */
static void every_branch_escalates_on_its_own_clock(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 13, 8, 10);
    assert_int_equal(call(NULL, "POST", "/api/dossiers",
                          "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":"
                          "\"Trần Thị D\",\"phone\":\"0912345679\"}}",
                          &r),
                     201);
    char ref[48];
    snprintf(ref, sizeof(ref), "%s", dit_str(r.json, "ref"));
    it_resp_release(&r);
    assert_int_equal(dit_act("motcua1", ref, "accept", 1, "", &r), 200);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    int64_t v = dit_ok_act("motcua1", code, "transfer", 2, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    (void)v;
    /* The unit's inbox shows each branch's time left, as the dossier does. */
    struct it_resp r2;
    assert_int_equal(call("truongphong.ccvc", "GET", "/api/inbox?scope=unit", NULL, &r2), 200);
    json_t *items = json_object_get(r2.json, "items");
    json_t *mine = NULL;
    for (size_t i = 0; i < json_array_size(items); i++) {
        if (strcmp(dit_str(json_array_get(items, i), "code"), code) == 0) {
            mine = json_array_get(items, i);
        }
    }
    assert_non_null(mine);
    json_t *br = json_object_get(mine, "branches");
    assert_int_equal(json_array_size(br), 2);
    for (size_t i = 0; i < 2; i++) {
        json_t *clock = json_object_get(json_array_get(br, i), "clock");
        assert_int_equal(json_integer_value(json_object_get(clock, "remaining_minutes")), 8 * 60);
        assert_string_equal(dit_str(clock, "class"), "under_one_day");
    }
    it_resp_release(&r2);
    /* Both 8-hour branches sit in their units' queues: each unit's head
     * hears of his own branch. */
    dit_now += 7 * 60;
    size_t ccvc = escalations_naming("truongphong.ccvc", code, "y_kien_ccvc");
    size_t tcbc = escalations_naming("truongphong.tcbc", code, "doi_chieu");
    assert_true(tcbc >= 1);
    assert_int_equal(ccvc, tcbc);
    assert_int_equal(escalations_naming("truongphong.ccvc", code, "doi_chieu"), 0);
    /* A later sweep at the same instant fires nothing again. */
    assert_int_equal(escalations_naming("truongphong.tcbc", code, "doi_chieu"), tcbc);
    assert_int_equal(escalations_naming("truongphong.ccvc", code, "y_kien_ccvc"), ccvc);
    /* Past the due time both branches reach the next rung, still alike. */
    dit_now += 24 * 60;
    size_t ccvc_late = escalations_naming("truongphong.ccvc", code, "y_kien_ccvc");
    assert_true(ccvc_late > ccvc);
    assert_int_equal(escalations_naming("truongphong.tcbc", code, "doi_chieu"), ccvc_late);
    char *out = NULL;
    assert_int_equal(dit_verify(&out), 0);
    free(out);
}

/* The file drawn in bpmn.io becomes QT-01's version in force from 20/10. */
static void publish_choice_version(void)
{
    char *xml = it_slurp(MC_SOURCE_DIR "/tests/data/bpmn/choose_then_parallel.bpmn", NULL);
    assert_non_null(xml);
    struct it_resp r;
    assert_int_equal(dit_post_bpmn("chuyenvien1.tcbc", "QT-01", xml, &r), 201);
    free(xml);
    int64_t issue = dit_int(r.json, "issue");
    json_t *steps = json_object_get(r.json, "steps");
    assert_string_equal(dit_str(json_array_get(steps, 2), "key"), "tham_dinh");
    assert_string_equal(dit_str(json_array_get(steps, 2), "split"), "exclusive");
    assert_string_equal(dit_str(json_array_get(steps, 3), "key"), "lay_y_kien");
    assert_string_equal(dit_str(json_array_get(steps, 3), "split"), "parallel");
    /* The longer branch once: 4+4+16+4+8+8+8+4. */
    assert_int_equal(dit_int(r.json, "total_hours"), 56);
    it_resp_release(&r);
    dit_put_in_force("QT-01", issue, "2026-10-20");
}

/* A QT-01 dossier received and forwarded up to tham_dinh, the choice. */
static int64_t to_the_choice(const char *name, char *code, size_t n)
{
    struct it_resp r;
    char body[256];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.012946\",\"applicant\":{\"name\":\"%s\","
             "\"phone\":\"0913000222\"}}",
             name);
    assert_int_equal(call("motcua1", "POST", "/api/dossiers", body, &r), 201);
    snprintf(code, n, "%s", dit_str(r.json, "code"));
    int64_t v = dit_int(r.json, "version");
    it_resp_release(&r);
    v = dit_ok_act("motcua1", code, "transfer", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    json_t *d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "tham_dinh");
    json_t *choices = json_object_get(d, "next_steps");
    assert_int_equal(json_array_size(choices), 2);
    /* The options in the order drawn (Flow_05 before Flow_06), which is the
     * step's `next`, not the order of the steps (lay_y_kien comes first
     * there). */
    assert_string_equal(dit_str(json_array_get(choices, 0), "key"), "xem_xet");
    assert_string_equal(dit_str(json_array_get(choices, 1), "key"), "lay_y_kien");
    json_decref(d);
    return v;
}

static void choose_then_run_in_parallel(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 19, 9, 0);
    publish_choice_version();
    dit_now = dit_at(2026, 10, 21, 8, 15);

    /* Simple: straight to the head's review; nothing runs in parallel. */
    char simple[32];
    int64_t v = to_the_choice("Phan Văn G", simple, sizeof(simple));
    dit_now += 30;
    v = dit_ok_act("chuyenvien1.tcbc", simple, "forward", v, "\"target\":\"xem_xet\"");
    json_t *d = get_dossier("truongphong.tcbc", simple);
    assert_string_equal(dit_sub(d, "step", "key"), "xem_xet");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", "unit", simple), 0);

    /* Complex: the option's step, whose forward opens both branches. */
    char code[32];
    v = to_the_choice("Vũ Thị H", code, sizeof(code));
    dit_now += 30;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "\"target\":\"lay_y_kien\"");
    d = get_dossier("chuyenvien1.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "lay_y_kien");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", "unit", code), 0);
    dit_now += 30;
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    d = get_dossier("truongphong.ccvc", code);
    json_t *br = json_object_get(d, "branches");
    assert_int_equal(json_array_size(br), 2);
    assert_string_equal(dit_sub(json_array_get(br, 0), "step", "key"), "y_kien_ccvc");
    assert_string_equal(dit_sub(json_array_get(br, 1), "step", "key"), "doi_chieu");
    assert_string_equal(dit_str(d, "my_branch"), "y_kien_ccvc");
    json_decref(d);
    assert_int_equal(inbox_has("truongphong.ccvc", "unit", code), 1);
    assert_int_equal(inbox_has("truongphong.tcbc", "unit", code), 1);

    /* TCBC's branch is in first: the head's review (the join) waits. */
    dit_now += 45;
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "\"branch\":\"doi_chieu\"");
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "y_kien_ccvc");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 2);
    json_decref(d);
    dit_now += 60;
    v = dit_ok_act("truongphong.ccvc", code, "assign", v, "\"assignee\":\"chuyenvien1.ccvc\"");
    v = dit_ok_act("chuyenvien1.ccvc", code, "forward", v, "\"note\":\"Đồng ý\"");
    d = get_dossier("truongphong.tcbc", code);
    assert_string_equal(dit_sub(d, "step", "key"), "xem_xet");
    assert_int_equal(json_array_size(json_object_get(d, "branches")), 0);
    json_decref(d);

    /* The control slip has a row for each branch step, handed to xem_xet. */
    char path[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    struct it_resp r;
    assert_int_equal(call("truongphong.tcbc", "GET", path, NULL, &r), 200);
    json_t *hs = json_object_get(r.json, "handovers");
    bool ccvc = false, tcbc = false, option = false;
    for (size_t i = 0; i < json_array_size(hs); i++) {
        json_t *h = json_array_get(hs, i);
        const char *from = dit_sub(h, "step_from", "key");
        const char *to = dit_sub(h, "step_to", "key");
        ccvc |= strcmp(from, "y_kien_ccvc") == 0 && strcmp(to, "xem_xet") == 0;
        tcbc |= strcmp(from, "doi_chieu") == 0 && strcmp(to, "xem_xet") == 0;
        option |= strcmp(from, "tham_dinh") == 0 && strcmp(to, "lay_y_kien") == 0;
    }
    assert_true(ccvc && tcbc && option);
    it_resp_release(&r);

    /* Both dossiers end the same way. */
    dit_now += 60;
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_units_work_at_once_and_the_join_waits),
        cmocka_unit_test(an_exclusive_choice_takes_one_step),
        cmocka_unit_test(every_branch_escalates_on_its_own_clock),
        cmocka_unit_test(choose_then_run_in_parallel),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
