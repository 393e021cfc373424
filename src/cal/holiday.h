/*
 * cal/holiday - the days off the law itself fixes, year by year, before the
 * yearly announcements (data files) are laid over them:
 *
 *   - Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) art. 112.1 from 2021:
 *     1/1; Tết Nguyên Đán 5 days; 10/3 lunar (Giỗ Tổ Hùng Vương); 30/4; 1/5;
 *     2/9 and one adjacent day; Labour Code 2012 art. 115 for 2013-2020 (2/9
 *     alone); Labour Code 1994 art. 73 before 2013 (Tết 4 days; Giỗ Tổ from
 *     2007, Law 84/2007/QH11);
 *   - art. 111.3 (2012: 115.3): a holiday on a weekly rest day gives a
 *     compensatory day (nghỉ bù) on the next working day -- computed by cal.c,
 *     which knows every day of the year; this module says which days qualify.
 *
 * When the Prime Minister has not announced a year yet, the Tết days and the
 * Quốc khánh adjacent day are *estimates* (flagged), from the pattern of the
 * announced years (see docs/CALENDAR.md "Estimates").
 *
 * Pure: no allocation, no I/O. Strings are static UTF-8.
 */
#ifndef MC_CAL_HOLIDAY_H
#define MC_CAL_HOLIDAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cal/data.h"

struct cal_rule_day {
    int32_t day;
    enum cal_tag tag;
    const char *reason;
    const char *ref;
    bool estimate;      /* not yet announced: the likely day */
    bool compensatable; /* art. 111.3 applies if it falls on a weekly rest day */
};

#define CAL_RULE_DAYS_MAX 16

/*
 * cal_holiday_rules() - the statutory days off of `year` (2000..2199).
 *
 * `tet_announced` / `national_announced`: the data files fix the Tết days /
 * the Quốc khánh adjacent day for that year, so no estimate is produced.
 * Fills `out` (CAL_RULE_DAYS_MAX entries) in date order; returns the count.
 */
size_t cal_holiday_rules(int year, bool tet_announced, bool national_announced,
                         struct cal_rule_day out[CAL_RULE_DAYS_MAX]);

/* The day of Tết (1/1 lunar) of lunar year `year` as a day number. */
int32_t cal_holiday_tet(int year);

/* The estimated Quốc khánh adjacent day of `year` (from 2021). */
int32_t cal_holiday_national_adjacent(int year);

/* Legal basis of compensatory days in `year`, and the reason text of the
 * compensatory day for a holiday of tag `tag`. */
const char *cal_holiday_comp_ref(int year);
const char *cal_holiday_comp_reason(enum cal_tag tag);

/* Legal basis of the weekly rest days (Saturday and Sunday). */
const char *cal_holiday_weekend_ref(void);

#endif
