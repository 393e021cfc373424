/* The handover log, the counters, the clocks and the idempotency keys of
 * dossiers: the rows a transition writes besides the dossier itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "store/store_dossier.h"
#include "store/store_int.h"

enum mc_status store_event_last(struct store *st, int64_t dossier, uint64_t *seq,
                                uint8_t hash[ENG_HASH_LEN], struct mc_err *err)
{
    *seq = 0;
    memset(hash, 0, ENG_HASH_LEN);
    sqlite3_stmt *s = store_stmt(
        st, "SELECT seq, hash FROM events WHERE dossier = ?1 ORDER BY seq DESC LIMIT 1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        *seq = (uint64_t)sqlite3_column_int64(s, 0);
        if (sqlite3_column_bytes(s, 1) == ENG_HASH_LEN) {
            memcpy(hash, sqlite3_column_blob(s, 1), ENG_HASH_LEN);
        }
    } else if (rc != SQLITE_DONE) {
        ret = store_fail_db(st, err, "reading the handover log");
    }
    sqlite3_reset(s);
    return ret;
}

/* A JSON array of strings; the names were checked to be UTF-8 without
 * control characters where they entered. */
static char *names_json(const char *const *names, size_t n)
{
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, "[");
    for (size_t i = 0; i < n; i++) {
        mc_buf_puts(&b, i ? ",\"" : "\"");
        for (const char *p = names[i]; p && *p; p++) {
            if (*p == '"' || *p == '\\') {
                mc_buf_appendf(&b, "\\%c", *p);
            } else if ((unsigned char)*p < 0x20) {
                mc_buf_appendf(&b, "\\u%04x", (unsigned)*p);
            } else {
                mc_buf_append(&b, p, 1);
            }
        }
        mc_buf_puts(&b, "\"");
    }
    mc_buf_puts(&b, "]");
    return mc_buf_detach(&b, NULL);
}

enum mc_status store_event_append(struct store *st, int64_t dossier, const struct eng_handover *ev,
                                  int day, const char *finish, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO events (dossier, seq, at, actor, code, from_unit, from_person, to_unit,"
        " to_person, action, status_before, status_after, verdict, step_from, step_to, note,"
        " attachments, prev_hash, hash, day, finish)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20, ?21)",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    char *att = names_json(ev->attachments, ev->n_attachments);
    store_bind_i64(s, 1, dossier);
    store_bind_i64(s, 2, (int64_t)ev->seq);
    store_bind_i64(s, 3, ev->at);
    store_bind_i64(s, 4, ev->actor);
    store_bind_text(s, 5, ev->dossier_code ? ev->dossier_code : "");
    store_bind_i64(s, 6, ev->from_unit);
    store_bind_i64(s, 7, ev->from_person);
    store_bind_i64(s, 8, ev->to_unit);
    store_bind_i64(s, 9, ev->to_person);
    store_bind_text(s, 10, ev->action);
    store_bind_i64(s, 11, ev->status_before);
    store_bind_i64(s, 12, ev->status_after);
    store_bind_text(s, 13, ev->verdict ? ev->verdict : "none");
    store_bind_text(s, 14, ev->step_from ? ev->step_from : "");
    store_bind_text(s, 15, ev->step_to ? ev->step_to : "");
    store_bind_text(s, 16, ev->note ? ev->note : "");
    store_bind_text(s, 17, att);
    sqlite3_bind_blob(s, 18, ev->prev_hash, ENG_HASH_LEN, SQLITE_STATIC);
    sqlite3_bind_blob(s, 19, ev->hash, ENG_HASH_LEN, SQLITE_STATIC);
    store_bind_i64(s, 20, day);
    store_bind_text(s, 21, finish);
    enum mc_status rc = store_exec_stmt(st, s, "appending to the handover log", err);
    free(att);
    return rc;
}

static const char *arena_col(struct mc_arena *a, sqlite3_stmt *s, int col)
{
    const char *v = (const char *)sqlite3_column_text(s, col);
    return mc_arena_strdup(a, v ? v : "");
}

enum mc_status store_events_load(struct store *st, int64_t dossier, struct mc_arena *a,
                                 struct eng_handover **out, size_t *n, struct mc_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(
        st,
        "SELECT seq, at, actor, code, from_unit, from_person, to_unit, to_person, action,"
        " status_before, status_after, verdict, step_from, step_to, note,"
        " (SELECT group_concat(value, char(1)) FROM json_each(attachments)),"
        " json_array_length(attachments), prev_hash, hash"
        " FROM events WHERE dossier = ?1 ORDER BY seq",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    size_t cap = 0;
    struct eng_handover *v = NULL;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            struct eng_handover *nv = mc_arena_alloc(a, ncap * sizeof(*nv));
            if (*n) {
                memcpy(nv, v, *n * sizeof(*nv));
            }
            v = nv;
            cap = ncap;
        }
        struct eng_handover *e = &v[(*n)++];
        memset(e, 0, sizeof(*e));
        e->seq = (uint64_t)sqlite3_column_int64(s, 0);
        e->at = sqlite3_column_int64(s, 1);
        e->actor = sqlite3_column_int64(s, 2);
        e->dossier_code = arena_col(a, s, 3);
        e->from_unit = sqlite3_column_int64(s, 4);
        e->from_person = sqlite3_column_int64(s, 5);
        e->to_unit = sqlite3_column_int64(s, 6);
        e->to_person = sqlite3_column_int64(s, 7);
        e->action = arena_col(a, s, 8);
        e->status_before = sqlite3_column_int(s, 9);
        e->status_after = sqlite3_column_int(s, 10);
        e->verdict = arena_col(a, s, 11);
        e->step_from = arena_col(a, s, 12);
        e->step_to = arena_col(a, s, 13);
        e->note = arena_col(a, s, 14);
        char *att = (char *)arena_col(a, s, 15);
        int natt = sqlite3_column_int(s, 16);
        for (int i = 0; i < natt && e->n_attachments < ENG_HANDOVER_ATTACH_MAX; i++) {
            e->attachments[e->n_attachments++] = att;
            char *sep = strchr(att, '\1');
            if (sep == NULL) {
                break;
            }
            *sep = '\0';
            att = sep + 1;
        }
        if (sqlite3_column_bytes(s, 17) == ENG_HASH_LEN) {
            memcpy(e->prev_hash, sqlite3_column_blob(s, 17), ENG_HASH_LEN);
        }
        if (sqlite3_column_bytes(s, 18) == ENG_HASH_LEN) {
            memcpy(e->hash, sqlite3_column_blob(s, 18), ENG_HASH_LEN);
        }
    }
    enum mc_status ret = rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading events");
    sqlite3_reset(s);
    *out = v;
    return ret;
}

enum mc_status store_dossier_ids(struct store *st, struct mc_arena *a, int64_t **ids, size_t *n,
                                 struct mc_err *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(st, "SELECT id FROM dossiers ORDER BY id", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            int64_t *nv = mc_arena_alloc(a, ncap * sizeof(*nv));
            if (*n) {
                memcpy(nv, *ids, *n * sizeof(*nv));
            }
            *ids = nv;
            cap = ncap;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(s, 0);
    }
    enum mc_status ret = rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "listing dossiers");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_counters_add(struct store *st, int day, int64_t unit, int64_t procedure_id,
                                  int64_t officer, const struct store_counts *c, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(
        st,
        "INSERT INTO counters (day, unit, procedure_id, officer, received, in_progress, early,"
        " on_time, late, paused, online, refused, withdrawn)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        " ON CONFLICT (day, unit, procedure_id, officer) DO UPDATE SET"
        " received = received + ?5, in_progress = in_progress + ?6, early = early + ?7,"
        " on_time = on_time + ?8, late = late + ?9, paused = paused + ?10,"
        " online = online + ?11, refused = refused + ?12, withdrawn = withdrawn + ?13",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, day);
    store_bind_i64(s, 2, unit);
    store_bind_i64(s, 3, procedure_id);
    store_bind_i64(s, 4, officer);
    const int64_t v[] = { c->received, c->in_progress, c->early,   c->on_time,  c->late,
                          c->paused,   c->online,      c->refused, c->withdrawn };
    /* Most transitions (assign, forward, consult…) count nothing: no row to
     * touch, so neither the daily nor the monthly page is written. A row of
     * zeros and no row are the same to store_counters_check and the stats. */
    bool any = false;
    for (int i = 0; i < 9; i++) {
        any = any || v[i] != 0;
    }
    if (!any) {
        sqlite3_reset(s);
        return MC_OK;
    }
    for (int i = 0; i < 9; i++) {
        store_bind_i64(s, 5 + i, v[i]);
    }
    return store_exec_stmt(st, s, "updating counters", err);
}

/* The counters recounted from the events, written independently of the
 * engine's C code (src/engine/engine_counts.c) so that each checks the
 * other; keys present on either side with different sums are counted. */
#define RECOUNT                                                                                \
    "SELECT e.day AS day, d.unit AS unit, d.procedure_id AS procedure_id, e.actor AS officer," \
    " sum(e.action IN ('receive', 'accept', 'open_case')) AS received,"                        \
    " sum(e.action IN ('receive', 'accept', 'open_case')) - sum(e.finish <> 'none')"           \
    "  - sum(e.action = 'withdraw' AND e.status_before IN (2, 4, 5, 6)) AS in_progress,"       \
    " sum(e.finish = 'early') AS early, sum(e.finish = 'on_time') AS on_time,"                 \
    " sum(e.finish = 'late') AS late,"                                                         \
    " sum(e.action IN ('request_supplement', 'request_payment')) AS paused,"                   \
    " sum(e.action = 'accept') AS online, sum(e.action = 'refuse_receipt') AS refused,"        \
    " sum(e.action = 'withdraw') AS withdrawn"                                                 \
    " FROM events e JOIN dossiers d ON d.id = e.dossier GROUP BY 1, 2, 3, 4"

#define COUNTER_COLS                                                                        \
    "SELECT day, unit, procedure_id, officer, received, in_progress, early, on_time, late," \
    " paused, online, refused, withdrawn FROM counters"

enum mc_status store_counters_check(struct store *st, int64_t *mismatches, struct mc_err *err)
{
    /* Rows that are all zero on one side are absent on the other. */
    sqlite3_stmt *s = store_stmt(
        st,
        "WITH r AS (" RECOUNT "), c AS (" COUNTER_COLS "),"
        " rn AS (SELECT * FROM r WHERE received OR in_progress OR early OR on_time OR late"
        "  OR paused OR online OR refused OR withdrawn),"
        " cn AS (SELECT * FROM c WHERE received OR in_progress OR early OR on_time OR late"
        "  OR paused OR online OR refused OR withdrawn)"
        " SELECT (SELECT count(*) FROM (SELECT * FROM rn EXCEPT SELECT * FROM cn))"
        " + (SELECT count(*) FROM (SELECT * FROM cn EXCEPT SELECT * FROM rn))",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        *mismatches = sqlite3_column_int64(s, 0);
    } else {
        ret = store_fail_db(st, err, "recounting");
    }
    sqlite3_reset(s);
    if (ret != MC_OK) {
        return ret;
    }
    /* The monthly roll-up kept by the triggers against the daily rows. */
    sqlite3_stmt *m = store_stmt(
        st,
        "WITH d AS (SELECT day / 100 AS month, unit, procedure_id, sum(received), "
        " sum(in_progress), sum(early), sum(on_time), sum(late), sum(paused), sum(online),"
        " sum(refused), sum(withdrawn) FROM counters GROUP BY 1, 2, 3),"
        " m AS (SELECT month, unit, procedure_id, received, in_progress, early, on_time, late,"
        " paused, online, refused, withdrawn FROM counters_month)"
        " SELECT (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM m))"
        " + (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM d))",
        err);
    if (m == NULL) {
        return MC_ESTORE;
    }
    rc = sqlite3_step(m);
    if (rc == SQLITE_ROW) {
        *mismatches += sqlite3_column_int64(m, 0);
    } else {
        ret = store_fail_db(st, err, "recounting the months");
    }
    sqlite3_reset(m);
    return ret;
}

static const char *clock_state_key(enum eng_clock_state s)
{
    switch (s) {
    case ENG_CLOCK_IDLE:
        return "idle";
    case ENG_CLOCK_RUNNING:
        return "running";
    case ENG_CLOCK_PAUSED:
        return "paused";
    case ENG_CLOCK_STOPPED:
        return "stopped";
    }
    return "idle";
}

enum mc_status store_clock_put(struct store *st, int64_t dossier, const char *kind,
                               const char *step, const struct eng_clock *c, uint32_t fired,
                               int64_t next_rung_at, struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   /* An upsert, not INSERT OR REPLACE: the row is updated in place
                    * (REPLACE deletes it and inserts it under a new rowid, which
                    * dirties more pages of the table and both indexes). */
                   "INSERT INTO clocks (dossier, kind, step, state, budget, consumed,"
                   " running_since, paused_since, waited, fired, next_rung_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                   " ON CONFLICT (dossier, kind) DO UPDATE SET step = excluded.step,"
                   " state = excluded.state, budget = excluded.budget,"
                   " consumed = excluded.consumed, running_since = excluded.running_since,"
                   " paused_since = excluded.paused_since, waited = excluded.waited,"
                   " fired = excluded.fired, next_rung_at = excluded.next_rung_at",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_text(s, 2, kind);
    store_bind_text(s, 3, step ? step : "");
    store_bind_text(s, 4, clock_state_key(c->state));
    store_bind_i64(s, 5, c->budget);
    store_bind_i64(s, 6, c->consumed);
    if (c->state == ENG_CLOCK_RUNNING) {
        store_bind_i64(s, 7, c->running_since);
    }
    if (c->state == ENG_CLOCK_PAUSED) {
        store_bind_i64(s, 8, c->paused_since);
    }
    store_bind_i64(s, 9, c->waited);
    store_bind_i64(s, 10, fired);
    if (next_rung_at > 0) {
        store_bind_i64(s, 11, next_rung_at);
    }
    return store_exec_stmt(st, s, "writing a clock", err);
}

enum mc_status store_clocks_get(struct store *st, int64_t dossier, struct store_clock_row out[2],
                                struct mc_err *err)
{
    memset(out, 0, 2 * sizeof(*out));
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT kind = 'step', fired, next_rung_at FROM clocks"
                                 " WHERE dossier = ?1 AND kind IN ('dossier', 'step')",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct store_clock_row *row = &out[sqlite3_column_int(s, 0) ? 1 : 0];
        row->exists = true;
        row->fired = (uint32_t)sqlite3_column_int64(s, 1);
        row->next_rung_at = sqlite3_column_int64(s, 2);
    }
    enum mc_status ret = rc == SQLITE_DONE ? MC_OK : store_fail_db(st, err, "reading the clocks");
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_idem_get(struct store *st, const char *caller, const char *key, char hash[65],
                              int *status, char **response, struct mc_err *err)
{
    *response = NULL;
    sqlite3_stmt *s = store_stmt(
        st, "SELECT request_hash, status, response FROM idempotency WHERE caller = ?1 AND key = ?2",
        err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, caller);
    store_bind_text(s, 2, key);
    int rc = sqlite3_step(s);
    enum mc_status ret = MC_OK;
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(s, 0);
        snprintf(hash, 65, "%s", h ? h : "");
        *status = sqlite3_column_int(s, 1);
        *response = store_col_dup(s, 2);
    } else if (rc == SQLITE_DONE) {
        ret = mc_fail(err, MC_ENOTFOUND, "no such key");
    } else {
        ret = store_fail_db(st, err, "reading an idempotency key");
    }
    sqlite3_reset(s);
    return ret;
}

enum mc_status store_idem_put(struct store *st, const char *caller, const char *key,
                              const char *hash, int status, const char *response, int64_t now,
                              struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO idempotency (key, caller, request_hash, status,"
                                 " response, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, key);
    store_bind_text(s, 2, caller);
    store_bind_text(s, 3, hash);
    store_bind_i64(s, 4, status);
    store_bind_text(s, 5, response);
    store_bind_i64(s, 6, now);
    return store_exec_stmt(st, s, "storing an idempotency key", err);
}
