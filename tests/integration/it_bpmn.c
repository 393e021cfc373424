/* BPMN over HTTP against the real server with the demo data: a process
 * version exported as the file a modeler opens, imported back as a new
 * draft by a specialist of the owning unit (same steps), and bad files
 * refused with 400 naming the element and line, nothing changed. Also the
 * CLI (motcua bpmn export / check) on the same database.
 *
 * QT-28 (procedure 1.009319) belongs to TCBC; its limit is 10 working days;
 * it branches at tham_dinh (consultation or straight to review). */

/* cmocka needs these first, in this order. */
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

#include "harness.h"

#define PASSWORD "motcua-demo"
#define VERSIONS "/api/processes/QT-28/versions"

static struct it_server srv;
static struct it_client anon, specialist, other_unit;

static int setup(void **state)
{
    (void)state;
    if (it_server_start(&srv, true, NULL) != 0) {
        return -1;
    }
    it_client_init(&anon, &srv);
    it_client_init(&specialist, &srv);
    it_client_init(&other_unit, &srv);
    if (it_login(&specialist, "chuyenvien1.tcbc", PASSWORD) != 200 ||
        it_login(&other_unit, "chuyenvien1.vp", PASSWORD) != 200) {
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    it_client_release(&anon);
    it_client_release(&specialist);
    it_client_release(&other_unit);
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

static char *get_bpmn(const char *path, long want)
{
    struct it_resp r;
    assert_int_equal(it_request(&anon, "GET", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, want);
    char *body = NULL;
    if (want == 200) {
        assert_non_null(strstr(r.content_type, "application/xml"));
        assert_non_null(strstr(r.headers, "QT-28-1.bpmn"));
        body = strdup(r.body);
    }
    it_resp_release(&r);
    return body;
}

static size_t nversions(void)
{
    struct it_resp r;
    assert_int_equal(it_request(&anon, "GET", VERSIONS, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    size_t n = json_array_size(json_object_get(r.json, "versions"));
    it_resp_release(&r);
    return n;
}

/* The steps of one issue, from the public versions list (a new reference). */
static json_t *steps_of(int64_t issue)
{
    struct it_resp r;
    assert_int_equal(it_request(&anon, "GET", VERSIONS, NULL, NULL, NULL, &r), 0);
    json_t *v, *found = NULL;
    size_t i;
    json_array_foreach (json_object_get(r.json, "versions"), i, v) {
        if (json_integer_value(json_object_get(v, "issue")) == issue) {
            found = json_incref(json_object_get(v, "steps"));
        }
    }
    it_resp_release(&r);
    assert_non_null(found);
    return found;
}

static void export_then_import_gives_the_same_steps(void **state)
{
    (void)state;
    char *xml = get_bpmn(VERSIONS "/1/bpmn", 200);
    assert_non_null(strstr(xml, "<bpmn:definitions"));
    assert_non_null(strstr(xml, "id=\"Task_tham_dinh\""));
    assert_non_null(strstr(xml, "<bpmndi:BPMNDiagram"));
    assert_non_null(strstr(xml, "${outcome == &quot;lay_y_kien&quot;}"));
    size_t before = nversions();

    struct it_resp r;
    assert_int_equal(it_request(&specialist, "POST", VERSIONS, xml, "application/xml", NULL, &r),
                     0);
    if (r.status != 201) {
        fprintf(stderr, "%s\n", r.body);
    }
    assert_int_equal(r.status, 201);
    json_int_t issue = json_integer_value(json_object_get(r.json, "issue"));
    assert_int_equal(issue, (json_int_t)before + 1);
    assert_string_equal(json_string_value(json_object_get(r.json, "status")), "draft");
    it_resp_release(&r);
    assert_int_equal(nversions(), before + 1);

    json_t *a = steps_of(1), *b = steps_of(issue);
    assert_int_equal(json_array_size(a), 8);
    assert_true(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    free(xml);
}

static void bad_files_change_nothing(void **state)
{
    (void)state;
    char *xml = get_bpmn(VERSIONS "/1/bpmn", 200);
    size_t before = nversions();
    struct it_resp r;

    /* A subprocess pasted in on a line of its own: named with its line. */
    const char *mark = "    <bpmn:endEvent";
    char *at = strstr(xml, mark);
    assert_non_null(at);
    size_t line = 1;
    for (const char *p = xml; p < at; p++) {
        line += *p == '\n';
    }
    const char *sub = "    <bpmn:subProcess id=\"Sub_1\" />\n";
    size_t head = (size_t)(at - xml);
    char *bad = malloc(strlen(xml) + strlen(sub) + 1);
    memcpy(bad, xml, head);
    strcpy(bad + head, sub);
    strcat(bad, at);
    assert_int_equal(it_request(&specialist, "POST", VERSIONS, bad, "application/xml", NULL, &r),
                     0);
    assert_int_equal(r.status, 400);
    char want[96];
    snprintf(want, sizeof(want), "bpmn:subProcess#Sub_1 (line %zu)", line);
    assert_string_equal(it_problem_field(&r), want);
    assert_non_null(strstr(r.content_type, "problem+json"));
    it_resp_release(&r);

    /* Malformed: cut in the middle. */
    bad[strlen(bad) / 2] = '\0';
    assert_int_equal(it_request(&specialist, "POST", VERSIONS, bad, "text/xml", NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(it_problem_field(&r), "document (line "));
    it_resp_release(&r);
    free(bad);

    /* An entity declaration: refused before parsing. */
    const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "
                      "\"file:///etc/passwd\">]>\n<d>&x;</d>\n";
    assert_int_equal(it_request(&specialist, "POST", VERSIONS, xxe, "application/xml", NULL, &r),
                     0);
    assert_int_equal(r.status, 400);
    assert_string_equal(it_problem_field(&r), "document (line 2)");
    assert_null(strstr(r.body, "root:"));
    it_resp_release(&r);

    /* The file of QT-28 posted to another process of the same unit. */
    assert_int_equal(it_request(&specialist, "POST", "/api/processes/QT-01/versions", xml,
                                "application/xml", NULL, &r),
                     0);
    assert_int_equal(r.status, 400);
    assert_string_equal(it_problem_field(&r), "bpmn:process#Process_QT-28 (line 10)");
    it_resp_release(&r);

    /* Another unit's specialist: the same role check as for JSON. */
    assert_int_equal(it_request(&other_unit, "POST", VERSIONS, xml, "application/xml", NULL, &r),
                     0);
    assert_int_equal(r.status, 403);
    it_resp_release(&r);

    /* Anonymous: not logged in. */
    assert_int_equal(it_request(&anon, "POST", VERSIONS, xml, "application/xml", NULL, &r), 0);
    assert_true(r.status == 401 || r.status == 403);
    it_resp_release(&r);

    assert_int_equal(nversions(), before);
    free(xml);

    /* Unknown issue or process. */
    assert_null(get_bpmn(VERSIONS "/99/bpmn", 404));
    assert_null(get_bpmn("/api/processes/NOPE/versions/1/bpmn", 404));
    assert_null(get_bpmn(VERSIONS "/x/bpmn", 404));
}

static void cli_export_and_check(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/qt28.bpmn", srv.dir);
    const char *exp[] = { "bpmn", "export", "QT-28", "--issue", "1", "-o", path, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, exp), 0);
    free(out);
    const char *ok[] = { "bpmn", "check", path, "--limit-days", "10", NULL };
    assert_int_equal(it_cli(&srv, &out, ok), 0);
    assert_non_null(strstr(out, "longest path: tiep_nhan"));
    assert_non_null(strstr(out, "64 working hours"));
    free(out);
    const char *tight[] = { "bpmn", "check", path, "--limit-days", "5", NULL };
    assert_int_equal(it_cli(&srv, &out, tight), 1);
    assert_non_null(strstr(out, ":10: bpmn:process#Process_QT-28: the longest path"));
    free(out);
    const char *xxe[] = { "bpmn", "check", MC_SOURCE_DIR "/tests/data/bpmn/xxe.bpmn", NULL };
    assert_int_equal(it_cli(&srv, &out, xxe), 1);
    assert_non_null(strstr(out, "xxe.bpmn:2: document: a DOCTYPE"));
    free(out);
    const char *none[] = { "bpmn", "export", "NOPE", NULL };
    assert_int_equal(it_cli(&srv, &out, none), 1);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(export_then_import_gives_the_same_steps),
        cmocka_unit_test(bad_files_change_nothing),
        cmocka_unit_test(cli_export_and_check),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
