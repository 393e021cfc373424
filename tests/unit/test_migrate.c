/* The migration runner: versions written on parallel branches may be merged
 * in any order, so a migration numbered below the highest one applied still
 * runs (and only it), and the schema check names what is missing. Uses a
 * list of toy migrations on a real SQLite file. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/embed.h"
#include "base/err.h"
#include "store/store.h"
#include "store/store_int.h"

#define MIGRATION(file, sql)       \
    {                              \
        file, sql, sizeof(sql) - 1 \
    }

static const struct mc_embedded first_and_third[] = {
    MIGRATION("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
    MIGRATION("0003_c.sql", "CREATE TABLE c (x INTEGER);"),
    { NULL, NULL, 0 },
};

static const struct mc_embedded all_three[] = {
    MIGRATION("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
    MIGRATION("0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO b VALUES (2);"),
    MIGRATION("0003_c.sql", "CREATE TABLE c (x INTEGER);"),
    { NULL, NULL, 0 },
};

static const struct mc_embedded broken_second[] = {
    MIGRATION("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
    MIGRATION("0002_b.sql", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"),
    MIGRATION("0003_c.sql", "CREATE TABLE c (x INTEGER);"),
    { NULL, NULL, 0 },
};

static char dir[64], path[96];

static struct store *open_fresh(void)
{
    snprintf(dir, sizeof(dir), "/tmp/motcua-migrate-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/m.db", dir);
    struct store *st = NULL;
    struct mc_err err = { 0 };
    assert_int_equal(store_open(path, NULL, &st, &err), MC_OK);
    return st;
}

static void close_and_remove(struct store *st)
{
    store_close(st);
    char f[128];
    static const char *const suffixes[] = { "", "-wal", "-shm" };
    for (size_t i = 0; i < 3; i++) {
        snprintf(f, sizeof(f), "%s%s", path, suffixes[i]);
        unlink(f);
    }
    rmdir(dir);
}

static int count_rows(struct store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return n;
}

static void a_gap_below_the_highest_version_is_applied(void **state)
{
    (void)state;
    struct store *st = open_fresh();
    struct mc_err err = { 0 };
    int applied = -1;
    assert_int_equal(store_migrate_list(st, first_and_third, &applied, &err), MC_OK);
    assert_int_equal(applied, 2);

    /* 0002 arrives after 0003 was applied: the check names it, migrate runs
     * it alone, and then the check passes. */
    assert_int_equal(store_schema_check_list(st, all_three, &err), MC_ECONFLICT);
    assert_non_null(strstr(err.msg, "0002"));
    assert_int_equal(store_migrate_list(st, all_three, &applied, &err), MC_OK);
    assert_int_equal(applied, 1);
    assert_int_equal(count_rows(st, "SELECT count(*) FROM b WHERE x = 2"), 1);
    assert_int_equal(count_rows(st, "SELECT count(*) FROM schema_migrations"), 3);
    assert_int_equal(store_schema_check_list(st, all_three, &err), MC_OK);

    /* Again: nothing to do. */
    assert_int_equal(store_migrate_list(st, all_three, &applied, &err), MC_OK);
    assert_int_equal(applied, 0);
    close_and_remove(st);
}

static void a_failing_migration_leaves_nothing_and_is_named(void **state)
{
    (void)state;
    struct store *st = open_fresh();
    struct mc_err err = { 0 };
    assert_int_equal(store_migrate_list(st, first_and_third, NULL, &err), MC_OK);
    assert_int_equal(store_migrate_list(st, broken_second, NULL, &err), MC_ESTORE);
    assert_non_null(strstr(err.msg, "0002_b.sql"));
    assert_int_equal(count_rows(st, "SELECT count(*) FROM sqlite_master WHERE name = 'b'"), 0);
    assert_int_equal(count_rows(st, "SELECT count(*) FROM schema_migrations"), 2);
    close_and_remove(st);
}

static void a_newer_database_is_refused(void **state)
{
    (void)state;
    struct store *st = open_fresh();
    struct mc_err err = { 0 };
    assert_int_equal(store_migrate_list(st, all_three, NULL, &err), MC_OK);
    static const struct mc_embedded only_first[] = {
        MIGRATION("0001_a.sql", "CREATE TABLE a (x INTEGER);"),
        { NULL, NULL, 0 },
    };
    assert_int_equal(store_migrate_list(st, only_first, NULL, &err), MC_ECONFLICT);
    assert_non_null(strstr(err.msg, "newer"));
    assert_int_equal(store_schema_check_list(st, only_first, &err), MC_ECONFLICT);
    close_and_remove(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_gap_below_the_highest_version_is_applied),
        cmocka_unit_test(a_failing_migration_leaves_nothing_and_is_named),
        cmocka_unit_test(a_newer_database_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
