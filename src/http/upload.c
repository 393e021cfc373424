/* Upload streaming, sniffing and file responses (upload.h). */
#include "http/upload.h"

#include <magic.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "http/server.h"
#include "store/blob.h"

bool http_upload_route(const char *method, const char *url)
{
    return strcmp(method, "POST") == 0 && strcmp(url, "/api/uploads") == 0;
}

void http_upload_start(struct http_req *req)
{
    struct http_upload *up = mc_xcalloc(1, sizeof(*up));
    req->upload = up;
    size_t max = http_server_upload_max(req->server);
    const char *cl = http_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
    int64_t declared = 0;
    if (cl && mc_parse_i64(cl, 0, INT64_MAX, &declared) && (uint64_t)declared > max) {
        /* Announced too large: do not even open a file. */
        up->over = true;
        return;
    }
    if (blob_writer_begin(http_server_blobs(req->server), HTTP_UPLOAD_HEAD, &up->writer,
                          &up->err) != MC_OK) {
        up->failed = true;
    }
}

void http_upload_feed(struct http_req *req, const char *data, size_t len)
{
    struct http_upload *up = req->upload;
    up->received += len;
    if (up->writer == NULL) {
        return;
    }
    if (up->received > http_server_upload_max(req->server)) {
        up->over = true;
        blob_writer_abort(up->writer);
        up->writer = NULL;
        return;
    }
    if (blob_writer_write(up->writer, data, len, &up->err) != MC_OK) {
        up->failed = true;
        blob_writer_abort(up->writer);
        up->writer = NULL;
    }
}

void http_upload_release(struct http_req *req)
{
    if (req->upload) {
        blob_writer_abort(req->upload->writer);
        free(req->upload);
        req->upload = NULL;
    }
}

/* libmagic handles are not thread-safe and costly to load: one, shared. */
static pthread_mutex_t magic_lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t magic_db;

void http_sniff_mime(const unsigned char *data, size_t len, char *out, size_t cap)
{
    out[0] = '\0';
    pthread_mutex_lock(&magic_lock);
    if (magic_db == NULL) {
        magic_db = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
        if (magic_db && magic_load(magic_db, NULL) != 0) {
            magic_close(magic_db);
            magic_db = NULL;
        }
    }
    const char *m = magic_db ? magic_buffer(magic_db, data, len) : NULL;
    if (m) {
        snprintf(out, cap, "%s", m);
    }
    pthread_mutex_unlock(&magic_lock);
}

struct stream_ctx {
    struct blob_reader *r;
};

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    struct stream_ctx *c = cls;
    ssize_t n = blob_read(c->r, pos, buf, max);
    if (n < 0) {
        return MHD_CONTENT_READER_END_WITH_ERROR;
    }
    return n == 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void stream_free(void *cls)
{
    struct stream_ctx *c = cls;
    blob_reader_close(c->r);
    free(c);
}

struct MHD_Response *http_upload_stream_response(struct http_resp *resp)
{
    struct stream_ctx *c = mc_xcalloc(1, sizeof(*c));
    c->r = resp->stream;
    resp->stream = NULL; /* MHD owns it now */
    struct MHD_Response *r =
        MHD_create_response_from_callback(resp->stream_len, 64 * 1024, stream_read, c, stream_free);
    if (r == NULL) {
        stream_free(c);
    }
    return r;
}

void http_upload_stream_close(struct http_resp *resp)
{
    blob_reader_close(resp->stream);
    resp->stream = NULL;
}
