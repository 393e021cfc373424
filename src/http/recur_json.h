/* The recurrence rule of an internal work item as JSON, shared by the API
 * (PUT /api/procedures/{code}/recurrence) and the catalog files
 * (procedures/<code>.json "recurrence", docs/IMPORT.md):
 *   {"every": "month", "day": 25, "lead_working_days": 3}
 * See src/core/recur.h for the meaning of each field. */
#ifndef MC_HTTP_RECUR_JSON_H
#define MC_HTTP_RECUR_JSON_H

#include <jansson.h>

#include "base/err.h"
#include "core/recur.h"

/* Decode and validate (core_recur_check); errors name `path.field`
 * ("" path: the field alone). */
enum mc_status http_recur_decode(json_t *obj, const char *path, struct core_recur *r,
                                 struct mc_err *err) MC_MUST_CHECK;

/* A new object, or NULL for no rule (every CORE_RECUR_NONE). */
json_t *http_recur_encode(const struct core_recur *r);

#endif
