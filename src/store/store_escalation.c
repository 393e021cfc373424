/* Escalation timers and in-app notifications: the clocks whose next rung
 * is due, who a rung reaches, and the notifications themselves. */
#include <string.h>

#include "store/store_dossier.h"
#include "store/store_int.h"

static bool state_of(const char *s, enum eng_clock_state *out)
{
    static const char *const names[] = { "idle", "running", "paused", "stopped" };
    for (int i = 0; i < 4; i++) {
        if (s && strcmp(s, names[i]) == 0) {
            *out = (enum eng_clock_state)i;
            return true;
        }
    }
    return false;
}

enum mc_status store_clocks_due(struct store *st, int64_t now, struct store_due_clock *out,
                                size_t cap, size_t *n, struct mc_err *err)
{
    *n = 0;
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT dossier, kind = 'step', state, budget, consumed, running_since, paused_since,"
        " waited, fired FROM clocks WHERE next_rung_at <= ?1 ORDER BY next_rung_at LIMIT ?2",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, now);
    store_bind_i64(s, 2, (int64_t)cap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        struct store_due_clock *d = &out[*n];
        memset(d, 0, sizeof(*d));
        d->dossier = sqlite3_column_int64(s, 0);
        d->step = sqlite3_column_int(s, 1) != 0;
        if (!state_of((const char *)sqlite3_column_text(s, 2), &d->clock.state)) {
            continue;
        }
        d->clock.budget = sqlite3_column_int64(s, 3);
        d->clock.consumed = sqlite3_column_int64(s, 4);
        d->clock.running_since = sqlite3_column_int64(s, 5);
        d->clock.paused_since = sqlite3_column_int64(s, 6);
        d->clock.waited = sqlite3_column_int64(s, 7);
        d->fired = (uint32_t)sqlite3_column_int64(s, 8);
        (*n)++;
    }
    enum mc_status ret =
        rc == SQLITE_ROW || rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "due clocks");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_clock_fire(struct store *st, int64_t dossier, bool step, uint32_t fired,
                                int64_t next_rung_at, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE clocks SET fired = ?3, next_rung_at = ?4"
                                 " WHERE dossier = ?1 AND kind = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_text(s, 2, step ? "step" : "dossier");
    store_bind_i64(s, 3, fired);
    if (next_rung_at > 0) {
        store_bind_i64(s, 4, next_rung_at);
    }
    return store_exec_stmt(st, s, "recording fired rungs", err);
}

static enum mc_status ids(struct store *st, sqlite3_stmt *s, int64_t unit, int64_t *out, size_t cap,
                          size_t *n, struct mc_err *err)
{
    *n = 0;
    store_bind_i64(s, 1, unit);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n < cap) {
            out[(*n)++] = sqlite3_column_int64(s, 0);
        }
    }
    enum mc_status ret = rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "escalation people");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_unit_heads(struct store *st, int64_t unit, int64_t *out, size_t cap, size_t *n,
                                struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT r.person FROM person_roles r JOIN people p ON"
                                 " p.id = r.person WHERE r.unit = ?1 AND r.role = 'head'"
                                 " AND p.disabled = 0 ORDER BY r.person",
                                 err);
    return s ? ids(st, s, unit, out, cap, n, err) : MC_ESTORE;
}

enum mc_status store_unit_leaders(struct store *st, int64_t unit, int64_t *out, size_t cap,
                                  size_t *n, struct mc_err *err)
{
    /* The deputy directors in charge of the unit; the director when none is. */
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT person FROM person_in_charge WHERE unit = ?1"
        " UNION SELECT r.person FROM person_roles r WHERE r.role = 'director'"
        " AND NOT EXISTS (SELECT 1 FROM person_in_charge c WHERE c.unit = ?1) ORDER BY 1",
        err);
    return s ? ids(st, s, unit, out, cap, n, err) : MC_ESTORE;
}

enum mc_status store_notifications_json(struct store *st, int64_t person, bool unread_only,
                                        char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object('id', n.id,"
        " 'kind', n.kind, 'message', n.message,"
        " 'dossier', (SELECT coalesce(d.code, d.ref) FROM dossiers d WHERE d.id = n.dossier),"
        " 'created_at', strftime('%Y-%m-%dT%H:%M:00+07:00', n.created_at * 60 + 25200,"
        " 'unixepoch'), 'read', json(iif(n.read_at IS NULL, 'false', 'true'))) AS j"
        " FROM notifications n WHERE n.person = ?1 AND (?2 = 0 OR n.read_at IS NULL)"
        " ORDER BY n.id DESC LIMIT 200)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    store_bind_i64(s, 2, unread_only);
    return store_json_row(st, s, "reading notifications", json, err);
}

enum mc_status store_notification_read(struct store *st, int64_t person, int64_t id, int64_t now,
                                       struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE notifications SET read_at = coalesce(read_at, ?3)"
                                 " WHERE id = ?1 AND person = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    store_bind_i64(s, 2, person);
    store_bind_i64(s, 3, now);
    enum mc_status rc = store_exec_stmt(st, s, "marking a notification read", err);
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such notification");
    }
    return rc;
}
