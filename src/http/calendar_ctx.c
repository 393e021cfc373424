/* The calendar in force: an atomic pointer to an immutable calendar; the
 * ones replaced are kept until exit (requests may still hold them). */
#include "http/calendar_ctx.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "store/store_calendar.h"
#include "store/store_reschedule.h"

static _Atomic(struct cal *) current;
static _Atomic(bool) current_agency;
static pthread_mutex_t built_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cal **built; /* every calendar made, for shutdown */
static size_t nbuilt, capbuilt;
static char load_error[512];
static _Atomic(int64_t) current_change; /* calendar_changes.id in force, 0: none */

static void keep(struct cal *c)
{
    if (nbuilt == capbuilt) {
        capbuilt = capbuilt ? capbuilt * 2 : 4;
        built = mc_xrealloc(built, capbuilt * sizeof(*built));
    }
    built[nbuilt++] = c;
}

enum mc_status http_calendar_build(const char *text, struct cal **out, struct mc_err *err)
{
    bool has = text != NULL && text[0] != '\0';
    *out = NULL;
    return cal_load(has ? HTTP_AGENCY_CAL_NAME : NULL, has ? text : NULL, has ? strlen(text) : 0,
                    out, err);
}

void http_calendar_use(struct cal *c, bool agency, int64_t change)
{
    pthread_mutex_lock(&built_lock);
    bool known = false;
    for (size_t i = 0; i < nbuilt && !known; i++) {
        known = built[i] == c;
    }
    if (!known) {
        keep(c);
    }
    atomic_store(&current_agency, agency);
    atomic_store(&current_change, change);
    atomic_store(&current, c);
    load_error[0] = '\0';
    pthread_mutex_unlock(&built_lock);
}

int64_t http_calendar_change(void)
{
    return atomic_load(&current_change);
}

enum mc_status http_calendar(const struct cal **out, bool *agency, struct mc_err *err)
{
    struct cal *c = atomic_load(&current);
    if (c == NULL) {
        /* Not loaded at start (a tool or test without serve): national. */
        enum mc_status rc = MC_OK;
        struct mc_err why;
        mc_err_clear(&why);
        pthread_mutex_lock(&built_lock);
        c = atomic_load(&current);
        if (c == NULL) {
            rc = http_calendar_build(NULL, &c, &why);
            if (rc == MC_OK) {
                keep(c);
                atomic_store(&current, c);
            }
        }
        pthread_mutex_unlock(&built_lock);
        if (rc != MC_OK) {
            /* The embedded data is tested at build time; this is a bug. */
            return mc_fail(err, MC_EINTERNAL, "the calendar data does not load: %s", why.msg);
        }
    }
    *out = c;
    if (agency) {
        *agency = atomic_load(&current_agency);
    }
    return MC_OK;
}

/* The stored file into force, as of calendar change `change`. */
static void load_stored(struct store *st, int64_t change)
{
    struct mc_err err;
    mc_err_clear(&err);
    struct store_agency_calendar a;
    enum mc_status rc = store_agency_calendar_get(st, &a, &err);
    if (rc == MC_OK) {
        struct cal *c = NULL;
        rc = http_calendar_build(a.text, &c, &err);
        if (rc == MC_OK) {
            http_calendar_use(c, a.text != NULL && a.text[0] != '\0', change);
        }
        store_agency_calendar_release(&a);
    }
    if (rc != MC_OK) {
        atomic_store(&current_change, change); /* not tried again at every write */
        pthread_mutex_lock(&built_lock);
        snprintf(load_error, sizeof(load_error), "%s", err.msg);
        pthread_mutex_unlock(&built_lock);
        mc_log(MC_LOG_ERROR, "the stored agency calendar does not load; national calendar in force",
               "error=\"%s\"", err.msg);
    }
}

void http_calendar_load(struct store *st)
{
    struct mc_err err;
    mc_err_clear(&err);
    int64_t change = 0;
    if (store_calendar_change_last(st, &change, &err) != MC_OK) {
        mc_log(MC_LOG_ERROR, "cannot read the calendar changes", "error=\"%s\"", err.msg);
    }
    load_stored(st, change);
    store_set_begin_hook(http_calendar_on_begin);
}

void http_calendar_on_begin(struct store *st)
{
    /* One seek to the last row of a small table; PRAGMA data_version would
     * cost as much and is per connection (the escalation sweep writes on
     * its own). */
    struct mc_err err;
    mc_err_clear(&err);
    int64_t change = 0;
    if (store_calendar_change_last(st, &change, &err) != MC_OK ||
        change == atomic_load(&current_change)) {
        return;
    }
    mc_log(MC_LOG_INFO, "agency calendar changed by another process; now in force", "change=%lld",
           (long long)change);
    load_stored(st, change);
}

const char *http_calendar_load_error(void)
{
    return load_error;
}

int64_t http_calendar_minutes_add(void *ctx, int64_t instant, int64_t working_minutes)
{
    (void)ctx;
    const struct cal *c = NULL;
    if (http_calendar(&c, NULL, NULL) != MC_OK) {
        return instant;
    }
    return cal_minutes_add((void *)c, instant, working_minutes);
}

int64_t http_calendar_minutes_between(void *ctx, int64_t a, int64_t b)
{
    (void)ctx;
    const struct cal *c = NULL;
    if (http_calendar(&c, NULL, NULL) != MC_OK) {
        return 0;
    }
    return cal_minutes_between((void *)c, a, b);
}

void http_calendar_shutdown(void)
{
    pthread_mutex_lock(&built_lock);
    for (size_t i = 0; i < nbuilt; i++) {
        cal_free(built[i]);
    }
    free(built);
    built = NULL;
    nbuilt = capbuilt = 0;
    atomic_store(&current, NULL);
    pthread_mutex_unlock(&built_lock);
}
