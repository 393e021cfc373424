/* The configuration table: defaults, file, environment and flags, with
 * errors that name the setting or the line. */

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

#include "config/config.h"

static void defaults_are_sane(void **state)
{
    (void)state;
    struct cfg c;
    cfg_init(&c);
    assert_string_equal(c.db_path, "var/motcua.db");
    assert_string_equal(c.listen, "127.0.0.1:8080");
    assert_true(c.sync_full);
    assert_true(c.threads >= 1);
    cfg_release(&c);
}

static void set_checks_types_and_ranges(void **state)
{
    (void)state;
    struct cfg c;
    struct mc_err err;
    cfg_init(&c);
    assert_int_equal(cfg_set(&c, "http.threads", "8", &err), MC_OK);
    assert_int_equal(c.threads, 8);
    assert_int_equal(cfg_set(&c, "http.threads", "0", &err), MC_EINVAL);
    assert_string_equal(err.field, "http.threads");
    assert_int_equal(cfg_set(&c, "http.threads", "many", &err), MC_EINVAL);
    assert_int_equal(c.threads, 8);
    assert_int_equal(cfg_set(&c, "db.sync_full", "maybe", &err), MC_EINVAL);
    assert_int_equal(cfg_set(&c, "db.sync_full", "false", &err), MC_OK);
    assert_false(c.sync_full);
    assert_int_equal(cfg_set(&c, "log.level", "loud", &err), MC_EINVAL);
    assert_int_equal(cfg_set(&c, "no.such", "1", &err), MC_EINVAL);
    assert_string_equal(err.field, "no.such");
    cfg_release(&c);
}

static void file_then_environment(void **state)
{
    (void)state;
    char path[] = "/tmp/motcua-cfg-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# comment\n\ndb.path = /srv/motcua.db\nhttp.threads=3\n", f);
    fclose(f);
    struct cfg c;
    struct mc_err err;
    cfg_init(&c);
    assert_int_equal(cfg_load_file(&c, path, &err), MC_OK);
    assert_string_equal(c.db_path, "/srv/motcua.db");
    assert_int_equal(c.threads, 3);
    setenv("MOTCUA_THREADS", "5", 1);
    assert_int_equal(cfg_load_env(&c, &err), MC_OK);
    assert_int_equal(c.threads, 5);
    setenv("MOTCUA_THREADS", "zero", 1);
    assert_int_equal(cfg_load_env(&c, &err), MC_EINVAL);
    assert_non_null(strstr(err.msg, "MOTCUA_THREADS"));
    unsetenv("MOTCUA_THREADS");
    cfg_release(&c);

    f = fopen(path, "w");
    fputs("db.path = x\nthis line is wrong\n", f);
    fclose(f);
    cfg_init(&c);
    assert_int_equal(cfg_load_file(&c, path, &err), MC_EINVAL);
    assert_non_null(strstr(err.msg, ":2:"));
    cfg_release(&c);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_sane),
        cmocka_unit_test(set_checks_types_and_ranges),
        cmocka_unit_test(file_then_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
