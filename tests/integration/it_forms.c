/* The printable forms over HTTP (docs/FORMS.md): a dossier received at the
 * desk, asked to supplement, apologised for and returned; each form fetched
 * as PDF and read back with poppler's pdftotext and pdfinfo — the Vietnamese
 * text with its diacritics (NFC, even from decomposed input), the dossier
 * code, the appointment, the missing components, the page size. Forms that
 * do not apply are refused in words; scope rules as for the dossier; the
 * applicant's copy by code and phone; the register on A4. The English
 * courtesy translation (?lang=en, motcua form --lang en) of each, with the
 * Vietnamese legal names beside the English; other languages are 400. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>
#include <unistd.h>

#include "dossier_it.h"

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

/* Run `cmd FILE` and return its output, whitespace runs collapsed to one
 * space so that wrapped lines still match (malloc'd). */
static char *poppler_file(const char *cmd, const char *path)
{
    char line[512];
    snprintf(line, sizeof(line), "%s '%s' %s 2>&1", cmd, path,
             strncmp(cmd, "pdftotext", 9) == 0 ? "-" : "");
    FILE *p = popen(line, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = calloc(1, cap);
    int c, space = 0;
    while ((c = fgetc(p)) != EOF) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (n + 3 >= cap) {
            cap *= 2;
            out = realloc(out, cap);
        }
        if (space) {
            out[n++] = ' ';
            space = 0;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    assert_int_equal(pclose(p), 0);
    return out;
}

/* The same on the PDF bytes of a response. */
static char *poppler(const char *cmd, const struct it_resp *r)
{
    char path[] = "/tmp/motcua-it-forms-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, r->body, r->len), (ssize_t)r->len);
    close(fd);
    char *out = poppler_file(cmd, path);
    unlink(path);
    return out;
}

static void assert_has(const char *text, const char *want)
{
    if (strstr(text, want) == NULL) {
        fprintf(stderr, "missing \"%s\" in:\n%s\n", want, text);
    }
    assert_non_null(strstr(text, want));
}

/* GET a form as `user` (NULL: anonymous on the public path with `phone`)
 * in `lang` (NULL: no lang parameter, the Vietnamese default). */
static long get_form_lang(const char *user, const char *code, const char *form, const char *phone,
                          const char *lang, struct it_resp *r)
{
    char path[256];
    if (user) {
        snprintf(path, sizeof(path), "/api/dossiers/%s/forms/%s%s%s", code, form,
                 lang ? "?lang=" : "", lang ? lang : "");
    } else {
        snprintf(path, sizeof(path), "/api/public/dossiers/%s/forms/%s?phone=%s%s%s", code, form,
                 phone, lang ? "&lang=" : "", lang ? lang : "");
    }
    return dit_call(user, "GET", path, NULL, NULL, r);
}

static long get_form(const char *user, const char *code, const char *form, const char *phone,
                     struct it_resp *r)
{
    return get_form_lang(user, code, form, phone, NULL, r);
}

/* The form's text; asserts a PDF on A5 portrait (or A4 landscape). */
static char *form_text(struct it_resp *r, bool a4_landscape)
{
    assert_int_equal(r->status, 200);
    assert_string_equal(r->content_type, "application/pdf");
    assert_memory_equal(r->body, "%PDF-", 5);
    char *info = poppler("pdfinfo", r);
    /* A5 = 148 × 210 mm = 419.53 × 595.28 pt; A4 landscape 841.89 × 595.28 pt. */
    assert_has(info, a4_landscape ? "Page size: 841.89 x 595.276 pts"
                                  : "Page size: 419.528 x 595.276 pts");
    free(info);
    return poppler("pdftotext -enc UTF-8", r);
}

/* The form's number from its "Số: NN/<notation>" line (0 when absent). */
static long form_number(const char *text, const char *notation)
{
    char want[32];
    snprintf(want, sizeof(want), "/%s", notation);
    for (const char *p = strstr(text, "Số: "); p; p = strstr(p + 1, "Số: ")) {
        char *end = NULL;
        long n = strtol(p + strlen("Số: "), &end, 10);
        if (end && strncmp(end, want, strlen(want)) == 0) {
            return n;
        }
    }
    return 0;
}

/* The first dossier's code and its receipt's number, for the reprints of
 * the later tests. */
static char first_code[32];
static long first_receipt;

static void expect_refused(const char *user, const char *code, const char *form, long status,
                           const char *words)
{
    struct it_resp r;
    assert_int_equal(get_form(user, code, form, NULL, &r), status);
    assert_string_equal(r.content_type, "application/problem+json");
    assert_has(dit_str(r.json, "detail"), words);
    it_resp_release(&r);
}

static void walk_and_print_every_form(void **state)
{
    (void)state;
    struct it_resp r;
    char code[32];
    dit_now = dit_at(2026, 10, 12, 8, 0); /* Monday; 15 working days */
    /* The name arrives decomposed (a + U+0300): the PDF must carry "Hoà". */
    assert_int_equal(
        dit_call("motcua1", "POST", "/api/dossiers",
                 "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Phạm Thị Hoa\\u0300\","
                 "\"phone\":\"0911 222 333\",\"address\":\"Phố Hiến, Hưng Yên\"}}",
                 NULL, &r),
        201);
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);

    assert_int_equal(get_form("motcua1", code, "mau-01", NULL, &r), 200);
    assert_has(r.headers, "Content-Disposition: inline; filename=\"mau-01_");
    assert_has(r.headers, "filename*=UTF-8''M%E1%BA%ABu%20s%E1%BB%91%2001%20");
    char *t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "SỞ NỘI VỤ TỈNH HƯNG YÊN");
    assert_has(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_has(t, "Độc lập - Tự do - Hạnh phúc");
    assert_has(t, "Hưng Yên, ngày 12 tháng 10 năm 2026");
    assert_has(t, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    assert_has(t, code);
    assert_has(t, "Phạm Thị Hoà"); /* NFC: U+00E0 */
    assert_null(strstr(t, "Hoa\xcc\x80"));
    assert_has(t, "Thủ tục cho phép quỹ hoạt động trở lại");
    assert_has(t, "15 ngày làm việc");
    assert_has(t, "08 giờ 00 phút, ngày 12 tháng 10 năm 2026");
    assert_has(t, "08 giờ 00 phút, ngày 02 tháng 11 năm 2026"); /* the appointment */
    assert_has(t, "NGƯỜI TIẾP NHẬN HỒ SƠ");
    /* Numbered on its first print (NĐ 30/2020: 01, 02, … in the year). */
    first_receipt = form_number(t, "GTN");
    assert_true(first_receipt >= 1);
    snprintf(first_code, sizeof(first_code), "%s", code);
    free(t);

    /* The English courtesy translation: English title with the Vietnamese
     * legal name beside it, the motto in Vietnamese with an English line,
     * dates day/month/year, the applicant's data as recorded. */
    assert_int_equal(get_form_lang("motcua1", code, "mau-01", NULL, "en", &r), 200);
    assert_has(r.headers, "_en.pdf\"");
    assert_has(r.headers, "filename*=UTF-8''Form%2001%20");
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "RECEIPT AND APPOINTMENT SLIP");
    assert_has(t, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả — Mẫu số 01");
    assert_has(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_has(t, "Độc lập - Tự do - Hạnh phúc");
    assert_has(t, "Socialist Republic of Viet Nam");
    assert_has(t, "Hưng Yên, 12/10/2026");
    assert_has(t, "Dossier code (Mã hồ sơ):");
    assert_has(t, code);
    assert_has(t, "Phạm Thị Hoà");
    assert_has(t, "Thủ tục cho phép quỹ hoạt động trở lại"); /* procedure as recorded */
    assert_has(t, "15 working days");
    assert_has(t, "Received at: 08:00, 12/10/2026");
    assert_has(t, "08:00, 02/11/2026"); /* the appointment */
    assert_has(t, "Submitted: In person");
    assert_has(t, "RECEIVED BY");
    char number[48];
    snprintf(number, sizeof(number), "No. (Số): %02ld/GTN", first_receipt); /* the same number */
    assert_has(t, number);
    assert_null(strstr(t, "ngày làm việc")); /* no Vietnamese label left */
    assert_null(strstr(t, "Thời gian nhận hồ sơ"));
    free(t);
    /* An explicit vi is the default; any other language is refused by name. */
    assert_int_equal(get_form_lang("motcua1", code, "mau-01", NULL, "vi", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    assert_int_equal(form_number(t, "GTN"), first_receipt); /* a reprint */
    free(t);
    static const char *const bad_langs[] = { "xx", "EN", "", "en-US" };
    for (size_t i = 0; i < sizeof(bad_langs) / sizeof(bad_langs[0]); i++) {
        assert_int_equal(get_form_lang("motcua1", code, "mau-01", NULL, bad_langs[i], &r), 400);
        assert_string_equal(r.content_type, "application/problem+json");
        assert_string_equal(it_problem_field(&r), "lang");
        it_resp_release(&r);
    }

    /* Forms that do not apply yet, in words; names that do not exist. */
    expect_refused("motcua1", code, "mau-02", 409, "supplement");
    expect_refused("motcua1", code, "mau-03", 409, "refused");
    expect_refused("motcua1", code, "mau-04", 409, "apology");
    expect_refused("motcua1", code, "mau-09", 404, "mau-01 to mau-05");
    expect_refused("motcua1", code, "mau-06", 404, "register");
    /* Another unit's specialist reads neither the dossier nor its forms. */
    expect_refused("chuyenvien1.xdcq", code, "mau-01", 403, "outside your units");

    int64_t v = dit_ok_act("motcua1", code, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "assign", v, "\"assignee\":\"chuyenvien1.tcbc\"");
    dit_now = dit_at(2026, 10, 13, 9, 30);
    v = dit_ok_act("chuyenvien1.tcbc", code, "request_supplement", v,
                   "\"missing\":[\"Bản sao điều lệ quỹ\",\"Biên bản họp Hội đồng quản lý quỹ\"],"
                   "\"note\":\"Điều lệ chưa có chữ ký của Chủ tịch Hội đồng\"");
    assert_int_equal(get_form("chuyenvien1.tcbc", code, "mau-02", NULL, &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
    assert_has(t, "Hưng Yên, ngày 13 tháng 10 năm 2026");
    assert_has(t, "Bản sao điều lệ quỹ");
    assert_has(t, "Biên bản họp Hội đồng quản lý quỹ");
    assert_has(t, "Lý do: Điều lệ chưa có chữ ký của Chủ tịch Hội đồng");
    assert_has(t, "Trần Minh Hiếu"); /* who asked */
    long supplement_no = form_number(t, "PYCBS");
    assert_true(supplement_no >= 1);
    free(t);
    assert_int_equal(get_form_lang("chuyenvien1.tcbc", code, "mau-02", NULL, "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER");
    assert_has(t, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — Mẫu số 02");
    assert_has(t, "Hưng Yên, 13/10/2026");
    assert_has(t, "Bản sao điều lệ quỹ"); /* the officer's words stay as recorded */
    assert_has(t, "Reason: Điều lệ chưa có chữ ký của Chủ tịch Hội đồng");
    snprintf(number, sizeof(number), "No. (Số): %02ld/PYCBS", supplement_no);
    assert_has(t, number);
    free(t);

    dit_now = dit_at(2026, 10, 14, 8, 0);
    v = dit_ok_act("motcua1", code, "supplement_received", v, "");
    dit_now = dit_at(2026, 10, 28, 8, 0);
    v = dit_ok_act("truongphong.tcbc", code, "apologize", v,
                   "\"reason\":\"Cần lấy ý kiến của Sở Tài chính\","
                   "\"new_appointment\":\"2026-11-20T16:00:00+07:00\"");
    assert_int_equal(get_form("truongphong.tcbc", code, "mau-04", NULL, &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    assert_has(t, "Cần lấy ý kiến của Sở Tài chính");
    assert_has(t, "16 giờ 00 phút, ngày 20 tháng 11 năm 2026");
    assert_has(t, "xin lỗi");
    assert_true(form_number(t, "PXL") >= 1);
    free(t);
    assert_int_equal(get_form_lang("truongphong.tcbc", code, "mau-04", NULL, "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "APOLOGY AND NEW APPOINTMENT FOR THE RESULT");
    assert_has(t, "Phiếu xin lỗi và hẹn lại ngày trả kết quả — Mẫu số 04");
    assert_has(t, "On 12/10/2026,");
    assert_has(t, "apologises");
    assert_has(t, "16:00, 20/11/2026");
    assert_has(t, "FOR THE AGENCY");
    free(t);

    /* Through the remaining steps to the applicant. */
    dit_now = dit_at(2026, 10, 29, 8, 0);
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", code, "forward", v, "");
    v = dit_ok_act("phogiamdoc1", code, "approve", v, "\"signature\":true");
    v = dit_ok_act("vanthu1", code, "forward", v, "");
    v = dit_ok_act("chuyenvien1.tcbc", code, "forward", v, "");
    v = dit_ok_act("motcua1", code, "result_ready", v, "");
    v = dit_ok_act("motcua1", code, "return_result", v, "");
    (void)v;
    assert_int_equal(get_form("kiemsoat1", code, "mau-05", NULL, &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    assert_has(t, "Kèm theo hồ sơ của: Phạm Thị Hoà");
    assert_has(t, "Giao:");
    assert_has(t, "Nhận:");
    assert_has(t, "Đinh Văn Long"); /* the head who assigned and apologised */
    assert_has(t, "Đúng hạn");
    assert_has(t, "Tình trạng hiện nay: Đã trả kết quả");
    assert_null(strstr(t, "Số:")); /* the control slip is no issued document */
    free(t);
    /* English: the status from the API's table, with its Vietnamese name. */
    assert_int_equal(get_form_lang("kiemsoat1", code, "mau-05", NULL, "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "PROCESS CONTROL SLIP");
    assert_has(t, "Attached to the dossier of: Phạm Thị Hoà");
    assert_has(t, "Current status: Result returned (Đã trả kết quả)");
    assert_has(t, "From:");
    assert_has(t, "On time");
    assert_has(t, "Đinh Văn Long");
    free(t);

    /* The applicant: code and phone, as in the lookup; Mẫu 05 stays inside. */
    assert_int_equal(get_form(NULL, code, "mau-01", "0911222333", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, code);
    free(t);
    assert_int_equal(get_form(NULL, code, "mau-04", "0911222333", &r), 200);
    it_resp_release(&r);
    assert_int_equal(get_form_lang(NULL, code, "mau-01", "0911222333", "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "RECEIPT AND APPOINTMENT SLIP");
    assert_has(t, code);
    free(t);
    assert_int_equal(get_form_lang(NULL, code, "mau-01", "0911222333", "fr", &r), 400);
    assert_string_equal(it_problem_field(&r), "lang");
    it_resp_release(&r);
    assert_int_equal(get_form(NULL, code, "mau-01", "0999999999", &r), 404);
    it_resp_release(&r);
    assert_int_equal(get_form(NULL, code, "mau-05", "0911222333", &r), 404);
    it_resp_release(&r);
    assert_int_equal(get_form(NULL, code, "mau-01", "", &r), 404);
    it_resp_release(&r);
}

/* The procedure's components in the receipt's table. */
static void receipt_lists_the_components(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 15, 14, 5);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"applicant\":{\"name\":\"Vũ Văn Đông\","
                              "\"phone\":\"0900111222\",\"address\":\"Ngõ <5> & 7, Hưng Yên\"}}",
                              NULL, &r),
                     201);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    assert_int_equal(get_form("motcua1", code, "mau-01", NULL, &r), 200);
    char *t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "Tờ trình của");
    assert_has(t, "Bản chính");
    assert_has(t, "Ngõ <5> & 7, Hưng Yên"); /* markup characters print as text */
    assert_has(t, "30 ngày làm việc");
    assert_has(t, "14 giờ 05 phút, ngày 15 tháng 10 năm 2026");
    /* The next receipt of the year takes the next number; the first
     * dossier's receipt keeps its own. */
    assert_int_equal(form_number(t, "GTN"), first_receipt + 1);
    free(t);
    assert_int_equal(get_form("motcua1", first_code, "mau-01", NULL, &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_int_equal(form_number(t, "GTN"), first_receipt);
    free(t);

    /* The same receipt from the command line; a form that does not apply
     * is an error in words. */
    char path[512], *out = NULL;
    snprintf(path, sizeof(path), "%s/mau-01.pdf", dit_srv.dir);
    const char *ok[] = { "form", code, "mau-01", "-o", path, NULL };
    assert_int_equal(it_cli(&dit_srv, &out, ok), 0);
    free(out);
    t = poppler_file("pdftotext -enc UTF-8", path);
    assert_has(t, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    assert_has(t, code);
    assert_has(t, "Vũ Văn Đông");
    assert_int_equal(form_number(t, "GTN"), first_receipt + 1); /* the command line reprints */
    free(t);
    const char *en[] = { "form", code, "mau-01", "--lang", "en", "-o", path, NULL };
    assert_int_equal(it_cli(&dit_srv, &out, en), 0);
    free(out);
    t = poppler_file("pdftotext -enc UTF-8", path);
    assert_has(t, "RECEIPT AND APPOINTMENT SLIP");
    assert_has(t, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
    assert_has(t, "30 working days");
    assert_has(t, "Vũ Văn Đông");
    free(t);
    const char *bad_lang[] = { "form", code, "mau-01", "--lang", "de", "-o", path, NULL };
    assert_int_equal(it_cli(&dit_srv, &out, bad_lang), 2);
    assert_has(out, "--lang");
    free(out);
    const char *no[] = { "form", code, "mau-04", "-o", path, NULL };
    assert_int_equal(it_cli(&dit_srv, &out, no), 1);
    assert_has(out, "apology");
    free(out);
    const char *bad[] = { "form", code, "mau-9", "-o", path, NULL };
    assert_int_equal(it_cli(&dit_srv, &out, bad), 2);
    free(out);
}

/* Mẫu 03 with its reason for a dossier refused at the counter. */
static void refusal_slip_gives_the_reason(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 16, 10, 0);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"outcome\":\"refuse\",\"reason\":"
                              "\"Hồ sơ không thuộc thẩm quyền giải quyết của Sở\","
                              "\"applicant\":{\"name\":\"Lý Thị Én\",\"phone\":\"0900333444\"}}",
                              NULL, &r),
                     201);
    char ref[48];
    snprintf(ref, sizeof(ref), "%s",
             json_is_string(json_object_get(r.json, "code")) ? dit_str(r.json, "code")
                                                             : dit_str(r.json, "ref"));
    it_resp_release(&r);
    assert_int_equal(get_form("motcua1", ref, "mau-03", NULL, &r), 200);
    char *t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
    assert_has(t, "không tiếp nhận, giải quyết hồ sơ này");
    assert_has(t, "Hồ sơ không thuộc thẩm quyền giải quyết của Sở");
    assert_has(t, "Lý Thị Én");
    assert_has(t, "NGƯỜI TỪ CHỐI");
    assert_true(form_number(t, "PTC") >= 1);
    free(t);
    assert_int_equal(get_form_lang("motcua1", ref, "mau-03", NULL, "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_has(t, "NOTICE OF REFUSAL TO RECEIVE AND PROCESS THE DOSSIER");
    assert_has(t, "Phiếu từ chối tiếp nhận giải quyết hồ sơ — Mẫu số 03");
    assert_has(t, "does not accept or process this dossier");
    assert_has(t, "Hồ sơ không thuộc thẩm quyền giải quyết của Sở");
    assert_has(t, "REFUSED BY");
    free(t);
    /* A refused dossier has no receipt. */
    expect_refused("motcua1", ref, "mau-01", 409, "not been received");
}

/* Mẫu 06 on A4 landscape; the same readers as the register. */
static void register_prints_on_a4(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 11, 30, 9, 0);
    assert_int_equal(dit_call("motcua1", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31"
                              "&format=pdf",
                              NULL, NULL, &r),
                     200);
    char *t = form_text(&r, true);
    it_resp_release(&r);
    assert_has(t, "SỔ THEO DÕI HỒ SƠ");
    assert_has(t, "Từ ngày 01 tháng 10 năm 2026 đến ngày 31 tháng 10 năm 2026");
    assert_has(t, "Vũ Văn Đông");
    assert_has(t, "000.00.99.H99-261015-");
    free(t);
    assert_int_equal(dit_call("chuyenvien1.tcbc", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31&format=pdf", NULL, NULL,
                              &r),
                     403);
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31&format=docx", NULL, NULL,
                              &r),
                     400);
    assert_string_equal(it_problem_field(&r), "format");
    it_resp_release(&r);
    assert_int_equal(dit_call("motcua1", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31&format=pdf&lang=en",
                              NULL, NULL, &r),
                     200);
    t = form_text(&r, true);
    it_resp_release(&r);
    assert_has(t, "DOSSIER TRACKING REGISTER (Sổ theo dõi hồ sơ — Mẫu số 06)");
    assert_has(t, "From 01/10/2026 to 31/10/2026");
    assert_has(t, "Vũ Văn Đông");
    free(t);
    assert_int_equal(dit_call("motcua1", "GET",
                              "/api/register?from=2026-10-01&to=2026-10-31&format=pdf&lang=vn",
                              NULL, NULL, &r),
                     400);
    assert_string_equal(it_problem_field(&r), "lang");
    it_resp_release(&r);
}

/* Each year's series starts again at 01 (NĐ 30/2020 Điều 15), by the year
 * of the form's date. */
static void numbers_restart_each_year(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2027, 1, 4, 8, 0);
    char codes[2][32];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                                  "{\"procedure\":\"2.000465\",\"applicant\":{\"name\":"
                                  "\"Hà Văn Năm\",\"phone\":\"0900555666\"}}",
                                  NULL, &r),
                         201);
        snprintf(codes[i], sizeof(codes[i]), "%s", dit_str(r.json, "code"));
        it_resp_release(&r);
    }
    /* Printed in the opposite order of receipt: the number follows the print. */
    for (int i = 1; i >= 0; i--) {
        assert_int_equal(get_form("motcua1", codes[i], "mau-01", NULL, &r), 200);
        char *t = form_text(&r, false);
        it_resp_release(&r);
        assert_int_equal(form_number(t, "GTN"), 2 - i);
        assert_has(t, i == 1 ? "Số: 01/GTN" : "Số: 02/GTN");
        free(t);
    }
    /* 2026's series is untouched: its first receipt keeps its number. */
    assert_int_equal(get_form("motcua1", first_code, "mau-01", NULL, &r), 200);
    char *t = form_text(&r, false);
    it_resp_release(&r);
    assert_int_equal(form_number(t, "GTN"), first_receipt);
    free(t);
}

/* Receive a dossier now and print its Mẫu 01: the PDF's text (free it). */
static char *new_receipt(void)
{
    struct it_resp r;
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"2.000465\",\"applicant\":{\"name\":"
                              "\"Lê Thị Sáu\",\"phone\":\"0900777888\"}}",
                              NULL, &r),
                     201);
    char code[32];
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    assert_int_equal(get_form("motcua1", code, "mau-01", NULL, &r), 200);
    char *t = form_text(&r, false);
    it_resp_release(&r);
    return t;
}

static void patch_abbreviation(const char *user, const char *body, long status, const char *field)
{
    struct it_resp r;
    long st = dit_call(user, "PATCH", "/api/agency", body, NULL, &r);
    if (st != status || (field && strcmp(it_problem_field(&r), field) != 0)) {
        fail_msg("PATCH /api/agency %s as %s: %ld %s", body, user, st, r.body ? r.body : "");
    }
    it_resp_release(&r);
}

/* NĐ 30/2020 Phụ lục I, II.3 (domain.md §7.2): a ký hiệu is the type's
 * abbreviation, then the issuing body's: "Số: 03/GTN-SNV". The agency's
 * abbreviation comes from agency.json (the demo's is SNV) and the
 * administrator; a number keeps the ký hiệu of its first print. */
static void numbers_carry_the_agency_abbreviation(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "GET", "/api/agency", NULL, NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "abbreviation"), "SNV");
    assert_string_equal(dit_str(r.json, "code"), "000.00.99.H99");
    it_resp_release(&r);
    char *t = new_receipt();
    long n = form_number(t, "GTN-SNV");
    assert_true(n >= 1);
    free(t);
    /* The first dossier of 2026, first printed in this run, shows SNV. */
    assert_int_equal(get_form("motcua1", first_code, "mau-01", NULL, &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    assert_int_equal(form_number(t, "GTN-SNV"), first_receipt);
    free(t);

    /* Administrators only; validated as a ký hiệu prints it. */
    patch_abbreviation("motcua1", "{\"abbreviation\":\"SNV\"}", 403, NULL);
    patch_abbreviation("giamdoc", "{\"abbreviation\":\"SNV\"}", 403, NULL);
    const char *bad[] = { "\"snv\"",  "\"S NV\"",  "\"-SNV\"",
                          "\"SNV-\"", "\"S--NV\"", "\"SỞ\"",
                          "\"\"",     "12",        "\"ABCDEFGHIJKLMNOPQRSTU\"" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        char body[80];
        snprintf(body, sizeof(body), "{\"abbreviation\":%s}", bad[i]);
        patch_abbreviation("quantri", body, 400, "abbreviation");
    }
    patch_abbreviation("quantri", "{}", 400, "abbreviation");
    patch_abbreviation("quantri", "{\"abbreviation\":\"SNV\",\"name\":\"X\"}", 400, "name");

    /* Changed: new numbers carry it; numbers printed before keep theirs. */
    assert_int_equal(
        dit_call("quantri", "PATCH", "/api/agency", "{\"abbreviation\":\"VPĐK\"}", NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "abbreviation"), "VPĐK");
    it_resp_release(&r);
    t = new_receipt();
    assert_int_equal(form_number(t, "GTN-VPĐK"), n + 1);
    free(t);
    assert_int_equal(get_form_lang("motcua1", first_code, "mau-01", NULL, "en", &r), 200);
    t = form_text(&r, false);
    it_resp_release(&r);
    char want[48];
    snprintf(want, sizeof(want), "No. (Số): %02ld/GTN-SNV", first_receipt);
    assert_has(t, want);
    free(t);

    /* Cleared: the form's own abbreviation alone. */
    patch_abbreviation("quantri", "{\"abbreviation\":null}", 200, NULL);
    t = new_receipt();
    assert_int_equal(form_number(t, "GTN"), n + 2);
    assert_null(strstr(t, "GTN-"));
    free(t);
    assert_int_equal(dit_call(NULL, "GET", "/api/agency", NULL, NULL, &r), 200);
    assert_true(json_is_null(json_object_get(r.json, "abbreviation")));
    it_resp_release(&r);
}

/* agency.json's abbreviation is checked like the administrator's. */
static void import_checks_the_abbreviation(void **state)
{
    (void)state;
    char dir[400], cmd[1200];
    snprintf(dir, sizeof(dir), "%s/bad-agency", dit_srv.dir);
    snprintf(cmd, sizeof(cmd),
             "cp -r '%s/demo' '%s' && sed -i 's/\"abbreviation\": \"SNV\"/\"abbreviation\": "
             "\"snv\"/' '%s/agency.json'",
             MC_SOURCE_DIR, dir, dir);
    assert_int_equal(system(cmd), 0);
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&dit_srv, &out, args), 1);
    if (strstr(out, "agency.json: $.abbreviation: must be the agency's abbreviation") == NULL) {
        fail_msg("import said: %s", out);
    }
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(walk_and_print_every_form),
        cmocka_unit_test(receipt_lists_the_components),
        cmocka_unit_test(refusal_slip_gives_the_reason),
        cmocka_unit_test(register_prints_on_a4),
        cmocka_unit_test(numbers_restart_each_year),
        cmocka_unit_test(numbers_carry_the_agency_abbreviation),
        cmocka_unit_test(import_checks_the_abbreviation),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
