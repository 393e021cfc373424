#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "http/auth.h"
#include "http/escalation_timer.h"
#include "http/rate.h"
#include "http/request.h"
#include "http/router.h"
#include "http/static.h"
#include "http/upload.h"
#include "store/blob.h"
#include "store/store.h"

struct http_server {
    struct MHD_Daemon *daemon;
    struct http_server_opts opts;
    char *host;
    char *db_path;
    char *web_root;
    unsigned port;
    atomic_long inflight;
    atomic_ulong next_id;
    unsigned id_prefix;
    pthread_mutex_t idle_lock;
    struct store **idle; /* connections not lent to a request (store_take) */
    size_t n_idle;
    size_t idle_max;
    struct store *writer; /* every worker's transactions run here (store_options.writer) */
    struct http_rate_table *rate;
    struct escalation_timer *escalation;
    struct blob_store *blobs; /* attachment files */
};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- store connections ---------------------------------------------------- */

/* A request borrows an open connection for its handler and gives it back:
 * opening one and preparing its statements costs far more than a request,
 * and with a thread per connection (http_server_start) a connection per
 * thread would be opened again for every new client connection. Up to
 * IDLE_MAX idle ones (or `threads`, if more) are kept, as many as requests
 * in flight at the busiest moment; more are closed when given back. */
enum { IDLE_MAX = 64 };
static struct store *store_take(struct http_server *srv, struct mc_err *err)
{
    struct store *st = NULL;
    pthread_mutex_lock(&srv->idle_lock);
    if (srv->n_idle > 0) {
        st = srv->idle[--srv->n_idle];
    }
    pthread_mutex_unlock(&srv->idle_lock);
    if (st) {
        return st;
    }
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = srv->opts.sync_full;
    opt.writer = srv->writer;
    if (store_open(srv->db_path, &opt, &st, err) != MC_OK) {
        return NULL;
    }
    return st;
}

static void store_give_back(struct http_server *srv, struct store *st)
{
    if (st == NULL) {
        return;
    }
    pthread_mutex_lock(&srv->idle_lock);
    if (srv->n_idle < srv->idle_max) {
        srv->idle[srv->n_idle++] = st;
        st = NULL;
    }
    pthread_mutex_unlock(&srv->idle_lock);
    store_close(st);
}

/* ---- rate limits ---------------------------------------------------------- */

bool http_server_rate_ok(struct http_server *srv, enum http_rate_kind kind, const char *client,
                         long now_s)
{
    long limit = kind == HTTP_RATE_KIND_LOGIN ? srv->opts.login_rate : srv->opts.lookup_rate;
    return http_rate_hit(srv->rate, kind, client, now_s, limit);
}

/* ---- request accessors ---------------------------------------------------- */

const char *http_query(struct http_req *req, const char *key)
{
    return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *http_header(struct http_req *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *http_cookie(struct http_req *req, const char *name)
{
    return MHD_lookup_connection_value(req->conn, MHD_COOKIE_KIND, name);
}

const char *http_param(const struct http_req *req, size_t i)
{
    return i < req->nparams ? req->params[i] : NULL;
}

size_t http_server_max_json_depth(const struct http_server *srv)
{
    return srv->opts.max_json_depth;
}

const char *http_server_web_root(const struct http_server *srv)
{
    return srv->web_root;
}

bool http_server_test_clock(const struct http_server *srv)
{
    return srv->opts.test_clock;
}

const char *http_server_db_path(const struct http_server *srv)
{
    return srv->db_path;
}

struct blob_store *http_server_blobs(const struct http_server *srv)
{
    return srv->blobs;
}

size_t http_server_upload_max(const struct http_server *srv)
{
    return srv->opts.upload_max;
}

long http_server_upload_ttl(const struct http_server *srv)
{
    return srv->opts.upload_ttl;
}

/* ---- dispatch ------------------------------------------------------------- */

static bool is_safe_method(const char *m)
{
    return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0 || strcmp(m, "OPTIONS") == 0;
}

static enum mc_status dispatch(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    if (req->body.over) {
        return mc_fail(err, MC_ELIMIT, "the request body is larger than %zu bytes",
                       req->server->opts.max_body);
    }
    char scratch[1024];
    const struct http_route *route = NULL;
    switch (http_route_match(req->method, req->path, &route, req->params, &req->nparams, scratch,
                             sizeof(scratch))) {
    case HTTP_MATCH_OK:
        break;
    case HTTP_MATCH_NO_METHOD:
        return mc_fail_field(err, MC_EINVAL, "$method", "%s is not allowed on %s", req->method,
                             req->path);
    case HTTP_MATCH_NO_PATH:
        if (is_safe_method(req->method) && strncmp(req->path, "/api/", 5) != 0) {
            return http_static_serve(req, resp, err);
        }
        return mc_fail(err, MC_ENOTFOUND, "no such resource: %s", req->path);
    }
    /* The captures point into scratch: move them to the arena. */
    for (size_t i = 0; i < req->nparams; i++) {
        req->params[i] = mc_arena_strdup(&req->arena, req->params[i]);
    }
    req->route = route;
    long now_s = (long)time(NULL);
    if ((route->flags & HTTP_RATE_LOGIN) &&
        !http_server_rate_ok(req->server, HTTP_RATE_KIND_LOGIN, req->client, now_s)) {
        return mc_fail(err, MC_ELIMIT, "too many login attempts: wait a minute and try again");
    }
    if ((route->flags & HTTP_RATE_LOOKUP) &&
        !http_server_rate_ok(req->server, HTTP_RATE_KIND_LOOKUP, req->client, now_s)) {
        return mc_fail(err, MC_ELIMIT, "too many lookups: wait a minute and try again");
    }
    req->db = store_take(req->server, err);
    if (req->db == NULL) {
        return MC_ESTORE;
    }
    enum mc_status rc = http_auth_resolve(req, err);
    if (rc != MC_OK) {
        return rc;
    }
    if ((route->flags & HTTP_AUTH) && req->who == NULL) {
        return mc_fail(err, MC_EAUTH, "log in first");
    }
    if (!is_safe_method(req->method) && !(route->flags & HTTP_NO_CSRF) && req->who &&
        !req->who->via_token && !http_auth_csrf_ok(req)) {
        return mc_fail_field(err, MC_EPERM, "X-CSRF-Token",
                             "missing or wrong X-CSRF-Token header (returned at login)");
    }
    rc = route->handler(req, resp, err);
    if (store_in_transaction(req->db)) {
        /* A handler must commit or roll back; never leave the lock held. */
        mc_log(MC_LOG_ERROR, "handler left a transaction open", "route=\"%s\"", route->pattern);
        store_rollback(req->db);
        if (rc == MC_OK) {
            rc = mc_fail(err, MC_EINTERNAL, "transaction left open");
        }
    }
    return rc;
}

static enum MHD_Result queue(struct http_req *req, struct http_resp *resp)
{
    struct MHD_Response *r;
    if (resp->stream) {
        r = http_upload_stream_response(resp);
    } else if (resp->body_static) {
        r = MHD_create_response_from_buffer(resp->len, resp->body, MHD_RESPMEM_PERSISTENT);
    } else {
        r = MHD_create_response_from_buffer_with_free_callback(resp->len, resp->body, free);
        resp->body = NULL; /* MHD owns it now */
        resp->body_static = true;
    }
    if (r == NULL) {
        return MHD_NO;
    }
    if (resp->content_type) {
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type);
    }
    MHD_add_response_header(r, "X-Request-Id", req->id);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    bool has_cache = false;
    for (size_t i = 0; i < resp->nheaders; i++) {
        MHD_add_response_header(r, resp->headers[i][0], resp->headers[i][1]);
        has_cache |= strcmp(resp->headers[i][0], "Cache-Control") == 0;
    }
    if (!has_cache) {
        MHD_add_response_header(r, "Cache-Control", "no-store");
    }
    req->status = resp->status;
    enum MHD_Result ret = MHD_queue_response(req->conn, resp->status, r);
    MHD_destroy_response(r);
    return ret;
}

static void client_address(struct MHD_Connection *conn, char *out, size_t n)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(out, n, "?");
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)ci->client_addr;
        inet_ntop(AF_INET, &sin->sin_addr, out, (socklen_t)n);
    }
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
    (void)version;
    struct http_server *srv = cls;
    struct http_req *req = *con_cls;
    if (req == NULL) {
        /* First call: headers only. Queueing a response now would make MHD
         * close the connection (design.md §6), so answer on the next call. */
        req = mc_xcalloc(1, sizeof(*req));
        mc_arena_init(&req->arena);
        mc_buf_init(&req->body, srv->opts.max_body);
        req->conn = conn;
        req->server = srv;
        req->method = method;
        req->path = url;
        req->started_ns = now_ns();
        snprintf(req->id, sizeof(req->id), "%08x-%06lx", srv->id_prefix,
                 (unsigned long)atomic_fetch_add(&srv->next_id, 1) & 0xffffff);
        client_address(conn, req->client, sizeof(req->client));
        atomic_fetch_add(&srv->inflight, 1);
        *con_cls = req;
        if (http_upload_route(method, url)) {
            /* A file upload goes to the file store as it arrives. */
            http_upload_start(req);
        }
        return MHD_YES;
    }
    if (*upload_data_size > 0 && req->upload) {
        http_upload_feed(req, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        if (!req->body.over) {
            mc_buf_append(&req->body, upload_data, *upload_data_size);
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (req->dispatched) {
        return MHD_YES;
    }
    req->dispatched = true;
    mc_log_set_request_id(req->id);
    struct http_resp resp = { .status = 200, .body_static = true };
    struct mc_err err;
    mc_err_clear(&err);
    enum mc_status rc = dispatch(req, &resp, &err);
    store_give_back(srv, req->db);
    req->db = NULL;
    if (rc != MC_OK) {
        if (err.code != rc) {
            /* A path returned a code without describing it: still answer. */
            mc_fail(&err, rc, "request failed");
        }
        unsigned status = http_status_of(rc);
        if (status >= 500) {
            mc_log(MC_LOG_ERROR, err.msg, "code=%s at=%s:%d detail=\"%s\"", mc_status_name(rc),
                   err.file ? err.file : "?", err.line, err.detail);
        }
        http_resp_problem(&resp, req, &err);
    }
    enum MHD_Result ret = queue(req, &resp);
    http_resp_release(&resp);
    mc_log_set_request_id(NULL);
    return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    struct http_server *srv = cls;
    struct http_req *req = *con_cls;
    if (req == NULL) {
        return;
    }
    double ms = (double)(now_ns() - req->started_ns) / 1e6;
    mc_log_set_request_id(req->id);
    mc_log(MC_LOG_INFO, "access", "method=%s path=\"%s\" status=%u ms=%.2f client=%s%s",
           req->method, req->path, req->status, ms, req->client,
           toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted=true");
    mc_log_set_request_id(NULL);
    http_upload_release(req);
    mc_buf_release(&req->body);
    mc_arena_release(&req->arena);
    free(req);
    *con_cls = NULL;
    atomic_fetch_sub(&srv->inflight, 1);
}

/* ---- life cycle ----------------------------------------------------------- */

enum mc_status http_parse_listen(const char *listen, char *host, size_t host_len, unsigned *port,
                                 struct mc_err *err)
{
    const char *colon = listen ? strrchr(listen, ':') : NULL;
    int64_t p = 0;
    if (colon == NULL || colon == listen || (size_t)(colon - listen) >= host_len ||
        !mc_parse_i64(colon + 1, 0, 65535, &p)) {
        return mc_fail_field(err, MC_EINVAL, "http.listen",
                             "listen address must be HOST:PORT, e.g. 127.0.0.1:8080");
    }
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    struct in_addr a;
    if (inet_pton(AF_INET, host, &a) != 1) {
        return mc_fail_field(err, MC_EINVAL, "http.listen", "%s is not an IPv4 address", host);
    }
    *port = (unsigned)p;
    return MC_OK;
}

enum mc_status http_server_start(const struct http_server_opts *opts, struct http_server **out,
                                 struct mc_err *err)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)opts->port) };
    if (inet_pton(AF_INET, opts->host, &addr.sin_addr) != 1) {
        return mc_fail_field(err, MC_EINVAL, "http.listen", "%s is not an IPv4 address",
                             opts->host);
    }
    struct http_server *srv = mc_xcalloc(1, sizeof(*srv));
    srv->opts = *opts;
    srv->host = mc_xstrdup(opts->host);
    srv->db_path = mc_xstrdup(opts->db_path);
    srv->web_root = opts->web_root && *opts->web_root ? mc_xstrdup(opts->web_root) : NULL;
    srv->opts.host = srv->host;
    srv->opts.db_path = srv->db_path;
    srv->opts.web_root = srv->web_root;
    srv->rate = http_rate_table_new();
    srv->id_prefix = (unsigned)getpid() ^ (unsigned)time(NULL);
    pthread_mutex_init(&srv->idle_lock, NULL);
    srv->idle_max = opts->threads > IDLE_MAX ? opts->threads : IDLE_MAX;
    srv->idle = mc_xcalloc(srv->idle_max, sizeof(*srv->idle));
    struct store_options wopt;
    store_options_init(&wopt);
    wopt.sync_full = opts->sync_full;
    enum mc_status wrc = store_open(srv->db_path, &wopt, &srv->writer, err);
    if (wrc != MC_OK) {
        http_server_stop(srv);
        return wrc;
    }
    char files[4096];
    if (opts->upload_dir && *opts->upload_dir) {
        snprintf(files, sizeof(files), "%s", opts->upload_dir);
    } else {
        /* Beside the database: <db dir>/files. */
        const char *slash = strrchr(srv->db_path, '/');
        snprintf(files, sizeof(files), "%.*s%sfiles", slash ? (int)(slash - srv->db_path) : 0,
                 srv->db_path, slash ? "/" : "");
    }
    wrc = blob_store_open(files, &srv->blobs, err);
    if (wrc != MC_OK) {
        http_server_stop(srv);
        return wrc;
    }

    /* A thread per connection: a handler blocks (on the database, on the
     * group commit), and with a pool of threads each serving the
     * connections it happened to accept, two busy clients on one thread
     * waited for each other while another thread idled; measured with four
     * keep-alive clients, two or three of four pool threads did all the
     * work, and groups of one commit each formed (bench/vs-bpmn-engine). */
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_POLL | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)opts->timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(64 * 1024), MHD_OPTION_CONNECTION_LIMIT, 1000u, MHD_OPTION_LISTEN_BACKLOG_SIZE,
        1024u, MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv, MHD_OPTION_END);
    if (srv->daemon == NULL) {
        enum mc_status rc =
            mc_fail(err, MC_EIO, "cannot listen on %s:%u (in use?)", opts->host, opts->port);
        http_server_stop(srv);
        return rc;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : opts->port;
    /* Tests drive escalation at their own clock (GET /api/notifications). */
    if (!opts->test_clock) {
        srv->escalation =
            escalation_timer_start(srv->db_path, opts->sync_full, opts->escalation_interval);
    }
    *out = srv;
    return MC_OK;
}

unsigned http_server_port(const struct http_server *srv)
{
    return srv->port;
}

void http_server_stop(struct http_server *srv)
{
    if (srv == NULL) {
        return;
    }
    escalation_timer_stop(srv->escalation);
    if (srv->daemon) {
        MHD_socket s = MHD_quiesce_daemon(srv->daemon);
        /* Requests already being handled finish and their responses go out. */
        for (int i = 0; i < 1000 && atomic_load(&srv->inflight) > 0; i++) {
            usleep(10000);
        }
        MHD_stop_daemon(srv->daemon);
        if (s != MHD_INVALID_SOCKET) {
            close(s);
        }
    }
    /* Every connection thread has exited: every store is back. */
    for (size_t i = 0; i < srv->n_idle; i++) {
        store_close(srv->idle[i]);
    }
    free(srv->idle);
    pthread_mutex_destroy(&srv->idle_lock);
    store_close(srv->writer);
    blob_store_close(srv->blobs);
    http_rate_table_free(srv->rate);
    free(srv->host);
    free(srv->db_path);
    free(srv->web_root);
    free(srv);
}
