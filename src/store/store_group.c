/* Group commit over the shared writer connection (store.h store_write).
 *
 * A thread that submits work queues it; if no thread is leading, it leads:
 * it takes every queued work for the same writer, runs them one after the
 * other in one BEGIN IMMEDIATE … COMMIT on the writer (each in a SAVEPOINT,
 * on its submitter's struct store swapped onto the writer, as store_begin
 * does), commits once, then marks them done and wakes their submitters.
 * Works queued while it commits form the next group, led by one of their
 * submitters. A submitter waits without holding any lock, so the leader may
 * use its struct store, its request arena and its err.
 *
 * The sync is not made under the writer. With synchronous=FULL asked for,
 * the group's COMMIT runs with synchronous=NORMAL (the WAL frames are
 * written, not synced; the connection goes back to FULL before the writer
 * lock is released, for every other transaction), the leader hands the
 * writer to the next group and only then calls fdatasync on the WAL file;
 * its works are acknowledged after that returns. fdatasync covers every
 * frame written before it, so an acknowledged work is as durable as with
 * SQLite's own sync at COMMIT, and the next group's statements run on one
 * core while this group's frames go to the disk. While that sync runs, the
 * next leader keeps its transaction open and takes the works that arrive
 * (take_more), committing when the disk is free: groups grow with the
 * disk's latency instead of syncs queueing behind each other. A reader may
 * see a committed work before it is acknowledged (as it may between
 * SQLite's COMMIT and the answer anyway); a later work that depends on it
 * is acknowledged after its own sync, which covers both.
 *
 * Each submitter waits on its own condition: the leader wakes the works it
 * committed and, when more are queued, the first of them to lead the next
 * group, and nobody else. One condition shared by all (a broadcast after
 * every group) woke every waiting thread to find most of them not done,
 * about two futex calls and a context switch more per transition. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "base/log.h"
#include "store/store_int.h"

struct work {
    struct store *st;
    store_work_fn *fn;
    void *ctx;
    struct mc_err *err;
    enum mc_status rc;
    bool taken; /* in a group: it only waits for done */
    bool done;
    bool broken;         /* its savepoint could not be rolled back */
    pthread_cond_t wake; /* done, or it is the queue's head and may lead */
    char request_id[40]; /* the submitter's, for the lines the work logs */
    struct work *next;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static struct work *queue;
static struct work **queue_end = &queue;
static bool leading;
static pthread_cond_t leader_wake = PTHREAD_COND_INITIALIZER; /* a work queued, a sync over */
static int syncs_running;
/* The most works one transaction takes while waiting for the disk. */
enum { GROUP_MAX = 64 };
static uint64_t works_committed, commits;

/* A cached statement stepped once (err may be NULL). */
static enum mc_status step_sql(struct store *st, const char *sql, struct mc_err *err)
{
    struct mc_err ignore;
    sqlite3_stmt *s = store_stmt(st, sql, err ? err : &ignore);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_exec_stmt(st, s, sql, err ? err : &ignore);
}

/* Unlink the queued works that share `writer`, in arrival order. */
static struct work *take_group(const struct store *writer)
{
    struct work *group = NULL, **group_end = &group;
    struct work **link = &queue;
    while (*link) {
        struct work *w = *link;
        if (w->st->writer == writer) {
            *link = w->next;
            w->next = NULL;
            w->taken = true;
            *group_end = w;
            group_end = &w->next;
        } else {
            link = &w->next;
        }
    }
    queue_end = link;
    return group;
}

/* One work in its savepoint, on its own struct store holding the writer,
 * logging under its submitter's request id. */
static void run_work(struct work *w)
{
    struct store *st = w->st;
    char leader_id[40];
    snprintf(leader_id, sizeof(leader_id), "%s", mc_log_request_id());
    mc_log_set_request_id(w->request_id);
    store_swap_writer(st);
    st->in_tx = true;
    enum mc_status rc = step_sql(st, "SAVEPOINT work", w->err);
    if (rc == MC_OK) {
        rc = w->fn(st, w->ctx, w->err);
        if (rc == MC_OK) {
            rc = step_sql(st, "RELEASE work", w->err);
        }
        if (rc != MC_OK) {
            w->broken = step_sql(st, "ROLLBACK TO work", NULL) != MC_OK ||
                        step_sql(st, "RELEASE work", NULL) != MC_OK;
        }
    }
    st->in_tx = false;
    store_swap_writer(st);
    mc_log_set_request_id(leader_id);
    w->rc = rc;
}

/* Every work of the group up to `last` that had succeeded fails with err. */
static void fail_done(struct work *group, const struct work *last, const struct mc_err *err)
{
    for (struct work *w = group; w; w = w->next) {
        if (w->rc == MC_OK) {
            w->rc = err->code;
            *w->err = *err;
        }
        if (w == last) {
            break;
        }
    }
}

/* The WAL file of the writer (opened once), or -1 when the group should
 * commit with the connection's own syncs: synchronous=NORMAL was asked for
 * (nothing to sync), or the database has no WAL file of its own. */
static int wal_fd(struct store *writer)
{
    if (!writer->sync_full) {
        return -1;
    }
    if (writer->wal_fd < 0) {
        sqlite3_filename db = sqlite3_db_filename(writer->db, "main");
        const char *wal = db && *db ? sqlite3_filename_wal(db) : NULL;
        if (wal && *wal) {
            writer->wal_fd = open(wal, O_RDONLY | O_CLOEXEC);
        }
        if (writer->wal_fd >= 0) {
            store_checkpoint_in_background(writer);
        }
    }
    return writer->wal_fd;
}

/* Runs `from` and the works after it in the group's open transaction;
 * *rc becomes the group's failure, if any. */
static void run_works(struct store *writer, struct work *group, struct work *from,
                      enum mc_status *rc, struct mc_err *gerr)
{
    for (struct work *w = from; w; w = w->next) {
        if (*rc != MC_OK) {
            w->rc = *rc;
            *w->err = *gerr;
            continue;
        }
        run_work(w);
        if (sqlite3_get_autocommit(writer->db) || w->broken) {
            /* SQLite rolled the whole transaction back (I/O error, full
             * disk), or a failed work's writes could not be undone alone:
             * nothing of the group commits. */
            *rc = mc_fail(gerr, MC_ESTORE, "the write transaction was rolled back by the database");
            if (!sqlite3_get_autocommit(writer->db)) {
                (void)step_sql(writer, "ROLLBACK", NULL);
            }
            fail_done(group, w, gerr);
        }
    }
}

/* While the previous group's WAL sync runs, the works queued for this
 * writer, to join the open transaction: the COMMIT waits for the disk to be
 * free rather than queueing a sync behind it, so a group grows with the
 * disk's latency. NULL when the sync is over and nothing is queued (or the
 * group is full). */
static struct work *take_more(const struct store *writer, size_t have)
{
    if (have >= GROUP_MAX) {
        return NULL;
    }
    pthread_mutex_lock(&queue_lock);
    for (;;) {
        bool queued = false;
        for (struct work *w = queue; w && !queued; w = w->next) {
            queued = w->st->writer == writer;
        }
        if (queued || syncs_running == 0) {
            break;
        }
        pthread_cond_wait(&leader_wake, &queue_lock);
    }
    struct work *more = take_group(writer);
    pthread_mutex_unlock(&queue_lock);
    return more;
}

/* The works committed (0 when the group failed as a whole). With *sync_fd
 * >= 0 the COMMIT ran with synchronous=NORMAL: it wrote the group's WAL
 * frames without syncing them, and nothing of the group may be
 * acknowledged before the caller's fdatasync(*sync_fd) has returned. */
static uint64_t run_group(struct work *group, int *sync_fd)
{
    struct store *writer = group->st->writer;
    struct mc_err gerr;
    mc_err_clear(&gerr);
    store_writer_lock();
    *sync_fd = wal_fd(writer);
    if (*sync_fd >= 0 && step_sql(writer, "PRAGMA synchronous=NORMAL", NULL) != MC_OK) {
        *sync_fd = -1;
    }
    enum mc_status rc = step_sql(writer, "BEGIN IMMEDIATE", &gerr);
    if (rc == MC_OK) {
        store_begin_hook_run(writer);
    }
    run_works(writer, group, group, &rc, &gerr);
    struct work *tail = group;
    size_t n = 1;
    while (tail->next) {
        tail = tail->next;
        n++;
    }
    for (struct work *more; *sync_fd >= 0 && (more = take_more(writer, n)) != NULL;) {
        tail->next = more;
        run_works(writer, group, more, &rc, &gerr);
        while (tail->next) {
            tail = tail->next;
            n++;
        }
    }
    uint64_t ok = 0;
    if (rc == MC_OK) {
        rc = step_sql(writer, "COMMIT", &gerr);
        if (rc != MC_OK) {
            (void)step_sql(writer, "ROLLBACK", NULL);
            fail_done(group, NULL, &gerr);
        }
        for (struct work *w = group; rc == MC_OK && w; w = w->next) {
            ok += w->rc == MC_OK;
        }
    }
    if (*sync_fd >= 0 && step_sql(writer, "PRAGMA synchronous=FULL", &gerr) != MC_OK) {
        /* Every later transaction on the writer would lose its sync. */
        mc_assert_fail("cannot restore synchronous=FULL on the writer", __FILE__, __LINE__);
    }
    store_writer_unlock();
    return ok;
}

/* Makes the group's commit durable (run_group's sync_fd); a work that had
 * succeeded fails when the sync does. */
static uint64_t sync_group(struct work *group, int fd, uint64_t ok)
{
    if (fd < 0 || ok == 0 || fdatasync(fd) == 0) {
        return ok;
    }
    struct mc_err serr;
    mc_err_clear(&serr);
    mc_fail(&serr, MC_ESTORE, "the write could not be made durable (fdatasync failed)");
    fail_done(group, NULL, &serr);
    return 0;
}

enum mc_status store_write(struct store *st, store_work_fn *fn, void *ctx, struct mc_err *err)
{
    MC_ASSERT(!st->in_tx);
    if (st->writer == NULL) {
        enum mc_status rc = store_begin(st, err);
        if (rc != MC_OK) {
            return rc;
        }
        rc = fn(st, ctx, err);
        if (rc != MC_OK) {
            store_rollback(st);
            return rc;
        }
        return store_commit(st, err);
    }
    struct work me = { .st = st, .fn = fn, .ctx = ctx, .err = err, .rc = MC_OK };
    snprintf(me.request_id, sizeof(me.request_id), "%s", mc_log_request_id());
    pthread_cond_init(&me.wake, NULL);
    pthread_mutex_lock(&queue_lock);
    *queue_end = &me;
    queue_end = &me.next;
    if (leading) {
        pthread_cond_signal(&leader_wake); /* it may be waiting to take more */
    }
    while (!me.done) {
        if (leading || me.taken) {
            /* Its group's leader may be syncing with the writer released. */
            pthread_cond_wait(&me.wake, &queue_lock);
            continue;
        }
        leading = true;
        struct work *group = take_group(st->writer);
        pthread_mutex_unlock(&queue_lock);
        int fd = -1;
        uint64_t ok = run_group(group, &fd);
        pthread_mutex_lock(&queue_lock);
        /* The writer is free: the next group may run while this one's WAL
         * frames go to the disk. */
        leading = false;
        bool sync = fd >= 0 && ok > 0;
        syncs_running += sync;
        if (queue) {
            pthread_cond_signal(&queue->wake);
        }
        pthread_mutex_unlock(&queue_lock);
        ok = sync_group(group, fd, ok);
        pthread_mutex_lock(&queue_lock);
        if (sync) {
            syncs_running--;
            pthread_cond_broadcast(&leader_wake);
        }
        works_committed += ok;
        commits += ok > 0;
        while (group) {
            struct work *next = group->next; /* group is freed once done */
            group->done = true;
            if (group != &me) {
                pthread_cond_signal(&group->wake);
            }
            group = next;
        }
    }
    pthread_mutex_unlock(&queue_lock);
    pthread_cond_destroy(&me.wake);
    return me.rc;
}

void store_write_stats(uint64_t *works, uint64_t *n_commits)
{
    pthread_mutex_lock(&queue_lock);
    *works = works_committed;
    *n_commits = commits;
    pthread_mutex_unlock(&queue_lock);
}
