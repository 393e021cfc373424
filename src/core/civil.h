/* civil - civil dates at UTC+7 for instants in minutes since the epoch.
 *
 * The dossier code carries the receipt date (TT 01/2018 Điều 19) and rule
 * sets take effect on a civil date (domain.md §0); both are dates in
 * Vietnam, so this converts with the fixed UTC+7 offset. Proleptic Gregorian
 * arithmetic after H. Hinnant's days_from_civil. Pure; no libc time. */
#ifndef MC_CORE_CIVIL_H
#define MC_CORE_CIVIL_H

#include <stdbool.h>
#include <stdint.h>

struct eng_date {
    int year;
    int month; /* 1–12 */
    int day;   /* 1–31 */
};

bool eng_date_valid(struct eng_date d);
/* Days since 1970-01-01 of a civil date (negative before it). */
int64_t eng_days_from_date(struct eng_date d);
struct eng_date eng_date_from_days(int64_t days);
/* The civil date in Vietnam of an instant. */
struct eng_date eng_local_date(int64_t instant);
/* Minutes since local midnight (0–1439) of an instant in Vietnam. */
int eng_local_minute_of_day(int64_t instant);
/* The instant of 00:00 in Vietnam on a civil date. */
int64_t eng_local_midnight(struct eng_date d);

#endif
