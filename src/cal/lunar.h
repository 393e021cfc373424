/*
 * cal/lunar - the Vietnamese lunar calendar (âm lịch), computed with
 * Hồ Ngọc Đức's method ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html):
 * months start on the day of the new moon (điểm Sóc), the winter solstice
 * (Đông chí) falls in month 11, and in a 13-month year the first month after
 * month 11 without a principal term (Trung khí) is the leap month. Everything
 * is computed at the 105°E meridian (UTC+7), which is why Vietnam's Tết differs
 * from China's in some years (2030: 02/02 here, 03/02 in China).
 *
 * Valid for solar dates 1900-01-01 .. 2199-12-31 (lunar years 1899 .. 2199).
 * Pure: no allocation, no I/O; thread-safe.
 */
#ifndef MC_CAL_LUNAR_H
#define MC_CAL_LUNAR_H

#include <stdbool.h>

#include "base/err.h"

#define CAL_LUNAR_FIRST_YEAR 1900
#define CAL_LUNAR_LAST_YEAR  2199

struct cal_lunar_date {
    int day;   /* 1..30 */
    int month; /* 1..12 */
    int year;  /* the lunar year, named after the solar year it mostly covers */
    bool leap; /* true in a leap month (tháng nhuận) */
};

/*
 * cal_lunar_from_solar() - the lunar date of solar date y-m-d.
 *
 * Returns MC_OK, or MC_EINVAL (field "date") for an impossible date or one
 * outside 1900-01-01 .. 2199-12-31.
 */
MC_MUST_CHECK enum mc_status cal_lunar_from_solar(int y, int m, int d, struct cal_lunar_date *out,
                                                  struct mc_err *err);

/*
 * cal_solar_from_lunar() - the solar date of a lunar date.
 *
 * Returns MC_OK, or MC_EINVAL naming the field: "year" outside 1900..2199,
 * "month" outside 1..12 or leap flag on a month that is not the year's leap
 * month, "day" past the end of that lunar month (29 or 30 days).
 */
MC_MUST_CHECK enum mc_status cal_solar_from_lunar(const struct cal_lunar_date *ld, int *y, int *m,
                                                  int *d, struct mc_err *err);

/* The leap month (1..12) of lunar year `year`, or 0 if it has none.
 * `year` must be in 1900..2199. */
int cal_lunar_leap_month(int year);

/* Length (29 or 30) of a lunar month; 0 if the month does not exist. */
int cal_lunar_month_length(int year, int month, bool leap);

/* Heavenly stem (can) and earthly branch (chi) of a lunar year, e.g. 2030 ->
 * "Canh", "Tuất". Static UTF-8 strings. */
const char *cal_lunar_can(int year);
const char *cal_lunar_chi(int year);

#endif
