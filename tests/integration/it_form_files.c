/* Blank forms of a procedure's components (issue 5 item 2): an
 * administrator attaches an uploaded document to component 2 of case C1 of
 * procedure 2.000418; anyone downloads identical bytes with the safe
 * headers and sees it in the procedure JSON; others are refused and
 * nothing changes; bad references are named (an upload already in a
 * dossier is 409); removal removes the bytes. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <dirent.h>
#include <sys/stat.h>

#include "dossier_it.h"
#include "upload_it.h"

/* A second PDF, different bytes: replacing a form's file. */
static const char pdf2_bytes[] = "%PDF-1.4\n1 0 obj<</Type/Catalog/Lang(vi)>>endobj\n"
                                 "trailer<</Root 1 0 R>>\n%%EOF\n";

#define PROC      "2.000418"
#define FORM_PATH "/api/procedures/" PROC "/cases/C1/components/2/form-file"

static int setup(void **state)
{
    (void)state;
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

static void upload_ok(const char *user, const char *name, const void *data, size_t len, char id[33])
{
    char path[512], now[64];
    snprintf(path, sizeof(path), "/api/uploads?name=%s", name);
    snprintf(now, sizeof(now), "X-Test-Now: %lld", (long long)dit_now);
    const char *hdrs[] = { now, NULL };
    struct it_resp r;
    memset(&r, 0, sizeof(r));
    assert_int_equal(it_request_bin(dit_client(user), "POST", path, data, len,
                                    "application/octet-stream", hdrs, &r),
                     0);
    if (r.status != 201) {
        fprintf(stderr, "upload %s: %ld %s\n", name, r.status, r.body ? r.body : "");
    }
    assert_int_equal(r.status, 201);
    snprintf(id, 33, "%s", dit_str(r.json, "id"));
    it_resp_release(&r);
}

static long put_form(const char *user, const char *path, const char *upload, struct it_resp *r)
{
    char body[128];
    snprintf(body, sizeof(body), "{\"upload\":\"%s\"}", upload);
    return dit_call(user, "PUT", path, body, NULL, r);
}

/* Component 2 of C1 as the procedure JSON shows it (a new reference). */
static json_t *component_2(void)
{
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "GET", "/api/procedures/" PROC, NULL, NULL, &r), 200);
    json_t *cases = json_object_get(r.json, "cases");
    json_t *k = json_array_get(json_object_get(json_array_get(cases, 0), "components"), 1);
    assert_non_null(k);
    assert_int_equal(dit_int(k, "order"), 2);
    json_incref(k);
    it_resp_release(&r);
    return k;
}

static char form_url[160];

static void admin_attaches_and_anyone_downloads(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 11, 2, 9, 0);
    json_t *before = component_2();
    assert_true(json_is_null(json_object_get(before, "form_file")));
    json_decref(before);

    char up[33];
    upload_ok("quantri", "M%E1%BA%ABu%20s%E1%BB%91%208.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, up);
    struct it_resp r;
    assert_int_equal(put_form("quantri", FORM_PATH, up, &r), 200);
    assert_string_equal(dit_str(r.json, "name"), "Mẫu số 8.pdf");
    assert_string_equal(dit_str(r.json, "mime"), "application/pdf");
    assert_int_equal(dit_int(r.json, "size"), sizeof(pdf_bytes) - 1);
    snprintf(form_url, sizeof(form_url), "%s", dit_str(r.json, "url"));
    it_resp_release(&r);
    assert_non_null(strstr(form_url, "/api/procedures/" PROC "/forms/"));

    /* The procedure JSON lists it for everyone. */
    json_t *k = component_2();
    json_t *ff = json_object_get(k, "form_file");
    assert_string_equal(dit_str(ff, "url"), form_url);
    assert_string_equal(dit_str(ff, "name"), "Mẫu số 8.pdf");
    assert_int_equal(dit_int(ff, "size"), sizeof(pdf_bytes) - 1);
    json_decref(k);

    /* An anonymous download: identical bytes, safe headers. */
    assert_int_equal(dit_call(NULL, "GET", form_url, NULL, NULL, &r), 200);
    assert_int_equal(r.len, sizeof(pdf_bytes) - 1);
    assert_memory_equal(r.body, pdf_bytes, r.len);
    assert_string_equal(r.content_type, "application/pdf");
    assert_non_null(strstr(r.headers, "X-Content-Type-Options: nosniff"));
    assert_non_null(strstr(r.headers, "filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%208.pdf"));
    assert_non_null(strstr(r.headers, "Content-Security-Policy: sandbox"));
    it_resp_release(&r);

    /* The upload was consumed: it cannot be attached again. */
    assert_int_equal(
        put_form("quantri", "/api/procedures/" PROC "/cases/C1/components/1/form-file", up, &r),
        400);
    assert_non_null(strstr(r.body, "upload"));
    it_resp_release(&r);
}

static void others_are_refused_and_nothing_changes(void **state)
{
    (void)state;
    char up[33];
    upload_ok("motcua1", "x.pdf", pdf2_bytes, sizeof(pdf2_bytes) - 1, up);
    struct it_resp r;
    assert_int_equal(put_form("motcua1", FORM_PATH, up, &r), 403);
    it_resp_release(&r);
    assert_int_equal(put_form(NULL, FORM_PATH, up, &r), 401);
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "DELETE", FORM_PATH, NULL, NULL, &r), 403);
    it_resp_release(&r);
    /* The admin may not use another person's upload. */
    assert_int_equal(put_form("quantri", FORM_PATH, up, &r), 400);
    assert_string_equal(it_problem_field(&r), "upload");
    it_resp_release(&r);

    json_t *k = component_2();
    assert_string_equal(dit_str(json_object_get(k, "form_file"), "url"), form_url);
    json_decref(k);
    assert_int_equal(dit_call(NULL, "GET", form_url, NULL, NULL, &r), 200);
    assert_memory_equal(r.body, pdf_bytes, sizeof(pdf_bytes) - 1);
    it_resp_release(&r);
}

static void bad_references_are_named(void **state)
{
    (void)state;
    char up[33];
    upload_ok("quantri", "y.pdf", pdf2_bytes, sizeof(pdf2_bytes) - 1, up);
    struct it_resp r;
    assert_int_equal(
        put_form("quantri", "/api/procedures/" PROC "/cases/C1/components/99/form-file", up, &r),
        404);
    assert_non_null(strstr(r.body, "no component 99"));
    it_resp_release(&r);
    assert_int_equal(
        put_form("quantri", "/api/procedures/" PROC "/cases/C9/components/1/form-file", up, &r),
        404);
    assert_non_null(strstr(r.body, "no case C9"));
    it_resp_release(&r);
    assert_int_equal(
        put_form("quantri", "/api/procedures/9.999999/cases/C1/components/1/form-file", up, &r),
        404);
    assert_non_null(strstr(r.body, "9.999999"));
    it_resp_release(&r);
    assert_int_equal(put_form("quantri", FORM_PATH, "0123456789abcdef0123456789abcdef", &r), 400);
    assert_non_null(strstr(r.body, "no such upload"));
    it_resp_release(&r);
    assert_int_equal(dit_call("quantri", "PUT", FORM_PATH, "{\"upload\":1}", NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "upload");
    it_resp_release(&r);
    /* An image is no blank form. */
    char img[33];
    upload_ok("quantri", "z.png", png_bytes, sizeof(png_bytes), img);
    assert_int_equal(put_form("quantri", FORM_PATH, img, &r), 415);
    it_resp_release(&r);
    /* Unknown form ids and another procedure's path read as absent. */
    assert_int_equal(dit_call(NULL, "GET", "/api/procedures/" PROC "/forms/999", NULL, NULL, &r),
                     404);
    it_resp_release(&r);
    const char *id = strrchr(form_url, '/') + 1;
    char other[160];
    snprintf(other, sizeof(other), "/api/procedures/1.003950/forms/%s", id);
    assert_int_equal(dit_call(NULL, "GET", other, NULL, NULL, &r), 404);
    it_resp_release(&r);
    /* The unused upload y.pdf is still free: it replaces the form. */
    assert_int_equal(put_form("quantri", FORM_PATH, up, &r), 200);
    char replaced[160];
    snprintf(replaced, sizeof(replaced), "%s", dit_str(r.json, "url"));
    it_resp_release(&r);
    assert_string_not_equal(replaced, form_url);
    assert_int_equal(dit_call(NULL, "GET", form_url, NULL, NULL, &r), 404);
    it_resp_release(&r);
    assert_int_equal(dit_call(NULL, "GET", replaced, NULL, NULL, &r), 200);
    assert_memory_equal(r.body, pdf2_bytes, sizeof(pdf2_bytes) - 1);
    it_resp_release(&r);
    snprintf(form_url, sizeof(form_url), "%s", replaced);
}

/* An administrator who also receives at the desk: an upload already in a
 * dossier is 409 and the form stays as it was. */
static void upload_in_a_dossier_conflicts(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "POST", "/api/people",
                              "{\"username\":\"quantri.motcua\",\"full_name\":\"Quản Trị Một Cửa\","
                              "\"password\":\"" DEMO_PASSWORD "\",\"roles\":[{\"role\":\"admin\","
                              "\"unit\":\"VP\"},{\"role\":\"reception\",\"unit\":\"MC\"}]}",
                              NULL, &r),
                     201);
    it_resp_release(&r);
    char up[33];
    upload_ok("quantri.motcua", "don.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, up);
    char body[512];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Trần Thị B\","
             "\"phone\":\"0912000111\"},\"files\":[{\"upload\":\"%s\"}]}",
             up);
    assert_int_equal(dit_call("quantri.motcua", "POST", "/api/dossiers", body, NULL, &r), 201);
    it_resp_release(&r);
    assert_int_equal(put_form("quantri.motcua", FORM_PATH, up, &r), 409);
    assert_string_equal(it_problem_field(&r), "upload");
    it_resp_release(&r);
    json_t *k = component_2();
    assert_string_equal(dit_str(json_object_get(k, "form_file"), "url"), form_url);
    json_decref(k);
}

static void delete_removes_link_and_bytes(void **state)
{
    (void)state;
    long files = store_files();
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "DELETE", FORM_PATH, NULL, NULL, &r), 204);
    it_resp_release(&r);
    /* pdf2's bytes are named by motcua1's free upload x.pdf, so they stay. */
    assert_int_equal(store_files(), files);
    assert_int_equal(dit_call(NULL, "GET", form_url, NULL, NULL, &r), 404);
    it_resp_release(&r);
    json_t *k = component_2();
    assert_true(json_is_null(json_object_get(k, "form_file")));
    json_decref(k);
    assert_int_equal(dit_call("quantri", "DELETE", FORM_PATH, NULL, NULL, &r), 404);
    it_resp_release(&r);

    /* A content only the form named leaves the file store with it. */
    static const char pdf3[] = "%PDF-1.4\n%only-this-form\ntrailer<<>>\n%%EOF\n";
    char up[33];
    upload_ok("quantri", "w.pdf", pdf3, sizeof(pdf3) - 1, up);
    assert_int_equal(put_form("quantri", FORM_PATH, up, &r), 200);
    it_resp_release(&r);
    files = store_files();
    assert_int_equal(dit_call("quantri", "DELETE", FORM_PATH, NULL, NULL, &r), 204);
    it_resp_release(&r);
    assert_int_equal(store_files(), files - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(admin_attaches_and_anyone_downloads),
        cmocka_unit_test(others_are_refused_and_nothing_changes),
        cmocka_unit_test(bad_references_are_named),
        cmocka_unit_test(upload_in_a_dossier_conflicts),
        cmocka_unit_test(delete_removes_link_and_bytes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
