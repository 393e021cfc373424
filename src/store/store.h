/* Persistence behind one interface. The rest of motcua sees only these
 * functions and the per-area headers (store_<area>.h); SQL lives in src/store
 * alone. SQLite is the embedded default; the interface keeps no SQLite type so
 * that a PostgreSQL backend can implement it (docs/ARCHITECTURE.md).
 *
 * A struct store is one connection: use it from one thread at a time (the
 * HTTP server keeps one per worker thread). Write transactions are serialised
 * inside the process (store_begin takes a process-wide lock) so writers never
 * race for SQLite's write lock; readers run in parallel under WAL. */
#ifndef MC_STORE_STORE_H
#define MC_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"

struct store;

struct store_options {
    bool sync_full;      /* synchronous=FULL (default): an acknowledged write survives power loss */
    int busy_timeout_ms; /* wait for other processes' locks (default 5000) */
    bool readonly;
    /* When set, this connection's transactions (store_begin … commit) run on
     * `writer`, one connection shared by the process and opened by the
     * caller, which must outlive this one. Writers are serialised anyway
     * (store_begin); on one connection the pages a transition touches stay
     * in its cache, where a connection per thread finds its cache discarded
     * after every other thread's commit and reads them again under the
     * lock. Reads outside a transaction stay on this connection. */
    struct store *writer;
};

void store_options_init(struct store_options *opt);

enum mc_status store_open(const char *path, const struct store_options *opt, struct store **out,
                          struct mc_err *err) MC_MUST_CHECK;
void store_close(struct store *st);

/* Apply every embedded migration not yet applied (also one numbered below
 * the highest applied), each in its own transaction. *applied (may be
 * NULL) receives how many ran. */
enum mc_status store_migrate(struct store *st, int *applied, struct mc_err *err) MC_MUST_CHECK;
/* MC_ECONFLICT when the database lacks a migration of this binary or has
 * one newer than it. */
enum mc_status store_schema_check(struct store *st, struct mc_err *err) MC_MUST_CHECK;
int store_schema_latest(void);

/* BEGIN IMMEDIATE under the process-wide writer lock; commit or roll back
 * releases it. Transactions do not nest. With store_options.writer, the
 * transaction runs on that connection: until commit or rollback every call
 * on `st` uses it. */
enum mc_status store_begin(struct store *st, struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_commit(struct store *st, struct mc_err *err) MC_MUST_CHECK;
void store_rollback(struct store *st);
bool store_in_transaction(const struct store *st);

/* Run after every BEGIN IMMEDIATE (store_begin and the group commit of
 * store_write), under the writer lock, on the transaction's connection,
 * before any work of the transaction: the server uses it to notice a commit
 * another process made (`motcua import` of a calendar, docs/CALENDAR.md
 * §3.2) before it computes anything. Process-wide; NULL for none (the
 * default). The hook must not begin or end a transaction and handles its
 * own errors. */
typedef void store_begin_hook_fn(struct store *st);
void store_set_begin_hook(store_begin_hook_fn *fn);

/* Work done inside a write transaction: its writes commit or roll back as
 * one. It runs on `st` (the connection given to store_write) and must not
 * begin, commit or roll back itself. */
typedef enum mc_status store_work_fn(struct store *st, void *ctx, struct mc_err *err);

/* Group commit (docs/ARCHITECTURE.md "The shared writer connection"): run
 * `fn` in a write transaction and return once that transaction is durable.
 * With store_options.writer, works that threads submit while a commit is in
 * progress are run together, one after the other, in one transaction on the
 * shared writer, each inside its own SAVEPOINT: a work that fails is rolled
 * back alone (its status and err come back to its caller), the others
 * commit with a single COMMIT (one WAL sync for the group). MC_OK means the
 * work is committed; if the COMMIT itself fails every work of the group
 * gets that error and none of them is kept. Without a shared writer it is
 * store_begin, fn, store_commit. */
enum mc_status store_write(struct store *st, store_work_fn *fn, void *ctx,
                           struct mc_err *err) MC_MUST_CHECK;

/* Works committed through store_write since start, and the COMMITs (WAL
 * syncs) they took: their ratio is the mean group size. */
void store_write_stats(uint64_t *works, uint64_t *commits);

/* A trivial read: the database answers. */
enum mc_status store_ping(struct store *st, struct mc_err *err) MC_MUST_CHECK;

#endif
