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
#include "http/dossier_out.h"
#include "http/request.h"

/* The answer of a transition without an Idempotency-Key, captured inside
 * the work and rendered once the work is durable (http_transition_answer). */
struct http_transition_later {
    struct http_dossier_snap snap;
    const struct engine *e;
    const struct engine_actor *who;
    const char *action; /* NULL, or the "action" key the answer adds */
    unsigned status;
    int64_t now;
};

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
    struct http_transition_later *later; /* set by http_transition_answer */
};

/* Run t->run as a transition; MC_OK only once it is durable, with the
 * answer in t->resp. */
enum mc_status http_transition_run(struct http_transition *t, struct mc_err *err) MC_MUST_CHECK;

/* The answer of a transition: dossier `id` as GET /api/dossiers/{code}
 * shows it (plus "action": `action` unless NULL), sent with `status`, as
 * this transition left it. Called inside the work. With an
 * Idempotency-Key the answer is rendered there and stored with the effect.
 * Without one only what the view is made of is read there (the dossier's
 * row and the view's cells, http_dossier_snap): the view and its JSON text
 * are built after the commit is durable, outside the writer, where they no
 * longer hold up the transitions queued behind this one. */
enum mc_status http_transition_answer(struct http_transition *t, const struct engine *e,
                                      const struct engine_actor *who, int64_t id, unsigned status,
                                      const char *action, int64_t now,
                                      struct mc_err *err) MC_MUST_CHECK;

/* A random reference "<prefix><16 hex digits>" (prefix of 2 letters: HS
 * for an online dossier, CV for a case) before a code is given. */
void http_make_ref(const char prefix[3], char out[24]);

#endif
