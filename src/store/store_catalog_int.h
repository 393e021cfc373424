/* Private to the store_catalog*.c files. */
#ifndef MC_STORE_CATALOG_INT_H
#define MC_STORE_CATALOG_INT_H

#include "store/store_catalog.h"

/* The version (process_id, issue) as core structs in a; *found false (and
 * MC_OK) when it does not exist. */
enum mc_status store_catalog_version_load(struct store *st, int64_t process_id, int64_t issue,
                                          struct mc_arena *a, struct core_process *out, bool *found,
                                          struct mc_err *err) MC_MUST_CHECK;

#endif
