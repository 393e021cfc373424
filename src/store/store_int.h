/* Private to src/store: the SQLite connection, the prepared-statement cache
 * and helpers shared by the store_<area>.c files. */
#ifndef MC_STORE_INT_H
#define MC_STORE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "store/store.h"

enum { STORE_STMT_SLOTS = 512 };

struct store_stmt_slot {
    const char *sql; /* the key: a string literal's address */
    sqlite3_stmt *stmt;
};

struct store_cache;
struct store_steps_cache;

struct store {
    sqlite3 *db;
    bool in_tx;
    struct store_cache *cache; /* read models, store_cache.h; NULL until used */
    /* The steps of the last process version loaded (store_dossier_steps):
     * a version's steps never change once written, and every transition
     * and dossier view needs them. NULL until used. */
    struct store_steps_cache *steps_cache;
    struct store_stmt_slot *slots; /* STORE_STMT_SLOTS */
    /* store_options.writer: store_begin swaps db, cache, steps_cache and
     * slots with it, store_commit / store_rollback swap them back. */
    struct store *writer;
    /* synchronous=FULL was asked for (store_options.sync_full). */
    bool sync_full;
    /* The WAL file, opened by store_group.c to make a group's commit durable
     * after releasing the writer; -1 until then. */
    int wal_fd;
};

/* The cached prepared statement for `sql`, which must be a string literal
 * (the cache is keyed by its address). It comes back reset with its bindings
 * cleared. NULL on a prepare error (err set). Do not hold one statement in
 * two places at once. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct mc_err *err);

/* Run one SQL text with sqlite3_exec (err may be NULL). */
enum mc_status store_exec_sql(struct store *st, const char *sql, struct mc_err *err);
/* The hook of store_set_begin_hook, if any, on st (after BEGIN IMMEDIATE). */
void store_begin_hook_run(struct store *st);

/* The process-wide writer lock of store_begin, and the swap of a
 * connection with its shared writer (store_options.writer) under it:
 * store_group.c runs other threads' work on the writer with them. */
void store_writer_lock(void);
void store_writer_unlock(void);
void store_swap_writer(struct store *st);

/* From now on the writer's WAL checkpoints run on a thread of their own
 * instead of inside the COMMIT that fills the WAL (store_checkpoint.c). */
void store_checkpoint_in_background(struct store *writer);

/* Convert the connection's last error into err: constraint violations become
 * MC_ECONFLICT, everything else MC_ESTORE, the SQLite message goes to detail. */
enum mc_status store_fail_db(struct store *st, struct mc_err *err, const char *what);

/* Step a statement that returns no rows; expects SQLITE_DONE. */
enum mc_status store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *what,
                               struct mc_err *err) MC_MUST_CHECK;

/* Bind helpers: NULL binds SQL NULL. Indexes start at 1. */
void store_bind_text(sqlite3_stmt *s, int idx, const char *text);
void store_bind_i64(sqlite3_stmt *s, int idx, int64_t v);
void store_bind_double(sqlite3_stmt *s, int idx, double v);

/* Copy of a text column (mc_xstrdup; NULL for SQL NULL). */
char *store_col_dup(sqlite3_stmt *s, int col);
/* The integer id that `sql` (one text parameter, one integer column, a
 * literal) finds for key; MC_ENOTFOUND "no <what> <key>" when none. */
enum mc_status store_id_of(struct store *st, const char *sql, const char *key, const char *what,
                           int64_t *id, struct mc_err *err) MC_MUST_CHECK;

/* Run a statement whose single row, single column is a JSON text built in
 * SQL; *json is malloc'd (free()). MC_ENOTFOUND when no row. */
enum mc_status store_json_row(struct store *st, sqlite3_stmt *s, const char *what, char **json,
                              struct mc_err *err) MC_MUST_CHECK;

/* store_migrate / store_schema_check over another list of migrations
 * (sorted by name, NULL-terminated): for tests of the runner itself. */
struct mc_embedded;
enum mc_status store_migrate_list(struct store *st, const struct mc_embedded *list, int *applied,
                                  struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_schema_check_list(struct store *st, const struct mc_embedded *list,
                                       struct mc_err *err) MC_MUST_CHECK;

#endif
