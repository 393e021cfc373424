#include "core/procedure.h"

#include <math.h> /* isfinite: a macro, no libm */
#include <string.h>

#include "base/buf.h"
#include "core/org.h"

bool core_catalog_code_ok(const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n > 32) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  c == '-' || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool one_of(const char *s, const char *const names[])
{
    for (size_t i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0) {
            return true;
        }
    }
    return false;
}

bool core_procedure_kind_ok(const char *kind)
{
    static const char *const names[] = { "tthc", "internal", NULL };
    return one_of(kind, names);
}

bool core_procedure_level_ok(const char *level)
{
    static const char *const names[] = { "tinh", "xa", "huyen", "bo", NULL };
    return one_of(level, names);
}

bool core_online_level_ok(const char *online_level)
{
    static const char *const names[] = { "toan_trinh", "mot_phan", NULL };
    return one_of(online_level, names);
}

bool core_time_unit_parse(const char *name, enum core_time_unit *out)
{
    if (strcmp(name, "working_days") == 0) {
        *out = CORE_WORKING_DAYS;
        return true;
    }
    if (strcmp(name, "working_hours") == 0) {
        *out = CORE_WORKING_HOURS;
        return true;
    }
    return false;
}

const char *core_time_unit_name(enum core_time_unit unit)
{
    switch (unit) {
    case CORE_WORKING_DAYS:
        return "working_days";
    case CORE_WORKING_HOURS:
        return "working_hours";
    }
    return "?";
}

bool core_halves_of(double amount, double max, int64_t *halves)
{
    if (!isfinite(amount) || amount <= 0 || amount > max) {
        return false;
    }
    double h = amount * 2;
    if (h != (double)(int64_t)h) { /* in range: amount <= max */
        return false;
    }
    *halves = (int64_t)h;
    return true;
}

int64_t core_time_limit_half_hours(struct core_time_limit limit)
{
    return limit.unit == CORE_WORKING_DAYS ? limit.halves * CORE_HOURS_PER_DAY : limit.halves;
}

/* mc_fail_field with a field built from prefix + suffix. */
static enum mc_status fail_at(struct mc_err *err, const char *prefix, const char *suffix,
                              const char *msg)
{
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_appendf(&b, "%s%s", prefix, suffix);
    enum mc_status rc = mc_fail_field(err, MC_EINVAL, mc_buf_cstr(&b), "%s", msg);
    mc_buf_release(&b);
    return rc;
}

/* Case i: its code, unique among the cases, and a positive limit. */
static enum mc_status check_case(const struct core_procedure *p, size_t i, const char *prefix,
                                 struct mc_err *err)
{
    const struct core_case *c = &p->cases[i];
    const char *msg = NULL;
    const char *field = "";
    if (!core_catalog_code_ok(c->code)) {
        msg = "must be 1 to 32 characters of A-Z a-z 0-9 . _ -";
        field = ".code";
    } else if (c->limit.halves <= 0) {
        msg = "must be a positive amount in steps of 0.5";
        field = ".time_limit.amount";
    }
    for (size_t k = 0; k < i && msg == NULL; k++) {
        if (strcmp(p->cases[k].code, c->code) == 0) {
            msg = "is the code of an earlier case: case codes are unique in a procedure";
            field = ".code";
        }
    }
    if (msg == NULL) {
        return MC_OK;
    }
    struct mc_buf where;
    mc_buf_init(&where, 0);
    mc_buf_appendf(&where, ".cases[%zu]%s", i, field);
    enum mc_status rc = fail_at(err, prefix, mc_buf_cstr(&where), msg);
    mc_buf_release(&where);
    return rc;
}

enum mc_status core_procedure_check(const struct core_procedure *p, const char *prefix,
                                    struct mc_err *err)
{
    if (!core_catalog_code_ok(p->code)) {
        return fail_at(err, prefix, ".code", "must be 1 to 32 characters of A-Z a-z 0-9 . _ -");
    }
    if (!core_procedure_kind_ok(p->kind)) {
        return fail_at(err, prefix, ".kind", "must be tthc or internal");
    }
    bool tthc = strcmp(p->kind, "tthc") == 0;
    if (p->domain == NULL && tthc) {
        return fail_at(err, prefix, ".domain", "is required for a TTHC");
    }
    if (p->domain && !core_catalog_code_ok(p->domain)) {
        return fail_at(err, prefix, ".domain", "must be a domain code");
    }
    if (p->level == NULL && tthc) {
        return fail_at(err, prefix, ".level", "is required for a TTHC");
    }
    if (p->level && !core_procedure_level_ok(p->level)) {
        return fail_at(err, prefix, ".level", "must be tinh, xa, huyen or bo");
    }
    if (!core_unit_code_ok(p->unit)) {
        return fail_at(err, prefix, ".unit", "must be a unit code (A-Z 0-9 _ -, at most 16)");
    }
    if (p->online_level && !core_online_level_ok(p->online_level)) {
        return fail_at(err, prefix, ".online_level", "must be toan_trinh, mot_phan or null");
    }
    if (p->ncases == 0) {
        return fail_at(err, prefix, ".cases", "must list at least one case");
    }
    if (p->ncases > CORE_PROCEDURE_MAX_CASES) {
        return fail_at(err, prefix, ".cases", "lists more than 64 cases");
    }
    for (size_t i = 0; i < p->ncases; i++) {
        enum mc_status rc = check_case(p, i, prefix, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}
