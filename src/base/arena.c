#include "base/arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct mc_arena_block {
    struct mc_arena_block *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

enum { ARENA_BLOCK = 8192 };

void mc_arena_init(struct mc_arena *a)
{
    a->head = NULL;
}

void mc_arena_release(struct mc_arena *a)
{
    struct mc_arena_block *b = a->head;
    while (b) {
        struct mc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *mc_arena_alloc(struct mc_arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    struct mc_arena_block *b = a->head;
    if (b == NULL || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = mc_xmalloc(sizeof(*b) + size);
        b->used = 0;
        b->size = size;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *mc_arena_strndup(struct mc_arena *a, const char *s, size_t n)
{
    char *p = mc_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *mc_arena_strdup(struct mc_arena *a, const char *s)
{
    return mc_arena_strndup(a, s, strlen(s));
}

char *mc_arena_printf(struct mc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return mc_arena_strdup(a, "");
    }
    char *p = mc_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
