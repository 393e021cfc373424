/* The words of the forms: names of the forms, dates and time limits in
 * words, verdicts, file-name encoding. Pure; unit-tested in test_forms.c. */
#include <stdio.h>
#include <string.h>

#include "forms/forms.h"

static const struct {
    const char *slug, *label, *title;
} KINDS[] = {
    [FORMS_MAU01] = { "mau-01", "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" },
    [FORMS_MAU02] = { "mau-02", "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" },
    [FORMS_MAU03] = { "mau-03", "Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" },
    [FORMS_MAU04] = { "mau-04", "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" },
    [FORMS_MAU05] = { "mau-05", "Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" },
    [FORMS_MAU06] = { "mau-06", "Mẫu số 06", "SỔ THEO DÕI HỒ SƠ" },
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

const char *forms_kind_slug(enum forms_kind k)
{
    return known(k) ? KINDS[k].slug : "";
}

const char *forms_kind_title(enum forms_kind k)
{
    return known(k) ? KINDS[k].title : "";
}

const char *forms_kind_label(enum forms_kind k)
{
    return known(k) ? KINDS[k].label : "";
}

static bool fits(int w, size_t cap)
{
    return w >= 0 && (size_t)w < cap;
}

/* NĐ 30/2020 Phụ lục I: a day below 10 or a month below 3 is written with a
 * leading zero ("ngày 05 tháng 02"), other months without ("tháng 11"). */
static bool day_words(char *buf, size_t cap, struct forms_when d)
{
    if (d.year == 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
        return false;
    }
    int w = snprintf(buf, cap, "ngày %02d tháng %s%d năm %d", d.day, d.month < 3 ? "0" : "",
                     d.month, d.year);
    return fits(w, cap);
}

bool forms_date_line(char *buf, size_t cap, const char *place, struct forms_when d)
{
    char day[64];
    if (cap == 0 || !day_words(day, sizeof(day), d)) {
        return false;
    }
    int w =
        place && *place ? snprintf(buf, cap, "%s, %s", place, day) : snprintf(buf, cap, "%s", day);
    return fits(w, cap);
}

bool forms_time_words(char *buf, size_t cap, struct forms_when t)
{
    if (cap == 0) {
        return false;
    }
    buf[0] = '\0';
    if (t.year == 0) {
        return true;
    }
    char day[64];
    if (!day_words(day, sizeof(day), t) || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
        t.minute > 59) {
        return false;
    }
    return fits(snprintf(buf, cap, "%02d giờ %02d phút, %s", t.hour, t.minute, day), cap);
}

bool forms_limit_words(char *buf, size_t cap, int64_t minutes)
{
    enum { DAY = 8 * 60 };
    if (cap == 0) {
        return false;
    }
    buf[0] = '\0';
    int w = 0;
    if (minutes <= 0) {
        return true;
    } else if (minutes % DAY == 0) {
        w = snprintf(buf, cap, "%lld ngày làm việc", (long long)(minutes / DAY));
    } else if (minutes % (DAY / 2) == 0) {
        /* Vietnamese writes the decimal comma: 2,5 ngày. */
        w = snprintf(buf, cap, "%lld,5 ngày làm việc", (long long)(minutes / DAY));
    } else if (minutes % 60 == 0) {
        w = snprintf(buf, cap, "%lld giờ làm việc", (long long)(minutes / 60));
    } else {
        w = snprintf(buf, cap, "%lld giờ %02lld phút làm việc", (long long)(minutes / 60),
                     (long long)(minutes % 60));
    }
    return fits(w, cap);
}

const char *forms_verdict_words(const char *verdict)
{
    if (verdict == NULL) {
        return "";
    }
    if (strcmp(verdict, "early") == 0) {
        return "Trước hạn";
    }
    if (strcmp(verdict, "on_time") == 0) {
        return "Đúng hạn";
    }
    if (strcmp(verdict, "late") == 0) {
        return "Quá hạn";
    }
    return "";
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
