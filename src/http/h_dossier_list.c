/* GET /api/dossiers: the dossiers behind a figure of the dashboard
 * (drill-down) and the control team's list of late dossiers; POST
 * /api/notifications/read-all. The list is scoped like a single dossier:
 * a caller sees the dossiers of the units he or she reads (control team,
 * steering committee, director: all) and those he or she holds. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "core/civil.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "store/store_dossier.h"

enum { LIST_CAP = 5000, LIST_LIMIT_MAX = 200, LIST_LIMIT_DEFAULT = 50 };

static const char *const OUTCOMES[] = { "early", "on_time", "late", "in_progress", "overdue" };

/* An optional date parameter: absent → *day 0; present and bad → 400. */
static enum mc_status opt_day(struct http_req *req, const char *key, struct eng_date *d, int *day,
                              struct mc_err *err)
{
    const char *s = http_query(req, key);
    *day = 0;
    if (s == NULL) {
        return MC_OK;
    }
    int y, m, dd;
    if (!mc_parse_date(s, &y, &m, &dd) || !eng_date_valid((struct eng_date){ y, m, dd })) {
        return mc_fail_field(err, MC_EINVAL, key, "%s must be a date YYYY-MM-DD", key);
    }
    *d = (struct eng_date){ y, m, dd };
    *day = y * 10000 + m * 100 + dd;
    return MC_OK;
}

static enum mc_status opt_int(struct http_req *req, const char *key, int64_t min, int64_t max,
                              int64_t *v, struct mc_err *err)
{
    const char *s = http_query(req, key);
    if (s != NULL && !mc_parse_i64(s, min, max, v)) {
        return mc_fail_field(err, MC_EINVAL, key, "%s must be a whole number from %lld to %lld",
                             key, (long long)min, (long long)max);
    }
    return MC_OK;
}

/* The filter's codes → ids: an unknown code is a 400 naming its field; a
 * unit the caller may not read is a 403. */
static enum mc_status resolve(struct http_req *req, struct store_dossier_filter *f,
                              struct mc_err *err)
{
    const char *unit = http_query(req, "unit");
    const char *procedure = http_query(req, "procedure");
    const char *officer = http_query(req, "officer");
    enum mc_status rc = unit ? store_unit_id(req->db, unit, &f->unit, err) : MC_OK;
    if (rc == MC_ENOTFOUND) {
        return mc_fail_field(err, MC_EINVAL, "unit", "no unit %s", unit);
    }
    if (rc == MC_OK && unit && !http_can_read_unit(req, unit)) {
        return mc_fail(err, MC_EPERM, "unit %s is outside your units", unit);
    }
    if (rc == MC_OK && procedure) {
        rc = store_procedure_id(req->db, procedure, &f->procedure, err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail_field(err, MC_EINVAL, "procedure", "no procedure %s", procedure);
        }
    }
    if (rc == MC_OK && officer) {
        rc = store_person_id_of(req->db, officer, &f->officer, err);
        if (rc == MC_ENOTFOUND) {
            return mc_fail_field(err, MC_EINVAL, "officer", "no person %s", officer);
        }
    }
    return rc;
}

static json_int_t overdue_of(json_t *item)
{
    return json_integer_value(json_object_get(json_object_get(item, "clock"), "overdue_minutes"));
}

static int by_overdue(const void *a, const void *b)
{
    json_int_t x = overdue_of(*(json_t *const *)a), y = overdue_of(*(json_t *const *)b);
    return x > y ? -1 : x < y;
}

/* The step and person whose time overran: the one the engine recorded, or,
 * for a dossier overdue now, the step it is at and its holder. */
static void add_overrun(json_t *item)
{
    json_t *step = json_object_get(item, "late_step");
    json_t *person = json_object_get(item, "late_person");
    if (json_is_null(step) || step == NULL) {
        bool late_now = overdue_of(item) > 0;
        step = late_now ? json_object_get(item, "step") : NULL;
        person = late_now ? json_object_get(item, "holder") : NULL;
    }
    json_object_set(item, "overrun_step", step ? step : json_null());
    json_object_set(item, "overrun_person", person ? person : json_null());
}

enum mc_status h_dossier_list(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    struct store_dossier_filter f = { .caller = req->who->person_id, .cap = LIST_CAP };
    const char *outcome = http_query(req, "outcome");
    bool known = outcome == NULL;
    for (size_t i = 0; outcome && i < sizeof(OUTCOMES) / sizeof(OUTCOMES[0]); i++) {
        known = known || strcmp(outcome, OUTCOMES[i]) == 0;
    }
    if (!known) {
        return mc_fail_field(err, MC_EINVAL, "outcome",
                             "outcome must be early, on_time, late, in_progress or overdue");
    }
    f.outcome = outcome;
    struct eng_date from = { 0 }, to = { 0 };
    enum mc_status rc = opt_day(req, "from", &from, &f.from_day, err);
    if (rc == MC_OK) {
        rc = opt_day(req, "to", &to, &f.to_day, err);
    }
    if (rc == MC_OK && f.from_day && f.to_day && f.to_day < f.from_day) {
        rc = mc_fail_field(err, MC_EINVAL, "to", "to must be on or after from");
    }
    int64_t limit = LIST_LIMIT_DEFAULT, offset = 0;
    if (rc == MC_OK) {
        rc = opt_int(req, "limit", 1, LIST_LIMIT_MAX, &limit, err);
    }
    if (rc == MC_OK) {
        rc = opt_int(req, "offset", 0, LIST_CAP, &offset, err);
    }
    if (rc == MC_OK) {
        rc = resolve(req, &f, err);
    }
    const struct engine *e = NULL;
    if (rc == MC_OK) {
        rc = http_engine(&e, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    f.from_minute = f.from_day ? eng_local_midnight(from) : 0;
    f.to_minute = f.to_day ? eng_local_midnight(to) + 1440 : 0;
    f.readable_units = http_readable_units_json(req);
    char *text = NULL;
    rc = store_dossier_list_json(req->db, &f, &text, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *rows = json_loads(text, 0, NULL);
    free(text);
    if (!json_is_array(rows)) {
        json_decref(rows);
        return mc_fail(err, MC_EINTERNAL, "dossier list JSON does not parse");
    }
    int64_t now = http_now_minutes(req);
    bool overdue_only = outcome && strcmp(outcome, "overdue") == 0;
    size_t n = json_array_size(rows), kept = 0;
    json_t **v = mc_xcalloc(n ? n : 1, sizeof(*v));
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(rows, i);
        http_clock_derive(json_object_get(item, "clock"), e, now);
        http_clock_derive(json_object_get(item, "step_clock"), e, now);
        if (overdue_only && overdue_of(item) <= 0) {
            continue;
        }
        add_overrun(item);
        v[kept++] = item;
    }
    if (outcome && (overdue_only || strcmp(outcome, "late") == 0)) {
        qsort(v, kept, sizeof(*v), by_overdue);
    }
    json_t *items = json_array();
    for (size_t i = (size_t)offset; i < kept && i < (size_t)(offset + limit); i++) {
        json_array_append(items, v[i]);
    }
    free(v);
    json_decref(rows);
    http_resp_json(resp, 200,
                   json_pack("{s:I, s:I, s:I, s:b, s:o}", "total", (json_int_t)kept, "offset",
                             (json_int_t)offset, "limit", (json_int_t)limit, "truncated",
                             n >= (size_t)LIST_CAP, "items", items));
    return MC_OK;
}

enum mc_status h_notifications_read_all(struct http_req *req, struct http_resp *resp,
                                        struct mc_err *err)
{
    enum mc_status rc = store_begin(req->db, err);
    if (rc != MC_OK) {
        return rc;
    }
    int64_t n = 0;
    rc = store_notifications_read_all(req->db, req->who->person_id, http_now_minutes(req), &n, err);
    if (rc != MC_OK) {
        store_rollback(req->db);
        return rc;
    }
    rc = store_commit(req->db, err);
    if (rc == MC_OK) {
        http_resp_json(resp, 200, json_pack("{s:I}", "marked", (json_int_t)n));
    }
    return rc;
}
