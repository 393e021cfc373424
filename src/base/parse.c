#include "base/parse.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

bool mc_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
    if (s == NULL || *s == '\0' || *s == ' ' || *s == '+') {
        return false;
    }
    errno = 0;
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
        return false;
    }
    *out = v;
    return true;
}

bool mc_is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int mc_days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12) {
        return 0;
    }
    return days[m - 1] + (m == 2 && mc_is_leap_year(y));
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool mc_parse_date(const char *s, int *y, int *m, int *d)
{
    int yy, mm, dd;
    if (s == NULL || !digits(s, 4, &yy) || s[4] != '-' || !digits(s + 5, 2, &mm) || s[7] != '-' ||
        !digits(s + 8, 2, &dd) || s[10] != '\0') {
        return false;
    }
    if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > mc_days_in_month(yy, mm)) {
        return false;
    }
    *y = yy;
    *m = mm;
    *d = dd;
    return true;
}

bool mc_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c == 0) {
            return false;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= len) {
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static const unsigned min_cp[] = { 0, 0x80, 0x800, 0x10000 };
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}
