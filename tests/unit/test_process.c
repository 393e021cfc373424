/* Unit tests for core/process: the graph rules, the longest path against the
 * legal limit (and the exact shape of its message), equality of versions and
 * the version lifecycle. Table-driven: each process is written as a compact
 * row list, "next" as comma-separated keys. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/process.h"

/* Rows leave `opts` out unless a step has parallel options. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

struct row {
    const char *key;
    const char *role;
    double hours;
    const char *next; /* "a,b" */
    const char *opts; /* parallel options: "b,c" or "b,c|e,f"; NULL: none */
};

struct built {
    struct core_process p;
    struct core_step steps[80];
    const char *next[80][10];
    char keys[80][40];
    struct core_parallel_option opts[80][4];
    const char *opt_keys[80][4][10];
};

/* Keys live in a static pool so they outlive the caller's strings. */
static const char *pooled(const char *t)
{
    static char pool[4096][40];
    static size_t used;
    snprintf(pool[used % 4096], 40, "%s", t);
    return pool[used++ % 4096];
}

/* "b,c|e,f" into the parallel options of step i. */
static void build_options(struct built *b, size_t i, const char *spec)
{
    char tmp[200];
    snprintf(tmp, sizeof(tmp), "%s", spec);
    struct core_step *s = &b->steps[i];
    s->parallel_options = b->opts[i];
    for (char *so = NULL, *o = strtok_r(tmp, "|", &so); o; o = strtok_r(NULL, "|", &so)) {
        struct core_parallel_option *opt = &b->opts[i][s->nparallel_options];
        opt->keys = b->opt_keys[i][s->nparallel_options++];
        for (char *sk = NULL, *k = strtok_r(o, ",", &sk); k; k = strtok_r(NULL, ",", &sk)) {
            opt->keys[opt->nkeys++] = pooled(k);
        }
    }
}

static void build(struct built *b, const struct row *rows, size_t n)
{
    memset(b, 0, sizeof(*b));
    b->p.code = "QT-01";
    b->p.name = "Quy trình thử";
    b->p.issue = 1;
    b->p.status = CORE_PV_DRAFT;
    b->p.steps = b->steps;
    b->p.nsteps = n;
    for (size_t i = 0; i < n; i++) {
        struct core_step *s = &b->steps[i];
        s->key = rows[i].key;
        s->name = "Bước";
        s->role = rows[i].role ? rows[i].role : "specialist";
        s->unit = "VP";
        s->hours = rows[i].hours;
        s->next = b->next[i];
        char tmp[200];
        /* "&b,c": a parallel split to b and c. */
        const char *nx = rows[i].next ? rows[i].next : "";
        if (nx[0] == '&') {
            s->split = CORE_SPLIT_PARALLEL;
            nx++;
        }
        snprintf(tmp, sizeof(tmp), "%s", nx);
        for (char *save = NULL, *t = strtok_r(tmp, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            b->next[i][s->nnext++] = pooled(t);
        }
        if (rows[i].opts) {
            build_options(b, i, rows[i].opts);
        }
    }
}

static const struct core_time_limit days15 = { 30, CORE_WORKING_DAYS };

struct graph_case {
    const char *name;
    struct row rows[8];
    size_t n;
    enum mc_status rc;
    const char *field; /* expected err.field */
    const char *msg;   /* expected substring of err.msg */
    int64_t longest;   /* half hours, when rc == MC_OK */
};

static const struct graph_case graph_cases[] = {
    { "linear",
      { { "a", "reception", 4, "b" }, { "b", NULL, 8, "c" }, { "c", "head", 4, "" } },
      3,
      MC_OK,
      "",
      "",
      32 },
    { "branch takes the longer arm",
      { { "a", NULL, 1, "b,c" },
        { "b", NULL, 2, "d" },
        { "c", NULL, 10.5, "d" },
        { "d", NULL, 0.5, "" } },
      4,
      MC_OK,
      "",
      "",
      24 },
    { "missing next key",
      { { "a", NULL, 1, "zz" } },
      1,
      MC_EINVAL,
      "P.steps[0].next[0]",
      "zz: no step has this key",
      0 },
    { "cycle",
      { { "a", NULL, 1, "b" }, { "b", NULL, 1, "c" }, { "c", NULL, 1, "b" } },
      3,
      MC_EINVAL,
      "P.steps[1].next",
      "b is on a cycle",
      0 },
    { "two starts",
      { { "a", NULL, 1, "c" }, { "b", NULL, 1, "c" }, { "c", NULL, 1, "" } },
      3,
      MC_EINVAL,
      "P.steps[1]",
      "b is a second start step",
      0 },
    { "no start",
      { { "a", NULL, 1, "b" }, { "b", NULL, 1, "a" } },
      2,
      MC_EINVAL,
      "P.steps",
      "has no start step",
      0 },
    { "self loop",
      { { "a", NULL, 1, "a" } },
      1,
      MC_EINVAL,
      "P.steps[0].next[0]",
      "a is this step itself",
      0 },
    { "zero hours", { { "a", NULL, 0, "" } }, 1, MC_EINVAL, "P.steps[0].hours", "positive", 0 },
    { "quarter hours",
      { { "a", NULL, 1.25, "" } },
      1,
      MC_EINVAL,
      "P.steps[0].hours",
      "steps of 0.5",
      0 },
    { "duplicate key",
      { { "a", NULL, 1, "" }, { "a", NULL, 1, "" } },
      2,
      MC_EINVAL,
      "P.steps[1].key",
      "a is the key of an earlier step",
      0 },
    { "unknown role",
      { { "a", "boss", 1, "" } },
      1,
      MC_EINVAL,
      "P.steps[0].role",
      "boss is not a known role",
      0 },
    { "duplicate next",
      { { "a", NULL, 1, "b,b" }, { "b", NULL, 1, "" } },
      2,
      MC_EINVAL,
      "P.steps[0].next[1]",
      "b is named twice",
      0 },
    { "unreachable island is a cycle",
      { { "a", NULL, 1, "" }, { "x", NULL, 1, "y" }, { "y", NULL, 1, "x" } },
      3,
      MC_EINVAL,
      "P.steps[1].next",
      "is on a cycle",
      0 },
    { "empty", { { NULL, NULL, 0, NULL } }, 0, MC_EINVAL, "P.steps", "at least one step", 0 },
    { "exactly the limit",
      { { "a", NULL, 60, "b" }, { "b", NULL, 60, "" } },
      2,
      MC_OK,
      "",
      "",
      240 },
    { "over the limit",
      { { "tiep_nhan", "reception", 4, "tham_dinh" },
        { "tham_dinh", NULL, 100, "ky" },
        { "ky", "director", 16, "tra_ket_qua" },
        { "tra_ket_qua", "reception", 8, "" } },
      4,
      MC_EINVAL,
      "P",
      "the longest path tiep_nhan \xe2\x86\x92 tham_dinh \xe2\x86\x92 ky \xe2\x86\x92 tra_ket_qua "
      "takes 128 working hours, more than the legal limit of 15 working days (120 working hours)",
      0 },
    { "parallel block: the longest branch is the critical path",
      { { "a", NULL, 1, "&b,c" },
        { "b", NULL, 2, "d" },
        { "c", NULL, 10.5, "d" },
        { "d", NULL, 0.5, "" } },
      4,
      MC_OK,
      "",
      "",
      24 },
    { "parallel with one next",
      { { "a", NULL, 1, "&b" }, { "b", NULL, 1, "" } },
      2,
      MC_EINVAL,
      "P.steps[0].split",
      "a is parallel but names fewer than two next steps",
      0 },
    { "parallel branch ends without a join",
      { { "a", NULL, 1, "&b,c" }, { "b", NULL, 1, "" }, { "c", NULL, 1, "" } },
      3,
      MC_EINVAL,
      "P.steps[1].next",
      "b is inside a parallel branch of a and must name exactly one next step",
      0 },
    { "parallel branches end at different joins",
      { { "s", NULL, 1, "a,z" },
        { "a", NULL, 1, "&b,c" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 1, "e" },
        { "z", NULL, 1, "d,e" },
        { "d", NULL, 1, "" },
        { "e", NULL, 1, "" } },
      7,
      MC_EINVAL,
      "P.steps[1].split",
      "a: its branches end at different steps (d and e)",
      0 },
    { "choose, then run in parallel: the join is also the other option",
      { { "s", NULL, 1, "a,z" },
        { "a", NULL, 1, "&b,c" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 2.5, "d" },
        { "z", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      6,
      MC_OK,
      "",
      "",
      11 },
    { "choose, then run in parallel: the option opens a block with its own join",
      { { "s", NULL, 1, "d,a" },
        { "a", NULL, 0.5, "&b,c" },
        { "b", NULL, 1, "j" },
        { "c", NULL, 1, "j" },
        { "j", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      6,
      MC_OK,
      "",
      "",
      9 },
    { "a step outside the block leads into a branch",
      { { "s", NULL, 1, "a,z" },
        { "a", NULL, 1, "&b,c" },
        { "b", NULL, 1, "b2" },
        { "b2", NULL, 1, "d" },
        { "c", NULL, 1, "d" },
        { "z", NULL, 1, "b2" },
        { "d", NULL, 1, "" } },
      7,
      MC_EINVAL,
      "P.steps[1].split",
      "a: its branches end at different steps (b2 and d)",
      0 },
    { "nested parallel split",
      { { "a", NULL, 1, "&b,c" },
        { "b", NULL, 1, "&e,f" },
        { "c", NULL, 1, "h" },
        { "e", NULL, 1, "g" },
        { "f", NULL, 1, "g" },
        { "g", NULL, 1, "h" },
        { "h", NULL, 1, "" } },
      7,
      MC_EINVAL,
      "P.steps[1].split",
      "b is a parallel split inside a branch of a",
      0 },
    { "empty parallel branch",
      { { "a", NULL, 1, "&b,d" }, { "b", NULL, 1, "d" }, { "d", NULL, 1, "" } },
      3,
      MC_EINVAL,
      "P.steps[0].next[1]",
      "d: a branch of the parallel split a must hold at least one step before the join",
      0 },
    /* Parallel options: an exclusive choice whose option opens a block
     * by itself (an exclusive gateway straight into a parallel gateway). */
    { "parallel option: the block is on the critical path, the join is the other option",
      { { "s", NULL, 1, "d,b,c", "b,c" },
        { "b", NULL, 2, "d" },
        { "c", NULL, 3.5, "d" },
        { "d", NULL, 1, "" } },
      4,
      MC_OK,
      "",
      "",
      11 },
    { "parallel option with its own join and a longer plain option",
      { { "s", NULL, 1, "t,b,c", "b,c" },
        { "t", NULL, 8, "d" },
        { "b", NULL, 1, "j" },
        { "c", NULL, 1, "j" },
        { "j", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      6,
      MC_OK,
      "",
      "",
      20 },
    { "parallel option naming a step not in next",
      { { "s", NULL, 1, "d,b,c", "b,x" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      4,
      MC_EINVAL,
      "P.steps[0].parallel_options[0][1]",
      "x: not in next",
      0 },
    { "parallel option of one step",
      { { "s", NULL, 1, "d,b", "b" }, { "b", NULL, 1, "d" }, { "d", NULL, 1, "" } },
      3,
      MC_EINVAL,
      "P.steps[0].parallel_options[0]",
      "must name 2 to 8 steps",
      0 },
    { "parallel option not in the order of next",
      { { "s", NULL, 1, "b,d,c", "b,c" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      4,
      MC_EINVAL,
      "P.steps[0].parallel_options[0][1]",
      "c: the steps of a parallel option follow one another in next",
      0 },
    { "parallel options on a parallel step",
      { { "s", NULL, 1, "&b,c", "b,c" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      4,
      MC_EINVAL,
      "P.steps[0].parallel_options",
      "belong to an exclusive choice",
      0 },
    { "parallel option whose branches end at different steps",
      { { "s", NULL, 1, "z,b,c", "b,c" },
        { "b", NULL, 1, "d" },
        { "c", NULL, 1, "e" },
        { "z", NULL, 1, "d,e" },
        { "d", NULL, 1, "" },
        { "e", NULL, 1, "" } },
      6,
      MC_EINVAL,
      "P.steps[0].parallel_options",
      "s: its branches end at different steps (d and e); every branch of a parallel option meets",
      0 },
    { "parallel option with an empty branch",
      { { "s", NULL, 1, "z,b,d", "b,d" },
        { "b", NULL, 1, "d" },
        { "z", NULL, 1, "d" },
        { "d", NULL, 1, "" } },
      4,
      MC_EINVAL,
      "P.steps[0].parallel_options[0][1]",
      "d: a branch of the parallel option of s must hold at least one step before the join",
      0 },
    { "parallel split inside a parallel option's branch",
      { { "s", NULL, 1, "h,b,c", "b,c" },
        { "b", NULL, 1, "&e,f" },
        { "c", NULL, 1, "h" },
        { "e", NULL, 1, "g" },
        { "f", NULL, 1, "g" },
        { "g", NULL, 1, "h" },
        { "h", NULL, 1, "" } },
      7,
      MC_EINVAL,
      "P.steps[1].split",
      "b is a parallel split inside a branch of s",
      0 },
};

static void graph_rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(graph_cases) / sizeof(graph_cases[0]); i++) {
        const struct graph_case *gc = &graph_cases[i];
        struct built b;
        build(&b, gc->rows, gc->n);
        struct mc_err err;
        mc_err_clear(&err);
        struct core_process_totals t;
        enum mc_status rc = core_process_check(&b.p, days15, "P", &t, &err);
        if (rc != gc->rc || (rc != MC_OK && (strcmp(err.field, gc->field) != 0 ||
                                             strstr(err.msg, gc->msg) == NULL))) {
            fail_msg("%s: rc %d field '%s' msg '%s'", gc->name, rc, err.field, err.msg);
        }
        if (rc == MC_OK) {
            assert_int_equal(t.longest_half_hours, gc->longest);
            assert_true(t.npath >= 1);
        }
    }
}

static void longest_path_message_is_exact(void **state)
{
    (void)state;
    const struct row rows[] = { { "tiep_nhan", "reception", 4, "tham_dinh" },
                                { "tham_dinh", NULL, 100, "ky" },
                                { "ky", "director", 16, "tra_ket_qua" },
                                { "tra_ket_qua", "reception", 8, "" } };
    struct built b;
    build(&b, rows, 4);
    struct mc_err err;
    assert_int_equal(core_process_check(&b.p, days15, "$.cases[0].process", NULL, &err), MC_EINVAL);
    assert_string_equal(err.field, "$.cases[0].process");
    assert_string_equal(err.msg, "the longest path tiep_nhan → tham_dinh → ky → tra_ket_qua takes "
                                 "128 working hours, more than the legal limit of 15 working "
                                 "days (120 working hours)");
    /* A limit in hours, and halves in both totals. */
    b.steps[1].hours = 100.5;
    struct core_time_limit hours = { 200, CORE_WORKING_HOURS }; /* 100 h */
    assert_int_equal(core_process_check(&b.p, hours, "", NULL, &err), MC_EINVAL);
    assert_string_equal(err.field, "steps");
    assert_non_null(strstr(err.msg, "takes 128.5 working hours, more than the legal limit of "
                                    "100 working hours"));
}

static void long_paths_are_elided_to_fit(void **state)
{
    (void)state;
    struct row rows[40];
    char keys[40][40];
    char nexts[40][40];
    for (size_t i = 0; i < 40; i++) {
        snprintf(keys[i], sizeof(keys[i]), "buoc_xu_ly_so_%02zu", i);
        snprintf(nexts[i], sizeof(nexts[i]), "buoc_xu_ly_so_%02zu", i + 1);
        rows[i] = (struct row){ keys[i], NULL, 8, i + 1 < 40 ? nexts[i] : "" };
    }
    struct built b;
    build(&b, rows, 40);
    struct mc_err err;
    assert_int_equal(core_process_check(&b.p, days15, "", NULL, &err), MC_EINVAL);
    assert_true(strlen(err.msg) < sizeof(err.msg) - 1);
    assert_non_null(strstr(err.msg, "the longest path buoc_xu_ly_so_00 → … → "));
    assert_non_null(strstr(err.msg, "→ buoc_xu_ly_so_39 takes 320 working hours, more than the "
                                    "legal limit of 15 working days (120 working hours)"));
}

static void too_many_steps(void **state)
{
    (void)state;
    struct row rows[70];
    for (size_t i = 0; i < 70; i++) {
        rows[i] = (struct row){ "k", NULL, 1, "" };
    }
    struct built b;
    build(&b, rows, 70);
    struct mc_err err;
    assert_int_equal(core_process_check(&b.p, days15, "", NULL, &err), MC_EINVAL);
    assert_string_equal(err.field, "steps");
}

static void equality_sees_every_field(void **state)
{
    (void)state;
    const struct row rows[] = { { "a", NULL, 4, "b" }, { "b", NULL, 4, "" } };
    struct built x, y;
    build(&x, rows, 2);
    build(&y, rows, 2);
    assert_true(core_process_equal(&x.p, &y.p));
    y.steps[1].hours = 4.5;
    assert_false(core_process_equal(&x.p, &y.p));
    build(&y, rows, 2);
    y.p.effective = "2025-07-01";
    assert_false(core_process_equal(&x.p, &y.p));
    build(&y, rows, 2);
    y.steps[0].may_return = true;
    assert_false(core_process_equal(&x.p, &y.p));
    build(&y, rows, 2);
    const char *forms[] = { "Mẫu 01" };
    y.steps[0].forms = forms;
    y.steps[0].nforms = 1;
    assert_false(core_process_equal(&x.p, &y.p));
    x.steps[0].forms = forms;
    x.steps[0].nforms = 1;
    assert_true(core_process_equal(&x.p, &y.p));
    /* Parallel options count: present or not, and their keys. */
    const struct row opt_rows[] = { { "s", NULL, 1, "d,b,c", "b,c" },
                                    { "b", NULL, 1, "d" },
                                    { "c", NULL, 1, "d" },
                                    { "d", NULL, 1, "" } };
    const struct row plain_rows[] = { { "s", NULL, 1, "d,b,c" },
                                      { "b", NULL, 1, "d" },
                                      { "c", NULL, 1, "d" },
                                      { "d", NULL, 1, "" } };
    build(&x, opt_rows, 4);
    build(&y, plain_rows, 4);
    assert_false(core_process_equal(&x.p, &y.p));
    build(&y, opt_rows, 4);
    assert_true(core_process_equal(&x.p, &y.p));
    y.opt_keys[0][0][1] = "d";
    assert_false(core_process_equal(&x.p, &y.p));
}

static void option_join_and_membership(void **state)
{
    (void)state;
    const struct row rows[] = { { "s", NULL, 1, "t,b,c", "b,c" },
                                { "t", NULL, 8, "d" },
                                { "b", NULL, 1, "j" },
                                { "c", NULL, 1, "j" },
                                { "j", NULL, 1, "d" },
                                { "d", NULL, 1, "" } };
    struct built x;
    build(&x, rows, 6);
    assert_int_equal(core_process_option_join(&x.p, 0, 0), 4);
    assert_int_equal(core_process_option_join(&x.p, 0, 1), -1);
    assert_int_equal(core_process_option_join(&x.p, 1, 0), -1);
    assert_int_equal(core_step_option_of(&x.steps[0], "c"), 0);
    assert_int_equal(core_step_option_of(&x.steps[0], "t"), -1);
    assert_int_equal(core_process_join_of(&x.p, 0), -1); /* an exclusive step is no split */
}

static void matches_allows_lifecycle_progress(void **state)
{
    (void)state;
    const struct row rows[] = { { "a", NULL, 4, "b" }, { "b", NULL, 4, "" } };
    struct built stored, file;
    build(&stored, rows, 2);
    build(&file, rows, 2);
    file.p.status = CORE_PV_EFFECTIVE;
    file.p.effective = "2025-07-01";
    stored.p.status = CORE_PV_SUPERSEDED;
    stored.p.effective = "2025-07-01";
    stored.p.approver = "giamdoc";
    assert_true(core_process_matches(&stored.p, &file.p));
    file.p.approver = "phogiamdoc";
    assert_false(core_process_matches(&stored.p, &file.p));
    file.p.approver = NULL;
    stored.p.status = CORE_PV_APPROVED; /* the file is ahead of the database */
    assert_false(core_process_matches(&stored.p, &file.p));
    stored.p.status = CORE_PV_EFFECTIVE;
    stored.steps[0].name = "Bước khác";
    assert_false(core_process_matches(&stored.p, &file.p));
}

struct transition_case {
    enum core_pv_status from, to;
    enum mc_status rc;
};

static void lifecycle_is_one_way(void **state)
{
    (void)state;
    static const struct transition_case cases[] = {
        { CORE_PV_DRAFT, CORE_PV_SUBMITTED, MC_OK },
        { CORE_PV_SUBMITTED, CORE_PV_APPROVED, MC_OK },
        { CORE_PV_APPROVED, CORE_PV_EFFECTIVE, MC_OK },
        { CORE_PV_DRAFT, CORE_PV_APPROVED, MC_ECONFLICT },
        { CORE_PV_DRAFT, CORE_PV_EFFECTIVE, MC_ECONFLICT },
        { CORE_PV_SUBMITTED, CORE_PV_SUBMITTED, MC_ECONFLICT },
        { CORE_PV_EFFECTIVE, CORE_PV_SUBMITTED, MC_ECONFLICT },
        { CORE_PV_EFFECTIVE, CORE_PV_EFFECTIVE, MC_ECONFLICT },
        { CORE_PV_SUPERSEDED, CORE_PV_EFFECTIVE, MC_ECONFLICT },
        { CORE_PV_EFFECTIVE, CORE_PV_SUPERSEDED, MC_EINVAL },
        { CORE_PV_SUBMITTED, CORE_PV_DRAFT, MC_EINVAL },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct mc_err err;
        mc_err_clear(&err);
        enum mc_status rc = core_pv_transition(cases[i].from, cases[i].to, &err);
        if (rc != cases[i].rc) {
            fail_msg("%s -> %s: %d", core_pv_status_name(cases[i].from),
                     core_pv_status_name(cases[i].to), rc);
        }
    }
    struct mc_err err;
    assert_int_equal(core_pv_transition(CORE_PV_EFFECTIVE, CORE_PV_APPROVED, &err), MC_ECONFLICT);
    assert_string_equal(err.msg, "the version is effective: it cannot become approved");
    enum core_pv_status s;
    assert_true(core_pv_status_parse("superseded", &s));
    assert_int_equal(s, CORE_PV_SUPERSEDED);
    assert_false(core_pv_status_parse("Effective", &s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(graph_rules),
        cmocka_unit_test(longest_path_message_is_exact),
        cmocka_unit_test(long_paths_are_elided_to_fit),
        cmocka_unit_test(too_many_steps),
        cmocka_unit_test(equality_sees_every_field),
        cmocka_unit_test(option_join_and_membership),
        cmocka_unit_test(matches_allows_lifecycle_progress),
        cmocka_unit_test(lifecycle_is_one_way),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
