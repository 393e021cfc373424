/* Dossier transitions as works of the group commit (transition.h). */
#include "http/transition.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/server.h"
#include "store/store.h"
#include "store/store_dossier.h"

static enum mc_status transition_work(struct store *st, void *ctx, struct mc_err *err)
{
    struct http_transition *t = ctx;
    (void)st; /* t->req->db, which store_write has put on the writer */
    t->replayed = false;
    t->later = NULL;
    enum mc_status rc = http_idem_check(t->req, t->resp, &t->key, t->hash, &t->replayed, err);
    if (rc != MC_OK || t->replayed) {
        return rc;
    }
    return t->run(t, err);
}

/* The answer's JSON text (malloc'd) from its snapshot. */
static char *render(const struct http_transition_later *l)
{
    return http_dossier_snap_text(&l->snap, l->e, l->who, l->now, l->action);
}

enum mc_status http_transition_run(struct http_transition *t, struct mc_err *err)
{
    enum mc_status rc = store_write(t->req->db, transition_work, t, err);
    if (rc == MC_OK && t->later) {
        http_resp_json_text(t->resp, t->later->status, render(t->later));
    }
    return rc;
}

enum mc_status http_transition_answer(struct http_transition *t, const struct engine *e,
                                      const struct engine_actor *who, int64_t id, unsigned status,
                                      const char *action, int64_t now, struct mc_err *err)
{
    struct http_transition_later *l = mc_arena_alloc(&t->req->arena, sizeof(*l));
    *l = (struct http_transition_later){
        .e = e, .who = who, .action = action, .status = status, .now = now
    };
    enum mc_status rc = http_dossier_snap_take(t->req, id, &l->snap, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (t->key == NULL) {
        t->later = l;
        return MC_OK;
    }
    char *text = render(l);
    rc = http_idem_store(t->req, t->key, t->hash, status, text, now, err);
    if (rc == MC_OK) {
        http_resp_json_text(t->resp, status, text);
    } else {
        free(text);
    }
    return rc;
}

void http_make_ref(const char prefix[3], char out[24])
{
    uint8_t r[8];
    randombytes_buf(r, sizeof(r));
    memcpy(out, prefix, 2);
    sodium_bin2hex(out + 2, 17, r, sizeof(r));
    for (char *p = out + 2; *p; p++) {
        if (*p >= 'a' && *p <= 'f') {
            *p = (char)(*p - 'a' + 'A');
        }
    }
}
