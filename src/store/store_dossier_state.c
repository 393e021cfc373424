/* The engine state of a dossier as a blob: "MCD1", then every field of
 * struct eng_dossier in a fixed order, integers as 8 little-endian bytes,
 * strings as a 1-byte length and their bytes. A fixed layout of our own
 * (not the struct's memory image) so that a compiler or a struct change
 * cannot silently reinterpret stored dossiers; a new layout gets a new
 * magic. "MCD2" (gateways) appends the open parallel block: the join key,
 * the branch count and each branch's step, role, unit, holder, clock and
 * done flag. "MCD1" blobs (written before) still read, with no block. */
#include <string.h>

#include "store/store_dossier.h"

struct wr {
    uint8_t *p;
    size_t n;
};

static void put_i64(struct wr *w, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) {
        w->p[w->n++] = (uint8_t)(u >> (8 * i));
    }
}

static void put_str(struct wr *w, const char *s, size_t cap)
{
    size_t len = strnlen(s, cap - 1);
    w->p[w->n++] = (uint8_t)len;
    memcpy(w->p + w->n, s, len);
    w->n += len;
}

static void put_clock(struct wr *w, const struct eng_clock *c)
{
    put_i64(w, c->state);
    put_i64(w, c->budget);
    put_i64(w, c->consumed);
    put_i64(w, c->running_since);
    put_i64(w, c->waited);
    put_i64(w, c->paused_since);
}

size_t store_state_pack(const struct eng_dossier *d, uint8_t *buf)
{
    struct wr w = { buf, 0 };
    memcpy(buf, "MCD2", 4);
    w.n = 4;
    put_i64(&w, d->status);
    put_i64(&w, d->stage);
    put_i64(&w, d->channel);
    put_str(&w, d->ruleset, sizeof(d->ruleset));
    put_i64(&w, d->desk_unit);
    put_i64(&w, d->submitted_at);
    put_i64(&w, d->received_at);
    put_i64(&w, d->transfer_by);
    put_i64(&w, d->legal_due_at);
    put_i64(&w, d->due_at);
    put_i64(&w, d->first_due_at);
    put_clock(&w, &d->clock);
    put_clock(&w, &d->step_clock);
    put_str(&w, d->step, sizeof(d->step));
    put_i64(&w, d->step_unit);
    put_i64(&w, d->holder);
    put_i64(&w, (int64_t)d->path_len);
    for (size_t i = 0; i < d->path_len && i < ENG_PATH_MAX; i++) {
        put_str(&w, d->path[i], ENG_KEY_MAX);
    }
    put_i64(&w, (int64_t)d->n_consults);
    for (size_t i = 0; i < d->n_consults && i < ENG_CONSULT_MAX; i++) {
        put_i64(&w, d->consults[i].unit);
        put_i64(&w, d->consults[i].deadline);
        put_i64(&w, d->consults[i].answered_at);
    }
    put_str(&w, d->other_agency, sizeof(d->other_agency));
    put_i64(&w, d->other_agency_due);
    put_i64(&w, d->apologies);
    put_i64(&w, d->apology_at);
    put_i64(&w, d->desk_supplements);
    put_i64(&w, d->supplement_requests);
    put_i64(&w, d->supplement_since);
    put_i64(&w, d->supplement_wait);
    put_i64(&w, d->approved);
    put_i64(&w, d->finished_at);
    put_i64(&w, d->verdict);
    put_str(&w, d->late_step, sizeof(d->late_step));
    put_i64(&w, d->late_person);
    put_str(&w, d->join, sizeof(d->join));
    put_i64(&w, (int64_t)d->n_branches);
    for (size_t i = 0; i < d->n_branches && i < ENG_BRANCH_MAX; i++) {
        const struct eng_branch *b = &d->branches[i];
        put_str(&w, b->step, sizeof(b->step));
        put_i64(&w, b->role);
        put_i64(&w, b->unit);
        put_i64(&w, b->holder);
        put_clock(&w, &b->clock);
        put_i64(&w, b->done);
    }
    return w.n;
}

struct rd {
    const uint8_t *p;
    size_t len, n;
    bool bad;
};

static int64_t get_i64(struct rd *r)
{
    if (r->bad || r->len - r->n < 8) {
        r->bad = true;
        return 0;
    }
    uint64_t u = 0;
    for (int i = 0; i < 8; i++) {
        u |= (uint64_t)r->p[r->n++] << (8 * i);
    }
    return (int64_t)u;
}

static int64_t get_range(struct rd *r, int64_t lo, int64_t hi)
{
    int64_t v = get_i64(r);
    if (v < lo || v > hi) {
        r->bad = true;
        return lo;
    }
    return v;
}

static void get_str(struct rd *r, char *out, size_t cap)
{
    out[0] = '\0';
    if (r->bad || r->n >= r->len) {
        r->bad = true;
        return;
    }
    size_t l = r->p[r->n++];
    if (l >= cap || r->len - r->n < l || memchr(r->p + r->n, '\0', l) != NULL) {
        r->bad = true;
        return;
    }
    memcpy(out, r->p + r->n, l);
    out[l] = '\0';
    r->n += l;
}

static void get_clock(struct rd *r, struct eng_clock *c)
{
    c->state = (enum eng_clock_state)get_range(r, ENG_CLOCK_IDLE, ENG_CLOCK_STOPPED);
    c->budget = get_range(r, 0, INT64_MAX);
    c->consumed = get_range(r, 0, INT64_MAX);
    c->running_since = get_i64(r);
    c->waited = get_range(r, 0, INT64_MAX);
    c->paused_since = get_i64(r);
}

enum mc_status store_state_unpack(const uint8_t *buf, size_t len, struct eng_dossier *d,
                                  struct mc_err *err)
{
    eng_dossier_init(d);
    bool v2 = len >= 4 && memcmp(buf, "MCD2", 4) == 0;
    if (len < 4 || (!v2 && memcmp(buf, "MCD1", 4) != 0)) {
        return mc_fail(err, MC_EINVAL, "dossier state: unknown format");
    }
    struct rd r = { buf, len, 4, false };
    d->status = (enum eng_status)get_range(&r, ENG_ST_NONE, ENG_ST_RETURNED);
    d->stage = (enum eng_stage)get_range(&r, ENG_STAGE_NONE, ENG_STAGE_AT_DESK);
    d->channel = (enum eng_channel)get_range(&r, 0, ENG_CHANNEL_POST);
    get_str(&r, d->ruleset, sizeof(d->ruleset));
    d->desk_unit = get_i64(&r);
    d->submitted_at = get_i64(&r);
    d->received_at = get_i64(&r);
    d->transfer_by = get_i64(&r);
    d->legal_due_at = get_i64(&r);
    d->due_at = get_i64(&r);
    d->first_due_at = get_i64(&r);
    get_clock(&r, &d->clock);
    get_clock(&r, &d->step_clock);
    get_str(&r, d->step, sizeof(d->step));
    d->step_unit = get_i64(&r);
    d->holder = get_i64(&r);
    d->path_len = (size_t)get_range(&r, 0, ENG_PATH_MAX);
    for (size_t i = 0; i < d->path_len; i++) {
        get_str(&r, d->path[i], ENG_KEY_MAX);
    }
    d->n_consults = (size_t)get_range(&r, 0, ENG_CONSULT_MAX);
    for (size_t i = 0; i < d->n_consults; i++) {
        d->consults[i].unit = get_i64(&r);
        d->consults[i].deadline = get_i64(&r);
        d->consults[i].answered_at = get_i64(&r);
    }
    get_str(&r, d->other_agency, sizeof(d->other_agency));
    d->other_agency_due = get_i64(&r);
    d->apologies = (int)get_range(&r, 0, 1000);
    d->apology_at = get_i64(&r);
    d->desk_supplements = (int)get_range(&r, 0, 1000000);
    d->supplement_requests = (int)get_range(&r, 0, 1000000);
    d->supplement_since = get_i64(&r);
    d->supplement_wait = get_i64(&r);
    d->approved = get_range(&r, 0, 1) != 0;
    d->finished_at = get_i64(&r);
    d->verdict = (enum eng_verdict)get_range(&r, ENG_VERDICT_NONE, ENG_VERDICT_LATE);
    get_str(&r, d->late_step, sizeof(d->late_step));
    d->late_person = get_i64(&r);
    if (v2) {
        get_str(&r, d->join, sizeof(d->join));
        d->n_branches = (size_t)get_range(&r, 0, ENG_BRANCH_MAX);
        for (size_t i = 0; i < d->n_branches; i++) {
            struct eng_branch *b = &d->branches[i];
            get_str(&r, b->step, sizeof(b->step));
            b->role = (enum core_role)get_range(&r, 0, ROLE_COUNT - 1);
            b->unit = get_i64(&r);
            b->holder = get_i64(&r);
            get_clock(&r, &b->clock);
            b->done = get_range(&r, 0, 1) != 0;
        }
    }
    if (r.bad || r.n != len) {
        eng_dossier_init(d);
        return mc_fail(err, MC_EINVAL, "dossier state: truncated or malformed");
    }
    return MC_OK;
}
