/* The HTTP layer against a real server: health, errors as problem+json,
 * limits, the API description, a clean stop on SIGTERM. */

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
    const char *args[] = { "--web-root", MC_SOURCE_DIR "/tests/data/web", NULL };
    return it_server_start(&srv, false, args);
}

static int teardown(void **state)
{
    (void)state;
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

static void health_answers(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/healthz", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "status")), "ok");
    assert_non_null(strstr(r.headers, "X-Request-Id: "));
    it_resp_release(&r);
    it_client_release(&c);
}

static void errors_are_problem_json(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/api/no-such-thing", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 404);
    assert_string_equal(r.content_type, "application/problem+json");
    assert_int_equal(json_integer_value(json_object_get(r.json, "status")), 404);
    assert_non_null(json_object_get(r.json, "request_id"));
    it_resp_release(&r);

    assert_int_equal(it_request(&c, "DELETE", "/healthz", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 405);
    assert_string_equal(r.content_type, "application/problem+json");
    it_resp_release(&r);
    it_client_release(&c);
}

static void oversize_body_is_refused(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    size_t n = 2 * 1024 * 1024;
    char *big = malloc(n + 1);
    memset(big, 'x', n);
    big[n] = '\0';
    struct it_resp r;
    assert_int_equal(it_request(&c, "POST", "/api/session", big, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 413);
    it_resp_release(&r);
    free(big);
    it_client_release(&c);
}

static void serves_the_api_description(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/api/openapi.yaml", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "openapi: 3.1"));
    it_resp_release(&r);
    it_client_release(&c);
}

static void serves_the_web_shell(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "GET", "/", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "motcua-test-shell"));
    assert_non_null(strstr(r.headers, "Cache-Control: no-cache"));
    it_resp_release(&r);
    /* A client-side route falls back to the shell; a missing file does not. */
    assert_int_equal(it_request(&c, "GET", "/thu-tuc/1.012942", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "motcua-test-shell"));
    it_resp_release(&r);
    assert_int_equal(it_request(&c, "GET", "/assets/missing.js", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 404);
    it_resp_release(&r);
    assert_int_equal(it_request(&c, "GET", "/assets/app.js", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.headers, "immutable"));
    it_resp_release(&r);
    it_client_release(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(health_answers),           cmocka_unit_test(errors_are_problem_json),
        cmocka_unit_test(oversize_body_is_refused), cmocka_unit_test(serves_the_api_description),
        cmocka_unit_test(serves_the_web_shell),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
