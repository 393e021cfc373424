/* The dossiers behind a figure of the dashboard (drill-down) and the
 * control team's list of late dossiers: one filtered, scoped list built in
 * SQL as JSON text, and the per-key statistics with the dossiers still open.
 *
 * The list keys match the counters exactly, so that clicking a bar lists
 * the dossiers it counted: a finished outcome (early, on_time, late) is the
 * finishing event's day, the dossier's responsible unit, its procedure and
 * the event's actor (the counters' officer); in_progress and overdue are
 * dossiers open now (statuses 1, 2, 4, 5, 6), keyed by their holder.
 *
 * clang-format is off for this file for the reason given in
 * store_dossier_json.c (macros spliced into SQL). */
#include <string.h>

#include "store/store_dossier.h"
#include "store/store_int.h"

// clang-format off

#define T(x) "strftime('%Y-%m-%dT%H:%M:00+07:00', (" x ") * 60 + 25200, 'unixepoch')"
#define PERSON(id)                                                                       \
    "(SELECT json_object('id', p.id, 'username', p.username, 'full_name', p.full_name)" \
    " FROM people p WHERE p.id = " id ")"
#define UNIT(id)                                                                      \
    "(SELECT json_object('id', u.id, 'code', u.code, 'name', u.name) FROM units u" \
    " WHERE u.id = " id ")"
#define STEP(ver, key)                                                                   \
    "(SELECT json_object('key', s.key, 'name', s.name, 'unit', s.unit)"                  \
    " FROM steps s WHERE s.version_id = " ver " AND s.key = " key ")"
#define CLOCK(kind)                                                                      \
    "(SELECT json_object('state', c.state, 'budget', c.budget, 'consumed', c.consumed," \
    " 'running_since', c.running_since) FROM clocks c"                                 \
    " WHERE c.dossier = d.id AND c.kind = '" kind "')"
/* The event that finished the dossier (status 8 or 9), if any. */
#define FINISH_EVENT                                                                \
    "(SELECT e.actor FROM events e WHERE e.dossier = d.id AND e.finish <> 'none'" \
    " ORDER BY e.seq DESC LIMIT 1)"
#define OPEN_STATUSES "(1, 2, 4, 5, 6)"

/* ?1 outcome (NULL: received in the period), ?2/?3 first/last civil day
 * YYYYMMDD (NULL: unbounded), ?4/?5 the same period in minutes [from, to),
 * ?6 unit id, ?7 procedure id, ?8 officer id, ?9 readable unit codes as a
 * JSON array (NULL: every unit), ?10 the caller (always sees what he or she
 * holds), ?11 row cap. */
static const char LIST_SQL[] =
    "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object("
    " 'code', d.code, 'ref', d.ref, 'status', d.status, 'verdict', d.verdict,"
    " 'procedure', (SELECT json_object('code', p.code, 'name', p.name) FROM procedures p"
    "   WHERE p.id = d.procedure_id),"
    " 'unit', " UNIT("d.unit") ", 'step_unit', " UNIT("d.step_unit") ","
    " 'desk_unit', " UNIT("d.desk_unit") ","
    " 'applicant_name', d.applicant_name,"
    " 'received_at', " T("d.received_at") ", 'due_at', " T("d.due_at") ","
    " 'legal_due_at', " T("d.legal_due_at") ", 'finished_at', " T("d.finished_at") ","
    " 'step', " STEP("d.version_id", "d.step") ", 'holder', " PERSON("d.holder") ","
    " 'late_step', " STEP("d.version_id", "d.late_step") ","
    " 'late_person', " PERSON("d.late_person") ","
    " 'finished_by', " PERSON(FINISH_EVENT) ","
    " 'clock', " CLOCK("dossier") ", 'step_clock', " CLOCK("step") ") AS j"
    " FROM dossiers d WHERE"
    /* The finishing events of the period come from events_day once (a
     * set of ids), not from a look-up of every dossier's events. */
    " (CASE WHEN ?1 IN ('early', 'on_time', 'late') THEN d.id IN (SELECT e.dossier FROM events e"
    "    WHERE e.day BETWEEN coalesce(?2, 0) AND coalesce(?3, 99999999) AND e.finish = ?1"
    "    AND (?8 IS NULL OR e.actor = ?8))"
    "  WHEN ?1 IN ('in_progress', 'overdue') THEN d.status IN " OPEN_STATUSES
    "    AND (?4 IS NULL OR d.received_at >= ?4) AND (?5 IS NULL OR d.received_at < ?5)"
    "    AND (?8 IS NULL OR d.holder = ?8)"
    "  ELSE d.received_at IS NOT NULL"
    "    AND (?4 IS NULL OR d.received_at >= ?4) AND (?5 IS NULL OR d.received_at < ?5)"
    "    AND (?8 IS NULL OR d.holder = ?8 OR " FINISH_EVENT " = ?8) END)"
    " AND (?6 IS NULL OR d.unit = ?6) AND (?7 IS NULL OR d.procedure_id = ?7)"
    " AND (?9 IS NULL OR d.holder = ?10"
    "   OR EXISTS (SELECT 1 FROM units u WHERE u.id IN (d.unit, d.step_unit, d.desk_unit)"
    "     AND u.code IN (SELECT value FROM json_each(?9))))"
    " ORDER BY coalesce(d.finished_at, d.received_at) DESC, d.id DESC LIMIT ?11)";

enum mc_status store_dossier_list_json(struct store *st, const struct store_dossier_filter *f,
                                       char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, LIST_SQL, err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, f->outcome);
    if (f->from_day) {
        store_bind_i64(s, 2, f->from_day);
        store_bind_i64(s, 4, f->from_minute);
    }
    if (f->to_day) {
        store_bind_i64(s, 3, f->to_day);
        store_bind_i64(s, 5, f->to_minute);
    }
    if (f->unit) {
        store_bind_i64(s, 6, f->unit);
    }
    if (f->procedure) {
        store_bind_i64(s, 7, f->procedure);
    }
    if (f->officer) {
        store_bind_i64(s, 8, f->officer);
    }
    store_bind_text(s, 9, f->readable_units);
    store_bind_i64(s, 10, f->caller);
    store_bind_i64(s, 11, f->cap);
    return store_json_row(st, s, "listing dossiers", json, err);
}

enum mc_status store_procedure_id(struct store *st, const char *code, int64_t *id,
                                  struct mc_err *err)
{
    return store_id_of(st, "SELECT id FROM procedures WHERE code = ?1", code, "procedure", id,
                       err);
}

/* Statistics by key, ?1/?2 the days YYYYMMDD, ?3 unit id or NULL, ?4/?5 the
 * period in minutes [from, to), ?6 the codes of the units to count (JSON
 * array) or NULL for all: the counters' sums, plus `open` = the dossiers
 * received in the period and still open now, by the same key (officer:
 * their holder). */
#define STATS_UNITS(col) \
    " AND (?6 IS NULL OR " col " IN (SELECT u6.id FROM units u6, json_each(?6) j6" \
    " WHERE u6.code = j6.value))"
#define STATS_SQL(ckey, dkey, label, join, order)                                                \
    "WITH c AS (SELECT " ckey " AS k, sum(received) AS received, sum(in_progress) AS in_progress," \
    "   sum(early) AS early, sum(on_time) AS on_time, sum(late) AS late, sum(paused) AS paused,"   \
    "   sum(online) AS online, sum(refused) AS refused, sum(withdrawn) AS withdrawn"              \
    "   FROM counters c WHERE c.day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR c.unit = ?3)"            \
    STATS_UNITS("c.unit") " GROUP BY 1),"                                                                             \
    " o AS (SELECT " dkey " AS k, count(*) AS n FROM dossiers d"                                  \
    "   WHERE d.status IN " OPEN_STATUSES " AND d.received_at >= ?4 AND d.received_at < ?5"       \
    "   AND (?3 IS NULL OR d.unit = ?3) AND " dkey " IS NOT NULL" STATS_UNITS("d.unit")         \
    " GROUP BY 1),"                    \
    " k AS (SELECT k FROM c UNION SELECT k FROM o)"                                               \
    " SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object(" label ","      \
    " 'received', coalesce(c.received, 0), 'in_progress', coalesce(c.in_progress, 0),"           \
    " 'early', coalesce(c.early, 0), 'on_time', coalesce(c.on_time, 0),"                          \
    " 'late', coalesce(c.late, 0), 'paused', coalesce(c.paused, 0),"                              \
    " 'online', coalesce(c.online, 0), 'refused', coalesce(c.refused, 0),"                        \
    " 'withdrawn', coalesce(c.withdrawn, 0), 'open', coalesce(o.n, 0),"                          \
    " 'on_time_rate', iif(coalesce(c.early + c.on_time + c.late, 0) = 0, NULL,"                   \
    "   round(1.0 * (c.early + c.on_time) / (c.early + c.on_time + c.late), 4))) AS j"            \
    " FROM k LEFT JOIN c ON c.k = k.k LEFT JOIN o ON o.k = k.k " join " ORDER BY " order ")"

static const char STATS_UNIT[] =
    STATS_SQL("c.unit", "d.unit", "'unit', coalesce(u.code, k.k), 'name', u.name",
              "LEFT JOIN units u ON u.id = k.k", "u.code, k.k");
static const char STATS_OFFICER[] =
    STATS_SQL("c.officer", "d.holder",
              "'officer', coalesce(x.username, 'applicant'), 'name', x.full_name",
              /* The system actor (0016) opens recurring cases; a machine is
               * never among the officers evaluated (its cases still count by
               * unit and procedure). */
              "LEFT JOIN people x ON x.id = k.k WHERE x.kind IS NOT 'system'",
              "coalesce(x.username, ''), k.k");
static const char STATS_PROCEDURE[] =
    STATS_SQL("c.procedure_id", "d.procedure_id",
              "'procedure', coalesce(p.code, k.k), 'name', p.name, 'kind', p.kind",
              "LEFT JOIN procedures p ON p.id = k.k", "p.code, k.k");
static const char STATS_MONTH[] =
    STATS_SQL("c.day / 100",
              "CAST(strftime('%Y%m', d.received_at * 60 + 25200, 'unixepoch') AS INTEGER)",
              "'month', printf('%04d-%02d', k.k / 100, k.k % 100)", "", "k.k");

enum mc_status store_stats_by_json(struct store *st, const char *by, int from_day, int to_day,
                                   int64_t from_minute, int64_t to_minute, int64_t unit,
                                   const char *units, char **json, struct mc_err *err)
{
    const char *sql = strcmp(by, "unit") == 0      ? STATS_UNIT
                      : strcmp(by, "officer") == 0 ? STATS_OFFICER
                      : strcmp(by, "month") == 0   ? STATS_MONTH
                                                   : STATS_PROCEDURE;
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, from_day);
    store_bind_i64(s, 2, to_day);
    if (unit) {
        store_bind_i64(s, 3, unit);
    }
    store_bind_i64(s, 4, from_minute);
    store_bind_i64(s, 5, to_minute);
    store_bind_text(s, 6, units);
    return store_json_row(st, s, "reading statistics", json, err);
}

enum mc_status store_notifications_read_all(struct store *st, int64_t person, int64_t now,
                                            int64_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE notifications SET read_at = ?2"
                                 " WHERE person = ?1 AND read_at IS NULL",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    store_bind_i64(s, 2, now);
    enum mc_status rc = store_exec_stmt(st, s, "marking notifications read", err);
    *n = rc == MC_OK ? sqlite3_changes(st->db) : 0;
    return rc;
}

// clang-format on
