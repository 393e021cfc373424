/* Strict request decoding (src/http/json_in.c) and the router. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "http/json_in.h"
#include "http/router.h"
#include "http/static.h"

static enum mc_status parse(const char *text, json_t **out, struct mc_err *err)
{
    return http_json_parse(text, strlen(text), 8, out, err);
}

static void accepts_an_object(void **state)
{
    (void)state;
    json_t *j = NULL;
    struct mc_err err;
    assert_int_equal(parse("{\"username\":\"giamdoc\",\"n\":[1,2]}", &j, &err), MC_OK);
    assert_true(json_is_object(j));
    json_decref(j);
}

static void rejects_bad_bodies(void **state)
{
    (void)state;
    json_t *j = NULL;
    struct mc_err err;
    assert_int_equal(parse("", &j, &err), MC_EINVAL);
    assert_int_equal(parse("{\"a\":1,\"a\":2}", &j, &err), MC_EINVAL); /* duplicate key */
    assert_int_equal(parse("[1]", &j, &err), MC_EINVAL);               /* not an object */
    assert_non_null(strstr(err.msg, "object"));
    assert_int_equal(parse("{\"a\":", &j, &err), MC_EINVAL); /* truncated */
    assert_non_null(strstr(err.msg, "malformed"));
    assert_int_equal(parse("{\"a\":\"\xC3\x28\"}", &j, &err), MC_EINVAL); /* invalid UTF-8 */
    assert_non_null(strstr(err.msg, "UTF-8"));
    assert_int_equal(parse("{\"a\":[[[[[[[[[1]]]]]]]]]}", &j, &err), MC_EINVAL); /* depth 10 */
    assert_non_null(strstr(err.msg, "deeper"));
    /* Brackets inside strings do not count as nesting. */
    assert_int_equal(parse("{\"a\":\"[[[[[[[[[[[[\"}", &j, &err), MC_OK);
    json_decref(j);
}

static void typed_getters_name_the_field(void **state)
{
    (void)state;
    json_t *j = NULL;
    struct mc_err err;
    assert_int_equal(parse("{\"name\":\"x\",\"n\":5,\"b\":true,\"e\":\"\",\"extra\":1}", &j, &err),
                     MC_OK);
    const char *s = NULL;
    int64_t n = 0;
    bool b = false;
    assert_int_equal(http_json_str(j, "", "name", true, 10, &s, &err), MC_OK);
    assert_string_equal(s, "x");
    assert_int_equal(http_json_int(j, "", "n", true, 1, 10, &n, &err), MC_OK);
    assert_int_equal(n, 5);
    assert_int_equal(http_json_int(j, "", "n", true, 6, 10, &n, &err), MC_EINVAL);
    assert_string_equal(err.field, "n");
    assert_int_equal(http_json_bool(j, "", "b", true, &b, &err), MC_OK);
    assert_true(b);
    assert_int_equal(http_json_str(j, "case", "n", true, 10, &s, &err), MC_EINVAL);
    assert_string_equal(err.field, "case.n");
    assert_int_equal(http_json_str(j, "", "e", true, 10, &s, &err), MC_EINVAL);
    assert_int_equal(http_json_str(j, "", "missing", true, 10, &s, &err), MC_EINVAL);
    assert_string_equal(err.field, "missing");
    assert_int_equal(http_json_str(j, "", "missing", false, 10, &s, &err), MC_OK);
    const char *const allowed[] = { "name", "n", "b", "e", NULL };
    assert_int_equal(http_json_only_keys(j, "", allowed, &err), MC_EINVAL);
    assert_string_equal(err.field, "extra");
    json_decref(j);
}

static void router_matches_segments(void **state)
{
    (void)state;
    const struct http_route *r = NULL;
    const char *params[HTTP_MAX_PARAMS];
    size_t n = 0;
    char scratch[256];
    assert_int_equal(http_route_match("GET", "/healthz", &r, params, &n, scratch, sizeof(scratch)),
                     HTTP_MATCH_OK);
    assert_string_equal(r->pattern, "/healthz");
    assert_int_equal(http_route_match("HEAD", "/healthz", &r, params, &n, scratch, sizeof(scratch)),
                     HTTP_MATCH_OK);
    assert_int_equal(http_route_match("POST", "/healthz", &r, params, &n, scratch, sizeof(scratch)),
                     HTTP_MATCH_NO_METHOD);
    assert_int_equal(
        http_route_match("GET", "/healthz/x", &r, params, &n, scratch, sizeof(scratch)),
        HTTP_MATCH_NO_PATH);
    assert_int_equal(http_route_match("GET", "/", &r, params, &n, scratch, sizeof(scratch)),
                     HTTP_MATCH_NO_PATH);
}

static void static_paths_stay_inside_the_root(void **state)
{
    (void)state;
    assert_true(http_static_path_ok("/"));
    assert_true(http_static_path_ok("/assets/index-abc.js"));
    assert_false(http_static_path_ok("/../etc/passwd"));
    assert_false(http_static_path_ok("/assets/../../x"));
    assert_false(http_static_path_ok("//etc/passwd"));
    assert_false(http_static_path_ok("/.git/config"));
    assert_false(http_static_path_ok("/a\\b"));
    assert_false(http_static_path_ok("relative"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_an_object),
        cmocka_unit_test(rejects_bad_bodies),
        cmocka_unit_test(typed_getters_name_the_field),
        cmocka_unit_test(router_matches_segments),
        cmocka_unit_test(static_paths_stay_inside_the_root),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
