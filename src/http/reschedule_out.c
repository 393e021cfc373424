/* The dossier view's reschedule history (see reschedule_out.h). */
#include "http/reschedule_out.h"

#include <stdlib.h>

#include "store/store_reschedule.h"

enum mc_status http_reschedules_json(struct http_req *req, int64_t dossier, json_t **out,
                                     struct mc_err *err)
{
    char *text = NULL;
    enum mc_status rc = store_dossier_reschedules_json(req->db, dossier, &text, err);
    if (rc != MC_OK) {
        return rc;
    }
    *out = json_loads(text, 0, NULL);
    free(text);
    return *out ? MC_OK : mc_fail(err, MC_EINTERNAL, "the reschedule history does not parse");
}
