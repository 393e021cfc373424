/* Allocation that aborts on exhaustion (Redis zmalloc, git xmalloc): call
 * sites need no NULL checks. Limits on input are checked where it enters. */
#ifndef MC_BASE_XALLOC_H
#define MC_BASE_XALLOC_H

#include <stddef.h>

void *mc_xmalloc(size_t n);
void *mc_xcalloc(size_t count, size_t size);
void *mc_xrealloc(void *p, size_t n);
char *mc_xstrdup(const char *s);
char *mc_xstrndup(const char *s, size_t n);
/* Grow an array to hold at least `need` items of `size` bytes; doubles. */
void *mc_xgrow(void *p, size_t *cap, size_t need, size_t size);
char *mc_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
