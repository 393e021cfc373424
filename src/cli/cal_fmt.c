/* Formatting for `motcua calendar` (see cal_fmt.h). */
#include "cli/cal_fmt.h"

#include <stdio.h>
#include <string.h>

#include "base/parse.h"

const char *calfmt_weekday(enum cal_lang lang, int iso_weekday)
{
    static const char *const vi[8] = { "",        "Thứ Hai", "Thứ Ba",  "Thứ Tư",
                                       "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật" };
    static const char *const en[8] = { "",         "Monday", "Tuesday",  "Wednesday",
                                       "Thursday", "Friday", "Saturday", "Sunday" };
    if (iso_weekday < 1 || iso_weekday > 7) {
        return "";
    }
    return lang == CAL_LANG_VI ? vi[iso_weekday] : en[iso_weekday];
}

void calfmt_day(enum cal_lang lang, int32_t day, char *buf, size_t cap)
{
    struct cal_date c = cal_civil_from_days(day);
    if (lang == CAL_LANG_VI) {
        snprintf(buf, cap, "%02d/%02d/%04d", c.day, c.month, c.year);
    } else {
        snprintf(buf, cap, "%04d-%02d-%02d", c.year, c.month, c.day);
    }
}

void calfmt_iso_day(int32_t day, char *buf, size_t cap)
{
    calfmt_day(CAL_LANG_EN, day, buf, cap);
}

void calfmt_instant(enum cal_lang lang, int64_t t, char *buf, size_t cap)
{
    int32_t sec;
    int32_t day = cal_day_of_instant(t, &sec);
    char d[16];
    calfmt_day(lang, day, d, sizeof(d));
    if (sec % 60 != 0) {
        snprintf(buf, cap, "%s %02d:%02d:%02d", d, sec / 3600, sec / 60 % 60, sec % 60);
    } else {
        snprintf(buf, cap, "%s %02d:%02d", d, sec / 3600, sec / 60 % 60);
    }
}

void calfmt_rfc3339(int64_t t, char *buf, size_t cap)
{
    int32_t sec;
    struct cal_date c = cal_civil_from_days(cal_day_of_instant(t, &sec));
    snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", c.year, c.month, c.day, sec / 3600,
             sec / 60 % 60, sec % 60);
}

void calfmt_work(enum cal_lang lang, int64_t seconds, int64_t day_seconds, char *buf, size_t cap)
{
    const char *sign = seconds < 0 ? "-" : "";
    int64_t s = seconds < 0 ? -seconds : seconds;
    int64_t h = s / 3600, m = s / 60 % 60, r = s % 60;
    char hm[64];
    if (lang == CAL_LANG_VI) {
        if (r) {
            snprintf(hm, sizeof(hm), "%s%lld giờ %lld phút %lld giây", sign, (long long)h,
                     (long long)m, (long long)r);
        } else if (m) {
            snprintf(hm, sizeof(hm), "%s%lld giờ %lld phút", sign, (long long)h, (long long)m);
        } else {
            snprintf(hm, sizeof(hm), "%s%lld giờ", sign, (long long)h);
        }
    } else {
        if (r) {
            snprintf(hm, sizeof(hm), "%s%lld h %lld min %lld s", sign, (long long)h, (long long)m,
                     (long long)r);
        } else if (m) {
            snprintf(hm, sizeof(hm), "%s%lld h %lld min", sign, (long long)h, (long long)m);
        } else {
            snprintf(hm, sizeof(hm), "%s%lld h", sign, (long long)h);
        }
    }
    /* Whole and half days are named as days too: limits are set in days. */
    if (day_seconds > 0 && s > 0 && (2 * s) % day_seconds == 0) {
        int64_t halves = 2 * s / day_seconds;
        char days[32];
        if (halves % 2 == 0) {
            snprintf(days, sizeof(days), "%s%lld", sign, (long long)(halves / 2));
        } else {
            snprintf(days, sizeof(days), "%s%lld,5", sign, (long long)(halves / 2));
        }
        if (lang == CAL_LANG_EN) {
            for (char *p = days; *p; p++) {
                *p = *p == ',' ? '.' : *p;
            }
        }
        snprintf(buf, cap, lang == CAL_LANG_VI ? "%s ngày làm việc (%s)" : "%s working days (%s)",
                 days, hm);
        return;
    }
    snprintf(buf, cap, "%s", hm);
}

static const char *open_name(unsigned open)
{
    switch (open) {
    case CAL_OPEN_ALL:
        return "all";
    case CAL_OPEN_AM:
        return "morning";
    case CAL_OPEN_PM:
        return "afternoon";
    default:
        return "none";
    }
}

json_t *calfmt_day_json(const struct cal_day_info *i)
{
    char d[16];
    calfmt_iso_day(i->day, d, sizeof(d));
    return json_pack("{s:s, s:s, s:b, s:s, s:s, s:s, s:s, s:s, s:b, s:b}", "date", d, "weekday",
                     calfmt_weekday(CAL_LANG_VI, cal_weekday(i->day)), "working", i->working,
                     "open", open_name(i->open), "tag", cal_tag_name(i->tag), "reason", i->reason,
                     "ref", i->ref, "source", i->source, "estimate", i->estimate, "makeup",
                     i->makeup);
}

bool calfmt_parse_amount(const char *s, int64_t day_seconds, int64_t *out)
{
    size_t n = strlen(s);
    if (n < 2 || n > 20) {
        return false;
    }
    char unit = s[n - 1];
    int64_t per;
    switch (unit) {
    case 'd':
        per = day_seconds;
        break;
    case 'h':
        per = 3600;
        break;
    case 'm':
        per = 60;
        break;
    default:
        return false;
    }
    char num[24];
    memcpy(num, s, n - 1);
    num[n - 1] = '\0';
    /* Integer part and up to 3 decimals ("0.5d", "1,5d"), exact in seconds. */
    char *dot = strpbrk(num, ".,");
    int64_t whole, frac = 0, scale = 1;
    if (dot != NULL) {
        *dot = '\0';
        const char *f = dot + 1;
        size_t fl = strlen(f);
        if (fl == 0 || fl > 3 || !mc_parse_i64(f, 0, 999, &frac) || f[0] == '-') {
            return false;
        }
        for (size_t k = 0; k < fl; k++) {
            scale *= 10;
        }
    }
    if (!mc_parse_i64(num, 0, 100000, &whole)) {
        return false;
    }
    int64_t scaled = whole * scale + frac;
    if ((scaled * per) % scale != 0) {
        return false;
    }
    *out = scaled * per / scale;
    return true;
}
