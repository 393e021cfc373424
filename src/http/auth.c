/* Sessions (cookie + CSRF token) and API tokens (Bearer), resolved once per
 * request into req->who; permission checks over core/scope.h. */
#include "http/auth.h"

#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "http/secret.h"
#include "store/store_org.h"

/* Longest credential we bother hashing: anything longer is not ours. */
enum { CREDENTIAL_MAX = 128 };

static const char *bearer_token(struct http_req *req)
{
    const char *h = http_header(req, "Authorization");
    if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0) {
        return NULL;
    }
    h += 7;
    while (*h == ' ') {
        h++;
    }
    return h;
}

/* Roles, units in charge and the unit tree into the arena. */
static enum mc_status load_scope(struct http_req *req, struct mc_arena *arena,
                                 struct http_principal *p, struct mc_err *err)
{
    struct core_grant *grants = NULL;
    const char **in_charge = NULL;
    struct core_unit_link *links = NULL;
    size_t ngrants = 0, nin_charge = 0, nlinks = 0;
    enum mc_status rc = store_person_grants(req->db, p->person_id, arena, &grants, &ngrants,
                                            &in_charge, &nin_charge, err);
    if (rc == MC_OK) {
        rc = store_unit_links(req->db, arena, &links, &nlinks, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    p->scope = (struct core_scope){ .grants = grants,
                                    .ngrants = ngrants,
                                    .in_charge = in_charge,
                                    .nin_charge = nin_charge,
                                    .units = links,
                                    .nunits = nlinks };
    p->roles = core_scope_roles(&p->scope);
    return MC_OK;
}

/* Record use of a credential at most once a minute: a write per request
 * would serialise every reader behind the writer lock. */
static void touch(struct http_req *req, const struct http_principal *p, int64_t last, int64_t now)
{
    if (now - last < HTTP_SESSION_TOUCH_S) {
        return;
    }
    struct mc_err err;
    mc_err_clear(&err);
    if (store_begin(req->db, &err) != MC_OK) {
        mc_log(MC_LOG_WARN, "cannot record session use", "detail=\"%s\"", err.msg);
        return;
    }
    enum mc_status rc = p->via_token ? store_token_touch(req->db, p->credential_id, now, &err)
                                     : store_session_touch(req->db, p->credential_id, now, &err);
    if (rc == MC_OK) {
        rc = store_commit(req->db, &err);
    } else {
        store_rollback(req->db);
    }
    if (rc != MC_OK) {
        /* Not fatal: the request goes on; the session may end a minute early. */
        mc_log(MC_LOG_WARN, "cannot record session use", "detail=\"%s\"", err.detail);
    }
}

/* Resolved credentials kept per worker thread (docs/SECURITY.md
 * "Sessions"): a hit skips the session, roles and unit-tree queries. An
 * entry is used only while the org version (migration 0009: triggers on
 * people, roles, units in charge, units, sessions and API tokens, whatever
 * process writes) is the one it was read at, and for at most
 * AUTH_CACHE_TTL_S seconds, which bounds how late a session's absolute end
 * is seen. Logout, a disabled person, a changed role: the version moves in
 * the same transaction, and the next request reads them again. */
enum { AUTH_CACHE_SLOTS = 8, AUTH_CACHE_TTL_S = 1 };

struct auth_entry {
    bool used;
    bool bearer;
    char hash[HTTP_SECRET_HASH_LEN + 1];
    int64_t version;
    int64_t fetched_at; /* seconds */
    int64_t last_seen;
    struct http_principal p; /* its strings and scope live in arena */
    struct mc_arena arena;
};

struct auth_cache {
    struct auth_entry slots[AUTH_CACHE_SLOTS];
    unsigned next; /* the slot a miss takes when none is free */
};

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_free(void *p)
{
    struct auth_cache *c = p;
    for (size_t i = 0; i < AUTH_CACHE_SLOTS; i++) {
        mc_arena_release(&c->slots[i].arena);
    }
    free(c);
}

static void cache_key_make(void)
{
    pthread_key_create(&cache_key, cache_free);
}

static struct auth_cache *thread_cache(void)
{
    pthread_once(&cache_once, cache_key_make);
    struct auth_cache *c = pthread_getspecific(cache_key);
    if (c == NULL) {
        c = mc_xcalloc(1, sizeof(*c));
        for (size_t i = 0; i < AUTH_CACHE_SLOTS; i++) {
            mc_arena_init(&c->slots[i].arena);
        }
        pthread_setspecific(cache_key, c);
    }
    return c;
}

static struct auth_entry *cache_find(struct auth_cache *c, bool bearer, const char *hash)
{
    for (size_t i = 0; i < AUTH_CACHE_SLOTS; i++) {
        struct auth_entry *e = &c->slots[i];
        if (e->used && e->bearer == bearer && strcmp(e->hash, hash) == 0) {
            return e;
        }
    }
    return NULL;
}

/* Read the credential and its scope into entry e (emptied first). */
static enum mc_status fetch(struct http_req *req, struct auth_entry *e, bool bearer,
                            const char *hash, int64_t version, int64_t now, struct mc_err *err)
{
    e->used = false;
    mc_arena_release(&e->arena);
    mc_arena_init(&e->arena);
    struct store_principal sp;
    struct mc_err lookup;
    mc_err_clear(&lookup);
    enum mc_status rc = bearer ? store_token_find(req->db, hash, &e->arena, &sp, &lookup)
                               : store_session_find(req->db, hash, now, HTTP_SESSION_IDLE_S,
                                                    &e->arena, &sp, &lookup);
    if (rc != MC_OK) {
        if (rc != MC_ENOTFOUND) {
            *err = lookup;
        }
        return rc;
    }
    memset(&e->p, 0, sizeof(e->p));
    e->p.person_id = sp.person;
    e->p.username = sp.username;
    e->p.full_name = sp.full_name;
    e->p.via_token = bearer;
    e->p.csrf_token = sp.csrf_token;
    e->p.credential_id = sp.credential;
    rc = load_scope(req, &e->arena, &e->p, err);
    if (rc != MC_OK) {
        return rc;
    }
    e->used = true;
    e->bearer = bearer;
    memcpy(e->hash, hash, sizeof(e->hash));
    e->version = version;
    e->fetched_at = now;
    e->last_seen = sp.last_seen;
    return MC_OK;
}

enum mc_status http_auth_resolve(struct http_req *req, struct mc_err *err)
{
    req->who = NULL;
    const char *bearer = bearer_token(req);
    const char *cookie = bearer ? NULL : http_cookie(req, HTTP_SESSION_COOKIE);
    const char *secret = bearer ? bearer : cookie;
    if (secret == NULL || secret[0] == '\0' || strlen(secret) > CREDENTIAL_MAX) {
        return MC_OK;
    }
    char hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(secret, hash);
    int64_t now = (int64_t)time(NULL);
    int64_t version;
    enum mc_status rc = store_org_version(req->db, &version, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct auth_cache *c = thread_cache();
    struct auth_entry *e = cache_find(c, bearer != NULL, hash);
    bool fresh = e && e->version == version && now - e->fetched_at < AUTH_CACHE_TTL_S &&
                 now >= e->fetched_at && (bearer || now - e->last_seen < HTTP_SESSION_IDLE_S);
    if (!fresh) {
        if (e == NULL) {
            for (size_t i = 0; i < AUTH_CACHE_SLOTS && e == NULL; i++) {
                e = c->slots[i].used ? NULL : &c->slots[i];
            }
            if (e == NULL) {
                e = &c->slots[c->next++ % AUTH_CACHE_SLOTS];
            }
        }
        rc = fetch(req, e, bearer != NULL, hash, version, now, err);
        if (rc == MC_ENOTFOUND) {
            return MC_OK; /* unknown, expired or revoked: anonymous */
        }
        if (rc != MC_OK) {
            return rc;
        }
    }
    /* The principal is the request's; its strings and scope stay in the
     * entry, which only this thread replaces, at a later request. */
    struct http_principal *p = mc_arena_alloc(&req->arena, sizeof(*p));
    *p = e->p;
    touch(req, p, e->last_seen, now);
    req->who = p;
    return MC_OK;
}

bool http_auth_csrf_ok(struct http_req *req)
{
    if (req->who == NULL || req->who->csrf_token == NULL) {
        return false;
    }
    const char *sent = http_header(req, "X-CSRF-Token");
    if (sent == NULL) {
        return false;
    }
    size_t n = strlen(req->who->csrf_token);
    /* Lengths are not secret (every token has the same); contents are. */
    return strlen(sent) == n && sodium_memcmp(sent, req->who->csrf_token, n) == 0;
}

static bool behind_tls(struct http_req *req)
{
    const char *proto = http_header(req, "X-Forwarded-Proto");
    return proto && strcasecmp(proto, "https") == 0;
}

const char *http_auth_cookie(struct http_req *req, const char *token)
{
    return mc_arena_printf(&req->arena, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
                           HTTP_SESSION_COOKIE, token, HTTP_SESSION_ABSOLUTE_S,
                           behind_tls(req) ? "; Secure" : "");
}

const char *http_auth_cookie_clear(struct http_req *req)
{
    return mc_arena_printf(&req->arena, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
                           HTTP_SESSION_COOKIE, behind_tls(req) ? "; Secure" : "");
}

bool http_has_role(const struct http_req *req, unsigned role_mask, const char *unit_code)
{
    return req->who != NULL && core_scope_holds(&req->who->scope, role_mask, unit_code);
}

enum mc_status http_require_role(struct http_req *req, unsigned role_mask, const char *unit_code,
                                 struct mc_err *err)
{
    if (req->who == NULL) {
        return mc_fail(err, MC_EAUTH, "log in first");
    }
    if (!core_scope_can_act(&req->who->scope, role_mask, unit_code)) {
        if (unit_code) {
            return mc_fail(err, MC_EPERM, "your roles do not allow this in unit %s", unit_code);
        }
        return mc_fail(err, MC_EPERM, "your roles do not allow this");
    }
    return MC_OK;
}

bool http_can_read_unit(const struct http_req *req, const char *unit_code)
{
    return req->who != NULL && core_scope_can_read(&req->who->scope, unit_code);
}

/* The codes of the units the caller reads as a JSON array (arena), or NULL
 * when that is every unit. */
const char *http_readable_units_json(struct http_req *req)
{
    const struct core_scope *sc = &req->who->scope;
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_puts(&b, "[");
    size_t n = 0;
    for (size_t i = 0; i < sc->nunits; i++) {
        if (core_scope_can_read(sc, sc->units[i].code)) {
            json_t *s = json_string(sc->units[i].code);
            char *q = json_dumps(s, JSON_ENCODE_ANY);
            mc_buf_puts(&b, n++ ? "," : "");
            mc_buf_puts(&b, q ? q : "\"\"");
            free(q);
            json_decref(s);
        }
    }
    mc_buf_puts(&b, "]");
    const char *out =
        n == sc->nunits && n > 0 ? NULL : mc_arena_strdup(&req->arena, mc_buf_cstr(&b));
    mc_buf_release(&b);
    return out;
}
