/* The open branches of a dossier inside a parallel block as rows
 * (migration 0007), so that inboxes find every branch's holder and unit
 * with an index. Written in the transition's transaction from the state the
 * engine stores; the rows are a projection, dossiers.state is the truth. */
#include "store/store_dossier.h"
#include "store/store_int.h"

static const char *clock_state_name(enum eng_clock_state s)
{
    switch (s) {
    case ENG_CLOCK_IDLE:
        return "idle";
    case ENG_CLOCK_RUNNING:
        return "running";
    case ENG_CLOCK_PAUSED:
        return "paused";
    case ENG_CLOCK_STOPPED:
        return "stopped";
    }
    return "stopped";
}

enum mc_status store_dossier_branches_put(struct store *st, int64_t dossier,
                                          const struct eng_dossier *d, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "DELETE FROM dossier_branches WHERE dossier = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    enum mc_status rc = store_exec_stmt(st, s, "clearing parallel branches", err);
    for (size_t i = 0; rc == MC_OK && i < d->n_branches && i < ENG_BRANCH_MAX; i++) {
        const struct eng_branch *b = &d->branches[i];
        s = store_stmt(st,
                       "INSERT INTO dossier_branches(dossier, ord, step, unit, holder, done,"
                       " clock_state, budget, consumed, running_since)"
                       " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8, ?9, ?10)",
                       err);
        if (s == NULL) {
            return MC_ESTORE;
        }
        store_bind_i64(s, 1, dossier);
        store_bind_i64(s, 2, (int64_t)i);
        store_bind_text(s, 3, b->step);
        store_bind_i64(s, 4, b->unit);
        store_bind_i64(s, 5, b->holder);
        store_bind_i64(s, 6, b->done);
        store_bind_text(s, 7, clock_state_name(b->clock.state));
        store_bind_i64(s, 8, b->clock.budget);
        store_bind_i64(s, 9, b->clock.consumed);
        store_bind_i64(s, 10, b->clock.running_since);
        rc = store_exec_stmt(st, s, "saving a parallel branch", err);
    }
    return rc;
}
