/* JSON out for the organisation: people and units as the API shows them. */
#ifndef MC_HTTP_ORG_OUT_H
#define MC_HTTP_ORG_OUT_H

#include <jansson.h>
#include <stdint.h>

#include "base/err.h"
#include "http/request.h"

/* Add the Vietnamese title ("title": "Phó Giám đốc") to every element of a
 * person object's "roles" array, in place. */
void http_person_add_titles(json_t *person);

/* One person (store_person_json plus role titles) as a new reference.
 * MC_ENOTFOUND for an unknown id. */
enum mc_status http_person_doc(struct http_req *req, int64_t person, json_t **out,
                               struct mc_err *err) MC_MUST_CHECK;

/* Parse a JSON text the store built. Takes ownership of text. */
enum mc_status http_store_json(char *text, json_t **out, struct mc_err *err) MC_MUST_CHECK;

#endif
