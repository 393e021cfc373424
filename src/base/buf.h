/* Growable, NUL-terminated byte buffer with an optional cap (curl dynbuf). */
#ifndef MC_BASE_BUF_H
#define MC_BASE_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct mc_buf {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
    size_t max; /* 0 = unlimited; appends past it fail and set `over` */
    bool over;
};

void mc_buf_init(struct mc_buf *b, size_t max);
void mc_buf_release(struct mc_buf *b);
/* Returns false (and sets b->over) when the cap would be exceeded. */
bool mc_buf_append(struct mc_buf *b, const void *p, size_t n);
bool mc_buf_puts(struct mc_buf *b, const char *s);
bool mc_buf_appendf(struct mc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the contents to the caller (free() with free) and re-init the buffer. */
char *mc_buf_detach(struct mc_buf *b, size_t *len);
const char *mc_buf_cstr(const struct mc_buf *b);

#endif
