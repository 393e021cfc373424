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
                                          const struct eng_dossier *d, const int64_t *next_rung_at,
                                          struct mc_err *err)
{
    size_t n = d->n_branches < ENG_BRANCH_MAX ? d->n_branches : ENG_BRANCH_MAX;
    sqlite3_stmt *s =
        store_stmt(st, "DELETE FROM dossier_branches WHERE dossier = ?1 AND ord >= ?2", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_i64(s, 2, (int64_t)n);
    enum mc_status rc = store_exec_stmt(st, s, "clearing parallel branches", err);
    for (size_t i = 0; rc == MC_OK && i < n; i++) {
        const struct eng_branch *b = &d->branches[i];
        s = store_stmt(st,
                       "INSERT INTO dossier_branches(dossier, ord, step, unit, holder, done,"
                       " clock_state, budget, consumed, running_since, fired, next_rung_at)"
                       " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6, ?7, ?8, ?9, ?10, 0, ?11)"
                       " ON CONFLICT(dossier, ord) DO UPDATE SET step = excluded.step,"
                       " unit = excluded.unit, holder = excluded.holder, done = excluded.done,"
                       " clock_state = excluded.clock_state, budget = excluded.budget,"
                       " consumed = excluded.consumed, running_since = excluded.running_since,"
                       " fired = CASE WHEN step = excluded.step THEN fired ELSE 0 END,"
                       " next_rung_at = excluded.next_rung_at",
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
        if (next_rung_at[i] > 0) {
            store_bind_i64(s, 11, next_rung_at[i]);
        }
        rc = store_exec_stmt(st, s, "saving a parallel branch", err);
    }
    return rc;
}

enum mc_status store_branches_due(struct store *st, int64_t now, struct store_due_branch *out,
                                  size_t cap, size_t *n, struct mc_err *err)
{
    *n = 0;
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT dossier, ord, fired FROM dossier_branches"
                                 " WHERE next_rung_at <= ?1 ORDER BY next_rung_at LIMIT ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, now);
    store_bind_i64(s, 2, (int64_t)cap);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
        out[*n] = (struct store_due_branch){ .dossier = sqlite3_column_int64(s, 0),
                                             .ord = sqlite3_column_int64(s, 1),
                                             .fired = (uint32_t)sqlite3_column_int64(s, 2) };
        (*n)++;
    }
    enum mc_status ret = rc == SQLITE_DONE || rc == SQLITE_ROW
                             ? MC_OK
                             : store_fail_db(st, err, "finding due branches");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_branch_fire(struct store *st, int64_t dossier, int64_t ord, uint32_t fired,
                                 int64_t next_rung_at, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE dossier_branches SET fired = ?3, next_rung_at = ?4"
                                 " WHERE dossier = ?1 AND ord = ?2",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_i64(s, 2, ord);
    store_bind_i64(s, 3, fired);
    if (next_rung_at > 0) {
        store_bind_i64(s, 4, next_rung_at);
    }
    return store_exec_stmt(st, s, "recording a branch's fired rungs", err);
}
