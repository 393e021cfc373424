/* The agency's calendar file: one row. */
#include "store/store_calendar.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "store/store_int.h"

enum mc_status store_agency_calendar_get(struct store *st, struct store_agency_calendar *out,
                                         struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT c.text, c.updated_at, p.username FROM agency_calendar c"
                                 " LEFT JOIN people p ON p.id = c.updated_by WHERE c.id = 1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        out->text = mc_xstrdup(t ? t : "");
        out->updated_at = sqlite3_column_int64(s, 1);
        const char *u = (const char *)sqlite3_column_text(s, 2);
        size_t n = u ? strlen(u) : 0;
        n = n < sizeof(out->updated_by) - 1 ? n : sizeof(out->updated_by) - 1;
        memcpy(out->updated_by, u ? u : "", n);
        out->updated_by[n] = '\0';
    } else if (rc != SQLITE_DONE) {
        ret = store_fail_db(st, err, "reading the agency calendar");
    }
    sqlite3_reset(s);
    return ret;
}

void store_agency_calendar_release(struct store_agency_calendar *c)
{
    free(c->text);
    c->text = NULL;
}

enum mc_status store_agency_calendar_put(struct store *st, const char *text, int64_t person,
                                         int64_t now, struct mc_err *err)
{
    sqlite3_stmt *s;
    if (text == NULL || text[0] == '\0') {
        s = store_stmt(st, "DELETE FROM agency_calendar WHERE id = 1", err);
    } else {
        s = store_stmt(st,
                       "INSERT INTO agency_calendar (id, text, updated_at, updated_by)"
                       " VALUES (1, ?1, ?2, nullif(?3, 0)) ON CONFLICT (id) DO UPDATE SET"
                       " text = excluded.text, updated_at = excluded.updated_at,"
                       " updated_by = excluded.updated_by",
                       err);
        if (s != NULL) {
            store_bind_text(s, 1, text);
            store_bind_i64(s, 2, now);
            store_bind_i64(s, 3, person);
        }
    }
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_exec_stmt(st, s, "storing the agency calendar", err);
}
