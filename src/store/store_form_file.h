/* Blank forms attached to a component of a procedure case
 * (0011_form_files.sql). The upload that brought the bytes is consumed;
 * the bytes stay in store/blob.h under the same hash. */
#ifndef MC_STORE_STORE_FORM_FILE_H
#define MC_STORE_STORE_FORM_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"
#include "store/store_attach.h"

struct store_form_file {
    int64_t id;
    char sha256[65];
    int64_t size;
    char mime[101];
    char name[256];
};

/* The case id of component `ord` (1-based) of case `case_code` of
 * procedure `proc`; MC_ENOTFOUND naming what is missing. */
enum mc_status store_form_file_component(struct store *st, const char *proc, const char *case_code,
                                         int64_t ord, int64_t *case_id,
                                         struct mc_err *err) MC_MUST_CHECK;
/* Attach (or replace) the form of component (case_id, ord) with the free
 * upload `a`, deleting the upload's row (MC_ECONFLICT if it was used
 * meanwhile). *old_sha receives the hash of a replaced file ("" if none);
 * out the new record. Call inside a transaction. */
enum mc_status store_form_file_put(struct store *st, int64_t case_id, int64_t ord,
                                   const struct store_attach *a, int64_t uploader, int64_t now,
                                   char old_sha[65], struct store_form_file *out,
                                   struct mc_err *err) MC_MUST_CHECK;
/* Remove the form of component (case_id, ord); MC_ENOTFOUND if none.
 * *old_sha receives its hash. */
enum mc_status store_form_file_delete(struct store *st, int64_t case_id, int64_t ord,
                                      char old_sha[65], struct mc_err *err) MC_MUST_CHECK;
/* Form file `id` of procedure `proc`; MC_ENOTFOUND. */
enum mc_status store_form_file_get(struct store *st, const char *proc, int64_t id,
                                   struct store_form_file *out, struct mc_err *err) MC_MUST_CHECK;
/* Does any attachment or form file still name these bytes? */
enum mc_status store_blob_referenced(struct store *st, const char *sha256, bool *out,
                                     struct mc_err *err) MC_MUST_CHECK;

#endif
