/*
 * cal/session - office sessions (giờ làm việc) of an agency.
 *
 * Default: 07:00-11:30 and 13:30-17:00, 8 working hours a day (the practice
 * recorded in domain.md §1.10). An agency file may give seasonal schedules
 * ("sessions | 04-15 | 07:00-11:30, 13:30-17:00 | ..."): each applies from
 * its month-day every year until the next season begins. Every season must
 * have the same working length, because a working day is a fixed amount of
 * working time (1 day = 8 working hours by default).
 *
 * Sessions starting before 12:00 are the morning (buổi sáng), the others the
 * afternoon (buổi chiều): a half day off closes one of the two halves.
 *
 * Paper dossiers received after the cutoff (default 15:00, NĐ 61/2018 Điều
 * 18) are transferred -- and start counting -- on the next working day.
 *
 * Pure: no allocation, no I/O.
 */
#ifndef MC_CAL_SESSION_H
#define MC_CAL_SESSION_H

#include <stdint.h>

#include "base/err.h"
#include "cal/data.h"

#define CAL_NOON           (12 * 3600)
#define CAL_DEFAULT_CUTOFF (15 * 3600)

/* Which halves of a day are open. */
enum cal_open {
    CAL_OPEN_NONE = 0,
    CAL_OPEN_AM = 1 << 0,
    CAL_OPEN_PM = 1 << 1,
    CAL_OPEN_ALL = CAL_OPEN_AM | CAL_OPEN_PM,
};

struct cal_sessions {
    int n_seasons;                              /* >= 1 */
    struct cal_season seasons[CAL_SEASONS_MAX]; /* sorted by from date; strings borrowed */
    int32_t day_seconds;                        /* working seconds of a full day */
    int32_t cutoff;                             /* seconds since midnight */
};

/*
 * cal_sessions_init() - the schedule from the data's seasons and cutoff,
 * or the defaults where the data has none. Borrows the data's strings.
 * Returns MC_EINVAL (naming the season's file and line) if seasons differ in
 * working length.
 */
MC_MUST_CHECK enum mc_status cal_sessions_init(struct cal_sessions *s, const struct cal_data *d,
                                               struct mc_err *err);

/* Index of the season in force on civil day `day`. */
int cal_sessions_season(const struct cal_sessions *s, int32_t day);

/* Working seconds of season `season` with halves `open` before local time
 * `sec` (0..86400) of the day. */
int32_t cal_sessions_worked(const struct cal_sessions *s, int season, unsigned open, int32_t sec);

/* The local time at which the `r`-th working second (1 <= r <= the day's
 * working length) of a day of season `season` with halves `open` ends. */
int32_t cal_sessions_locate(const struct cal_sessions *s, int season, unsigned open, int32_t r);

/* Start of the first open session and end of the last one, or -1. */
int32_t cal_sessions_first_start(const struct cal_sessions *s, int season, unsigned open);
int32_t cal_sessions_last_end(const struct cal_sessions *s, int season, unsigned open);

#endif
