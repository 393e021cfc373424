/* Bump allocator whose contents are freed all at once (PostgreSQL memory
 * contexts, nginx pools). One per HTTP request; strings handed to a handler
 * live until the response is sent. */
#ifndef MC_BASE_ARENA_H
#define MC_BASE_ARENA_H

#include <stddef.h>

struct mc_arena_block;

struct mc_arena {
    struct mc_arena_block *head;
};

void mc_arena_init(struct mc_arena *a);
/* Frees every block; the arena may be reused after. */
void mc_arena_release(struct mc_arena *a);
void *mc_arena_alloc(struct mc_arena *a, size_t n);
char *mc_arena_strdup(struct mc_arena *a, const char *s);
char *mc_arena_strndup(struct mc_arena *a, const char *s, size_t n);
char *mc_arena_printf(struct mc_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
