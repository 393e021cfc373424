#include "http/org_out.h"

#include <stdlib.h>

#include "core/role.h"
#include "store/store_org.h"

enum mc_status http_store_json(char *text, json_t **out, struct mc_err *err)
{
    json_error_t jerr;
    *out = json_loads(text, 0, &jerr);
    free(text);
    if (*out == NULL) {
        /* The store built it: a failure here is our bug, not the caller's. */
        return mc_fail(err, MC_EINTERNAL, "the database returned malformed JSON: %s", jerr.text);
    }
    return MC_OK;
}

void http_person_add_titles(json_t *person)
{
    size_t i;
    json_t *r;
    json_array_foreach (json_object_get(person, "roles"), i, r) {
        enum core_role role;
        const char *name = json_string_value(json_object_get(r, "role"));
        if (name && core_role_parse(name, &role)) {
            json_object_set_new(r, "title", json_string(core_role_title_vi(role)));
        }
    }
}

enum mc_status http_person_doc(struct http_req *req, int64_t person, json_t **out,
                               struct mc_err *err)
{
    char *text = NULL;
    enum mc_status rc = store_person_json(req->db, person, &text, err);
    if (rc == MC_OK) {
        rc = http_store_json(text, out, err);
    }
    if (rc == MC_OK) {
        http_person_add_titles(*out);
    }
    return rc;
}
