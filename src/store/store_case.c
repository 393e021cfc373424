/* Internal cases: the initiator and subject columns, the list of internal
 * work items, and the daily case sequence. */
#include "store/store_case.h"

#include <string.h>

#include "store/store_dossier.h"
#include "store/store_int.h"

enum mc_status store_case_item(struct store *st, const char *code, struct store_case_item *out,
                               struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    sqlite3_stmt *s = store_stmt(st, "SELECT kind, unit FROM procedures WHERE code = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s, 0);
        const char *u = (const char *)sqlite3_column_text(s, 1);
        strncpy(out->kind, k ? k : "", sizeof(out->kind) - 1);
        strncpy(out->unit, u ? u : "", sizeof(out->unit) - 1);
    } else if (rc == SQLITE_DONE) {
        ret = mc_fail_field(err, MC_EINVAL, "procedure", "no internal work item %s", code);
    } else {
        ret = store_fail_db(st, err, "reading a work item");
    }
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_case_attach(struct store *st, int64_t dossier, int64_t initiator,
                                 const char *subject, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st, "UPDATE dossiers SET initiator = ?2, subject = ?3 WHERE id = ?1 AND channel = 0", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_i64(s, 2, initiator);
    store_bind_text(s, 3, subject);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        return store_fail_db(st, err, "recording a case");
    }
    if (sqlite3_changes(st->db) != 1) {
        return mc_fail(err, MC_EINTERNAL, "case %lld is not an internal case", (long long)dossier);
    }
    return MC_OK;
}

enum mc_status store_case_items_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_object("
        " 'code', p.code, 'name', p.name, 'unit', p.unit,"
        " 'unit_name', (SELECT u.name FROM units u WHERE u.code = p.unit),"
        " 'cases', (SELECT coalesce(json_group_array(json_object('code', c.code, 'name', c.name,"
        "   'limit_minutes', c.limit_halves * CASE c.limit_unit WHEN 'working_hours' THEN 30"
        "   ELSE 240 END)), '[]') FROM (SELECT * FROM cases WHERE procedure_id = p.id"
        "   ORDER BY ord) c)) AS j"
        " FROM procedures p WHERE p.kind = 'internal' ORDER BY p.unit, p.code)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, "reading the internal work items", json, err);
}

enum mc_status store_case_seq_next(struct store *st, const char *agency, int day, int *seq,
                                   struct mc_err *err)
{
    /* The dossiers' table of sequences, under a key no agency code can be
     * (agency codes have no '#'); its CHECK (≤ 9999) is wider than ours. */
    char key[24];
    size_t n = strlen(agency);
    if (n + 3 > sizeof(key)) {
        return mc_fail(err, MC_EINVAL, "agency code too long");
    }
    memcpy(key, agency, n);
    memcpy(key + n, "#C", 3);
    enum mc_status rc = store_code_next(st, key, day, seq, err);
    if (rc == MC_OK && *seq > 999) {
        return mc_fail(err, MC_ELIMIT, "agency %s has used all 999 case codes of the day", agency);
    }
    return rc;
}
