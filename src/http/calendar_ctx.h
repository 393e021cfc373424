/* The working-time calendar the server uses: the national data compiled
 * into the binary plus the agency's file stored in the database
 * (docs/CALENDAR.md §3, "Agency calendar"). The engine's deadline
 * arithmetic, GET /api/calendar/{year} and POST /api/calendar/deadline all
 * read the calendar in force here.
 *
 * The calendar is immutable; replacing the agency file builds a new one and
 * swaps a pointer. Requests in flight keep the one they started with, so a
 * replaced calendar is freed only at exit (http_calendar_shutdown): an
 * administrator's edit costs one calendar's memory until then. */
#ifndef MC_HTTP_CALENDAR_CTX_H
#define MC_HTTP_CALENDAR_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "cal/cal.h"
#include "store/store.h"

/* The file name in the parser's errors (agency.txt:LINE:FIELD). */
#define HTTP_AGENCY_CAL_NAME "agency.txt"

/* The calendar in force; *agency tells whether an agency file is in it. */
enum mc_status http_calendar(const struct cal **out, bool *agency,
                             struct mc_err *err) MC_MUST_CHECK;

/* Build national + `text` (NULL or "": national only) without putting it in force (a PUT recomputes
 * the open dossiers with it first): give it to http_calendar_use, or cal_free it. On a parse error
 * err names agency.txt:LINE:FIELD. */
enum mc_status http_calendar_build(const char *text, struct cal **out,
                                   struct mc_err *err) MC_MUST_CHECK;
/* Put a calendar from http_calendar_build in force (kept until exit);
 * `agency`: it has an agency file. Also takes back one that was in force. */
void http_calendar_use(struct cal *c, bool agency);

/* At serve start: the stored agency file. A file that no longer loads
 * (national data changed under it) leaves the national calendar in force
 * and is reported by the log and by GET /api/calendar/agency. */
void http_calendar_load(struct store *st);
/* The load error of the stored file, "" when none. */
const char *http_calendar_load_error(void);

/* The engine's seam (struct eng_worktime) over the calendar in force. */
int64_t http_calendar_minutes_add(void *ctx, int64_t instant, int64_t working_minutes);
int64_t http_calendar_minutes_between(void *ctx, int64_t a, int64_t b);

/* Free every calendar built (at exit, after the server stopped). */
void http_calendar_shutdown(void);

#endif
