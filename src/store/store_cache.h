/* Private to src/store: a per-connection cache of read models (JSON text)
 * keyed by (kind, key), valid while the database has not changed.
 *
 * "Not changed" is SQLite's own test, so the cache needs no invalidation
 * hooks: PRAGMA data_version moves when another connection (another worker,
 * `motcua import` in another process) commits, and
 * sqlite3_total_changes64() moves when this connection writes. Either clears
 * the whole cache: catalog reads are many, catalog writes rare.
 *
 * The cache belongs to its connection: one thread at a time, like the
 * connection itself. */
#ifndef MC_STORE_CACHE_H
#define MC_STORE_CACHE_H

#include <stddef.h>

#include "store/store_int.h"

/* A malloc'd copy of the cached text, or NULL on a miss (or when the
 * database changed since it was cached). */
char *store_cache_get(struct store *st, int kind, const char *key, struct mc_err *err);
/* Remember text for (kind, key); keys longer than 63 bytes and texts larger
 * than 256 KiB are not cached. */
void store_cache_put(struct store *st, int kind, const char *key, const char *text);
/* Free every entry (store_close). */
void store_cache_free(struct store *st);

#endif
