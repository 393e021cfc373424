/* What the applicant sees and says (R16): the public lookup by code and
 * phone, ratings and problem reports. Phone numbers are compared on their
 * digits only, so "0900 111 222" and "0900111222" match. */
#include <string.h>

#include "store/store_dossier.h"
#include "store/store_int.h"

/* digits of a phone, at most cap-1 */
static void digits_of(const char *phone, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = phone; p && *p && n + 1 < cap; p++) {
        if (*p >= '0' && *p <= '9') {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

#define PHONE_DIGITS(col) \
    "replace(replace(replace(replace(" col ", ' ', ''), '.', ''), '-', ''), '+', '')"

enum mc_status store_public_json(struct store *st, const char *code, const char *phone, char **json,
                                 struct mc_err *err)
{
    char digits[32];
    digits_of(phone, digits, sizeof(digits));
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT json_object('code', d.code, 'ref', d.ref, 'status', d.status,"
                   " 'procedure', (SELECT p.name FROM procedures p WHERE p.id = d.procedure_id),"
                   " 'step', (SELECT s.name FROM steps s WHERE s.version_id = d.version_id"
                   "   AND s.key = d.step),"
                   " 'received_at', strftime('%Y-%m-%dT%H:%M:00+07:00', d.received_at * 60 + 25200,"
                   "   'unixepoch'),"
                   " 'appointment', strftime('%Y-%m-%dT%H:%M:00+07:00', d.due_at * 60 + 25200,"
                   "   'unixepoch'),"
                   " 'apology', d.apology_at IS NOT NULL, 'rating', d.rating,"
                   /* A calendar change of the agency moved the appointment
                    * (docs/CALENDAR.md §3.2): the lookup says so, no more. */
                   " 'appointment_rescheduled', json(CASE WHEN EXISTS (SELECT 1 FROM"
                   "   reschedules r WHERE r.dossier = d.id AND r.due_after <> r.due_before)"
                   "   THEN 'true' ELSE 'false' END),"
                   /* While the applicant must supplement (status 5): what was asked,
                    * the note of the request (the missing components when the
                    * officer wrote no note). */
                   " 'supplement', CASE WHEN d.status = 5 THEN (SELECT e.note FROM events e"
                   "   WHERE e.dossier = d.id AND e.action IN ('request_supplement',"
                   "   'desk_supplement') ORDER BY e.seq DESC LIMIT 1) END)"
                   " FROM dossiers d WHERE (d.code = ?1 OR d.ref = ?1)"
                   " AND " PHONE_DIGITS("d.applicant_phone") " = ?2 AND length(?2) >= 6",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, digits);
    enum mc_status rc = store_json_row(st, s, "public lookup", json, err);
    if (rc == MC_ENOTFOUND) {
        rc = mc_fail(err, MC_ENOTFOUND, "no dossier with this code and phone number");
    }
    return rc;
}

enum mc_status store_feedback_add(struct store *st, const char *code, const char *phone,
                                  const char *kind, int score, const char *comment, int64_t now,
                                  struct mc_err *err)
{
    char digits[32];
    digits_of(phone, digits, sizeof(digits));
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT id, status, rating FROM dossiers WHERE (code = ?1 OR ref = ?1)"
                   " AND " PHONE_DIGITS("applicant_phone") " = ?2 AND length(?2) >= 6",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, digits);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE
                   ? mc_fail(err, MC_ENOTFOUND, "no dossier with this code and phone number")
                   : store_fail_db(st, err, "feedback");
    }
    int64_t id = sqlite3_column_int64(s, 0);
    int status = sqlite3_column_int(s, 1);
    bool rated = sqlite3_column_type(s, 2) != SQLITE_NULL;
    sqlite3_reset(s);
    bool rating = strcmp(kind, "rating") == 0;
    if (rating && status != 10) {
        return mc_fail(err, MC_ECONFLICT, "a dossier is rated once its result was returned");
    }
    if (rating && rated) {
        return mc_fail(err, MC_ECONFLICT, "this dossier was already rated");
    }
    sqlite3_stmt *ins = store_stmt(st,
                                   "INSERT INTO feedback (dossier, kind, score, comment,"
                                   " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                   err);
    if (ins == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(ins, 1, id);
    store_bind_text(ins, 2, kind);
    if (rating) {
        store_bind_i64(ins, 3, score);
    }
    store_bind_text(ins, 4, comment);
    store_bind_i64(ins, 5, now);
    enum mc_status ret = store_exec_stmt(st, ins, "feedback", err);
    if (ret == MC_OK && rating) {
        sqlite3_stmt *up = store_stmt(
            st, "UPDATE dossiers SET rating = ?2, rating_comment = ?3 WHERE id = ?1", err);
        if (up == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(up, 1, id);
        store_bind_i64(up, 2, score);
        store_bind_text(up, 3, comment);
        ret = store_exec_stmt(st, up, "rating", err);
    }
    return ret;
}
