/* A dossier's reschedule history for the staff dossier view: the agency
 * calendar changes that moved its deadlines (docs/CALENDAR.md §3.2). Read
 * on GET /api/dossiers/{code} only, not in an action's answer, so the hot
 * path of transitions does not pay for it. */
#ifndef MC_HTTP_RESCHEDULE_OUT_H
#define MC_HTTP_RESCHEDULE_OUT_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

/* The "reschedules" array: [{change, at, by, source, reason, appointment:
 * {from, to}, legal_due: {from, to}, transfer_by: {from, to} | null}],
 * oldest first; [] when no calendar change moved it. */
enum mc_status http_reschedules_json(struct http_req *req, int64_t dossier, json_t **out,
                                     struct mc_err *err) MC_MUST_CHECK;

#endif
