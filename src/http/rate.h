/* Per-client rate limits (logins, public lookups and uploads) over a
 * sliding minute: the count of the current minute plus the previous
 * minute's count weighted by the share of it the last 60 seconds still
 * cover. A fixed window would let a burst double by straddling the turn of
 * a minute (and made a test flaky when it did).
 *
 * A fixed table of slots, found by hashing the client address with eight
 * probes; a rare collision costs one client a fresh count, never a wrongful
 * refusal. Thread-safe. */
#ifndef MC_HTTP_RATE_H
#define MC_HTTP_RATE_H

#include <stdbool.h>

enum http_rate_kind { HTTP_RATE_KIND_LOGIN, HTTP_RATE_KIND_LOOKUP };

struct http_rate_table;

struct http_rate_table *http_rate_table_new(void);
void http_rate_table_free(struct http_rate_table *t);

/* Count one attempt of `kind` by `client` at now_s (seconds since the
 * epoch); false when that makes more than `limit` in the last minute. */
bool http_rate_hit(struct http_rate_table *t, enum http_rate_kind kind, const char *client,
                   long now_s, long limit);

#endif
