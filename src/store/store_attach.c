/* Attachment records (store_attach.h). */
#include "store/store_attach.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

#define ATTACH_COLS                                                                           \
    "a.id, a.token, a.sha256, a.size, a.mime, a.name, coalesce(a.uploader, 0), a.created_at," \
    " coalesce(a.expires_at, 0), coalesce(a.dossier, 0), coalesce(a.component, ''),"          \
    " coalesce(a.event_seq, 0)"

static void text_col(sqlite3_stmt *s, int col, char *out, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(out, cap, "%s", t ? (const char *)t : "");
}

static void row_of(sqlite3_stmt *s, struct store_attach *a)
{
    memset(a, 0, sizeof(*a));
    a->id = sqlite3_column_int64(s, 0);
    text_col(s, 1, a->token, sizeof(a->token));
    text_col(s, 2, a->sha256, sizeof(a->sha256));
    a->size = sqlite3_column_int64(s, 3);
    text_col(s, 4, a->mime, sizeof(a->mime));
    text_col(s, 5, a->name, sizeof(a->name));
    a->uploader = sqlite3_column_int64(s, 6);
    a->created_at = sqlite3_column_int64(s, 7);
    a->expires_at = sqlite3_column_int64(s, 8);
    a->dossier = sqlite3_column_int64(s, 9);
    text_col(s, 10, a->component, sizeof(a->component));
    a->event_seq = sqlite3_column_int64(s, 11);
}

enum mc_status store_attach_insert(struct store *st, struct store_attach *a, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO attachments (token, sha256, size, mime, name,"
                                 " uploader, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, a->token);
    store_bind_text(s, 2, a->sha256);
    store_bind_i64(s, 3, a->size);
    store_bind_text(s, 4, a->mime);
    store_bind_text(s, 5, a->name);
    if (a->uploader > 0) {
        store_bind_i64(s, 6, a->uploader);
    }
    store_bind_i64(s, 7, a->created_at);
    store_bind_i64(s, 8, a->expires_at);
    enum mc_status rc = store_exec_stmt(st, s, "insert attachment", err);
    if (rc == MC_OK) {
        a->id = sqlite3_last_insert_rowid(st->db);
    }
    return rc;
}

static enum mc_status one_row(struct store *st, sqlite3_stmt *s, struct store_attach *out,
                              struct mc_err *err)
{
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        row_of(s, out);
        sqlite3_reset(s);
        return MC_OK;
    }
    sqlite3_reset(s);
    if (r == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "no such file");
    }
    return store_fail_db(st, err, "load attachment");
}

enum mc_status store_attach_get(struct store *st, const char *token, struct store_attach *out,
                                struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st, "SELECT " ATTACH_COLS " FROM attachments a WHERE a.token = ?", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token);
    return one_row(st, s, out, err);
}

enum mc_status store_attach_link(struct store *st, int64_t id, int64_t dossier,
                                 const char *component, int64_t event_seq, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "UPDATE attachments SET dossier = ?, component = ?,"
                                 " event_seq = ?, expires_at = NULL"
                                 " WHERE id = ? AND dossier IS NULL",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    store_bind_text(s, 2, component);
    if (event_seq > 0) {
        store_bind_i64(s, 3, event_seq);
    }
    store_bind_i64(s, 4, id);
    enum mc_status rc = store_exec_stmt(st, s, "link attachment", err);
    if (rc == MC_OK && sqlite3_changes(st->db) != 1) {
        rc = mc_fail(err, MC_ECONFLICT, "the file is already attached to a dossier");
    }
    return rc;
}

enum mc_status store_attach_list(struct store *st, int64_t dossier, struct mc_arena *a,
                                 struct store_attach **out, size_t *n, struct mc_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(
        st, "SELECT " ATTACH_COLS " FROM attachments a WHERE a.dossier = ? ORDER BY a.id", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, dossier);
    size_t cap = 0;
    struct store_attach *arr = NULL;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            struct store_attach *grown = mc_arena_alloc(a, cap * sizeof(*grown));
            if (arr) {
                memcpy(grown, arr, *n * sizeof(*grown));
            }
            arr = grown;
        }
        row_of(s, &arr[(*n)++]);
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        return store_fail_db(st, err, "list attachments");
    }
    *out = arr;
    return MC_OK;
}

#define PHONE_DIGITS(col) \
    "replace(replace(replace(replace(" col ", ' ', ''), '.', ''), '-', ''), '+', '')"

enum mc_status store_attach_public_get(struct store *st, const char *code, const char *phone,
                                       const char *token, struct store_attach *out,
                                       struct mc_err *err)
{
    char digits[32];
    size_t k = 0;
    for (const char *p = phone; p && *p && k + 1 < sizeof(digits); p++) {
        if (*p >= '0' && *p <= '9') {
            digits[k++] = *p;
        }
    }
    digits[k] = '\0';
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT " ATTACH_COLS " FROM attachments a"
                                 " JOIN dossiers d ON d.id = a.dossier"
                                 " WHERE a.token = ?1 AND (d.code = ?2 OR d.ref = ?2)"
                                 " AND " PHONE_DIGITS("d.applicant_phone") " = ?3"
                                                                           " AND length(?3) >= 6",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, token);
    store_bind_text(s, 2, code);
    store_bind_text(s, 3, digits);
    enum mc_status rc = one_row(st, s, out, err);
    if (rc == MC_ENOTFOUND) {
        rc = mc_fail(err, MC_ENOTFOUND, "no such file for this code and phone number");
    }
    return rc;
}

enum mc_status store_attach_expire(struct store *st, int64_t now, size_t max, struct mc_arena *a,
                                   char (**orphans)[65], size_t *n, struct mc_err *err)
{
    *orphans = NULL;
    *n = 0;
    sqlite3_stmt *s = store_stmt(st,
                                 "DELETE FROM attachments WHERE id IN (SELECT id FROM attachments"
                                 " WHERE dossier IS NULL AND expires_at < ? LIMIT ?)"
                                 " RETURNING sha256",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, now);
    store_bind_i64(s, 2, (int64_t)max);
    char(*gone)[65] = mc_arena_alloc(a, (max ? max : 1) * sizeof(*gone));
    size_t ngone = 0;
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW && ngone < max) {
        text_col(s, 0, gone[ngone++], 65);
    }
    while (r == SQLITE_ROW) {
        r = sqlite3_step(s);
    }
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
        return store_fail_db(st, err, "expire attachments");
    }
    /* Keep the bytes another row still names (the same content uploaded
     * twice, or a procedure's blank form, 0011_form_files.sql). */
    sqlite3_stmt *q =
        store_stmt(st,
                   "SELECT 1 WHERE EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)"
                   " OR EXISTS (SELECT 1 FROM form_files WHERE sha256 = ?1)",
                   err);
    if (q == NULL) {
        return MC_ESTORE;
    }
    char(*orph)[65] = mc_arena_alloc(a, (ngone ? ngone : 1) * sizeof(*orph));
    for (size_t i = 0; i < ngone; i++) {
        store_bind_text(q, 1, gone[i]);
        int qr = sqlite3_step(q);
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        if (qr == SQLITE_DONE) {
            bool dup = false;
            for (size_t j = 0; j < *n; j++) {
                dup |= strcmp(orph[j], gone[i]) == 0;
            }
            if (!dup) {
                memcpy(orph[(*n)++], gone[i], 65);
            }
        } else if (qr != SQLITE_ROW) {
            return store_fail_db(st, err, "expire attachments");
        }
    }
    *orphans = orph;
    return MC_OK;
}
