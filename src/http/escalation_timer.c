/* Background escalation sweep (see escalation_timer.h). */
#include "http/escalation_timer.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "engine/engine_recur.h"
#include "http/engine_ctx.h"
#include "store/store.h"

struct escalation_timer {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    char *db_path;
    bool sync_full;
    unsigned interval_s;
};

static void sweep(struct escalation_timer *t, struct store *st)
{
    const struct engine *e;
    struct mc_err err;
    mc_err_clear(&err);
    int64_t fired = 0;
    if (http_engine(&e, &err) != MC_OK) {
        mc_log(MC_LOG_ERROR, "escalation sweep failed", "error=\"%s\"", err.msg);
        return;
    }
    if (engine_escalate(e, st, (int64_t)time(NULL) / 60, &fired, &err) != MC_OK) {
        mc_log(MC_LOG_ERROR, "escalation sweep failed", "error=\"%s\" detail=\"%s\"", err.msg,
               err.detail);
        mc_err_clear(&err);
    }
    (void)t;
    if (fired > 0) {
        mc_log(MC_LOG_INFO, "escalation", "notifications=%lld", (long long)fired);
    }
    /* Recurring internal tasks: the periods whose opening day has come. */
    struct engine_recur_report rep;
    if (engine_recur_sweep(e, st, (int64_t)time(NULL) / 60, &rep, &err) != MC_OK) {
        mc_log(MC_LOG_ERROR, "recurrence sweep failed", "error=\"%s\" detail=\"%s\"", err.msg,
               err.detail);
        return;
    }
    if (rep.opened > 0) {
        mc_log(MC_LOG_INFO, "recurrence", "cases_opened=%lld", (long long)rep.opened);
    }
    if (rep.failed > 0) {
        mc_log(MC_LOG_ERROR, "recurrence: items not opened",
               "failed=%lld item=%s error=\"%s\" detail=\"%s\"", (long long)rep.failed,
               rep.failed_item, rep.failed_err.msg, rep.failed_err.detail);
    }
}

static void *run(void *arg)
{
    struct escalation_timer *t = arg;
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = t->sync_full;
    struct store *st = NULL;
    struct mc_err err;
    mc_err_clear(&err);
    if (store_open(t->db_path, &opt, &st, &err) != MC_OK) {
        mc_log(MC_LOG_ERROR, "escalation: cannot open the database", "error=\"%s\"", err.msg);
        return NULL;
    }
    pthread_mutex_lock(&t->lock);
    while (!t->stop) {
        pthread_mutex_unlock(&t->lock);
        sweep(t, st);
        pthread_mutex_lock(&t->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += t->interval_s;
        while (!t->stop && pthread_cond_timedwait(&t->wake, &t->lock, &until) != ETIMEDOUT) {
        }
    }
    pthread_mutex_unlock(&t->lock);
    store_close(st);
    return NULL;
}

struct escalation_timer *escalation_timer_start(const char *db_path, bool sync_full,
                                                unsigned interval_s)
{
    if (interval_s == 0) {
        return NULL;
    }
    struct escalation_timer *t = mc_xcalloc(1, sizeof(*t));
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->wake, NULL);
    t->db_path = mc_xstrdup(db_path);
    t->sync_full = sync_full;
    t->interval_s = interval_s;
    if (pthread_create(&t->thread, NULL, run, t) != 0) {
        mc_log(MC_LOG_ERROR, "escalation: cannot start the thread", NULL);
        pthread_cond_destroy(&t->wake);
        pthread_mutex_destroy(&t->lock);
        free(t->db_path);
        free(t);
        return NULL;
    }
    return t;
}

void escalation_timer_stop(struct escalation_timer *t)
{
    if (t == NULL) {
        return;
    }
    pthread_mutex_lock(&t->lock);
    t->stop = true;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->thread, NULL);
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->lock);
    free(t->db_path);
    free(t);
}
