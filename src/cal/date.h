/*
 * cal/date - civil dates and instants for the working-time calendar.
 *
 * Representation (used by every cal_ function):
 *   - an *instant* is an int64_t count of seconds since 1970-01-01T00:00:00Z
 *     (UTC, like the store's timestamps);
 *   - a *day* is an int32_t count of civil days since 1970-01-01 in Vietnam's
 *     civil time, which is UTC+7 all year (no daylight saving, so no tz library);
 *   - a civil date is (year, month, day) in the proleptic Gregorian calendar.
 *
 * Pure functions: no allocation, no I/O, no clock. Thread-safe.
 */
#ifndef MC_CAL_DATE_H
#define MC_CAL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Vietnam's civil time: UTC+7 (105°E), no DST. */
#define CAL_UTC_OFFSET  (7 * 3600)
#define CAL_DAY_SECONDS 86400

struct cal_date {
    int year;
    int month; /* 1..12 */
    int day;   /* 1..31 */
};

/* Whether y-m-d is a real Gregorian date with 1 <= y <= 9999. */
bool cal_date_valid(int y, int m, int d);

/* Days since 1970-01-01 of a valid civil date (Hinnant's days_from_civil). */
int32_t cal_days_from_civil(int y, int m, int d);

/* The civil date of a day number (inverse of cal_days_from_civil). */
struct cal_date cal_civil_from_days(int32_t days);

/* ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
int cal_weekday(int32_t days);

/* The civil day (UTC+7) an instant falls on, and the seconds since its
 * local midnight (0..86399) in `*sec_of_day` if not NULL. */
int32_t cal_day_of_instant(int64_t t, int32_t *sec_of_day);

/* The instant of local time `sec_of_day` on civil day `day`. */
int64_t cal_instant_of_day(int32_t day, int32_t sec_of_day);

/*
 * cal_parse_instant() - parse a civil (UTC+7) instant.
 *
 * Accepts "YYYY-MM-DD" (00:00), "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS",
 * with 'T' allowed instead of the space, and "D/M/YYYY[ HH:MM]". Hours
 * 0..23 (24:00 is not accepted). The whole string must be consumed.
 * Returns false on any malformed or impossible value.
 */
bool cal_parse_instant(const char *s, int64_t *out);

/* Parse "YYYY-MM-DD" or "D/M/YYYY" into a day number. */
bool cal_parse_day(const char *s, int32_t *out);

/* Parse "HH:MM" (00:00..24:00) into seconds since midnight. */
bool cal_parse_hhmm(const char *s, size_t len, int32_t *out);

#endif
