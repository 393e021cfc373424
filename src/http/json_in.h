/* Strict JSON decoding of request bodies (jansson stops in http/): a body
 * must be a UTF-8 JSON object, no duplicate keys, no unknown keys, nesting
 * within http.max_json_depth. Field errors name the JSON path at fault. */
#ifndef MC_HTTP_JSON_IN_H
#define MC_HTTP_JSON_IN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "http/request.h"

/* Parse req->body into a new object reference (*out; json_decref it). */
enum mc_status http_json_body(struct http_req *req, json_t **out, struct mc_err *err) MC_MUST_CHECK;
/* Parse any JSON text with the same rules (also used by fuzz targets). */
enum mc_status http_json_parse(const char *text, size_t len, size_t max_depth, json_t **out,
                               struct mc_err *err) MC_MUST_CHECK;

/* Fail with the first key of obj not in the NULL-terminated allowed list.
 * `path` is the object's JSON path ("" for the body root). */
enum mc_status http_json_only_keys(json_t *obj, const char *path, const char *const allowed[],
                                   struct mc_err *err) MC_MUST_CHECK;

/* Typed getters: a missing optional key leaves *out untouched and returns
 * MC_OK; a missing required key, a wrong type or a value out of range fails
 * naming `path.key`. Strings must be non-empty (after trimming nothing: as
 * sent) and at most max_len bytes. Returned strings live as long as obj. */
enum mc_status http_json_str(json_t *obj, const char *path, const char *key, bool required,
                             size_t max_len, const char **out, struct mc_err *err) MC_MUST_CHECK;
enum mc_status http_json_int(json_t *obj, const char *path, const char *key, bool required,
                             int64_t min, int64_t max, int64_t *out,
                             struct mc_err *err) MC_MUST_CHECK;
enum mc_status http_json_num(json_t *obj, const char *path, const char *key, bool required,
                             double min, double max, double *out, struct mc_err *err) MC_MUST_CHECK;
enum mc_status http_json_bool(json_t *obj, const char *path, const char *key, bool required,
                              bool *out, struct mc_err *err) MC_MUST_CHECK;

#endif
