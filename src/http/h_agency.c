/* The agency record over HTTP: anyone reads what the portal and the forms
 * print (name, province, contacts, abbreviation); administrators set the
 * agency's abbreviation, the second group of the ký hiệu its forms carry
 * ("12/PXL-SNV", docs/FORMS.md "Numbers"). The rest of the record comes from
 * agency.json (motcua import). */
#include <stdlib.h>

#include "core/agency.h"
#include "core/role.h"
#include "http/auth.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "store/store_agency.h"

enum mc_status h_agency_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    char *text = NULL;
    enum mc_status rc = store_agency_json(req->db, &text, err);
    if (rc == MC_ENOTFOUND) {
        return mc_fail(err, MC_ENOTFOUND, "the agency is not set up yet: run motcua import");
    }
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, text);
    }
    return rc;
}

/* {"abbreviation": "SNV"} sets it, {"abbreviation": null} clears it. */
static enum mc_status decode(json_t *body, const char **abbr, struct mc_err *err)
{
    static const char *const keys[] = { "abbreviation", NULL };
    if (!json_is_object(body)) {
        return mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    enum mc_status rc = http_json_only_keys(body, "", keys, err);
    json_t *v = json_object_get(body, "abbreviation");
    if (rc == MC_OK && v == NULL) {
        rc = mc_fail_field(err, MC_EINVAL, "abbreviation",
                           "abbreviation is required (a string, or null to clear it)");
    }
    *abbr = NULL;
    if (rc != MC_OK || json_is_null(v)) {
        return rc;
    }
    rc = http_json_str(body, "", "abbreviation", true, CORE_AGENCY_ABBR_MAX, abbr, err);
    if (rc == MC_OK && !core_agency_abbreviation_ok(*abbr)) {
        rc = mc_fail_field(err, MC_EINVAL, "abbreviation",
                           "abbreviation must be written as a ký hiệu prints it (NĐ 30/2020): "
                           "upper-case letters, Đ, digits and single hyphens, starting with a "
                           "letter, at most %d bytes, e.g. SNV",
                           CORE_AGENCY_ABBR_MAX);
    }
    return rc;
}

enum mc_status h_agency_update(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    const char *abbr = NULL;
    if (rc == MC_OK) {
        rc = decode(body, &abbr, err);
    }
    bool begun = false;
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
        begun = rc == MC_OK;
    }
    if (rc == MC_OK) {
        rc = store_agency_set_abbreviation(req->db, abbr, err);
    }
    if (rc == MC_OK) {
        rc = store_commit(req->db, err);
    } else if (begun) {
        store_rollback(req->db);
    }
    json_decref(body);
    if (rc == MC_OK) {
        rc = h_agency_get(req, resp, err);
    }
    return rc;
}
