/* The dossier request-body decoders (actions and receipts) on arbitrary
 * bytes: no crash, no leak, and a decoded action always names a known
 * action with a positive version, and a decoded files list holds
 * well-formed, distinct upload ids. Runs without a database. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/err.h"
#include "http/action_in.h"
#include "http/attach_in.h"
#include "http/json_in.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *j = NULL;
    struct mc_err err;
    if (http_json_parse((const char *)data, size, 32, &j, &err) != MC_OK) {
        return 0;
    }
    struct engine_action a;
    if (http_action_decode(j, &a, &err) == MC_OK) {
        MC_ASSERT((unsigned)a.action < ENG_ACT_COUNT);
        MC_ASSERT(a.version >= 1);
        MC_ASSERT(a.n_missing <= ENGINE_LIST_MAX && a.n_attachments <= ENGINE_LIST_MAX);
        MC_ASSERT(a.n_consults <= ENG_CONSULT_MAX);
    }
    struct engine_receipt r;
    if (http_receipt_decode(j, size % 2 == 0, &r, &err) == MC_OK) {
        MC_ASSERT(r.procedure != NULL && r.applicant.name != NULL && r.applicant.phone != NULL);
    }
    /* The "files" list of both: ids of the right shape, never two alike. */
    struct http_files f;
    if (http_files_decode(j, &f, &err) == MC_OK) {
        MC_ASSERT(f.n <= ENGINE_LIST_MAX);
        for (size_t i = 0; i < f.n; i++) {
            MC_ASSERT(strlen(f.token[i]) == 32);
            for (size_t k = 0; k < i; k++) {
                MC_ASSERT(strcmp(f.token[i], f.token[k]) != 0);
            }
        }
    }
    json_decref(j);
    return 0;
}
