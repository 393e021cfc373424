/* The agency row (0001_agency.sql). */
#ifndef MC_STORE_AGENCY_H
#define MC_STORE_AGENCY_H

#include "core/agency.h"
#include "store/store.h"

/* Insert or replace the agency row; a NULL abbreviation keeps the one
 * already set (an agency.json that does not name it changes nothing). */
enum mc_status store_agency_put(struct store *st, const struct core_agency *a,
                                struct mc_err *err) MC_MUST_CHECK;
/* Set (or with NULL clear) the agency's abbreviation, checked by the
 * caller (core_agency_abbreviation_ok). MC_ENOTFOUND before the first
 * import. Numbers already printed keep their ký hiệu (store_form_number). */
enum mc_status store_agency_set_abbreviation(struct store *st, const char *abbr,
                                             struct mc_err *err) MC_MUST_CHECK;
/* MC_ENOTFOUND before the first import. Strings are malloc'd: release with
 * core_agency_release. */
enum mc_status store_agency_get(struct store *st, struct core_agency *a,
                                struct mc_err *err) MC_MUST_CHECK;
/* The agency as a JSON object text (malloc'd). */
enum mc_status store_agency_json(struct store *st, char **json, struct mc_err *err) MC_MUST_CHECK;

#endif
