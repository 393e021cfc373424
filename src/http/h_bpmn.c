/* BPMN 2.0 for process versions (issue 4 §8, docs/BPMN.md): the export a
 * modeler opens, and the XML branch of drafting a version
 * (h_process_version_create dispatches on Content-Type). The role checks
 * are the caller's, as for the JSON body. */
#include <string.h>

#include "base/parse.h"
#include "bpmn/bpmn.h"
#include "http/handlers.h"
#include "store/store_catalog.h"

enum mc_status h_process_bpmn_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    int64_t issue = 0;
    if (code == NULL || !core_catalog_code_ok(code)) {
        return mc_fail(err, MC_ENOTFOUND, "no such process");
    }
    if (!mc_parse_i64(http_param(req, 1), 1, 999, &issue)) {
        return mc_fail(err, MC_ENOTFOUND, "no such issue");
    }
    struct core_process p;
    enum mc_status rc = store_catalog_version_get(req->db, code, issue, &req->arena, &p, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct mc_buf xml;
    mc_buf_init(&xml, BPMN_MAX_BYTES);
    rc = bpmn_write(&p, &xml, err);
    if (rc != MC_OK) {
        mc_buf_release(&xml);
        return rc;
    }
    size_t len = 0;
    char *body = mc_buf_detach(&xml, &len);
    http_resp_owned(resp, 200, "application/xml; charset=utf-8", body, len);
    /* A browser saves it under a name a modeler user recognises. */
    http_resp_header(
        resp, "Content-Disposition",
        mc_arena_printf(&req->arena, "inline; filename=\"%s-%lld.bpmn\"", code, (long long)issue));
    return MC_OK;
}

bool http_body_is_xml(struct http_req *req)
{
    const char *ct = http_header(req, "Content-Type");
    if (ct == NULL) {
        return false;
    }
    static const char *const types[] = { "application/xml", "text/xml", "application/bpmn+xml" };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        size_t n = strlen(types[i]);
        if (strncmp(ct, types[i], n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ')) {
            return true;
        }
    }
    return false;
}

enum mc_status http_bpmn_decode_version(struct http_req *req, const char *code,
                                        struct core_time_limit limit, struct core_process *p,
                                        struct mc_err *err)
{
    struct bpmn_model m;
    enum mc_status rc =
        bpmn_parse_mem(mc_buf_cstr(&req->body), req->body.len, &req->arena, &m, err);
    if (rc != MC_OK) {
        return rc;
    }
    /* A file exported from another process must not become a draft here. */
    if (m.process.code != NULL && strcmp(m.process.code, code) != 0) {
        struct bpmn_problem pr = { .element = m.process_element, .line = m.process_line };
        return mc_fail_field(err, MC_EINVAL, bpmn_problem_where(&req->arena, &pr),
                             "the file describes process %s, not %s", m.process.code, code);
    }
    rc = bpmn_check(&m, limit, &req->arena, NULL, err);
    if (rc == MC_OK) {
        *p = m.process;
        p->code = code;
    }
    return rc;
}
