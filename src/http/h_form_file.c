/* Blank forms of a procedure's dossier components (issue 5 item 2): an
 * administrator attaches a file uploaded with POST /api/uploads to
 * component `ord` of a case, anyone downloads it from the procedure page.
 * Records are in store_form_file.h; the bytes in store/blob.h. */
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "core/procedure.h"
#include "core/role.h"
#include "http/attach_in.h"
#include "http/auth.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "http/server.h"
#include "store/blob.h"
#include "store/store_attach.h"
#include "store/store_form_file.h"

/* The component named by the path: /api/procedures/{code}/cases/{case}/components/{ord}. */
static enum mc_status component_of(struct http_req *req, int64_t *case_id, int64_t *ord,
                                   struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const char *case_code = http_param(req, 1);
    const char *ord_s = http_param(req, 2);
    if (code == NULL || !core_catalog_code_ok(code)) {
        return mc_fail(err, MC_ENOTFOUND, "no such procedure");
    }
    if (case_code == NULL || strlen(case_code) > 64) {
        return mc_fail(err, MC_ENOTFOUND, "no such case");
    }
    if (ord_s == NULL || !mc_parse_i64(ord_s, 1, 999, ord)) {
        return mc_fail(err, MC_ENOTFOUND,
                       "no component %s: components are numbered from 1 in their case's order",
                       ord_s ? ord_s : "");
    }
    return store_form_file_component(req->db, code, case_code, *ord, case_id, err);
}

/* Bytes no row names any more leave the file store (inside the caller's
 * transaction: writes are serialised, so no upload can claim them between). */
static enum mc_status drop_if_orphan(struct http_req *req, const char *sha, struct mc_err *err)
{
    if (sha[0] == '\0') {
        return MC_OK;
    }
    bool used = true;
    enum mc_status rc = store_blob_referenced(req->db, sha, &used, err);
    if (rc == MC_OK && !used) {
        rc = blob_remove(http_server_blobs(req->server), sha, err);
    }
    return rc;
}

/* The upload named by the body, checked: the caller's own, still free,
 * not expired, and a document (a form is not an image). */
static enum mc_status upload_of(struct http_req *req, struct store_attach *a, struct mc_err *err)
{
    json_t *body = NULL;
    enum mc_status rc = http_json_body(req, &body, err);
    static const char *const keys[] = { "upload", NULL };
    if (rc == MC_OK && !json_is_object(body)) {
        rc = mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    if (rc == MC_OK) {
        rc = http_json_only_keys(body, "", keys, err);
    }
    const char *token = NULL;
    if (rc == MC_OK) {
        rc = http_json_str(body, "", "upload", true, 32, &token, err);
    }
    if (rc == MC_OK && (strlen(token) != 32 || strspn(token, "0123456789abcdef") != 32)) {
        rc = mc_fail_field(err, MC_EINVAL, "upload",
                           "upload: the id that POST /api/uploads returned");
    }
    if (rc == MC_OK) {
        rc = store_attach_get(req->db, token, a, err);
        if (rc == MC_ENOTFOUND) {
            rc = mc_fail_field(err, MC_EINVAL, "upload", "upload %s: no such upload", token);
        }
    }
    json_decref(body);
    if (rc != MC_OK) {
        return rc;
    }
    if (a->uploader != req->who->person_id) {
        return mc_fail_field(err, MC_EINVAL, "upload", "upload: not one of your uploads");
    }
    if (a->dossier != 0) {
        return mc_fail_field(err, MC_ECONFLICT, "upload",
                             "upload: the file is already attached to a dossier");
    }
    if (a->expires_at < http_now_minutes(req)) {
        return mc_fail_field(err, MC_EINVAL, "upload", "upload: expired; upload the file again");
    }
    if (strncmp(a->mime, "image/", 6) == 0) {
        return mc_fail_field(err, MC_EMEDIA, "upload",
                             "upload: a blank form must be a document (PDF, DOCX, DOC, ODT or "
                             "XLSX), not %s",
                             a->mime);
    }
    return MC_OK;
}

static json_t *form_file_json(const char *proc, const struct store_form_file *f)
{
    char url[160];
    snprintf(url, sizeof(url), "/api/procedures/%s/forms/%lld", proc, (long long)f->id);
    return json_pack("{s:I, s:s, s:I, s:s, s:s}", "id", (json_int_t)f->id, "name", f->name, "size",
                     (json_int_t)f->size, "mime", f->mime, "url", url);
}

enum mc_status h_form_file_put(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    int64_t case_id = 0, ord = 0;
    if (rc == MC_OK) {
        rc = component_of(req, &case_id, &ord, err);
    }
    struct store_attach a;
    if (rc == MC_OK) {
        rc = upload_of(req, &a, err);
    }
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    char old_sha[65];
    struct store_form_file f;
    rc = store_form_file_put(req->db, case_id, ord, &a, req->who->person_id, http_now_minutes(req),
                             old_sha, &f, err);
    if (rc == MC_OK && strcmp(old_sha, a.sha256) != 0) {
        rc = drop_if_orphan(req, old_sha, err);
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    rc = store_commit(req->db, err);
    if (rc == MC_OK) {
        http_resp_json(resp, 200, form_file_json(http_param(req, 0), &f));
    }
    return rc;
}

enum mc_status h_form_file_delete(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    int64_t case_id = 0, ord = 0;
    if (rc == MC_OK) {
        rc = component_of(req, &case_id, &ord, err);
    }
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    char old_sha[65];
    rc = store_form_file_delete(req->db, case_id, ord, old_sha, err);
    if (rc == MC_OK) {
        rc = drop_if_orphan(req, old_sha, err);
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    rc = store_commit(req->db, err);
    if (rc == MC_OK) {
        http_resp_empty(resp, 204);
    }
    return rc;
}

enum mc_status h_form_file_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const char *id_s = http_param(req, 1);
    int64_t id = 0;
    if (code == NULL || !core_catalog_code_ok(code) || id_s == NULL ||
        !mc_parse_i64(id_s, 1, INT64_MAX, &id)) {
        return mc_fail(err, MC_ENOTFOUND, "no such form file");
    }
    struct store_form_file f;
    enum mc_status rc = store_form_file_get(req->db, code, id, &f, err);
    return rc == MC_OK ? http_send_blob(req, resp, f.sha256, f.mime, f.name, err) : rc;
}
