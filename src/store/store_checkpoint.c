/* WAL checkpoints of the shared writer on a thread of their own.
 *
 * SQLite checkpoints inside the COMMIT that takes the WAL past
 * wal_autocheckpoint pages (1000): it copies every page of the WAL into the
 * database file and syncs both, a few milliseconds during which the
 * group-commit leader holds the writer and no transition runs, and its group
 * waits for it before its own sync. Under the benchmarks' load that was one
 * COMMIT in about a hundred and 5% of the wall time. Here the writer's WAL
 * hook (which replaces the automatic checkpoint) only signals a thread that
 * makes the same PASSIVE checkpoint on a connection of its own: in WAL mode
 * a checkpoint and a write transaction may run at once (the checkpoint copies
 * the frames committed when it starts), so transitions go on meanwhile. What
 * is durable does not change: every acknowledged transition's frames were
 * synced in the WAL before its acknowledgement, and the checkpoint syncs
 * the WAL again before it copies anything. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "store/store_int.h"

/* As SQLite's own automatic checkpoint. */
enum { CHECKPOINT_PAGES = 1000 };
/* The WAL starts again from its beginning only when a write transaction
 * begins with every frame copied, which a checkpoint running beside the
 * writes rarely leaves: past this size the COMMIT checkpoints itself (the
 * thread has copied most frames already, so that one is short) and the WAL
 * is reused instead of growing. */
enum { CHECKPOINT_INLINE_PAGES = 4 * CHECKPOINT_PAGES };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wanted_cond = PTHREAD_COND_INITIALIZER;
static char *wanted; /* the database file to checkpoint next, or NULL */
static bool started;
/* The WAL size at which the thread is asked next: once per
 * CHECKPOINT_PAGES written, not after every commit past the first mark. */
static int next_mark = CHECKPOINT_PAGES;

/* One PASSIVE checkpoint of `path` on a short-lived connection (none stays
 * open: when the server closes its own, the last close removes the WAL). */
static void checkpoint(const char *path)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        /* A new connection finds the WAL with its first read. */
        rc = sqlite3_exec(db, "PRAGMA schema_version", NULL, NULL, NULL);
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        mc_log(MC_LOG_WARN, "checkpoint_failed", "sqlite=%s", db ? sqlite3_errmsg(db) : "open");
    }
    sqlite3_close(db);
}

static void *checkpoint_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        while (wanted == NULL) {
            pthread_cond_wait(&wanted_cond, &lock);
        }
        char *path = wanted;
        wanted = NULL;
        pthread_mutex_unlock(&lock);
        checkpoint(path);
        free(path);
        pthread_mutex_lock(&lock);
    }
    return NULL;
}

/* The writer's WAL hook, called after each of its commits with the WAL's
 * size in pages. */
static int wal_hook(void *arg, sqlite3 *db, const char *schema, int pages)
{
    (void)arg;
    sqlite3_filename file = sqlite3_db_filename(db, "main");
    if (strcmp(schema, "main") != 0 || file == NULL || *file == '\0') {
        return SQLITE_OK;
    }
    if (pages >= CHECKPOINT_INLINE_PAGES) {
        (void)sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        return SQLITE_OK;
    }
    pthread_mutex_lock(&lock);
    if (pages < next_mark) {
        if (pages < CHECKPOINT_PAGES) {
            next_mark = CHECKPOINT_PAGES; /* the WAL started again */
        }
        pthread_mutex_unlock(&lock);
        return SQLITE_OK;
    }
    next_mark = pages + CHECKPOINT_PAGES;
    if (!started) {
        pthread_t t;
        started = pthread_create(&t, NULL, checkpoint_thread, NULL) == 0;
        if (started) {
            pthread_detach(t);
        }
    }
    if (!started) {
        /* No thread: checkpoint here, as SQLite would have. */
        pthread_mutex_unlock(&lock);
        (void)sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        return SQLITE_OK;
    }
    if (wanted == NULL) {
        wanted = mc_xstrdup(file);
        pthread_cond_signal(&wanted_cond);
    }
    pthread_mutex_unlock(&lock);
    return SQLITE_OK;
}

void store_checkpoint_in_background(struct store *writer)
{
    sqlite3_wal_hook(writer->db, wal_hook, NULL);
}
