/* Attachments over HTTP (issue 4 item 5, issue 5 item 2): the applicant
 * uploads per component before the dossier exists and submits; staff
 * upload and attach to an action; both download identical bytes with the
 * right headers. Refusals leave nothing behind: an oversize or wrongly
 * typed file writes nothing to the file store, a submission naming a
 * missing or foreign upload creates no dossier. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dossier_it.h"
#include "upload_it.h"

enum { UPLOAD_MAX = 200000 };

static int setup(void **state)
{
    (void)state;
    char max[16];
    snprintf(max, sizeof(max), "%d", UPLOAD_MAX);
    const char *args[] = { "--test-clock", "true", "--upload-max", max, NULL };
    return it_server_start(&dit_srv, true, args);
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

/* Upload bytes as `user` (NULL: the applicant) under `name` (URL-encoded
 * by the caller); returns the status, *r kept for the caller. */
static long upload(const char *user, const char *name, const void *data, size_t len,
                   const char *extra, struct it_resp *r)
{
    char path[512], now[64];
    snprintf(path, sizeof(path), "/api/uploads?name=%s", name);
    snprintf(now, sizeof(now), "X-Test-Now: %lld", (long long)dit_now);
    const char *hdrs[] = { now, extra, NULL };
    memset(r, 0, sizeof(*r));
    if (it_request_bin(dit_client(user), "POST", path, data, len, "application/octet-stream", hdrs,
                       r) != 0) {
        return -1;
    }
    return r->status;
}

/* Upload that must succeed; the id into id[33]. */
static void upload_ok(const char *user, const char *name, const void *data, size_t len, char id[33])
{
    struct it_resp r;
    long st = upload(user, name, data, len, NULL, &r);
    if (st != 201) {
        fprintf(stderr, "upload %s: %ld %s\n", name, st, r.body ? r.body : "");
    }
    assert_int_equal(st, 201);
    snprintf(id, 33, "%s", dit_str(r.json, "id"));
    assert_int_equal(strlen(id), 32);
    it_resp_release(&r);
}

static bool has_header(const struct it_resp *r, const char *line)
{
    return strstr(r->headers, line) != NULL;
}

/* Dossiers in the reception desk's unit queue (online ones wait there). */
static int64_t desk_total(void)
{
    struct it_resp r;
    assert_int_equal(dit_call("motcua1", "GET", "/api/inbox?scope=unit", NULL, NULL, &r), 200);
    int64_t n = dit_int(r.json, "total");
    it_resp_release(&r);
    return n;
}

/* ---- scenarios ----------------------------------------------------------- */

static char online_ref[48];
static char online_file[33];

static void applicant_uploads_and_submits(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 5, 8, 0);
    char a[33], b[33];
    /* NFD "Đơn đề nghị.pdf" from a Mac: stored as NFC. */
    upload_ok(NULL, "%C4%90o%CC%9Bn%20%C4%91e%CC%82%CC%80%20nghi%CC%A3.pdf", pdf_bytes,
              sizeof(pdf_bytes) - 1, a);
    upload_ok(NULL, "cccd.png", png_bytes, sizeof(png_bytes), b);
    snprintf(online_file, sizeof(online_file), "%s", a);

    char body[1024];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":\"Trần Thị B\","
             "\"phone\":\"0987654321\"},\"files\":[{\"upload\":\"%s\",\"component\":"
             "\"Đơn đề nghị\"},{\"upload\":\"%s\",\"component\":\"Bản sao CCCD\"}]}",
             a, b);
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "POST", "/api/dossiers", body, NULL, &r), 201);
    snprintf(online_ref, sizeof(online_ref), "%s", dit_str(r.json, "ref"));
    it_resp_release(&r);

    /* Reception sees both files with their components. */
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", online_ref);
    assert_int_equal(dit_call("motcua1", "GET", path, NULL, NULL, &r), 200);
    json_t *files = json_object_get(r.json, "files");
    assert_int_equal(json_array_size(files), 2);
    json_t *f0 = json_array_get(files, 0);
    assert_string_equal(dit_str(f0, "name"), "Đơn đề nghị.pdf");
    assert_string_equal(dit_str(f0, "component"), "Đơn đề nghị");
    assert_string_equal(dit_str(f0, "mime"), "application/pdf");
    assert_string_equal(dit_str(f0, "uploaded_by"), "applicant");
    assert_int_equal(dit_int(f0, "size"), sizeof(pdf_bytes) - 1);
    assert_true(dit_int(f0, "event_seq") >= 1);
    assert_string_equal(dit_str(json_array_get(files, 1), "mime"), "image/png");
    char url[256];
    snprintf(url, sizeof(url), "%s", dit_str(f0, "url"));
    it_resp_release(&r);

    /* Staff download: identical bytes and safe headers. */
    assert_int_equal(dit_call("motcua1", "GET", url, NULL, NULL, &r), 200);
    assert_int_equal(r.len, sizeof(pdf_bytes) - 1);
    assert_memory_equal(r.body, pdf_bytes, r.len);
    assert_string_equal(r.content_type, "application/pdf");
    assert_true(has_header(&r, "X-Content-Type-Options: nosniff"));
    assert_true(
        has_header(&r, "filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.pdf"));
    it_resp_release(&r);

    /* The applicant with code + phone; a wrong phone reads as absent. */
    snprintf(path, sizeof(path), "/api/public/dossiers/%s/files/%s?phone=0987%%20654%%20321",
             online_ref, a);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    assert_memory_equal(r.body, pdf_bytes, sizeof(pdf_bytes) - 1);
    it_resp_release(&r);
    snprintf(path, sizeof(path), "/api/public/dossiers/%s/files/%s?phone=0987654320", online_ref,
             a);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 404);
    it_resp_release(&r);
    /* The public lookup lists the files too. */
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=0987654321", online_ref);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    assert_int_equal(json_array_size(json_object_get(r.json, "files")), 2);
    it_resp_release(&r);

    /* An upload is used once. */
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":\"X\","
             "\"phone\":\"0987654321\"},\"files\":[{\"upload\":\"%s\"}]}",
             a);
    int64_t before = desk_total();
    assert_int_equal(dit_call(NULL, "POST", "/api/dossiers", body, NULL, &r), 409);
    assert_string_equal(it_problem_field(&r), "files[0].upload");
    it_resp_release(&r);
    assert_int_equal(desk_total(), before);
}

static void another_units_specialist_is_refused(void **state)
{
    (void)state;
    char path[256];
    struct it_resp r;
    snprintf(path, sizeof(path), "/api/dossiers/%s/files/%s", online_ref, online_file);
    assert_int_equal(dit_call("chuyenvien1.xdcq", "GET", path, NULL, NULL, &r), 403);
    it_resp_release(&r);
    /* Nobody without a session. */
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 401);
    it_resp_release(&r);
    /* A file of another dossier under this one's path: 404. */
    snprintf(path, sizeof(path), "/api/dossiers/%s/files/%032d", online_ref, 0);
    assert_int_equal(dit_call("motcua1", "GET", path, NULL, NULL, &r), 404);
    it_resp_release(&r);
}

static void oversize_writes_nothing(void **state)
{
    (void)state;
    long before = store_files();
    size_t n = UPLOAD_MAX + 1;
    char *big = calloc(1, n);
    memcpy(big, pdf_bytes, sizeof(pdf_bytes) - 1);
    struct it_resp r;
    assert_int_equal(upload(NULL, "big.pdf", big, n, NULL, &r), 413);
    assert_string_equal(it_problem_field(&r), "file");
    assert_non_null(strstr(dit_str(r.json, "detail"), "larger than"));
    it_resp_release(&r);
    /* Sent without a length (chunked): refused while streaming. */
    assert_int_equal(upload(NULL, "big.pdf", big, n, "Transfer-Encoding: chunked", &r), 413);
    it_resp_release(&r);
    free(big);
    assert_int_equal(store_files(), before);
}

static void wrong_type_by_content_writes_nothing(void **state)
{
    (void)state;
    long before = store_files();
    struct it_resp r;
    const char text[] = "Tôi là một tệp văn bản, không phải PDF.\n";
    assert_int_equal(upload(NULL, "don.pdf", text, sizeof(text) - 1, NULL, &r), 415);
    assert_string_equal(r.content_type, "application/problem+json");
    assert_string_equal(it_problem_field(&r), "file");
    assert_string_equal(dit_str(r.json, "detected_type"), "text/plain");
    assert_non_null(strstr(dit_str(r.json, "detail"), "plain text"));
    it_resp_release(&r);
    /* A Windows program renamed to .pdf. */
    unsigned char exe[512] = { 'M', 'Z' };
    memcpy(exe + 0x3c, "\x80\0\0\0", 4);
    memcpy(exe + 0x80, "PE\0\0\x4c\x01", 6);
    assert_int_equal(upload(NULL, "hoso.pdf", exe, sizeof(exe), NULL, &r), 415);
    assert_non_null(strstr(dit_str(r.json, "detail"), "Windows program"));
    it_resp_release(&r);
    /* Empty, and nameless. */
    assert_int_equal(upload(NULL, "x.pdf", "", 0, NULL, &r), 400);
    it_resp_release(&r);
    assert_int_equal(upload(NULL, "", pdf_bytes, sizeof(pdf_bytes) - 1, NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "name");
    it_resp_release(&r);
    assert_int_equal(store_files(), before);
}

static void names_cannot_traverse(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(
        upload(NULL, "..%2F..%2F..%2Fetc%2Fpasswd.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, NULL, &r),
        201);
    assert_string_equal(dit_str(r.json, "name"), "passwd.pdf");
    it_resp_release(&r);
    assert_int_equal(upload(NULL, "C%3A%5CUsers%5Ca%5C..%5Cb%22%0A.pdf", pdf_bytes,
                            sizeof(pdf_bytes) - 1, NULL, &r),
                     201);
    assert_string_equal(dit_str(r.json, "name"), "b__.pdf");
    it_resp_release(&r);
    assert_int_equal(upload(NULL, "...", pdf_bytes, sizeof(pdf_bytes) - 1, NULL, &r), 201);
    assert_string_equal(dit_str(r.json, "name"), "tep");
    it_resp_release(&r);
    /* Not UTF-8. */
    assert_int_equal(upload(NULL, "%FF%FE.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "name");
    it_resp_release(&r);
    /* Nothing escaped the store: no file named passwd.pdf anywhere under it. */
    char probe[512];
    snprintf(probe, sizeof(probe), "%s/etc/passwd.pdf", dit_srv.dir);
    assert_int_not_equal(access(probe, F_OK), 0);
}

static void bad_references_create_nothing(void **state)
{
    (void)state;
    struct it_resp r;
    int64_t before = desk_total();
    char staff[33];
    upload_ok("motcua1", "scan.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, staff);
    char bad[3][128];
    /* unknown; not an id; someone else's (a staff upload) */
    snprintf(bad[0], sizeof(bad[0]), "{\"upload\":\"0123456789abcdef0123456789abcdef\"}");
    snprintf(bad[1], sizeof(bad[1]), "{\"upload\":\"../../etc/passwd\"}");
    snprintf(bad[2], sizeof(bad[2]), "{\"upload\":\"%s\"}", staff);
    for (size_t i = 0; i < 3; i++) {
        char body[1024];
        snprintf(body, sizeof(body),
                 "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":\"X\","
                 "\"phone\":\"0987654321\"},\"files\":[%s]}",
                 bad[i]);
        assert_int_equal(dit_call(NULL, "POST", "/api/dossiers", body, NULL, &r), 400);
        assert_string_equal(it_problem_field(&r), "files[0].upload");
        it_resp_release(&r);
    }
    assert_int_equal(desk_total(), before);

    /* An applicant's upload in a staff action: refused, dossier unchanged. */
    char anon[33];
    upload_ok(NULL, "x.pdf", pdf_bytes, sizeof(pdf_bytes) - 1, anon);
    char fields[256];
    snprintf(fields, sizeof(fields), "\"files\":[{\"upload\":\"%s\"}]", anon);
    assert_int_equal(dit_act("motcua1", online_ref, "accept", 1, fields, &r), 400);
    it_resp_release(&r);

    /* Reception accepts with its own scan: linked to the acceptance event,
     * the hash sealed into the handover log. */
    snprintf(fields, sizeof(fields),
             "\"files\":[{\"upload\":\"%s\",\"component\":\"Phiếu kiểm tra\"}]", staff);
    assert_int_equal(dit_act("motcua1", online_ref, "accept", 1, fields, &r), 200);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", code);
    assert_int_equal(dit_call("motcua1", "GET", path, NULL, NULL, &r), 200);
    json_t *files = json_object_get(r.json, "files");
    assert_int_equal(json_array_size(files), 3);
    json_t *f = json_array_get(files, 2);
    assert_string_equal(dit_str(f, "uploaded_by"), "staff");
    assert_true(dit_int(f, "event_seq") >= 2);
    char sha[65];
    snprintf(sha, sizeof(sha), "%s", dit_str(f, "sha256"));
    it_resp_release(&r);
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", code);
    assert_int_equal(dit_call("motcua1", "GET", path, NULL, NULL, &r), 200);
    assert_non_null(strstr(r.body, sha));
    it_resp_release(&r);
    char *out = NULL;
    assert_int_equal(dit_verify(&out), 0);
    free(out);
}

static void same_content_stored_once(void **state)
{
    (void)state;
    char a[33], b[33];
    const char doc[] = "%PDF-1.7\nsame content twice\n%%EOF\n";
    long before = store_files();
    upload_ok(NULL, "one.pdf", doc, sizeof(doc) - 1, a);
    upload_ok(NULL, "two.pdf", doc, sizeof(doc) - 1, b);
    assert_string_not_equal(a, b);
    assert_int_equal(store_files(), before + 1);
}

static void free_uploads_expire(void **state)
{
    (void)state;
    struct it_resp r;
    char id[33];
    const char doc[] = "%PDF-1.5\nforgotten upload\n%%EOF\n";
    upload_ok(NULL, "quen.pdf", doc, sizeof(doc) - 1, id);
    long with = store_files();
    /* A day and a minute later (uploads.expire_minutes = 1440): too late to use. */
    dit_now += 1441;
    char body[512];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":\"X\","
             "\"phone\":\"0987654321\"},\"files\":[{\"upload\":\"%s\"}]}",
             id);
    assert_int_equal(dit_call(NULL, "POST", "/api/dossiers", body, NULL, &r), 400);
    assert_string_equal(it_problem_field(&r), "files[0].upload");
    assert_non_null(strstr(dit_str(r.json, "detail"), "expired"));
    it_resp_release(&r);
    /* The next upload sweeps it: the row goes, and its bytes, which no
     * other row names; the linked files of the dossiers stay. */
    char other[33];
    upload_ok(NULL, "moi.png", png_bytes, sizeof(png_bytes), other);
    assert_true(store_files() < with);
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"channel\":2,\"applicant\":{\"name\":\"X\","
             "\"phone\":\"0987654321\"},\"files\":[{\"upload\":\"%s\"}]}",
             id);
    assert_int_equal(dit_call(NULL, "POST", "/api/dossiers", body, NULL, &r), 400);
    assert_non_null(strstr(dit_str(r.json, "detail"), "no such upload"));
    it_resp_release(&r);
    char path[256];
    snprintf(path, sizeof(path), "/api/public/dossiers/%s/files/%s?phone=0987654321", online_ref,
             online_file);
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    assert_memory_equal(r.body, pdf_bytes, sizeof(pdf_bytes) - 1);
    it_resp_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(applicant_uploads_and_submits),
        cmocka_unit_test(another_units_specialist_is_refused),
        cmocka_unit_test(oversize_writes_nothing),
        cmocka_unit_test(wrong_type_by_content_writes_nothing),
        cmocka_unit_test(names_cannot_traverse),
        cmocka_unit_test(bad_references_create_nothing),
        cmocka_unit_test(same_content_stored_once),
        cmocka_unit_test(free_uploads_expire),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
