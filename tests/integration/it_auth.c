/* Sessions, CSRF, API tokens, the login rate limit and `motcua user`,
 * against a real server. */

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

static const char *detail(const struct it_resp *r)
{
    const char *d = json_string_value(json_object_get(r->json, "detail"));
    return d ? d : "";
}

/* The session cookie's value from a response's Set-Cookie header. */
static void session_cookie(const struct it_resp *r, char *out, size_t n)
{
    out[0] = '\0';
    const char *p = strstr(r->headers, "Set-Cookie: motcua_session=");
    if (p) {
        p += strlen("Set-Cookie: motcua_session=");
        size_t len = strcspn(p, ";\r\n");
        snprintf(out, n, "%.*s", (int)len, p);
    }
}

static void login_works_and_sets_a_strict_cookie(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"phogiamdoc\",\"password\":\"" IT_PASSWORD "\"}",
                                NULL, NULL, &r),
                     0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.headers, "HttpOnly"));
    assert_non_null(strstr(r.headers, "SameSite=Strict"));
    assert_non_null(strstr(r.headers, "Path=/"));
    assert_null(strstr(r.headers, "Secure"));
    const char *csrf = json_string_value(json_object_get(r.json, "csrf_token"));
    assert_non_null(csrf);
    assert_int_equal(strlen(csrf), 43);
    json_t *user = json_object_get(r.json, "user");
    assert_string_equal(json_string_value(json_object_get(user, "username")), "phogiamdoc");
    json_t *role = json_array_get(json_object_get(user, "roles"), 0);
    assert_string_equal(json_string_value(json_object_get(role, "role")), "deputy_director");
    assert_string_equal(json_string_value(json_object_get(role, "title")), "Phó Giám đốc");
    json_t *ic = json_array_get(json_object_get(user, "in_charge_of"), 0);
    assert_string_equal(json_string_value(json_object_get(ic, "code")), "TCBC");
    it_resp_release(&r);

    assert_int_equal(it_request(&c, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "via")), "session");
    assert_non_null(json_object_get(r.json, "csrf_token"));
    it_resp_release(&r);

    /* Behind a TLS proxy the cookie is Secure. */
    const char *tls[] = { "X-Forwarded-Proto: https", NULL };
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"giamdoc\",\"password\":\"" IT_PASSWORD "\"}", NULL,
                                tls, &r),
                     0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.headers, "; Secure"));
    it_resp_release(&r);
    it_client_release(&c);
}

static void wrong_password_unknown_user_and_disabled_look_the_same(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp wrong, unknown, disabled, nopw;
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"giamdoc\",\"password\":\"not-the-password\"}",
                                NULL, NULL, &wrong),
                     0);
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"khongco\",\"password\":\"not-the-password\"}",
                                NULL, NULL, &unknown),
                     0);
    /* A user with no password yet cannot log in either. */
    const char *add[] = { "user",   "add",           "chuaco.mk", "--name", "Chưa có mật khẩu",
                          "--role", "specialist:VP", NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, add), 0);
    free(out);
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"chuaco.mk\",\"password\":\"anything-at-all\"}",
                                NULL, NULL, &nopw),
                     0);

    /* nghiviec logs in, then is disabled: the session dies, login fails. */
    struct it_client n;
    assert_int_equal(it_login_as(&n, &srv, "nghiviec"), 200);
    const char *dis[] = { "user", "disable", "nghiviec", NULL };
    assert_int_equal(it_cli(&srv, &out, dis), 0);
    assert_non_null(strstr(out, "disabled"));
    free(out);
    struct it_resp r;
    assert_int_equal(it_request(&n, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&n);
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"nghiviec\",\"password\":\"" IT_PASSWORD "\"}",
                                NULL, NULL, &disabled),
                     0);

    struct it_resp *all[] = { &wrong, &unknown, &disabled, &nopw };
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(all[i]->status, 401);
        assert_string_equal(all[i]->content_type, "application/problem+json");
        assert_string_equal(detail(all[i]), "wrong username or password");
        assert_null(strstr(all[i]->headers, "Set-Cookie"));
        it_resp_release(all[i]);
    }
    it_client_release(&c);
}

static void login_bad_bodies_are_400(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    static const struct {
        const char *body;
        const char *field;
    } cases[] = {
        { "{\"username\":\"giamdoc\"", "" },                                  /* malformed */
        { "{\"username\":\"giamdoc\",\"password\":\"x\",\"otp\":1}", "otp" }, /* unknown */
        { "{\"username\":5,\"password\":\"x\"}", "username" },                /* wrong type */
        { "{\"username\":\"giamdoc\"}", "password" },                         /* missing */
        { "{\"username\":\"gi\xff\",\"password\":\"x\"}", "" },               /* bad UTF-8 */
        { "[]", "" },
        { "{\"username\":\"giamdoc\",\"username\":\"x\",\"password\":\"y\"}", "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct it_resp r;
        assert_int_equal(it_request(&c, "POST", "/api/session", cases[i].body, NULL, NULL, &r), 0);
        if (r.status != 400 || strcmp(it_problem_field(&r), cases[i].field) != 0) {
            fail_msg("case %zu: status %ld field '%s'", i, r.status, it_problem_field(&r));
        }
        it_resp_release(&r);
    }
    struct it_resp r;
    assert_int_equal(
        it_request(&c, "POST", "/api/session", "username=giamdoc", "text/plain", NULL, &r), 0);
    assert_int_equal(r.status, 415);
    it_resp_release(&r);
    it_client_release(&c);
}

static void logout_ends_the_session_on_the_server(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(it_request(&c, "POST", "/api/session",
                                "{\"username\":\"cv.vp\",\"password\":\"" IT_PASSWORD "\"}", NULL,
                                NULL, &r),
                     0);
    assert_int_equal(r.status, 200);
    char cookie[128];
    session_cookie(&r, cookie, sizeof(cookie));
    assert_int_equal(strlen(cookie), 43);
    snprintf(c.csrf, sizeof(c.csrf), "%s",
             json_string_value(json_object_get(r.json, "csrf_token")));
    it_resp_release(&r);

    assert_int_equal(it_request(&c, "DELETE", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 204);
    assert_non_null(strstr(r.headers, "Max-Age=0"));
    it_resp_release(&r);

    /* Replaying the old cookie by hand: the server forgot it. */
    struct it_client old;
    it_client_init(&old, &srv);
    char hdr[200];
    snprintf(hdr, sizeof(hdr), "Cookie: motcua_session=%s", cookie);
    const char *h[] = { hdr, NULL };
    assert_int_equal(it_request(&old, "GET", "/api/session", NULL, NULL, h, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&old);
    it_client_release(&c);
}

static size_t token_count(struct it_client *c)
{
    struct it_resp r;
    assert_int_equal(it_request(c, "GET", "/api/tokens", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    size_t n = json_array_size(json_object_get(r.json, "tokens"));
    it_resp_release(&r);
    return n;
}

static void csrf_is_required_for_cookie_sessions(void **state)
{
    (void)state;
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "cv.tcbc"), 200);
    size_t before = token_count(&c);
    char good[160];
    snprintf(good, sizeof(good), "%.100s", c.csrf);

    struct it_resp r;
    c.csrf[0] = '\0'; /* no header */
    assert_int_equal(it_request(&c, "POST", "/api/tokens", "{\"name\":\"x\"}", NULL, NULL, &r), 0);
    assert_int_equal(r.status, 403);
    assert_string_equal(it_problem_field(&r), "X-CSRF-Token");
    it_resp_release(&r);

    snprintf(c.csrf, sizeof(c.csrf), "%s", good);
    c.csrf[0] = c.csrf[0] == 'A' ? 'B' : 'A'; /* same length, one byte off */
    assert_int_equal(it_request(&c, "POST", "/api/tokens", "{\"name\":\"x\"}", NULL, NULL, &r), 0);
    assert_int_equal(r.status, 403);
    it_resp_release(&r);
    snprintf(c.csrf, sizeof(c.csrf), "%.100s-longer", good);
    assert_int_equal(it_request(&c, "DELETE", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 403);
    it_resp_release(&r);

    snprintf(c.csrf, sizeof(c.csrf), "%s", good);
    assert_int_equal(token_count(&c), before); /* nothing was created */
    assert_int_equal(it_request(&c, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200); /* and the session is still alive */
    it_resp_release(&r);
    it_client_release(&c);
}

static void bearer_tokens_work_without_csrf_until_revoked(void **state)
{
    (void)state;
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "cv.xdcq"), 200);
    struct it_resp r;
    assert_int_equal(
        it_request(&c, "POST", "/api/tokens", "{\"name\":\"máy chủ báo cáo\"}", NULL, NULL, &r), 0);
    assert_int_equal(r.status, 201);
    const char *tok = json_string_value(json_object_get(r.json, "token"));
    assert_non_null(tok);
    assert_int_equal(strncmp(tok, "mct_", 4), 0);
    json_int_t id = json_integer_value(json_object_get(r.json, "id"));
    struct it_client m;
    it_client_init(&m, &srv);
    snprintf(m.bearer, sizeof(m.bearer), "%s", tok);
    it_resp_release(&r);

    /* The listing never shows the secret. */
    assert_int_equal(it_request(&c, "GET", "/api/tokens", NULL, NULL, NULL, &r), 0);
    assert_null(strstr(r.body, m.bearer));
    assert_non_null(strstr(r.body, "máy chủ báo cáo"));
    it_resp_release(&r);

    assert_int_equal(it_request(&m, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "via")), "token");
    assert_null(json_object_get(r.json, "csrf_token"));
    it_resp_release(&r);
    /* A token cannot mint tokens. */
    assert_int_equal(it_request(&m, "POST", "/api/tokens", "{\"name\":\"y\"}", NULL, NULL, &r), 0);
    assert_int_equal(r.status, 403);
    it_resp_release(&r);
    /* A wrong token is anonymous. */
    struct it_client bad;
    it_client_init(&bad, &srv);
    snprintf(bad.bearer, sizeof(bad.bearer), "%.100sx", m.bearer);
    assert_int_equal(it_request(&bad, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&bad);

    /* State change with the token and no CSRF header: revoke itself. */
    char path[64];
    snprintf(path, sizeof(path), "/api/tokens/%lld", (long long)id);
    assert_int_equal(it_request(&m, "DELETE", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 204);
    it_resp_release(&r);
    assert_int_equal(it_request(&m, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    /* Revoking again: nothing live to revoke. */
    assert_int_equal(it_request(&c, "DELETE", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 404);
    it_resp_release(&r);
    it_client_release(&m);
    it_client_release(&c);
}

static void cli_tokens_and_other_peoples_tokens(void **state)
{
    (void)state;
    const char *args[] = { "user", "token", "cv.tcbc", "--name", "ci", NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, args), 0);
    struct it_client m;
    it_client_init(&m, &srv);
    const char *tok = strstr(out, "mct_"); /* stdout and stderr share out */
    assert_non_null(tok);
    size_t len = strcspn(tok, "\n");
    assert_int_equal(len, 4 + 43);
    snprintf(m.bearer, sizeof(m.bearer), "%.*s", (int)len, tok);
    free(out);
    struct it_resp r;
    assert_int_equal(it_request(&m, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    it_resp_release(&r);
    assert_int_equal(it_request(&m, "GET", "/api/tokens", NULL, NULL, NULL, &r), 0);
    json_int_t id = json_integer_value(
        json_object_get(json_array_get(json_object_get(r.json, "tokens"), 0), "id"));
    it_resp_release(&r);
    char path[64];
    snprintf(path, sizeof(path), "/api/tokens/%lld", (long long)id);

    /* Someone else's: 404 for a non-administrator, 204 for an administrator. */
    struct it_client other, admin;
    assert_int_equal(it_login_as(&other, &srv, "cv.vp"), 200);
    assert_int_equal(it_request(&other, "DELETE", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 404);
    it_resp_release(&r);
    assert_int_equal(it_request(&other, "DELETE", "/api/tokens/abc", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_string_equal(it_problem_field(&r), "id");
    it_resp_release(&r);
    assert_int_equal(it_request(&m, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 200); /* still alive */
    it_resp_release(&r);
    assert_int_equal(it_login_as(&admin, &srv, "quantri"), 200);
    assert_int_equal(it_request(&admin, "DELETE", path, NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 204);
    it_resp_release(&r);
    assert_int_equal(it_request(&m, "GET", "/api/session", NULL, NULL, NULL, &r), 0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&admin);
    it_client_release(&other);
    it_client_release(&m);
}

static void token_bodies_are_checked(void **state)
{
    (void)state;
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "cv.to1"), 200);
    static const struct {
        const char *body;
        const char *field;
    } cases[] = {
        { "{}", "name" },
        { "{\"name\":5}", "name" },
        { "{\"name\":\"\"}", "name" },
        { "{\"nam\":\"x\"}", "nam" },
        { "{\"name\":\"x\"", "" },
        { "{\"name\":\"\xc3\"}", "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct it_resp r;
        assert_int_equal(it_request(&c, "POST", "/api/tokens", cases[i].body, NULL, NULL, &r), 0);
        if (r.status != 400 || strcmp(it_problem_field(&r), cases[i].field) != 0) {
            fail_msg("case %zu: status %ld field '%s'", i, r.status, it_problem_field(&r));
        }
        it_resp_release(&r);
    }
    assert_int_equal(token_count(&c), 0);
    it_client_release(&c);
}

static void user_command_rejects_bad_input(void **state)
{
    (void)state;
    static const struct {
        const char *args[10];
        int status;
        const char *says;
    } cases[] = {
        { { "user", NULL }, 2, "usage" },
        { { "user", "frob", NULL }, 2, "not a user command" },
        { { "user", "add", "Bad Name", "--name", "X", NULL }, 2, "username" },
        { { "user", "add", "new.one", NULL }, 2, "--name" },
        { { "user", "add", "new.one", "--name", "X", "--role", "boss:VP", NULL }, 2, "ROLE:UNIT" },
        { { "user", "add", "new.one", "--name", "X", "--role", "head:NOPE", NULL }, 1, "NOPE" },
        { { "user", "add", "new.one", "--name", "X", "--role", "head:VP", "--in-charge", "VP",
            NULL },
          2,
          "deputy_director" },
        { { "user", "add", "giamdoc", "--name", "X", NULL }, 1, "already exists" },
        { { "user", "disable", "khongco", NULL }, 1, "no user" },
        { { "user", "token", "giamdoc", NULL }, 2, "--name" },
        { { "user", "list", "extra", NULL }, 2, "USERNAME" },
        { { "user", "list", "--bogus", NULL }, 2, "unknown option" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *out = NULL;
        int rc = it_cli(&srv, &out, cases[i].args);
        if (rc != cases[i].status || strstr(out, cases[i].says) == NULL) {
            fail_msg("case %zu: exit %d, output: %s", i, rc, out);
        }
        free(out);
    }
    /* new.one was never created. */
    const char *list[] = { "user", "list", NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, list), 0);
    assert_null(strstr(out, "new.one"));
    assert_non_null(strstr(out, "giamdoc"));
    free(out);
    const char *help[] = { "user", "passwd", "--help", NULL };
    assert_int_equal(it_cli(&srv, &out, help), 0);
    assert_non_null(strstr(out, "usage"));
    free(out);
}

static void passwd_reads_stdin(void **state)
{
    (void)state;
    char *out = NULL;
    assert_int_equal(it_cli_stdin(&srv, "short\\n", "user passwd cv.to1", &out), 1);
    assert_non_null(strstr(out, "at least 8"));
    free(out);
    assert_int_equal(it_cli_stdin(&srv, "", "user passwd cv.to1", &out), 1);
    free(out);
    struct it_client c;
    assert_int_equal(it_login_as(&c, &srv, "cv.to1"), 200); /* unchanged */
    it_client_release(&c);
    assert_int_equal(it_cli_stdin(&srv, "mật khẩu mới 2025\\n", "user passwd cv.to1", &out), 0);
    free(out);
    it_client_init(&c, &srv);
    assert_int_equal(it_login(&c, "cv.to1", IT_PASSWORD), 401);
    assert_int_equal(it_login(&c, "cv.to1", "mật khẩu mới 2025"), 200);
    it_client_release(&c);
    /* add with --password-stdin */
    assert_int_equal(it_cli_stdin(&srv, "longenough\\n",
                                  "user add them.moi --name 'Thêm Mới' --role clerk:VP "
                                  "--password-stdin",
                                  &out),
                     0);
    free(out);
    it_client_init(&c, &srv);
    assert_int_equal(it_login(&c, "them.moi", "longenough"), 200);
    it_client_release(&c);
}

static void login_rate_limit_gives_429(void **state)
{
    (void)state;
    struct it_server s2;
    setenv("MOTCUA_LOGIN_RATE", "3", 1);
    int rc = it_server_start(&s2, false, NULL);
    unsetenv("MOTCUA_LOGIN_RATE");
    assert_int_equal(rc, 0);
    struct it_client c;
    it_client_init(&c, &s2);
    long last = 0;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(it_login(&c, "giamdoc", "wrong-password"), 401);
    }
    last = it_login(&c, "giamdoc", "wrong-password");
    assert_int_equal(last, 429);
    it_client_release(&c);
    assert_int_equal(it_server_stop(&s2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(login_works_and_sets_a_strict_cookie),
        cmocka_unit_test(wrong_password_unknown_user_and_disabled_look_the_same),
        cmocka_unit_test(login_bad_bodies_are_400),
        cmocka_unit_test(logout_ends_the_session_on_the_server),
        cmocka_unit_test(csrf_is_required_for_cookie_sessions),
        cmocka_unit_test(bearer_tokens_work_without_csrf_until_revoked),
        cmocka_unit_test(cli_tokens_and_other_peoples_tokens),
        cmocka_unit_test(token_bodies_are_checked),
        cmocka_unit_test(user_command_rejects_bad_input),
        cmocka_unit_test(passwd_reads_stdin),
        cmocka_unit_test(login_rate_limit_gives_429),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
