/* Strict number and date parsing (replaces atoi/strtol/sscanf): the whole
 * string must be consumed, ranges are checked. */
#ifndef MC_BASE_PARSE_H
#define MC_BASE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool mc_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* YYYY-MM-DD, a real Gregorian date, year 1..9999. */
bool mc_parse_date(const char *s, int *y, int *m, int *d);
bool mc_is_leap_year(int y);
int mc_days_in_month(int y, int m);
/* Valid UTF-8 (no overlongs, no surrogates, no NUL within len). */
bool mc_utf8_valid(const char *s, size_t len);

#endif
