/* Files referenced by a dossier submission or an action: the body's
 * "files": [{"upload": "<token from POST /api/uploads>", "component": "…"}].
 *
 * Inside the transition's transaction, http_files_resolve checks that each
 * upload exists, is still free (not expired, not yet used) and belongs to
 * the caller (an anonymous applicant may use only anonymous uploads, a
 * person only his or her own), and adds "<name> sha256:<hash>" to the
 * engine's attachment list so that the hash chain seals the content. After
 * the engine accepted the transition, http_files_link ties them to the
 * dossier and its newest handover event. */
#ifndef MC_HTTP_ATTACH_IN_H
#define MC_HTTP_ATTACH_IN_H

#include <jansson.h>

#include "engine/engine.h"
#include "http/request.h"
#include "store/store_attach.h"

struct http_files {
    size_t n;
    const char *token[ENGINE_LIST_MAX];
    const char *component[ENGINE_LIST_MAX]; /* NULL: none named */
    struct store_attach rec[ENGINE_LIST_MAX];
    char audit[ENGINE_LIST_MAX][256];
};

/* Syntax only (no database): for the fuzz target and before the transaction. */
enum mc_status http_files_decode(json_t *body, struct http_files *out,
                                 struct mc_err *err) MC_MUST_CHECK;
enum mc_status http_files_resolve(struct http_req *req, struct http_files *f, int64_t now,
                                  const char **attachments, size_t *n_attachments,
                                  struct mc_err *err) MC_MUST_CHECK;
enum mc_status http_files_link(struct http_req *req, const struct http_files *f, int64_t dossier,
                               struct mc_err *err) MC_MUST_CHECK;

/* Answer with stored bytes as a download: the detected type, the name as
 * an RFC 5987 attachment, no caching, a sandboxing CSP (h_attach.c). */
enum mc_status http_send_blob(struct http_req *req, struct http_resp *resp, const char *sha256,
                              const char *mime, const char *name, struct mc_err *err) MC_MUST_CHECK;

/* The dossier's files as the API shows them; url_base is the path their
 * download URLs start with ("/api/dossiers/<code>"). New reference. */
json_t *http_files_json(struct http_req *req, int64_t dossier, const char *url_base);

#endif
