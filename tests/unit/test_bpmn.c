/* Unit tests for bpmn/: export then import gives the same definition for
 * every process of the demo catalog (loaded through the importer's own
 * decoder); a file in the style the bpmn.io modeler writes imports; and
 * every kind of input outside the subset is rejected naming the element
 * and its line. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "bpmn/bpmn.h"
#include "bpmn/bpmn_int.h" /* bpmn_duration_parse */
#include "cli/catalog_decode.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static const struct core_time_limit ten_days = { .halves = 20, .unit = CORE_WORKING_DAYS };

/* ---- round trip over the demo catalog ---------------------------------- */

static size_t round_trip_case(const struct core_case *c, const char *file)
{
    const struct core_process *p = c->process;
    struct mc_buf xml;
    mc_buf_init(&xml, BPMN_MAX_BYTES);
    struct mc_err err;
    mc_err_clear(&err);
    assert_int_equal(bpmn_write(p, &xml, &err), MC_OK);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    enum mc_status rc = bpmn_parse_mem(xml.data, xml.len, &a, &m, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s %s: %s: %s\n", file, p->code, err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    if (!core_process_equal(p, &m.process)) {
        fprintf(stderr, "%s %s: the re-imported process differs\n", file, p->code);
        fail();
    }
    struct core_process_totals want, got;
    assert_int_equal(core_process_check(p, c->limit, "", &want, &err), MC_OK);
    assert_int_equal(bpmn_check(&m, c->limit, &a, &got, &err), MC_OK);
    assert_int_equal(want.longest_half_hours, got.longest_half_hours);
    /* The diagram has a shape for every step, so bpmn.io draws them all. */
    for (size_t i = 0; i < p->nsteps; i++) {
        char needle[64];
        snprintf(needle, sizeof(needle), "bpmnElement=\"Task_%s\"", p->steps[i].key);
        assert_non_null(strstr(xml.data, needle));
    }
    mc_arena_release(&a);
    mc_buf_release(&xml);
    return 1;
}

static void demo_processes_round_trip(void **state)
{
    (void)state;
    const char *dir = MC_SOURCE_DIR "/demo/procedures";
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t nprocesses = 0, nbranching = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 6 || strcmp(e->d_name + nl - 5, ".json") != 0) {
            continue;
        }
        char path[512], file[300];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        snprintf(file, sizeof(file), "procedures/%s", e->d_name);
        json_error_t jerr;
        json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
        assert_non_null(j);
        struct import_ctx ctx = { .st = NULL, .dir = "demo" };
        struct mc_arena a;
        mc_arena_init(&a);
        struct core_procedure proc;
        assert_true(catalog_decode_procedure(&ctx, file, j, &a, &proc));
        for (size_t i = 0; i < proc.ncases; i++) {
            const struct core_case *c = &proc.cases[i];
            if (c->process == NULL) {
                continue;
            }
            nprocesses += round_trip_case(c, e->d_name);
            for (size_t s = 0; s < c->process->nsteps; s++) {
                nbranching += c->process->steps[s].nnext > 1;
            }
        }
        mc_arena_release(&a);
        json_decref(j);
    }
    closedir(d);
    /* demo/README.md: 99 procedures and work items, each with a process;
     * some branch (consultation or straight to review). */
    assert_true(nprocesses >= 99);
    assert_true(nbranching > 0);
}

/* Texts XML must escape survive the trip; a control character is refused. */
static void tricky_texts_round_trip(void **state)
{
    (void)state;
    const char *forms[] = { "Mẫu <01> & \"02\"", "a\nb\tc" };
    const char *next_a[] = { "b" };
    struct core_step steps[2] = {
        { .key = "a",
          .name = "Bước \"một\" & <hai>\r\ndòng hai",
          .role = "specialist",
          .unit = "VP",
          .hours = 0.5,
          .forms = forms,
          .nforms = 2,
          .next = next_a,
          .nnext = 1 },
        { .key = "b", .name = "’ — ✓", .role = "head", .unit = "VP", .hours = 1999.5 },
    };
    struct core_process p = { .code = "QT-99",
                              .name = "Quy trình & <thử>",
                              .issue = 3,
                              .status = CORE_PV_APPROVED,
                              .effective = "2026-01-02",
                              .approver = "giamdoc",
                              .steps = steps,
                              .nsteps = 2 };
    struct mc_buf xml;
    mc_buf_init(&xml, 0);
    struct mc_err err;
    assert_int_equal(bpmn_write(&p, &xml, &err), MC_OK);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    assert_int_equal(bpmn_parse_mem(xml.data, xml.len, &a, &m, &err), MC_OK);
    assert_true(core_process_equal(&p, &m.process));
    assert_non_null(strstr(xml.data, "PT1999H30M"));
    mc_buf_release(&xml);

    steps[1].name = "bad \x01 byte";
    mc_buf_init(&xml, 0);
    assert_int_equal(bpmn_write(&p, &xml, &err), MC_EINVAL);
    mc_buf_release(&xml);
    /* A capped buffer gives MC_ELIMIT, not a truncated file. */
    steps[1].name = "ok";
    mc_buf_init(&xml, 200);
    assert_int_equal(bpmn_write(&p, &xml, &err), MC_ELIMIT);
    mc_buf_release(&xml);
    mc_arena_release(&a);
}

/* A parallel block (split → two branches → join) and an exclusive choice
 * survive export then import: parallelGateway for the split and the join,
 * exclusiveGateway with outcome conditions for the choice. */
static void gateways_round_trip(void **state)
{
    (void)state;
    const char *n_a[] = { "b", "c" }, *n_b[] = { "d" }, *n_c[] = { "d" }, *n_d[] = { "e", "f" },
               *n_e[] = { "f" };
    struct core_step steps[6] = {
        { .key = "a",
          .name = "Tiếp nhận",
          .role = "reception",
          .unit = "VP",
          .hours = 4,
          .next = n_a,
          .nnext = 2,
          .split = CORE_SPLIT_PARALLEL },
        { .key = "b",
          .name = "Nhánh 1",
          .role = "specialist",
          .unit = "VP",
          .hours = 8,
          .next = n_b,
          .nnext = 1 },
        { .key = "c",
          .name = "Nhánh 2",
          .role = "specialist",
          .unit = "TP",
          .hours = 16,
          .next = n_c,
          .nnext = 1 },
        { .key = "d",
          .name = "Tổng hợp",
          .role = "head",
          .unit = "VP",
          .hours = 4,
          .next = n_d,
          .nnext = 2 },
        { .key = "e",
          .name = "Xem xét",
          .role = "deputy_director",
          .unit = "VP",
          .hours = 4,
          .next = n_e,
          .nnext = 1 },
        { .key = "f",
          .name = "Ký",
          .role = "director",
          .unit = "VP",
          .hours = 4,
          .requires_signature = true },
    };
    struct core_process p = {
        .code = "QT-GW", .name = "Song song", .issue = 1, .steps = steps, .nsteps = 6
    };
    struct mc_err err;
    struct core_process_totals t;
    assert_int_equal(core_process_check(&p, ten_days, "", &t, &err), MC_OK);
    /* The critical path takes the longer branch c. */
    assert_int_equal(t.longest_half_hours, 2 * (4 + 16 + 4 + 4 + 4));
    assert_int_equal(core_process_join_of(&p, 0), 3);
    assert_int_equal(core_process_join_of(&p, 3), -1);
    struct mc_buf xml;
    mc_buf_init(&xml, 0);
    assert_int_equal(bpmn_write(&p, &xml, &err), MC_OK);
    assert_non_null(strstr(xml.data, "<bpmn:parallelGateway id=\"Gateway_a\""));
    assert_non_null(strstr(xml.data, "<bpmn:parallelGateway id=\"Join_d\""));
    assert_non_null(strstr(xml.data, "<bpmn:exclusiveGateway id=\"Gateway_d\""));
    assert_non_null(strstr(xml.data, "bpmnElement=\"Join_d\""));
    assert_null(strstr(xml.data, "${outcome == &quot;b&quot;}"));
    assert_non_null(strstr(xml.data, "${outcome == &quot;e&quot;}"));
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    assert_int_equal(bpmn_parse_mem(xml.data, xml.len, &a, &m, &err), MC_OK);
    assert_true(core_process_equal(&p, &m.process));
    assert_int_equal(m.process.steps[0].split, CORE_SPLIT_PARALLEL);
    assert_int_equal(m.process.steps[3].split, CORE_SPLIT_EXCLUSIVE);
    struct core_process_totals got;
    assert_int_equal(bpmn_check(&m, ten_days, &a, &got, &err), MC_OK);
    assert_int_equal(got.longest_half_hours, t.longest_half_hours);
    /* Branch c bypassing the join: d is then inside branch b, where a step
     * names exactly one next step; the error names that field. */
    steps[2].next = n_e;
    assert_int_equal(core_process_check(&p, ten_days, "", NULL, &err), MC_EINVAL);
    assert_string_equal(err.field, "steps[3].next");
    mc_arena_release(&a);
    mc_buf_release(&xml);
}

/* The diagram in tests/data/bpmn/parallel.bpmn (also a fuzz seed): the
 * split, its branches and the join read back. */
static void parallel_file_imports(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(MC_SOURCE_DIR "/tests/data/bpmn/parallel.bpmn", &len);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    assert_int_equal(bpmn_parse_mem(data, len, &a, &m, &err), MC_OK);
    const struct core_process *p = &m.process;
    assert_int_equal(p->nsteps, 7);
    assert_string_equal(p->steps[1].key, "tham_dinh");
    assert_int_equal(p->steps[1].split, CORE_SPLIT_PARALLEL);
    assert_int_equal(p->steps[1].nnext, 2);
    assert_string_equal(p->steps[2].next[0], "xem_xet");
    assert_string_equal(p->steps[3].next[0], "xem_xet");
    assert_int_equal(p->steps[4].split, CORE_SPLIT_EXCLUSIVE);
    assert_int_equal(core_process_join_of(p, 1), 4);
    struct core_process_totals t;
    assert_int_equal(bpmn_check(&m, ten_days, &a, &t, &err), MC_OK);
    assert_int_equal(t.longest_half_hours, 2 * (4 + 16 + 8 + 8 + 8 + 4));
    mc_arena_release(&a);
    free(data);
}

/* ---- a file drawn in the modeler --------------------------------------- */

static void modeler_file_imports(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(MC_SOURCE_DIR "/tests/data/bpmn/modeler.bpmn", &len);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = bpmn_parse_mem(data, len, &a, &m, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s: %s\n", err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    const struct core_process *p = &m.process;
    assert_string_equal(p->name, "Quy trình thẩm định đề án vị trí việc làm");
    assert_null(p->code);
    assert_int_equal(p->status, CORE_PV_DRAFT);
    assert_int_equal(p->nsteps, 9);
    assert_string_equal(p->steps[0].key, "tiep_nhan");
    assert_int_equal(p->steps[0].nforms, 1);
    assert_string_equal(p->steps[0].forms[0], "Mẫu 01");
    assert_string_equal(p->steps[0].outputs[0], "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
    /* tham_dinh: allotment from its boundary timer; the choice between the
     * head's assignment of the consultations and signature. */
    const struct core_step *t = &p->steps[2];
    assert_string_equal(t->name, "Thẩm định hồ sơ & dự thảo văn bản");
    assert_true(t->hours == 16.0);
    assert_true(t->may_return);
    assert_int_equal(t->split, CORE_SPLIT_EXCLUSIVE);
    assert_int_equal(t->nnext, 2);
    assert_string_equal(t->next[0], "phan_cong_y_kien");
    assert_string_equal(t->next[1], "phe_duyet");
    /* Choose, then run in parallel: the option's step opens the branches. */
    const struct core_step *o = &p->steps[3];
    assert_int_equal(o->split, CORE_SPLIT_PARALLEL);
    assert_int_equal(o->nnext, 2);
    assert_string_equal(o->next[0], "y_kien_xdcq");
    assert_string_equal(o->next[1], "y_kien_ccvc");
    assert_int_equal(core_process_join_of(p, 3), 6);
    assert_true(p->steps[5].hours == 6.5);
    assert_string_equal(p->steps[6].next[0], "phe_duyet");
    assert_true(p->steps[7].requires_signature);
    assert_int_equal(p->steps[8].nnext, 0);
    assert_string_equal(m.step_element[2], "bpmn:userTask#Activity_1td9inh");
    assert_int_equal(m.step_line[2], 45);
    struct core_process_totals tot;
    assert_int_equal(bpmn_check(&m, ten_days, &a, &tot, &err), MC_OK);
    assert_int_equal(tot.longest_half_hours, 2 * (4 + 4 + 16 + 2 + 8 + 8 + 8 + 4));
    /* Over a limit of 6 working days (48 hours) the process element is named. */
    struct core_time_limit six = { .halves = 12, .unit = CORE_WORKING_DAYS };
    assert_int_equal(bpmn_check(&m, six, &a, NULL, &err), MC_EINVAL);
    assert_string_equal(err.field, "bpmn:process#Process_1h0x7ua (line 6)");
    assert_non_null(strstr(err.msg, "takes 54 working hours"));
    mc_arena_release(&a);
    free(data);
}

/* Parse `path` (must succeed) into *m, allocated in `a`. */
static void parse_file(const char *path, struct mc_arena *a, struct bpmn_model *m)
{
    size_t len;
    char *data = slurp(path, &len);
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = bpmn_parse_mem(data, len, a, m, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s: %s\n", err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    free(data);
}

/* Export, then import: the same process field by field. Returns the XML
 * (released by the caller) for checks on its shape. */
static void round_trip(const struct core_process *p, struct mc_buf *xml)
{
    struct mc_err err;
    mc_err_clear(&err);
    mc_buf_init(xml, 0);
    assert_int_equal(bpmn_write(p, xml, &err), MC_OK);
    struct mc_arena a2;
    mc_arena_init(&a2);
    struct bpmn_model m2;
    enum mc_status rc = bpmn_parse_mem(xml->data, xml->len, &a2, &m2, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s: %s\n", err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    assert_true(core_process_equal(p, &m2.process));
    mc_arena_release(&a2);
}

/* An exclusive gateway straight into a parallel gateway (no step between,
 * as a head of unit draws it first in bpmn.io): the tasks behind the
 * parallel gateway are one parallel option of the choosing step, they
 * join at the step after the parallel join, and export then import gives
 * the same process. Before, this drawing was refused. */
static void choice_into_parallel_gateway_is_a_parallel_option(void **state)
{
    (void)state;
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    parse_file(MC_SOURCE_DIR "/tests/data/bpmn/choice_into_parallel_gateway.bpmn", &a, &m);
    const struct core_process *p = &m.process;
    assert_int_equal(p->nsteps, 8);
    const struct core_step *choice = &p->steps[2];
    assert_string_equal(choice->key, "tham_dinh");
    assert_int_equal(choice->split, CORE_SPLIT_EXCLUSIVE);
    /* Depth first in the order of the flows: the option's flow comes first. */
    assert_int_equal(choice->nnext, 3);
    assert_string_equal(choice->next[0], "y_kien_xdcq");
    assert_string_equal(choice->next[1], "y_kien_ccvc");
    assert_string_equal(choice->next[2], "phe_duyet");
    assert_int_equal(choice->nparallel_options, 1);
    assert_int_equal(choice->parallel_options[0].nkeys, 2);
    assert_string_equal(choice->parallel_options[0].keys[0], "y_kien_xdcq");
    assert_string_equal(choice->parallel_options[0].keys[1], "y_kien_ccvc");
    assert_int_equal(core_process_option_join(p, 2, 0), 5);
    assert_string_equal(p->steps[5].key, "tong_hop");
    struct mc_err err;
    struct core_process_totals t;
    struct core_time_limit limit = { .halves = 90, .unit = CORE_WORKING_DAYS };
    assert_int_equal(bpmn_check(&m, limit, &a, &t, &err), MC_OK);
    assert_int_equal(t.longest_half_hours, 2 * (4 + 4 + 16 + 8 + 8 + 8 + 4));

    /* Export: the choice enters the option's parallel gateway (its outcome
     * the option's first step), which enters both tasks; the branches
     * meet at the join gateway; the other option enters its step. */
    struct mc_buf xml;
    round_trip(p, &xml);
    assert_non_null(strstr(xml.data, "<bpmn:parallelGateway id=\"Fork_tham_dinh_1\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Gateway_tham_dinh\" "
                                     "targetRef=\"Fork_tham_dinh_1\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Fork_tham_dinh_1\" "
                                     "targetRef=\"Task_y_kien_xdcq\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Fork_tham_dinh_1\" "
                                     "targetRef=\"Task_y_kien_ccvc\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Task_y_kien_ccvc\" targetRef=\"Join_tong_hop\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Gateway_tham_dinh\" "
                                     "targetRef=\"Task_phe_duyet\""));
    assert_non_null(strstr(xml.data, "bpmnElement=\"Fork_tham_dinh_1\""));
    mc_buf_release(&xml);
    mc_arena_release(&a);
}

/* The head's choice drawn in bpmn.io: "handle now" (appraisal) or "consult
 * in parallel" (two units at once), both leading to the summary; the
 * longest path is the plain option, the block's longest branch shorter. */
static void head_chooses_parallel_consultation(void **state)
{
    (void)state;
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    parse_file(MC_SOURCE_DIR "/tests/data/bpmn/choice_parallel_option.bpmn", &a, &m);
    const struct core_process *p = &m.process;
    const struct core_step *choice = &p->steps[1];
    assert_string_equal(choice->key, "truong_phong");
    assert_int_equal(choice->nnext, 3);
    assert_string_equal(choice->next[0], "tham_dinh");
    assert_int_equal(choice->nparallel_options, 1);
    assert_string_equal(choice->parallel_options[0].keys[0], "y_kien_ccvc");
    assert_string_equal(choice->parallel_options[0].keys[1], "y_kien_xdcq");
    assert_int_equal(p->steps[2].hours, 16); /* from the timer and hours alike */
    struct mc_err err;
    struct core_process_totals t;
    struct core_time_limit limit = { .halves = 90, .unit = CORE_WORKING_DAYS };
    assert_int_equal(bpmn_check(&m, limit, &a, &t, &err), MC_OK);
    assert_int_equal(t.longest_half_hours, 2 * (4 + 4 + 16 + 8 + 8 + 4));
    struct mc_buf xml;
    round_trip(p, &xml);
    mc_buf_release(&xml);
    mc_arena_release(&a);
}

/* "Complex: consult two units in parallel, then sign" beside "simple: sign":
 * the join step is also the other option. From a file drawn in bpmn.io, and
 * the same process through export and import. */
static void choose_then_parallel_round_trip(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(MC_SOURCE_DIR "/tests/data/bpmn/choose_then_parallel.bpmn", &len);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = bpmn_parse_mem(data, len, &a, &m, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s: %s\n", err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    const struct core_process *p = &m.process;
    assert_int_equal(p->nsteps, 9);
    const struct core_step *choice = &p->steps[2];
    assert_string_equal(choice->key, "tham_dinh");
    assert_int_equal(choice->split, CORE_SPLIT_EXCLUSIVE);
    assert_int_equal(choice->nnext, 2);
    assert_string_equal(choice->next[0], "xem_xet");
    assert_string_equal(choice->next[1], "lay_y_kien");
    assert_int_equal(p->steps[3].split, CORE_SPLIT_PARALLEL);
    assert_int_equal(core_process_join_of(p, 3), 6);
    assert_string_equal(p->steps[6].key, "xem_xet");
    struct core_process_totals t;
    struct core_time_limit limit = { .halves = 90, .unit = CORE_WORKING_DAYS };
    assert_int_equal(bpmn_check(&m, limit, &a, &t, &err), MC_OK);
    assert_int_equal(t.longest_half_hours, 2 * (4 + 4 + 16 + 4 + 8 + 8 + 8 + 4));

    /* Export: the branches enter the join gateway, the other option enters
     * the join step itself (through the join gateway it would wait for the
     * branches that were never opened). */
    struct mc_buf xml;
    mc_buf_init(&xml, 0);
    assert_int_equal(bpmn_write(p, &xml, &err), MC_OK);
    assert_non_null(strstr(xml.data, "sourceRef=\"Gateway_tham_dinh\" targetRef=\"Task_xem_xet\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Task_y_kien_ccvc\" targetRef=\"Join_xem_xet\""));
    assert_non_null(strstr(xml.data, "sourceRef=\"Task_doi_chieu\" targetRef=\"Join_xem_xet\""));
    assert_null(strstr(xml.data, "sourceRef=\"Gateway_tham_dinh\" targetRef=\"Join_xem_xet\""));
    struct mc_arena a2;
    mc_arena_init(&a2);
    struct bpmn_model m2;
    rc = bpmn_parse_mem(xml.data, xml.len, &a2, &m2, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "%s: %s\n", err.field, err.msg);
    }
    assert_int_equal(rc, MC_OK);
    assert_true(core_process_equal(p, &m2.process));
    mc_arena_release(&a2);
    mc_buf_release(&xml);
    mc_arena_release(&a);
    free(data);
}

/* ---- rejections --------------------------------------------------------- */

#define HEAD                                                                            \
    "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"" BPMN_NS_MODEL "\" "        \
    "xmlns:motcua=\"" BPMN_NS_MOTCUA "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-" \
    "instance\" id=\"D\" targetNamespace=\"x\">\n"                                      \
    "<bpmn:process id=\"P\" name=\"Thử\">\n"
#define TAIL "</bpmn:process>\n</bpmn:definitions>\n"
#define TASK(id, h)                                                                      \
    "<bpmn:userTask id=\"" id "\" name=\"" id "\"><bpmn:extensionElements><motcua:step " \
    "role=\"specialist\" unit=\"VP\" hours=\"" h "\"/></bpmn:extensionElements>"         \
    "</bpmn:userTask>\n"
#define FLOW(id, s, t) \
    "<bpmn:sequenceFlow id=\"" id "\" sourceRef=\"" s "\" targetRef=\"" t "\"/>\n"
#define START "<bpmn:startEvent id=\"S\"/>\n"
#define END   "<bpmn:endEvent id=\"E\"/>\n"
/* Lines 3-7: start → A → B → end. */
#define SIMPLE      START TASK("A", "8") TASK("B", "8") END FLOW("F1", "S", "A")
#define SIMPLE_REST FLOW("F2", "A", "B") FLOW("F3", "B", "E")

struct reject {
    const char *name;
    const char *xml;
    enum mc_status code;
    const char *field; /* the first problem's element and line */
    const char *msg;   /* a part of its message */
};

static const struct reject rejects[] = {
    { "valid", HEAD SIMPLE SIMPLE_REST TAIL, MC_OK, "", "" },
    { "unknown element", HEAD SIMPLE SIMPLE_REST "<bpmn:frobnicate id=\"X1\"/>\n" TAIL, MC_EINVAL,
      "bpmn:frobnicate#X1 (line 10)", "outside the motcua subset" },
    { "subprocess",
      HEAD SIMPLE SIMPLE_REST
      "<bpmn:subProcess id=\"Sub_1\">\n" TASK("C", "1") "</bpmn:subProcess>\n" TAIL,
      MC_EINVAL, "bpmn:subProcess#Sub_1 (line 10)", "outside the motcua subset" },
    { "script task", HEAD SIMPLE SIMPLE_REST "<bpmn:scriptTask id=\"Js\"/>\n" TAIL, MC_EINVAL,
      "bpmn:scriptTask#Js (line 10)", "outside" },
    { "untyped task", HEAD SIMPLE SIMPLE_REST "<bpmn:task id=\"T0\"/>\n" TAIL, MC_EINVAL,
      "bpmn:task#T0 (line 10)", "make it a user task" },
    { "missing target", HEAD SIMPLE FLOW("F2", "A", "B") FLOW("F3", "B", "Nowhere") TAIL, MC_EINVAL,
      "bpmn:sequenceFlow#F3 (line 9)", "targetRef" },
    { "two start events",
      HEAD SIMPLE SIMPLE_REST "<bpmn:startEvent id=\"S2\"/>\n" FLOW("F4", "S2", "B") TAIL,
      MC_EINVAL, "bpmn:startEvent#S2 (line 10)", "second start event" },
    { "gateway without outgoing flows",
      HEAD SIMPLE FLOW("F2", "A", "B") FLOW("F3", "B", "G")
          FLOW("F4", "B", "E") "<bpmn:exclusiveGateway id=\"G\"/>\n" TAIL,
      MC_EINVAL, "bpmn:exclusiveGateway#G (line 11)", "without outgoing flows" },
    { "cycle",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") END
      "<bpmn:exclusiveGateway id=\"G\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "B")
          FLOW("F3", "B", "C") FLOW("F4", "C", "G") FLOW("F5", "G", "B") FLOW("F6", "G", "D")
              FLOW("F7", "D", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#B (line 5)", "cycle" },
    { "several flows out of a task",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") END FLOW("F1", "S", "A")
          FLOW("F2", "A", "B") FLOW("F3", "A", "C") FLOW("F4", "B", "E") FLOW("F5", "C", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#A (line 4)", "implicit parallel split" },
    { "exclusive choice inside a parallel split",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("J", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:exclusiveGateway id=\"X1\"/>\n"
      "<bpmn:parallelGateway id=\"P2\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "P1")
          FLOW("F3", "P1", "X1") FLOW("F4", "X1", "B") FLOW("F5", "X1", "C") FLOW("F6", "P1", "D")
              FLOW("F7", "B", "P2") FLOW("F8", "C", "P2") FLOW("F9", "D", "P2")
                  FLOW("F10", "P2", "J") FLOW("F11", "J", "E") TAIL,
      MC_EINVAL, "bpmn:exclusiveGateway#X1 (line 11)", "inside the parallel split" },
    { "parallel option's branches merged by an exclusive gateway",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") END
      "<bpmn:exclusiveGateway id=\"X1\"/>\n<bpmn:parallelGateway id=\"P1\"/>\n"
      "<bpmn:exclusiveGateway id=\"X2\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "X1")
          FLOW("F3", "X1", "D") FLOW("F4", "X1", "P1") FLOW("F5", "P1", "B") FLOW("F6", "P1", "C")
              FLOW("F7", "B", "X2") FLOW("F8", "C", "X2") FLOW("F9", "X2", "D")
                  FLOW("F10", "D", "E") TAIL,
      MC_EINVAL, "bpmn:exclusiveGateway#X2 (line 11)",
      "merges the branches of the parallel split bpmn:parallelGateway#P1" },
    { "parallel option joined with the plain option",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("G", "8") END
      "<bpmn:exclusiveGateway id=\"X1\"/>\n<bpmn:parallelGateway id=\"P1\"/>\n"
      "<bpmn:parallelGateway id=\"J1\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "X1")
          FLOW("F3", "X1", "D") FLOW("F4", "X1", "P1") FLOW("F5", "P1", "B") FLOW("F6", "P1", "C")
              FLOW("F7", "B", "J1") FLOW("F8", "C", "J1") FLOW("F9", "D", "J1")
                  FLOW("F10", "J1", "G") FLOW("F11", "G", "E") TAIL,
      MC_EINVAL, "bpmn:parallelGateway#J1 (line 12)", "would wait for every one of them" },
    { "parallel gateway merging alternatives",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") END
      "<bpmn:exclusiveGateway id=\"X1\"/>\n<bpmn:parallelGateway id=\"P1\"/>\n" FLOW("F1", "S", "A")
          FLOW("F2", "A", "X1") FLOW("F3", "X1", "B") FLOW("F4", "X1", "C") FLOW("F5", "B", "P1")
              FLOW("F6", "C", "P1") FLOW("F7", "P1", "D") FLOW("F8", "D", "E") TAIL,
      MC_EINVAL, "bpmn:parallelGateway#P1 (line 10)", "would wait for every one of them" },
    { "parallel branches merged by an exclusive gateway",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:exclusiveGateway id=\"X1\"/>\n" FLOW("F1", "S", "A")
          FLOW("F2", "A", "P1") FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "X1")
              FLOW("F6", "C", "X1") FLOW("F7", "X1", "D") FLOW("F8", "D", "E") TAIL,
      MC_EINVAL, "bpmn:exclusiveGateway#X1 (line 10)", "once per branch" },
    { "parallel branches meeting without a gateway",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "P1")
          FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "D") FLOW("F6", "C", "D")
              FLOW("F7", "D", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#B (line 5)", "without a parallel join" },
    { "parallel gateway that joins and splits",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("F", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:parallelGateway id=\"P2\"/>\n"
      "<bpmn:parallelGateway id=\"P3\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "P1")
          FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "P2") FLOW("F6", "C", "P2")
              FLOW("F7", "P2", "D") FLOW("F8", "P2", "F") FLOW("F9", "D", "P3")
                  FLOW("F10", "F", "P3") FLOW("F11", "P3", "E") TAIL,
      MC_EINVAL, "bpmn:parallelGateway#P2 (line 11)", "both joins and splits" },
    { "nested parallel blocks",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("F", "8")
          TASK("J", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:parallelGateway id=\"P2\"/>\n"
      "<bpmn:parallelGateway id=\"J2\"/>\n<bpmn:parallelGateway id=\"J1\"/>\n" FLOW("F1", "S", "A")
          FLOW("F2", "A", "P1") FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "P2")
              FLOW("F6", "P2", "D") FLOW("F7", "P2", "F") FLOW("F8", "D", "J2")
                  FLOW("F9", "F", "J2") FLOW("F10", "J2", "J1") FLOW("F11", "C", "J1")
                      FLOW("F12", "J1", "J") FLOW("F13", "J", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#B (line 5)", "nested parallel blocks are not supported" },
    { "loop through a parallel block",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("G", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:parallelGateway id=\"J1\"/>\n"
      "<bpmn:exclusiveGateway id=\"X1\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "P1")
          FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "J1") FLOW("F6", "C", "J1")
              FLOW("F7", "J1", "D") FLOW("F8", "D", "X1") FLOW("F9", "X1", "A")
                  FLOW("F10", "X1", "G") FLOW("F11", "G", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#A (line 4)", "a flow leads back to it (a loop)" },
    { "loop into a parallel branch",
      HEAD START TASK("A", "8") TASK("B", "8") TASK("C", "8") TASK("D", "8") TASK("G", "8") END
      "<bpmn:parallelGateway id=\"P1\"/>\n<bpmn:parallelGateway id=\"J1\"/>\n"
      "<bpmn:exclusiveGateway id=\"X1\"/>\n" FLOW("F1", "S", "A") FLOW("F2", "A", "P1")
          FLOW("F3", "P1", "B") FLOW("F4", "P1", "C") FLOW("F5", "B", "J1") FLOW("F6", "C", "J1")
              FLOW("F7", "J1", "D") FLOW("F8", "D", "X1") FLOW("F9", "X1", "B")
                  FLOW("F10", "X1", "G") FLOW("F11", "G", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#B (line 5)", "cycle" },
    { "inclusive gateway", HEAD SIMPLE SIMPLE_REST "<bpmn:inclusiveGateway id=\"I1\"/>\n" TAIL,
      MC_EINVAL, "bpmn:inclusiveGateway#I1 (line 10)", "outside" },
    { "end and step from one task", HEAD SIMPLE SIMPLE_REST FLOW("F4", "A", "E") TAIL, MC_EINVAL,
      "bpmn:userTask#A (line 4)", "both to an end event" },
    { "no start event", HEAD TASK("A", "8") END FLOW("F1", "A", "E") TAIL, MC_EINVAL,
      "bpmn:process#P (line 2)", "no start event" },
    { "task without motcua:step",
      HEAD START "<bpmn:userTask id=\"A\" name=\"a\"/>\n" END FLOW("F1", "S", "A")
          FLOW("F2", "A", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#A (line 4)", "motcua:step" },
    { "unknown role",
      HEAD START
      "<bpmn:userTask id=\"A\" name=\"a\"><bpmn:extensionElements><motcua:step role=\"boss\" "
      "unit=\"VP\" hours=\"1\"/></bpmn:extensionElements></bpmn:userTask>\n" END FLOW(
          "F1", "S", "A") FLOW("F2", "A", "E") TAIL,
      MC_EINVAL, "bpmn:userTask#A (line 4)", "boss is not a known role" },
    { "bad hours",
      HEAD START
      "<bpmn:userTask id=\"A\" name=\"a\"><bpmn:extensionElements>\n<motcua:step role=\"head\" "
      "unit=\"VP\" hours=\"1.25\"/></bpmn:extensionElements></bpmn:userTask>\n" END FLOW(
          "F1", "S", "A") FLOW("F2", "A", "E") TAIL,
      MC_EINVAL, "motcua:step (line 5)", "steps of 0.5" },
    { "interrupting timer",
      HEAD SIMPLE SIMPLE_REST
      "<bpmn:boundaryEvent id=\"T1\" attachedToRef=\"A\">"
      "<bpmn:timerEventDefinition><bpmn:timeDuration>PT8H</bpmn:timeDuration>"
      "</bpmn:timerEventDefinition></bpmn:boundaryEvent>\n" TAIL,
      MC_EINVAL, "bpmn:boundaryEvent#T1 (line 10)", "non-interrupting" },
    { "timer in days",
      HEAD SIMPLE SIMPLE_REST
      "<bpmn:boundaryEvent id=\"T1\" attachedToRef=\"A\" cancelActivity=\"false\">\n"
      "<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration>"
      "</bpmn:timerEventDefinition></bpmn:boundaryEvent>\n" TAIL,
      MC_EINVAL, "bpmn:timeDuration (line 11)", "days are ambiguous" },
    { "timer disagrees with hours",
      HEAD SIMPLE SIMPLE_REST
      "<bpmn:boundaryEvent id=\"T1\" attachedToRef=\"A\" cancelActivity=\"false\">"
      "<bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration>"
      "</bpmn:timerEventDefinition></bpmn:boundaryEvent>\n" TAIL,
      MC_EINVAL, "bpmn:boundaryEvent#T1 (line 10)", "allotment" },
    { "message start event",
      HEAD
      "<bpmn:startEvent id=\"S\"><bpmn:messageEventDefinition id=\"M\"/></bpmn:startEvent>\n" TASK(
          "A", "8") TASK("B", "8") END FLOW("F1", "S", "A") SIMPLE_REST TAIL,
      MC_EINVAL, "bpmn:messageEventDefinition#M (line 3)", "no event definition" },
    { "condition of another shape",
      HEAD SIMPLE FLOW("F2", "A",
                       "G") "<bpmn:exclusiveGateway id=\"G\"/>\n"
                            "<bpmn:sequenceFlow id=\"F3\" sourceRef=\"G\" targetRef=\"B\">\n"
                            "<bpmn:conditionExpression>${approved}</bpmn:conditionExpression></"
                            "bpmn:sequenceFlow>\n" FLOW("F4", "B", "E") TAIL,
      MC_EINVAL, "bpmn:conditionExpression (line 11)", "outcome ==" },
    { "outcome naming another step",
      HEAD SIMPLE FLOW(
          "F2", "A", "G") "<bpmn:exclusiveGateway id=\"G\"/>\n"
                          "<bpmn:sequenceFlow id=\"F3\" sourceRef=\"G\" targetRef=\"B\">"
                          "<bpmn:conditionExpression>${outcome == "
                          "\"A\"}</bpmn:conditionExpression></bpmn:sequenceFlow>\n" FLOW("F4", "B",
                                                                                         "E") TAIL,
      MC_EINVAL, "bpmn:sequenceFlow#F3 (line 10)", "forwards to" },
    { "two pools",
      "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"" BPMN_NS_MODEL "\" id=\"D\">\n"
      "<bpmn:collaboration id=\"C\"><bpmn:participant id=\"P1\" processRef=\"P\"/>\n"
      "<bpmn:participant id=\"P2\" processRef=\"Q\"/>\n<bpmn:messageFlow id=\"MF\" "
      "sourceRef=\"P1\" "
      "targetRef=\"P2\"/></bpmn:collaboration>\n</bpmn:definitions>\n",
      MC_EINVAL, "bpmn:participant#P2 (line 3)", "second pool" },
    { "malformed XML", HEAD SIMPLE "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"A\"\n" TAIL, MC_EINVAL,
      "document (line 9)", "malformed XML" },
    { "not BPMN", "<?xml version=\"1.0\"?>\n<svg id=\"x\"/>\n", MC_EINVAL, "svg#x (line 2)",
      "bpmn:definitions" },
    { "empty", "", MC_EINVAL, "document (line 1)", "malformed XML" },
    { "doctype with entities",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<lol>&b;</lol>\n",
      MC_EINVAL, "document (line 2)", "DOCTYPE" },
};

static void rejections_name_element_and_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(rejects) / sizeof(rejects[0]); i++) {
        const struct reject *r = &rejects[i];
        struct mc_arena a;
        mc_arena_init(&a);
        struct bpmn_model m;
        struct mc_err err;
        mc_err_clear(&err);
        enum mc_status rc = bpmn_parse_mem(r->xml, strlen(r->xml), &a, &m, &err);
        if (rc == MC_OK) {
            rc = bpmn_check(&m, ten_days, &a, NULL, &err);
        }
        if (rc != r->code || strcmp(err.field, r->field) != 0 || strstr(err.msg, r->msg) == NULL) {
            fprintf(stderr, "case \"%s\": got %s, field \"%s\", message \"%s\"\n", r->name,
                    mc_status_name(rc), err.field, err.msg);
            fail();
        }
        if (rc != MC_OK) {
            assert_true(m.nproblems >= 1);
        }
        mc_arena_release(&a);
    }
}

/* Every problem is listed, not only the first. */
static void all_problems_are_listed(void **state)
{
    (void)state;
    const char *xml = HEAD SIMPLE SIMPLE_REST "<bpmn:subProcess id=\"Sub\"/>\n"
                                              "<bpmn:scriptTask id=\"Scr\"/>\n" TAIL;
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    assert_int_equal(bpmn_parse_mem(xml, strlen(xml), &a, &m, &err), MC_EINVAL);
    assert_int_equal(m.nproblems, 2);
    assert_string_equal(m.problems[1].element, "bpmn:scriptTask#Scr");
    assert_int_equal(m.problems[1].line, 11);
    assert_non_null(strstr(err.msg, "and 1 more"));
    mc_arena_release(&a);
}

/* The XXE fixture is refused before parsing: the file is never read. */
static void xxe_is_refused(void **state)
{
    (void)state;
    size_t len;
    char *data = slurp(MC_SOURCE_DIR "/tests/data/bpmn/xxe.bpmn", &len);
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    assert_int_equal(bpmn_parse_mem(data, len, &a, &m, &err), MC_EINVAL);
    assert_string_equal(err.field, "document (line 2)");
    assert_null(m.process.name);
    assert_null(strstr(err.msg, "root:"));
    mc_arena_release(&a);
    free(data);
}

static void limits(void **state)
{
    (void)state;
    struct mc_arena a;
    mc_arena_init(&a);
    struct bpmn_model m;
    struct mc_err err;
    /* Size: refused before parsing. */
    size_t big = (size_t)BPMN_MAX_BYTES + 1;
    char *huge = malloc(big);
    memset(huge, ' ', big);
    assert_int_equal(bpmn_parse_mem(huge, big, &a, &m, &err), MC_ELIMIT);
    free(huge);
    /* Element count. */
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, "<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn=\"" BPMN_NS_MODEL "\">");
    for (int i = 0; i < BPMN_MAX_ELEMENTS + 1; i++) {
        mc_buf_puts(&b, "<bpmn:documentation/>");
    }
    mc_buf_puts(&b, "</bpmn:definitions>");
    assert_int_equal(bpmn_parse_mem(b.data, b.len, &a, &m, &err), MC_ELIMIT);
    assert_non_null(strstr(err.msg, "20000 elements"));
    mc_buf_release(&b);
    /* Nesting. */
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, "<bpmn:definitions xmlns:bpmn=\"" BPMN_NS_MODEL "\">");
    for (int i = 0; i < 40; i++) {
        mc_buf_puts(&b, "<x>");
    }
    for (int i = 0; i < 40; i++) {
        mc_buf_puts(&b, "</x>");
    }
    mc_buf_puts(&b, "</bpmn:definitions>");
    assert_int_equal(bpmn_parse_mem(b.data, b.len, &a, &m, &err), MC_ELIMIT);
    assert_non_null(strstr(err.msg, "nested"));
    mc_buf_release(&b);
    /* More than 64 steps. */
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, HEAD START);
    for (int i = 0; i < 70; i++) {
        mc_buf_appendf(&b,
                       "<bpmn:userTask id=\"T%d\" name=\"t\"><bpmn:extensionElements><motcua:step "
                       "role=\"head\" unit=\"VP\" hours=\"1\"/></bpmn:extensionElements>"
                       "</bpmn:userTask>\n",
                       i);
    }
    mc_buf_puts(&b, TAIL);
    assert_int_equal(bpmn_parse_mem(b.data, b.len, &a, &m, &err), MC_EINVAL);
    assert_non_null(strstr(err.msg, "at most 64 steps"));
    assert_string_equal(err.field, "bpmn:userTask#T64 (line 68)");
    mc_buf_release(&b);
    mc_arena_release(&a);
}

static void durations_and_hours(void **state)
{
    (void)state;
    int64_t h = 0;
    assert_true(bpmn_duration_parse("PT35H30M", &h));
    assert_int_equal(h, 71);
    assert_true(bpmn_duration_parse("PT30M", &h));
    assert_int_equal(h, 1);
    assert_true(bpmn_duration_parse("PT4.5H", &h));
    assert_int_equal(h, 9);
    assert_false(bpmn_duration_parse("PT0H", &h));
    assert_false(bpmn_duration_parse("PT", &h));
    assert_false(bpmn_duration_parse("P1D", &h));
    assert_false(bpmn_duration_parse("PT20M", &h));
    assert_false(bpmn_duration_parse("PT4H30", &h));
    assert_false(bpmn_duration_parse("PT99999999H", &h));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(demo_processes_round_trip),
        cmocka_unit_test(tricky_texts_round_trip),
        cmocka_unit_test(gateways_round_trip),
        cmocka_unit_test(parallel_file_imports),
        cmocka_unit_test(modeler_file_imports),
        cmocka_unit_test(choice_into_parallel_gateway_is_a_parallel_option),
        cmocka_unit_test(head_chooses_parallel_consultation),
        cmocka_unit_test(choose_then_parallel_round_trip),
        cmocka_unit_test(rejections_name_element_and_line),
        cmocka_unit_test(all_problems_are_listed),
        cmocka_unit_test(xxe_is_refused),
        cmocka_unit_test(limits),
        cmocka_unit_test(durations_and_hours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
