#include "base/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void mc_buf_init(struct mc_buf *b, size_t max)
{
    memset(b, 0, sizeof(*b));
    b->max = max;
}

void mc_buf_release(struct mc_buf *b)
{
    free(b->data);
    mc_buf_init(b, b->max);
}

static bool reserve(struct mc_buf *b, size_t extra)
{
    if (b->max && b->len + extra > b->max) {
        b->over = true;
        return false;
    }
    b->data = mc_xgrow(b->data, &b->cap, b->len + extra + 1, 1);
    return true;
}

bool mc_buf_append(struct mc_buf *b, const void *p, size_t n)
{
    if (!reserve(b, n)) {
        return false;
    }
    if (n) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool mc_buf_puts(struct mc_buf *b, const char *s)
{
    return mc_buf_append(b, s, strlen(s));
}

bool mc_buf_appendf(struct mc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n)) {
        return false;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

char *mc_buf_detach(struct mc_buf *b, size_t *len)
{
    if (b->data == NULL) {
        reserve(b, 0);
        b->data[0] = '\0';
    }
    char *p = b->data;
    if (len) {
        *len = b->len;
    }
    b->data = NULL;
    mc_buf_init(b, b->max);
    return p;
}

const char *mc_buf_cstr(const struct mc_buf *b)
{
    return b->data ? b->data : "";
}
