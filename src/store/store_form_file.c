/* Blank forms of procedure components (store_form_file.h). */
#include "store/store_form_file.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

static void text_col(sqlite3_stmt *s, int col, char *out, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(out, cap, "%s", t ? (const char *)t : "");
}

/* One integer (or text into buf) from a single-row query; *found false on no row. */
static enum mc_status step_one(struct store *st, sqlite3_stmt *s, const char *what, bool *found,
                               int64_t *num, char *buf, size_t cap, struct mc_err *err)
{
    int r = sqlite3_step(s);
    *found = r == SQLITE_ROW;
    if (*found && num) {
        *num = sqlite3_column_int64(s, 0);
    }
    if (*found && buf) {
        text_col(s, 0, buf, cap);
    }
    sqlite3_reset(s);
    if (r != SQLITE_ROW && r != SQLITE_DONE) {
        return store_fail_db(st, err, what);
    }
    return MC_OK;
}

enum mc_status store_form_file_component(struct store *st, const char *proc, const char *case_code,
                                         int64_t ord, int64_t *case_id, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT id FROM procedures WHERE code = ?", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, proc);
    bool found = false;
    int64_t proc_id = 0;
    enum mc_status rc = step_one(st, s, "find procedure", &found, &proc_id, NULL, 0, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (!found) {
        return mc_fail(err, MC_ENOTFOUND, "no procedure %s", proc);
    }
    s = store_stmt(st, "SELECT id FROM cases WHERE procedure_id = ? AND code = ?", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, proc_id);
    store_bind_text(s, 2, case_code);
    rc = step_one(st, s, "find case", &found, case_id, NULL, 0, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (!found) {
        return mc_fail(err, MC_ENOTFOUND, "procedure %s has no case %s", proc, case_code);
    }
    s = store_stmt(st, "SELECT 1 FROM components WHERE case_id = ? AND ord = ?", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, *case_id);
    store_bind_i64(s, 2, ord);
    rc = step_one(st, s, "find component", &found, NULL, NULL, 0, err);
    if (rc == MC_OK && !found) {
        rc = mc_fail(err, MC_ENOTFOUND, "case %s of procedure %s has no component %lld", case_code,
                     proc, (long long)ord);
    }
    return rc;
}

static enum mc_status old_hash(struct store *st, int64_t case_id, int64_t ord, char old_sha[65],
                               bool *found, struct mc_err *err)
{
    old_sha[0] = '\0';
    sqlite3_stmt *s =
        store_stmt(st, "SELECT sha256 FROM form_files WHERE case_id = ? AND ord = ?", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, case_id);
    store_bind_i64(s, 2, ord);
    return step_one(st, s, "find form file", found, NULL, old_sha, 65, err);
}

enum mc_status store_form_file_put(struct store *st, int64_t case_id, int64_t ord,
                                   const struct store_attach *a, int64_t uploader, int64_t now,
                                   char old_sha[65], struct store_form_file *out,
                                   struct mc_err *err)
{
    bool found = false;
    enum mc_status rc = old_hash(st, case_id, ord, old_sha, &found, err);
    if (rc != MC_OK) {
        return rc;
    }
    sqlite3_stmt *s =
        store_stmt(st, "DELETE FROM attachments WHERE id = ? AND dossier IS NULL", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, a->id);
    rc = store_exec_stmt(st, s, "consume upload", err);
    if (rc == MC_OK && sqlite3_changes(st->db) != 1) {
        return mc_fail_field(err, MC_ECONFLICT, "upload", "the upload was used meanwhile");
    }
    if (rc != MC_OK) {
        return rc;
    }
    s = store_stmt(st,
                   "INSERT INTO form_files (case_id, ord, sha256, size, mime, name, uploader,"
                   " created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(case_id, ord) DO UPDATE"
                   " SET sha256 = excluded.sha256, size = excluded.size, mime = excluded.mime,"
                   " name = excluded.name, uploader = excluded.uploader,"
                   " created_at = excluded.created_at, id = (SELECT max(id) + 1 FROM form_files)"
                   " RETURNING id",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, case_id);
    store_bind_i64(s, 2, ord);
    store_bind_text(s, 3, a->sha256);
    store_bind_i64(s, 4, a->size);
    store_bind_text(s, 5, a->mime);
    store_bind_text(s, 6, a->name);
    if (uploader > 0) {
        store_bind_i64(s, 7, uploader);
    }
    store_bind_i64(s, 8, now);
    memset(out, 0, sizeof(*out));
    rc = step_one(st, s, "save form file", &found, &out->id, NULL, 0, err);
    if (rc == MC_OK && !found) {
        rc = mc_fail(err, MC_ESTORE, "save form file: no id");
    }
    if (rc == MC_OK) {
        snprintf(out->sha256, sizeof(out->sha256), "%s", a->sha256);
        out->size = a->size;
        snprintf(out->mime, sizeof(out->mime), "%s", a->mime);
        snprintf(out->name, sizeof(out->name), "%s", a->name);
    }
    return rc;
}

enum mc_status store_form_file_delete(struct store *st, int64_t case_id, int64_t ord,
                                      char old_sha[65], struct mc_err *err)
{
    bool found = false;
    enum mc_status rc = old_hash(st, case_id, ord, old_sha, &found, err);
    if (rc == MC_OK && !found) {
        return mc_fail(err, MC_ENOTFOUND, "this component has no form file");
    }
    sqlite3_stmt *s =
        rc == MC_OK ? store_stmt(st, "DELETE FROM form_files WHERE case_id = ? AND ord = ?", err)
                    : NULL;
    if (s == NULL) {
        return rc == MC_OK ? MC_ESTORE : rc;
    }
    store_bind_i64(s, 1, case_id);
    store_bind_i64(s, 2, ord);
    return store_exec_stmt(st, s, "remove form file", err);
}

enum mc_status store_form_file_get(struct store *st, const char *proc, int64_t id,
                                   struct store_form_file *out, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT f.id, f.sha256, f.size, f.mime, f.name FROM form_files f"
                                 " JOIN cases c ON c.id = f.case_id"
                                 " JOIN procedures p ON p.id = c.procedure_id"
                                 " WHERE f.id = ? AND p.code = ?",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_i64(s, 1, id);
    store_bind_text(s, 2, proc);
    memset(out, 0, sizeof(*out));
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        text_col(s, 1, out->sha256, sizeof(out->sha256));
        out->size = sqlite3_column_int64(s, 2);
        text_col(s, 3, out->mime, sizeof(out->mime));
        text_col(s, 4, out->name, sizeof(out->name));
    }
    sqlite3_reset(s);
    if (r == SQLITE_DONE) {
        return mc_fail(err, MC_ENOTFOUND, "procedure %s has no form file %lld", proc,
                       (long long)id);
    }
    return r == SQLITE_ROW ? MC_OK : store_fail_db(st, err, "load form file");
}

enum mc_status store_blob_referenced(struct store *st, const char *sha256, bool *out,
                                     struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT 1 WHERE EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?1)"
                   " OR EXISTS (SELECT 1 FROM form_files WHERE sha256 = ?1)",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, sha256);
    return step_one(st, s, "find references", out, NULL, NULL, 0, err);
}
