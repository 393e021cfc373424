/* Formatting helpers of `motcua calendar` (cli/cmd_calendar.c): dates and
 * instants in Vietnamese or English, amounts of working time, and the JSON
 * shape of a calendar day. Text is UTF-8. */
#ifndef MC_CLI_CAL_FMT_H
#define MC_CLI_CAL_FMT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cal/cal.h"

enum cal_lang { CAL_LANG_VI, CAL_LANG_EN };

/* "Thứ Hai" / "Monday" for ISO weekday 1..7. */
const char *calfmt_weekday(enum cal_lang lang, int iso_weekday);

/* "dd/mm/yyyy" (vi) or "yyyy-mm-dd" (en) of a day number. */
void calfmt_day(enum cal_lang lang, int32_t day, char *buf, size_t cap);

/* "yyyy-mm-dd" of a day number. */
void calfmt_iso_day(int32_t day, char *buf, size_t cap);

/* "dd/mm/yyyy HH:MM" (vi) or "yyyy-mm-dd HH:MM" (en); seconds shown when not 0. */
void calfmt_instant(enum cal_lang lang, int64_t t, char *buf, size_t cap);

/* RFC 3339 with the +07:00 offset: "2026-02-27T16:45:00+07:00". */
void calfmt_rfc3339(int64_t t, char *buf, size_t cap);

/* Working time in words: "5 ngày làm việc (40 giờ)", "2 giờ 30 phút". */
void calfmt_work(enum cal_lang lang, int64_t seconds, int64_t day_seconds, char *buf, size_t cap);

/* JSON object of a day: date, weekday, working, open halves, tag, reason,
 * ref, source, estimate, makeup. New reference. */
json_t *calfmt_day_json(const struct cal_day_info *i);

/* Parses "5d", "0.5d", "4h", "1.5h", "90m" into working seconds; false if
 * malformed, not a whole number of seconds, or absurdly large. */
bool calfmt_parse_amount(const char *s, int64_t day_seconds, int64_t *out);

#endif
