/* The HTTP server: libmicrohttpd with a thread pool, one store connection per
 * worker thread, limits, request ids, access log, graceful stop. */
#ifndef MC_HTTP_SERVER_H
#define MC_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "http/rate.h"

struct http_server;

struct http_server_opts {
    const char *host; /* IPv4 address to bind, e.g. "127.0.0.1" */
    unsigned port;    /* 0: any free port (see http_server_port) */
    unsigned threads; /* idle database connections kept, at least 64 (server.c) */
    size_t max_body;
    size_t max_json_depth;
    unsigned timeout; /* idle seconds */
    const char *db_path;
    bool sync_full;
    const char *web_root; /* may be NULL: no static files */
    long login_rate;      /* per minute per client address */
    long lookup_rate;
    bool test_clock;              /* honour X-Test-Now (tests only) */
    unsigned escalation_interval; /* seconds between escalation sweeps; 0: none */
    size_t upload_max;            /* bytes per uploaded file */
    long upload_ttl;              /* minutes a free upload is kept */
    const char *upload_dir;       /* NULL or "": <db dir>/files */
};

enum mc_status http_server_start(const struct http_server_opts *opts, struct http_server **out,
                                 struct mc_err *err) MC_MUST_CHECK;
unsigned http_server_port(const struct http_server *srv);
/* Stop accepting, let requests in flight finish (up to 10 s), then stop. */
void http_server_stop(struct http_server *srv);

size_t http_server_max_json_depth(const struct http_server *srv);
const char *http_server_web_root(const struct http_server *srv);
const char *http_server_db_path(const struct http_server *srv);
bool http_server_test_clock(const struct http_server *srv);
/* Attachments: the file store, the size limit, a free upload's life. */
struct blob_store *http_server_blobs(const struct http_server *srv);
size_t http_server_upload_max(const struct http_server *srv);
long http_server_upload_ttl(const struct http_server *srv);

/* Count one attempt; false when the client is over its limit for the last
 * minute (http/rate.h). */
bool http_server_rate_ok(struct http_server *srv, enum http_rate_kind kind, const char *client,
                         long now_s);

/* Parse "HOST:PORT" (IPv4 host). */
enum mc_status http_parse_listen(const char *listen, char *host, size_t host_len, unsigned *port,
                                 struct mc_err *err) MC_MUST_CHECK;

#endif
