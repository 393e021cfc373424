/* The agency's calendar file (0006_cases_calendar.sql `agency_calendar`):
 * its own days off, make-up days and office sessions in the format of
 * docs/CALENDAR.md §3, stored as text on top of the national data compiled
 * into the binary. The caller validates the text (cal_load) before put. */
#ifndef MC_STORE_CALENDAR_H
#define MC_STORE_CALENDAR_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

struct store_agency_calendar {
    char *text;          /* malloc'd; NULL when the agency has none */
    int64_t updated_at;  /* minutes since the epoch, 0 when none */
    char updated_by[64]; /* username, "" when none (an import without --by) */
};

enum mc_status store_agency_calendar_get(struct store *st, struct store_agency_calendar *out,
                                         struct mc_err *err) MC_MUST_CHECK;
void store_agency_calendar_release(struct store_agency_calendar *c);

/* Replace the file (text NULL or "": none). person 0: an import. */
enum mc_status store_agency_calendar_put(struct store *st, const char *text, int64_t person,
                                         int64_t now, struct mc_err *err) MC_MUST_CHECK;

#endif
