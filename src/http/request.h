/* One HTTP request as handlers see it, and the response they fill.
 *
 * Handler contract: `enum mc_status h_x(struct http_req *, struct http_resp *,
 * struct mc_err *)`. On MC_OK the handler has filled resp (http_resp_json and
 * friends). On an error it returns the code from mc_fail()/mc_fail_field();
 * the server turns it into an RFC 9457 problem+json response (respond.c), so
 * handlers never write error bodies themselves. Everything allocated from
 * req->arena lives until the response is sent. */
#ifndef MC_HTTP_REQUEST_H
#define MC_HTTP_REQUEST_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

struct store;
struct http_route;
struct http_server;
struct http_principal;
struct http_upload;
struct blob_reader;

enum { HTTP_MAX_PARAMS = 4, HTTP_MAX_RESP_HEADERS = 8 };

struct http_req {
    struct mc_arena arena;
    struct MHD_Connection *conn;
    struct http_server *server;
    const char *method;
    const char *path;                    /* decoded, without the query string */
    const char *params[HTTP_MAX_PARAMS]; /* captured {name} path segments, in order */
    size_t nparams;
    struct mc_buf body; /* capped at http.max_body */
    struct store *db;   /* lent to the handler (server.c store_take) */
    const struct http_route *route;
    /* Who is calling: NULL for an anonymous caller. Set by http_auth_resolve. */
    struct http_principal *who;
    /* POST /api/uploads: the file being streamed to the store (upload.h). */
    struct http_upload *upload;
    char id[24];     /* request id, in every log line and the X-Request-Id header */
    char client[64]; /* client address, for rate limits and the access log */
    int64_t started_ns;
    bool dispatched;
    unsigned status; /* sent status, for the access log */
};

struct http_resp {
    unsigned status;
    const char *content_type;
    char *body; /* malloc'd and owned, unless body_static */
    size_t len;
    bool body_static;
    const char *headers[HTTP_MAX_RESP_HEADERS][2];
    size_t nheaders;
    /* A stored file sent as it is read (downloads); owned, closed after. */
    struct blob_reader *stream;
    uint64_t stream_len;
};

typedef enum mc_status http_handler_fn(struct http_req *req, struct http_resp *resp,
                                       struct mc_err *err);

/* Request accessors (NULL when absent). */
const char *http_query(struct http_req *req, const char *key);
const char *http_header(struct http_req *req, const char *name);
const char *http_cookie(struct http_req *req, const char *name);
const char *http_param(const struct http_req *req, size_t i);

/* Response builders. http_resp_json takes a reference to j (steals it). */
void http_resp_json(struct http_resp *resp, unsigned status, json_t *j);
/* A JSON text already built (e.g. by the store); takes ownership of text. */
void http_resp_json_text(struct http_resp *resp, unsigned status, char *text);
void http_resp_owned(struct http_resp *resp, unsigned status, const char *content_type, char *body,
                     size_t len);
void http_resp_static(struct http_resp *resp, unsigned status, const char *content_type,
                      const char *body, size_t len);
void http_resp_empty(struct http_resp *resp, unsigned status);
/* Add a header; name and value must outlive the response (literals or arena). */
void http_resp_header(struct http_resp *resp, const char *name, const char *value);
void http_resp_release(struct http_resp *resp);

/* Fill resp with the problem+json body for err (respond.c). */
void http_resp_problem(struct http_resp *resp, const struct http_req *req,
                       const struct mc_err *err);
unsigned http_status_of(enum mc_status code);

#endif
