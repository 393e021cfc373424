/* Sessions and API tokens (0002_org.sql). Lookups are by the hash of the
 * secret; the secret itself never reaches the database. */
#include "store/store_int.h"
#include "store/store_org.h"

static const char *col_arena(struct mc_arena *a, sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    return t ? mc_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(s, col)) : NULL;
}

/* One row of (person, credential id, username, full_name, csrf, last_seen). */
static enum mc_status principal_row(struct store *st, sqlite3_stmt *s, struct mc_arena *a,
                                    struct store_principal *out, const char *what,
                                    struct mc_err *err)
{
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->person = sqlite3_column_int64(s, 0);
        out->credential = sqlite3_column_int64(s, 1);
        out->username = col_arena(a, s, 2);
        out->full_name = col_arena(a, s, 3);
        out->csrf_token = col_arena(a, s, 4);
        out->last_seen = sqlite3_column_int64(s, 5);
        sqlite3_reset(s);
        return MC_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "%s not found", what);
    }
    return store_fail_db(st, err, what);
}

enum mc_status store_session_create(struct store *st, int64_t person, const char *token_hash,
                                    const char *csrf_token, int64_t now, int64_t expires_at,
                                    struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO sessions(token_hash, person, csrf_token, created_at,"
                                 " last_seen, expires_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token_hash);
    store_bind_i64(s, 2, person);
    store_bind_text(s, 3, csrf_token);
    store_bind_i64(s, 4, now);
    store_bind_i64(s, 5, expires_at);
    return store_exec_stmt(st, s, "creating a session", err);
}

enum mc_status store_session_find(struct store *st, const char *token_hash, int64_t now,
                                  int64_t idle_s, struct mc_arena *a, struct store_principal *out,
                                  struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT p.id, s.id, p.username, p.full_name, s.csrf_token,"
                                 " s.last_seen FROM sessions s JOIN people p ON p.id = s.person"
                                 " WHERE s.token_hash = ?1 AND s.expires_at > ?2"
                                 " AND s.last_seen > ?2 - ?3 AND p.disabled = 0",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token_hash);
    store_bind_i64(s, 2, now);
    store_bind_i64(s, 3, idle_s);
    return principal_row(st, s, a, out, "session", err);
}

enum mc_status store_session_touch(struct store *st, int64_t session, int64_t now,
                                   struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "UPDATE sessions SET last_seen = ?2 WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, session);
    store_bind_i64(s, 2, now);
    return store_exec_stmt(st, s, "touching a session", err);
}

enum mc_status store_session_delete(struct store *st, const char *token_hash, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "DELETE FROM sessions WHERE token_hash = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token_hash);
    return store_exec_stmt(st, s, "ending a session", err);
}

enum mc_status store_session_purge(struct store *st, int64_t now, int64_t idle_s,
                                   struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st, "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen <= ?1 - ?2", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, now);
    store_bind_i64(s, 2, idle_s);
    return store_exec_stmt(st, s, "removing old sessions", err);
}

enum mc_status store_token_create(struct store *st, int64_t owner, const char *name,
                                  const char *token_hash, int64_t now, int64_t *id,
                                  struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO api_tokens(token_hash, name, owner, created_at)"
                                 " VALUES (?1, ?2, ?3, ?4)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token_hash);
    store_bind_text(s, 2, name);
    store_bind_i64(s, 3, owner);
    store_bind_i64(s, 4, now);
    enum mc_status rc = store_exec_stmt(st, s, "creating an API token", err);
    if (rc == MC_OK) {
        *id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

enum mc_status store_token_find(struct store *st, const char *token_hash, struct mc_arena *a,
                                struct store_principal *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT p.id, t.id, p.username, p.full_name, NULL,"
                                 " coalesce(t.last_used, 0) FROM api_tokens t"
                                 " JOIN people p ON p.id = t.owner WHERE t.token_hash = ?1"
                                 " AND t.revoked_at IS NULL AND p.disabled = 0",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token_hash);
    return principal_row(st, s, a, out, "API token", err);
}

enum mc_status store_token_touch(struct store *st, int64_t token, int64_t now, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "UPDATE api_tokens SET last_used = ?2 WHERE id = ?1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, token);
    store_bind_i64(s, 2, now);
    return store_exec_stmt(st, s, "touching an API token", err);
}

enum mc_status store_token_revoke(struct store *st, int64_t id, int64_t owner, int64_t now,
                                  struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1"
                                 " AND (?2 = 0 OR owner = ?2) AND revoked_at IS NULL",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    store_bind_i64(s, 2, owner);
    store_bind_i64(s, 3, now);
    enum mc_status rc = store_exec_stmt(st, s, "revoking an API token", err);
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        return mc_fail(err, MC_ENOTFOUND, "no live API token %lld of yours", (long long)id);
    }
    return rc;
}

enum mc_status store_tokens_json(struct store *st, int64_t owner, char **json, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT json_group_array(json(x)) FROM (SELECT json_object("
                                 "'id', id, 'name', name, 'created_at', created_at,"
                                 " 'last_used', last_used, 'revoked_at', revoked_at) AS x"
                                 " FROM api_tokens WHERE owner = ?1 ORDER BY id)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, owner);
    return store_json_row(st, s, "the API tokens", json, err);
}
