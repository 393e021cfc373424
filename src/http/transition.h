/* A dossier transition over HTTP as one work of the group commit
 * (store_write): the Idempotency-Key applied first, then `run`, both in the
 * transition's own savepoint of the shared transaction; acknowledged only
 * once durable. Shared by receipt, actions (h_dossier.c) and opening a case
 * (h_case.c). */
#ifndef MC_HTTP_TRANSITION_H
#define MC_HTTP_TRANSITION_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/engine.h"
#include "http/request.h"

/* On a replay the stored answer is already in resp (replayed) and `run` is
 * not called. */
struct http_transition {
    struct http_req *req;
    struct http_resp *resp;
    enum mc_status (*run)(struct http_transition *t, struct mc_err *err);
    void *ctx;
    const char *key;
    char hash[65];
    bool replayed;
};

/* Run t->run as a transition; MC_OK only once it is durable. */
enum mc_status http_transition_run(struct http_transition *t, struct mc_err *err) MC_MUST_CHECK;

/* The answer of a transition: dossier `id` as GET /api/dossiers/{code}
 * shows it (plus `extra`'s keys, taken), stored with the key, sent with
 * `status`. Inside the transition, so it shows the version it made. */
enum mc_status http_transition_answer(struct http_req *req, struct http_resp *resp,
                                      const struct engine *e, const struct engine_actor *who,
                                      int64_t id, unsigned status, json_t *extra, const char *key,
                                      const char *hash, int64_t now,
                                      struct mc_err *err) MC_MUST_CHECK;

/* A random reference "<prefix><16 hex digits>" (prefix of 2 letters: HS
 * for an online dossier, CV for a case) before a code is given. */
void http_make_ref(const char prefix[3], char out[24]);

#endif
