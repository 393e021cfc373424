/* motcua_driver BASE_URL SECONDS CLIENTS
 *
 * bench/vs-bpmn-engine, motcua side: dossiers per second end to end over
 * HTTP (README.md here). Written in C, one thread per client, each with a
 * minimal HTTP/1.1 client on a blocking socket, because the load generator
 * shares the machine's cores with the server: the Node driver it replaces
 * spent about 0.16-0.19 ms of CPU per request, and libcurl about 0.08 ms,
 * as much as a third of what the server spends; this one about 0.03 ms.
 *
 * The four officers involved log in once, before the clock starts (POST
 * /api/session with the demo password: a real session cookie and its CSRF
 * token, sent on every POST; the server rate-limits logins, and an officer
 * logs in once a day, not once per dossier). Then each of CLIENTS clients, on
 * its own keep-alive connection and with those sessions, runs one dossier
 * after another, until SECONDS have passed, of procedure BENCH-5STEP:
 *
 *   receive        motcua1           POST /api/dossiers   (step 1 tiep_nhan: receipt, code)
 *   transfer       motcua1           -> phan_cong          (step 1 done)
 *   forward        truongphong.tcbc  -> tham_dinh          (step 2 done)
 *   forward        chuyenvien1.tcbc  -> phe_duyet          (step 3 done)
 *   approve        phogiamdoc1       -> tra_ket_qua        (with signature; step 4 done)
 *   result_ready   motcua1           status 9              (step 5: result at the desk)
 *   return_result  motcua1           status 10             (step 5 done, dossier closed)
 *
 * Seven HTTP requests per dossier, each one durable transaction on the
 * server. Each answer is parsed and checked: the status code, the dossier's
 * new version (one more than the version sent) and, where the step sets it,
 * its status; a dossier counts once its return_result is acknowledged.
 *
 * Prints one JSON line: {"dossiers":…,"seconds":…,"rate":…,"requests":…,
 * "failed":…,"driver_cpu_us_per_request":…}, the last being this process's
 * own CPU time (user + system) over the timed part divided by the requests. */
#include <jansson.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define OFFICERS 4

enum officer { DESK, HEAD, SPECIALIST, DEPUTY };

static const char *const usernames[OFFICERS] = { "motcua1", "truongphong.tcbc", "chuyenvien1.tcbc",
                                                 "phogiamdoc1" };

/* The headers a logged-in officer sends: its session cookie and CSRF token. */
struct session {
    char cookie[512];
    char csrf[256];
};

static const char *base;
static const char *procedure;
static double deadline;
static struct session sessions[OFFICERS];
static atomic_long requests;
static atomic_long dossiers;
static atomic_long failed;
static pthread_mutex_t error_lock = PTHREAD_MUTEX_INITIALIZER;
static char first_error[512];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

__attribute__((format(printf, 1, 2))) static void note_error(const char *fmt, ...)
{
    pthread_mutex_lock(&error_lock);
    if (first_error[0] == '\0') {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(first_error, sizeof(first_error), fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&error_lock);
}

/* One client's connection to the server: a minimal HTTP/1.1 client over a
 * blocking socket (one write per request, Content-Length answers, keep-alive),
 * because a general client library costs more CPU per request than the parts
 * of the server being measured (README.md here). */
struct conn {
    int fd;
    char *buf; /* the last answer: head, then body */
    size_t cap;
    size_t len;       /* bytes read into buf */
    const char *body; /* into buf */
    size_t body_len;
    long status;
    bool close_after; /* the server said Connection: close */
};

static char host[256];
static int port;

static int parse_base(const char *url)
{
    if (strncmp(url, "http://", 7) != 0 || sscanf(url + 7, "%255[^:/]:%d", host, &port) != 2 ||
        port <= 0 || port > 65535) {
        fprintf(stderr, "motcua_driver: BASE_URL must be http://HOST:PORT\n");
        return -1;
    }
    return 0;
}

static int conn_open(struct conn *c)
{
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
    struct addrinfo *ai = NULL;
    char service[16];
    snprintf(service, sizeof(service), "%d", port);
    if (getaddrinfo(host, service, &hints, &ai) != 0 || ai == NULL) {
        return -1;
    }
    c->fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    int ok = c->fd >= 0 && connect(c->fd, ai->ai_addr, ai->ai_addrlen) == 0;
    freeaddrinfo(ai);
    if (!ok) {
        return -1;
    }
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    c->close_after = false;
    return 0;
}

static void conn_close(struct conn *c)
{
    if (c->fd >= 0) {
        close(c->fd);
    }
    c->fd = -1;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) {
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads until at least `want` bytes are in the buffer. */
static int read_until(struct conn *c, size_t want)
{
    while (c->len < want) {
        if (want + 1 > c->cap) {
            size_t cap = c->cap ? c->cap : 16384;
            while (cap < want + 1) {
                cap *= 2;
            }
            char *p = realloc(c->buf, cap);
            if (p == NULL) {
                return -1;
            }
            c->buf = p;
            c->cap = cap;
        }
        ssize_t r = recv(c->fd, c->buf + c->len, c->cap - 1 - c->len, 0);
        if (r <= 0) {
            return -1;
        }
        c->len += (size_t)r;
    }
    c->buf[c->len] = '\0';
    return 0;
}

/* The value of header `name` (with its colon, lower case) in head, or NULL. */
static const char *header_value(const char *head, const char *name)
{
    size_t n = strlen(name);
    for (const char *line = strstr(head, "\r\n"); line && line[2] != '\0';
         line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, name, n) == 0) {
            return line + 2 + n + strspn(line + 2 + n, " ");
        }
    }
    return NULL;
}

/* Sends one request and reads its whole answer into c. Each Set-Cookie's
 * name=value is appended to `cookies` when given (the login). */
static int exchange(struct conn *c, const char *method, const char *path, const char *headers,
                    const char *json, struct session *cookies)
{
    if (c->fd < 0 && conn_open(c) != 0) {
        return -1;
    }
    char req[4096];
    size_t jn = strlen(json);
    int n = snprintf(req, sizeof(req),
                     "%s %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                     "Accept: application/json\r\n%sContent-Length: %zu\r\n\r\n%s",
                     method, path, host, port, headers, jn, json);
    if (n < 0 || (size_t)n >= sizeof(req) || write_all(c->fd, req, (size_t)n) != 0) {
        conn_close(c);
        return -1;
    }
    c->len = 0;
    char *end = NULL;
    while (end == NULL) {
        size_t had = c->len;
        if (read_until(c, had + 1) != 0) {
            conn_close(c);
            return -1;
        }
        end = strstr(c->buf + (had > 3 ? had - 3 : 0), "\r\n\r\n");
    }
    size_t head_len = (size_t)(end - c->buf) + 4;
    end[2] = '\0'; /* the head, each line ending in \r\n */
    if (sscanf(c->buf, "HTTP/1.%*d %ld", &c->status) != 1) {
        conn_close(c);
        return -1;
    }
    const char *te = header_value(c->buf, "transfer-encoding:");
    const char *cl = header_value(c->buf, "content-length:");
    const char *co = header_value(c->buf, "connection:");
    c->close_after = co && strncasecmp(co, "close", 5) == 0;
    if (te || cl == NULL) {
        fprintf(stderr, "motcua_driver: an answer without Content-Length\n");
        conn_close(c);
        return -1;
    }
    size_t body_len = (size_t)strtoul(cl, NULL, 10);
    for (const char *line = strstr(c->buf, "\r\n"); cookies && line && line[2] != '\0';
         line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, "set-cookie:", 11) == 0) {
            const char *v = line + 2 + 11;
            v += strspn(v, " ");
            size_t used = strlen(cookies->cookie);
            snprintf(cookies->cookie + used, sizeof(cookies->cookie) - used, "%s%.*s",
                     used ? "; " : "", (int)strcspn(v, ";\r"), v);
        }
    }
    if (read_until(c, head_len + body_len) != 0) {
        conn_close(c);
        return -1;
    }
    if (c->len != head_len + body_len) {
        fprintf(stderr, "motcua_driver: more bytes than the answer's Content-Length\n");
        conn_close(c);
        return -1;
    }
    c->body = c->buf + head_len;
    c->body_len = body_len;
    if (c->close_after) {
        conn_close(c);
    }
    return 0;
}

/* One client: its connection and, per officer, the session headers. */
struct client {
    struct conn conn;
    char headers[OFFICERS][1024];
    long index;
};

/* What the driver checks in a dossier answer: its top-level "version",
 * "status" and "code". */
struct answer {
    long version, status;
    char code[64];
};

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
        p++;
    }
    return p;
}

/* Past the JSON string starting at p ('"'), or NULL if it does not end. */
static const char *skip_string(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '\\') {
            p++;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return NULL;
}

/* Past the JSON value at p (nested objects and arrays skipped whole, their
 * brackets matched), or NULL if it is cut short or unbalanced. */
static const char *skip_value(const char *p, const char *end)
{
    if (p < end && *p == '"') {
        return skip_string(p, end);
    }
    if (p < end && (*p == '{' || *p == '[')) {
        char stack[64];
        int depth = 0;
        for (; p < end; p++) {
            if (*p == '"') {
                p = skip_string(p, end);
                if (p == NULL) {
                    return NULL;
                }
                p--;
            } else if (*p == '{' || *p == '[') {
                if (depth == (int)sizeof(stack)) {
                    return NULL;
                }
                stack[depth++] = *p == '{' ? '}' : ']';
            } else if (*p == '}' || *p == ']') {
                if (depth == 0 || stack[--depth] != *p) {
                    return NULL;
                }
                if (depth == 0) {
                    return p + 1;
                }
            }
        }
        return NULL;
    }
    const char *q = p; /* number, true, false, null */
    while (q < end && *q != ',' && *q != '}' && *q != ']' && *q != ' ' && *q != '\n') {
        q++;
    }
    return q > p ? q : NULL;
}

/* Reads the members the driver checks from the JSON object in [p, end),
 * skipping the others; -1 unless the text is one well-bracketed object.
 * A parser that builds the whole tree (jansson) cost the driver half its
 * CPU; this one still walks every byte of the answer. */
static int scan_answer(const char *p, const char *end, struct answer *a)
{
    memset(a, 0, sizeof(*a));
    p = skip_ws(p, end);
    if (p == end || *p != '{') {
        return -1;
    }
    p = skip_ws(p + 1, end);
    if (p < end && *p == '}') {
        return skip_ws(p + 1, end) == end ? 0 : -1;
    }
    for (;;) {
        if (p == end || *p != '"') {
            return -1;
        }
        const char *key = p + 1;
        p = skip_string(p, end);
        if (p == NULL) {
            return -1;
        }
        size_t klen = (size_t)(p - 1 - key);
        p = skip_ws(p, end);
        if (p == end || *p != ':') {
            return -1;
        }
        p = skip_ws(p + 1, end);
        const char *v = p;
        p = skip_value(p, end);
        if (p == NULL) {
            return -1;
        }
        if (klen == 7 && memcmp(key, "version", 7) == 0) {
            a->version = strtol(v, NULL, 10);
        } else if (klen == 6 && memcmp(key, "status", 6) == 0) {
            a->status = strtol(v, NULL, 10);
        } else if (klen == 4 && memcmp(key, "code", 4) == 0 && *v == '"' &&
                   (size_t)(p - v) < sizeof(a->code)) {
            memcpy(a->code, v + 1, (size_t)(p - v - 2));
        }
        p = skip_ws(p, end);
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            continue;
        }
        if (p < end && *p == '}') {
            return skip_ws(p + 1, end) == end ? 0 : -1;
        }
        return -1;
    }
}

/* POST json to path as officer `who` and check the answer: HTTP status
 * `want_http`, a JSON object, its version `want_version` and its status
 * `want_status` (each when > 0). 0 if it is as expected, else -1 and the
 * first error noted. */
static int post(struct client *cl, int who, const char *what, const char *path, const char *json,
                long want_http, long want_version, long want_status, struct answer *a)
{
    atomic_fetch_add(&requests, 1);
    if (exchange(&cl->conn, "POST", path, cl->headers[who], json, NULL) != 0) {
        note_error("%s: no answer from the server", what);
        return -1;
    }
    const char *body = cl->conn.body;
    if (cl->conn.status != want_http || scan_answer(body, body + cl->conn.body_len, a) != 0) {
        note_error("%s: HTTP %ld %.300s", what, cl->conn.status, body);
        return -1;
    }
    if (want_version > 0 && a->version != want_version) {
        note_error("%s: version %ld, expected %ld", what, a->version, want_version);
        return -1;
    }
    if (want_status > 0 && a->status != want_status) {
        note_error("%s: status %ld, expected %ld", what, a->status, want_status);
        return -1;
    }
    return 0;
}

static int login(int who)
{
    struct conn c = { .fd = -1 };
    char json[256];
    const char *password = getenv("MOTCUA_BENCH_PASSWORD");
    snprintf(json, sizeof(json), "{\"username\":\"%s\",\"password\":\"%s\"}", usernames[who],
             password ? password : "motcua-demo");
    int rc = -1;
    if (exchange(&c, "POST", "/api/session", "Connection: close\r\n", json, &sessions[who]) != 0) {
        fprintf(stderr, "motcua_driver: login %s: no answer\n", usernames[who]);
    } else {
        json_t *j = json_loadb(c.body, c.body_len, 0, NULL);
        const char *csrf = json_string_value(json_object_get(j, "csrf_token"));
        if (c.status != 200 || csrf == NULL) {
            fprintf(stderr, "motcua_driver: login %s: HTTP %ld %.300s\n", usernames[who], c.status,
                    c.body);
        } else if (sessions[who].cookie[0] == '\0') {
            fprintf(stderr, "motcua_driver: login %s: no session cookie\n", usernames[who]);
        } else {
            snprintf(sessions[who].csrf, sizeof(sessions[who].csrf), "%s", csrf);
            rc = 0;
        }
        json_decref(j);
    }
    conn_close(&c);
    free(c.buf);
    return rc;
}

static int act(struct client *cl, int who, const char *code, const char *action, long *version,
               const char *extra, long want_status)
{
    char path[128], json[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s/actions", code);
    snprintf(json, sizeof(json), "{\"action\":\"%s\",\"version\":%ld%s}", action, *version, extra);
    struct answer a;
    *version += 1;
    return post(cl, who, action, path, json, 200, *version, want_status, &a);
}

static int one_dossier(struct client *cl, long n)
{
    char json[256];
    snprintf(json, sizeof(json),
             "{\"procedure\":\"%s\",\"applicant\":{\"name\":\"Bench %ld-%ld\","
             "\"phone\":\"0900000000\"}}",
             procedure, cl->index, n);
    struct answer a;
    if (post(cl, DESK, "receive", "/api/dossiers", json, 201, 0, 2, &a) != 0) {
        return -1;
    }
    if (a.code[0] == '\0' || a.version <= 0) {
        note_error("receive: no code or version in the answer");
        return -1;
    }
    long version = a.version;
    if (act(cl, DESK, a.code, "transfer", &version, "", 0) != 0 ||
        act(cl, HEAD, a.code, "forward", &version, "", 0) != 0 ||
        act(cl, SPECIALIST, a.code, "forward", &version, "", 0) != 0 ||
        act(cl, DEPUTY, a.code, "approve", &version, ",\"signature\":true", 0) != 0 ||
        act(cl, DESK, a.code, "result_ready", &version, "", 9) != 0 ||
        act(cl, DESK, a.code, "return_result", &version, "", 10) != 0) {
        return -1;
    }
    return 0;
}

static void *client_run(void *arg)
{
    struct client *cl = arg;
    long mine_failed = 0;
    for (long n = 0; now_s() < deadline; n++) {
        if (one_dossier(cl, n) == 0) {
            atomic_fetch_add(&dossiers, 1);
        } else {
            atomic_fetch_add(&failed, 1);
            if (++mine_failed > 10) {
                break;
            }
        }
    }
    return NULL;
}

static void client_init(struct client *cl, long index)
{
    memset(cl, 0, sizeof(*cl));
    cl->index = index;
    cl->conn.fd = -1;
    for (int o = 0; o < OFFICERS; o++) {
        snprintf(cl->headers[o], sizeof(cl->headers[o]),
                 "Cookie: %.511s\r\nX-CSRF-Token: %.255s\r\n", sessions[o].cookie,
                 sessions[o].csrf);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: motcua_driver BASE_URL SECONDS CLIENTS\n");
        return 2;
    }
    base = argv[1];
    double seconds = atof(argv[2]);
    long nclients = atol(argv[3]);
    procedure = getenv("PROCEDURE") ? getenv("PROCEDURE") : "BENCH-5STEP";
    if (seconds <= 0 || nclients < 1 || nclients > 256) {
        fprintf(stderr, "motcua_driver: SECONDS > 0 and 1 <= CLIENTS <= 256\n");
        return 2;
    }
    if (parse_base(base) != 0) {
        return 2;
    }
    for (int o = 0; o < OFFICERS; o++) {
        if (login(o) != 0) {
            return 1;
        }
    }
    struct client *cl = calloc((size_t)nclients, sizeof(*cl));
    pthread_t *t = calloc((size_t)nclients, sizeof(*t));
    if (cl == NULL || t == NULL) {
        return 1;
    }
    for (long i = 0; i < nclients; i++) {
        client_init(&cl[i], i);
    }
    double cpu0 = cpu_s();
    double t0 = now_s();
    deadline = t0 + seconds;
    for (long i = 0; i < nclients; i++) {
        pthread_create(&t[i], NULL, client_run, &cl[i]);
    }
    for (long i = 0; i < nclients; i++) {
        pthread_join(t[i], NULL);
    }
    double elapsed = now_s() - t0;
    double cpu = cpu_s() - cpu0;
    long nreq = atomic_load(&requests), ndone = atomic_load(&dossiers);
    long nfailed = atomic_load(&failed);
    if (nfailed) {
        fprintf(stderr, "motcua_driver: %ld dossiers failed; first: %s\n", nfailed, first_error);
    }
    printf("{\"dossiers\":%ld,\"seconds\":%.3f,\"rate\":%.2f,\"requests\":%ld,\"failed\":%ld,"
           "\"driver_cpu_us_per_request\":%.1f}\n",
           ndone, elapsed, (double)ndone / elapsed, nreq, nfailed,
           nreq ? cpu * 1e6 / (double)nreq : 0.0);
    for (long i = 0; i < nclients; i++) {
        conn_close(&cl[i].conn);
        free(cl[i].conn.buf);
    }
    free(cl);
    free(t);
    return nfailed ? 1 : 0;
}
