/* motcua bpmn: a process version as a BPMN 2.0 file for bpmn.io and other
 * modelers, and the check of such a file before it is uploaded
 * (docs/BPMN.md). `export` reads the database; `check` reads only the file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "bpmn/bpmn.h"
#include "cli/cmd.h"
#include "cli/common.h"
#include "store/store_catalog.h"

static const char usage[] =
    "usage: motcua bpmn export [--db PATH] [--config FILE] PROCESS_CODE [--issue N] [-o FILE]\n"
    "       motcua bpmn check FILE [--limit-days N | --limit-hours N]\n"
    "\n"
    "export  writes a process version (default: the one in force, else the latest) as\n"
    "        BPMN 2.0 XML with a left-to-right diagram, to FILE or standard output.\n"
    "check   reads a BPMN file as an import would, checks the motcua subset and the\n"
    "        process rules (against the legal limit when given), and prints the steps\n"
    "        and the longest path, or every problem with its element and line (exit 1).\n"
    "\n"
    "The mapping, the motcua extension namespace and the limits: docs/BPMN.md.\n";

static int export_main(int argc, char **argv)
{
    struct cfg cfg;
    int i = cli_config(&cfg, argc, argv, false, NULL);
    if (i < 0) {
        cfg_release(&cfg);
        return 2;
    }
    const char *code = NULL, *out_path = NULL;
    int64_t issue = 0;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--issue") == 0 && i + 1 < argc) {
            if (!mc_parse_i64(argv[++i], 1, 999, &issue)) {
                fprintf(stderr, "motcua bpmn export: --issue must be a number from 1 to 999\n");
                cfg_release(&cfg);
                return 2;
            }
        } else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) &&
                   i + 1 < argc) {
            out_path = argv[++i];
        } else if (argv[i][0] != '-' && code == NULL) {
            code = argv[i];
        } else {
            fprintf(stderr, "motcua bpmn export: unexpected %s (see --help)\n", argv[i]);
            cfg_release(&cfg);
            return 2;
        }
    }
    if (code == NULL) {
        fprintf(stderr, "motcua bpmn export: give a process code (see --help)\n");
        cfg_release(&cfg);
        return 2;
    }
    struct store *st = cli_open_db(&cfg, false);
    cfg_release(&cfg);
    if (st == NULL) {
        return 1;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct mc_err err;
    mc_err_clear(&err);
    struct core_process p;
    struct mc_buf xml;
    mc_buf_init(&xml, BPMN_MAX_BYTES);
    enum mc_status rc = store_catalog_version_get(st, code, issue, &a, &p, &err);
    if (rc == MC_OK) {
        rc = bpmn_write(&p, &xml, &err);
    }
    int status = 0;
    if (rc != MC_OK) {
        fprintf(stderr, "motcua bpmn export: %s\n", err.msg);
        status = 1;
    } else {
        FILE *f = out_path ? fopen(out_path, "wb") : stdout;
        if (f == NULL || fwrite(xml.data, 1, xml.len, f) != xml.len ||
            (out_path && fclose(f) != 0)) {
            fprintf(stderr, "motcua bpmn export: cannot write %s: %s\n",
                    out_path ? out_path : "the output", strerror(errno));
            status = 1;
        } else if (out_path) {
            fprintf(stderr, "%s issue %lld written to %s\n", code, (long long)p.issue, out_path);
        }
    }
    mc_buf_release(&xml);
    mc_arena_release(&a);
    store_close(st);
    return status;
}

/* The file, at most one byte past the limit so that the parser reports it. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "motcua bpmn check: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)BPMN_MAX_BYTES + 1;
    char *buf = mc_xmalloc(cap + 1);
    *len = fread(buf, 1, cap, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static void print_steps(const struct core_process *p, const struct core_process_totals *t)
{
    printf("%s issue %lld (%s): %s\n", p->code ? p->code : "(no code)", (long long)p->issue,
           core_pv_status_name(p->status), p->name ? p->name : "(no name)");
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        printf("  %2zu. %-20s %-16s %-6s %6g h%s%s  →%s", i + 1, s->key, s->role, s->unit, s->hours,
               s->may_return ? "  may return" : "", s->requires_signature ? "  signs" : "",
               s->split == CORE_SPLIT_PARALLEL ? " (parallel)" : "");
        for (size_t k = 0; k < s->nnext; k++) {
            /* A parallel option's steps together: "[a + b]". */
            int o = core_step_option_of(s, s->next[k]);
            const struct core_parallel_option *opt = o >= 0 ? &s->parallel_options[o] : NULL;
            bool first = opt && strcmp(opt->keys[0], s->next[k]) == 0;
            bool last = opt && strcmp(opt->keys[opt->nkeys - 1], s->next[k]) == 0;
            printf("%s%s%s", opt && !first ? " + " : " ", first ? "[" : "", s->next[k]);
            printf("%s", last ? " (parallel)]" : "");
        }
        printf("%s\n", s->nnext ? "" : " (end)");
    }
    printf("longest path:");
    for (size_t i = 0; i < t->npath; i++) {
        printf("%s%s", i ? " → " : " ", p->steps[t->path[i]].key);
    }
    printf(", %lld%s working hours\n", (long long)(t->longest_half_hours / 2),
           t->longest_half_hours % 2 ? ".5" : "");
}

/* --limit-days N / --limit-hours N (halves allowed); no limit: none checked. */
static bool parse_limit(const char *flag, const char *value, struct core_time_limit *limit)
{
    char *end = NULL;
    double v = strtod(value, &end);
    limit->unit = strcmp(flag, "--limit-days") == 0 ? CORE_WORKING_DAYS : CORE_WORKING_HOURS;
    return end != value && *end == '\0' && core_halves_of(v, 100000, &limit->halves);
}

static int check_main(int argc, char **argv)
{
    const char *path = NULL;
    struct core_time_limit limit = { .halves = 2 * 100000, .unit = CORE_WORKING_DAYS };
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "--limit-days") == 0 || strcmp(argv[i], "--limit-hours") == 0) &&
            i + 1 < argc) {
            if (!parse_limit(argv[i], argv[i + 1], &limit)) {
                fprintf(stderr, "motcua bpmn check: %s must be a positive number\n", argv[i]);
                return 2;
            }
            i++;
        } else if (argv[i][0] != '-' && path == NULL) {
            path = argv[i];
        } else {
            fprintf(stderr, "motcua bpmn check: unexpected %s (see --help)\n", argv[i]);
            return 2;
        }
    }
    if (path == NULL) {
        fprintf(stderr, "motcua bpmn check: give a file (see --help)\n");
        return 2;
    }
    size_t len = 0;
    char *data = read_file(path, &len);
    if (data == NULL) {
        return 1;
    }
    struct mc_arena a;
    mc_arena_init(&a);
    struct mc_err err;
    mc_err_clear(&err);
    struct bpmn_model m;
    struct core_process_totals totals;
    enum mc_status rc = bpmn_parse_mem(data, len, &a, &m, &err);
    if (rc == MC_OK) {
        rc = bpmn_check(&m, limit, &a, &totals, &err);
    }
    if (rc == MC_OK) {
        print_steps(&m.process, &totals);
    } else if (m.nproblems == 0) {
        fprintf(stderr, "%s: %s: %s\n", path, err.field, err.msg);
    } else {
        for (size_t i = 0; i < m.nproblems; i++) {
            const struct bpmn_problem *pr = &m.problems[i];
            fprintf(stderr, "%s:%ld: %s: %s\n", path, pr->line, pr->element, pr->message);
        }
        if (m.nproblems_total > m.nproblems) {
            fprintf(stderr, "%s: %zu more problems not listed\n", path,
                    m.nproblems_total - m.nproblems);
        }
    }
    mc_arena_release(&a);
    free(data);
    return rc == MC_OK ? 0 : 1;
}

int cmd_bpmn(int argc, char **argv)
{
    if (argc < 2 || cli_is_help(argv[1])) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "export") == 0) {
        return export_main(argc - 1, argv + 1);
    }
    if (strcmp(argv[1], "check") == 0) {
        return check_main(argc - 1, argv + 1);
    }
    fprintf(stderr, "motcua bpmn: '%s' is not a bpmn command (export, check)\n", argv[1]);
    return 2;
}
