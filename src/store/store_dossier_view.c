/* One dossier as typed cells (store_dossier.h store_dossier_cells): one
 * joined SELECT whose column names say where each value goes in the view.
 * The HTTP layer builds the JSON from them directly; building it in SQL
 * (json_object, strftime) and parsing it again cost about a fifth of the
 * CPU of a transition (docs/ARCHITECTURE.md). A column alias starting with
 * '@' is an instant in minutes; one starting with '$' is JSON text (the two
 * lists, usually empty, whose rows SQL gathers best).
 *
 * clang-format is off for the SQL: it reads the *_COLS() macros spliced
 * into the string literal as calls and breaks the SQL one word per line
 * (as in store_dossier_json.c). */
#include <string.h>

#include "store/store_dossier.h"
#include "store/store_dossier_sql.h"
#include "store/store_int.h"

// clang-format off
#define UNIT_COLS(t, o) t ".id AS \"" o ".id\", " t ".code AS \"" o ".code\", " t ".name AS \"" o ".name\""
#define PERSON_COLS(t, o) \
    t ".id AS \"" o ".id\", " t ".username AS \"" o ".username\", " t ".full_name AS \"" o ".full_name\""
#define STEP_COLS(t, o)                                                                      \
    t ".key AS \"" o ".key\", " t ".name AS \"" o ".name\", " t ".role AS \"" o ".role\", " t \
      ".unit AS \"" o ".unit\", " t ".halves / 2.0 AS \"" o ".hours\""
#define CLOCK_COLS(t, o)                                                                         \
    t ".state AS \"" o ".state\", " t ".budget AS \"" o ".budget\", " t ".consumed AS \"" o      \
      ".consumed\", " t ".running_since AS \"" o ".running_since\", " t ".fired AS \"" o ".fired\""

static const char view_sql[] =
    "SELECT d.code AS code, d.ref AS ref, d.version AS version, d.agency AS agency,"
    " p.code AS \"procedure.code\", p.name AS \"procedure.name\", p.kind AS \"procedure.kind\","
    " c.code AS \"case.code\", c.name AS \"case.name\","
    " pr.code AS \"process.code\", v.issue AS \"process.issue\", " UNIT_COLS("u", "unit") ", "
    UNIT_COLS("du", "desk_unit") ", d.channel AS channel, d.ruleset AS ruleset,"
    " CASE d.channel WHEN 0 THEN 'case' ELSE 'dossier' END AS kind, d.subject AS subject, "
    PERSON_COLS("ini", "initiator") ", ini.kind AS \"initiator.kind\","
    /* The period of a recurring task's case (0013, 0016); none for a
     * dossier, whose lookup is skipped. */
    " CASE WHEN d.channel = 0 THEN (SELECT r.period FROM recurrence_runs r"
    "   WHERE r.dossier = d.id) END AS recurrence_period,"
    /* An object even for a case, which has no applicant (all null). */
    " json_object('name', d.applicant_name, 'phone', d.applicant_phone,"
    "   'email', d.applicant_email, 'address', d.applicant_addr,"
    "   'id_number', d.applicant_idno) AS \"$applicant\","
    " d.submitted_at AS \"@submitted_at\", d.received_at AS \"@received_at\","
    " d.due_at AS \"@due_at\", d.legal_due_at AS \"@legal_due_at\","
    " d.first_due_at AS \"@first_due_at\", d.apology_at AS \"@apology_at\","
    " d.status AS status, d.stage AS stage, " STEP_COLS("s", "step") ", "
    UNIT_COLS("su", "step_unit") ", " PERSON_COLS("h", "holder") ","
    " d.finished_at AS \"@finished_at\", d.verdict AS verdict, " STEP_COLS("ls", "late_step") ", "
    PERSON_COLS("lp", "late_person") ", d.rating AS rating, " CLOCK_COLS("cd", "clock") ", "
    CLOCK_COLS("cs", "step_clock") ", " BRANCHES " AS \"$branches\", " NEXT_STEPS " AS \"$next_steps\""
    " FROM dossiers d"
    " LEFT JOIN procedures p ON p.id = d.procedure_id"
    " LEFT JOIN cases c ON c.id = d.case_id"
    " LEFT JOIN process_versions v ON v.id = d.version_id"
    " LEFT JOIN processes pr ON pr.id = v.process_id"
    " LEFT JOIN units u ON u.id = d.unit"
    " LEFT JOIN units du ON du.id = d.desk_unit"
    " LEFT JOIN steps s ON s.version_id = d.version_id AND s.key = d.step"
    " LEFT JOIN units su ON su.id = d.step_unit"
    " LEFT JOIN people ini ON ini.id = d.initiator"
    " LEFT JOIN people h ON h.id = d.holder"
    " LEFT JOIN steps ls ON ls.version_id = d.version_id AND ls.key = d.late_step"
    " LEFT JOIN people lp ON lp.id = d.late_person"
    " LEFT JOIN clocks cd ON cd.dossier = d.id AND cd.kind = 'dossier'"
    " LEFT JOIN clocks cs ON cs.dossier = d.id AND cs.kind = 'step'"
    " WHERE d.id = ?1";
// clang-format on

enum mc_status store_dossier_cells(struct store *st, int64_t id, store_cell_fn *each, void *ctx,
                                   struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, view_sql, err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        enum mc_status out = rc == SQLITE_DONE ? mc_fail(err, MC_ENOTFOUND, "no such dossier")
                                               : store_fail_db(st, err, "reading a dossier");
        sqlite3_reset(s);
        return out;
    }
    int n = sqlite3_column_count(s);
    for (int i = 0; i < n; i++) {
        const char *name = sqlite3_column_name(s, i);
        struct store_cell c = { .name = name, .instant = name[0] == '@', .json = name[0] == '$' };
        c.name += c.instant || c.json;
        switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
            c.type = STORE_CELL_INT;
            c.i = sqlite3_column_int64(s, i);
            break;
        case SQLITE_FLOAT:
            c.type = STORE_CELL_REAL;
            c.r = sqlite3_column_double(s, i);
            break;
        case SQLITE_NULL:
            c.type = STORE_CELL_NULL;
            break;
        default:
            c.type = STORE_CELL_TEXT;
            c.text = (const char *)sqlite3_column_text(s, i);
            break;
        }
        each(ctx, &c);
    }
    sqlite3_reset(s);
    return MC_OK;
}
