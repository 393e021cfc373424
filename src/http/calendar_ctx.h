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
 * `agency`: it has an agency file; `change`: the calendar_changes row it
 * comes from (0: none). Also takes back one that was in force. */
void http_calendar_use(struct cal *c, bool agency, int64_t change);
/* The calendar_changes row of the calendar in force (0: none). */
int64_t http_calendar_change(void);

/* At serve start: the stored agency file. A file that no longer loads
 * (national data changed under it) leaves the national calendar in force
 * and is reported by the log and by GET /api/calendar/agency. Also installs
 * http_calendar_on_begin as the store's begin hook. */
void http_calendar_load(struct store *st);

/* The store's begin hook (store_set_begin_hook): when calendar_changes has
 * a row newer than the one the calendar in force came from — another
 * process, `motcua import` of a calendar.txt into the live database, moved
 * the open dossiers in its own transaction — the stored file is put in force
 * before the transaction computes anything, so no due time is computed on
 * the old calendar after the import committed. Reads outside a transaction
 * (GET /api/calendar/{year}) follow at the next write, at the latest at the
 * next escalation sweep. */
void http_calendar_on_begin(struct store *st);
/* The load error of the stored file, "" when none. */
const char *http_calendar_load_error(void);

/* The engine's seam (struct eng_worktime) over the calendar in force. */
int64_t http_calendar_minutes_add(void *ctx, int64_t instant, int64_t working_minutes);
int64_t http_calendar_minutes_between(void *ctx, int64_t a, int64_t b);

/* Free every calendar built (at exit, after the server stopped). */
void http_calendar_shutdown(void);

#endif
