/* Numbered migrations embedded in the binary (src/store/sql/NNNN_name.sql),
 * applied in order, each in its own transaction, recorded in
 * schema_migrations. A migration once released never changes: add a new one. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embed.h"
#include "base/log.h"
#include "base/parse.h"
#include "store/store.h"
#include "store/store_int.h"

extern const struct mc_embedded store_migrations[];

static int migration_version(const struct mc_embedded *m)
{
    char num[5];
    memcpy(num, m->name, 4);
    num[4] = '\0';
    int64_t v = 0;
    MC_ASSERT(mc_parse_i64(num, 1, 9999, &v) && m->name[4] == '_');
    return (int)v;
}

static int latest_of(const struct mc_embedded *list)
{
    int latest = 0;
    for (const struct mc_embedded *m = list; m->name; m++) {
        int v = migration_version(m);
        latest = v > latest ? v : latest;
    }
    return latest;
}

int store_schema_latest(void)
{
    return latest_of(store_migrations);
}

static enum mc_status ensure_table(struct store *st, struct mc_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db,
                     "CREATE TABLE IF NOT EXISTS schema_migrations ("
                     " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
                     NULL, NULL, &msg) != SQLITE_OK) {
        enum mc_status rc = mc_fail(err, MC_ESTORE, "cannot create the migrations table");
        mc_err_detail(err, "%s", msg ? msg : "?");
        sqlite3_free(msg);
        return rc;
    }
    return MC_OK;
}

/* One integer from a query with an optional ?1. */
static enum mc_status query_int(struct store *st, const char *sql, int arg, int *out,
                                struct mc_err *err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        return store_fail_db(st, err, "reading the schema version");
    }
    sqlite3_bind_int(s, 1, arg);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return store_fail_db(st, err, "reading the schema version");
    }
    *out = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return MC_OK;
}

static enum mc_status is_applied(struct store *st, int version, bool *yes, struct mc_err *err)
{
    int n = 0;
    enum mc_status rc = query_int(st, "SELECT count(*) FROM schema_migrations WHERE version = ?1",
                                  version, &n, err);
    *yes = n > 0;
    return rc;
}

/* MC_ECONFLICT when the database has a version newer than any of `list`. */
static enum mc_status not_newer(struct store *st, const struct mc_embedded *list,
                                struct mc_err *err)
{
    int highest = 0;
    enum mc_status rc = ensure_table(st, err);
    if (rc == MC_OK) {
        rc = query_int(st, "SELECT coalesce(max(version), 0) FROM schema_migrations", 0, &highest,
                       err);
    }
    if (rc == MC_OK && highest > latest_of(list)) {
        rc = mc_fail(err, MC_ECONFLICT,
                     "the database schema (version %d) is newer than this motcua (version %d)",
                     highest, latest_of(list));
    }
    return rc;
}

static enum mc_status apply_one(struct store *st, const struct mc_embedded *m, int version,
                                struct mc_err *err)
{
    enum mc_status rc = store_begin(st, err);
    if (rc != MC_OK) {
        return rc;
    }
    char *msg = NULL;
    if (sqlite3_exec(st->db, m->data, NULL, NULL, &msg) != SQLITE_OK) {
        rc = mc_fail(err, MC_ESTORE, "migration %s failed", m->name);
        mc_err_detail(err, "%s", msg ? msg : "?");
        sqlite3_free(msg);
        store_rollback(st);
        return rc;
    }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "INSERT INTO schema_migrations(version, name) VALUES (?1, ?2)",
                           -1, &s, NULL) != SQLITE_OK) {
        rc = store_fail_db(st, err, "recording a migration");
        store_rollback(st);
        return rc;
    }
    sqlite3_bind_int(s, 1, version);
    sqlite3_bind_text(s, 2, m->name, -1, SQLITE_STATIC);
    int step = sqlite3_step(s);
    sqlite3_finalize(s);
    if (step != SQLITE_DONE) {
        rc = store_fail_db(st, err, "recording a migration");
        store_rollback(st);
        return rc;
    }
    return store_commit(st, err);
}

/* Migrations written on parallel branches may be merged in any order, so a
 * version missing below the highest applied one is still to apply, not to
 * skip. */
enum mc_status store_migrate_list(struct store *st, const struct mc_embedded *list, int *applied,
                                  struct mc_err *err)
{
    int count = 0;
    enum mc_status rc = not_newer(st, list, err);
    /* The embedded table is sorted by file name, hence by version. */
    for (const struct mc_embedded *m = list; rc == MC_OK && m->name; m++) {
        int v = migration_version(m);
        bool done = false;
        rc = is_applied(st, v, &done, err);
        if (rc == MC_OK && !done) {
            rc = apply_one(st, m, v, err);
            if (rc == MC_OK) {
                mc_log(MC_LOG_INFO, "migration applied", "version=%d name=%s", v, m->name);
                count++;
            }
        }
    }
    if (applied) {
        *applied = count;
    }
    return rc;
}

enum mc_status store_migrate(struct store *st, int *applied, struct mc_err *err)
{
    return store_migrate_list(st, store_migrations, applied, err);
}

enum mc_status store_schema_check_list(struct store *st, const struct mc_embedded *list,
                                       struct mc_err *err)
{
    enum mc_status rc = not_newer(st, list, err);
    for (const struct mc_embedded *m = list; rc == MC_OK && m->name; m++) {
        bool done = false;
        rc = is_applied(st, migration_version(m), &done, err);
        if (rc == MC_OK && !done) {
            rc = mc_fail(err, MC_ECONFLICT,
                         "database schema lacks migration %s: run motcua migrate", m->name);
        }
    }
    return rc;
}

enum mc_status store_schema_check(struct store *st, struct mc_err *err)
{
    return store_schema_check_list(st, store_migrations, err);
}
