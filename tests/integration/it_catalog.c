/* The catalog against a real server loaded from tests/data/catalog: the
 * public reads (list, diacritic-insensitive search, filters, pagination,
 * detail, processes and their versions), errors (404, 400 naming the
 * parameter, 401 for anonymous writes), and the importer (all or nothing,
 * errors with file and JSON path, export → import → export round trip). */

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

#include "harness.h"

#define FIXTURE MC_SOURCE_DIR "/tests/data/catalog"

static struct it_server srv;

static int setup(void **state)
{
    (void)state;
    /* The fixture goes in before the server starts, as an agency would load it. */
    if (it_server_prepare(&srv) != 0) {
        return -1;
    }
    const char *args[] = { "import", FIXTURE, NULL };
    char *out = NULL;
    int rc = it_cli(&srv, &out, args);
    if (rc != 0) {
        fprintf(stderr, "import failed (%d):\n%s\n", rc, out);
    }
    free(out);
    return rc == 0 ? it_server_spawn(&srv, false, NULL) : -1;
}

static int teardown(void **state)
{
    (void)state;
    return it_server_stop(&srv) == 0 ? 0 : -1;
}

/* GET path, expect status; the response is left in *r (release it). */
static void get(const char *path, long status, struct it_resp *r)
{
    struct it_client c;
    it_client_init(&c, &srv);
    assert_int_equal(it_request(&c, "GET", path, NULL, NULL, NULL, r), 0);
    if (r->status != status) {
        fail_msg("GET %s: %ld, expected %ld: %s", path, r->status, status, r->body);
    }
    it_client_release(&c);
}

static const char *str_at(json_t *j, const char *key)
{
    return json_string_value(json_object_get(j, key));
}

/* The codes of a list response joined by commas. */
static void item_codes(json_t *page, char *out, size_t n)
{
    out[0] = '\0';
    json_t *items = json_object_get(page, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%s", i ? "," : "",
                 str_at(json_array_get(items, i), "code"));
    }
}

static void domains(void **state)
{
    (void)state;
    struct it_resp r;
    get("/api/domains", 200, &r);
    assert_int_equal(json_array_size(r.json), 3);
    json_t *d = json_array_get(r.json, 1);
    assert_string_equal(str_at(d, "code"), "TCPCP");
    assert_string_equal(str_at(d, "name"), "Tổ chức phi chính phủ");
    assert_int_equal(json_integer_value(json_object_get(d, "procedures")), 2);
    it_resp_release(&r);
}

struct list_case {
    const char *query;
    long total;
    const char *codes;
};

static void list_search_filters_pages(void **state)
{
    (void)state;
    static const struct list_case cases[] = {
        { "", 4, "FX-HOI-01,FX-QUY-01,FX-TG-01,NB-VP-01" },
        { "?q=cap%20phep", 1, "FX-QUY-01" },
        { "?q=thanh%20lap%20hoi", 1, "FX-HOI-01" },
        { "?q=dang%20ky", 1, "FX-TG-01" },
        { "?q=%C4%90%C4%82NG%20K%C3%9D", 1, "FX-TG-01" }, /* ĐĂNG KÝ */
        { "?q=thanh%20lap", 2, "FX-HOI-01,FX-QUY-01" },
        { "?q=to%20chuc%20phi", 2, "FX-HOI-01,FX-QUY-01" }, /* the domain's name */
        { "?q=bao%20cao", 1, "NB-VP-01" },
        { "?q=NB-VP-01", 1, "NB-VP-01" },
        { "?q=khong%20co%20gi", 0, "" },
        { "?q=%22%29%28*%3A", 4, "FX-HOI-01,FX-QUY-01,FX-TG-01,NB-VP-01" }, /* FTS syntax */
        { "?domain=TCPCP", 2, "FX-HOI-01,FX-QUY-01" },
        { "?level=xa", 1, "FX-TG-01" },
        { "?kind=internal", 1, "NB-VP-01" },
        { "?kind=tthc&domain=TCPCP&q=quy", 1, "FX-QUY-01" },
        { "?limit=2", 4, "FX-HOI-01,FX-QUY-01" },
        { "?limit=2&offset=2", 4, "FX-TG-01,NB-VP-01" },
        { "?limit=2&offset=10", 4, "" },
        { "?q=thanh%20lap&limit=1&offset=1", 2, "FX-QUY-01" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char path[256];
        snprintf(path, sizeof(path), "/api/procedures%s", cases[i].query);
        struct it_resp r;
        get(path, 200, &r);
        char codes[512];
        item_codes(r.json, codes, sizeof(codes));
        long total = (long)json_integer_value(json_object_get(r.json, "total"));
        if (total != cases[i].total || strcmp(codes, cases[i].codes) != 0) {
            fail_msg("%s: total %ld codes '%s', expected %ld '%s'", path, total, codes,
                     cases[i].total, cases[i].codes);
        }
        it_resp_release(&r);
    }
}

static void bad_query_parameters(void **state)
{
    (void)state;
    static const struct {
        const char *query, *field;
    } cases[] = {
        { "limit=abc", "limit" },  { "limit=0", "limit" },       { "limit=101", "limit" },
        { "offset=-1", "offset" }, { "offset=1x", "offset" },    { "level=xyz", "level" },
        { "kind=TTHC", "kind" },   { "domain=a%20b", "domain" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char path[256];
        snprintf(path, sizeof(path), "/api/procedures?%s", cases[i].query);
        struct it_resp r;
        get(path, 400, &r);
        assert_string_equal(r.content_type, "application/problem+json");
        assert_string_equal(it_problem_field(&r), cases[i].field);
        it_resp_release(&r);
    }
    char path[600] = "/api/procedures?q=";
    for (int i = 0; i < 201; i++) {
        strcat(path, "a");
    }
    struct it_resp r;
    get(path, 400, &r);
    assert_string_equal(it_problem_field(&r), "q");
    it_resp_release(&r);
}

static void procedure_detail(void **state)
{
    (void)state;
    struct it_resp r;
    get("/api/procedures/FX-HOI-01", 200, &r);
    assert_string_equal(str_at(r.json, "name"), "Thủ tục thành lập hội");
    assert_string_equal(str_at(r.json, "domain_name"), "Tổ chức phi chính phủ");
    assert_int_equal(json_array_size(json_object_get(r.json, "legal_basis")), 1);
    json_t *c = json_array_get(json_object_get(r.json, "cases"), 0);
    assert_int_equal(json_integer_value(json_object_get(c, "limit_hours")), 240);
    json_t *comps = json_object_get(c, "components");
    assert_int_equal(json_array_size(comps), 3);
    assert_string_equal(str_at(json_array_get(comps, 0), "form"), "Mẫu số 01");
    assert_true(json_is_null(json_object_get(json_array_get(comps, 1), "certified_copy")));
    assert_true(json_is_false(json_object_get(json_array_get(comps, 2), "required")));
    json_t *p = json_object_get(c, "process");
    assert_string_equal(str_at(p, "code"), "QT-01");
    assert_string_equal(str_at(p, "status"), "effective");
    assert_true(json_number_value(json_object_get(p, "total_hours")) == 208.5);
    assert_true(json_is_true(json_object_get(p, "within_limit")));
    json_t *steps = json_object_get(p, "steps");
    assert_int_equal(json_array_size(steps), 6);
    json_t *s2 = json_array_get(steps, 2);
    assert_string_equal(str_at(s2, "key"), "tham_dinh");
    assert_true(json_number_value(json_object_get(s2, "hours")) == 160.5);
    assert_true(json_is_true(json_object_get(s2, "may_return")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(s2, "next"), 0)),
                        "xem_xet");
    it_resp_release(&r);

    get("/api/procedures/FX-TG-01", 200, &r);
    json_t *c2 = json_array_get(json_object_get(r.json, "cases"), 1);
    assert_true(json_number_value(json_object_get(json_object_get(c2, "time_limit"), "amount")) ==
                10.5);
    assert_int_equal(json_integer_value(json_object_get(c2, "limit_hours")), 84);
    assert_true(json_is_null(json_object_get(c2, "process")));
    it_resp_release(&r);
}

static void processes_and_versions(void **state)
{
    (void)state;
    struct it_resp r;
    get("/api/processes/QT-NB-01", 200, &r);
    assert_string_equal(str_at(r.json, "procedure"), "NB-VP-01");
    assert_int_equal(json_integer_value(json_object_get(r.json, "limit_hours")), 24);
    json_t *cur = json_object_get(r.json, "current");
    assert_int_equal(json_integer_value(json_object_get(cur, "issue")), 1);
    /* 2 + max(8, 4) + 8 + 4 along de_nghi → so_lieu_a → tong_hop → ky */
    assert_int_equal(json_integer_value(json_object_get(cur, "total_hours")), 22);
    it_resp_release(&r);

    get("/api/processes/QT-NB-01/versions", 200, &r);
    json_t *v = json_array_get(json_object_get(r.json, "versions"), 0);
    assert_string_equal(str_at(v, "status"), "effective");
    json_t *h = json_array_get(json_object_get(v, "history"), 0);
    assert_string_equal(str_at(h, "to"), "effective");
    assert_true(json_is_null(json_object_get(h, "actor")));
    it_resp_release(&r);
}

static void unknown_things_are_404(void **state)
{
    (void)state;
    const char *paths[] = { "/api/procedures/NOPE", "/api/procedures/%E1%BA%A5",
                            "/api/processes/NOPE", "/api/processes/NOPE/versions" };
    for (size_t i = 0; i < 4; i++) {
        struct it_resp r;
        get(paths[i], 404, &r);
        assert_string_equal(r.content_type, "application/problem+json");
        it_resp_release(&r);
    }
}

static void anonymous_writes_are_401(void **state)
{
    (void)state;
    struct it_client c;
    it_client_init(&c, &srv);
    struct it_resp r;
    assert_int_equal(
        it_request(&c, "POST", "/api/processes/QT-01/versions", "{\"steps\":[]}", NULL, NULL, &r),
        0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    assert_int_equal(it_request(&c, "POST", "/api/processes/QT-01/versions/1/transition",
                                "{\"to\":\"approved\"}", NULL, NULL, &r),
                     0);
    assert_int_equal(r.status, 401);
    it_resp_release(&r);
    it_client_release(&c);
}

static void sh(const char *cmd)
{
    if (system(cmd) != 0) {
        fail_msg("command failed: %s", cmd);
    }
}

/* Replace the first `from` in file by `to`. */
static void edit(const char *file, const char *from, const char *to)
{
    FILE *f = fopen(file, "rb");
    assert_non_null(f);
    char buf[16384];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *at = strstr(buf, from);
    assert_non_null(at);
    f = fopen(file, "wb");
    assert_non_null(f);
    fwrite(buf, 1, (size_t)(at - buf), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
}

static void import_is_all_or_nothing(void **state)
{
    (void)state;
    char dir[400], cmd[1200], file[500];
    snprintf(dir, sizeof(dir), "%s/bad", srv.dir);
    snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s'", FIXTURE, dir);
    sh(cmd);
    /* A good change that must not land, and two bad files. */
    snprintf(file, sizeof(file), "%s/procedures/FX-HOI-01.json", dir);
    edit(file, "\"Thủ tục thành lập hội\"", "\"Tên mới\"");
    snprintf(file, sizeof(file), "%s/procedures/FX-QUY-01.json", dir);
    edit(file, "\"hours\": 180", "\"hours\": 300");
    snprintf(file, sizeof(file), "%s/procedures/NB-VP-01.json", dir);
    edit(file, "\"next\": [\"tong_hop\"] },", "\"next\": [\"tong_hop\"], \"extra\": 1 },");
    snprintf(file, sizeof(file), "%s/procedures/FX-TG-01.json", dir);
    edit(file, "\"unit\": \"TG\"", "\"unit\": \"KHONG\"");
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, args), 1);
    assert_non_null(
        strstr(out, "procedures/FX-TG-01.json: $.unit: no such unit: list it in units.json"));
    assert_non_null(strstr(
        out, "procedures/FX-QUY-01.json: $.cases[0].process: the longest path tiep_nhan → "
             "tham_dinh → ky → tra_ket_qua takes 316 working hours, more than the legal limit "
             "of 30 working days (240 working hours)"));
    assert_non_null(strstr(out, "procedures/NB-VP-01.json: $.cases[0].process.steps[1].extra: "
                                "unknown field"));
    assert_non_null(strstr(out, "3 errors; nothing was changed"));
    /* The errors come in file order. */
    assert_true(strstr(out, "FX-QUY-01.json") < strstr(out, "NB-VP-01.json"));
    free(out);
    struct it_resp r;
    get("/api/procedures/FX-HOI-01", 200, &r);
    assert_string_equal(str_at(r.json, "name"), "Thủ tục thành lập hội");
    it_resp_release(&r);
}

static void issued_versions_never_change(void **state)
{
    (void)state;
    char dir[400], cmd[1200], file[500];
    snprintf(dir, sizeof(dir), "%s/changed", srv.dir);
    snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s'", FIXTURE, dir);
    sh(cmd);
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, args), 0); /* the same again: nothing to say */
    free(out);
    snprintf(file, sizeof(file), "%s/procedures/NB-VP-01.json", dir);
    edit(file, "\"hours\": 8, \"next\": [\"ky\"]", "\"hours\": 7, \"next\": [\"ky\"]");
    assert_int_equal(it_cli(&srv, &out, args), 1);
    assert_non_null(strstr(out, "procedures/NB-VP-01.json: $.cases[0].process.issue: this issue "
                                "of the process is already stored with other content"));
    free(out);
    /* Warm the lookup caches of every worker with issue 1 in force. */
    struct it_resp r;
    for (int i = 0; i < 6; i++) {
        get("/api/processes/QT-NB-01", 200, &r);
        assert_int_equal(
            json_integer_value(json_object_get(json_object_get(r.json, "current"), "issue")), 1);
        it_resp_release(&r);
        get("/api/procedures/NB-VP-01", 200, &r);
        it_resp_release(&r);
    }
    /* A new issue is accepted and supersedes the one in force. */
    edit(file, "\"issue\": 1", "\"issue\": 2");
    assert_int_equal(it_cli(&srv, &out, args), 0);
    free(out);
    /* Another process wrote: no worker may answer from its cache. */
    for (int i = 0; i < 6; i++) {
        get("/api/processes/QT-NB-01", 200, &r);
        json_t *cur = json_object_get(r.json, "current");
        assert_int_equal(json_integer_value(json_object_get(cur, "issue")), 2);
        assert_int_equal(json_integer_value(json_object_get(cur, "total_hours")), 21);
        it_resp_release(&r);
        get("/api/procedures/NB-VP-01", 200, &r);
        json_t *c = json_array_get(json_object_get(r.json, "cases"), 0);
        assert_int_equal(
            json_integer_value(json_object_get(json_object_get(c, "process"), "issue")), 2);
        it_resp_release(&r);
    }
    get("/api/processes/QT-NB-01/versions", 200, &r);
    json_t *vs = json_object_get(r.json, "versions");
    assert_int_equal(json_array_size(vs), 2);
    assert_string_equal(str_at(json_array_get(vs, 0), "status"), "effective");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(vs, 0), "total_hours")), 21);
    assert_string_equal(str_at(json_array_get(vs, 1), "status"), "superseded");
    it_resp_release(&r);
}

static void export_import_export_is_identical(void **state)
{
    (void)state;
    char one[400], two[400], db[400], cmd[1000];
    snprintf(one, sizeof(one), "%s/export1", srv.dir);
    snprintf(two, sizeof(two), "%s/export2", srv.dir);
    snprintf(db, sizeof(db), "%s/fresh.db", srv.dir);
    const char *exp1[] = { "export", one, NULL };
    const char *imp[] = { "import", "--db", db, one, NULL };
    const char *exp2[] = { "export", "--db", db, two, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&srv, &out, exp1), 0);
    free(out);
    assert_int_equal(it_cli(&srv, &out, imp), 0);
    assert_non_null(strstr(out, "org 11, catalog 7")); /* 6 units + 5 people, 3 + 4 */
    free(out);
    assert_int_equal(it_cli(&srv, &out, exp2), 0);
    free(out);
    snprintf(cmd, sizeof(cmd), "diff -r '%s' '%s'", one, two);
    sh(cmd);
    snprintf(cmd, sizeof(cmd),
             "test -f '%s/procedures/FX-HOI-01.json' && test -f '%s/domains.json'", two, two);
    sh(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(domains),
        cmocka_unit_test(list_search_filters_pages),
        cmocka_unit_test(bad_query_parameters),
        cmocka_unit_test(procedure_detail),
        cmocka_unit_test(processes_and_versions),
        cmocka_unit_test(unknown_things_are_404),
        cmocka_unit_test(anonymous_writes_are_401),
        cmocka_unit_test(import_is_all_or_nothing),
        cmocka_unit_test(issued_versions_never_change),
        cmocka_unit_test(export_import_export_is_identical),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
