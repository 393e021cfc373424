/* recur - the recurrence of an internal work item (MISSION R3: recurring
 * tasks "assigned and tracked like procedures"; docs/ENGINE.md §11).
 *
 * A rule names the day the work is DUE in each period, as a Vietnamese
 * office states it ("báo cáo trước ngày 20 hằng tháng"):
 *
 *   every week     weekday 1 (Monday) … 7 (Sunday)
 *   every month    day 1–31
 *   every quarter  month 1–3 (month within the quarter), day 1–31
 *   every year     month 1–12, day 1–31 (at most that month's length)
 *
 * A day past the month's end means its last day (31 → 30 April, 28/29
 * February). A due day that is not a working day moves to the PREVIOUS
 * working day: the work is handed in early, never late. The case opens
 * `lead` working days before the due day (at the start of that day), so
 * that a case with a time limit of N working days opens N − 1 working days
 * before it and falls due at the close of the due day; a rule may set its
 * own lead (0–60).
 *
 * Working days come from the caller (national + agency calendar): this
 * module is pure and only walks civil days. */
#ifndef MC_CORE_RECUR_H
#define MC_CORE_RECUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/civil.h"

enum core_recur_every {
    CORE_RECUR_NONE = 0,
    CORE_RECUR_WEEK,
    CORE_RECUR_MONTH,
    CORE_RECUR_QUARTER,
    CORE_RECUR_YEAR,
};

enum { CORE_RECUR_LEAD_MAX = 60, CORE_RECUR_PERIOD_MAX = 16 };

struct core_recur {
    enum core_recur_every every;
    int month;   /* quarter: 1–3; year: 1–12; else 0 */
    int day;     /* month, quarter, year: 1–31; week: 0 */
    int weekday; /* week: 1 (Monday) – 7 (Sunday); else 0 */
    int lead;    /* working days before the due day; -1: from the time limit */
};

/* "week", "month", "quarter", "year". */
bool core_recur_every_parse(const char *s, enum core_recur_every *out);
const char *core_recur_every_name(enum core_recur_every every);

/* Validate a rule; fields are named `prefix.every`, `prefix.day`, … and a
 * field that the period does not use is an error (a weekday on a monthly
 * rule is a mistake, not a detail). */
enum mc_status core_recur_check(const struct core_recur *r, const char *prefix,
                                struct mc_err *err) MC_MUST_CHECK;

/* The default lead of a case whose time limit is limit_minutes working
 * minutes (8-hour days): ceil(days) − 1, at least 0. */
int core_recur_default_lead(int64_t limit_minutes);

/* Whether civil day `day` (days since 1970-01-01) is a working day. */
typedef bool core_working_day_fn(void *ctx, int64_t day);

struct core_occurrence {
    char period[CORE_RECUR_PERIOD_MAX]; /* 2026-W48, 2026-11, 2026-Q4, 2026 */
    struct eng_date nominal;            /* the rule's day (month end applied) */
    int64_t due_day;                    /* the working day it is due */
    int64_t open_day;                   /* the working day the case opens */
    int year;                           /* of the period (ISO year for a week) */
    int number;                         /* week 1–53, month 1–12, quarter 1–4, 0 */
};

/* The occurrence with the latest opening day on or before `today`
 * (*found false when the calendar has no working day near it). `lead` is
 * the rule's, or core_recur_default_lead when the rule has none. */
enum mc_status core_recur_latest(const struct core_recur *r, int lead, int64_t today,
                                 core_working_day_fn *working, void *ctx,
                                 struct core_occurrence *out, bool *found,
                                 struct mc_err *err) MC_MUST_CHECK;

/* The first occurrence whose opening day is after `today`. */
enum mc_status core_recur_next(const struct core_recur *r, int lead, int64_t today,
                               core_working_day_fn *working, void *ctx, struct core_occurrence *out,
                               bool *found, struct mc_err *err) MC_MUST_CHECK;

/* The subject of the case (Vietnamese, as the opening shows it):
 * "<name> — tháng 11/2026", "— quý 4/2026", "— năm 2026", "— tuần 48/2026".
 * The name is cut at a character boundary to fit `cap` (≥ 64). */
void core_recur_subject(const struct core_occurrence *o, enum core_recur_every every,
                        const char *name, char *out, size_t cap);

#endif
