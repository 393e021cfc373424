/* Calendar changes and the deadlines they moved (0014_reschedules.sql). */
#include "store/store_reschedule.h"

#include "store/store_dossier_sql.h"
#include "store/store_int.h"

enum mc_status store_open_dossier_ids(struct store *st, int64_t after, int64_t *ids, size_t cap,
                                      size_t *n, struct mc_err *err)
{
    *n = 0;
    /* By rowid: the updates between batches touch no column of this scan's
     * order, and each batch starts after the last id seen. */
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT id FROM dossiers WHERE id > ?1 AND status IN (2, 4, 5, 6)"
                                 " ORDER BY id LIMIT ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, after);
    store_bind_i64(s, 2, (int64_t)cap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        ids[(*n)++] = sqlite3_column_int64(s, 0);
    }
    enum mc_status ret = rc == SQLITE_ROW || rc == SQLITE_DONE
                             ? MC_OK
                             : store_fail_db(st, err, "listing open dossiers");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_branch_fired(struct store *st, int64_t dossier, int64_t ord, bool *exists,
                                  uint32_t *fired, int64_t *next_rung_at, struct mc_err *err)
{
    *exists = false;
    *fired = 0;
    *next_rung_at = 0;
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT fired, coalesce(next_rung_at, 0) FROM dossier_branches"
                                 " WHERE dossier = ?1 AND ord = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_i64(s, 2, ord);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *exists = true;
        *fired = (uint32_t)sqlite3_column_int64(s, 0);
        *next_rung_at = sqlite3_column_int64(s, 1);
    }
    enum mc_status ret = rc == SQLITE_ROW || rc == SQLITE_DONE
                             ? MC_OK
                             : store_fail_db(st, err, "reading a branch's rungs");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_calendar_change_begin(struct store *st, int64_t now, int64_t person,
                                           const char *source, size_t text_length, int64_t *change,
                                           struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO calendar_changes (at, actor, text_length, scanned,"
        " rescheduled, appointments, source) VALUES (?1, nullif(?2, 0), ?3, 0, 0, 0, ?4)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, now);
    store_bind_i64(s, 2, person);
    store_bind_i64(s, 3, (int64_t)text_length);
    store_bind_text(s, 4, source);
    enum mc_status rc = store_exec_stmt(st, s, "recording a calendar change", err);
    if (rc == MC_OK) {
        *change = sqlite3_last_insert_rowid(sqlite3_db_handle(s));
    }
    return rc;
}

enum mc_status store_calendar_change_done(struct store *st, int64_t change, int64_t scanned,
                                          int64_t rescheduled, int64_t appointments,
                                          struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE calendar_changes SET scanned = ?2, rescheduled = ?3,"
                                 " appointments = ?4 WHERE id = ?1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, change);
    store_bind_i64(s, 2, scanned);
    store_bind_i64(s, 3, rescheduled);
    store_bind_i64(s, 4, appointments);
    return store_exec_stmt(st, s, "counting a calendar change", err);
}

enum mc_status store_reschedule_add(struct store *st, int64_t change,
                                    const struct store_reschedule_row *r, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO reschedules (change, dossier, due_before, due_after,"
                                 " legal_before, legal_after, transfer_before, transfer_after)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, change);
    store_bind_i64(s, 2, r->dossier);
    store_bind_i64(s, 3, r->due_before);
    store_bind_i64(s, 4, r->due_after);
    store_bind_i64(s, 5, r->legal_before);
    store_bind_i64(s, 6, r->legal_after);
    store_bind_i64(s, 7, r->transfer_before);
    store_bind_i64(s, 8, r->transfer_after);
    return store_exec_stmt(st, s, "recording a moved deadline", err);
}

enum mc_status store_calendar_change_last(struct store *st, int64_t *change, struct mc_err *err)
{
    *change = 0;
    sqlite3_stmt *s = store_stmt(st, "SELECT coalesce(max(id), 0) FROM calendar_changes", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *change = sqlite3_column_int64(s, 0);
    }
    enum mc_status ret =
        rc == SQLITE_ROW ? MC_OK : store_fail_db(st, err, "reading the last calendar change");
    sqlite3_reset(s);
    return ret;
}

/* clang-format mangles the T()/PERSON() macros spliced into the SQL. */
// clang-format off
#define FROM_TO(a, b) "json_object('from', " T(a) ", 'to', " T(b) ")"

enum mc_status store_dossier_reschedules_json(struct store *st, int64_t dossier, char **json,
                                              struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(x.j)), '[]') FROM (SELECT json_object("
        " 'change', c.id, 'at', " T("c.at") ", 'by', " PERSON("c.actor") ","
        " 'source', c.source, 'reason', 'agency_calendar',"
        " 'appointment', " FROM_TO("r.due_before", "r.due_after") ","
        " 'legal_due', " FROM_TO("r.legal_before", "r.legal_after") ","
        " 'transfer_by', json(CASE WHEN r.transfer_before <> r.transfer_after THEN "
        FROM_TO("r.transfer_before", "r.transfer_after") " END)) AS j"
        " FROM reschedules r JOIN calendar_changes c ON c.id = r.change"
        " WHERE r.dossier = ?1 ORDER BY r.change) AS x",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    return store_json_row(st, s, "reading a dossier's reschedules", json, err);
}
// clang-format on
