/* The words of the forms: names of the forms, languages, dates and time
 * limits in words (Vietnamese and English), verdicts, channels, file-name
 * encoding. Pure; unit-tested in test_forms.c. The fixed labels are in
 * text.c. */
#include <stdio.h>
#include <string.h>

#include "forms/forms.h"
#include "forms/text.h"

/* The forms' names, both languages in one row. The English title keeps the
 * Vietnamese legal name and number beside it. */
static const struct {
    const char *slug;
    const char *label[FORMS_NLANG], *file[FORMS_NLANG], *title[FORMS_NLANG];
    const char *notation; /* after "Số: N/"; docs/FORMS.md "Numbers" (UNCONFIRMED but PXL) */
} KINDS[] = {
    [FORMS_MAU01] = { "mau-01",
                      { "Mẫu số 01", "Form No. 01" },
                      { "Mẫu số 01", "Form 01" },
                      { "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                        "RECEIPT AND APPOINTMENT SLIP (Giấy tiếp nhận hồ sơ và hẹn trả kết quả "
                        "— Mẫu số 01)" },
                      "GTN" },
    [FORMS_MAU02] = { "mau-02",
                      { "Mẫu số 02", "Form No. 02" },
                      { "Mẫu số 02", "Form 02" },
                      { "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                        "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER (Phiếu yêu cầu bổ sung, "
                        "hoàn thiện hồ sơ — Mẫu số 02)" },
                      "PYCBS" },
    [FORMS_MAU03] = { "mau-03",
                      { "Mẫu số 03", "Form No. 03" },
                      { "Mẫu số 03", "Form 03" },
                      { "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                        "NOTICE OF REFUSAL TO RECEIVE AND PROCESS THE DOSSIER (Phiếu từ chối "
                        "tiếp nhận giải quyết hồ sơ — Mẫu số 03)" },
                      "PTC" },
    [FORMS_MAU04] = { "mau-04",
                      { "Mẫu số 04", "Form No. 04" },
                      { "Mẫu số 04", "Form 04" },
                      { "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
                        "APOLOGY AND NEW APPOINTMENT FOR THE RESULT (Phiếu xin lỗi và hẹn lại "
                        "ngày trả kết quả — Mẫu số 04)" },
                      "PXL" },
    [FORMS_MAU05] = { "mau-05",
                      { "Mẫu số 05", "Form No. 05" },
                      { "Mẫu số 05", "Form 05" },
                      { "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                        "PROCESS CONTROL SLIP (Phiếu kiểm soát quá trình giải quyết hồ sơ — "
                        "Mẫu số 05)" },
                      "" },
    [FORMS_MAU06] = { "mau-06",
                      { "Mẫu số 06", "Form No. 06" },
                      { "Mẫu số 06", "Form 06" },
                      { "SỔ THEO DÕI HỒ SƠ",
                        "DOSSIER TRACKING REGISTER (Sổ theo dõi hồ sơ — Mẫu số 06)" },
                      "" },
};

enum forms_kind forms_kind_parse(const char *slug)
{
    for (int k = FORMS_MAU01; slug && k <= FORMS_MAU06; k++) {
        if (strcmp(slug, KINDS[k].slug) == 0) {
            return (enum forms_kind)k;
        }
    }
    return FORMS_NONE;
}

static bool known(enum forms_kind k)
{
    return k >= FORMS_MAU01 && k <= FORMS_MAU06;
}

static int li(enum forms_lang lang)
{
    return lang == FORMS_EN ? FORMS_EN : FORMS_VI;
}

const char *forms_kind_slug(enum forms_kind k)
{
    return known(k) ? KINDS[k].slug : "";
}

const char *forms_kind_title(enum forms_kind k, enum forms_lang lang)
{
    return known(k) ? KINDS[k].title[li(lang)] : "";
}

const char *forms_kind_label(enum forms_kind k, enum forms_lang lang)
{
    return known(k) ? KINDS[k].label[li(lang)] : "";
}

const char *forms_kind_file_name(enum forms_kind k, enum forms_lang lang)
{
    return known(k) ? KINDS[k].file[li(lang)] : "";
}

const char *forms_kind_notation(enum forms_kind k)
{
    return known(k) ? KINDS[k].notation : "";
}

bool forms_symbol(char *buf, size_t cap, enum forms_kind k, const char *abbr)
{
    const char *notation = forms_kind_notation(k);
    if (cap == 0 || *notation == '\0') {
        return false;
    }
    bool with = abbr != NULL && *abbr != '\0';
    int w = snprintf(buf, cap, "%s%s%s", notation, with ? "-" : "", with ? abbr : "");
    return w >= 0 && (size_t)w < cap;
}

bool forms_number_line(char *buf, size_t cap, enum forms_kind k, int64_t number, const char *symbol,
                       enum forms_lang lang)
{
    const char *notation = forms_kind_notation(k);
    if (cap == 0 || *notation == '\0' || number < 1) {
        return false;
    }
    int w = snprintf(buf, cap, "%s %02lld/%s",
                     lang == FORMS_EN ? "No. (Số):" : "Số:", (long long)number,
                     symbol && *symbol ? symbol : notation);
    return w >= 0 && (size_t)w < cap;
}

const char *forms_system_actor(enum forms_lang lang)
{
    return lang == FORMS_EN ? "System (recurring)" : "Hệ thống (định kỳ)";
}

bool forms_lang_parse(const char *s, enum forms_lang *out)
{
    if (s != NULL && strcmp(s, "vi") == 0) {
        *out = FORMS_VI;
        return true;
    }
    if (s != NULL && strcmp(s, "en") == 0) {
        *out = FORMS_EN;
        return true;
    }
    return false;
}

const char *forms_lang_code(enum forms_lang lang)
{
    return lang == FORMS_EN ? "en" : "vi";
}

static bool fits(int w, size_t cap)
{
    return w >= 0 && (size_t)w < cap;
}

/* NĐ 30/2020 Phụ lục I: a day below 10 or a month below 3 is written with a
 * leading zero ("ngày 05 tháng 02"), other months without ("tháng 11").
 * English keeps the day/month/year order of Viet Nam: "05/02/2026". */
bool forms_date_words(char *buf, size_t cap, struct forms_when d, enum forms_lang lang)
{
    if (cap == 0 || d.year == 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
        return false;
    }
    int w = lang == FORMS_EN ? snprintf(buf, cap, "%02d/%02d/%04d", d.day, d.month, d.year)
                             : snprintf(buf, cap, "ngày %02d tháng %s%d năm %d", d.day,
                                        d.month < 3 ? "0" : "", d.month, d.year);
    return fits(w, cap);
}

bool forms_date_line(char *buf, size_t cap, const char *place, struct forms_when d,
                     enum forms_lang lang)
{
    char day[64];
    if (cap == 0 || !forms_date_words(day, sizeof(day), d, lang)) {
        return false;
    }
    int w =
        place && *place ? snprintf(buf, cap, "%s, %s", place, day) : snprintf(buf, cap, "%s", day);
    return fits(w, cap);
}

bool forms_time_words(char *buf, size_t cap, struct forms_when t, enum forms_lang lang)
{
    if (cap == 0) {
        return false;
    }
    buf[0] = '\0';
    if (t.year == 0) {
        return true;
    }
    char day[64];
    if (!forms_date_words(day, sizeof(day), t, lang) || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
        t.minute > 59) {
        return false;
    }
    int w = lang == FORMS_EN ? snprintf(buf, cap, "%02d:%02d, %s", t.hour, t.minute, day)
                             : snprintf(buf, cap, "%02d giờ %02d phút, %s", t.hour, t.minute, day);
    return fits(w, cap);
}

/* "1 working day", "2 working days": English needs the plural. */
static const char *plural(long long n)
{
    return n == 1 ? "" : "s";
}

bool forms_limit_words(char *buf, size_t cap, int64_t minutes, enum forms_lang lang)
{
    enum { DAY = 8 * 60 };
    if (cap == 0) {
        return false;
    }
    buf[0] = '\0';
    bool en = lang == FORMS_EN;
    long long days = (long long)(minutes / DAY), hours = (long long)(minutes / 60),
              rest = (long long)(minutes % 60);
    int w = 0;
    if (minutes <= 0) {
        return true;
    } else if (minutes % DAY == 0) {
        w = en ? snprintf(buf, cap, "%lld working day%s", days, plural(days))
               : snprintf(buf, cap, "%lld ngày làm việc", days);
    } else if (minutes % (DAY / 2) == 0) {
        /* Vietnamese writes the decimal comma (2,5 ngày), English the point. */
        w = en ? snprintf(buf, cap, "%lld.5 working days", days)
               : snprintf(buf, cap, "%lld,5 ngày làm việc", days);
    } else if (minutes % 60 == 0) {
        w = en ? snprintf(buf, cap, "%lld working hour%s", hours, plural(hours))
               : snprintf(buf, cap, "%lld giờ làm việc", hours);
    } else {
        w = en ? snprintf(buf, cap, "%lld hour%s %02lld minutes of working time", hours,
                          plural(hours), rest)
               : snprintf(buf, cap, "%lld giờ %02lld phút làm việc", hours, rest);
    }
    return fits(w, cap);
}

const char *forms_verdict_words(const char *verdict, enum forms_lang lang)
{
    if (verdict == NULL) {
        return "";
    }
    if (strcmp(verdict, "early") == 0) {
        return forms_text(lang, FT_EARLY);
    }
    if (strcmp(verdict, "on_time") == 0) {
        return forms_text(lang, FT_ON_TIME);
    }
    if (strcmp(verdict, "late") == 0) {
        return forms_text(lang, FT_LATE);
    }
    return "";
}

const char *forms_channel_words(int channel, enum forms_lang lang)
{
    switch (channel) {
    case 1:
        return forms_text(lang, FT_CHANNEL_DESK);
    case 2:
        return forms_text(lang, FT_CHANNEL_ONLINE);
    case 3:
        return forms_text(lang, FT_CHANNEL_POST);
    default:
        return NULL;
    }
}

const char *forms_apology_note(enum forms_lang lang)
{
    return forms_text(lang, FT_REG_APOLOGY);
}

void forms_quantity(char *buf, size_t cap, int64_t n)
{
    if (cap == 0) {
        return;
    }
    if (n < 0) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, cap, "%02lld", (long long)n);
}

bool forms_pct_encode(char *buf, size_t cap, const char *s)
{
    static const char HEX[] = "0123456789ABCDEF";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p) != NULL;
        size_t need = plain ? 1 : 3;
        if (o + need >= cap) {
            if (cap) {
                buf[0] = '\0';
            }
            return false;
        }
        if (plain) {
            buf[o++] = (char)*p;
        } else {
            buf[o++] = '%';
            buf[o++] = HEX[*p >> 4];
            buf[o++] = HEX[*p & 15];
        }
    }
    if (cap == 0) {
        return false;
    }
    buf[o] = '\0';
    return true;
}
