#include "store/store_agency.h"

#include <string.h>

#include "store/store_int.h"

enum mc_status store_agency_put(struct store *st, const struct core_agency *a, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "INSERT INTO agency(id, code, name, name_en, province, address,"
                                 " phone, email, website, abbreviation)"
                                 " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                 " ON CONFLICT(id) DO UPDATE SET code=excluded.code,"
                                 " name=excluded.name, name_en=excluded.name_en,"
                                 " province=excluded.province, address=excluded.address,"
                                 " phone=excluded.phone, email=excluded.email,"
                                 " website=excluded.website,"
                                 /* An agency.json without it keeps the one an
                                  * administrator set (store_agency.h). */
                                 " abbreviation=coalesce(excluded.abbreviation, abbreviation)",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, a->code);
    store_bind_text(s, 2, a->name);
    store_bind_text(s, 3, a->name_en);
    store_bind_text(s, 4, a->province);
    store_bind_text(s, 5, a->address);
    store_bind_text(s, 6, a->phone);
    store_bind_text(s, 7, a->email);
    store_bind_text(s, 8, a->website);
    store_bind_text(s, 9, a->abbreviation);
    return store_exec_stmt(st, s, "saving the agency", err);
}

enum mc_status store_agency_set_abbreviation(struct store *st, const char *abbr, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st, "UPDATE agency SET abbreviation = ?1 WHERE id = 1", err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    store_bind_text(s, 1, abbr);
    enum mc_status rc = store_exec_stmt(st, s, "saving the agency's abbreviation", err);
    if (rc == MC_OK && sqlite3_changes(st->db) == 0) {
        return mc_fail(err, MC_ENOTFOUND, "the agency is not set up yet: run motcua import");
    }
    return rc;
}

enum mc_status store_agency_get(struct store *st, struct core_agency *a, struct mc_err *err)
{
    sqlite3_stmt *s = store_stmt(st,
                                 "SELECT code, name, name_en, province, address, phone, email,"
                                 " website, abbreviation FROM agency WHERE id = 1",
                                 err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(s);
        return mc_fail(err, MC_ENOTFOUND, "the agency is not set up yet: run motcua import");
    }
    if (rc != SQLITE_ROW) {
        enum mc_status out = store_fail_db(st, err, "reading the agency");
        sqlite3_reset(s);
        return out;
    }
    memset(a, 0, sizeof(*a));
    a->code = store_col_dup(s, 0);
    a->name = store_col_dup(s, 1);
    a->name_en = store_col_dup(s, 2);
    a->province = store_col_dup(s, 3);
    a->address = store_col_dup(s, 4);
    a->phone = store_col_dup(s, 5);
    a->email = store_col_dup(s, 6);
    a->website = store_col_dup(s, 7);
    a->abbreviation = store_col_dup(s, 8);
    sqlite3_reset(s);
    return MC_OK;
}

enum mc_status store_agency_json(struct store *st, char **json, struct mc_err *err)
{
    sqlite3_stmt *s =
        store_stmt(st,
                   "SELECT json_object('code', code, 'name', name, 'name_en', name_en,"
                   " 'province', province, 'address', address, 'phone', phone,"
                   " 'email', email, 'website', website, 'abbreviation', abbreviation)"
                   " FROM agency WHERE id = 1",
                   err);
    if (s == NULL) {
        return MC_ESTORE;
    }
    return store_json_row(st, s, "the agency", json, err);
}
