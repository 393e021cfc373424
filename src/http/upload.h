/* File uploads as they stream in, and stored files as they stream out.
 *
 * POST /api/uploads takes the file as the raw request body (no multipart:
 * nothing to parse, and a browser's XMLHttpRequest reports progress on it),
 * the name in ?name=. The server routes its body here instead of the
 * in-memory request buffer: each chunk is hashed and written to a temporary
 * file of the blob store; past uploads.max_size the rest is counted and
 * dropped and the temporary file deleted, so an oversize or refused upload
 * leaves nothing behind. The handler (h_attach.c) then sniffs, commits or
 * aborts. */
#ifndef MC_HTTP_UPLOAD_H
#define MC_HTTP_UPLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http/request.h"

struct blob_writer;

/* Bytes kept in memory for type sniffing (OOXML needs its first entries). */
enum { HTTP_UPLOAD_HEAD = 256 * 1024 };

struct http_upload {
    struct blob_writer *writer; /* NULL once over the limit or failed */
    uint64_t received;
    bool over;   /* more than uploads.max_size arrived (or was announced) */
    bool failed; /* the store could not write: err says why */
    struct mc_err err;
};

/* Is this request an upload whose body streams to the file store? */
bool http_upload_route(const char *method, const char *url);
void http_upload_start(struct http_req *req);
void http_upload_feed(struct http_req *req, const char *data, size_t len);
/* Abort whatever is still open (aborted request, refused file). */
void http_upload_release(struct http_req *req);

/* The MIME type of the content by libmagic (thread-safe); "" if unknown. */
void http_sniff_mime(const unsigned char *data, size_t len, char *out, size_t cap);

/* server.c: the MHD response for resp->stream (takes the reader). */
struct MHD_Response *http_upload_stream_response(struct http_resp *resp);
void http_upload_stream_close(struct http_resp *resp);

#endif
