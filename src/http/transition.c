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
    enum mc_status rc = http_idem_check(t->req, t->resp, &t->key, t->hash, &t->replayed, err);
    if (rc != MC_OK || t->replayed) {
        return rc;
    }
    return t->run(t, err);
}

enum mc_status http_transition_run(struct http_transition *t, struct mc_err *err)
{
    return store_write(t->req->db, transition_work, t, err);
}

enum mc_status http_transition_answer(struct http_req *req, struct http_resp *resp,
                                      const struct engine *e, const struct engine_actor *who,
                                      int64_t id, unsigned status, json_t *extra, const char *key,
                                      const char *hash, int64_t now, struct mc_err *err)
{
    struct store_dossier d;
    enum mc_status rc = store_dossier_load_id(req->db, id, &d, err);
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, who, &d, now, &view, err);
    }
    if (rc != MC_OK) {
        json_decref(extra);
        return rc;
    }
    if (extra) {
        json_object_update(view, extra);
        json_decref(extra);
    }
    char *text = json_dumps(view, JSON_COMPACT);
    json_decref(view);
    rc = http_idem_store(req, key, hash, status, text, now, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, status, text);
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
