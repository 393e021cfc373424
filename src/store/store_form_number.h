/* The numbers ("Số: N/…") of the forms the agency issues, one series per
 * form and year (0015_form_numbers.sql, docs/FORMS.md "Numbers"). */
#ifndef MC_STORE_FORM_NUMBER_H
#define MC_STORE_FORM_NUMBER_H

#include <stdint.h>

#include "store/store.h"

/* The number of form `form` ("mau-01" … "mau-04") that records event
 * `event_seq` of dossier `dossier`, dated in `year`: the one it already has,
 * else the next of (form, year), allocated in one write transaction at
 * `now` (minutes). The same event always gets the same number, also when
 * two requests print it at once. MC_ECONFLICT for an event that does not
 * exist. */
enum mc_status store_form_number(struct store *st, const char *form, int64_t dossier,
                                 int64_t event_seq, int year, int64_t now, int64_t *number,
                                 struct mc_err *err) MC_MUST_CHECK;

#endif
