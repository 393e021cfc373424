/* Form numbers (store_form_number.h). The common case, a reprint, only
 * reads; the first print writes the next number of its series with one
 * INSERT … SELECT max + 1, which SQLite runs under its write lock, so two
 * first prints never draw the same number, and the UNIQUE key of the event
 * makes a second first print of the same form a no-op. */
#include "store/store_form_number.h"

#include <stddef.h>
#include <string.h>

#include "store/store_int.h"

/* The number already given to the event's form and its ký hiệu ("" when
 * NULL); *found false when none. */
static enum mc_status lookup(struct store *st, const char *form, int64_t dossier, int64_t event_seq,
                             int64_t *number, char *printed, size_t cap, bool *found,
                             struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT number, coalesce(symbol, '') FROM form_numbers"
                                 " WHERE form = ?1 AND dossier = ?2 AND event_seq = ?3",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, form);
    store_bind_i64(s, 2, dossier);
    store_bind_i64(s, 3, event_seq);
    int r = sqlite3_step(s);
    *found = r == SQLITE_ROW;
    if (*found) {
        *number = sqlite3_column_int64(s, 0);
        const char *sym = (const char *)sqlite3_column_text(s, 1);
        size_t n = sym ? strlen(sym) : 0;
        n = n < cap ? n : cap - 1;
        memcpy(printed, sym ? sym : "", n);
        printed[n] = '\0';
    }
    sqlite3_reset(s);
    return r == SQLITE_ROW || r == SQLITE_DONE ? MC_OK
                                               : store_fail_db(st, err, "reading a form number");
}

struct allocation {
    const char *form;
    int64_t dossier, event_seq, now;
    int year;
    const char *symbol;
    int64_t number;
    char *printed;
    size_t cap;
};

static enum mc_status allocate(struct store *st, void *ctx, struct mc_err *err)
{
    struct allocation *a = ctx;
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT OR IGNORE INTO form_numbers (form, year, number, dossier, event_seq, created_at,"
        " symbol) SELECT ?1, ?2, coalesce(max(number), 0) + 1, ?3, ?4, ?5, ?6 FROM form_numbers"
        " WHERE form = ?1 AND year = ?2",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, a->form);
    store_bind_i64(s, 2, a->year);
    store_bind_i64(s, 3, a->dossier);
    store_bind_i64(s, 4, a->event_seq);
    store_bind_i64(s, 5, a->now);
    store_bind_text(s, 6, a->symbol);
    enum mc_status rc = store_exec_stmt(st, s, "numbering a form", err);
    bool found = false;
    if (rc == MC_OK) {
        rc = lookup(st, a->form, a->dossier, a->event_seq, &a->number, a->printed, a->cap, &found,
                    err);
    }
    if (rc == MC_OK && !found) {
        rc = mc_fail(err, MC_EINTERNAL, "the form number was not written");
    }
    return rc;
}

enum mc_status store_form_number(struct store *st, const char *form, int64_t dossier,
                                 int64_t event_seq, int year, const char *symbol, int64_t now,
                                 int64_t *number, char *printed, size_t cap, struct mc_err *err)
{
    MC_ASSERT(cap > 0);
    printed[0] = '\0';
    bool found = false;
    enum mc_status rc = lookup(st, form, dossier, event_seq, number, printed, cap, &found, err);
    if (rc != MC_OK || found) {
        return rc;
    }
    struct allocation a = { form, dossier, event_seq, now, year, symbol, 0, printed, cap };
    rc = store_write(st, allocate, &a, err);
    if (rc == MC_OK) {
        *number = a.number;
    }
    return rc;
}
