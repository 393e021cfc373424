/* Read models of dossiers, built in SQL as JSON text (docs/ARCHITECTURE.md
 * "Read models are built in SQL"). Instants leave as RFC 3339 at +07:00.
 *
 * clang-format is off for this file: it reads the T()/STEP()/… macros
 * spliced into the SQL string literals as calls and breaks the SQL into
 * one word per line (and is not idempotent on it). */
#include <string.h>

#include "base/buf.h"
#include "store/store_dossier.h"
#include "store/store_dossier_sql.h"
#include "store/store_int.h"

// clang-format off

enum mc_status store_dossier_events_json(struct store *st, int64_t id, char **json,
                                         struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(x.j)), '[]') FROM (SELECT json_object("
        " 'seq', e.seq, 'at', " T("e.at") ", 'action', e.action,"
        " 'actor', " PERSON("e.actor") ","
        " 'from_unit', " UNIT("e.from_unit") ", 'from_person', " PERSON("e.from_person") ","
        " 'to_unit', " UNIT("e.to_unit") ", 'to_person', " PERSON("e.to_person") ","
        " 'status_before', e.status_before, 'status_after', e.status_after,"
        " 'verdict', e.verdict,"
        " 'step_from', " STEP("d.version_id", "nullif(e.step_from, '')") ","
        " 'step_to', " STEP("d.version_id", "nullif(e.step_to, '')") ","
        " 'note', e.note, 'attachments', json(e.attachments), 'hash', lower(hex(e.hash)),"
        /* A forward that opened parallel branches (a parallel split, or the
         * parallel option of a choice that holds step_to): their steps. */
        " 'opened', (SELECT json_group_array(json_object('key', n.key, 'name', n.name))"
        "   FROM steps s JOIN json_each(CASE WHEN s.split = 'parallel' THEN s.next ELSE"
        "   (SELECT o.value FROM json_each(s.parallel_options) o WHERE EXISTS (SELECT 1"
        "   FROM json_each(o.value) x WHERE x.value = e.step_to)) END) m"
        "   JOIN steps n ON n.version_id = s.version_id AND n.key = m.value"
        "   WHERE s.version_id = d.version_id AND s.key = e.step_from AND e.action = 'forward'))"
        " AS j"
        " FROM events e JOIN dossiers d ON d.id = e.dossier WHERE e.dossier = ?1"
        " ORDER BY e.seq) AS x",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    return store_json_row(st, s, "reading the handover log", json, err);
}

#define INBOX_ITEM                                                                        \
    "json_object('code', d.code, 'ref', d.ref, 'version', d.version, 'status', d.status," \
    " 'stage', d.stage,"                                                                  \
    " 'procedure', (SELECT json_object('code', p.code, 'name', p.name) FROM procedures p" \
    "   WHERE p.id = d.procedure_id),"                                                    \
    " 'applicant_name', d.applicant_name, 'subject', d.subject,"                          \
    " 'received_at', " T("d.received_at") ","                                             \
    " 'due_at', " T("d.due_at") ", 'step', " STEP("d.version_id", "d.step") ","          \
    " 'step_unit', " UNIT("d.step_unit") ", 'holder', " PERSON("d.holder") ","           \
    " 'clock', " CLOCK("dossier") ", 'step_clock', " CLOCK("step") ","                   \
    " 'branches', json(" BRANCHES "))"

enum mc_status store_inbox_json(struct store *st, int64_t person, const int64_t *units,
                                size_t nunits, char **json, struct mc_err *err)
{
    if (person != 0) {
        sqlite3_stmt *s = store_stmt(
            st,
            "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT " INBOX_ITEM
            " AS j FROM dossiers d WHERE (d.holder = ?1 OR d.id IN (SELECT dossier FROM"
            " dossier_branches WHERE holder = ?1 AND done = 0)) AND d.status IN (4, 5, 6))",
            err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, person);
        return store_json_row(st, s, "reading an inbox", json, err);
    }
    /* The unit's queue: dossiers at a step of one of the units, and for a
     * desk the dossiers waiting for it (statuses 1, 2, 5, 6, 9). The ids go
     * in as one JSON array (json_each) so that the statement stays cached. */
    struct mc_buf ids;
    mc_buf_init(&ids, 0);
    mc_buf_puts(&ids, "[");
    for (size_t i = 0; i < nunits; i++) {
        mc_buf_appendf(&ids, "%s%lld", i ? "," : "", (long long)units[i]);
    }
    mc_buf_puts(&ids, "]");
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT " INBOX_ITEM
        " AS j FROM dossiers d WHERE (d.status = 4 AND (d.step_unit IN"
        "  (SELECT value FROM json_each(?1)) OR d.id IN (SELECT dossier FROM dossier_branches"
        "  WHERE done = 0 AND unit IN (SELECT value FROM json_each(?1)))))"
        " OR (d.status IN (1, 2, 5, 6, 9) AND d.desk_unit IN (SELECT value FROM json_each(?1))))",
        err);
    if (s == NULL) {
        mc_buf_release(&ids);
        return MC_ESTORE;
    }
    store_bind_text(s, 1, mc_buf_cstr(&ids));
    enum mc_status rc = store_json_row(st, s, "reading an inbox", json, err);
    mc_buf_release(&ids);
    return rc;
}

enum mc_status store_register_json(struct store *st, int64_t from, int64_t to, char **json,
                                   struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object("
        " 'no', row_number() OVER (ORDER BY d.received_at, d.id), 'code', d.code,"
        " 'procedure', (SELECT p.name FROM procedures p WHERE p.id = d.procedure_id),"
        " 'procedure_code', (SELECT p.code FROM procedures p WHERE p.id = d.procedure_id),"
        " 'applicant_name', d.applicant_name, 'applicant_address', d.applicant_addr,"
        " 'applicant_phone', d.applicant_phone, 'channel', d.channel,"
        " 'received_at', " T("d.received_at") ", 'due_at', " T("d.due_at") ","
        " 'legal_due_at', " T("d.legal_due_at") ","
        " 'transferred_at', " T("(SELECT min(e.at) FROM events e WHERE e.dossier = d.id AND"
                                " e.action = 'transfer')") ","
        " 'finished_at', " T("d.finished_at") ","
        " 'returned_at', " T("(SELECT min(e.at) FROM events e WHERE e.dossier = d.id AND"
                             " e.action = 'return_result')") ","
        " 'status', d.status, 'verdict', d.verdict, 'apology_at', " T("d.apology_at") ","
        " 'late_step', d.late_step) AS j"
        " FROM dossiers d WHERE d.received_at >= ?1 AND d.received_at < ?2 AND d.channel <> 0"
        " ORDER BY d.received_at, d.id)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, from);
    store_bind_i64(s, 2, to);
    return store_json_row(st, s, "reading the register", json, err);
}

enum mc_status store_stats_monthly_json(struct store *st, int from_month, int to_month, char **json,
                                        struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object("
        " 'unit', coalesce(u.code, m.unit), 'name', u.name,"
        " 'month', printf('%04d-%02d', m.month / 100, m.month % 100),"
        " 'received', m.received, 'finished', m.early + m.on_time + m.late,"
        " 'early', m.early, 'on_time', m.on_time, 'late', m.late,"
        " 'on_time_rate', iif(m.early + m.on_time + m.late = 0, NULL,"
        "   round(1.0 * (m.early + m.on_time) / (m.early + m.on_time + m.late), 4))) AS j"
        " FROM (SELECT month, unit, sum(received) AS received, sum(early) AS early,"
        "   sum(on_time) AS on_time, sum(late) AS late FROM counters_month"
        "   WHERE month BETWEEN ?1 AND ?2 GROUP BY unit, month) AS m"
        " LEFT JOIN units u ON u.id = m.unit ORDER BY u.code, m.unit, m.month)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, from_month);
    store_bind_i64(s, 2, to_month);
    return store_json_row(st, s, "reading the dashboard", json, err);
}

// clang-format on
