#include "cli/catalog_decode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "core/process.h"
#include "http/recur_json.h"

/* Longest accepted texts, in bytes. */
enum { MAX_NAME = 1000, MAX_TEXT = 4000, MAX_USER = 32 };

/* JSON paths are cut at the buffer's size; vsnprintf keeps gcc's
 * truncation warning (meant for fixed formats) out of it. */
__attribute__((format(printf, 3, 4))) static void pathf(char *dst, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, n, fmt, ap);
    va_end(ap);
}

static void path_at(char *dst, size_t n, const char *path, const char *key, size_t i)
{
    pathf(dst, n, "%s.%s[%zu]", path, key, i);
}

/* An array of strings under key; absent: *out stays as given (NULL or an
 * empty list, the caller's default). */
static bool strings(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                    const char *key, size_t max_len, struct mc_arena *a, const char ***out,
                    size_t *n)
{
    json_t *arr;
    if (!import_array(ctx, file, path, obj, key, false, &arr)) {
        return false;
    }
    if (arr == NULL) {
        return true;
    }
    size_t len = json_array_size(arr);
    *out = mc_arena_alloc(a, (len ? len : 1) * sizeof(**out));
    *n = 0;
    bool ok = true;
    for (size_t i = 0; i < len; i++) {
        json_t *v = json_array_get(arr, i);
        size_t sl = json_string_length(v);
        if (!json_is_string(v) || sl == 0 || sl > max_len ||
            memchr(json_string_value(v), '\0', sl) != NULL) {
            char where[512];
            path_at(where, sizeof(where), path, key, i);
            import_error(ctx, file, where, "must be 1 to %zu bytes of text", max_len);
            ok = false;
            continue;
        }
        (*out)[(*n)++] = json_string_value(v);
    }
    return ok;
}

/* "parallel_options": [["a", "b"], ...] - lists of step keys; what they
 * must name is checked by core_process_check. */
static bool options_list(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                         struct mc_arena *a, struct core_step *s)
{
    json_t *arr;
    if (!import_array(ctx, file, path, obj, "parallel_options", false, &arr)) {
        return false;
    }
    if (arr == NULL) {
        return true;
    }
    char where[600];
    size_t len = json_array_size(arr);
    if (len > CORE_STEP_MAX_NEXT) {
        snprintf(where, sizeof(where), "%s.parallel_options", path);
        import_error(ctx, file, where, "must be a list of at most 8 lists of keys");
        return false;
    }
    struct core_parallel_option *opts = mc_arena_alloc(a, (len ? len : 1) * sizeof(*opts));
    bool ok = true;
    for (size_t o = 0; o < len; o++) {
        json_t *keys = json_array_get(arr, o);
        size_t nk = json_array_size(keys);
        opts[o].keys = mc_arena_alloc(a, (nk ? nk : 1) * sizeof(*opts[o].keys));
        opts[o].nkeys = 0;
        if (!json_is_array(keys) || nk > CORE_STEP_MAX_NEXT) {
            snprintf(where, sizeof(where), "%s.parallel_options[%zu]", path, o);
            import_error(ctx, file, where, "must be a list of step keys");
            ok = false;
            continue;
        }
        for (size_t m = 0; m < nk; m++) {
            json_t *v = json_array_get(keys, m);
            size_t sl = json_string_length(v);
            if (!json_is_string(v) || sl == 0 || sl > 64 ||
                memchr(json_string_value(v), '\0', sl) != NULL) {
                snprintf(where, sizeof(where), "%s.parallel_options[%zu][%zu]", path, o, m);
                import_error(ctx, file, where, "must be a step key");
                ok = false;
                continue;
            }
            opts[o].keys[opts[o].nkeys++] = json_string_value(v);
        }
    }
    s->parallel_options = opts;
    s->nparallel_options = len;
    return ok;
}

static bool decode_step(struct import_ctx *ctx, const char *file, const char *path, json_t *j,
                        struct mc_arena *a, struct core_step *s)
{
    static const char *const keys[] = { "key",     "name",       "role",
                                        "unit",    "hours",      "forms",
                                        "outputs", "may_return", "requires_signature",
                                        "next",    "split",      "parallel_options",
                                        NULL };
    if (!import_only_keys(ctx, file, path, j, keys)) {
        return false;
    }
    static const char *empty[1];
    s->forms = s->outputs = s->next = empty;
    bool ok = import_str(ctx, file, path, j, "key", true, 64, &s->key);
    ok &= import_str(ctx, file, path, j, "name", true, MAX_NAME, &s->name);
    ok &= import_str(ctx, file, path, j, "role", true, 32, &s->role);
    ok &= import_str(ctx, file, path, j, "unit", true, 32, &s->unit);
    ok &= import_num(ctx, file, path, j, "hours", true, 0, 2000, &s->hours);
    ok &= strings(ctx, file, path, j, "forms", MAX_NAME, a, &s->forms, &s->nforms);
    ok &= strings(ctx, file, path, j, "outputs", MAX_NAME, a, &s->outputs, &s->noutputs);
    ok &= import_bool(ctx, file, path, j, "may_return", false, &s->may_return);
    ok &= import_bool(ctx, file, path, j, "requires_signature", false, &s->requires_signature);
    ok &= strings(ctx, file, path, j, "next", 64, a, &s->next, &s->nnext);
    const char *split = NULL;
    ok &= import_str(ctx, file, path, j, "split", false, 16, &split);
    if (split && !core_split_parse(split, &s->split)) {
        char f[600];
        snprintf(f, sizeof(f), "%s.split", path);
        import_error(ctx, file, f, "must be \"exclusive\" or \"parallel\"");
        ok = false;
    }
    ok &= options_list(ctx, file, path, j, a, s);
    return ok;
}

static bool decode_process(struct import_ctx *ctx, const char *file, const char *path, json_t *j,
                           struct mc_arena *a, struct core_process *p)
{
    static const char *const keys[] = { "code",    "name",     "issue",    "effective", "status",
                                        "drafter", "reviewer", "approver", "steps",     NULL };
    if (!import_only_keys(ctx, file, path, j, keys)) {
        return false;
    }
    const char *status = NULL;
    char where[512];
    bool ok = import_str(ctx, file, path, j, "code", true, 32, &p->code);
    ok &= import_str(ctx, file, path, j, "name", true, MAX_NAME, &p->name);
    ok &= import_int(ctx, file, path, j, "issue", true, 1, 999, &p->issue);
    ok &= import_str(ctx, file, path, j, "effective", false, 10, &p->effective);
    ok &= import_str(ctx, file, path, j, "status", true, 16, &status);
    ok &= import_str(ctx, file, path, j, "drafter", false, MAX_USER, &p->drafter);
    ok &= import_str(ctx, file, path, j, "reviewer", false, MAX_USER, &p->reviewer);
    ok &= import_str(ctx, file, path, j, "approver", false, MAX_USER, &p->approver);
    int y, m, d;
    if (p->effective && !mc_parse_date(p->effective, &y, &m, &d)) {
        pathf(where, sizeof(where), "%s.effective", path);
        import_error(ctx, file, where, "must be a date YYYY-MM-DD");
        ok = false;
    }
    if (status && !core_pv_status_parse(status, &p->status)) {
        pathf(where, sizeof(where), "%s.status", path);
        import_error(ctx, file, where,
                     "must be draft, submitted, approved, effective or superseded");
        ok = false;
    } else if (status && p->status >= CORE_PV_EFFECTIVE && p->effective == NULL) {
        pathf(where, sizeof(where), "%s.effective", path);
        import_error(ctx, file, where, "is required for an effective or superseded version");
        ok = false;
    }
    json_t *steps;
    if (!import_array(ctx, file, path, j, "steps", true, &steps) || steps == NULL) {
        return false;
    }
    size_t n = json_array_size(steps);
    if (n > CORE_PROCESS_MAX_STEPS) {
        pathf(where, sizeof(where), "%s.steps", path);
        import_error(ctx, file, where, "has more than %d steps", CORE_PROCESS_MAX_STEPS);
        return false;
    }
    p->steps = mc_arena_alloc(a, (n ? n : 1) * sizeof(*p->steps));
    memset(p->steps, 0, (n ? n : 1) * sizeof(*p->steps));
    p->nsteps = n;
    for (size_t i = 0; i < n; i++) {
        path_at(where, sizeof(where), path, "steps", i);
        ok &= decode_step(ctx, file, where, json_array_get(steps, i), a, &p->steps[i]);
    }
    return ok;
}

static bool decode_component(struct import_ctx *ctx, const char *file, const char *path, json_t *j,
                             struct core_component *k)
{
    static const char *const keys[] = { "name",     "original", "certified_copy", "copy", "form",
                                        "required", NULL };
    if (!import_only_keys(ctx, file, path, j, keys)) {
        return false;
    }
    k->original = k->certified_copy = k->copy = -1; /* not stated */
    k->required = true;
    bool ok = import_str(ctx, file, path, j, "name", true, MAX_TEXT, &k->name);
    ok &= import_int(ctx, file, path, j, "original", false, 0, 100, &k->original);
    ok &= import_int(ctx, file, path, j, "certified_copy", false, 0, 100, &k->certified_copy);
    ok &= import_int(ctx, file, path, j, "copy", false, 0, 100, &k->copy);
    ok &= import_str(ctx, file, path, j, "form", false, MAX_NAME, &k->form);
    ok &= import_bool(ctx, file, path, j, "required", false, &k->required);
    return ok;
}

static bool decode_limit(struct import_ctx *ctx, const char *file, const char *path, json_t *j,
                         struct core_time_limit *limit)
{
    char where[512];
    pathf(where, sizeof(where), "%s.time_limit", path);
    json_t *tl = json_object_get(j, "time_limit");
    if (tl == NULL) {
        import_error(ctx, file, where, "is required");
        return false;
    }
    static const char *const keys[] = { "amount", "unit", NULL };
    if (!import_only_keys(ctx, file, where, tl, keys)) {
        return false;
    }
    double amount = 0;
    const char *unit = NULL;
    bool ok = import_num(ctx, file, where, tl, "amount", true, 0, 10000, &amount);
    ok &= import_str(ctx, file, where, tl, "unit", true, 16, &unit);
    char field[600];
    if (ok && !core_halves_of(amount, 10000, &limit->halves)) {
        pathf(field, sizeof(field), "%s.amount", where);
        import_error(ctx, file, field, "must be a positive number in steps of 0.5");
        ok = false;
    }
    if (unit && !core_time_unit_parse(unit, &limit->unit)) {
        pathf(field, sizeof(field), "%s.unit", where);
        import_error(ctx, file, field, "must be working_days or working_hours");
        ok = false;
    }
    return ok;
}

static bool decode_case(struct import_ctx *ctx, const char *file, const char *path, json_t *j,
                        struct mc_arena *a, struct core_case *c)
{
    static const char *const keys[] = {
        "code", "name", "time_limit", "components", "process", NULL
    };
    if (!import_only_keys(ctx, file, path, j, keys)) {
        return false;
    }
    bool ok = import_str(ctx, file, path, j, "code", true, 32, &c->code);
    ok &= import_str(ctx, file, path, j, "name", true, MAX_NAME, &c->name);
    ok &= decode_limit(ctx, file, path, j, &c->limit);
    json_t *comps;
    ok &= import_array(ctx, file, path, j, "components", false, &comps);
    size_t n = json_array_size(comps);
    c->components = mc_arena_alloc(a, (n ? n : 1) * sizeof(*c->components));
    memset(c->components, 0, (n ? n : 1) * sizeof(*c->components));
    c->ncomponents = n;
    char where[512];
    for (size_t i = 0; i < n; i++) {
        path_at(where, sizeof(where), path, "components", i);
        ok &= decode_component(ctx, file, where, json_array_get(comps, i), &c->components[i]);
    }
    json_t *proc = json_object_get(j, "process");
    if (proc && !json_is_null(proc)) {
        c->process = mc_arena_alloc(a, sizeof(*c->process));
        memset(c->process, 0, sizeof(*c->process));
        pathf(where, sizeof(where), "%s.process", path);
        ok &= decode_process(ctx, file, where, proc, a, c->process);
    }
    return ok;
}

/* The file is procedures/<code>.json. */
static bool name_matches(const char *file, const char *code)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(code);
    return strncmp(base, code, n) == 0 && strcmp(base + n, ".json") == 0;
}

/* "recurrence" (internal work items only): the API's decoder, so that a
 * file and PUT /api/procedures/{code}/recurrence accept the same rules. */
static bool decode_recurrence(struct import_ctx *ctx, const char *file, json_t *j,
                              struct core_procedure *p)
{
    json_t *rj = json_object_get(j, "recurrence");
    if (rj == NULL || json_is_null(rj)) {
        return true;
    }
    struct mc_err err;
    mc_err_clear(&err);
    if (http_recur_decode(rj, "$.recurrence", &p->recur, &err) != MC_OK) {
        import_error(ctx, file, err.field, "%s", err.msg);
        return false;
    }
    if (p->kind && strcmp(p->kind, "internal") != 0) {
        import_error(ctx, file, "$.recurrence",
                     "only an internal work item (kind internal) recurs; a TTHC is received "
                     "at the desk");
        return false;
    }
    return true;
}

static void report(struct import_ctx *ctx, const char *file, const struct mc_err *err)
{
    import_error(ctx, file, err->field, "%s", err->msg);
}

bool catalog_decode_procedure(struct import_ctx *ctx, const char *file, json_t *j,
                              struct mc_arena *a, struct core_procedure *p)
{
    static const char *const keys[] = { "code",
                                        "kind",
                                        "name",
                                        "domain",
                                        "level",
                                        "unit",
                                        "agency",
                                        "applicants",
                                        "result",
                                        "fee",
                                        "legal_basis",
                                        "online_level",
                                        "announcing_decision",
                                        "source",
                                        "cases",
                                        "recurrence",
                                        NULL };
    memset(p, 0, sizeof(*p));
    if (!import_only_keys(ctx, file, "$", j, keys)) {
        return false;
    }
    bool ok = import_str(ctx, file, "$", j, "code", true, 32, &p->code);
    ok &= import_str(ctx, file, "$", j, "kind", true, 16, &p->kind);
    ok &= import_str(ctx, file, "$", j, "name", true, MAX_NAME, &p->name);
    /* Required for a TTHC: core_procedure_check says so once kind is known. */
    ok &= import_str(ctx, file, "$", j, "domain", false, 32, &p->domain);
    ok &= import_str(ctx, file, "$", j, "level", false, 16, &p->level);
    ok &= import_str(ctx, file, "$", j, "unit", true, 32, &p->unit);
    ok &= import_str(ctx, file, "$", j, "agency", false, MAX_NAME, &p->agency);
    ok &= import_str(ctx, file, "$", j, "applicants", false, MAX_TEXT, &p->applicants);
    ok &= import_str(ctx, file, "$", j, "result", false, MAX_TEXT, &p->result);
    ok &= import_str(ctx, file, "$", j, "fee", false, MAX_TEXT, &p->fee);
    ok &= strings(ctx, file, "$", j, "legal_basis", MAX_TEXT, a, &p->legal_basis, &p->nlegal_basis);
    ok &= import_str(ctx, file, "$", j, "online_level", false, 16, &p->online_level);
    ok &= import_str(ctx, file, "$", j, "announcing_decision", false, MAX_NAME,
                     &p->announcing_decision);
    ok &= import_str(ctx, file, "$", j, "source", false, MAX_NAME, &p->source);
    ok &= decode_recurrence(ctx, file, j, p);
    if (p->code && !name_matches(file, p->code)) {
        import_error(ctx, file, "$.code", "must match the file name (<code>.json)");
        ok = false;
    }
    json_t *cases;
    if (!import_array(ctx, file, "$", j, "cases", true, &cases) || cases == NULL) {
        return false;
    }
    size_t n = json_array_size(cases);
    if (n > CORE_PROCEDURE_MAX_CASES) {
        import_error(ctx, file, "$.cases", "lists more than %d cases", CORE_PROCEDURE_MAX_CASES);
        return false;
    }
    p->cases = mc_arena_alloc(a, (n ? n : 1) * sizeof(*p->cases));
    memset(p->cases, 0, (n ? n : 1) * sizeof(*p->cases));
    p->ncases = n;
    char where[512];
    for (size_t i = 0; i < n; i++) {
        path_at(where, sizeof(where), "$", "cases", i);
        ok &= decode_case(ctx, file, where, json_array_get(cases, i), a, &p->cases[i]);
    }
    if (!ok) {
        return false;
    }
    /* The rules beyond types: one report for the procedure, one per case. */
    struct mc_err err;
    if (core_procedure_check(p, "$", &err) != MC_OK) {
        report(ctx, file, &err);
        ok = false;
    }
    for (size_t i = 0; i < n; i++) {
        const struct core_case *c = &p->cases[i];
        if (c->process == NULL) {
            continue;
        }
        pathf(where, sizeof(where), "$.cases[%zu].process", i);
        if (!core_catalog_code_ok(c->process->code)) {
            import_error(ctx, file, where, "code must be 1 to 32 characters of A-Z a-z 0-9 . _ -");
            ok = false;
        } else if (core_process_check(c->process, c->limit, where, NULL, &err) != MC_OK) {
            report(ctx, file, &err);
            ok = false;
        }
    }
    return ok;
}

bool catalog_decode_domains(struct import_ctx *ctx, const char *file, json_t *j, struct mc_arena *a,
                            struct core_domain **out, size_t *n)
{
    if (!json_is_array(j)) {
        import_error(ctx, file, "$", "must be an array of domains");
        return false;
    }
    size_t len = json_array_size(j);
    *out = mc_arena_alloc(a, (len ? len : 1) * sizeof(**out));
    *n = len;
    bool ok = true;
    static const char *const keys[] = { "code", "name", "name_en", NULL };
    for (size_t i = 0; i < len; i++) {
        char where[64];
        pathf(where, sizeof(where), "$[%zu]", i);
        json_t *d = json_array_get(j, i);
        struct core_domain *dom = &(*out)[i];
        memset(dom, 0, sizeof(*dom));
        if (!import_only_keys(ctx, file, where, d, keys)) {
            ok = false;
            continue;
        }
        bool dok = import_str(ctx, file, where, d, "code", true, 32, &dom->code);
        dok &= import_str(ctx, file, where, d, "name", true, MAX_NAME, &dom->name);
        dok &= import_str(ctx, file, where, d, "name_en", false, MAX_NAME, &dom->name_en);
        if (dok && !core_catalog_code_ok(dom->code)) {
            char f[80];
            pathf(f, sizeof(f), "%s.code", where);
            import_error(ctx, file, f, "must be 1 to 32 characters of A-Z a-z 0-9 . _ -");
            dok = false;
        }
        for (size_t k = 0; dok && k < i; k++) {
            if ((*out)[k].code && strcmp((*out)[k].code, dom->code) == 0) {
                char f[80];
                pathf(f, sizeof(f), "%s.code", where);
                import_error(ctx, file, f, "%s is listed twice", dom->code);
                dok = false;
            }
        }
        ok &= dok;
    }
    return ok;
}
