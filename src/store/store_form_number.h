/* The numbers ("Số: N/…") of the forms the agency issues, one series per
 * form and year (0015_form_numbers.sql, docs/FORMS.md "Numbers"). */
#ifndef MC_STORE_FORM_NUMBER_H
#define MC_STORE_FORM_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The number of form `form` ("mau-01" … "mau-04") that records event
 * `event_seq` of dossier `dossier`, dated in `year`: the one it already has,
 * else the next of (form, year), allocated in one write transaction at
 * `now` (minutes) together with `symbol`, the ký hiệu printed after it
 * ("PXL-SNV"). The same event always gets the same number, also when two
 * requests print it at once. `printed` (cap bytes) receives the ký hiệu
 * stored with the number — the one of its first print, so a reprint after
 * the agency's abbreviation changed shows the same text — or "" for a
 * number drawn before 0016, printed with the form's abbreviation alone.
 * MC_ECONFLICT for an event that does not exist. */
enum mc_status store_form_number(struct store *st, const char *form, int64_t dossier,
                                 int64_t event_seq, int year, const char *symbol, int64_t now,
                                 int64_t *number, char *printed, size_t cap,
                                 struct mc_err *err) MC_MUST_CHECK;

#endif
