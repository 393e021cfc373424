/* Units and people over HTTP: the tree, the directory within the caller's
 * scope, and administrator-only person management with every bad input
 * refused and nothing changed. */

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
#include "org_fixture.h"

static struct it_server srv;

static int setup(void **state)
{
    (void)state;
    return it_org_server_start(&srv);
}

static int teardown(void **state)
{
    (void)state;
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

/* The usernames GET /api/people{query} shows to c, comma-joined. */
static void people_seen(struct it_client *c, const char *query, long expect_status, char *out,
                        size_t n)
{
    char path[128];
    snprintf(path, sizeof(path), "/api/people%s", query);
    struct it_resp r;
    assert_int_equal(it_request(c, "GET", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, expect_status);
    out[0] = '\0';
    size_t i;
    json_t *p;
    json_array_foreach (json_object_get(r.json, "people"), i, p) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s%s", len ? "," : "",
                 json_string_value(json_object_get(p, "username")));
    }
    it_resp_release(&r);
}

static void units_come_as_a_tree(void **state)
{
    (void)state;
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "cv.vp"), 200);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/api/units", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    json_t *roots = json_object_get(r.json, "units");
    assert_int_equal(json_array_size(roots), 1);
    json_t *bgd = json_array_get(roots, 0);
    assert_string_equal(json_string_value(json_object_get(bgd, "code")), "BGD");
    json_t *kids = json_object_get(bgd, "children");
    assert_int_equal(json_array_size(kids), 4);
    /* TCBC (second in code order) holds TCBC-1. */
    json_t *tcbc = json_array_get(kids, 0);
    assert_string_equal(json_string_value(json_object_get(tcbc, "code")), "TCBC");
    json_t *to1 = json_array_get(json_object_get(tcbc, "children"), 0);
    assert_string_equal(json_string_value(json_object_get(to1, "code")), "TCBC-1");
    assert_string_equal(json_string_value(json_object_get(to1, "name")), "Tổ 1");
    it_resp_release(&r);
    it_client_release(&c);

    struct it_client anon;
    it_client_init(&anon, &srv);
    assert_int_equal(it_request(&anon, "GET", "/api/units", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&anon);
}

static void people_are_shown_within_scope(void **state)
{
    (void)state;
    char seen[1024];
    struct it_client c;

    /* A specialist of TCBC: TCBC and its sub-unit TCBC-1, nobody else. */
    assert_int_equal(it_login_as(&c, &srv, "cv.tcbc"), 200);
    people_seen(&c, "", 200, seen, sizeof(seen));
    assert_string_equal(seen, "cv.tcbc,cv.to1");
    people_seen(&c, "?unit=TCBC-1", 200, seen, sizeof(seen));
    assert_string_equal(seen, "cv.to1");
    people_seen(&c, "?unit=VP", 403, seen, sizeof(seen));
    people_seen(&c, "?unit=NOPE", 404, seen, sizeof(seen));
    people_seen(&c, "?unit=bad!", 400, seen, sizeof(seen));
    it_client_release(&c);

    /* The deputy director in charge of TCBC: the board and TCBC's tree. */
    assert_int_equal(it_login_as(&c, &srv, "phogiamdoc"), 200);
    people_seen(&c, "", 200, seen, sizeof(seen));
    assert_string_equal(seen, "cv.tcbc,cv.to1,giamdoc,phogiamdoc");
    people_seen(&c, "?unit=XDCQ", 403, seen, sizeof(seen));
    it_client_release(&c);

    /* The control team reads everyone. */
    assert_int_equal(it_login_as(&c, &srv, "kiemsoat"), 200);
    people_seen(&c, "?unit=VP", 200, seen, sizeof(seen));
    assert_non_null(strstr(seen, "cv.vp"));
    assert_non_null(strstr(seen, "quantri"));
    assert_null(strstr(seen, "cv.tcbc"));
    people_seen(&c, "", 200, seen, sizeof(seen));
    assert_non_null(strstr(seen, "cv.xdcq"));
    assert_non_null(strstr(seen, "giamdoc"));
    it_client_release(&c);
}

/* How many people the director sees; a change that should not happen would
 * show here. */
static size_t people_count(void)
{
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "giamdoc"), 200);
    char seen[2048];
    people_seen(&c, "", 200, seen, sizeof(seen));
    it_client_release(&c);
    size_t n = seen[0] ? 1 : 0;
    for (const char *p = seen; *p; p++) {
        n += *p == ',';
    }
    return n;
}

static void only_administrators_create_people(void **state)
{
    (void)state;
    size_t before = people_count();
    static const char body[] =
        "{\"username\":\"moi.vao\",\"full_name\":\"Người Mới\",\"password\":\"mat-khau-moi\","
        "\"roles\":[{\"role\":\"specialist\",\"unit\":\"XDCQ\"}]}";
    const char *users[] = { "cv.vp", "kiemsoat", "giamdoc", "phogiamdoc" };
    for (size_t i = 0; i < 4; i++) {
        struct it_client c;
        assert_int_equal(it_login_as(&c, &srv, users[i]), 200);
        struct it_resp r;
        assert_int_equal(it_request(&c, "POST", "/api/people", body, NULL, NULL, &r), 0);
        if (r.status != 403) {
            fail_msg("%s: status %ld", users[i], r.status);
        }
        it_resp_release(&r);
        it_client_release(&c);
    }
    struct it_client anon;
    it_client_init(&anon, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&anon, "POST", "/api/people", body, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&anon);
    assert_int_equal(people_count(), before);

    struct it_client admin;
    assert_int_equal(it_login_as(&admin, &srv, "quantri"), 200);
    assert_int_equal(it_request(&admin, "POST", "/api/people", body, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 201);
    assert_string_equal(json_string_value(json_object_get(r.json, "username")), "moi.vao");
    json_t *role = json_array_get(json_object_get(r.json, "roles"), 0);
    assert_string_equal(json_string_value(json_object_get(role, "unit_name")),
                        "Phòng Xây dựng chính quyền");
    assert_null(strstr(r.body, "argon2"));
    assert_null(strstr(r.body, "mat-khau-moi"));
    it_resp_release(&r);
    /* Again: the username is taken. */
    assert_int_equal(it_request(&admin, "POST", "/api/people", body, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 409);
    assert_string_equal(it_problem_field(&r), "username");
    it_resp_release(&r);
    it_client_release(&admin);
    assert_int_equal(people_count(), before + 1);

    struct it_client fresh;
    it_client_init(&fresh, &srv);
    assert_int_equal(it_login(&fresh, "moi.vao", "mat-khau-moi"), 200);
    it_client_release(&fresh);
}

static void bad_person_bodies_change_nothing(void **state)
{
    (void)state;
    size_t before = people_count();
    struct it_client admin;
    assert_int_equal(it_login_as(&admin, &srv, "quantri"), 200);
#define OK_ROLES "\"roles\":[{\"role\":\"clerk\",\"unit\":\"VP\"}]"
    static const struct {
        const char *body;
        long status;
        const char *field;
    } cases[] = {
        { "{\"username\":\"x.y.z\",", 400, "" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"admin\":true," OK_ROLES "}", 400,
          "admin" },
        { "{\"username\":\"x.y.z\",\"full_name\":5," OK_ROLES "}", 400, "full_name" },
        { "{\"username\":\"X Y\",\"full_name\":\"X\"," OK_ROLES "}", 400, "username" },
        { "{\"username\":\"x.y.z\"," OK_ROLES "}", 400, "full_name" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\"}", 400, "roles" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"roles\":[]}", 400, "roles" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"roles\":[{\"role\":\"boss\","
          "\"unit\":\"VP\"}]}",
          400, "roles[0].role" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"roles\":[{\"role\":\"head\","
          "\"unit\":\"NOPE\"}]}",
          400, "roles[0].unit" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"roles\":[{\"role\":\"head\","
          "\"unit\":\"VP\",\"x\":1}]}",
          400, "roles[0].x" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"password\":\"short\"," OK_ROLES "}", 400,
          "password" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"in_charge_of\":[\"VP\"]," OK_ROLES "}",
          400, "in_charge_of" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\xc3\x28\"," OK_ROLES "}", 400, "" },
        { "{\"username\":\"x.y.z\",\"full_name\":\"X\",\"roles\":{}}", 400, "roles" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct it_resp r;
        assert_int_equal(it_request(&admin, "POST", "/api/people", cases[i].body, NULL, NULL, &r),
                         0);
        if (r.status != cases[i].status || strcmp(it_problem_field(&r), cases[i].field) != 0 ||
            strcmp(r.content_type, "application/problem+json") != 0) {
            fail_msg("case %zu: status %ld field '%s' body %s", i, r.status, it_problem_field(&r),
                     r.body);
        }
        it_resp_release(&r);
    }
    /* Oversize body and the wrong media type. */
    size_t n = 2 * 1024 * 1024;
    char *big = malloc(n + 1);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    big[n] = '\0';
    struct it_resp r;
    assert_int_equal(it_request(&admin, "POST", "/api/people", big, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 413);
    it_resp_release(&r);
    assert_int_equal(it_request(&admin, "PATCH", "/api/people/cv.vp", big, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 413);
    it_resp_release(&r);
    free(big);
    assert_int_equal(it_request(&admin, "POST", "/api/people", "{}", "text/plain", NULL, &r), 0);
    assert_int_equal(r.status, 415);
    it_resp_release(&r);
    it_client_release(&admin);
    assert_int_equal(people_count(), before);
}

static json_t *person(struct it_client *c, const char *username)
{
    struct it_resp r;
    assert_int_equal(it_request(c, "GET", "/api/people", NULL, NULL, NULL, &r), 0);
    json_t *found = NULL;
    size_t i;
    json_t *p;
    json_array_foreach (json_object_get(r.json, "people"), i, p) {
        if (strcmp(json_string_value(json_object_get(p, "username")), username) == 0) {
            found = json_incref(p);
        }
    }
    it_resp_release(&r);
    return found;
}

static void administrators_patch_people(void **state)
{
    (void)state;
    struct it_client admin, other;
    assert_int_equal(it_login_as(&admin, &srv, "quantri"), 200);
    struct it_resp r;
    /* Wrong role, unknown user, bad bodies: nothing changes. */
    assert_int_equal(it_login_as(&other, &srv, "giamdoc"), 200);
    assert_int_equal(it_request(&other, "PATCH", "/api/people/cv.xdcq",
                                "{\"position\":\"Trưởng phòng\"}", NULL, NULL, &r),
                     0);
    assert_int_equal(r.status, 403);
    it_resp_release(&r);
    it_client_release(&other);
    assert_int_equal(
        it_request(&admin, "PATCH", "/api/people/khongco", "{\"position\":\"X\"}", NULL, NULL, &r),
        0);
    assert_int_equal(r.status, 404);
    it_resp_release(&r);
    static const struct {
        const char *body;
        const char *field;
    } bad[] = {
        { "{\"username\":\"doi.ten\"}", "username" },
        { "{\"disabled\":\"yes\"}", "disabled" },
        { "{\"position\":\"Trưởng phòng\",\"roles\":[{\"role\":\"head\",\"unit\":\"NOPE\"}]}",
          "roles[0].unit" },
        { "{\"in_charge_of\":[\"VP\"]}", "in_charge_of" },
        { "{\"in_charge_of\":[5]}", "in_charge_of[0]" },
        { "{\"position\":\"Trưởng phòng\"", "" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(
            it_request(&admin, "PATCH", "/api/people/cv.xdcq", bad[i].body, NULL, NULL, &r), 0);
        if (r.status != 400 || strcmp(it_problem_field(&r), bad[i].field) != 0) {
            fail_msg("case %zu: status %ld field '%s'", i, r.status, it_problem_field(&r));
        }
        it_resp_release(&r);
    }
    json_t *p = person(&admin, "cv.xdcq");
    assert_non_null(p);
    assert_true(json_is_null(json_object_get(p, "position")));
    json_decref(p);

    /* A good patch: position and roles; the name stays. */
    assert_int_equal(it_request(&admin, "PATCH", "/api/people/cv.xdcq",
                                "{\"position\":\"Trưởng phòng\",\"roles\":[{\"role\":\"head\","
                                "\"unit\":\"XDCQ\"}]}",
                                NULL, NULL, &r),
                     0);
    assert_int_equal(r.status, 200);
    it_resp_release(&r);
    p = person(&admin, "cv.xdcq");
    assert_string_equal(json_string_value(json_object_get(p, "position")), "Trưởng phòng");
    assert_string_equal(json_string_value(json_object_get(p, "full_name")), "Vũ Thị Gấm");
    json_t *role = json_array_get(json_object_get(p, "roles"), 0);
    assert_string_equal(json_string_value(json_object_get(role, "role")), "head");
    assert_string_equal(json_string_value(json_object_get(role, "title")), "Trưởng phòng");
    json_decref(p);

    /* Disabling ends the person's session; the admin cannot disable himself. */
    struct it_client victim;
    assert_int_equal(it_login_as(&victim, &srv, "cv.xdcq"), 200);
    assert_int_equal(
        it_request(&admin, "PATCH", "/api/people/cv.xdcq", "{\"disabled\":true}", NULL, NULL, &r),
        0);
    assert_int_equal(r.status, 200);
    assert_true(json_is_true(json_object_get(r.json, "disabled")));
    it_resp_release(&r);
    assert_int_equal(it_request(&victim, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&victim);
    assert_int_equal(
        it_request(&admin, "PATCH", "/api/people/quantri", "{\"disabled\":true}", NULL, NULL, &r),
        0);
    assert_int_equal(r.status, 409);
    it_resp_release(&r);
    assert_int_equal(
        it_request(&admin, "PATCH", "/api/people/cv.xdcq", "{\"disabled\":false}", NULL, NULL, &r),
        0);
    assert_int_equal(r.status, 200);
    it_resp_release(&r);
    it_client_release(&admin);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(units_come_as_a_tree),
        cmocka_unit_test(people_are_shown_within_scope),
        cmocka_unit_test(only_administrators_create_people),
        cmocka_unit_test(bad_person_bodies_change_nothing),
        cmocka_unit_test(administrators_patch_people),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
