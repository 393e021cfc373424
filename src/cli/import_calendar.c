/* DIR/calendar.txt: the agency's calendar file (docs/CALENDAR.md §3) —
 * checked on top of the national data with the calendar parser (errors name
 * calendar.txt:LINE:FIELD) and stored as the agency calendar the server
 * uses. Absent: the stored calendar is left as it is. Export writes it back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "cal/cal.h"
#include "cli/import.h"
#include "store/store_calendar.h"

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
    int loaded = 0;
    if (cal_load(CALENDAR_FILE, text, strlen(text), &cal, &err) != MC_OK) {
        import_error(ctx, CALENDAR_FILE, "", "%s", err.msg);
    } else if (store_agency_calendar_put(ctx->st, text, 0, (int64_t)time(NULL) / 60, &err) !=
               MC_OK) {
        import_error(ctx, CALENDAR_FILE, "", "%s", err.msg);
    } else {
        loaded = 1;
    }
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
