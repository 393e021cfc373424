/* `motcua verify`: walk every dossier's handover chain. */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "engine/engine.h"

enum mc_status engine_verify(const struct engine *e, struct store *st, int64_t *bad_dossier,
                             uint64_t *bad_seq, char *why, size_t why_len, int64_t *checked,
                             struct mc_err *err)
{
    *bad_dossier = 0;
    *bad_seq = 0;
    *checked = 0;
    if (why_len) {
        why[0] = '\0';
    }
    struct mc_arena ids_arena;
    mc_arena_init(&ids_arena);
    int64_t *ids = NULL;
    size_t n = 0;
    enum mc_status rc = store_dossier_ids(st, &ids_arena, &ids, &n, err);
    for (size_t i = 0; rc == MC_OK && i < n && *bad_dossier == 0; i++) {
        struct mc_arena a;
        mc_arena_init(&a);
        struct eng_handover *evs = NULL;
        size_t nev = 0;
        rc = store_events_load(st, ids[i], &a, &evs, &nev, err);
        if (rc == MC_OK && nev > 0) {
            size_t first_bad = 0;
            struct mc_err verr;
            mc_err_clear(&verr);
            if (eng_handover_verify(evs, nev, e->hash, e->hash_ctx, &first_bad, &verr) != MC_OK) {
                *bad_dossier = ids[i];
                *bad_seq = first_bad < nev ? evs[first_bad].seq : (uint64_t)first_bad + 1;
                snprintf(why, why_len, "%s", verr.msg);
            }
            *checked += (int64_t)nev;
        }
        mc_arena_release(&a);
    }
    mc_arena_release(&ids_arena);
    return rc;
}
