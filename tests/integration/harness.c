#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static int run_and_wait(const char *const argv[], const char *db, const char *out_path)
{
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        setenv("MOTCUA_DB", db, 1);
        execv(argv[0], (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

char *it_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)(n > 0 ? n : 0) + 1);
    size_t got = fread(buf, 1, (size_t)(n > 0 ? n : 0), f);
    buf[got] = '\0';
    fclose(f);
    if (len) {
        *len = got;
    }
    return buf;
}

/* A file the harness wrote (output, port, log): "" when it is not there. */
static char *slurp(const char *path, size_t *len)
{
    char *buf = it_slurp(path, len);
    if (buf == NULL && len) {
        *len = 0;
    }
    return buf ? buf : strdup("");
}

int it_cli(struct it_server *s, char **out, const char *const args[])
{
    const char *argv[32] = { MOTCUA_BIN };
    size_t n = 1;
    for (size_t i = 0; args && args[i] && n < 31; i++) {
        argv[n++] = args[i];
    }
    argv[n] = NULL;
    char out_path[400];
    snprintf(out_path, sizeof(out_path), "%s/cli.out", s->dir);
    int rc = run_and_wait(argv, s->db, out_path);
    if (out) {
        *out = slurp(out_path, NULL);
    }
    return rc;
}

int it_server_prepare(struct it_server *s)
{
    memset(s, 0, sizeof(*s));
    snprintf(s->dir, sizeof(s->dir), "/tmp/motcua-it-XXXXXX");
    if (mkdtemp(s->dir) == NULL) {
        perror("mkdtemp");
        return -1;
    }
    snprintf(s->db, sizeof(s->db), "%s/motcua.db", s->dir);
    snprintf(s->log, sizeof(s->log), "%s/server.log", s->dir);
    return 0;
}

int it_server_start(struct it_server *s, bool demo, const char *const extra_args[])
{
    if (it_server_prepare(s) != 0) {
        return -1;
    }
    return it_server_spawn(s, demo, extra_args);
}

int it_server_spawn(struct it_server *s, bool demo, const char *const extra_args[])
{
    if (demo) {
        const char *args[] = { "import", MC_SOURCE_DIR "/demo", NULL };
        char *out = NULL;
        int rc = it_cli(s, &out, args);
        if (rc != 0) {
            fprintf(stderr, "demo import failed (%d):\n%s\n", rc, out);
            free(out);
            return -1;
        }
        free(out);
    }
    char port_file[400];
    snprintf(port_file, sizeof(port_file), "%s/port", s->dir);
    const char *argv[48] = { MOTCUA_BIN,    "serve",       "--db",    s->db,       "--listen",
                             "127.0.0.1:0", "--port-file", port_file, "--threads", "2" };
    size_t n = 10;
    for (size_t i = 0; extra_args && extra_args[i] && n < 47; i++) {
        argv[n++] = extra_args[i];
    }
    argv[n] = NULL;
    s->pid = fork();
    if (s->pid < 0) {
        return -1;
    }
    if (s->pid == 0) {
        int fd = open(s->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execv(argv[0], (char *const *)(uintptr_t)argv);
        _exit(127);
    }
    for (int i = 0; i < 600; i++) { /* up to 30 s under sanitizers */
        size_t len = 0;
        char *p = slurp(port_file, &len);
        unsigned port = (unsigned)strtoul(p, NULL, 10);
        free(p);
        if (len > 0 && port > 0) {
            s->port = port;
            snprintf(s->base_url, sizeof(s->base_url), "http://127.0.0.1:%u", port);
            return 0;
        }
        int status;
        if (waitpid(s->pid, &status, WNOHANG) == s->pid) {
            char *log = slurp(s->log, NULL);
            fprintf(stderr, "server exited early:\n%s\n", log);
            free(log);
            s->pid = 0;
            return -1;
        }
        sleep_ms(50);
    }
    fprintf(stderr, "server did not start in time\n");
    return -1;
}

static void remove_tree(const char *dir)
{
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
}

int it_server_stop(struct it_server *s)
{
    int code = -1;
    if (s->pid > 0) {
        kill(s->pid, SIGTERM);
        int status = 0;
        while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR) {
        }
        code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (code != 0) {
            char *log = slurp(s->log, NULL);
            fprintf(stderr, "server exit status %d; its log:\n%s\n", code, log);
            free(log);
        }
        s->pid = 0;
    }
    if (getenv("MC_IT_KEEP") == NULL) {
        remove_tree(s->dir);
    }
    return code;
}

void it_client_init(struct it_client *c, struct it_server *s)
{
    memset(c, 0, sizeof(*c));
    c->srv = s;
    c->curl = curl_easy_init();
    curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, ""); /* enable the cookie engine */
    curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 60L);
}

void it_client_release(struct it_client *c)
{
    curl_easy_cleanup(c->curl);
    c->curl = NULL;
}

struct sink {
    char *data;
    size_t len;
    size_t cap;
};

static size_t on_data(char *p, size_t size, size_t n, void *userdata)
{
    struct sink *s = userdata;
    size_t add = size * n;
    if (s->len + add + 1 > s->cap) {
        s->cap = (s->len + add + 1) * 2;
        s->data = realloc(s->data, s->cap);
    }
    memcpy(s->data + s->len, p, add);
    s->len += add;
    s->data[s->len] = '\0';
    return add;
}

static size_t on_header(char *p, size_t size, size_t n, void *userdata)
{
    struct it_resp *r = userdata;
    size_t add = size * n;
    size_t have = strlen(r->headers);
    if (have + add + 1 < sizeof(r->headers)) {
        memcpy(r->headers + have, p, add);
        r->headers[have + add] = '\0';
    }
    return add;
}

int it_request(struct it_client *c, const char *method, const char *path, const char *body,
               const char *content_type, const char *const extra_headers[], struct it_resp *out)
{
    return it_request_bin(c, method, path, body, body ? strlen(body) : 0, content_type,
                          extra_headers, out);
}

int it_request_bin(struct it_client *c, const char *method, const char *path, const char *body,
                   size_t body_len, const char *content_type, const char *const extra_headers[],
                   struct it_resp *out)
{
    memset(out, 0, sizeof(*out));
    char url[1024];
    snprintf(url, sizeof(url), "%s%s", c->srv->base_url, path);
    struct sink sink = { 0 };
    struct curl_slist *hdrs = NULL;
    char line[512];
    if (body) {
        snprintf(line, sizeof(line), "Content-Type: %s",
                 content_type ? content_type : "application/json");
        hdrs = curl_slist_append(hdrs, line);
    }
    if (c->csrf[0]) {
        snprintf(line, sizeof(line), "X-CSRF-Token: %s", c->csrf);
        hdrs = curl_slist_append(hdrs, line);
    }
    if (c->bearer[0]) {
        snprintf(line, sizeof(line), "Authorization: Bearer %s", c->bearer);
        hdrs = curl_slist_append(hdrs, line);
    }
    hdrs = curl_slist_append(hdrs, "Expect:");
    for (size_t i = 0; extra_headers && extra_headers[i]; i++) {
        hdrs = curl_slist_append(hdrs, extra_headers[i]);
    }
    CURL *h = c->curl;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(h, CURLOPT_NOBODY, strcmp(method, "HEAD") == 0 ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, out);
    if (body) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    } else {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
        /* Leave POST mode for every bodiless request: a DELETE after a POST on
         * the same handle would otherwise read its body from stdin. */
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    }
    CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(hdrs);
    if (rc != CURLE_OK) {
        fprintf(stderr, "%s %s: %s\n", method, path, curl_easy_strerror(rc));
        free(sink.data);
        return -1;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->status);
    char *ct = NULL;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
    snprintf(out->content_type, sizeof(out->content_type), "%s", ct ? ct : "");
    out->body = sink.data ? sink.data : strdup("");
    out->len = sink.len;
    if (strstr(out->content_type, "json") != NULL) {
        out->json = json_loadb(out->body, out->len, 0, NULL);
    }
    return 0;
}

void it_resp_release(struct it_resp *r)
{
    free(r->body);
    json_decref(r->json);
    memset(r, 0, sizeof(*r));
}

long it_login(struct it_client *c, const char *username, const char *password)
{
    json_t *j = json_pack("{s:s, s:s}", "username", username, "password", password);
    char *body = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    c->csrf[0] = '\0';
    struct it_resp r;
    long status = -1;
    if (it_request(c, "POST", "/api/session", body, NULL, NULL, &r) == 0) {
        status = r.status;
        const char *tok = json_string_value(json_object_get(r.json, "csrf_token"));
        if (status == 200 && tok) {
            snprintf(c->csrf, sizeof(c->csrf), "%s", tok);
        }
        it_resp_release(&r);
    }
    free(body);
    return status;
}

const char *it_problem_field(const struct it_resp *r)
{
    json_t *errors = json_object_get(r->json, "errors");
    const char *f = json_string_value(json_object_get(json_array_get(errors, 0), "field"));
    return f ? f : "";
}
