/* agency.json (docs/IMPORT.md). */
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "cli/import.h"
#include "core/agency.h"
#include "store/store_agency.h"

static char *dup_or_null(const char *s)
{
    return s ? mc_xstrdup(s) : NULL;
}

int import_agency(struct import_ctx *ctx)
{
    static const char file[] = "agency.json";
    json_t *j = import_load(ctx, file, true);
    if (j == NULL) {
        return 0;
    }
    static const char *const keys[] = { "code",  "name",  "name_en", "province",     "address",
                                        "phone", "email", "website", "abbreviation", NULL };
    const char *v[9] = { NULL };
    bool ok = import_only_keys(ctx, file, "", j, keys);
    ok &= import_str(ctx, file, "", j, "code", true, 13, &v[0]);
    ok &= import_str(ctx, file, "", j, "name", true, 300, &v[1]);
    for (size_t i = 2; i < 8; i++) {
        ok &= import_str(ctx, file, "", j, keys[i], false, 300, &v[i]);
    }
    ok &= import_str(ctx, file, "", j, "abbreviation", false, CORE_AGENCY_ABBR_MAX, &v[8]);
    if (v[8] && !core_agency_abbreviation_ok(v[8])) {
        import_error(ctx, file, "$.abbreviation",
                     "must be the agency's abbreviation as a ký hiệu prints it (NĐ 30/2020): "
                     "upper-case letters, Đ, digits and single hyphens, starting with a letter, "
                     "e.g. SNV");
        ok = false;
    }
    if (v[0] && !core_agency_code_ok(v[0])) {
        import_error(ctx, file, "$.code",
                     "must be 1 to 13 letters, digits and dots (QCVN 102:2016), e.g. "
                     "000.00.00.H15");
        ok = false;
    }
    int loaded = 0;
    if (ok) {
        struct core_agency a = { .code = dup_or_null(v[0]),
                                 .name = dup_or_null(v[1]),
                                 .name_en = dup_or_null(v[2]),
                                 .province = dup_or_null(v[3]),
                                 .address = dup_or_null(v[4]),
                                 .phone = dup_or_null(v[5]),
                                 .email = dup_or_null(v[6]),
                                 .website = dup_or_null(v[7]),
                                 .abbreviation = dup_or_null(v[8]) };
        struct mc_err err;
        if (store_agency_put(ctx->st, &a, &err) != MC_OK) {
            import_error(ctx, file, "", "%s", err.msg);
        } else {
            loaded = 1;
        }
        core_agency_release(&a);
    }
    json_decref(j);
    return loaded;
}

int export_agency(struct store *st, const char *dir)
{
    struct core_agency a;
    struct mc_err err;
    if (store_agency_get(st, &a, &err) != MC_OK) {
        fprintf(stderr, "motcua export: %s\n", err.msg);
        return -1;
    }
    json_t *j = json_object();
    const char *keys[] = { "code",  "name",  "name_en", "province",    "address",
                           "phone", "email", "website", "abbreviation" };
    const char *vals[] = { a.code,  a.name,  a.name_en, a.province,    a.address,
                           a.phone, a.email, a.website, a.abbreviation };
    for (size_t i = 0; i < 9; i++) {
        if (vals[i]) {
            json_object_set_new(j, keys[i], json_string(vals[i]));
        }
    }
    int rc = export_write(dir, "agency.json", j);
    json_decref(j);
    core_agency_release(&a);
    return rc;
}
