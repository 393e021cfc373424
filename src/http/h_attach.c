/* Attachments over HTTP: upload (staff, or the applicant before the
 * dossier exists) and download (staff who may read the dossier; the
 * applicant with code + phone). The bytes stream through upload.h; names
 * and kinds follow core/attachment.h; records are in store_attach.h. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/attachment.h"
#include "http/attach_in.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/server.h"
#include "http/upload.h"
#include "store/blob.h"
#include "store/store_attach.h"
#include "store/store_dossier.h"

/* Expired free uploads removed per upload (keeps each request short). */
enum { EXPIRE_BATCH = 32 };

static void human_size(uint64_t n, char *out, size_t cap)
{
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
        snprintf(out, cap, "%llu MiB", (unsigned long long)(n / (1024 * 1024)));
    } else if (n >= 1024 * 1024) {
        snprintf(out, cap, "%.1f MiB", (double)n / (1024.0 * 1024.0));
    } else {
        snprintf(out, cap, "%llu KiB", (unsigned long long)(n / 1024));
    }
}

static void accepted_list(char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (const struct core_attach_kind *k = core_attach_kinds(); k->mime && len < cap; k++) {
        int w = snprintf(out + len, cap - len, "%s%s", len ? ", " : "", k->ext);
        len += w > 0 ? (size_t)w : 0;
    }
}

/* 415 with the detected type beside the usual problem members. */
static void refuse_kind(struct http_req *req, struct http_resp *resp, const char *mime,
                        struct mc_err *err)
{
    char list[128];
    accepted_list(list, sizeof(list));
    mc_fail_field(err, MC_EMEDIA, "file",
                  "the file's content is %s (%s), which is not accepted here; send one of: %s",
                  core_attach_describe(mime), mime[0] ? mime : "unknown", list);
    http_resp_problem(resp, req, err);
    json_t *p = json_loadb(resp->body, resp->len, 0, NULL);
    if (p) {
        json_object_set_new(p, "detected_type", json_string(mime));
        json_object_set_new(p, "accepted", json_string(list));
        http_resp_json(resp, 415, p);
        resp->content_type = "application/problem+json";
    }
}

/* In the upload's transaction: drop expired free uploads and the bytes no
 * row names any more, insert the new row, and check that its bytes are
 * still there (an expiry in another request may have removed the same
 * content between our write and this transaction; writes are serialised,
 * so the check inside the transaction settles it). */
static enum mc_status record_upload(struct http_req *req, struct store_attach *a,
                                    struct mc_err *err)
{
    struct blob_store *bs = http_server_blobs(req->server);
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    char(*orphans)[65] = NULL;
    size_t norphans = 0;
    rc = store_attach_expire(req->db, a->created_at, EXPIRE_BATCH, &req->arena, &orphans, &norphans,
                             err);
    for (size_t i = 0; rc == MC_OK && i < norphans; i++) {
        if (strcmp(orphans[i], a->sha256) != 0) {
            rc = blob_remove(bs, orphans[i], err);
        }
    }
    if (rc == MC_OK) {
        rc = store_attach_insert(req->db, a, err);
    }
    if (rc == MC_OK) {
        struct blob_reader *r = NULL;
        uint64_t size = 0;
        rc = blob_open(bs, a->sha256, &r, &size, err);
        blob_reader_close(r);
        if (rc == MC_ENOTFOUND) {
            rc = mc_fail(err, MC_ESTORE, "the file was removed meanwhile; send it again");
        }
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    return store_commit(req->db, err);
}

static enum mc_status upload_create(struct http_req *req, struct http_resp *resp,
                                    struct mc_err *err)
{
    struct http_upload *up = req->upload;
    if (up == NULL) {
        return mc_fail(err, MC_EINTERNAL, "upload not streamed");
    }
    int64_t now = http_now_minutes(req);
    if (req->who == NULL &&
        !http_server_rate_ok(req->server, HTTP_RATE_KIND_LOOKUP, req->client, (long)(now * 60))) {
        return mc_fail(err, MC_ELIMIT, "too many uploads from this address; try later");
    }
    if (req->who && !req->who->via_token && !http_auth_csrf_ok(req)) {
        return mc_fail_field(err, MC_EPERM, "X-CSRF-Token",
                             "missing or wrong X-CSRF-Token header (returned at login)");
    }
    if (up->failed) {
        *err = up->err;
        return err->code;
    }
    if (up->over) {
        char lim[32];
        human_size(http_server_upload_max(req->server), lim, sizeof(lim));
        return mc_fail_field(err, MC_ELIMIT, "file", "the file is larger than the limit of %s",
                             lim);
    }
    char name[CORE_ATTACH_NAME_MAX + 1];
    const char *raw = http_query(req, "name");
    if (raw == NULL || raw[0] == '\0') {
        return mc_fail_field(err, MC_EINVAL, "name", "name (the file's name) is required");
    }
    enum mc_status rc = core_attach_name(raw, name, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (up->writer == NULL || blob_writer_size(up->writer) == 0) {
        return mc_fail_field(err, MC_EINVAL, "file", "the file is empty");
    }
    size_t head_len = 0;
    const unsigned char *head = blob_writer_head(up->writer, &head_len);
    struct store_attach a;
    memset(&a, 0, sizeof(a));
    http_sniff_mime(head, head_len, a.mime, sizeof(a.mime));
    const struct core_attach_kind *kind = core_attach_kind_of(a.mime);
    if (kind == NULL) {
        blob_writer_abort(up->writer);
        up->writer = NULL;
        refuse_kind(req, resp, a.mime, err);
        return MC_OK;
    }
    a.size = (int64_t)blob_writer_size(up->writer);
    struct blob_writer *w = up->writer;
    up->writer = NULL;
    rc = blob_writer_commit(w, a.sha256, err);
    if (rc != MC_OK) {
        return rc;
    }
    unsigned char rnd[16];
    randombytes_buf(rnd, sizeof(rnd));
    sodium_bin2hex(a.token, sizeof(a.token), rnd, sizeof(rnd));
    snprintf(a.name, sizeof(a.name), "%s", name);
    a.uploader = req->who ? req->who->person_id : 0;
    a.created_at = now;
    a.expires_at = now + http_server_upload_ttl(req->server);
    rc = record_upload(req, &a, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *j =
        json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:I}", "id", a.token, "name", a.name, "size",
                  (json_int_t)a.size, "mime", a.mime, "kind", kind->label_vi, "sha256", a.sha256,
                  "expires_in_minutes", (json_int_t)http_server_upload_ttl(req->server));
    http_resp_json(resp, 201, j);
    return MC_OK;
}

enum mc_status h_upload_create(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = upload_create(req, resp, err);
    /* Whatever was refused leaves nothing behind, before the answer goes
     * out (the request's own clean-up runs only after it was sent). */
    if (req->upload) {
        blob_writer_abort(req->upload->writer);
        req->upload->writer = NULL;
    }
    return rc;
}

/* Content-Disposition with an ASCII fallback and the RFC 5987 UTF-8 name. */
static const char *disposition(struct http_req *req, const char *name)
{
    size_t n = strlen(name);
    char *ascii = mc_arena_alloc(&req->arena, n + 1);
    char *pct = mc_arena_alloc(&req->arena, n * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        ascii[i] = (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%') ? '_' : (char)c;
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     strchr("!#$&+-.^_`|~", c) != NULL;
        if (plain && c) {
            pct[k++] = (char)c;
        } else {
            static const char hex[] = "0123456789ABCDEF";
            pct[k++] = '%';
            pct[k++] = hex[c >> 4];
            pct[k++] = hex[c & 15];
        }
    }
    ascii[n] = '\0';
    pct[k] = '\0';
    return mc_arena_printf(&req->arena, "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii,
                           pct);
}

enum mc_status http_send_blob(struct http_req *req, struct http_resp *resp, const char *sha256,
                              const char *mime, const char *name, struct mc_err *err)
{
    struct blob_reader *r = NULL;
    uint64_t size = 0;
    enum mc_status rc = blob_open(http_server_blobs(req->server), sha256, &r, &size, err);
    if (rc == MC_ENOTFOUND) {
        /* The record exists, the bytes do not: a broken store, not the caller's fault. */
        return mc_fail(err, MC_EIO, "attachment content missing");
    }
    if (rc != MC_OK) {
        return rc;
    }
    http_resp_release(resp);
    resp->status = 200;
    resp->content_type = mc_arena_strdup(&req->arena, mime);
    resp->stream = r;
    resp->stream_len = size;
    http_resp_header(resp, "Content-Disposition", disposition(req, name));
    http_resp_header(resp, "Cache-Control", "private, no-store");
    http_resp_header(resp, "Content-Security-Policy", "sandbox; default-src 'none'");
    return MC_OK;
}

static bool token_shape(const char *t)
{
    size_t n = t ? strlen(t) : 0;
    return n == 32 && strspn(t, "0123456789abcdef") == 32;
}

enum mc_status h_dossier_file_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const char *token = http_param(req, 1);
    if (!token_shape(token)) {
        return mc_fail(err, MC_ENOTFOUND, "no such file");
    }
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    struct store_dossier d;
    if (rc == MC_OK) {
        rc = store_dossier_load(req->db, code ? code : "", &d, err);
    }
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, &who, &d, http_now_minutes(req), &view, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    bool readable = http_dossier_readable(req, view);
    json_decref(view);
    if (!readable) {
        return mc_fail(err, MC_EPERM, "this dossier is outside your units");
    }
    struct store_attach a;
    rc = store_attach_get(req->db, token, &a, err);
    if (rc == MC_OK && a.dossier != d.id) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such file in this dossier");
    }
    return rc == MC_OK ? http_send_blob(req, resp, a.sha256, a.mime, a.name, err) : rc;
}

enum mc_status h_public_file_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const char *token = http_param(req, 1);
    const char *phone = http_query(req, "phone");
    if (phone == NULL || strlen(phone) > 20) {
        return mc_fail_field(err, MC_EINVAL, "phone", "phone is required");
    }
    if (!token_shape(token)) {
        return mc_fail(err, MC_ENOTFOUND, "no such file for this code and phone number");
    }
    struct store_attach a;
    enum mc_status rc = store_attach_public_get(req->db, code ? code : "", phone, token, &a, err);
    return rc == MC_OK ? http_send_blob(req, resp, a.sha256, a.mime, a.name, err) : rc;
}
