/* Per-client rate limits over a sliding minute (rate.h). */
#include "http/rate.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

enum { RATE_SLOTS = 4096, RATE_PROBES = 8 };

/* One client's attempts in minute `window` and the one before, per kind. */
struct rate_slot {
    char client[64];
    long window; /* minute number; 0 in an unused slot */
    long count[2];
    long prev[2]; /* in minute window - 1 */
};

struct http_rate_table {
    pthread_mutex_t lock;
    struct rate_slot slots[RATE_SLOTS];
};

struct http_rate_table *http_rate_table_new(void)
{
    struct http_rate_table *t = mc_xcalloc(1, sizeof(*t));
    pthread_mutex_init(&t->lock, NULL);
    return t;
}

void http_rate_table_free(struct http_rate_table *t)
{
    if (t) {
        pthread_mutex_destroy(&t->lock);
        free(t);
    }
}

/* The client's own slot among its neighbours, else one whose counts no
 * longer matter (older than the previous minute), else the first. */
static struct rate_slot *slot_of(struct http_rate_table *t, const char *client, long window)
{
    uint32_t h = 2166136261u;
    for (const char *c = client; *c; c++) {
        h = (h ^ (unsigned char)*c) * 16777619u;
    }
    struct rate_slot *stale = NULL;
    for (size_t probe = 0; probe < RATE_PROBES; probe++) {
        struct rate_slot *s = &t->slots[(h + probe) % RATE_SLOTS];
        if (s->window >= window - 1 && strcmp(s->client, client) == 0) {
            return s;
        }
        if (stale == NULL && s->window < window - 1) {
            stale = s;
        }
    }
    struct rate_slot *s = stale ? stale : &t->slots[h % RATE_SLOTS];
    memset(s, 0, sizeof(*s));
    snprintf(s->client, sizeof(s->client), "%s", client);
    s->window = window;
    return s;
}

bool http_rate_hit(struct http_rate_table *t, enum http_rate_kind kind, const char *client,
                   long now_s, long limit)
{
    long window = now_s / 60;
    pthread_mutex_lock(&t->lock);
    struct rate_slot *s = slot_of(t, client, window);
    if (s->window != window) {
        bool last = s->window == window - 1;
        for (int k = 0; k < 2; k++) {
            s->prev[k] = last ? s->count[k] : 0;
            s->count[k] = 0;
        }
        s->window = window;
    }
    s->count[kind]++;
    /* prev × (share of the previous minute inside the last 60 s) + count
     * ≤ limit, in sixtieths to stay in integers. */
    long covered = 60 - now_s % 60;
    bool ok = s->prev[kind] * covered + s->count[kind] * 60 <= limit * 60;
    pthread_mutex_unlock(&t->lock);
    return ok;
}
