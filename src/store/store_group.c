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
 * Each submitter waits on its own condition: the leader wakes the works it
 * committed and, when more are queued, the first of them to lead the next
 * group, and nobody else. With one condition for all (a broadcast after
 * every group) every waiting thread woke to find itself not done and slept
 * again: about two futex calls more per transition. */
#include <pthread.h>
#include <stdio.h>

#include "base/log.h"
#include "store/store_int.h"

struct work {
    struct store *st;
    store_work_fn *fn;
    void *ctx;
    struct mc_err *err;
    enum mc_status rc;
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

/* The works committed (0 when the group failed as a whole). */
static uint64_t run_group(struct work *group)
{
    struct store *writer = group->st->writer;
    struct mc_err gerr;
    mc_err_clear(&gerr);
    store_writer_lock();
    enum mc_status rc = step_sql(writer, "BEGIN IMMEDIATE", &gerr);
    for (struct work *w = group; w; w = w->next) {
        if (rc != MC_OK) {
            w->rc = rc;
            *w->err = gerr;
            continue;
        }
        run_work(w);
        if (sqlite3_get_autocommit(writer->db) || w->broken) {
            /* SQLite rolled the whole transaction back (I/O error, full
             * disk), or a failed work's writes could not be undone alone:
             * nothing of the group commits. */
            rc = mc_fail(&gerr, MC_ESTORE, "the write transaction was rolled back by the database");
            if (!sqlite3_get_autocommit(writer->db)) {
                (void)step_sql(writer, "ROLLBACK", NULL);
            }
            fail_done(group, w, &gerr);
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
    store_writer_unlock();
    return ok;
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
    while (!me.done) {
        if (leading) {
            pthread_cond_wait(&me.wake, &queue_lock);
            continue;
        }
        leading = true;
        struct work *group = take_group(st->writer);
        pthread_mutex_unlock(&queue_lock);
        uint64_t ok = run_group(group);
        pthread_mutex_lock(&queue_lock);
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
        leading = false;
        if (queue) {
            /* Queued during the commit: the first one leads the next group
             * (a work of another writer, as tests have, leads its own). */
            pthread_cond_signal(&queue->wake);
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
