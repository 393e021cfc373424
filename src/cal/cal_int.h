/* Helpers shared by the files of the cal module only (not public API). */
#ifndef MC_CAL_CAL_INT_H
#define MC_CAL_CAL_INT_H

#include <stdint.h>

#include "cal/cal.h"

/* The n-th (n >= 1) working day strictly after civil day `day`, or -1 past
 * the calendar's end. O(log n) over the working-day prefix counts. */
int32_t cal__nth_working_day_after(const struct cal *cal, int32_t day, int64_t n);

/* The instant the last open session of working day `day` closes. */
int64_t cal__day_close(const struct cal *cal, int32_t day);

#endif
