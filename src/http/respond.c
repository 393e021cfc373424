/* Responses: builders, and the one table from enum mc_status to HTTP status
 * with RFC 9457 problem+json bodies. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "http/request.h"
#include "http/upload.h"

unsigned http_status_of(enum mc_status code)
{
    /* No default: -Wswitch flags a status added to err.h and not mapped here. */
    switch (code) {
    case MC_OK:
        return 200;
    case MC_EINVAL:
        return 400;
    case MC_EAUTH:
        return 401;
    case MC_EPERM:
        return 403;
    case MC_ENOTFOUND:
        return 404;
    case MC_ECONFLICT:
        return 409;
    case MC_ELIMIT:
        return 413;
    case MC_EMEDIA:
        return 415;
    case MC_ESTORE:
        return 503;
    case MC_EIO:
    case MC_ECRYPTO:
    case MC_EINTERNAL:
        return 500;
    }
    return 500;
}

static const char *title_of(unsigned status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

void http_resp_problem(struct http_resp *resp, const struct http_req *req, const struct mc_err *err)
{
    unsigned status = http_status_of(err->code);
    /* A few codes carry a more precise status in the message's context. */
    if (err->code == MC_ELIMIT && strstr(err->msg, "too many") != NULL) {
        status = 429;
    }
    if (strcmp(err->field, "$method") == 0) {
        status = 405;
    }
    if (strcmp(err->field, "$content-type") == 0) {
        status = 415;
    }
    json_t *j = json_object();
    json_object_set_new(j, "type", json_string("about:blank"));
    json_object_set_new(j, "title", json_string(title_of(status)));
    json_object_set_new(j, "status", json_integer(status));
    /* Internal failures keep their details in the log only. */
    const char *detail = status >= 500 ? "the server could not complete the request" : err->msg;
    json_object_set_new(j, "detail", json_string(detail));
    json_object_set_new(j, "code", json_string(mc_status_name(err->code)));
    if (req) {
        json_object_set_new(j, "instance", json_string(req->path ? req->path : ""));
        json_object_set_new(j, "request_id", json_string(req->id));
    }
    if (err->field[0] && err->field[0] != '$') {
        json_t *fe = json_pack("{s:s, s:s}", "field", err->field, "message", err->msg);
        json_object_set_new(j, "errors", json_pack("[o]", fe));
    }
    http_resp_json(resp, status, j);
    resp->content_type = "application/problem+json";
}

void http_resp_owned(struct http_resp *resp, unsigned status, const char *content_type, char *body,
                     size_t len)
{
    http_resp_release(resp);
    resp->status = status;
    resp->content_type = content_type;
    resp->body = body;
    resp->len = len;
    resp->body_static = false;
}

void http_resp_json(struct http_resp *resp, unsigned status, json_t *j)
{
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    MC_ASSERT(text != NULL);
    http_resp_owned(resp, status, "application/json", text, strlen(text));
}

void http_resp_json_text(struct http_resp *resp, unsigned status, char *text)
{
    http_resp_owned(resp, status, "application/json", text, strlen(text));
}

void http_resp_static(struct http_resp *resp, unsigned status, const char *content_type,
                      const char *body, size_t len)
{
    http_resp_release(resp);
    resp->status = status;
    resp->content_type = content_type;
    resp->body = (char *)(uintptr_t)body;
    resp->len = len;
    resp->body_static = true;
}

void http_resp_empty(struct http_resp *resp, unsigned status)
{
    http_resp_static(resp, status, NULL, "", 0);
}

void http_resp_header(struct http_resp *resp, const char *name, const char *value)
{
    MC_ASSERT(resp->nheaders < HTTP_MAX_RESP_HEADERS);
    resp->headers[resp->nheaders][0] = name;
    resp->headers[resp->nheaders][1] = value;
    resp->nheaders++;
}

void http_resp_release(struct http_resp *resp)
{
    if (resp->stream) {
        http_upload_stream_close(resp);
    }
    if (!resp->body_static) {
        free(resp->body);
    }
    resp->body = NULL;
    resp->len = 0;
    resp->body_static = true;
}
