/* Decoding the bodies of the dossier endpoints into engine requests,
 * without a database (so that the fuzz target runs them alone). Field
 * errors name the JSON path; the rules of each action (what is required
 * when) stay in eng_decide(). Strings live as long as the JSON object. */
#ifndef MC_HTTP_ACTION_IN_H
#define MC_HTTP_ACTION_IN_H

#include <jansson.h>

#include "engine/engine.h"

/* POST /api/dossiers/{code}/actions */
enum mc_status http_action_decode(json_t *body, struct engine_action *out,
                                  struct mc_err *err) MC_MUST_CHECK;
/* POST /api/dossiers; anonymous: an online submission by the applicant. */
enum mc_status http_receipt_decode(json_t *body, bool anonymous, struct engine_receipt *out,
                                   struct mc_err *err) MC_MUST_CHECK;

#endif
