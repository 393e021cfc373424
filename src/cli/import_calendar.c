/* DIR/calendar.txt: the agency's calendar file (docs/CALENDAR.md §3) —
 * checked on top of the national data with the calendar parser (errors name
 * calendar.txt:LINE:FIELD) and stored as the agency calendar the server
 * uses. Absent, or the same text as stored: the stored calendar is left as
 * it is. A different text moves every open dossier's deadlines from the
 * calendar stored before to the new one, in the import's transaction, the
 * same way PUT /api/calendar/agency does (§3.2): recorded in
 * calendar_changes as source 'import', by the person of --by. A server
 * running on the database puts the new file in force at its next write
 * (http_calendar_on_begin). Export writes the file back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "cal/cal.h"
#include "cli/import.h"
#include "core/escalation.h"
#include "engine/engine_reschedule.h"
#include "http/calendar_ctx.h"
#include "http/engine_ctx.h"
#include "store/store_calendar.h"
#include "store/store_org.h"
#include "store/store_reschedule.h"

#define CALENDAR_FILE "calendar.txt"

/* The whole file, NUL-terminated; NULL when absent (errno ENOENT) or bad. */
static char *slurp(struct import_ctx *ctx, const char *path, bool *absent)
{
    *absent = false;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        *absent = errno == ENOENT;
        if (!*absent) {
            import_error(ctx, CALENDAR_FILE, "", "%s", strerror(errno));
        }
        return NULL;
    }
    char *text = mc_xmalloc(CAL_FILE_MAX + 2);
    size_t len = fread(text, 1, CAL_FILE_MAX + 1, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    text[len] = '\0';
    const char *why = bad                   ? "read error"
                      : len > CAL_FILE_MAX  ? "larger than 1 MiB"
                      : strlen(text) != len ? "contains a NUL character"
                                            : NULL;
    if (why) {
        import_error(ctx, CALENDAR_FILE, "", "%s", why);
        free(text);
        return NULL;
    }
    return text;
}

static struct eng_worktime worktime_of(const struct cal *c)
{
    return (struct eng_worktime){ cal_minutes_add, cal_minutes_between, (void *)c };
}

/* The calendar the stored file gave: national + it, or national alone when
 * there is none or it no longer loads (the server did the same). */
static enum mc_status stored_calendar(const char *stored, struct cal **out, struct mc_err *err)
{
    if (http_calendar_build(stored, out, err) == MC_OK) {
        return MC_OK;
    }
    mc_err_clear(err);
    return http_calendar_build(NULL, out, err);
}

/* Store `text` (already checked: `fresh`) and move the open dossiers from
 * the stored calendar to it. */
static enum mc_status store_and_reschedule(struct import_ctx *ctx, const char *text,
                                           const char *stored, const struct cal *fresh,
                                           struct mc_err *err)
{
    int64_t by = 0;
    enum mc_status rc = MC_OK;
    if (ctx->by != NULL && ctx->by[0] != '\0') {
        rc = store_person_id(ctx->st, ctx->by, &by, err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail(err, MC_EINVAL, "--by %s: no such user", ctx->by);
        }
    }
    struct cal *old = NULL;
    if (rc == MC_OK) {
        rc = stored_calendar(stored, &old, err);
    }
    int64_t now = (int64_t)time(NULL) / 60;
    if (rc == MC_OK) {
        rc = store_agency_calendar_put(ctx->st, text, by, now, err);
    }
    if (rc == MC_OK) {
        struct engine e = { .wt = worktime_of(fresh), .hash = http_handover_hash };
        e.rungs = eng_rungs_default(&e.nrungs);
        const struct eng_worktime old_wt = worktime_of(old), new_wt = worktime_of(fresh);
        struct engine_reschedule_result moved;
        rc = engine_reschedule(&e, ctx->st, &old_wt, &new_wt, now, by, STORE_CHANGE_IMPORT,
                               strlen(text), &moved, err);
        if (rc == MC_OK) {
            ctx->calendar_changed = true;
            ctx->calendar_scanned = moved.scanned;
            ctx->calendar_rescheduled = moved.rescheduled;
            ctx->calendar_appointments = moved.appointments;
        }
    }
    cal_free(old);
    return rc;
}

int import_calendar(struct import_ctx *ctx)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", ctx->dir, CALENDAR_FILE);
    bool absent;
    char *text = slurp(ctx, path, &absent);
    if (text == NULL) {
        return 0;
    }
    struct mc_err err;
    mc_err_clear(&err);
    struct cal *cal = NULL;
    struct store_agency_calendar a = { 0 };
    int loaded = 0;
    if (cal_load(CALENDAR_FILE, text, strlen(text), &cal, &err) != MC_OK) {
        import_error(ctx, CALENDAR_FILE, "", "%s", err.msg);
    } else if (store_agency_calendar_get(ctx->st, &a, &err) != MC_OK) {
        import_error(ctx, CALENDAR_FILE, "", "%s", err.msg);
    } else if (a.text != NULL && strcmp(a.text, text) == 0) {
        loaded = 1; /* as stored: nothing to move, no change recorded */
    } else if (ctx->nerrors > 0) {
        /* An earlier part failed: the import rolls back; moving the open
         * dossiers would be work thrown away. */
    } else if (store_and_reschedule(ctx, text, a.text, cal, &err) != MC_OK) {
        import_error(ctx, CALENDAR_FILE, "", "%s", err.msg);
    } else {
        loaded = 1;
    }
    store_agency_calendar_release(&a);
    cal_free(cal);
    free(text);
    return loaded;
}

int export_calendar(struct store *st, const char *dir)
{
    struct mc_err err;
    mc_err_clear(&err);
    struct store_agency_calendar a;
    if (store_agency_calendar_get(st, &a, &err) != MC_OK) {
        fprintf(stderr, "motcua export: %s\n", err.msg);
        return -1;
    }
    int rc = 0;
    if (a.text != NULL) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", dir, CALENDAR_FILE);
        FILE *f = fopen(path, "wb");
        bool ok = f != NULL && fputs(a.text, f) >= 0;
        if (f != NULL && fclose(f) != 0) {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "motcua export: %s: %s\n", path, strerror(errno));
            rc = -1;
        }
    }
    store_agency_calendar_release(&a);
    return rc;
}
