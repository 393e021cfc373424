/* The motcua command line: usage errors, migrate, import all-or-nothing,
 * serve's configuration. */

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
#include <sys/stat.h>

#include "harness.h"

static struct it_server tmp;

static int setup(void **state)
{
    (void)state;
    return it_server_prepare(&tmp);
}

static int teardown(void **state)
{
    (void)state;
    it_server_stop(&tmp);
    return 0;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[600];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void usage_errors_exit_2(void **state)
{
    (void)state;
    char *out = NULL;
    const char *nosuch[] = { "no-such-command", NULL };
    assert_int_equal(it_cli(&tmp, &out, nosuch), 2);
    assert_non_null(strstr(out, "not a command"));
    free(out);
    const char *bad_listen[] = { "serve", "--listen", "localhost", NULL };
    assert_int_equal(it_cli(&tmp, &out, bad_listen), 2);
    assert_non_null(strstr(out, "HOST:PORT"));
    free(out);
    const char *bad_threads[] = { "serve", "--threads", "0", NULL };
    assert_int_equal(it_cli(&tmp, &out, bad_threads), 2);
    assert_non_null(strstr(out, "http.threads"));
    free(out);
    const char *help[] = { "serve", "--help", NULL };
    assert_int_equal(it_cli(&tmp, &out, help), 0);
    assert_non_null(strstr(out, "usage: motcua serve"));
    free(out);
}

static void print_config_shows_precedence(void **state)
{
    (void)state;
    char *out = NULL;
    /* MOTCUA_DB is set by it_cli to the temp database; the flag wins over it. */
    const char *args[] = { "serve", "--print-config", "--db", "/elsewhere.db", NULL };
    assert_int_equal(it_cli(&tmp, &out, args), 0);
    assert_non_null(strstr(out, "db.path = /elsewhere.db"));
    assert_non_null(strstr(out, "http.listen = 127.0.0.1:8080"));
    free(out);
    const char *env_only[] = { "serve", "--print-config", NULL };
    assert_int_equal(it_cli(&tmp, &out, env_only), 0);
    assert_non_null(strstr(out, tmp.db));
    free(out);
}

static void migrate_is_idempotent(void **state)
{
    (void)state;
    char *out = NULL;
    const char *args[] = { "migrate", NULL };
    assert_int_equal(it_cli(&tmp, &out, args), 0);
    free(out);
    assert_int_equal(it_cli(&tmp, &out, args), 0);
    assert_non_null(strstr(out, "(0 migrations applied)"));
    free(out);
}

static void import_is_all_or_nothing(void **state)
{
    (void)state;
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/catalog", tmp.dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    char *out = NULL;

    write_file(dir, "agency.json", "{\"code\":\"000.00.00.H99\",\"name\":\"Sở Thử\",\"extra\":1}");
    const char *args[] = { "import", dir, NULL };
    assert_int_equal(it_cli(&tmp, &out, args), 1);
    assert_non_null(strstr(out, "agency.json: $.extra: unknown field"));
    assert_non_null(strstr(out, "nothing was changed"));
    free(out);
    char outdir[450];
    snprintf(outdir, sizeof(outdir), "%s/out", tmp.dir);
    const char *export_args[] = { "export", outdir, NULL };
    assert_int_equal(it_cli(&tmp, &out, export_args), 1); /* still no agency */
    free(out);

    write_file(dir, "agency.json", "{\"code\":\"000.00.00.H99/\",\"name\":\"Sở Thử\"}");
    assert_int_equal(it_cli(&tmp, &out, args), 1);
    assert_non_null(strstr(out, "$.code"));
    free(out);

    write_file(dir, "agency.json", "{\"code\":\"000.00.00.H99\",\"name\":\"Sở Thử\"}");
    assert_int_equal(it_cli(&tmp, &out, args), 0);
    free(out);
    assert_int_equal(it_cli(&tmp, &out, export_args), 0);
    free(out);
    char path[600];
    snprintf(path, sizeof(path), "%s/agency.json", outdir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char buf[512] = "";
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_non_null(strstr(buf, "Sở Thử"));

    const char *missing[] = { "import", "/no/such/dir", NULL };
    assert_int_equal(it_cli(&tmp, &out, missing), 1);
    assert_non_null(strstr(out, "not a directory"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(print_config_shows_precedence),
        cmocka_unit_test(migrate_is_idempotent),
        cmocka_unit_test(import_is_all_or_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
