/* Catalog writes: domains, procedures (upsert by code), process versions
 * and their lifecycle. SQL of the read models is in store_catalog_json.c,
 * of the loaders in store_catalog_load.c. */
#include "store/store_catalog.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/store_catalog_int.h"
#include "store/store_int.h"

enum mc_status store_catalog_domain_put(struct store *st, const struct core_domain *d,
                                        struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO domains(code, name, name_en) VALUES (?1, ?2, ?3)"
                                 " ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
                                 " name_en = excluded.name_en",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, d->code);
    store_bind_text(s, 2, d->name);
    store_bind_text(s, 3, d->name_en);
    return store_exec_stmt(st, s, "saving a domain", err);
}

/* A JSON array of strings. The strings were checked (codes, UTF-8 text from
 * a JSON document), but quote and escape them anyway. */
static void json_list(struct mc_buf *b, const char *const *items, size_t n)
{
    mc_buf_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        mc_buf_puts(b, i ? ",\"" : "\"");
        for (const unsigned char *c = (const unsigned char *)items[i]; *c; c++) {
            if (*c == '"' || *c == '\\') {
                mc_buf_appendf(b, "\\%c", *c);
            } else if (*c < 0x20) {
                mc_buf_appendf(b, "\\u%04x", *c);
            } else {
                mc_buf_append(b, c, 1);
            }
        }
        mc_buf_puts(b, "\"");
    }
    mc_buf_puts(b, "]");
}

static void bind_list(sqlite3_stmt *s, int idx, const char *const *items, size_t n)
{
    struct mc_buf b;
    mc_buf_init(&b, 0);
    json_list(&b, items, n);
    store_bind_text(s, idx, mc_buf_cstr(&b));
    mc_buf_release(&b);
}

/* A step's parallel options as a JSON array of arrays of keys. */
static void bind_options(sqlite3_stmt *s, int idx, const struct core_step *k)
{
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, "[");
    for (size_t o = 0; o < k->nparallel_options; o++) {
        if (o > 0) {
            mc_buf_puts(&b, ",");
        }
        json_list(&b, k->parallel_options[o].keys, k->parallel_options[o].nkeys);
    }
    mc_buf_puts(&b, "]");
    store_bind_text(s, idx, mc_buf_cstr(&b));
    mc_buf_release(&b);
}

/* Run a statement returning one integer (RETURNING id, SELECT id). *found
 * false when no row. */
static enum mc_status step_i64(struct store *st, sqlite3_stmt *s, const char *what, int64_t *v,
                               bool *found, struct mc_err *err)
{
    int rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        *v = sqlite3_column_int64(s, 0);
        rc = sqlite3_step(s); /* finish RETURNING statements */
    }
    if (rc != SQLITE_DONE) {
        enum mc_status out = store_fail_db(st, err, what);
        sqlite3_reset(s);
        return out;
    }
    sqlite3_reset(s);
    return MC_OK;
}

static enum mc_status fail_path(struct mc_err *err, enum mc_status code, const char *prefix,
                                const char *suffix, const char *msg)
{
    struct mc_buf f;
    mc_buf_init(&f, 0);
    mc_buf_appendf(&f, "%s%s", prefix, suffix);
    enum mc_status rc = mc_fail_field(err, code, mc_buf_cstr(&f), "%s", msg);
    mc_buf_release(&f);
    return rc;
}

/* Does a unit (or a person) exist? The foreign keys would refuse an unknown
 * one too, but without saying which field. */
static enum mc_status exists(struct store *st, bool unit, const char *code, bool *yes,
                             struct mc_err *err)
{
    sqlite3_stmt *s =
        unit ? store_stmt(st, "SELECT EXISTS (SELECT 1 FROM units WHERE code = ?1)", err)
             : store_stmt(st, "SELECT EXISTS (SELECT 1 FROM people WHERE username = ?1)", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int64_t v = 0;
    bool found = false;
    enum mc_status rc =
        step_i64(st, s, unit ? "reading a unit" : "reading a person", &v, &found, err);
    *yes = v != 0;
    return rc;
}

/* The units and people a version names must exist (docs/IMPORT.md). */
static enum mc_status check_refs(struct store *st, const struct core_process *p, const char *prefix,
                                 struct mc_err *err)
{
    const char *people[] = { p->drafter, p->reviewer, p->approver };
    const char *fields[] = { ".drafter", ".reviewer", ".approver" };
    bool yes = true;
    enum mc_status rc = MC_OK;
    for (int i = 0; i < 3 && rc == MC_OK; i++) {
        if (people[i] && (rc = exists(st, false, people[i], &yes, err)) == MC_OK && !yes) {
            rc = fail_path(err, MC_EINVAL, prefix, fields[i],
                           "no such person: list the username in people.json");
        }
    }
    for (size_t i = 0; i < p->nsteps && rc == MC_OK; i++) {
        if ((rc = exists(st, true, p->steps[i].unit, &yes, err)) == MC_OK && !yes) {
            struct mc_buf f;
            mc_buf_init(&f, 0);
            mc_buf_appendf(&f, "%s%ssteps[%zu].unit", prefix, prefix[0] ? "." : "", i);
            rc = mc_fail_field(err, MC_EINVAL, mc_buf_cstr(&f),
                               "no such unit %s: list it in units.json", p->steps[i].unit);
            mc_buf_release(&f);
        }
    }
    return rc;
}

static enum mc_status put_components(struct store *st, int64_t case_id, const struct core_case *c,
                                     struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "DELETE FROM components WHERE case_id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, case_id);
    enum mc_status rc = store_exec_stmt(st, s, "replacing components", err);
    for (size_t i = 0; i < c->ncomponents && rc == MC_OK; i++) {
        const struct core_component *k = &c->components[i];
        s = store_stmt(st,
                       "INSERT INTO components(case_id, ord, name, original, certified_copy, copy,"
                       " form, required) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                       err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, case_id);
        store_bind_i64(s, 2, (int64_t)i + 1);
        store_bind_text(s, 3, k->name);
        const int64_t counts[] = { k->original, k->certified_copy, k->copy };
        for (int n = 0; n < 3; n++) {
            if (counts[n] < 0) {
                sqlite3_bind_null(s, 4 + n);
            } else {
                store_bind_i64(s, 4 + n, counts[n]);
            }
        }
        store_bind_text(s, 7, k->form);
        store_bind_i64(s, 8, k->required);
        rc = store_exec_stmt(st, s, "saving a component", err);
    }
    return rc;
}

static enum mc_status add_event(struct store *st, int64_t version_id, const char *actor,
                                const char *from, const char *to, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO process_version_events(version_id, actor,"
                                 " from_status, to_status) VALUES (?1, ?2, ?3, ?4)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, version_id);
    store_bind_text(s, 2, actor);
    store_bind_text(s, 3, from);
    store_bind_text(s, 4, to);
    return store_exec_stmt(st, s, "recording the history", err);
}

/* The effective version of a process: *issue 0 when none. */
static enum mc_status effective_issue(struct store *st, int64_t process_id, int64_t *issue,
                                      struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT issue FROM process_versions"
                                 " WHERE process_id = ?1 AND status = 'effective'",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, process_id);
    bool found = false;
    *issue = 0;
    return step_i64(st, s, "reading the version in force", issue, &found, err);
}

static enum mc_status supersede(struct store *st, int64_t process_id, const char *actor,
                                struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE process_versions SET status = 'superseded'"
                                 " WHERE process_id = ?1 AND status = 'effective' RETURNING id",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, process_id);
    int64_t vid = 0;
    bool found = false;
    enum mc_status rc = step_i64(st, s, "superseding the version in force", &vid, &found, err);
    if (rc == MC_OK && found) {
        rc = add_event(st, vid, actor, "effective", "superseded", err);
    }
    return rc;
}

/* Insert a version and its steps; the caller checked the issue is new. */
static enum mc_status insert_version(struct store *st, int64_t process_id,
                                     const struct core_process *p, int64_t total_halves,
                                     const char *actor, int64_t *version_id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO process_versions(process_id, issue, name, status, effective, drafter,"
        " reviewer, approver, total_halves) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        " RETURNING id",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, process_id);
    store_bind_i64(s, 2, p->issue);
    store_bind_text(s, 3, p->name);
    store_bind_text(s, 4, core_pv_status_name(p->status));
    store_bind_text(s, 5, p->effective);
    store_bind_text(s, 6, p->drafter);
    store_bind_text(s, 7, p->reviewer);
    store_bind_text(s, 8, p->approver);
    store_bind_i64(s, 9, total_halves);
    bool found = false;
    enum mc_status rc = step_i64(st, s, "saving a process version", version_id, &found, err);
    for (size_t i = 0; i < p->nsteps && rc == MC_OK; i++) {
        const struct core_step *k = &p->steps[i];
        s = store_stmt(st,
                       "INSERT INTO steps(version_id, key, ord, name, role, unit, halves, forms,"
                       " outputs, may_return, requires_signature, next, split, parallel_options)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                       err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, *version_id);
        store_bind_text(s, 2, k->key);
        store_bind_i64(s, 3, (int64_t)i + 1);
        store_bind_text(s, 4, k->name);
        store_bind_text(s, 5, k->role);
        store_bind_text(s, 6, k->unit);
        store_bind_i64(s, 7, (int64_t)(k->hours * 2));
        bind_list(s, 8, k->forms, k->nforms);
        bind_list(s, 9, k->outputs, k->noutputs);
        store_bind_i64(s, 10, k->may_return);
        store_bind_i64(s, 11, k->requires_signature);
        bind_list(s, 12, k->next, k->nnext);
        store_bind_text(s, 13, core_split_name(k->split));
        bind_options(s, 14, k);
        rc = store_exec_stmt(st, s, "saving a step", err);
    }
    if (rc == MC_OK) {
        rc = add_event(st, *version_id, actor, NULL, core_pv_status_name(p->status), err);
    }
    return rc;
}

/* The process's row, created for this case if new; MC_ECONFLICT if the
 * code belongs to another case. */
static enum mc_status process_row(struct store *st, int64_t case_id, const struct core_process *p,
                                  const char *prefix, int64_t *id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT id, case_id FROM processes WHERE code = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, p->code);
    int step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        int64_t owner = sqlite3_column_int64(s, 1);
        sqlite3_reset(s);
        if (owner != case_id) {
            return fail_path(err, MC_ECONFLICT, prefix, ".code",
                             "this process code belongs to another case or procedure");
        }
    } else {
        sqlite3_reset(s);
        if (step != SQLITE_DONE) {
            return store_fail_db(st, err, "reading a process");
        }
        s = store_stmt(st,
                       "INSERT INTO processes(code, name, case_id) VALUES (?1, ?2, ?3)"
                       " RETURNING id",
                       err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_text(s, 1, p->code);
        store_bind_text(s, 2, p->name);
        store_bind_i64(s, 3, case_id);
        bool found = false;
        return step_i64(st, s, "saving a process", id, &found, err);
    }
    return MC_OK;
}

static enum mc_status put_process(struct store *st, int64_t case_id, const struct core_case *c,
                                  const char *prefix, struct mc_err *err)
{
    const struct core_process *p = c->process;
    struct core_process_totals totals;
    enum mc_status rc = core_process_check(p, c->limit, prefix, &totals, err);
    if (rc == MC_OK) {
        rc = check_refs(st, p, prefix, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    int64_t process_id = 0;
    rc = process_row(st, case_id, p, prefix, &process_id, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct core_process old;
    bool found = false;
    rc = store_catalog_version_load(st, process_id, p->issue, &a, &old, &found, err);
    if (rc == MC_OK && found && !core_process_matches(&old, p)) {
        rc = fail_path(err, MC_ECONFLICT, prefix, ".issue",
                       "this issue of the process is already stored with other content: an "
                       "issued version never changes (give the new content a new issue number)");
    }
    mc_arena_release(&a);
    if (rc != MC_OK || found) {
        return rc;
    }
    if (p->status == CORE_PV_EFFECTIVE) {
        int64_t current = 0;
        rc = effective_issue(st, process_id, &current, err);
        if (rc == MC_OK && current > p->issue) {
            return fail_path(err, MC_ECONFLICT, prefix, ".issue",
                             "a later issue of this process is already in force");
        }
        if (rc == MC_OK) {
            rc = supersede(st, process_id, NULL, err);
        }
    }
    int64_t vid = 0;
    if (rc == MC_OK) {
        rc = insert_version(st, process_id, p, totals.longest_half_hours, NULL, &vid, err);
    }
    if (rc == MC_OK) {
        sqlite3_stmt *s = store_stmt(st, "UPDATE processes SET name = ?2 WHERE id = ?1", err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, process_id);
        store_bind_text(s, 2, p->name);
        rc = store_exec_stmt(st, s, "renaming a process", err);
    }
    return rc;
}

static enum mc_status put_case(struct store *st, int64_t proc_id, size_t i,
                               const struct core_case *c, const char *prefix, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO cases(procedure_id, ord, code, name, limit_halves, limit_unit)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(procedure_id, code) DO UPDATE SET"
        " ord = excluded.ord, name = excluded.name, limit_halves = excluded.limit_halves,"
        " limit_unit = excluded.limit_unit RETURNING id",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, proc_id);
    store_bind_i64(s, 2, (int64_t)i + 1);
    store_bind_text(s, 3, c->code);
    store_bind_text(s, 4, c->name);
    store_bind_i64(s, 5, c->limit.halves);
    store_bind_text(s, 6, core_time_unit_name(c->limit.unit));
    int64_t case_id = 0;
    bool found = false;
    enum mc_status rc = step_i64(st, s, "saving a case", &case_id, &found, err);
    if (rc == MC_OK) {
        rc = put_components(st, case_id, c, err);
    }
    if (rc == MC_OK && c->process) {
        struct mc_buf where;
        mc_buf_init(&where, 0);
        mc_buf_appendf(&where, "%s.cases[%zu].process", prefix, i);
        rc = put_process(st, case_id, c, mc_buf_cstr(&where), err);
        mc_buf_release(&where);
    }
    return rc;
}

/* Cases no longer listed go; one with a process cannot (the process keeps
 * its history), which the foreign key reports. */
static enum mc_status drop_old_cases(struct store *st, int64_t proc_id,
                                     const struct core_procedure *p, const char *prefix,
                                     struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "DELETE FROM cases WHERE procedure_id = ?1"
                                 " AND code NOT IN (SELECT value FROM json_each(?2))",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    const char *codes[CORE_PROCEDURE_MAX_CASES];
    size_t n = 0;
    for (size_t i = 0; i < p->ncases && n < CORE_PROCEDURE_MAX_CASES; i++) {
        codes[n++] = p->cases[i].code;
    }
    store_bind_i64(s, 1, proc_id);
    bind_list(s, 2, codes, n);
    enum mc_status rc = store_exec_stmt(st, s, "removing old cases", err);
    if (rc == MC_ECONFLICT) {
        return fail_path(err, rc, prefix, ".cases",
                         "a case that has a process cannot be removed from the procedure");
    }
    return rc;
}

enum mc_status store_catalog_procedure_put(struct store *st, const struct core_procedure *p,
                                           const char *prefix, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT ?1 IS NULL OR EXISTS (SELECT 1 FROM domains"
                                 " WHERE code = ?1)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, p->domain);
    int64_t known = 0;
    bool found = false;
    enum mc_status rc = step_i64(st, s, "reading a domain", &known, &found, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (!known) {
        return fail_path(err, MC_EINVAL, prefix, ".domain",
                         "no such domain: list it in domains.json");
    }
    bool unit_known = false;
    rc = exists(st, true, p->unit, &unit_known, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (!unit_known) {
        return fail_path(err, MC_EINVAL, prefix, ".unit", "no such unit: list it in units.json");
    }
    s = store_stmt(
        st,
        "INSERT INTO procedures(code, kind, name, domain, level, unit, agency, applicants,"
        " result, fee, legal_basis, online_level, announcing_decision, source)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        " ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, name = excluded.name,"
        " domain = excluded.domain, level = excluded.level, unit = excluded.unit,"
        " agency = excluded.agency, applicants = excluded.applicants, result = excluded.result,"
        " fee = excluded.fee, legal_basis = excluded.legal_basis,"
        " online_level = excluded.online_level,"
        " announcing_decision = excluded.announcing_decision, source = excluded.source"
        " RETURNING id",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    const char *texts[] = { p->code, p->kind,   p->name,       p->domain, p->level,
                            p->unit, p->agency, p->applicants, p->result, p->fee };
    for (int i = 0; i < 10; i++) {
        store_bind_text(s, i + 1, texts[i]);
    }
    if (p->legal_basis) {
        bind_list(s, 11, p->legal_basis, p->nlegal_basis);
    }
    store_bind_text(s, 12, p->online_level);
    store_bind_text(s, 13, p->announcing_decision);
    store_bind_text(s, 14, p->source);
    int64_t proc_id = 0;
    rc = step_i64(st, s, "saving a procedure", &proc_id, &found, err);
    if (rc == MC_OK) {
        rc = drop_old_cases(st, proc_id, p, prefix, err);
    }
    for (size_t i = 0; i < p->ncases && rc == MC_OK; i++) {
        rc = put_case(st, proc_id, i, &p->cases[i], prefix, err);
    }
    return rc;
}

enum mc_status store_catalog_process_info(struct store *st, const char *process_code,
                                          struct store_process_info *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT p.unit, p.code, c.limit_halves, c.limit_unit,"
        " (SELECT coalesce(max(issue), 0) FROM process_versions v WHERE v.process_id = pr.id)"
        " FROM processes pr JOIN cases c ON c.id = pr.case_id"
        " JOIN procedures p ON p.id = c.procedure_id WHERE pr.code = ?1",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, process_code);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        if (rc == SQLITE_DONE) {
            return mc_fail(err, MC_ENOTFOUND, "no process %s", process_code);
        }
        return store_fail_db(st, err, "reading a process");
    }
    memset(out, 0, sizeof(*out));
    const char *unit = (const char *)sqlite3_column_text(s, 0);
    const char *proc = (const char *)sqlite3_column_text(s, 1);
    const char *lunit = (const char *)sqlite3_column_text(s, 3);
    size_t ulen = unit ? strlen(unit) : 0;
    size_t plen = proc ? strlen(proc) : 0;
    memcpy(out->unit, unit ? unit : "", ulen < sizeof(out->unit) ? ulen : sizeof(out->unit) - 1);
    memcpy(out->procedure, proc ? proc : "",
           plen < sizeof(out->procedure) ? plen : sizeof(out->procedure) - 1);
    out->limit.halves = sqlite3_column_int64(s, 2);
    if (lunit == NULL || !core_time_unit_parse(lunit, &out->limit.unit)) {
        out->limit.unit = CORE_WORKING_DAYS;
    }
    out->latest_issue = sqlite3_column_int64(s, 4);
    sqlite3_reset(s);
    return MC_OK;
}

static enum mc_status process_id_of(struct store *st, const char *code, int64_t *id,
                                    const char **name, struct mc_arena *a, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT id, name FROM processes WHERE code = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        *name = mc_arena_strdup(a, (const char *)sqlite3_column_text(s, 1));
        sqlite3_reset(s);
        return MC_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "no process %s", code);
    }
    return store_fail_db(st, err, "reading a process");
}

enum mc_status store_catalog_version_create(struct store *st, const char *process_code,
                                            const struct core_process *p, const char *drafter,
                                            int64_t *issue, struct mc_err *err)
{
    struct store_process_info info = { .latest_issue = 0 };
    enum mc_status rc = store_catalog_process_info(st, process_code, &info, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (info.latest_issue >= 999) {
        return mc_fail(err, MC_ECONFLICT, "process %s has reached issue 999", process_code);
    }
    struct core_process_totals totals;
    rc = core_process_check(p, info.limit, "", &totals, err);
    if (rc == MC_OK) {
        rc = check_refs(st, p, "", err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct core_process v = *p;
    int64_t process_id = 0;
    rc = process_id_of(st, process_code, &process_id, &v.name, &a, err);
    if (rc == MC_OK) {
        if (p->name) {
            v.name = p->name;
        }
        v.code = process_code;
        v.issue = info.latest_issue + 1;
        v.status = CORE_PV_DRAFT;
        v.drafter = drafter;
        v.reviewer = NULL;
        v.approver = NULL;
        int64_t vid = 0;
        rc = insert_version(st, process_id, &v, totals.longest_half_hours, drafter, &vid, err);
    }
    mc_arena_release(&a);
    if (rc == MC_OK) {
        *issue = v.issue;
    }
    return rc;
}

enum mc_status store_catalog_version_transition(struct store *st, const char *process_code,
                                                int64_t issue, const struct store_transition *t,
                                                enum core_pv_status *from, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT v.id, v.status, pr.id FROM process_versions v"
                                 " JOIN processes pr ON pr.id = v.process_id"
                                 " WHERE pr.code = ?1 AND v.issue = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, process_code);
    store_bind_i64(s, 2, issue);
    int step = sqlite3_step(s);
    if (step != SQLITE_ROW) {
        sqlite3_reset(s);
        if (step == SQLITE_DONE) {
            return mc_fail(err, MC_ENOTFOUND, "process %s has no issue %lld", process_code,
                           (long long)issue);
        }
        return store_fail_db(st, err, "reading a process version");
    }
    int64_t vid = sqlite3_column_int64(s, 0);
    const char *status = (const char *)sqlite3_column_text(s, 1);
    int64_t process_id = sqlite3_column_int64(s, 2);
    bool known = status && core_pv_status_parse(status, from);
    sqlite3_reset(s);
    if (!known) {
        return mc_fail(err, MC_EINTERNAL, "a stored version has an unknown status");
    }
    enum mc_status rc = core_pv_transition(*from, t->to, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (t->to == CORE_PV_EFFECTIVE) {
        int64_t current = 0;
        rc = effective_issue(st, process_id, &current, err);
        if (rc == MC_OK && current > issue) {
            return mc_fail(err, MC_ECONFLICT,
                           "issue %lld of process %s is in force: an older issue cannot replace it",
                           (long long)current, process_code);
        }
        if (rc == MC_OK) {
            rc = supersede(st, process_id, t->actor, err);
        }
    }
    if (rc != MC_OK) {
        return rc;
    }
    s = store_stmt(st,
                   "UPDATE process_versions SET status = ?2,"
                   " reviewer = CASE WHEN ?4 THEN ?3 ELSE reviewer END,"
                   " approver = CASE WHEN ?2 = 'approved' THEN ?3 ELSE approver END,"
                   " effective = CASE WHEN ?2 = 'effective'"
                   "   THEN coalesce(?5, effective, date('now', '+7 hours')) ELSE effective END"
                   " WHERE id = ?1",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, vid);
    store_bind_text(s, 2, core_pv_status_name(t->to));
    store_bind_text(s, 3, t->actor);
    store_bind_i64(s, 4, t->actor_reviews);
    store_bind_text(s, 5, t->effective);
    rc = store_exec_stmt(st, s, "changing a version's status", err);
    if (rc == MC_OK) {
        rc = add_event(st, vid, t->actor, core_pv_status_name(*from), core_pv_status_name(t->to),
                       err);
    }
    return rc;
}
