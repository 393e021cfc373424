/* Recurring internal tasks: the rule columns of procedures and the
 * recurrence_runs table (0013_recurrence.sql). */
#include "store/store_recur.h"

#include <string.h>

#include "store/store_int.h"

static void bind_opt(sqlite3_stmt *s, int idx, int v)
{
    if (v > 0) {
        sqlite3_bind_int(s, idx, v);
    } else {
        sqlite3_bind_null(s, idx);
    }
}

/* Columns every, month, day, weekday, lead from `col` on into *r. */
static void read_rule(sqlite3_stmt *s, int col, struct core_recur *r)
{
    memset(r, 0, sizeof(*r));
    r->lead = -1;
    const char *every = (const char *)sqlite3_column_text(s, col);
    if (every == NULL || !core_recur_every_parse(every, &r->every)) {
        r->every = CORE_RECUR_NONE;
        return;
    }
    r->month = sqlite3_column_int(s, col + 1);
    r->day = sqlite3_column_int(s, col + 2);
    r->weekday = sqlite3_column_int(s, col + 3);
    if (sqlite3_column_type(s, col + 4) != SQLITE_NULL) {
        r->lead = sqlite3_column_int(s, col + 4);
    }
}

enum mc_status store_recur_get(struct store *st, const char *code, struct core_recur *r,
                               struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT recur_every, recur_month, recur_day, recur_weekday,"
                                 " recur_lead FROM procedures WHERE code = ?1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        read_rule(s, 0, r);
    } else if (rc == SQLITE_DONE) {
        ret = mc_fail_field(err, MC_ENOTFOUND, "code", "no procedure %s", code);
    } else {
        ret = store_fail_db(st, err, "reading a recurrence");
    }
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_recur_put(struct store *st, const char *code, const struct core_recur *r,
                               int64_t now, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT kind FROM procedures WHERE code = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    bool internal =
        rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "internal") == 0;
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail_field(err, MC_ENOTFOUND, "code", "no procedure %s", code);
    }
    if (rc != SQLITE_ROW) {
        return store_fail_db(st, err, "reading a procedure");
    }
    bool set = r != NULL && r->every != CORE_RECUR_NONE;
    if (set && !internal) {
        return mc_fail_field(err, MC_EINVAL, "recurrence",
                             "recurrence: %s is an administrative procedure (TTHC); only an "
                             "internal work item recurs",
                             code);
    }
    /* recur_since moves only when the rule itself changes. */
    s = store_stmt(st,
                   "UPDATE procedures SET recur_since = CASE WHEN ?2 IS NULL THEN NULL"
                   " WHEN recur_every IS ?2 AND recur_month IS ?3 AND recur_day IS ?4"
                   " AND recur_weekday IS ?5 AND recur_lead IS ?6 THEN recur_since ELSE ?7 END,"
                   " recur_every = ?2, recur_month = ?3, recur_day = ?4, recur_weekday = ?5,"
                   " recur_lead = ?6 WHERE code = ?1",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, set ? core_recur_every_name(r->every) : NULL);
    bind_opt(s, 3, set ? r->month : 0);
    bind_opt(s, 4, set ? r->day : 0);
    bind_opt(s, 5, set ? r->weekday : 0);
    if (set && r->lead >= 0) {
        sqlite3_bind_int(s, 6, r->lead);
    } else {
        sqlite3_bind_null(s, 6);
    }
    store_bind_i64(s, 7, now);
    return store_exec_stmt(st, s, "saving a recurrence", err);
}

/* The columns of a recurring item, from the procedures row p. */
#define ITEM_COLUMNS                                                                        \
    "SELECT p.code, p.name, p.recur_every, p.recur_month, p.recur_day, p.recur_weekday,"    \
    " p.recur_lead, coalesce(p.recur_since, 0),"                                            \
    " (SELECT c.limit_halves * CASE c.limit_unit WHEN 'working_hours' THEN 30 ELSE 240 END" \
    "  FROM cases c WHERE c.procedure_id = p.id ORDER BY c.ord LIMIT 1)"                    \
    " FROM procedures p WHERE p.kind = 'internal' AND p.recur_every IS NOT NULL"

static void read_item(sqlite3_stmt *s, struct store_recur_item *it)
{
    memset(it, 0, sizeof(*it));
    const char *code = (const char *)sqlite3_column_text(s, 0);
    const char *name = (const char *)sqlite3_column_text(s, 1);
    strncpy(it->code, code ? code : "", sizeof(it->code) - 1);
    strncpy(it->name, name ? name : "", sizeof(it->name) - 1);
    read_rule(s, 2, &it->rule);
    it->since = sqlite3_column_int64(s, 7);
    it->limit_minutes = sqlite3_column_int64(s, 8);
}

enum mc_status store_recur_items(struct store *st, const char *after, struct store_recur_item *out,
                                 size_t cap, size_t *n, struct mc_err *err)
{
    *n = 0;
    sqlite3_stmt *s = store_stmt(st, ITEM_COLUMNS " AND p.code > ?1 ORDER BY p.code LIMIT ?2", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, after);
    store_bind_i64(s, 2, (int64_t)cap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        read_item(s, &out[*n]);
        (*n)++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return store_fail_db(st, err, "reading the recurring items");
    }
    return MC_OK;
}

enum mc_status store_recur_item(struct store *st, const char *code, struct store_recur_item *out,
                                bool *found, struct mc_err *err)
{
    *found = false;
    sqlite3_stmt *s = store_stmt(st, ITEM_COLUMNS " AND p.code = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        read_item(s, out);
        *found = true;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return store_fail_db(st, err, "reading a recurring item");
    }
    return MC_OK;
}

enum mc_status store_recur_claim(struct store *st, const char *code, const char *period,
                                 int64_t now, bool *claimed, struct mc_err *err)
{
    *claimed = false;
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO recurrence_runs(item, period, opened_at)"
                                 " VALUES (?1, ?2, ?3) ON CONFLICT(item, period) DO NOTHING",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, period);
    store_bind_i64(s, 3, now);
    enum mc_status rc = store_exec_stmt(st, s, "recording a period", err);
    if (rc == MC_OK) {
        *claimed = sqlite3_changes(st->db) == 1;
    }
    return rc;
}

enum mc_status store_recur_opened(struct store *st, const char *code, const char *period,
                                  bool *opened, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st, "SELECT EXISTS (SELECT 1 FROM recurrence_runs WHERE item = ?1 AND period = ?2)", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, period);
    int rc = sqlite3_step(s);
    *opened = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? MC_OK : store_fail_db(st, err, "reading the periods opened");
}

enum mc_status store_recur_link(struct store *st, const char *code, const char *period,
                                int64_t dossier, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st, "UPDATE recurrence_runs SET dossier = ?3 WHERE item = ?1 AND period = ?2", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, period);
    store_bind_i64(s, 3, dossier);
    return store_exec_stmt(st, s, "recording a period's case", err);
}

enum mc_status store_recur_system_person(struct store *st, int64_t *id, struct mc_err *err)
{
    /* By kind (0016), not by name: the one person of kind 'system'. */
    return store_id_of(st, "SELECT id FROM people WHERE kind = ?1 ORDER BY id LIMIT 1", "system",
                       "system actor", id, err);
}
