/* Files in dossier bodies (attach_in.h). */
#include "http/attach_in.h"

#include <stdio.h>
#include <string.h>

#include "http/auth.h"
#include "http/json_in.h"
#include "store/store_dossier.h"

/* An upload token: 32 lower-case hex digits. */
static bool token_ok(const char *s)
{
    size_t n = 0;
    for (; s && s[n]; n++) {
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) {
            return false;
        }
    }
    return n == 32;
}

enum mc_status http_files_decode(json_t *body, struct http_files *f, struct mc_err *err)
{
    f->n = 0;
    json_t *arr = json_object_get(body, "files");
    if (arr == NULL) {
        return MC_OK;
    }
    if (!json_is_array(arr) || json_array_size(arr) > ENGINE_LIST_MAX) {
        return mc_fail_field(err, MC_EINVAL, "files", "files must be a list of at most %d files",
                             ENGINE_LIST_MAX);
    }
    static const char *const keys[] = { "upload", "component", NULL };
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        char path[32];
        snprintf(path, sizeof(path), "files[%zu]", i);
        if (!json_is_object(o)) {
            return mc_fail_field(err, MC_EINVAL, path, "%s must be an object {upload, component}",
                                 path);
        }
        enum mc_status rc = http_json_only_keys(o, path, keys, err);
        if (rc == MC_OK) {
            rc = http_json_str(o, path, "upload", true, 32, &f->token[i], err);
        }
        if (rc == MC_OK) {
            f->component[i] = NULL;
            rc = http_json_str(o, path, "component", false, 500, &f->component[i], err);
        }
        if (rc != MC_OK) {
            return rc;
        }
        if (!token_ok(f->token[i])) {
            char fp[48];
            snprintf(fp, sizeof(fp), "%s.upload", path);
            return mc_fail_field(err, MC_EINVAL, fp,
                                 "%s must be the id returned by POST /api/uploads", fp);
        }
        for (size_t k = 0; k < i; k++) {
            if (strcmp(f->token[k], f->token[i]) == 0) {
                char fp[48];
                snprintf(fp, sizeof(fp), "%s.upload", path);
                return mc_fail_field(err, MC_EINVAL, fp, "the same upload is listed twice");
            }
        }
        f->n = i + 1;
    }
    return MC_OK;
}

enum mc_status http_files_resolve(struct http_req *req, struct http_files *f, int64_t now,
                                  const char **attachments, size_t *n_attachments,
                                  struct mc_err *err)
{
    if (*n_attachments + f->n > ENGINE_LIST_MAX) {
        return mc_fail_field(err, MC_EINVAL, "files",
                             "attachments and files together are at most %d", ENGINE_LIST_MAX);
    }
    int64_t me = req->who ? req->who->person_id : 0;
    for (size_t i = 0; i < f->n; i++) {
        char fp[48];
        snprintf(fp, sizeof(fp), "files[%zu].upload", i);
        enum mc_status rc = store_attach_get(req->db, f->token[i], &f->rec[i], err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail_field(err, MC_EINVAL, fp, "%s: no such upload (wrong id, or expired)",
                                 fp);
        }
        if (rc != MC_OK) {
            return rc;
        }
        /* Someone else's upload reads as unknown: do not confirm it exists. */
        if (f->rec[i].uploader != me) {
            return mc_fail_field(err, MC_EINVAL, fp, "%s: no such upload (wrong id, or expired)",
                                 fp);
        }
        if (f->rec[i].dossier != 0) {
            return mc_fail_field(err, MC_ECONFLICT, fp, "%s: this upload is already attached", fp);
        }
        if (f->rec[i].expires_at < now) {
            return mc_fail_field(err, MC_EINVAL, fp,
                                 "%s: the upload has expired; upload the file again", fp);
        }
        snprintf(f->audit[i], sizeof(f->audit[i]), "%s sha256:%s", f->rec[i].name,
                 f->rec[i].sha256);
        attachments[(*n_attachments)++] = f->audit[i];
    }
    return MC_OK;
}

enum mc_status http_files_link(struct http_req *req, const struct http_files *f, int64_t dossier,
                               struct mc_err *err)
{
    if (f->n == 0) {
        return MC_OK;
    }
    uint64_t seq = 0;
    uint8_t hash[ENG_HASH_LEN];
    enum mc_status rc = store_event_last(req->db, dossier, &seq, hash, err);
    for (size_t i = 0; rc == MC_OK && i < f->n; i++) {
        rc = store_attach_link(req->db, f->rec[i].id, dossier, f->component[i], (int64_t)seq, err);
    }
    return rc;
}

json_t *http_files_json(struct http_req *req, int64_t dossier, const char *url_base)
{
    json_t *arr = json_array();
    struct store_attach *list = NULL;
    size_t n = 0;
    struct mc_err ignore;
    mc_err_clear(&ignore);
    if (store_attach_list(req->db, dossier, &req->arena, &list, &n, &ignore) != MC_OK) {
        return arr;
    }
    for (size_t i = 0; i < n; i++) {
        const struct store_attach *a = &list[i];
        char url[512];
        snprintf(url, sizeof(url), "%s/files/%s", url_base, a->token);
        json_t *o = json_pack("{s:s, s:s, s:I, s:s, s:s, s:I, s:s}", "id", a->token, "name",
                              a->name, "size", (json_int_t)a->size, "mime", a->mime, "sha256",
                              a->sha256, "event_seq", (json_int_t)a->event_seq, "url", url);
        json_object_set_new(o, "component",
                            a->component[0] ? json_string(a->component) : json_null());
        json_object_set_new(o, "uploaded_by", json_string(a->uploader ? "staff" : "applicant"));
        json_array_append_new(arr, o);
    }
    return arr;
}
