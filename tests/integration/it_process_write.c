/* Drafting process versions and moving them through their lifecycle over
 * HTTP, with the role checks of ISO document control (needs sessions and
 * the org import: runs once the people/auth work is merged).
 *
 * Who: chuyenvien.tcbc (specialist, TCBC, the unit owning QT-01),
 * truongphong.tcbc (head, TCBC), chuyenvien.vp (specialist of another unit),
 * kiemsoat (control team), giamdoc (director): tests/data/catalog/people.json. */

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
#include <unistd.h>

#include "harness.h"

#define PASSWORD "motcua-demo"

static struct it_server srv;
/* One logged-in client per user for the whole run: logins are rate-limited. */
static struct {
    const char *user;
    struct it_client c;
} clients[8];

static int setup(void **state)
{
    (void)state;
    if (it_server_prepare(&srv) != 0) {
        return -1;
    }
    const char *args[] = { "import", MC_SOURCE_DIR "/tests/data/catalog", NULL };
    char *out = NULL;
    int rc = it_cli(&srv, &out, args);
    if (rc != 0) {
        fprintf(stderr, "import failed (%d):\n%s\n", rc, out);
    }
    free(out);
    return rc == 0 ? it_server_spawn(&srv, false, NULL) : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < 8 && clients[i].user; i++) {
        it_client_release(&clients[i].c);
    }
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

/* A body for QT-01 (limit 30 working days = 240 h): 4 + middle_hours + 8
 * along tiep_nhan → tham_dinh → ky; middle_next names tham_dinh's successor. */
static char *version_body(double middle_hours, const char *middle_next)
{
    static char body[2048];
    snprintf(body, sizeof(body),
             "{\"name\":\"Quy trình thành lập hội (sửa đổi)\",\"steps\":["
             "{\"key\":\"tiep_nhan\",\"name\":\"Tiếp nhận hồ sơ\",\"role\":\"reception\","
             "\"unit\":\"MC\",\"hours\":4,\"next\":[\"tham_dinh\"]},"
             "{\"key\":\"tham_dinh\",\"name\":\"Thẩm định\",\"role\":\"specialist\","
             "\"unit\":\"TCBC\",\"hours\":%g,\"may_return\":true,\"next\":[\"%s\"]},"
             "{\"key\":\"ky\",\"name\":\"Ký quyết định\",\"role\":\"director\",\"unit\":\"BGD\","
             "\"hours\":8,\"requires_signature\":true,\"next\":[]}]}",
             middle_hours, middle_next);
    return body;
}

static struct it_client *client_of(const char *user)
{
    size_t i = 0;
    for (; i < 8 && clients[i].user; i++) {
        if (strcmp(clients[i].user, user) == 0) {
            return &clients[i].c;
        }
    }
    assert_true(i < 8);
    clients[i].user = user;
    it_client_init(&clients[i].c, &srv);
    assert_int_equal(it_login(&clients[i].c, user, PASSWORD), 200);
    return &clients[i].c;
}

static long post_as(const char *user, const char *path, const char *body, struct it_resp *r)
{
    assert_int_equal(it_request(client_of(user), "POST", path, body, NULL, NULL, r), 0);
    return r->status;
}

static const char *str_at(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "";
}

static void drafting_checks_the_graph_and_the_limit(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(
        post_as("chuyenvien.tcbc", "/api/processes/QT-01/versions", version_body(300, "ky"), &r),
        400);
    assert_string_equal(it_problem_field(&r), "steps");
    assert_non_null(strstr(str_at(r.json, "detail"),
                           "the longest path tiep_nhan → tham_dinh → ky takes 312 working hours, "
                           "more than the legal limit of 30 working days (240 working hours)"));
    it_resp_release(&r);

    assert_int_equal(post_as("chuyenvien.tcbc", "/api/processes/QT-01/versions",
                             version_body(100, "khong_co"), &r),
                     400);
    assert_string_equal(it_problem_field(&r), "steps[1].next[0]");
    it_resp_release(&r);

    assert_int_equal(post_as("chuyenvien.tcbc", "/api/processes/QT-01/versions",
                             "{\"steps\":[{\"key\":\"a\",\"name\":\"A\",\"role\":\"specialist\","
                             "\"unit\":\"TCBC\",\"hours\":1.25}]}",
                             &r),
                     400);
    assert_string_equal(it_problem_field(&r), "steps[0].hours");
    it_resp_release(&r);

    assert_int_equal(post_as("chuyenvien.tcbc", "/api/processes/QT-01/versions",
                             "{\"steps\":[],\"typo\":1}", &r),
                     400);
    assert_string_equal(it_problem_field(&r), "typo");
    it_resp_release(&r);
}

static void only_the_owning_unit_drafts(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(
        post_as("chuyenvien.vp", "/api/processes/QT-01/versions", version_body(100, "ky"), &r),
        403);
    it_resp_release(&r);
    assert_int_equal(
        post_as("kiemsoat", "/api/processes/QT-01/versions", version_body(100, "ky"), &r), 403);
    it_resp_release(&r);
    assert_int_equal(
        post_as("giamdoc", "/api/processes/NOPE/versions", version_body(100, "ky"), &r), 404);
    it_resp_release(&r);
}

static void lifecycle_with_roles(void **state)
{
    (void)state;
    struct it_resp r;
    const char *tr = "/api/processes/QT-01/versions/2/transition";
    assert_int_equal(
        post_as("chuyenvien.tcbc", "/api/processes/QT-01/versions", version_body(100, "ky"), &r),
        201);
    assert_int_equal(json_integer_value(json_object_get(r.json, "issue")), 2);
    assert_string_equal(str_at(r.json, "status"), "draft");
    assert_string_equal(str_at(r.json, "drafter"), "chuyenvien.tcbc");
    assert_int_equal(json_integer_value(json_object_get(r.json, "total_hours")), 112);
    it_resp_release(&r);

    /* The director cannot approve a draft: it must be submitted first. */
    assert_int_equal(post_as("giamdoc", tr, "{\"to\":\"approved\"}", &r), 409);
    assert_non_null(strstr(str_at(r.json, "detail"), "draft"));
    it_resp_release(&r);
    /* A specialist cannot approve; the control team cannot submit. */
    assert_int_equal(post_as("chuyenvien.tcbc", tr, "{\"to\":\"approved\"}", &r), 403);
    it_resp_release(&r);
    assert_int_equal(post_as("kiemsoat", tr, "{\"to\":\"submitted\"}", &r), 403);
    it_resp_release(&r);
    assert_int_equal(post_as("chuyenvien.vp", tr, "{\"to\":\"submitted\"}", &r), 403);
    it_resp_release(&r);
    assert_int_equal(post_as("truongphong.tcbc", tr, "{\"to\":\"superseded\"}", &r), 400);
    assert_string_equal(it_problem_field(&r), "to");
    it_resp_release(&r);

    /* The head submits: he is the reviewer. */
    assert_int_equal(post_as("truongphong.tcbc", tr, "{\"to\":\"submitted\"}", &r), 200);
    assert_string_equal(str_at(r.json, "status"), "submitted");
    assert_string_equal(str_at(r.json, "reviewer"), "truongphong.tcbc");
    it_resp_release(&r);
    assert_int_equal(post_as("truongphong.tcbc", tr, "{\"to\":\"submitted\"}", &r), 409);
    assert_non_null(strstr(str_at(r.json, "detail"), "submitted"));
    it_resp_release(&r);
    assert_int_equal(post_as("truongphong.tcbc", tr, "{\"to\":\"approved\"}", &r), 403);
    it_resp_release(&r);

    assert_int_equal(post_as("giamdoc", tr, "{\"to\":\"approved\"}", &r), 200);
    assert_string_equal(str_at(r.json, "approver"), "giamdoc");
    it_resp_release(&r);
    assert_int_equal(
        post_as("giamdoc", tr, "{\"to\":\"effective\",\"effective\":\"2026-13-01\"}", &r), 400);
    assert_string_equal(it_problem_field(&r), "effective");
    it_resp_release(&r);
    assert_int_equal(
        post_as("giamdoc", tr, "{\"to\":\"effective\",\"effective\":\"2026-01-15\"}", &r), 200);
    assert_string_equal(str_at(r.json, "status"), "effective");
    assert_string_equal(str_at(r.json, "effective"), "2026-01-15");
    assert_int_equal(json_array_size(json_object_get(r.json, "history")), 4);
    it_resp_release(&r);
    /* An effective version never changes. */
    assert_int_equal(post_as("giamdoc", tr, "{\"to\":\"effective\"}", &r), 409);
    it_resp_release(&r);
    assert_int_equal(post_as("giamdoc", "/api/processes/QT-01/versions/9/transition",
                             "{\"to\":\"approved\"}", &r),
                     404);
    it_resp_release(&r);

    /* Issue 1 is superseded; the procedure shows issue 2 in force. */
    struct it_client c;
    it_client_init(&c, &srv);
    assert_int_equal(it_request(&c, "GET", "/api/processes/QT-01/versions", NULL, NULL, NULL, &r),
                     0);
    json_t *vs = json_object_get(r.json, "versions");
    assert_int_equal(json_array_size(vs), 2);
    assert_string_equal(str_at(json_array_get(vs, 1), "status"), "superseded");
    it_resp_release(&r);
    assert_int_equal(it_request(&c, "GET", "/api/procedures/FX-HOI-01", NULL, NULL, NULL, &r), 0);
    json_t *p = json_object_get(json_array_get(json_object_get(r.json, "cases"), 0), "process");
    assert_int_equal(json_integer_value(json_object_get(p, "issue")), 2);
    it_resp_release(&r);
    it_client_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drafting_checks_the_graph_and_the_limit),
        cmocka_unit_test(only_the_owning_unit_drafts),
        cmocka_unit_test(lifecycle_with_roles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
