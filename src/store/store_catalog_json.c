/* Catalog read models: JSON built by SQLite (json_object, json_group_array)
 * and handed to the HTTP layer as text, so a lookup is one cached statement
 * and one copy. Subquery results are wrapped in json() because SQLite does
 * not carry the JSON subtype out of a subquery. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/store_cache.h"
#include "store/store_catalog.h"
#include "store/store_int.h"

/* Read models kept in the per-connection cache (store_cache.h): the public
 * lookups, hit far more often than the catalog changes. */
enum { CACHE_PROCEDURE = 1, CACHE_PROCESS = 2 };

/* Halves to a JSON number: 8 rather than 8.0, 4.5 as is. */
#define HALVES(x) "(CASE WHEN (" x ") % 2 = 0 THEN (" x ") / 2 ELSE (" x ") / 2.0 END)"

#define LIMIT_HALF_HOURS(c)                                                          \
    "(CASE " c ".limit_unit WHEN 'working_days' THEN " c ".limit_halves * 8 ELSE " c \
    ".limit_halves END)"

#define JBOOL(x) "json(CASE WHEN " x " THEN 'true' ELSE 'false' END)"

/* The steps of version v as a JSON array, in order. */
#define STEPS_JSON                                                                                \
    "json((SELECT json_group_array(json_object('key', s.key, 'order', s.ord,"                     \
    " 'name', s.name, 'role', s.role, 'unit', s.unit, 'hours', " HALVES(                          \
        "s.halves") ","                                                                           \
                    " 'forms', json(s.forms), 'outputs', json(s.outputs),"                        \
                    " 'may_return', " JBOOL(                                                      \
                        "s.may_return") ","                                                       \
                                        " 'requires_signature', " JBOOL(                          \
                                            "s.requires_signature") ", 'next', json(s.next), "    \
                                                                    "'split', s.split, "          \
                                                                    "'parallel_options', "        \
                                                                    "json(s.parallel_options)))"  \
                                                                    " FROM (SELECT * FROM steps " \
                                                                    "WHERE version_id = v.id "    \
                                                                    "ORDER BY ord) s))"

/* Version v of a process whose case is c, with its steps. */
#define VERSION_JSON                                                                            \
    "json_object('issue', v.issue, 'name', v.name, 'status', v.status,"                         \
    " 'effective', v.effective, 'drafter', v.drafter, 'reviewer', v.reviewer,"                  \
    " 'approver', v.approver, 'created_at', v.created_at,"                                      \
    " 'total_hours', " HALVES(                                                                  \
        "v.total_halves") ","                                                                   \
                          " 'limit_hours', " HALVES(                                            \
                              LIMIT_HALF_HOURS("c")) ","                                        \
                                                     " 'within_limit', " JBOOL(                 \
                                                         "v.total_halves <= " LIMIT_HALF_HOURS( \
                                                             "c")) ","                          \
                                                                   " 'steps', " STEPS_JSON ")"

#define HISTORY_JSON                                                          \
    "json((SELECT json_group_array(json_object('at', e.at, 'actor', e.actor," \
    " 'from', e.from_status, 'to', e.to_status))"                             \
    " FROM (SELECT * FROM process_version_events WHERE version_id = v.id ORDER BY id) e))"

/* The blank form attached to component k of case c (0011), or null. */
#define FORM_FILE_JSON                                                                     \
    "json((SELECT json_object('id', f.id, 'name', f.name, 'size', f.size, 'mime', f.mime," \
    " 'url', '/api/procedures/' || p.code || '/forms/' || f.id)"                           \
    " FROM form_files f WHERE f.case_id = c.id AND f.ord = k.ord))"

#define TIME_LIMIT_JSON(c) \
    "json_object('amount', " HALVES(c ".limit_halves") ", 'unit', " c ".limit_unit)"

static enum mc_status run(struct store *st, sqlite3_stmt *s, const char *what, char **json,
                          struct mc_err *err)
{
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, what, json, err);
}

enum mc_status store_catalog_domains_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT json_group_array(json_object('code', d.code, 'name', d.name,"
                   " 'name_en', d.name_en,"
                   " 'procedures', (SELECT count(*) FROM procedures p WHERE p.domain = d.code)))"
                   " FROM (SELECT * FROM domains ORDER BY code) d",
                   err);
    return run(st, s, "domains", json, err);
}

#define LIST_ITEM                                                                         \
    "json_object('code', p.code, 'kind', p.kind, 'name', p.name, 'domain', p.domain,"     \
    " 'domain_name', (SELECT name FROM domains WHERE code = p.domain), 'level', p.level," \
    " 'unit', p.unit, 'online_level', p.online_level,"                                    \
    " 'cases', (SELECT count(*) FROM cases c WHERE c.procedure_id = p.id))"

#define LIST_FILTER                                                   \
    " (?2 IS NULL OR p.domain = ?2) AND (?3 IS NULL OR p.level = ?3)" \
    " AND (?4 IS NULL OR p.kind = ?4)"

#define FTS_FILTER " AND p.id IN (SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ?1)"

char *store_catalog_fts_query(const char *q)
{
    struct mc_buf b;
    mc_buf_init(&b, 0);
    bool in_word = false;
    size_t words = 0;
    for (const unsigned char *c = (const unsigned char *)q; *c; c++) {
        /* ASCII letters and digits and every non-ASCII byte (Vietnamese
         * letters) make words; ASCII punctuation (FTS5 syntax) separates. */
        bool word = *c >= 0x80 || (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') ||
                    (*c >= 'A' && *c <= 'Z');
        if (word && !in_word) {
            mc_buf_puts(&b, words++ ? " \"" : "\"");
        } else if (!word && in_word) {
            mc_buf_puts(&b, "\"*");
        }
        in_word = word;
        if (!word) {
            continue;
        }
        if (c[0] == 0xc4 && (c[1] == 0x91 || c[1] == 0x90)) { /* đ, Đ: unicode61 keeps them */
            mc_buf_puts(&b, c[1] == 0x91 ? "d" : "D");
            c++;
        } else {
            mc_buf_append(&b, c, 1);
        }
    }
    if (in_word) {
        mc_buf_puts(&b, "\"*");
    }
    if (words == 0) {
        mc_buf_release(&b);
        return NULL;
    }
    return mc_buf_detach(&b, NULL);
}

enum mc_status store_catalog_procedures_json(struct store *st,
                                             const struct store_procedure_filter *f, char **json,
                                             struct mc_err *err)
{
    char *match = f->q ? store_catalog_fts_query(f->q) : NULL;
    sqlite3_stmt *s;
    if (match) {
        s = store_stmt(
            st,
            "SELECT json_object('total', (SELECT count(*) FROM procedures p WHERE" LIST_FILTER
                FTS_FILTER "), 'limit', ?5, 'offset', ?6,"
            " 'items', json((SELECT json_group_array(json(item)) FROM (SELECT " LIST_ITEM
            " AS item FROM procedures p WHERE" LIST_FILTER FTS_FILTER
            " ORDER BY p.code LIMIT ?5 OFFSET ?6))))",
            err);
    } else {
        s = store_stmt(
            st,
            "SELECT json_object('total', (SELECT count(*) FROM procedures p WHERE" LIST_FILTER
            "), 'limit', ?5, 'offset', ?6,"
            " 'items', json((SELECT json_group_array(json(item)) FROM (SELECT " LIST_ITEM
            " AS item FROM procedures p WHERE" LIST_FILTER
            " ORDER BY p.code LIMIT ?5 OFFSET ?6))))",
            err);
    }
    if (s == NULL) {
        free(match);
        return MC_ESTORE;
    }
    if (match) {
        store_bind_text(s, 1, match);
    }
    store_bind_text(s, 2, f->domain);
    store_bind_text(s, 3, f->level);
    store_bind_text(s, 4, f->kind);
    store_bind_i64(s, 5, f->limit);
    store_bind_i64(s, 6, f->offset);
    free(match);
    return store_json_row(st, s, "procedures", json, err);
}

enum mc_status store_catalog_procedure_json(struct store *st, const char *code, char **json,
                                            struct mc_err *err)
{
    if ((*json = store_cache_get(st, CACHE_PROCEDURE, code, err)) != NULL) {
        return MC_OK;
    }
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT json_object('code', p.code, 'kind', p.kind, 'name', p.name,"
        " 'domain', p.domain, 'domain_name', d.name, 'level', p.level, 'unit', p.unit,"
        " 'agency', p.agency, 'applicants', p.applicants, 'result', p.result, 'fee', p.fee,"
        " 'legal_basis', json(coalesce(p.legal_basis, '[]')), 'online_level', p.online_level,"
        " 'announcing_decision', p.announcing_decision, 'source', p.source,"
        /* json_patch drops the null members: only the rule's own fields. */
        " 'recurrence', json(CASE WHEN p.recur_every IS NULL THEN NULL ELSE json_patch('{}',"
        "   json_object('every', p.recur_every, 'month', p.recur_month, 'day', p.recur_day,"
        "   'weekday', p.recur_weekday, 'lead_working_days', p.recur_lead)) END),"
        " 'cases', json((SELECT json_group_array(json(cj)) FROM (SELECT json_object("
        "   'code', c.code, 'name', c.name, 'time_limit', " TIME_LIMIT_JSON(
            "c") ","
                 "   'limit_hours', " HALVES(LIMIT_HALF_HOURS(
                     "c")) ","
                           "   'components', json((SELECT json_group_array(json_object('name', "
                           "k.name,"
                           "     'original', k.original, 'certified_copy', k.certified_copy, "
                           "'copy', k.copy,"
                           "     'form', k.form, 'required', " JBOOL(
                               "k.required") ", 'order', k.ord, 'form_file', " FORM_FILE_JSON "))"
                                             "     FROM (SELECT * FROM components WHERE case_id = "
                                             "c.id ORDER BY ord) k)),"
                                             "   'process', json((SELECT json_patch(" VERSION_JSON
                                             ", json_object('code', pr.code))"
                                             "     FROM processes pr JOIN process_versions v ON "
                                             "v.process_id = pr.id"
                                             "     AND v.status = 'effective' WHERE pr.case_id = "
                                             "c.id))"
                                             " ) AS cj FROM cases c WHERE c.procedure_id = p.id "
                                             "ORDER BY c.ord))))"
                                             " FROM procedures p LEFT JOIN domains d ON d.code = "
                                             "p.domain WHERE p.code = ?1",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    enum mc_status rc = store_json_row(st, s, "procedure", json, err);
    if (rc == MC_ENOTFOUND) {
        return mc_fail(err, MC_ENOTFOUND, "no procedure %s", code);
    }
    if (rc == MC_OK) {
        store_cache_put(st, CACHE_PROCEDURE, code, *json);
    }
    return rc;
}

/* Head of the process read models: the process, its procedure and case. */
#define PROCESS_HEAD                                                                   \
    "'code', pr.code, 'name', pr.name, 'procedure', p.code, 'procedure_name', p.name," \
    " 'unit', p.unit, 'case', c.code, 'case_name', c.name,"                            \
    " 'time_limit', " TIME_LIMIT_JSON("c") ", 'limit_hours', " HALVES(LIMIT_HALF_HOURS("c"))

#define PROCESS_FROM                                       \
    " FROM processes pr JOIN cases c ON c.id = pr.case_id" \
    " JOIN procedures p ON p.id = c.procedure_id WHERE pr.code = ?1"

static enum mc_status process_row(struct store *st, sqlite3_stmt *s, const char *code, char **json,
                                  struct mc_err *err)
{
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    enum mc_status rc = store_json_row(st, s, "process", json, err);
    if (rc == MC_ENOTFOUND) {
        return mc_fail(err, MC_ENOTFOUND, "no process %s", code);
    }
    return rc;
}

enum mc_status store_catalog_process_json(struct store *st, const char *code, char **json,
                                          struct mc_err *err)
{
    if ((*json = store_cache_get(st, CACHE_PROCESS, code, err)) != NULL) {
        return MC_OK;
    }
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT json_object(" PROCESS_HEAD ","
                   " 'current', json((SELECT " VERSION_JSON " FROM process_versions v"
                   "   WHERE v.process_id = pr.id AND v.status = 'effective')),"
                   " 'versions', json((SELECT json_group_array(json_object('issue', v.issue,"
                   "   'status', v.status, 'effective', v.effective))"
                   "   FROM (SELECT * FROM process_versions WHERE process_id = pr.id"
                   "   ORDER BY issue DESC) v)))" PROCESS_FROM,
                   err);
    enum mc_status rc = process_row(st, s, code, json, err);
    if (rc == MC_OK) {
        store_cache_put(st, CACHE_PROCESS, code, *json);
    }
    return rc;
}

enum mc_status store_catalog_versions_json(struct store *st, const char *code, char **json,
                                           struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT json_object(" PROCESS_HEAD ","
                   " 'versions', json((SELECT json_group_array(json(vj)) FROM (SELECT"
                   "   json_patch(" VERSION_JSON ", json_object('history', " HISTORY_JSON ")) AS vj"
                   "   FROM process_versions v WHERE v.process_id = pr.id ORDER BY v.issue "
                   "DESC))))" PROCESS_FROM,
                   err);
    return process_row(st, s, code, json, err);
}

enum mc_status store_catalog_version_json(struct store *st, const char *code, int64_t issue,
                                          char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT json_patch(" VERSION_JSON ", json_object('code', pr.code, 'history', " HISTORY_JSON
        ")) FROM processes pr JOIN cases c ON c.id = pr.case_id"
        " JOIN process_versions v ON v.process_id = pr.id WHERE pr.code = ?1 AND v.issue = ?2",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_i64(s, 2, issue);
    enum mc_status rc = store_json_row(st, s, "process version", json, err);
    if (rc == MC_ENOTFOUND) {
        return mc_fail(err, MC_ENOTFOUND, "process %s has no issue %lld", code, (long long)issue);
    }
    return rc;
}
