#include "core/handover.h"

#include <stdbool.h>
#include <string.h>

/* A bounded writer: once full it stays full, checked once at the end. */
struct writer {
    uint8_t *buf;
    size_t cap;
    size_t len;
    bool over;
};

static void put(struct writer *w, const void *p, size_t n)
{
    if (w->over || n > w->cap - w->len) {
        w->over = true;
        return;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_u64(struct writer *w, uint64_t v)
{
    uint8_t b[8];
    for (int i = 7; i >= 0; i--) {
        b[i] = (uint8_t)(v & 0xff);
        v >>= 8;
    }
    put(w, b, 8);
}

static void put_u32(struct writer *w, uint32_t v)
{
    uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
    put(w, b, 4);
}

static void put_str(struct writer *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_u32(w, (uint32_t)n);
    put(w, s ? s : "", n);
}

static bool name_ok(const char *s)
{
    return s == NULL || strlen(s) <= ENG_HANDOVER_NAME_MAX;
}

enum mc_status eng_handover_bytes(const struct eng_handover *ev, uint8_t *buf, size_t cap,
                                  size_t *len, struct mc_err *err)
{
    if (ev->note && strlen(ev->note) > ENG_HANDOVER_NOTE_MAX) {
        return mc_fail_field(err, MC_EINVAL, "note", "note longer than %d bytes",
                             ENG_HANDOVER_NOTE_MAX);
    }
    if (ev->n_attachments > ENG_HANDOVER_ATTACH_MAX) {
        return mc_fail_field(err, MC_EINVAL, "attachments", "more than %d attachments",
                             ENG_HANDOVER_ATTACH_MAX);
    }
    bool names = name_ok(ev->dossier_code) && name_ok(ev->action) && name_ok(ev->verdict) &&
                 name_ok(ev->step_from) && name_ok(ev->step_to);
    for (size_t i = 0; i < ev->n_attachments; i++) {
        names = names && name_ok(ev->attachments[i]);
    }
    if (!names) {
        return mc_fail(err, MC_EINVAL, "a name in the event is longer than %d bytes",
                       ENG_HANDOVER_NAME_MAX);
    }
    if (ev->status_before < 0 || ev->status_before > 10 || ev->status_after < 0 ||
        ev->status_after > 10) {
        return mc_fail(err, MC_EINVAL, "status outside 0–10");
    }
    struct writer w = { .buf = buf, .cap = cap };
    put(&w, "MCH1", 4);
    put_u64(&w, ev->seq);
    put_u64(&w, (uint64_t)ev->at);
    put_u64(&w, (uint64_t)ev->actor);
    put_str(&w, ev->dossier_code);
    put_u64(&w, (uint64_t)ev->from_unit);
    put_u64(&w, (uint64_t)ev->from_person);
    put_u64(&w, (uint64_t)ev->to_unit);
    put_u64(&w, (uint64_t)ev->to_person);
    put_str(&w, ev->action);
    uint8_t st[2] = { (uint8_t)ev->status_before, (uint8_t)ev->status_after };
    put(&w, st, 2);
    put_str(&w, ev->verdict);
    put_str(&w, ev->step_from);
    put_str(&w, ev->step_to);
    put_str(&w, ev->note);
    put_u32(&w, (uint32_t)ev->n_attachments);
    for (size_t i = 0; i < ev->n_attachments; i++) {
        put_str(&w, ev->attachments[i]);
    }
    put(&w, ev->prev_hash, ENG_HASH_LEN);
    if (w.over) {
        return mc_fail(err, MC_EINVAL, "event buffer too small");
    }
    *len = w.len;
    return MC_OK;
}

static enum mc_status hash_event(const struct eng_handover *ev, eng_hash_fn *hash, void *ctx,
                                 uint8_t out[ENG_HASH_LEN], struct mc_err *err)
{
    /* Bounded by the field limits, so a stack buffer needs no allocation. */
    uint8_t buf[ENG_HANDOVER_BYTES_MAX];
    size_t len = 0;
    enum mc_status rc = eng_handover_bytes(ev, buf, sizeof(buf), &len, err);
    if (rc != MC_OK) {
        return rc;
    }
    hash(ctx, buf, len, out);
    return MC_OK;
}

enum mc_status eng_handover_seal(struct eng_handover *ev, const uint8_t prev_hash[ENG_HASH_LEN],
                                 eng_hash_fn *hash, void *hash_ctx, struct mc_err *err)
{
    if (prev_hash) {
        memcpy(ev->prev_hash, prev_hash, ENG_HASH_LEN);
    } else {
        memset(ev->prev_hash, 0, ENG_HASH_LEN);
    }
    return hash_event(ev, hash, hash_ctx, ev->hash, err);
}

enum mc_status eng_handover_verify(const struct eng_handover *events, size_t n, eng_hash_fn *hash,
                                   void *hash_ctx, size_t *first_bad, struct mc_err *err)
{
    static const uint8_t genesis[ENG_HASH_LEN];
    for (size_t i = 0; i < n; i++) {
        const struct eng_handover *ev = &events[i];
        *first_bad = i;
        uint64_t want_seq = i == 0 ? 1 : events[i - 1].seq + 1;
        if (ev->seq != want_seq) {
            return mc_fail(err, MC_ECONFLICT, "event %zu: sequence %llu, expected %llu", i,
                           (unsigned long long)ev->seq, (unsigned long long)want_seq);
        }
        const uint8_t *want_prev = i == 0 ? genesis : events[i - 1].hash;
        if (memcmp(ev->prev_hash, want_prev, ENG_HASH_LEN) != 0) {
            return mc_fail(err, MC_ECONFLICT,
                           "event %zu (seq %llu): link to the previous event broken", i,
                           (unsigned long long)ev->seq);
        }
        uint8_t h[ENG_HASH_LEN];
        struct mc_err inner = { 0 };
        if (hash_event(ev, hash, hash_ctx, h, &inner) != MC_OK) {
            return mc_fail(err, MC_ECONFLICT, "event %zu (seq %llu): %s", i,
                           (unsigned long long)ev->seq, inner.msg);
        }
        if (memcmp(h, ev->hash, ENG_HASH_LEN) != 0) {
            return mc_fail(err, MC_ECONFLICT,
                           "event %zu (seq %llu): content does not match its hash", i,
                           (unsigned long long)ev->seq);
        }
    }
    *first_bad = n;
    return MC_OK;
}
