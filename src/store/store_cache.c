#include "store/store_cache.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

enum { CACHE_SLOTS = 256, CACHE_KEY_MAX = 64, CACHE_TEXT_MAX = 256 * 1024 };

struct cache_entry {
    int kind; /* 0: empty */
    char key[CACHE_KEY_MAX];
    char *text;
    size_t len;
};

struct store_cache {
    int64_t data_version;
    int64_t total_changes;
    struct cache_entry slots[CACHE_SLOTS];
};

static void clear(struct store_cache *c)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        free(c->slots[i].text);
        c->slots[i].text = NULL;
        c->slots[i].kind = 0;
    }
}

/* The database's version as this connection sees it; -1 on error. */
static int64_t data_version(struct store *st, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "PRAGMA data_version", err);
    if (s == NULL || sqlite3_step(s) != SQLITE_ROW) {
        return -1;
    }
    int64_t v = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return v;
}

/* The cache, emptied first if the database changed; NULL if it cannot tell. */
static struct store_cache *fresh(struct store *st, struct mc_err *err)
{
    int64_t dv = data_version(st, err);
    if (dv < 0) {
        return NULL;
    }
    int64_t tc = sqlite3_total_changes64(st->db);
    struct store_cache *c = st->cache;
    if (c == NULL) {
        c = st->cache = mc_xcalloc(1, sizeof(*c));
        c->data_version = dv;
        c->total_changes = tc;
    } else if (c->data_version != dv || c->total_changes != tc) {
        clear(c);
        c->data_version = dv;
        c->total_changes = tc;
    }
    return c;
}

static size_t slot_of(int kind, const char *key)
{
    uint32_t h = 2166136261u ^ (uint32_t)kind;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    return h % CACHE_SLOTS;
}

char *store_cache_get(struct store *st, int kind, const char *key, struct mc_err *err)
{
    struct store_cache *c = fresh(st, err);
    if (c == NULL || strlen(key) >= CACHE_KEY_MAX) {
        return NULL;
    }
    struct cache_entry *e = &c->slots[slot_of(kind, key)];
    if (e->kind != kind || strcmp(e->key, key) != 0) {
        return NULL;
    }
    /* A copy: the response outlives the next request on this connection. */
    return mc_xstrndup(e->text, e->len);
}

void store_cache_put(struct store *st, int kind, const char *key, const char *text)
{
    size_t klen = strlen(key);
    size_t len = strlen(text);
    struct store_cache *c = st->cache;
    /* Cache only what was read at the version fresh() saw. */
    if (c == NULL || klen >= CACHE_KEY_MAX || len > CACHE_TEXT_MAX ||
        c->total_changes != sqlite3_total_changes64(st->db)) {
        return;
    }
    struct cache_entry *e = &c->slots[slot_of(kind, key)];
    free(e->text);
    e->kind = kind;
    memcpy(e->key, key, klen + 1);
    e->text = mc_xstrndup(text, len);
    e->len = len;
}

void store_cache_free(struct store *st)
{
    if (st->cache) {
        clear(st->cache);
        free(st->cache);
        st->cache = NULL;
    }
}
