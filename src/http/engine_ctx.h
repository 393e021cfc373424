/* The dossier engine as the HTTP layer uses it: one shared struct engine
 * (the national calendar loaded once, BLAKE2b-256 over libsodium for the
 * handover chain, the default escalation ladder), the request's `now`, the
 * caller as an engine actor, and idempotency keys. */
#ifndef MC_HTTP_ENGINE_CTX_H
#define MC_HTTP_ENGINE_CTX_H

#include <jansson.h>
#include <stdint.h>

#include "engine/engine.h"
#include "http/request.h"

/* The shared engine (immutable after the first call; thread-safe). */
enum mc_status http_engine(const struct engine **out, struct mc_err *err) MC_MUST_CHECK;

/* The handover hash (also used by `motcua verify`). */
void http_handover_hash(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN]);

/* Minutes since the epoch, read once per request: the system clock, or the
 * X-Test-Now header when the server runs with http.test_clock. */
int64_t http_now_minutes(struct http_req *req);

/* The caller as an actor: staff with grants, or the applicant (anonymous). */
enum mc_status http_actor(struct http_req *req, struct engine_actor *out,
                          struct mc_err *err) MC_MUST_CHECK;

/* Idempotency (docs/ENGINE.md): inside the handler's transaction. When the
 * request carries an Idempotency-Key that was used before with the same
 * request, *replayed is set and resp holds the stored answer; with a
 * different request MC_ECONFLICT naming the header. *key is NULL when the
 * request has none. */
enum mc_status http_idem_check(struct http_req *req, struct http_resp *resp, const char **key,
                               char hash[65], bool *replayed, struct mc_err *err) MC_MUST_CHECK;
/* Store the answer under the key (no-op without a key). */
enum mc_status http_idem_store(struct http_req *req, const char *key, const char *hash,
                               unsigned status, const char *body, int64_t now,
                               struct mc_err *err) MC_MUST_CHECK;

/* "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)" → minutes since the epoch. */
bool http_parse_instant(const char *s, int64_t *out);

#endif
