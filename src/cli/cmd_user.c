/* motcua user: manage staff accounts from the shell (first administrator,
 * password resets, leavers, machine tokens). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "cli/cmd.h"
#include "cli/common.h"
#include "core/org.h"
#include "core/role.h"
#include "http/secret.h"
#include "store/store_org.h"

enum { MAX_ROLES = 32 };

/* Options shared by the subcommands; which ones apply is checked per verb. */
struct user_opts {
    const char *verb;
    const char *username;
    const char *name;
    const char *position;
    const char *email;
    const char *phone;
    const char *token_name;
    bool password_stdin;
    struct core_grant grants[MAX_ROLES];
    size_t ngrants;
    const char *in_charge[MAX_ROLES];
    size_t nin_charge;
    /* --db / --config, handed to cli_config */
    char *cfg_argv[8];
    int cfg_argc;
};

static void usage(FILE *out)
{
    fprintf(out,
            "usage: motcua user add USERNAME --name \"Full Name\" [--position P] [--email E]\n"
            "                       [--phone P] [--role ROLE:UNIT]... [--in-charge UNIT]...\n"
            "                       [--password-stdin]\n"
            "       motcua user list\n"
            "       motcua user passwd USERNAME       (new password on stdin)\n"
            "       motcua user disable USERNAME      (also ends their sessions)\n"
            "       motcua user enable USERNAME\n"
            "       motcua user token USERNAME --name NAME\n"
            "  every form takes [--db PATH] [--config FILE]\n\n"
            "Roles: director, deputy_director, head, deputy_head, specialist, reception,\n"
            "clerk, control, steering, admin. UNIT is a unit code (see units.json).\n"
            "Passwords are at least %d bytes; they are read from standard input, one line.\n"
            "'user token' prints a new API token once: keep it, it cannot be shown again.\n",
            CORE_PASSWORD_MIN);
}

static bool parse_role(const char *arg, struct core_grant *g)
{
    const char *colon = strchr(arg, ':');
    if (colon == NULL || colon == arg || colon[1] == '\0') {
        return false;
    }
    char role[40];
    size_t n = (size_t)(colon - arg);
    if (n >= sizeof(role)) {
        return false;
    }
    memcpy(role, arg, n);
    role[n] = '\0';
    g->unit = colon + 1;
    return core_role_parse(role, &g->role) && core_unit_code_ok(g->unit);
}

/* Returns 0, or 2 after printing what is wrong. */
static int parse_args(int argc, char **argv, struct user_opts *o)
{
    o->cfg_argv[o->cfg_argc++] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = NULL;
        if (strcmp(a, "--db") == 0 || strcmp(a, "--config") == 0) {
            if (v == NULL || o->cfg_argc + 2 > 8) {
                fprintf(stderr, "motcua user: %s needs a value\n", a);
                return 2;
            }
            o->cfg_argv[o->cfg_argc++] = argv[i];
            o->cfg_argv[o->cfg_argc++] = argv[i + 1];
            i++;
            continue;
        }
        if (strcmp(a, "--password-stdin") == 0) {
            o->password_stdin = true;
            continue;
        }
        if (strcmp(a, "--name") == 0) {
            slot = strcmp(o->verb, "token") == 0 ? &o->token_name : &o->name;
        } else if (strcmp(a, "--position") == 0) {
            slot = &o->position;
        } else if (strcmp(a, "--email") == 0) {
            slot = &o->email;
        } else if (strcmp(a, "--phone") == 0) {
            slot = &o->phone;
        }
        bool is_role = strcmp(a, "--role") == 0, is_in_charge = strcmp(a, "--in-charge") == 0;
        if (slot || is_role || is_in_charge) {
            if (v == NULL || v[0] == '\0') {
                fprintf(stderr, "motcua user: %s needs a value\n", a);
                return 2;
            }
            i++;
        }
        if (slot) {
            *slot = v;
        } else if (is_role) {
            if (o->ngrants == MAX_ROLES || !parse_role(v, &o->grants[o->ngrants])) {
                fprintf(stderr,
                        "motcua user: --role %s: expected ROLE:UNIT, e.g. specialist:VP "
                        "(roles: see --help)\n",
                        v);
                return 2;
            }
            o->ngrants++;
        } else if (is_in_charge) {
            if (o->nin_charge == MAX_ROLES || !core_unit_code_ok(v)) {
                fprintf(stderr, "motcua user: --in-charge %s: not a unit code\n", v);
                return 2;
            }
            o->in_charge[o->nin_charge++] = v;
        } else if (a[0] == '-') {
            fprintf(stderr, "motcua user: unknown option %s (see --help)\n", a);
            return 2;
        } else if (o->username == NULL) {
            o->username = a;
        } else {
            fprintf(stderr, "motcua user: unexpected argument '%s' (see --help)\n", a);
            return 2;
        }
    }
    o->cfg_argv[o->cfg_argc] = NULL;
    return 0;
}

/* One line from stdin, without its newline; echo off on a terminal. */
static int read_password(char *buf, size_t n)
{
    struct termios old, quiet;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        fprintf(stderr, "New password: ");
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)n, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (got == NULL) {
        fprintf(stderr, "motcua user: no password on standard input\n");
        return 1;
    }
    size_t len = strlen(buf);
    if (len == n - 1 && buf[len - 1] != '\n') {
        fprintf(stderr, "motcua user: the password is longer than %d bytes\n", CORE_PASSWORD_MAX);
        return 1;
    }
    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) {
        buf[--len] = '\0';
    }
    if (!core_password_ok(buf)) {
        fprintf(stderr, "motcua user: the password must be at least %d bytes\n", CORE_PASSWORD_MIN);
        return 1;
    }
    return 0;
}

/* Hash a password read from stdin into hash. */
static int password_from_stdin(char hash[HTTP_PWHASH_LEN])
{
    char buf[CORE_PASSWORD_MAX + 2];
    int rc = read_password(buf, sizeof(buf));
    struct mc_err err;
    if (rc == 0 && http_password_hash(buf, hash, &err) != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", err.msg);
        rc = 1;
    }
    memset(buf, 0, sizeof(buf));
    return rc;
}

/* Run the writes of one verb in one transaction; prints the error. */
static int finish(struct store *st, enum mc_status rc, const struct mc_err *err)
{
    struct mc_err cerr;
    if (rc == MC_OK && store_commit(st, &cerr) != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", cerr.msg);
        return 1;
    }
    if (rc != MC_OK) {
        store_rollback(st);
        fprintf(stderr, "motcua user: %s\n", err->msg);
        return 1;
    }
    return 0;
}

static int user_add(struct store *st, const struct user_opts *o)
{
    if (o->name == NULL) {
        fprintf(stderr, "motcua user add: --name \"Full Name\" is required\n");
        return 2;
    }
    bool deputy = false;
    for (size_t i = 0; i < o->ngrants; i++) {
        deputy |= o->grants[i].role == ROLE_DEPUTY_DIRECTOR;
    }
    if (o->nin_charge > 0 && !deputy) {
        fprintf(stderr, "motcua user add: only a deputy_director has units in charge\n");
        return 2;
    }
    struct mc_err err;
    mc_err_clear(&err);
    int64_t id = 0;
    if (store_person_id(st, o->username, &id, NULL) == MC_OK) {
        fprintf(stderr, "motcua user add: user %s already exists\n", o->username);
        return 1;
    }
    char hash[HTTP_PWHASH_LEN];
    if (o->password_stdin && password_from_stdin(hash) != 0) {
        return 1;
    }
    struct store_person p = { .username = o->username,
                              .full_name = o->name,
                              .position = o->position,
                              .email = o->email,
                              .phone = o->phone };
    enum mc_status rc = store_begin(st, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", err.msg);
        return 1;
    }
    rc = store_person_upsert(st, &p, (int64_t)time(NULL), &err);
    if (rc == MC_OK) {
        rc = store_person_id(st, o->username, &id, &err);
    }
    if (rc == MC_OK) {
        rc = store_person_set_roles(st, id, o->grants, o->ngrants, &err);
    }
    if (rc == MC_OK) {
        rc = store_person_set_in_charge(st, id, o->in_charge, o->nin_charge, &err);
    }
    if (rc == MC_OK && o->password_stdin) {
        rc = store_person_set_password(st, id, hash, &err);
    }
    int status = finish(st, rc, &err);
    if (status == 0) {
        printf("added %s%s\n", o->username,
               o->password_stdin ? "" : " (no password yet: motcua user passwd)");
    }
    return status;
}

static int user_list(struct store *st)
{
    char *text = NULL;
    struct mc_err err;
    if (store_people_json(st, &text, &err) != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", err.msg);
        return 1;
    }
    json_t *people = json_loads(text, 0, NULL);
    free(text);
    size_t i;
    json_t *p;
    json_array_foreach (people, i, p) {
        printf("%-20s %-30s %s", json_string_value(json_object_get(p, "username")),
               json_string_value(json_object_get(p, "full_name")),
               json_is_true(json_object_get(p, "disabled")) ? "[disabled] " : "");
        size_t k;
        json_t *r;
        json_array_foreach (json_object_get(p, "roles"), k, r) {
            printf("%s%s:%s", k ? "," : "", json_string_value(json_object_get(r, "role")),
                   json_string_value(json_object_get(r, "unit")));
        }
        printf("\n");
    }
    json_decref(people);
    return 0;
}

static int user_passwd(struct store *st, const struct user_opts *o, int64_t id)
{
    char hash[HTTP_PWHASH_LEN];
    if (password_from_stdin(hash) != 0) {
        return 1;
    }
    struct mc_err err;
    enum mc_status rc = store_begin(st, &err);
    if (rc == MC_OK) {
        rc = store_person_set_password(st, id, hash, &err);
        int status = finish(st, rc, &err);
        if (status == 0) {
            printf("password of %s changed\n", o->username);
        }
        return status;
    }
    fprintf(stderr, "motcua user: %s\n", err.msg);
    return 1;
}

static int user_disable(struct store *st, const struct user_opts *o, int64_t id, bool disable)
{
    struct mc_err err;
    enum mc_status rc = store_begin(st, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", err.msg);
        return 1;
    }
    rc = store_person_set_disabled(st, id, disable, &err);
    int status = finish(st, rc, &err);
    if (status == 0) {
        printf("%s %s\n", o->username, disable ? "disabled; sessions ended" : "enabled");
    }
    return status;
}

static int user_token(struct store *st, const struct user_opts *o, int64_t id)
{
    if (o->token_name == NULL || strlen(o->token_name) > 100) {
        fprintf(stderr, "motcua user token: --name NAME (1-100 bytes) is required\n");
        return 2;
    }
    char secret[HTTP_SECRET_LEN + 1], hash[HTTP_SECRET_HASH_LEN + 1];
    char token[sizeof(HTTP_API_TOKEN_PREFIX) + HTTP_SECRET_LEN];
    http_secret_new(secret);
    snprintf(token, sizeof(token), "%s%s", HTTP_API_TOKEN_PREFIX, secret);
    http_secret_hash(token, hash);
    struct mc_err err;
    int64_t tid = 0;
    enum mc_status rc = store_begin(st, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua user: %s\n", err.msg);
        return 1;
    }
    rc = store_token_create(st, id, o->token_name, hash, (int64_t)time(NULL), &tid, &err);
    int status = finish(st, rc, &err);
    if (status == 0) {
        printf("%s\n", token);
        fprintf(stderr,
                "API token %lld for %s; shown once, send it as "
                "'Authorization: Bearer <token>'\n",
                (long long)tid, o->username);
    }
    return status;
}

static int run(struct store *st, const struct user_opts *o)
{
    if (strcmp(o->verb, "list") == 0) {
        return user_list(st);
    }
    if (strcmp(o->verb, "add") == 0) {
        return user_add(st, o);
    }
    int64_t id = 0;
    struct mc_err err;
    if (store_person_id(st, o->username, &id, &err) != MC_OK) {
        fprintf(stderr, "motcua user %s: %s\n", o->verb, err.msg);
        return 1;
    }
    if (strcmp(o->verb, "passwd") == 0) {
        return user_passwd(st, o, id);
    }
    if (strcmp(o->verb, "disable") == 0 || strcmp(o->verb, "enable") == 0) {
        return user_disable(st, o, id, strcmp(o->verb, "disable") == 0);
    }
    return user_token(st, o, id);
}

int cmd_user(int argc, char **argv)
{
    static const char *const verbs[] = { "add", "list", "passwd", "disable", "enable", "token" };
    if (argc < 2 || cli_is_help(argv[1])) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    struct user_opts o = { .verb = argv[1] };
    bool known = false;
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
        known |= strcmp(verbs[i], o.verb) == 0;
    }
    if (!known) {
        fprintf(stderr, "motcua user: '%s' is not a user command (see --help)\n", o.verb);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return 0;
        }
    }
    int rc = parse_args(argc - 1, argv + 1, &o);
    if (rc != 0) {
        return rc;
    }
    bool needs_user = strcmp(o.verb, "list") != 0;
    if (needs_user != (o.username != NULL)) {
        fprintf(stderr, "motcua user %s: %s\n", o.verb,
                needs_user ? "give a USERNAME" : "takes no USERNAME");
        return 2;
    }
    if (needs_user && strcmp(o.verb, "add") == 0 && !core_username_ok(o.username)) {
        fprintf(stderr,
                "motcua user add: username must be 3-32 characters of a-z, 0-9, '.', '_', '-'\n");
        return 2;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, o.cfg_argc, o.cfg_argv, false, NULL);
    if (next != o.cfg_argc) {
        cfg_release(&cfg);
        return 2;
    }
    struct store *st = cli_open_db(&cfg, true);
    if (st == NULL) {
        cfg_release(&cfg);
        return 1;
    }
    rc = run(st, &o);
    store_close(st);
    cfg_release(&cfg);
    return rc;
}
