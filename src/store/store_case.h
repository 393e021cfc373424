/* Internal cases (hồ sơ công việc): the extra columns of a case row of
 * `dossiers` (0006_cases_calendar.sql) and the internal work items a caller
 * may open cases for. The case's lifecycle is the dossier engine's. */
#ifndef MC_STORE_CASE_H
#define MC_STORE_CASE_H

#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

/* What the HTTP layer checks before opening a case. */
struct store_case_item {
    char kind[12]; /* "tthc" or "internal" */
    char unit[24]; /* the owning unit's code */
};

/* MC_ENOTFOUND naming `procedure` for an unknown item code. */
enum mc_status store_case_item(struct store *st, const char *code, struct store_case_item *out,
                               struct mc_err *err) MC_MUST_CHECK;

/* Record the initiator (person id) and subject of the case row `dossier`. */
enum mc_status store_case_attach(struct store *st, int64_t dossier, int64_t initiator,
                                 const char *subject, struct mc_err *err) MC_MUST_CHECK;

/* Every internal work item as JSON text (malloc'd):
 * [{code, name, unit, unit_name, cases:[{code, name, limit_minutes}]}]. */
enum mc_status store_case_items_json(struct store *st, char **json,
                                     struct mc_err *err) MC_MUST_CHECK;

/* The next daily sequence of cases (1–999) of an agency; MC_ELIMIT when full.
 * Counted apart from the dossiers' sequence. */
enum mc_status store_case_seq_next(struct store *st, const char *agency, int day, int *seq,
                                   struct mc_err *err) MC_MUST_CHECK;

#endif
