/* The org version (migration 0009): moved by triggers on every change to
 * people, roles, units in charge, units, sessions and API tokens. */
#include "store/store_int.h"
#include "store/store_org.h"

enum mc_status store_org_version(struct store *st, int64_t *version, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "SELECT v FROM org_version WHERE id = 1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    int rc = sqlite3_step(s);
    enum mc_status out = MC_OK;
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int64(s, 0);
    } else {
        out = store_fail_db(st, err, "reading the org version");
    }
    sqlite3_reset(s);
    return out;
}
