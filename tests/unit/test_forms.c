/* Unit tests for src/forms: the words of the forms (dates and limits in
 * words, verdicts, names, file-name encoding) and the renderer's contract
 * (a PDF of the right page size, refusals of incomplete input), in Vietnamese
 * and in English, and the table of labels (every label in both languages,
 * with the same blanks and valid markup). The text of
 * rendered forms is checked with pdftotext in tests/integration/it_forms.c. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <jansson.h>
#include <pango/pango.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dossier_status.h"
#include "forms/forms.h"
#include "forms/text.h"

static void writes_the_date_line_as_decree_30_does(void **state)
{
    (void)state;
    char buf[96];
    static const struct {
        struct forms_when d;
        const char *place, *want;
    } cases[] = {
        { { 2026, 11, 25, 0, 0 }, "Hưng Yên", "Hưng Yên, ngày 25 tháng 11 năm 2026" },
        /* A day below 10 and a month below 3 take a leading zero; March does not. */
        { { 2026, 2, 5, 0, 0 }, "Hưng Yên", "Hưng Yên, ngày 05 tháng 02 năm 2026" },
        { { 2026, 3, 9, 0, 0 }, "Hà Nội", "Hà Nội, ngày 09 tháng 3 năm 2026" },
        { { 2027, 1, 10, 0, 0 }, NULL, "ngày 10 tháng 01 năm 2027" },
        { { 2027, 12, 31, 0, 0 }, "", "ngày 31 tháng 12 năm 2027" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_true(forms_date_line(buf, sizeof(buf), cases[i].place, cases[i].d, FORMS_VI));
        assert_string_equal(buf, cases[i].want);
    }
    /* No date, an impossible month, a buffer too small. */
    assert_false(forms_date_line(buf, sizeof(buf), "Hưng Yên", (struct forms_when){ 0 }, FORMS_VI));
    assert_false(
        forms_date_line(buf, sizeof(buf), "X", (struct forms_when){ 2026, 13, 1, 0, 0 }, FORMS_VI));
    assert_false(
        forms_date_line(buf, 10, "Hưng Yên", (struct forms_when){ 2026, 1, 1, 0, 0 }, FORMS_VI));
}

static void writes_times_in_words(void **state)
{
    (void)state;
    char buf[96];
    assert_true(
        forms_time_words(buf, sizeof(buf), (struct forms_when){ 2026, 11, 25, 8, 5 }, FORMS_VI));
    assert_string_equal(buf, "08 giờ 05 phút, ngày 25 tháng 11 năm 2026");
    assert_true(
        forms_time_words(buf, sizeof(buf), (struct forms_when){ 2026, 1, 2, 16, 30 }, FORMS_VI));
    assert_string_equal(buf, "16 giờ 30 phút, ngày 02 tháng 01 năm 2026");
    assert_true(forms_time_words(buf, sizeof(buf), (struct forms_when){ 0 }, FORMS_VI));
    assert_string_equal(buf, "");
    assert_false(
        forms_time_words(buf, sizeof(buf), (struct forms_when){ 2026, 1, 2, 24, 0 }, FORMS_VI));
}

static void writes_time_limits_in_working_days_or_hours(void **state)
{
    (void)state;
    char buf[64];
    static const struct {
        int64_t minutes;
        const char *want;
    } cases[] = {
        { 15 * 480, "15 ngày làm việc" },
        { 480, "1 ngày làm việc" },
        { 2 * 480 + 240, "2,5 ngày làm việc" },
        { 240, "0,5 ngày làm việc" },
        { 120, "2 giờ làm việc" },
        { 90, "1 giờ 30 phút làm việc" },
        { 0, "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_true(forms_limit_words(buf, sizeof(buf), cases[i].minutes, FORMS_VI));
        assert_string_equal(buf, cases[i].want);
    }
}

static void names_forms_and_verdicts(void **state)
{
    (void)state;
    assert_int_equal(forms_kind_parse("mau-01"), FORMS_MAU01);
    assert_int_equal(forms_kind_parse("mau-06"), FORMS_MAU06);
    assert_int_equal(forms_kind_parse("mau-07"), FORMS_NONE);
    assert_int_equal(forms_kind_parse("MAU-01"), FORMS_NONE);
    assert_int_equal(forms_kind_parse(NULL), FORMS_NONE);
    for (int k = FORMS_MAU01; k <= FORMS_MAU06; k++) {
        assert_int_equal(forms_kind_parse(forms_kind_slug((enum forms_kind)k)), k);
        assert_true(strlen(forms_kind_title((enum forms_kind)k, FORMS_VI)) > 10);
    }
    assert_string_equal(forms_kind_label(FORMS_MAU04, FORMS_VI), "Mẫu số 04");
    assert_string_equal(forms_kind_slug(FORMS_NONE), "");
    assert_string_equal(forms_verdict_words("early", FORMS_VI), "Trước hạn");
    assert_string_equal(forms_verdict_words("on_time", FORMS_VI), "Đúng hạn");
    assert_string_equal(forms_verdict_words("late", FORMS_VI), "Quá hạn");
    assert_string_equal(forms_verdict_words("none", FORMS_VI), "");
    char q[8];
    forms_quantity(q, sizeof(q), 1);
    assert_string_equal(q, "01");
    forms_quantity(q, sizeof(q), -1);
    assert_string_equal(q, "");
}

static void percent_encodes_file_names(void **state)
{
    (void)state;
    char buf[128];
    assert_true(forms_pct_encode(buf, sizeof(buf), "Mẫu 01.pdf"));
    assert_string_equal(buf, "M%E1%BA%ABu%2001.pdf");
    assert_true(forms_pct_encode(buf, sizeof(buf), "a\"b;c"));
    assert_string_equal(buf, "a%22b%3Bc");
    assert_false(forms_pct_encode(buf, 6, "Mẫu 01"));
    assert_string_equal(buf, "");
}

static void writes_english_dates_times_and_limits(void **state)
{
    (void)state;
    char buf[96];
    /* Day/month/year as in Viet Nam, never the American order. */
    assert_true(forms_date_line(buf, sizeof(buf), "Hưng Yên",
                                (struct forms_when){ 2026, 2, 5, 0, 0 }, FORMS_EN));
    assert_string_equal(buf, "Hưng Yên, 05/02/2026");
    assert_true(
        forms_date_words(buf, sizeof(buf), (struct forms_when){ 2026, 11, 25, 0, 0 }, FORMS_EN));
    assert_string_equal(buf, "25/11/2026");
    assert_true(
        forms_time_words(buf, sizeof(buf), (struct forms_when){ 2026, 11, 25, 8, 5 }, FORMS_EN));
    assert_string_equal(buf, "08:05, 25/11/2026");
    assert_false(forms_date_words(buf, sizeof(buf), (struct forms_when){ 0 }, FORMS_EN));
    static const struct {
        int64_t minutes;
        const char *want;
    } cases[] = {
        { 15 * 480, "15 working days" },
        { 480, "1 working day" },
        { 2 * 480 + 240, "2.5 working days" },
        { 60, "1 working hour" },
        { 120, "2 working hours" },
        { 90, "1 hour 30 minutes of working time" },
        { 0, "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_true(forms_limit_words(buf, sizeof(buf), cases[i].minutes, FORMS_EN));
        assert_string_equal(buf, cases[i].want);
    }
    assert_string_equal(forms_verdict_words("early", FORMS_EN), "Early");
    assert_string_equal(forms_verdict_words("late", FORMS_EN), "Late");
    assert_string_equal(forms_channel_words(2, FORMS_EN), "Online");
    assert_string_equal(forms_channel_words(1, FORMS_VI), "Trực tiếp");
    assert_null(forms_channel_words(9, FORMS_EN));
}

static void writes_form_numbers(void **state)
{
    (void)state;
    char buf[64];
    assert_true(forms_number_line(buf, sizeof(buf), FORMS_MAU04, 5, NULL, FORMS_VI));
    assert_string_equal(buf, "Số: 05/PXL"); /* NĐ 30/2020: below 10, a leading zero */
    assert_true(forms_number_line(buf, sizeof(buf), FORMS_MAU01, 123, "", FORMS_EN));
    assert_string_equal(buf, "No. (Số): 123/GTN");
    /* The ký hiệu stored with the number is printed as it is. */
    assert_true(forms_number_line(buf, sizeof(buf), FORMS_MAU04, 12, "PXL-VPĐK", FORMS_VI));
    assert_string_equal(buf, "Số: 12/PXL-VPĐK");
    assert_true(forms_number_line(buf, sizeof(buf), FORMS_MAU02, 3, "PYCBS-SNV", FORMS_EN));
    assert_string_equal(buf, "No. (Số): 03/PYCBS-SNV");
    for (int k = FORMS_MAU01; k <= FORMS_MAU04; k++) {
        assert_true(strlen(forms_kind_notation((enum forms_kind)k)) > 0);
    }
    /* The control slip and the register are no issued documents. */
    assert_false(forms_number_line(buf, sizeof(buf), FORMS_MAU05, 1, NULL, FORMS_VI));
    assert_false(forms_number_line(buf, sizeof(buf), FORMS_MAU06, 1, "X", FORMS_VI));
    assert_false(forms_number_line(buf, sizeof(buf), FORMS_MAU02, 0, NULL, FORMS_VI));
    assert_false(forms_number_line(buf, 8, FORMS_MAU02, 1, NULL, FORMS_VI));
}

/* NĐ 30/2020 Phụ lục I, II.3: type abbreviation, then the issuing body's,
 * joined by "-" (domain.md §7.2). */
static void joins_the_agency_abbreviation(void **state)
{
    (void)state;
    char buf[32];
    assert_true(forms_symbol(buf, sizeof(buf), FORMS_MAU04, "SNV"));
    assert_string_equal(buf, "PXL-SNV");
    assert_true(forms_symbol(buf, sizeof(buf), FORMS_MAU01, NULL));
    assert_string_equal(buf, "GTN");
    assert_true(forms_symbol(buf, sizeof(buf), FORMS_MAU03, ""));
    assert_string_equal(buf, "PTC");
    assert_false(forms_symbol(buf, sizeof(buf), FORMS_MAU05, "SNV"));
    assert_false(forms_symbol(buf, 6, FORMS_MAU04, "SNV"));
    assert_string_equal(forms_system_actor(FORMS_VI), "Hệ thống (định kỳ)");
    assert_string_equal(forms_system_actor(FORMS_EN), "System (recurring)");
}

static void parses_the_language(void **state)
{
    (void)state;
    enum forms_lang l = FORMS_EN;
    assert_true(forms_lang_parse("vi", &l));
    assert_int_equal(l, FORMS_VI);
    assert_true(forms_lang_parse("en", &l));
    assert_int_equal(l, FORMS_EN);
    assert_false(forms_lang_parse("EN", &l));
    assert_false(forms_lang_parse("fr", &l));
    assert_false(forms_lang_parse("", &l));
    assert_false(forms_lang_parse(NULL, &l));
    assert_string_equal(forms_lang_code(FORMS_EN), "en");
    assert_string_equal(forms_lang_code(FORMS_VI), "vi");
}

/* English titles keep the Vietnamese legal name and number beside them. */
static void english_titles_carry_the_vietnamese_name(void **state)
{
    (void)state;
    assert_string_equal(forms_kind_title(FORMS_MAU01, FORMS_EN),
                        "RECEIPT AND APPOINTMENT SLIP (Giấy tiếp nhận hồ sơ và hẹn trả kết quả — "
                        "Mẫu số 01)");
    for (int k = FORMS_MAU01; k <= FORMS_MAU06; k++) {
        const char *en = forms_kind_title((enum forms_kind)k, FORMS_EN);
        const char *vi = forms_kind_title((enum forms_kind)k, FORMS_VI);
        assert_non_null(strstr(en, forms_kind_label((enum forms_kind)k, FORMS_VI)));
        /* The Vietnamese name in sentence case: its lower-case tail matches. */
        char *vi_low = g_utf8_strdown(vi, -1), *en_low = g_utf8_strdown(en, -1);
        assert_non_null(strstr(en_low, vi_low));
        g_free(vi_low);
        g_free(en_low);
        assert_string_not_equal(en, vi);
        assert_true(strlen(forms_kind_file_name((enum forms_kind)k, FORMS_EN)) > 0);
    }
    assert_string_equal(forms_kind_label(FORMS_MAU04, FORMS_EN), "Form No. 04");
    assert_string_equal(forms_kind_file_name(FORMS_MAU04, FORMS_EN), "Form 04");
}

/* The blanks of a row, in order ("%s" only: text.h). */
static size_t blanks(const char *s)
{
    size_t n = 0;
    for (const char *p = s; (p = strchr(p, '%')) != NULL; p++) {
        assert_int_equal(p[1], 's');
        n++;
        p++;
    }
    return n;
}

/* The row with every blank filled, as body.c does; pango must parse it. */
static void assert_markup(const char *row)
{
    GString *g = g_string_new(NULL);
    for (const char *p = row; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            g_string_append(g, "x");
            p++;
        } else {
            g_string_append_c(g, *p);
        }
    }
    GError *e = NULL;
    gboolean ok = pango_parse_markup(g->str, -1, 0, NULL, NULL, NULL, &e);
    if (!ok) {
        fprintf(stderr, "not markup: %s (%s)\n", g->str, e ? e->message : "?");
    }
    g_clear_error(&e);
    g_string_free(g, TRUE);
    assert_true(ok);
}

static void every_label_exists_in_both_languages(void **state)
{
    (void)state;
    for (int id = 0; id < FT_COUNT; id++) {
        const char *vi = forms_text(FORMS_VI, (enum forms_text)id);
        const char *en = forms_text(FORMS_EN, (enum forms_text)id);
        bool only_en = forms_text_translation_only((enum forms_text)id);
        if ((*vi == '\0') != only_en || *en == '\0') {
            fprintf(stderr, "label %d lacks a language\n", id);
        }
        assert_true((*vi == '\0') == only_en && *en != '\0');
        assert_true(g_utf8_validate(vi, -1, NULL) && g_utf8_validate(en, -1, NULL));
        assert_int_equal(blanks(vi), blanks(en));
        assert_markup(vi);
        assert_markup(en);
    }
    assert_string_equal(forms_text(FORMS_EN, FT_COUNT), "");
    /* The national motto stays Vietnamese, with the English line under it
     * (the one row that has no Vietnamese). */
    assert_string_equal(forms_text(FORMS_EN, FT_MOTTO), forms_text(FORMS_VI, FT_MOTTO));
    assert_non_null(strstr(forms_text(FORMS_EN, FT_MOTTO), "Độc lập - Tự do - Hạnh phúc"));
    assert_non_null(strstr(forms_text(FORMS_EN, FT_MOTTO_GLOSS), "Independence"));
    size_t only = 0;
    for (int id = 0; id < FT_COUNT; id++) {
        only += forms_text_translation_only((enum forms_text)id);
    }
    assert_int_equal(only, 1);
}

/* Mẫu 05's status in English comes from the API's table, with the same
 * words as the staff interface (web/src/i18n/en.json). */
static void english_status_names_match_the_interface(void **state)
{
    (void)state;
    json_error_t jerr;
    json_t *en = json_load_file(MC_SOURCE_DIR "/web/src/i18n/en.json", 0, &jerr);
    assert_non_null(en);
    json_t *names = json_object_get(en, "dossierStatus");
    assert_true(json_is_object(names));
    for (int c = 0; c < ENG_ST_COUNT; c++) {
        enum eng_status st;
        assert_true(eng_status_from_code(c, &st));
        char key[16];
        snprintf(key, sizeof(key), "%d", c);
        json_t *want = json_object_get(names, key);
        assert_true(json_is_string(want));
        assert_string_equal(eng_status_name_en(st), json_string_value(want));
    }
    json_decref(en);
}

static const struct forms_component COMPONENTS[] = {
    { "Tờ khai đề nghị", 1, 0, 0 },
    { "Bản sao Căn cước công dân", -1, 1, -1 },
};

static struct forms_doc sample(enum forms_kind k)
{
    static const char *const missing[] = { "Bản sao điều lệ quỹ" };
    return (struct forms_doc){ .kind = k,
                               .agency = "Sở Nội vụ tỉnh Hưng Yên",
                               .desk = "Bộ phận Tiếp nhận và Trả kết quả",
                               .place = "Hưng Yên",
                               .issued = { 2026, 11, 25, 9, 0 },
                               .code = "000.00.99.H99-261125-0001",
                               .applicant = { .name = "Nguyễn Văn An", .phone = "0912345678" },
                               .procedure = "Thủ tục thành lập quỹ",
                               .limit_minutes = 15 * 480,
                               .received = { 2026, 11, 25, 9, 0 },
                               .due = { 2026, 12, 16, 9, 0 },
                               .components = COMPONENTS,
                               .ncomponents = 2,
                               .missing = missing,
                               .nmissing = 1,
                               .reason = "Thiếu giấy tờ" };
}

/* MediaBox of the first page, as the PDF writes it. */
static void assert_page(const unsigned char *pdf, size_t len, const char *box)
{
    char *text = calloc(1, len + 1);
    assert_non_null(text);
    memcpy(text, pdf, len);
    for (size_t i = 0; i < len; i++) {
        text[i] = text[i] ? text[i] : ' ';
    }
    assert_non_null(strstr(text, box));
    free(text);
}

/* Both languages: the English form has the same paper and layout. */
static void renders_every_form_as_a_pdf_of_its_paper(void **state)
{
    (void)state;
    for (int lang = FORMS_VI; lang < FORMS_NLANG; lang++) {
        for (int k = FORMS_MAU01; k <= FORMS_MAU06; k++) {
            struct forms_doc d = sample((enum forms_kind)k);
            d.lang = (enum forms_lang)lang;
            unsigned char *pdf = NULL;
            size_t len = 0;
            struct mc_err err = { 0 };
            assert_int_equal(forms_render(&d, &pdf, &len, &err), MC_OK);
            assert_true(len > 1000);
            assert_memory_equal(pdf, "%PDF-", 5);
            /* A5 portrait 148 × 210 mm; A4 landscape for the register. */
            assert_page(pdf, len,
                        k == FORMS_MAU06 ? "/MediaBox [ 0 0 841.889764 595.275591 ]"
                                         : "/MediaBox [ 0 0 419.527559 595.275591 ]");
            free(pdf);
        }
    }
}

static void refuses_a_form_without_its_agency_or_kind(void **state)
{
    (void)state;
    unsigned char *pdf = NULL;
    size_t len = 0;
    struct mc_err err = { 0 };
    struct forms_doc d = sample(FORMS_NONE);
    assert_int_equal(forms_render(&d, &pdf, &len, &err), MC_EINVAL);
    assert_null(pdf);
    d = sample(FORMS_MAU01);
    d.agency = NULL;
    assert_int_equal(forms_render(&d, &pdf, &len, &err), MC_EINVAL);
    assert_null(pdf);
}

/* A long list breaks onto more pages instead of running off the paper. */
static void breaks_long_tables_onto_new_pages(void **state)
{
    (void)state;
    struct forms_handover h[60];
    for (size_t i = 0; i < 60; i++) {
        h[i] = (struct forms_handover){ .from_unit = "Phòng Tổ chức, biên chế",
                                        .to_unit = "Văn phòng Sở",
                                        .from_person = "Trần Thị Bình",
                                        .to_person = "Lê Văn Cường",
                                        .at = { 2026, 11, 25, 10, 0 },
                                        .verdict = "on_time",
                                        .note = "Đã xử lý" };
    }
    struct forms_doc d = sample(FORMS_MAU05);
    d.handovers = h;
    d.nhandovers = 60;
    unsigned char *pdf = NULL;
    size_t len = 0;
    struct mc_err err = { 0 };
    assert_int_equal(forms_render(&d, &pdf, &len, &err), MC_OK);
    char *text = calloc(1, len + 1);
    memcpy(text, pdf, len);
    for (size_t i = 0; i < len; i++) {
        text[i] = text[i] ? text[i] : ' ';
    }
    const char *count = strstr(text, "/Type /Pages");
    assert_non_null(count);
    const char *c = strstr(count, "/Count ");
    assert_non_null(c);
    assert_true(strtol(c + 7, NULL, 10) >= 4);
    free(text);
    free(pdf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_the_date_line_as_decree_30_does),
        cmocka_unit_test(writes_times_in_words),
        cmocka_unit_test(writes_time_limits_in_working_days_or_hours),
        cmocka_unit_test(names_forms_and_verdicts),
        cmocka_unit_test(percent_encodes_file_names),
        cmocka_unit_test(writes_english_dates_times_and_limits),
        cmocka_unit_test(parses_the_language),
        cmocka_unit_test(writes_form_numbers),
        cmocka_unit_test(joins_the_agency_abbreviation),
        cmocka_unit_test(english_titles_carry_the_vietnamese_name),
        cmocka_unit_test(every_label_exists_in_both_languages),
        cmocka_unit_test(english_status_names_match_the_interface),
        cmocka_unit_test(renders_every_form_as_a_pdf_of_its_paper),
        cmocka_unit_test(refuses_a_form_without_its_agency_or_kind),
        cmocka_unit_test(breaks_long_tables_onto_new_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
