/* The public catalog: domains, the procedure list with diacritic-insensitive
 * search, one procedure with its cases, components and processes in force.
 * The JSON comes ready-made from the store (store_catalog_json.c). */
#include <string.h>

#include "base/parse.h"
#include "core/procedure.h"
#include "http/handlers.h"
#include "store/store_catalog.h"

enum mc_status h_domains_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    char *json = NULL;
    enum mc_status rc = store_catalog_domains_json(req->db, &json, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}

/* An optional whole-number query parameter within [min, max]. */
static enum mc_status query_int(struct http_req *req, const char *key, int64_t min, int64_t max,
                                int64_t *out, struct mc_err *err)
{
    const char *v = http_query(req, key);
    if (v == NULL) {
        return MC_OK;
    }
    if (!mc_parse_i64(v, min, max, out)) {
        return mc_fail_field(err, MC_EINVAL, key, "%s must be a whole number from %lld to %lld",
                             key, (long long)min, (long long)max);
    }
    return MC_OK;
}

/* An optional query parameter that must pass `ok`. */
static enum mc_status query_word(struct http_req *req, const char *key, bool (*ok)(const char *),
                                 const char *expected, const char **out, struct mc_err *err)
{
    const char *v = http_query(req, key);
    if (v == NULL || v[0] == '\0') {
        return MC_OK;
    }
    if (!ok(v)) {
        return mc_fail_field(err, MC_EINVAL, key, "%s must be %s", key, expected);
    }
    *out = v;
    return MC_OK;
}

enum mc_status h_procedures_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    struct store_procedure_filter f = { .limit = 20, .offset = 0 };
    enum mc_status rc = query_int(req, "limit", 1, 100, &f.limit, err);
    if (rc == MC_OK) {
        rc = query_int(req, "offset", 0, 1000000, &f.offset, err);
    }
    if (rc == MC_OK) {
        rc = query_word(req, "level", core_procedure_level_ok, "tinh, xa, huyen or bo", &f.level,
                        err);
    }
    if (rc == MC_OK) {
        rc = query_word(req, "kind", core_procedure_kind_ok, "tthc or internal", &f.kind, err);
    }
    if (rc == MC_OK) {
        rc = query_word(req, "domain", core_catalog_code_ok, "a domain code", &f.domain, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    const char *q = http_query(req, "q");
    if (q && q[0] != '\0') {
        size_t n = strlen(q);
        if (n > 200 || !mc_utf8_valid(q, n)) {
            return mc_fail_field(err, MC_EINVAL, "q", "q must be at most 200 bytes of UTF-8 text");
        }
        f.q = q;
    }
    char *json = NULL;
    rc = store_catalog_procedures_json(req->db, &f, &json, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}

enum mc_status h_procedure_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    if (code == NULL || !core_catalog_code_ok(code)) {
        return mc_fail(err, MC_ENOTFOUND, "no such procedure");
    }
    char *json = NULL;
    enum mc_status rc = store_catalog_procedure_json(req->db, code, &json, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, json);
    }
    return rc;
}
