/* domains.json and procedures/<code>.json (docs/IMPORT.md): import and export. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "cli/catalog_decode.h"
#include "cli/import.h"
#include "http/recur_json.h"
#include "store/store_catalog.h"
#include "store/store_recur.h"

static int import_domains(struct import_ctx *ctx)
{
    static const char file[] = "domains.json";
    json_t *j = import_load(ctx, file, false);
    if (j == NULL) {
        return 0;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct core_domain *doms = NULL;
    size_t n = 0;
    int loaded = 0;
    if (catalog_decode_domains(ctx, file, j, &a, &doms, &n)) {
        for (size_t i = 0; i < n; i++) {
            struct mc_err err;
            if (store_catalog_domain_put(ctx->st, &doms[i], &err) != MC_OK) {
                char where[64];
                snprintf(where, sizeof(where), "$[%zu]", i);
                import_error(ctx, file, where, "%s", err.msg);
            } else {
                loaded++;
            }
        }
    }
    mc_arena_release(&a);
    json_decref(j);
    return loaded;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The *.json names in DIR/procedures, sorted so errors come in a stable
 * order. NULL with *n 0 when the directory is absent. */
static char **procedure_files(struct import_ctx *ctx, size_t *n)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/procedures", ctx->dir);
    *n = 0;
    DIR *d = opendir(path);
    if (d == NULL) {
        if (errno != ENOENT) {
            import_error(ctx, "procedures", "", "cannot read %s: %s", path, strerror(errno));
        }
        return NULL;
    }
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json") != 0) {
            continue;
        }
        names = mc_xgrow(names, &cap, *n + 1, sizeof(*names));
        names[(*n)++] = mc_xstrdup(e->d_name);
    }
    closedir(d);
    if (*n > 1) {
        qsort(names, *n, sizeof(*names), by_name);
    }
    return names;
}

static int import_procedures(struct import_ctx *ctx)
{
    size_t n = 0;
    char **names = procedure_files(ctx, &n);
    int loaded = 0;
    for (size_t i = 0; i < n; i++) {
        char file[512];
        snprintf(file, sizeof(file), "procedures/%s", names[i]);
        json_t *j = import_load(ctx, file, true);
        if (j == NULL) {
            continue;
        }
        struct mc_arena a;
        mc_arena_init(&a);
        struct core_procedure p;
        if (catalog_decode_procedure(ctx, file, j, &a, &p)) {
            struct mc_err err;
            mc_err_clear(&err);
            /* The file is the whole item: no "recurrence" clears a rule. */
            if (store_catalog_procedure_put(ctx->st, &p, "$", &err) != MC_OK ||
                store_recur_put(ctx->st, p.code, &p.recur, (int64_t)time(NULL) / 60, &err) !=
                    MC_OK) {
                import_error(ctx, file, err.field, "%s", err.msg);
            } else {
                loaded++;
            }
        }
        mc_arena_release(&a);
        json_decref(j);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    return loaded;
}

int import_catalog(struct import_ctx *ctx)
{
    return import_domains(ctx) + import_procedures(ctx);
}

/* ---- export ---- */

static void set_str(json_t *o, const char *key, const char *v)
{
    if (v) {
        json_object_set_new(o, key, json_string(v));
    }
}

static json_t *str_list(const char *const *items, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(arr, json_string(items[i]));
    }
    return arr;
}

/* 15 rather than 15.0; 0.5 steps as reals. */
static json_t *halves_number(int64_t halves)
{
    return halves % 2 == 0 ? json_integer(halves / 2) : json_real((double)halves / 2);
}

static json_t *encode_process(const struct core_process *p)
{
    json_t *o = json_object();
    set_str(o, "code", p->code);
    set_str(o, "name", p->name);
    json_object_set_new(o, "issue", json_integer(p->issue));
    set_str(o, "effective", p->effective);
    set_str(o, "status", core_pv_status_name(p->status));
    set_str(o, "drafter", p->drafter);
    set_str(o, "reviewer", p->reviewer);
    set_str(o, "approver", p->approver);
    json_t *steps = json_array();
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        json_t *so = json_object();
        set_str(so, "key", s->key);
        set_str(so, "name", s->name);
        set_str(so, "role", s->role);
        set_str(so, "unit", s->unit);
        json_object_set_new(so, "hours", halves_number((int64_t)(s->hours * 2)));
        json_object_set_new(so, "forms", str_list(s->forms, s->nforms));
        json_object_set_new(so, "outputs", str_list(s->outputs, s->noutputs));
        json_object_set_new(so, "may_return", json_boolean(s->may_return));
        json_object_set_new(so, "requires_signature", json_boolean(s->requires_signature));
        json_object_set_new(so, "next", str_list(s->next, s->nnext));
        set_str(so, "split", core_split_name(s->split));
        if (s->nparallel_options > 0) {
            json_t *opts = json_array();
            for (size_t g = 0; g < s->nparallel_options; g++) {
                json_array_append_new(
                    opts, str_list(s->parallel_options[g].keys, s->parallel_options[g].nkeys));
            }
            json_object_set_new(so, "parallel_options", opts);
        }
        json_array_append_new(steps, so);
    }
    json_object_set_new(o, "steps", steps);
    return o;
}

static json_t *encode_case(const struct core_case *c)
{
    json_t *o = json_object();
    set_str(o, "code", c->code);
    set_str(o, "name", c->name);
    json_object_set_new(o, "time_limit",
                        json_pack("{s:o, s:s}", "amount", halves_number(c->limit.halves), "unit",
                                  core_time_unit_name(c->limit.unit)));
    json_t *comps = json_array();
    for (size_t i = 0; i < c->ncomponents; i++) {
        const struct core_component *k = &c->components[i];
        json_t *ko = json_object();
        set_str(ko, "name", k->name);
        const char *names[] = { "original", "certified_copy", "copy" };
        const int64_t counts[] = { k->original, k->certified_copy, k->copy };
        for (int n = 0; n < 3; n++) {
            if (counts[n] >= 0) {
                json_object_set_new(ko, names[n], json_integer(counts[n]));
            }
        }
        set_str(ko, "form", k->form);
        json_object_set_new(ko, "required", json_boolean(k->required));
        json_array_append_new(comps, ko);
    }
    json_object_set_new(o, "components", comps);
    if (c->process) {
        json_object_set_new(o, "process", encode_process(c->process));
    }
    return o;
}

static json_t *encode_procedure(const struct core_procedure *p)
{
    json_t *o = json_object();
    set_str(o, "code", p->code);
    set_str(o, "kind", p->kind);
    set_str(o, "name", p->name);
    set_str(o, "domain", p->domain);
    set_str(o, "level", p->level);
    set_str(o, "unit", p->unit);
    set_str(o, "agency", p->agency);
    set_str(o, "applicants", p->applicants);
    set_str(o, "result", p->result);
    set_str(o, "fee", p->fee);
    if (p->legal_basis) {
        json_object_set_new(o, "legal_basis", str_list(p->legal_basis, p->nlegal_basis));
    }
    set_str(o, "online_level", p->online_level);
    set_str(o, "announcing_decision", p->announcing_decision);
    set_str(o, "source", p->source);
    json_t *cases = json_array();
    for (size_t i = 0; i < p->ncases; i++) {
        json_array_append_new(cases, encode_case(&p->cases[i]));
    }
    json_object_set_new(o, "cases", cases);
    json_t *recur = http_recur_encode(&p->recur);
    if (recur) {
        json_object_set_new(o, "recurrence", recur);
    }
    return o;
}

static int export_domains(struct store *st, const char *dir, struct mc_arena *a)
{
    struct core_domain *doms = NULL;
    size_t n = 0;
    struct mc_err err;
    if (store_catalog_domains_load(st, a, &doms, &n, &err) != MC_OK) {
        fprintf(stderr, "motcua export: %s\n", err.msg);
        return -1;
    }
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        set_str(o, "code", doms[i].code);
        set_str(o, "name", doms[i].name);
        set_str(o, "name_en", doms[i].name_en);
        json_array_append_new(arr, o);
    }
    int rc = export_write(dir, "domains.json", arr);
    json_decref(arr);
    return rc;
}

int export_catalog(struct store *st, const char *dir)
{
    struct mc_arena a;
    mc_arena_init(&a);
    int rc = export_domains(st, dir, &a);
    const char **codes = NULL;
    size_t n = 0;
    struct mc_err err;
    if (rc == 0 && store_catalog_procedure_codes(st, &a, &codes, &n, &err) != MC_OK) {
        fprintf(stderr, "motcua export: %s\n", err.msg);
        rc = -1;
    }
    char path[4096];
    snprintf(path, sizeof(path), "%s/procedures", dir);
    if (rc == 0 && n > 0 && mkdir(path, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "motcua export: cannot create %s: %s\n", path, strerror(errno));
        rc = -1;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        struct core_procedure p;
        if (store_catalog_procedure_load(st, codes[i], &a, &p, &err) != MC_OK) {
            fprintf(stderr, "motcua export: %s\n", err.msg);
            rc = -1;
            break;
        }
        if (store_recur_get(st, codes[i], &p.recur, &err) != MC_OK) {
            fprintf(stderr, "motcua export: %s\n", err.msg);
            rc = -1;
            break;
        }
        json_t *j = encode_procedure(&p);
        char name[128];
        snprintf(name, sizeof(name), "procedures/%s.json", codes[i]);
        rc = export_write(dir, name, j);
        json_decref(j);
    }
    mc_arena_release(&a);
    return rc;
}
