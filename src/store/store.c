#include "store/store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "store/store_cache.h"
#include "store/store_int.h"

/* One writer at a time in this process (design.md §6: racing SQLite writers
 * push p99 latency past a second). Other processes are held off by
 * busy_timeout. */
static pthread_mutex_t writer_lock = PTHREAD_MUTEX_INITIALIZER;

void store_options_init(struct store_options *opt)
{
    opt->sync_full = true;
    opt->busy_timeout_ms = 5000;
    opt->readonly = false;
    opt->writer = NULL;
}

enum mc_status store_exec_sql(struct store *st, const char *sql, struct mc_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        enum mc_status rc = mc_fail(err, MC_ESTORE, "database statement failed");
        mc_err_detail(err, "%s: %s", sql, msg ? msg : "?");
        sqlite3_free(msg);
        return rc;
    }
    return MC_OK;
}

enum mc_status store_open(const char *path, const struct store_options *opt, struct store **out,
                          struct mc_err *err)
{
    struct store_options defaults;
    if (opt == NULL) {
        store_options_init(&defaults);
        opt = &defaults;
    }
    struct store *st = mc_xcalloc(1, sizeof(*st));
    st->slots = mc_xcalloc(STORE_STMT_SLOTS, sizeof(*st->slots));
    st->writer = opt->readonly ? NULL : opt->writer;
    st->sync_full = opt->sync_full;
    st->wal_fd = -1;
    int flags = opt->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        enum mc_status rc = mc_fail(err, MC_ESTORE, "cannot open database %s", path);
        mc_err_detail(err, "%s", st->db ? sqlite3_errmsg(st->db) : "out of memory");
        store_close(st);
        return rc;
    }
    sqlite3_extended_result_codes(st->db, 1);
    /* busy_timeout before WAL, or early writers fail with "database is locked". */
    sqlite3_busy_timeout(st->db, opt->busy_timeout_ms);
    enum mc_status rc = store_exec_sql(st, "PRAGMA foreign_keys=ON", err);
    if (rc == MC_OK && !opt->readonly) {
        rc = store_exec_sql(st, "PRAGMA journal_mode=WAL", err);
    }
    if (rc == MC_OK) {
        rc = store_exec_sql(
            st, opt->sync_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", err);
    }
    if (rc != MC_OK) {
        store_close(st);
        return rc;
    }
    *out = st;
    return MC_OK;
}

void store_close(struct store *st)
{
    if (st == NULL) {
        return;
    }
    if (st->in_tx) {
        store_rollback(st);
    }
    store_cache_free(st);
    free(st->steps_cache);
    for (size_t i = 0; i < STORE_STMT_SLOTS; i++) {
        sqlite3_finalize(st->slots[i].stmt);
    }
    free(st->slots);
    if (st->wal_fd >= 0) {
        close(st->wal_fd);
    }
    sqlite3_close(st->db);
    free(st);
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct mc_err *err)
{
    uintptr_t h = (uintptr_t)sql;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15u;
    size_t i = (size_t)(h >> 40) % STORE_STMT_SLOTS;
    for (size_t probe = 0; probe < STORE_STMT_SLOTS; probe++, i = (i + 1) % STORE_STMT_SLOTS) {
        struct store_stmt_slot *slot = &st->slots[i];
        if (slot->sql == sql) {
            sqlite3_reset(slot->stmt);
            sqlite3_clear_bindings(slot->stmt);
            return slot->stmt;
        }
        if (slot->sql == NULL) {
            if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL) !=
                SQLITE_OK) {
                mc_fail(err, MC_ESTORE, "database statement failed");
                mc_err_detail(err, "prepare: %s: %s", sqlite3_errmsg(st->db), sql);
                slot->stmt = NULL;
                return NULL;
            }
            slot->sql = sql;
            return slot->stmt;
        }
    }
    mc_assert_fail("statement cache full: raise STORE_STMT_SLOTS", __FILE__, __LINE__);
}

enum mc_status store_fail_db(struct store *st, struct mc_err *err, const char *what)
{
    int code = sqlite3_errcode(st->db) & 0xff;
    enum mc_status rc;
    if (code == SQLITE_CONSTRAINT) {
        rc = mc_fail(err, MC_ECONFLICT, "%s conflicts with existing data", what);
    } else {
        rc = mc_fail(err, MC_ESTORE, "%s failed in the database", what);
    }
    mc_err_detail(err, "%s: %s", what, sqlite3_errmsg(st->db));
    return rc;
}

enum mc_status store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what,
                               struct mc_err *err)
{
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        enum mc_status st_rc = store_fail_db(st, err, what);
        sqlite3_reset(s);
        return st_rc;
    }
    sqlite3_reset(s);
    return MC_OK;
}

void store_bind_text(sqlite3_stmt *s, int idx, const char *text)
{
    if (text == NULL) {
        sqlite3_bind_null(s, idx);
    } else {
        sqlite3_bind_text(s, idx, text, -1, SQLITE_TRANSIENT);
    }
}

void store_bind_i64(sqlite3_stmt *s, int idx, int64_t v)
{
    sqlite3_bind_int64(s, idx, v);
}

void store_bind_double(sqlite3_stmt *s, int idx, double v)
{
    sqlite3_bind_double(s, idx, v);
}

char *store_col_dup(sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    return t ? mc_xstrdup((const char *)t) : NULL;
}

enum mc_status store_id_of(struct store *st, const char *sql, const char *key, const char *what,
                           int64_t *id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, key);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        return MC_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "no %s %s", what, key);
    }
    return store_fail_db(st, err, what);
}

enum mc_status store_json_row(struct store *st, sqlite3_stmt *s, const char *what, char **json,
                              struct mc_err *err)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(s, 0);
        int n = sqlite3_column_bytes(s, 0);
        *json = mc_xstrndup(t ? (const char *)t : "null", t ? (size_t)n : 4);
        sqlite3_reset(s);
        return MC_OK;
    }
    if (rc == SQLITE_DONE) {
        sqlite3_reset(s);
        return mc_fail(err, MC_ENOTFOUND, "%s not found", what);
    }
    enum mc_status out = store_fail_db(st, err, what);
    sqlite3_reset(s);
    return out;
}

void store_writer_lock(void)
{
    pthread_mutex_lock(&writer_lock);
}

void store_writer_unlock(void)
{
    pthread_mutex_unlock(&writer_lock);
}

/* With a shared writer (store_options.writer), st takes its connection for
 * the transaction; called under writer_lock, once to take, once to give back. */
void store_swap_writer(struct store *st)
{
    struct store *w = st->writer;
    if (w == NULL) {
        return;
    }
    MC_ASSERT(!w->in_tx);
    sqlite3 *db = st->db;
    st->db = w->db;
    w->db = db;
    struct store_cache *cache = st->cache;
    st->cache = w->cache;
    w->cache = cache;
    struct store_steps_cache *steps = st->steps_cache;
    st->steps_cache = w->steps_cache;
    w->steps_cache = steps;
    struct store_stmt_slot *slots = st->slots;
    st->slots = w->slots;
    w->slots = slots;
}

static _Atomic(store_begin_hook_fn *) begin_hook;

void store_set_begin_hook(store_begin_hook_fn *fn)
{
    atomic_store(&begin_hook, fn);
}

void store_begin_hook_run(struct store *st)
{
    store_begin_hook_fn *fn = atomic_load(&begin_hook);
    if (fn != NULL) {
        fn(st);
    }
}

enum mc_status store_begin(struct store *st, struct mc_err *err)
{
    MC_ASSERT(!st->in_tx);
    pthread_mutex_lock(&writer_lock);
    store_swap_writer(st);
    enum mc_status rc = store_exec_sql(st, "BEGIN IMMEDIATE", err);
    if (rc != MC_OK) {
        store_swap_writer(st);
        pthread_mutex_unlock(&writer_lock);
        return rc;
    }
    st->in_tx = true;
    store_begin_hook_run(st);
    return MC_OK;
}

enum mc_status store_commit(struct store *st, struct mc_err *err)
{
    MC_ASSERT(st->in_tx);
    enum mc_status rc = store_exec_sql(st, "COMMIT", err);
    if (rc != MC_OK) {
        store_exec_sql(st, "ROLLBACK", NULL);
    }
    st->in_tx = false;
    store_swap_writer(st);
    pthread_mutex_unlock(&writer_lock);
    return rc;
}

void store_rollback(struct store *st)
{
    if (!st->in_tx) {
        return;
    }
    (void)store_exec_sql(st, "ROLLBACK", NULL);
    st->in_tx = false;
    store_swap_writer(st);
    pthread_mutex_unlock(&writer_lock);
}

bool store_in_transaction(const struct store *st)
{
    return st->in_tx;
}

enum mc_status store_ping(struct store *st, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT 1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    if (sqlite3_step(s) != SQLITE_ROW) {
        return store_fail_db(st, err, "ping");
    }
    sqlite3_reset(s);
    return MC_OK;
}
