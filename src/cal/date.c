/* Civil dates without libc time functions: the pure layer reads no clock and
 * must not depend on the process time zone, so the arithmetic is done here
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
#include "cal/date.h"

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_length(int y, int m)
{
    static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

bool cal_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_length(y, m);
}

int32_t cal_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct cal_date cal_civil_from_days(int32_t days)
{
    int32_t z = days + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    struct cal_date r;
    r.day = doy - (153 * mp + 2) / 5 + 1;
    r.month = mp < 10 ? mp + 3 : mp - 9;
    r.year = yoe + era * 400 + (r.month <= 2);
    return r;
}

int cal_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (ISO 4). */
    int32_t w = (days + 3) % 7;
    if (w < 0) {
        w += 7;
    }
    return w + 1;
}

int32_t cal_day_of_instant(int64_t t, int32_t *sec_of_day)
{
    int64_t local = t + CAL_UTC_OFFSET;
    int64_t day = local / CAL_DAY_SECONDS;
    int64_t sec = local % CAL_DAY_SECONDS;
    if (sec < 0) {
        sec += CAL_DAY_SECONDS;
        day--;
    }
    if (sec_of_day != NULL) {
        *sec_of_day = (int32_t)sec;
    }
    return (int32_t)day;
}

int64_t cal_instant_of_day(int32_t day, int32_t sec_of_day)
{
    return (int64_t)day * CAL_DAY_SECONDS + sec_of_day - CAL_UTC_OFFSET;
}

/* Reads exactly `n` digits (n <= 4 here) at *p. */
static bool digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') {
            return false;
        }
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return true;
}

/* Reads 1 or 2 digits. */
static bool digits12(const char **p, int *out)
{
    if (**p < '0' || **p > '9') {
        return false;
    }
    int v = **p - '0';
    (*p)++;
    if (**p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    *out = v;
    return true;
}

static bool parse_date_part(const char **p, int32_t *day)
{
    const char *s = *p;
    int y, m, d;
    if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
        s[3] >= '0' && s[3] <= '9' && s[4] == '-') {
        if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &m) || *s++ != '-' ||
            !digits(&s, 2, &d)) {
            return false;
        }
    } else {
        if (!digits12(&s, &d) || *s++ != '/' || !digits12(&s, &m) || *s++ != '/' ||
            !digits(&s, 4, &y)) {
            return false;
        }
    }
    if (!cal_date_valid(y, m, d)) {
        return false;
    }
    *day = cal_days_from_civil(y, m, d);
    *p = s;
    return true;
}

bool cal_parse_day(const char *s, int32_t *out)
{
    int32_t day;
    if (s == NULL || !parse_date_part(&s, &day) || *s != '\0') {
        return false;
    }
    *out = day;
    return true;
}

bool cal_parse_instant(const char *s, int64_t *out)
{
    int32_t day;
    if (s == NULL || !parse_date_part(&s, &day)) {
        return false;
    }
    int hh = 0, mm = 0, ss = 0;
    if (*s == ' ' || *s == 'T') {
        s++;
        if (!digits(&s, 2, &hh) || *s++ != ':' || !digits(&s, 2, &mm)) {
            return false;
        }
        if (*s == ':') {
            s++;
            if (!digits(&s, 2, &ss)) {
                return false;
            }
        }
        if (hh > 23 || mm > 59 || ss > 59) {
            return false;
        }
    }
    if (*s != '\0') {
        return false;
    }
    *out = cal_instant_of_day(day, hh * 3600 + mm * 60 + ss);
    return true;
}

bool cal_parse_hhmm(const char *s, size_t len, int32_t *out)
{
    int hh, mm;
    const char *p = s;
    if (len != 5 || !digits(&p, 2, &hh) || *p++ != ':' || !digits(&p, 2, &mm)) {
        return false;
    }
    if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) {
        return false;
    }
    *out = hh * 3600 + mm * 60;
    return true;
}
