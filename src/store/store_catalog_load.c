/* Catalog loaders: stored rows back into core structs (export, and the
 * comparison of a re-imported process version with the stored one). */
#include <string.h>

#include "store/store_catalog.h"
#include "store/store_catalog_int.h"
#include "store/store_int.h"

static const char *col_str(sqlite3_stmt *s, int col, struct mc_arena *a)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    return t ? mc_arena_strdup(a, (const char *)t) : NULL;
}

/* A stored JSON array of strings. */
static enum mc_status load_list(struct store *st, const char *json, struct mc_arena *a,
                                const char ***out, size_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT value, json_array_length(?1) FROM json_each(?1)", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, json);
    *n = 0;
    *out = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*out == NULL) {
            size_t cap = (size_t)sqlite3_column_int64(s, 1);
            *out = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(**out));
        }
        (*out)[(*n)++] = col_str(s, 0, a);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        return store_fail_db(st, err, "reading a list");
    }
    if (*out == NULL) {
        *out = mc_arena_alloc(a, sizeof(**out)); /* an empty list, not an absent one */
    }
    return MC_OK;
}

/* steps.parallel_options (migration 0018): each inner array a list. */
static enum mc_status load_options(struct store *st, const char *json, struct mc_arena *a,
                                   struct core_step *k, struct mc_err *err)
{
    const char **inner = NULL;
    size_t n = 0;
    enum mc_status r = load_list(st, json ? json : "[]", a, &inner, &n, err);
    k->parallel_options = NULL;
    k->nparallel_options = 0;
    if (r != MC_OK || n == 0) {
        return r;
    }
    struct core_parallel_option *opts = mc_arena_alloc(a, n * sizeof(*opts));
    for (size_t o = 0; o < n && r == MC_OK; o++) {
        r = load_list(st, inner[o], a, &opts[o].keys, &opts[o].nkeys, err);
    }
    k->parallel_options = opts;
    k->nparallel_options = n;
    return r;
}

static enum mc_status load_steps(struct store *st, int64_t version_id, struct mc_arena *a,
                                 struct core_process *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT key, name, role, unit, halves, forms, outputs, may_return,"
                                 " requires_signature, next,"
                                 " (SELECT count(*) FROM steps WHERE version_id = ?1),"
                                 " split = 'parallel', parallel_options"
                                 " FROM steps WHERE version_id = ?1 ORDER BY ord",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, version_id);
    out->nsteps = 0;
    out->steps = NULL;
    int rc;
    struct lists {
        const char *forms, *outputs, *next, *options;
    } *raw = NULL;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (out->steps == NULL) {
            size_t cap = (size_t)sqlite3_column_int64(s, 10);
            out->steps = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(*out->steps));
            raw = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(*raw));
        }
        struct core_step *k = &out->steps[out->nsteps];
        memset(k, 0, sizeof(*k));
        k->key = col_str(s, 0, a);
        k->name = col_str(s, 1, a);
        k->role = col_str(s, 2, a);
        k->unit = col_str(s, 3, a);
        k->hours = (double)sqlite3_column_int64(s, 4) / 2;
        raw[out->nsteps] = (struct lists){ col_str(s, 5, a), col_str(s, 6, a), col_str(s, 9, a),
                                           col_str(s, 12, a) };
        k->may_return = sqlite3_column_int(s, 7) != 0;
        k->requires_signature = sqlite3_column_int(s, 8) != 0;
        k->split = sqlite3_column_int(s, 11) != 0 ? CORE_SPLIT_PARALLEL : CORE_SPLIT_EXCLUSIVE;
        out->nsteps++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        return store_fail_db(st, err, "reading steps");
    }
    /* The lists use another statement: load them after this one is done. */
    enum mc_status r = MC_OK;
    for (size_t i = 0; i < out->nsteps && r == MC_OK; i++) {
        struct core_step *k = &out->steps[i];
        r = load_list(st, raw[i].forms, a, &k->forms, &k->nforms, err);
        if (r == MC_OK) {
            r = load_list(st, raw[i].outputs, a, &k->outputs, &k->noutputs, err);
        }
        if (r == MC_OK) {
            r = load_list(st, raw[i].next, a, &k->next, &k->nnext, err);
        }
        if (r == MC_OK) {
            r = load_options(st, raw[i].options, a, k, err);
        }
    }
    return r;
}

/* Shared by the two ways of naming a version. */
static enum mc_status version_row(struct store *st, sqlite3_stmt *s, struct mc_arena *a,
                                  struct core_process *out, bool *found, struct mc_err *err)
{
    int rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading a process version");
    }
    memset(out, 0, sizeof(*out));
    int64_t vid = sqlite3_column_int64(s, 0);
    out->code = col_str(s, 1, a);
    out->name = col_str(s, 2, a);
    out->issue = sqlite3_column_int64(s, 3);
    const char *status = col_str(s, 4, a);
    out->effective = col_str(s, 5, a);
    out->drafter = col_str(s, 6, a);
    out->reviewer = col_str(s, 7, a);
    out->approver = col_str(s, 8, a);
    sqlite3_reset(s);
    if (status == NULL || !core_pv_status_parse(status, &out->status)) {
        return mc_fail(err, MC_EINTERNAL, "a stored version has an unknown status");
    }
    return load_steps(st, vid, a, out, err);
}

enum mc_status store_catalog_version_load(struct store *st, int64_t process_id, int64_t issue,
                                          struct mc_arena *a, struct core_process *out, bool *found,
                                          struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT v.id, p.code, v.name, v.issue, v.status, v.effective,"
                                 " v.drafter, v.reviewer, v.approver FROM process_versions v"
                                 " JOIN processes p ON p.id = v.process_id"
                                 " WHERE v.process_id = ?1 AND v.issue = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, process_id);
    store_bind_i64(s, 2, issue);
    return version_row(st, s, a, out, found, err);
}

enum mc_status store_catalog_version_get(struct store *st, const char *process_code, int64_t issue,
                                         struct mc_arena *a, struct core_process *out,
                                         struct mc_err *err)
{
    /* issue 0: the version in force, else the latest (as export writes). */
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT v.id, p.code, v.name, v.issue, v.status, v.effective,"
                                 " v.drafter, v.reviewer, v.approver FROM process_versions v"
                                 " JOIN processes p ON p.id = v.process_id"
                                 " WHERE p.code = ?1 AND (?2 = 0 OR v.issue = ?2)"
                                 " ORDER BY v.status = 'effective' DESC, v.issue DESC LIMIT 1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, process_code);
    store_bind_i64(s, 2, issue);
    bool found = false;
    enum mc_status rc = version_row(st, s, a, out, &found, err);
    if (rc == MC_OK && !found) {
        return issue ? mc_fail(err, MC_ENOTFOUND, "process %s has no issue %lld", process_code,
                               (long long)issue)
                     : mc_fail(err, MC_ENOTFOUND, "no process %s", process_code);
    }
    return rc;
}

/* The version in force of the case's process, else its latest. */
static enum mc_status case_process(struct store *st, int64_t case_id, struct mc_arena *a,
                                   struct core_process **out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT v.id, p.code, v.name, v.issue, v.status, v.effective,"
                                 " v.drafter, v.reviewer, v.approver FROM process_versions v"
                                 " JOIN processes p ON p.id = v.process_id WHERE p.case_id = ?1"
                                 " ORDER BY v.status = 'effective' DESC, v.issue DESC LIMIT 1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, case_id);
    struct core_process *p = mc_arena_alloc(a, sizeof(*p));
    bool found = false;
    enum mc_status rc = version_row(st, s, a, p, &found, err);
    *out = rc == MC_OK && found ? p : NULL;
    return rc;
}

static enum mc_status load_components(struct store *st, int64_t case_id, struct mc_arena *a,
                                      struct core_case *c, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT name, original, certified_copy, copy, form, required,"
                                 " (SELECT count(*) FROM components WHERE case_id = ?1)"
                                 " FROM components WHERE case_id = ?1 ORDER BY ord",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, case_id);
    c->ncomponents = 0;
    c->components = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (c->components == NULL) {
            size_t cap = (size_t)sqlite3_column_int64(s, 6);
            c->components = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(*c->components));
        }
        struct core_component *k = &c->components[c->ncomponents++];
        k->name = col_str(s, 0, a);
        int64_t *counts[] = { &k->original, &k->certified_copy, &k->copy };
        for (int i = 0; i < 3; i++) {
            *counts[i] =
                sqlite3_column_type(s, 1 + i) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 1 + i);
        }
        k->form = col_str(s, 4, a);
        k->required = sqlite3_column_int(s, 5) != 0;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading components");
}

static enum mc_status load_cases(struct store *st, int64_t proc_id, struct mc_arena *a,
                                 struct core_procedure *p, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT id, code, name, limit_halves, limit_unit,"
                                 " (SELECT count(*) FROM cases WHERE procedure_id = ?1)"
                                 " FROM cases WHERE procedure_id = ?1 ORDER BY ord",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, proc_id);
    p->ncases = 0;
    p->cases = NULL;
    int64_t *ids = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (p->cases == NULL) {
            size_t cap = (size_t)sqlite3_column_int64(s, 5);
            p->cases = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(*p->cases));
            ids = mc_arena_alloc(a, (cap ? cap : 1) * sizeof(*ids));
        }
        struct core_case *c = &p->cases[p->ncases];
        memset(c, 0, sizeof(*c));
        ids[p->ncases] = sqlite3_column_int64(s, 0);
        c->code = col_str(s, 1, a);
        c->name = col_str(s, 2, a);
        c->limit.halves = sqlite3_column_int64(s, 3);
        const char *unit = (const char *)sqlite3_column_text(s, 4);
        if (unit == NULL || !core_time_unit_parse(unit, &c->limit.unit)) {
            c->limit.unit = CORE_WORKING_DAYS;
        }
        p->ncases++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        return store_fail_db(st, err, "reading cases");
    }
    enum mc_status r = MC_OK;
    for (size_t i = 0; i < p->ncases && r == MC_OK; i++) {
        r = load_components(st, ids[i], a, &p->cases[i], err);
        if (r == MC_OK) {
            r = case_process(st, ids[i], a, &p->cases[i].process, err);
        }
    }
    return r;
}

enum mc_status store_catalog_procedure_load(struct store *st, const char *code, struct mc_arena *a,
                                            struct core_procedure *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT id, code, kind, name, domain, level, unit, agency,"
                                 " applicants, result, fee, legal_basis, online_level,"
                                 " announcing_decision, source FROM procedures WHERE code = ?1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, code);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? mc_fail(err, MC_ENOTFOUND, "no procedure %s", code)
                                 : store_fail_db(st, err, "reading a procedure");
    }
    memset(out, 0, sizeof(*out));
    int64_t id = sqlite3_column_int64(s, 0);
    const char **fields[] = { &out->code, &out->kind,   &out->name,       &out->domain, &out->level,
                              &out->unit, &out->agency, &out->applicants, &out->result, &out->fee };
    for (int i = 0; i < 10; i++) {
        *fields[i] = col_str(s, 1 + i, a);
    }
    const char *legal = col_str(s, 11, a);
    out->online_level = col_str(s, 12, a);
    out->announcing_decision = col_str(s, 13, a);
    out->source = col_str(s, 14, a);
    sqlite3_reset(s);
    enum mc_status r = MC_OK;
    if (legal) {
        r = load_list(st, legal, a, &out->legal_basis, &out->nlegal_basis, err);
    }
    if (r == MC_OK) {
        r = load_cases(st, id, a, out, err);
    }
    return r;
}

enum mc_status store_catalog_domains_load(struct store *st, struct mc_arena *a,
                                          struct core_domain **out, size_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT code, name, name_en, (SELECT count(*) FROM domains)"
                                 " FROM domains ORDER BY code",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    *n = 0;
    *out = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*out == NULL) {
            *out = mc_arena_alloc(a, (size_t)sqlite3_column_int64(s, 3) * sizeof(**out));
        }
        struct core_domain *d = &(*out)[(*n)++];
        d->code = col_str(s, 0, a);
        d->name = col_str(s, 1, a);
        d->name_en = col_str(s, 2, a);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading domains");
}

enum mc_status store_catalog_procedure_codes(struct store *st, struct mc_arena *a,
                                             const char ***out, size_t *n, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st, "SELECT code, (SELECT count(*) FROM procedures) FROM procedures ORDER BY code", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    *n = 0;
    *out = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*out == NULL) {
            *out = mc_arena_alloc(a, (size_t)sqlite3_column_int64(s, 1) * sizeof(**out));
        }
        (*out)[(*n)++] = col_str(s, 0, a);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading procedure codes");
}
