/* Attachments: file-name sanitising, the allowlist of kinds decided by
 * sniffed content, and the content-addressed blob store (write, dedupe,
 * abort leaves nothing, read back). */

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
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "core/attachment.h"
#include "http/upload.h"
#include "store/blob.h"

static void expect_name(const char *in, const char *want)
{
    char out[CORE_ATTACH_NAME_MAX + 1];
    struct mc_err err;
    mc_err_clear(&err);
    assert_int_equal(core_attach_name(in, out, &err), MC_OK);
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "name(%s) = %s, want %s\n", in, out, want);
    }
    assert_string_equal(out, want);
}

static void names_are_sanitised(void **state)
{
    (void)state;
    expect_name("don.pdf", "don.pdf");
    expect_name("../../etc/passwd", "passwd");
    expect_name("C:\\Users\\an\\Desktop\\to-khai.docx", "to-khai.docx");
    expect_name("a/b\\c/..", "tep");
    expect_name("...", "tep");
    expect_name("", "tep");
    expect_name("  .hidden.pdf. ", "hidden.pdf");
    expect_name("a<b>c:d\"e|f?g*h.pdf", "a_b_c_d_e_f_g_h.pdf");
    expect_name("line\nbreak\t.pdf", "line_break_.pdf");
    /* A right-to-left override could show "fdp.exe" as "exe.pdf". */
    expect_name("hoso\xe2\x80\xae"
                "fdp.exe",
                "hoso_fdp.exe");
    /* NFD (as macOS sends it) becomes NFC: "Đơn.pdf" either way. */
    expect_name("\xc4\x90o\xcc\x9bn.pdf", "\xc4\x90\xc6\xa1n.pdf");
    expect_name("\xc4\x90\xc6\xa1n.pdf", "\xc4\x90\xc6\xa1n.pdf");
}

static void long_names_keep_their_extension(void **state)
{
    (void)state;
    /* 100 × "ệ" (3 bytes) + ".pdf": cut on a character boundary. */
    char in[400] = "";
    for (int i = 0; i < 100; i++) {
        strcat(in, "\xe1\xbb\x87");
    }
    strcat(in, ".pdf");
    char out[CORE_ATTACH_NAME_MAX + 1];
    assert_int_equal(core_attach_name(in, out, NULL), MC_OK);
    size_t n = strlen(out);
    assert_true(n <= CORE_ATTACH_NAME_MAX);
    assert_string_equal(out + n - 4, ".pdf");
    assert_int_equal((n - 4) % 3, 0);
}

static void bad_utf8_is_refused(void **state)
{
    (void)state;
    char out[CORE_ATTACH_NAME_MAX + 1];
    struct mc_err err;
    mc_err_clear(&err);
    assert_int_equal(core_attach_name("\xff\xfe.pdf", out, &err), MC_EINVAL);
    assert_string_equal(err.field, "name");
    mc_err_clear(&err);
    assert_int_equal(core_attach_name("\xc3(", out, &err), MC_EINVAL);
}

static void allowlist_decides_by_mime(void **state)
{
    (void)state;
    const char *ok[] = { "application/pdf",
                         "image/jpeg",
                         "image/png",
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         "application/vnd.oasis.opendocument.text",
                         "application/msword" };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        assert_non_null(core_attach_kind_of(ok[i]));
    }
    const char *no[] = { "text/plain",
                         "text/html",
                         "application/x-dosexec",
                         "application/vnd.microsoft.portable-executable",
                         "application/zip",
                         "image/svg+xml",
                         "",
                         "application/pdfx" };
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
        assert_null(core_attach_kind_of(no[i]));
    }
    assert_null(core_attach_kind_of(NULL));
    assert_string_equal(core_attach_describe("text/plain"), "a plain text file");
    assert_string_equal(core_attach_describe("application/x-dosexec"), "a Windows program");
    assert_string_equal(core_attach_describe("chemical/x-pdb"), "chemical/x-pdb");
}

static void sniffing_reads_content_not_names(void **state)
{
    (void)state;
    char mime[128];
    const char pdf[] = "%PDF-1.4\n%%EOF\n";
    http_sniff_mime((const unsigned char *)pdf, sizeof(pdf) - 1, mime, sizeof(mime));
    assert_string_equal(mime, "application/pdf");
    const char text[] = "not a pdf at all\n";
    http_sniff_mime((const unsigned char *)text, sizeof(text) - 1, mime, sizeof(mime));
    assert_string_equal(mime, "text/plain");
    assert_null(core_attach_kind_of(mime));
}

static long entries(const char *dir)
{
    DIR *d = opendir(dir);
    long n = 0;
    for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
        n += e->d_name[0] != '.';
    }
    if (d) {
        closedir(d);
    }
    return n;
}

static void blob_store_round_trip(void **state)
{
    (void)state;
    char dir[] = "/tmp/mc-blob-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct blob_store *bs = NULL;
    assert_int_equal(blob_store_open(dir, &bs, NULL), MC_OK);
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%s/tmp", dir);

    /* Aborted: nothing stays. */
    struct blob_writer *w = NULL;
    assert_int_equal(blob_writer_begin(bs, 4, &w, NULL), MC_OK);
    assert_int_equal(blob_writer_write(w, "abc", 3, NULL), MC_OK);
    assert_int_equal(entries(tmp), 1);
    blob_writer_abort(w);
    assert_int_equal(entries(tmp), 0);

    /* Written twice: one file, the known SHA-256 of "abc". */
    char sha[65], sha2[65];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(blob_writer_begin(bs, 2, &w, NULL), MC_OK);
        assert_int_equal(blob_writer_write(w, "a", 1, NULL), MC_OK);
        assert_int_equal(blob_writer_write(w, "bc", 2, NULL), MC_OK);
        size_t hl = 0;
        assert_memory_equal(blob_writer_head(w, &hl), "ab", 2);
        assert_int_equal(hl, 2);
        assert_int_equal(blob_writer_commit(w, i ? sha2 : sha, NULL), MC_OK);
    }
    assert_string_equal(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_string_equal(sha, sha2);
    char sub[64];
    snprintf(sub, sizeof(sub), "%s/ba", dir);
    assert_int_equal(entries(sub), 1);
    assert_int_equal(entries(tmp), 0);

    struct blob_reader *r = NULL;
    uint64_t size = 0;
    assert_int_equal(blob_open(bs, sha, &r, &size, NULL), MC_OK);
    assert_int_equal(size, 3);
    char buf[8];
    assert_int_equal(blob_read(r, 1, buf, sizeof(buf)), 2);
    assert_memory_equal(buf, "bc", 2);
    blob_reader_close(r);

    /* Not a hash: never a path. */
    assert_int_equal(blob_open(bs, "../../etc/passwd", &r, &size, NULL), MC_ENOTFOUND);
    assert_int_equal(blob_remove(bs, sha, NULL), MC_OK);
    assert_int_equal(blob_open(bs, sha, &r, &size, NULL), MC_ENOTFOUND);
    blob_store_close(bs);

    /* A crash left two temporary files: reopening removes the day-old one only. */
    char old[96], fresh[96];
    snprintf(old, sizeof(old), "%s/old.part", tmp);
    snprintf(fresh, sizeof(fresh), "%s/fresh.part", tmp);
    fclose(fopen(old, "w"));
    fclose(fopen(fresh, "w"));
    struct timeval tv[2] = { { .tv_sec = time(NULL) - 2 * 86400 },
                             { .tv_sec = time(NULL) - 2 * 86400 } };
    assert_int_equal(utimes(old, tv), 0);
    assert_int_equal(blob_store_open(dir, &bs, NULL), MC_OK);
    assert_int_not_equal(access(old, F_OK), 0);
    assert_int_equal(access(fresh, F_OK), 0);
    blob_store_close(bs);
    unlink(fresh);
    rmdir(sub);
    rmdir(tmp);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_are_sanitised),
        cmocka_unit_test(long_names_keep_their_extension),
        cmocka_unit_test(bad_utf8_is_refused),
        cmocka_unit_test(allowlist_decides_by_mime),
        cmocka_unit_test(sniffing_reads_content_not_names),
        cmocka_unit_test(blob_store_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
