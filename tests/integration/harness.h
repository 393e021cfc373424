/* Integration-test harness: a real `motcua serve` on a free port with a
 * temporary database, and libcurl clients that keep cookies. A sanitizer
 * report or an unclean exit of the server fails it_server_stop. */
#ifndef MC_IT_HARNESS_H
#define MC_IT_HARNESS_H

#include <curl/curl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct it_server {
    pid_t pid;
    unsigned port;
    char dir[256]; /* temporary directory, removed by it_server_stop */
    char db[300];
    char log[300];
    char base_url[64];
};

/* Create a temp dir (and, if demo, import the demo catalog into its
 * database), then spawn the server. extra_args: NULL-terminated flags for
 * `motcua serve` (may be NULL). Returns 0 on success. */
int it_server_start(struct it_server *s, bool demo, const char *const extra_args[]);
/* The two halves of it_server_start: make the temp dir and paths (so a
 * test can prepare the database with it_cli first), then spawn. */
int it_server_prepare(struct it_server *s);
int it_server_spawn(struct it_server *s, bool demo, const char *const extra_args[]);
/* SIGTERM, wait; returns the exit status (0 expected); prints the server log
 * when it is not 0. Removes the temp dir. */
int it_server_stop(struct it_server *s);

/* The whole file at `path`, NUL-terminated (free()), its length in *len
 * when len is not NULL; NULL when it cannot be opened. */
char *it_slurp(const char *path, size_t *len);

/* Run `motcua ARGS...` with MOTCUA_DB pointing at the server's database.
 * *out receives stdout+stderr (free()). Returns the exit status. */
int it_cli(struct it_server *s, char **out, const char *const args[]);

struct it_client {
    CURL *curl;
    struct it_server *srv;
    char csrf[160]; /* the token from the last login, sent as X-CSRF-Token */
    char bearer[200];
};

struct it_resp {
    long status;
    char *body;
    size_t len;
    json_t *json; /* parsed body when it is JSON, else NULL */
    char content_type[128];
    char headers[4096]; /* raw response headers */
};

void it_client_init(struct it_client *c, struct it_server *s);
void it_client_release(struct it_client *c);
/* One request. body may be NULL; content_type defaults to application/json
 * when a body is given. extra_headers: NULL-terminated "Name: value". */
int it_request(struct it_client *c, const char *method, const char *path, const char *body,
               const char *content_type, const char *const extra_headers[], struct it_resp *out);
/* The same with a body of body_len bytes that may hold NULs (uploads). */
int it_request_bin(struct it_client *c, const char *method, const char *path, const char *body,
                   size_t body_len, const char *content_type, const char *const extra_headers[],
                   struct it_resp *out);
void it_resp_release(struct it_resp *r);

/* Log in with username/password; stores the CSRF token. Returns HTTP status. */
long it_login(struct it_client *c, const char *username, const char *password);

/* The problem+json "errors[0].field" of a response, or "" */
const char *it_problem_field(const struct it_resp *r);

#endif
