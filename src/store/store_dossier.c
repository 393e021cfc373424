/* Dossier records: what a receipt freezes, the steps of a version for the
 * engine, insert / optimistic update / load, daily code sequences. */
#include "store/store_dossier.h"

#include <pthread.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "core/role.h"
#include "store/store_int.h"

static void copy_col(sqlite3_stmt *s, int col, char *out, size_t cap)
{
    const char *v = (const char *)sqlite3_column_text(s, col);
    size_t len = v ? strlen(v) : 0;
    if (len >= cap) {
        len = cap - 1;
    }
    memcpy(out, v ? v : "", len);
    out[len] = '\0';
}

enum mc_status store_dossier_target(struct store *st, const char *procedure_code,
                                    const char *case_code, struct store_dossier_target *out,
                                    struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT p.id, c.id, u.id, c.limit_halves, c.limit_unit,"
                   " (SELECT v.id FROM processes pr JOIN process_versions v ON v.process_id = pr.id"
                   "  WHERE pr.case_id = c.id AND v.status = 'effective'),"
                   " (SELECT code FROM agency)"
                   " FROM procedures p JOIN units u ON u.code = p.unit"
                   " LEFT JOIN cases c ON c.procedure_id = p.id AND (?2 IS NULL OR c.code = ?2)"
                   " WHERE p.code = ?1 ORDER BY c.ord LIMIT 1",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, procedure_code);
    store_bind_text(s, 2, case_code);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        if (rc == SQLITE_DONE) {
            return mc_fail_field(err, MC_ENOTFOUND, "procedure", "no procedure %s", procedure_code);
        }
        return store_fail_db(st, err, "reading a procedure");
    }
    enum mc_status ret = MC_OK;
    if (sqlite3_column_type(s, 1) == SQLITE_NULL) {
        ret = mc_fail_field(err, MC_ENOTFOUND, "case", "procedure %s has no case %s",
                            procedure_code, case_code ? case_code : "");
    } else if (sqlite3_column_type(s, 5) == SQLITE_NULL) {
        ret = mc_fail_field(err, MC_ECONFLICT, "procedure",
                            "procedure %s has no process version in force for this case",
                            procedure_code);
    } else if (sqlite3_column_type(s, 6) == SQLITE_NULL) {
        ret = mc_fail(err, MC_ECONFLICT, "the agency is not set up (motcua import)");
    } else {
        out->procedure_id = sqlite3_column_int64(s, 0);
        out->case_id = sqlite3_column_int64(s, 1);
        out->unit = sqlite3_column_int64(s, 2);
        int64_t halves = sqlite3_column_int64(s, 3);
        const char *unit = (const char *)sqlite3_column_text(s, 4);
        /* half a working day = 240 minutes, half an hour = 30 */
        out->limit_minutes =
            halves * (unit && strcmp(unit, "working_hours") == 0 ? 30 : ENG_WORKDAY_MINUTES / 2);
        out->version_id = sqlite3_column_int64(s, 5);
        copy_col(s, 6, out->agency, sizeof(out->agency));
    }
    sqlite3_reset(s);
    return ret;
}

struct store_steps_cache {
    int64_t version_id;
    size_t n;
    struct eng_step steps[STORE_STEPS_MAX];
};

static enum mc_status load_steps(struct store *st, int64_t version_id, struct eng_step *steps,
                                 size_t cap, size_t *n, struct mc_err *err);

enum mc_status store_dossier_steps(struct store *st, int64_t version_id, struct eng_step *steps,
                                   size_t cap, size_t *n, struct mc_err *err)
{
    struct store_steps_cache *c = st->steps_cache;
    if (c && c->version_id == version_id && c->n <= cap) {
        memcpy(steps, c->steps, c->n * sizeof(*steps));
        *n = c->n;
        return MC_OK;
    }
    enum mc_status rc = load_steps(st, version_id, steps, cap, n, err);
    if (rc == MC_OK && *n <= STORE_STEPS_MAX) {
        if (c == NULL) {
            c = st->steps_cache = mc_xmalloc(sizeof(*c));
        }
        c->version_id = version_id;
        c->n = *n;
        memcpy(c->steps, steps, *n * sizeof(*steps));
    }
    return rc;
}

static enum mc_status load_steps(struct store *st, int64_t version_id, struct eng_step *steps,
                                 size_t cap, size_t *n, struct mc_err *err)
{
    *n = 0;
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT s.key, s.role, u.id, s.halves, s.may_return, s.requires_signature,"
        " (SELECT group_concat(value, char(1)) FROM json_each(s.next)), s.split = 'parallel',"
        /* Per next key, the parallel option it belongs to (1..8) or 0
         * (migration 0018): one digit each, in the order of next. */
        " (SELECT group_concat(coalesce((SELECT o.key + 1 FROM json_each(s.parallel_options) o,"
        " json_each(o.value) m WHERE m.value = j.value), 0), '') FROM json_each(s.next) j)"
        " FROM steps s JOIN units u ON u.code = s.unit WHERE s.version_id = ?1 ORDER BY s.ord",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, version_id);
    int rc;
    enum mc_status ret = MC_OK;
    while (ret == MC_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n >= cap) {
            ret = mc_fail(err, MC_ELIMIT, "more than %zu steps", cap);
            break;
        }
        struct eng_step *e = &steps[(*n)++];
        memset(e, 0, sizeof(*e));
        copy_col(s, 0, e->key, sizeof(e->key));
        const char *role = (const char *)sqlite3_column_text(s, 1);
        if (role == NULL || !core_role_parse(role, &e->role)) {
            ret = mc_fail(err, MC_EINTERNAL, "step %s: unknown role", e->key);
        }
        e->unit = sqlite3_column_int64(s, 2);
        e->allot_minutes = sqlite3_column_int64(s, 3) * 30;
        e->may_return = sqlite3_column_int(s, 4) != 0;
        e->requires_signature = sqlite3_column_int(s, 5) != 0;
        e->parallel = sqlite3_column_int(s, 7) != 0;
        const char *next = (const char *)sqlite3_column_text(s, 6);
        while (next && *next && e->n_next < ENG_NEXT_MAX) {
            const char *end = strchr(next, '\1');
            size_t len = end ? (size_t)(end - next) : strlen(next);
            if (len >= ENG_KEY_MAX) {
                len = ENG_KEY_MAX - 1;
            }
            memcpy(e->next[e->n_next], next, len);
            e->next[e->n_next++][len] = '\0';
            next = end ? end + 1 : NULL;
        }
        const char *opt = (const char *)sqlite3_column_text(s, 8);
        for (size_t k = 0; opt && opt[k] >= '0' && opt[k] <= '9' && k < e->n_next; k++) {
            e->option[k] = (uint8_t)(opt[k] - '0');
        }
    }
    if (ret == MC_OK && rc != SQLITE_DONE) {
        ret = store_fail_db(st, err, "reading steps");
    }
    sqlite3_reset(s);
    return ret;
}

static enum mc_status id_of(struct store *st, const char *sql, const char *key, const char *what,
                            int64_t *id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, key);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
    } else if (rc == SQLITE_DONE) {
        ret = mc_fail(err, MC_ENOTFOUND, "no %s %s", what, key);
    } else {
        ret = store_fail_db(st, err, what);
    }
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_unit_id(struct store *st, const char *code, int64_t *id, struct mc_err *err)
{
    return id_of(st, "SELECT id FROM units WHERE code = ?1", code, "unit", id, err);
}

enum mc_status store_person_id_of(struct store *st, const char *username, int64_t *id,
                                  struct mc_err *err)
{
    return id_of(st, "SELECT id FROM people WHERE username = ?1 AND disabled = 0", username,
                 "person", id, err);
}

static void bind_opt_i64(sqlite3_stmt *s, int idx, int64_t v)
{
    if (v == 0) {
        sqlite3_bind_null(s, idx);
    } else {
        store_bind_i64(s, idx, v);
    }
}

/* The columns projected from the state, bound at 10..29 by both the
 * insert and the update. */
static void bind_state(sqlite3_stmt *s, const struct eng_dossier *d, uint8_t *blob)
{
    store_bind_i64(s, 10, d->channel); /* 0: an internal case */
    store_bind_text(s, 11, d->ruleset);
    bind_opt_i64(s, 12, d->submitted_at);
    bind_opt_i64(s, 13, d->received_at);
    bind_opt_i64(s, 14, d->due_at);
    bind_opt_i64(s, 15, d->legal_due_at);
    bind_opt_i64(s, 16, d->first_due_at);
    bind_opt_i64(s, 17, d->apology_at);
    store_bind_i64(s, 18, eng_status_code(d->status));
    store_bind_text(s, 19, eng_stage_key(d->stage));
    store_bind_text(s, 20, d->step[0] ? d->step : NULL);
    bind_opt_i64(s, 21, d->step[0] ? d->step_unit : 0);
    bind_opt_i64(s, 22, d->holder);
    bind_opt_i64(s, 23, d->finished_at);
    store_bind_text(s, 24, eng_verdict_key(d->verdict));
    store_bind_text(s, 25, d->late_step[0] ? d->late_step : NULL);
    bind_opt_i64(s, 26, d->late_person);
    size_t len = store_state_pack(d, blob);
    sqlite3_bind_blob(s, 27, blob, (int)len, SQLITE_TRANSIENT);
    store_bind_i64(s, 28, d->desk_unit);
}

enum mc_status store_dossier_insert(struct store *st, const struct store_dossier_target *t,
                                    const char *code, const char *ref,
                                    const struct store_applicant *a, const struct eng_dossier *d,
                                    int64_t now, int64_t *id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO dossiers (code, ref, agency, procedure_id, case_id, version_id, unit,"
        " applicant_name, applicant_phone, channel, ruleset, submitted_at, received_at, due_at,"
        " legal_due_at, first_due_at, apology_at, status, stage, step, step_unit, holder,"
        " finished_at, verdict, late_step, late_person, state, desk_unit, applicant_email,"
        " applicant_addr, applicant_idno, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?32)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    uint8_t blob[STORE_STATE_MAX];
    store_bind_text(s, 1, code);
    store_bind_text(s, 2, ref);
    store_bind_text(s, 3, t->agency);
    store_bind_i64(s, 4, t->procedure_id);
    store_bind_i64(s, 5, t->case_id);
    store_bind_i64(s, 6, t->version_id);
    store_bind_i64(s, 7, t->unit);
    store_bind_text(s, 8, a->name);
    store_bind_text(s, 9, a->phone);
    bind_state(s, d, blob);
    store_bind_text(s, 29, a->email);
    store_bind_text(s, 30, a->address);
    store_bind_text(s, 31, a->id_number);
    store_bind_i64(s, 32, now);
    enum mc_status rc = store_exec_stmt(st, s, "inserting a dossier", err);
    if (rc == MC_OK) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

/* The state columns that an index, a UNIQUE constraint or a foreign key
 * covers. SQLite rewrites every index entry of a column named in SET, even
 * when its value is the same (a WAL page per index), and checks the parent
 * row of every foreign key named: an update names only those that changed.
 * One statement per combination, made once. */
enum {
    UPD_CODE = 1 << 0,
    UPD_STATUS = 1 << 1,
    UPD_STEP_UNIT = 1 << 2,
    UPD_HOLDER = 1 << 3,
    UPD_DESK = 1 << 4,
    UPD_RECEIVED = 1 << 5,
    UPD_LATE_PERSON = 1 << 6,
    UPD_VARIANTS = 1 << 7
};

static const struct {
    unsigned bit;
    const char *set;
} update_optional[] = {
    { UPD_CODE, ", code = ?3" },
    { UPD_STATUS, ", status = ?18" },
    { UPD_STEP_UNIT, ", step_unit = ?21" },
    { UPD_HOLDER, ", holder = ?22" },
    { UPD_DESK, ", desk_unit = ?28" },
    { UPD_RECEIVED, ", received_at = ?13" },
    { UPD_LATE_PERSON, ", late_person = ?26" },
};

static char *update_sql[UPD_VARIANTS];
static pthread_once_t update_once = PTHREAD_ONCE_INIT;

static void make_update_sql(void)
{
    for (unsigned mask = 0; mask < UPD_VARIANTS; mask++) {
        struct mc_buf b;
        mc_buf_init(&b, 0);
        mc_buf_puts(&b, "UPDATE dossiers SET version = version + 1, channel = ?10, ruleset = ?11,"
                        " submitted_at = ?12, due_at = ?14, legal_due_at = ?15,"
                        " first_due_at = ?16, apology_at = ?17, stage = ?19, step = ?20,"
                        " finished_at = ?23, verdict = ?24, late_step = ?25, state = ?27,"
                        " updated_at = ?4");
        for (size_t i = 0; i < sizeof(update_optional) / sizeof(update_optional[0]); i++) {
            if (mask & update_optional[i].bit) {
                mc_buf_puts(&b, update_optional[i].set);
            }
        }
        mc_buf_puts(&b, " WHERE id = ?1 AND version = ?2");
        update_sql[mask] = mc_buf_detach(&b, NULL);
    }
}

static int64_t step_unit_of(const struct eng_dossier *d)
{
    return d->step[0] ? d->step_unit : 0;
}

static unsigned changed_columns(const struct eng_dossier *p, const struct eng_dossier *d,
                                const char *code)
{
    unsigned m = code ? UPD_CODE : 0;
    m |= eng_status_code(p->status) != eng_status_code(d->status) ? UPD_STATUS : 0;
    m |= step_unit_of(p) != step_unit_of(d) ? UPD_STEP_UNIT : 0;
    m |= p->holder != d->holder ? UPD_HOLDER : 0;
    m |= p->desk_unit != d->desk_unit ? UPD_DESK : 0;
    m |= p->received_at != d->received_at ? UPD_RECEIVED : 0;
    m |= p->late_person != d->late_person ? UPD_LATE_PERSON : 0;
    return m;
}

enum mc_status store_dossier_update(struct store *st, int64_t id, int64_t version, const char *code,
                                    const struct eng_dossier *prev, const struct eng_dossier *d,
                                    int64_t now, struct mc_err *err)
{
    pthread_once(&update_once, make_update_sql);
    sqlite3_stmt *s = store_stmt(st, update_sql[changed_columns(prev, d, code)], err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    /* bind_state binds every state column; the ones the statement does not
     * name are simply not used (sqlite3_bind_* past the last one is a
     * harmless SQLITE_RANGE). */
    uint8_t blob[STORE_STATE_MAX];
    store_bind_i64(s, 1, id);
    store_bind_i64(s, 2, version);
    store_bind_text(s, 3, code);
    store_bind_i64(s, 4, now);
    bind_state(s, d, blob);
    enum mc_status rc = store_exec_stmt(st, s, "updating a dossier", err);
    if (rc == MC_OK && sqlite3_changes(st->db) != 1) {
        rc = mc_fail(err, MC_ECONFLICT, "the dossier changed meanwhile (version %lld is stale)",
                     (long long)version);
    }
    return rc;
}

static enum mc_status load_row(struct store *st, sqlite3_stmt *s, struct store_dossier *out,
                               struct mc_err *err)
{
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof(*out));
        out->id = sqlite3_column_int64(s, 0);
        out->version = sqlite3_column_int64(s, 1);
        out->version_id = sqlite3_column_int64(s, 2);
        out->procedure_id = sqlite3_column_int64(s, 3);
        out->unit = sqlite3_column_int64(s, 4);
        copy_col(s, 5, out->code, sizeof(out->code));
        copy_col(s, 6, out->ref, sizeof(out->ref));
        copy_col(s, 7, out->agency, sizeof(out->agency));
        copy_col(s, 8, out->phone, sizeof(out->phone));
        int64_t halves = sqlite3_column_int64(s, 10);
        const char *lu = (const char *)sqlite3_column_text(s, 11);
        out->limit_minutes =
            halves * (lu && strcmp(lu, "working_hours") == 0 ? 30 : ENG_WORKDAY_MINUTES / 2);
        const uint8_t *blob = sqlite3_column_blob(s, 9);
        int len = sqlite3_column_bytes(s, 9);
        ret = store_state_unpack(blob ? blob : (const uint8_t *)"", (size_t)len, &out->state, err);
        if (ret != MC_OK) {
            ret = mc_fail(err, MC_EINTERNAL, "dossier %lld: stored state does not decode",
                          (long long)out->id);
        }
    } else if (rc == SQLITE_DONE) {
        ret = mc_fail(err, MC_ENOTFOUND, "no such dossier");
    } else {
        ret = store_fail_db(st, err, "reading a dossier");
    }
    sqlite3_reset(s);
    return ret;
}

#define DOSSIER_COLS                                                                         \
    "SELECT d.id, d.version, d.version_id, d.procedure_id, d.unit, d.code, d.ref, d.agency," \
    " d.applicant_phone, d.state, c.limit_halves, c.limit_unit"                              \
    " FROM dossiers d JOIN cases c ON c.id = d.case_id "

enum mc_status store_dossier_load(struct store *st, const char *code_or_ref,
                                  struct store_dossier *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, DOSSIER_COLS "WHERE d.code = ?1 OR d.ref = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code_or_ref);
    return load_row(st, s, out, err);
}

enum mc_status store_dossier_load_id(struct store *st, int64_t id, struct store_dossier *out,
                                     struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, DOSSIER_COLS "WHERE d.id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    return load_row(st, s, out, err);
}

enum mc_status store_code_next(struct store *st, const char *agency, int day, int *seq,
                               struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "INSERT INTO code_sequences (agency, day, last) VALUES (?1, ?2, 1)"
                   " ON CONFLICT (agency, day) DO UPDATE SET last = last + 1 RETURNING last",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, agency);
    store_bind_i64(s, 2, day);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        *seq = sqlite3_column_int(s, 0);
        rc = sqlite3_step(s);
    }
    if (rc != SQLITE_DONE) {
        ret = sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_CHECK
                  ? mc_fail(err, MC_ELIMIT, "agency %s has used all 9999 codes of the day", agency)
                  : store_fail_db(st, err, "allocating a dossier code");
    }
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_desk_unit(struct store *st, int64_t *id, struct mc_err *err)
{
    return id_of(st,
                 "SELECT id FROM units WHERE kind = 'reception' AND ?1 = ?1 ORDER BY id LIMIT 1",
                 "reception", "one-stop desk", id, err);
}

enum mc_status store_notify(struct store *st, int64_t person, int64_t dossier, const char *kind,
                            const char *message, int64_t now, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO notifications (person, dossier, kind, message,"
                                 " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, person);
    bind_opt_i64(s, 2, dossier);
    store_bind_text(s, 3, kind);
    store_bind_text(s, 4, message);
    store_bind_i64(s, 5, now);
    return store_exec_stmt(st, s, "writing a notification", err);
}
