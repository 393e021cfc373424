/* Unit tests for group commit (store_write): works submitted by several
 * threads at once through one shared writer all land, each failing work is
 * rolled back alone while the works grouped with it commit, groups really
 * form (fewer COMMITs than works), without a shared writer a work is a
 * plain transaction, and the sync made after releasing the writer is made
 * only when synchronous=FULL was asked for, which the writer keeps for the
 * transactions that are not groups, and then the WAL is checkpointed by a
 * thread of its own. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_int.h"

enum { THREADS = 6, WORKS = 300 };

static char dir[64];
static char path[128];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/motcua-group-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        return -1;
    }
    snprintf(path, sizeof(path), "%s/g.db", dir);
    struct store *st;
    struct mc_err err;
    mc_err_clear(&err);
    if (store_open(path, NULL, &st, &err) != MC_OK) {
        return -1;
    }
    enum mc_status rc = store_exec_sql(
        st, "CREATE TABLE t (id INTEGER PRIMARY KEY, thread INTEGER, n INTEGER)", &err);
    store_close(st);
    return rc == MC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char p[160];
    const char *suffix[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof(p), "%s%s", path, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

struct job {
    struct store *st;
    int thread;
    int n;
    int ok, failed;
};

static enum mc_status insert_row(struct store *st, const struct job *j, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "INSERT INTO t (thread, n) VALUES (?1, ?2)", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, j->thread);
    store_bind_i64(s, 2, j->n);
    return store_exec_stmt(st, s, "insert", err);
}

/* Insert a row; every seventh work fails after its insert, which must then
 * be undone while the works grouped with it stay. */
static enum mc_status insert_work(struct store *st, void *ctx, struct mc_err *err)
{
    struct job *j = ctx;
    enum mc_status rc = insert_row(st, j, err);
    if (rc == MC_OK && j->n % 7 == 3) {
        return mc_fail(err, MC_EINVAL, "work %d of thread %d refused", j->n, j->thread);
    }
    return rc;
}

static void *worker(void *arg)
{
    struct job *j = arg;
    for (j->n = 0; j->n < WORKS; j->n++) {
        struct mc_err err;
        mc_err_clear(&err);
        enum mc_status rc = store_write(j->st, insert_work, j, &err);
        if (rc == MC_OK) {
            j->ok++;
        } else if (rc == MC_EINVAL && strstr(err.msg, "refused") != NULL) {
            j->failed++;
        }
    }
    return NULL;
}

static int64_t count(struct store *st, const char *sql)
{
    struct mc_err err;
    sqlite3_stmt *s = store_stmt(st, sql, &err);
    if (s == NULL || sqlite3_step(s) != SQLITE_ROW) {
        return -1;
    }
    int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return n;
}

static void concurrent_works_group_and_fail_alone(void **state)
{
    (void)state;
    struct mc_err err;
    mc_err_clear(&err);
    struct store *writer;
    assert_int_equal(store_open(path, NULL, &writer, &err), MC_OK);
    struct store_options opt;
    store_options_init(&opt);
    opt.writer = writer;
    struct job jobs[THREADS];
    pthread_t t[THREADS];
    uint64_t works0, commits0;
    store_write_stats(&works0, &commits0);
    for (int i = 0; i < THREADS; i++) {
        memset(&jobs[i], 0, sizeof(jobs[i]));
        jobs[i].thread = i;
        assert_int_equal(store_open(path, &opt, &jobs[i].st, &err), MC_OK);
        pthread_create(&t[i], NULL, worker, &jobs[i]);
    }
    int ok = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        int refused = 0;
        for (int n = 0; n < WORKS; n++) {
            refused += n % 7 == 3;
        }
        assert_int_equal(jobs[i].failed, refused);
        assert_int_equal(jobs[i].ok + jobs[i].failed, WORKS);
        ok += jobs[i].ok;
    }
    /* Every acknowledged work is there, no refused one is. */
    assert_int_equal(count(jobs[0].st, "SELECT count(*) FROM t"), ok);
    assert_int_equal(count(jobs[0].st, "SELECT count(*) FROM t WHERE n % 7 = 3"), 0);
    uint64_t works1, commits1;
    store_write_stats(&works1, &commits1);
    assert_int_equal(works1 - works0, (uint64_t)ok);
    assert_true(commits1 - commits0 <= works1 - works0);
    printf("group commit: %llu works in %llu commits\n", (unsigned long long)(works1 - works0),
           (unsigned long long)(commits1 - commits0));
    for (int i = 0; i < THREADS; i++) {
        store_close(jobs[i].st);
    }
    store_close(writer);
}

/* Works that sleep inside the transaction keep the writer busy, so the
 * works submitted meanwhile must share a commit. */
static enum mc_status slow_work(struct store *st, void *ctx, struct mc_err *err)
{
    usleep(2000);
    return insert_row(st, ctx, err);
}

static void *slow_worker(void *arg)
{
    struct job *j = arg;
    for (j->n = 0; j->n < 20; j->n++) {
        struct mc_err err;
        mc_err_clear(&err);
        if (store_write(j->st, slow_work, j, &err) == MC_OK) {
            j->ok++;
        }
    }
    return NULL;
}

static void busy_writer_groups_works(void **state)
{
    (void)state;
    struct mc_err err;
    mc_err_clear(&err);
    struct store *writer;
    assert_int_equal(store_open(path, NULL, &writer, &err), MC_OK);
    struct store_options opt;
    store_options_init(&opt);
    opt.writer = writer;
    struct job jobs[THREADS];
    pthread_t t[THREADS];
    uint64_t works0, commits0;
    store_write_stats(&works0, &commits0);
    for (int i = 0; i < THREADS; i++) {
        memset(&jobs[i], 0, sizeof(jobs[i]));
        jobs[i].thread = 100 + i;
        assert_int_equal(store_open(path, &opt, &jobs[i].st, &err), MC_OK);
        pthread_create(&t[i], NULL, slow_worker, &jobs[i]);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].ok, 20);
    }
    uint64_t works1, commits1;
    store_write_stats(&works1, &commits1);
    assert_int_equal(works1 - works0, THREADS * 20);
    /* Six threads on one writer that is always busy: far fewer commits. */
    assert_true((commits1 - commits0) * 2 < works1 - works0);
    for (int i = 0; i < THREADS; i++) {
        store_close(jobs[i].st);
    }
    store_close(writer);
}

static void without_writer_a_work_is_a_transaction(void **state)
{
    (void)state;
    struct mc_err err;
    mc_err_clear(&err);
    struct store *st;
    assert_int_equal(store_open(path, NULL, &st, &err), MC_OK);
    int64_t before = count(st, "SELECT count(*) FROM t");
    struct job j = { .st = st, .thread = 200, .n = 3 }; /* 3 % 7 == 3: refused */
    assert_int_equal(store_write(st, insert_work, &j, &err), MC_EINVAL);
    assert_false(store_in_transaction(st));
    assert_int_equal(count(st, "SELECT count(*) FROM t"), before);
    j.n = 4;
    assert_int_equal(store_write(st, insert_work, &j, &err), MC_OK);
    assert_int_equal(count(st, "SELECT count(*) FROM t"), before + 1);
    store_close(st);
}

/* With synchronous=FULL the group commits with NORMAL and syncs the WAL
 * file itself (store_group.c): the writer must be back at FULL for every
 * other transaction, and the WAL file open for the sync. With NORMAL asked
 * for, no sync is added. */
static void group_sync_follows_the_writer_setting(void **state)
{
    (void)state;
    for (int full = 0; full < 2; full++) {
        struct mc_err err;
        mc_err_clear(&err);
        struct store_options wopt;
        store_options_init(&wopt);
        wopt.sync_full = full;
        struct store *writer;
        assert_int_equal(store_open(path, &wopt, &writer, &err), MC_OK);
        struct store_options opt;
        store_options_init(&opt);
        opt.writer = writer;
        opt.sync_full = full;
        struct job j = { .thread = 300 + full, .n = 1 };
        assert_int_equal(store_open(path, &opt, &j.st, &err), MC_OK);
        int64_t before = count(j.st, "SELECT count(*) FROM t");
        assert_int_equal(store_write(j.st, insert_work, &j, &err), MC_OK);
        assert_int_equal(count(j.st, "SELECT count(*) FROM t"), before + 1);
        /* 2 = FULL, 1 = NORMAL (PRAGMA synchronous). */
        assert_int_equal(count(writer, "PRAGMA synchronous"), full ? 2 : 1);
        if (full) {
            assert_true(writer->wal_fd >= 0);
        } else {
            assert_int_equal(writer->wal_fd, -1);
        }
        store_close(j.st);
        store_close(writer);
    }
}

static enum mc_status big_row_work(struct store *st, void *ctx, struct mc_err *err)
{
    (void)ctx;
    sqlite3_stmt *s =
        store_stmt(st, "INSERT INTO t (thread, n) VALUES (400, zeroblob(200000))", err);
    return s ? store_exec_stmt(st, s, "insert", err) : MC_ESTORE;
}

/* With the WAL synced by the group commit, the writer's checkpoints run on
 * a thread of their own (store_checkpoint.c) in place of SQLite's automatic
 * one: once the WAL passes 1000 pages the database file itself must grow,
 * without anyone asking for a checkpoint. */
static void wal_is_checkpointed_off_the_writer(void **state)
{
    (void)state;
    struct mc_err err;
    mc_err_clear(&err);
    struct store_options wopt;
    store_options_init(&wopt);
    wopt.sync_full = true;
    struct store *writer;
    assert_int_equal(store_open(path, &wopt, &writer, &err), MC_OK);
    struct store_options opt;
    store_options_init(&opt);
    opt.writer = writer;
    opt.sync_full = true;
    struct store *st;
    assert_int_equal(store_open(path, &opt, &st, &err), MC_OK);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    /* About 50 pages a row: 30 rows take the WAL past 1000 pages. */
    for (int i = 0; i < 30; i++) {
        assert_int_equal(store_write(st, big_row_work, NULL, &err), MC_OK);
    }
    struct stat now = before;
    for (int waited = 0; waited < 200 && now.st_size < before.st_size + 4000000; waited++) {
        usleep(50000);
        assert_int_equal(stat(path, &now), 0);
    }
    assert_true(now.st_size >= before.st_size + 4000000);
    store_close(st);
    store_close(writer);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concurrent_works_group_and_fail_alone),
        cmocka_unit_test(busy_writer_groups_works),
        cmocka_unit_test(without_writer_a_work_is_a_transaction),
        cmocka_unit_test(group_sync_follows_the_writer_setting),
        cmocka_unit_test(wal_is_checkpointed_off_the_writer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
