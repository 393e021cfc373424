/* Read views of dossiers: inboxes ordered by remaining working time, the
 * process control slip (Mẫu 05), the tracking register (Mẫu 06, JSON or
 * CSV) and the statistics answered from the counters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "core/civil.h"
#include "core/role.h"
#include "http/auth.h"
#include "http/dossier_out.h"
#include "http/engine_ctx.h"
#include "http/forms_out.h"
#include "http/handlers.h"

static const unsigned OVERSEERS = ROLE_MASK_LEADERS | ROLE_MASK_UNIT_LEADERS |
                                  ROLE_BIT(ROLE_CONTROL) | ROLE_BIT(ROLE_STEERING) |
                                  ROLE_BIT(ROLE_RECEPTION);

static json_int_t sort_key(json_t *item)
{
    json_t *c = json_object_get(item, "clock");
    return json_integer_value(json_object_get(c, "remaining_minutes")) -
           json_integer_value(json_object_get(c, "overdue_minutes"));
}

static int by_remaining(const void *a, const void *b)
{
    json_int_t x = sort_key(*(json_t *const *)a), y = sort_key(*(json_t *const *)b);
    return x < y ? -1 : x > y;
}

enum mc_status h_inbox_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *scope = http_query(req, "scope");
    if (scope == NULL) {
        scope = "mine";
    }
    if (strcmp(scope, "mine") != 0 && strcmp(scope, "unit") != 0) {
        return mc_fail_field(err, MC_EINVAL, "scope", "scope must be mine or unit");
    }
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    char *text = NULL;
    if (rc == MC_OK && strcmp(scope, "mine") == 0) {
        rc = store_inbox_json(req->db, req->who->person_id, NULL, 0, &text, err);
    } else if (rc == MC_OK) {
        int64_t units[ENG_ACTOR_GRANTS_MAX];
        size_t n = 0;
        for (size_t i = 0; i < who.eng.n_grants; i++) {
            if (who.eng.grants[i].role != ROLE_CONTROL) {
                units[n++] = who.eng.grants[i].unit;
            }
        }
        rc = store_inbox_json(req->db, 0, units, n, &text, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    json_t *items = json_loads(text, 0, NULL);
    free(text);
    if (!json_is_array(items)) {
        json_decref(items);
        return mc_fail(err, MC_EINTERNAL, "inbox JSON does not parse");
    }
    int64_t now = http_now_minutes(req);
    size_t n = json_array_size(items);
    json_t **v = mc_xcalloc(n ? n : 1, sizeof(*v));
    for (size_t i = 0; i < n; i++) {
        v[i] = json_incref(json_array_get(items, i));
        http_clock_derive(json_object_get(v[i], "clock"), e, now);
        http_clock_derive(json_object_get(v[i], "step_clock"), e, now);
        json_t *branches = json_object_get(v[i], "branches");
        for (size_t b = 0; b < json_array_size(branches); b++) {
            http_clock_derive(json_object_get(json_array_get(branches, b), "clock"), e, now);
        }
        json_t *c = json_object_get(v[i], "clock");
        json_object_set(v[i], "class", json_object_get(c, "class"));
    }
    qsort(v, n, sizeof(*v), by_remaining);
    json_t *sorted = json_array();
    for (size_t i = 0; i < n; i++) {
        json_array_append_new(sorted, v[i]);
    }
    free(v);
    json_decref(items);
    http_resp_json(
        resp, 200,
        json_pack("{s:s, s:I, s:o}", "scope", scope, "total", (json_int_t)n, "items", sorted));
    return MC_OK;
}

enum mc_status h_control_slip_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *code = http_param(req, 0);
    const struct engine *e;
    enum mc_status rc = http_engine(&e, err);
    struct engine_actor who;
    if (rc == MC_OK) {
        rc = http_actor(req, &who, err);
    }
    struct store_dossier d;
    if (rc == MC_OK) {
        rc = store_dossier_load(req->db, code ? code : "", &d, err);
    }
    json_t *view = NULL;
    if (rc == MC_OK) {
        rc = http_dossier_view(req, e, &who, &d, http_now_minutes(req), &view, err);
    }
    if (rc == MC_OK && !http_dossier_readable(req, view)) {
        rc = mc_fail(err, MC_EPERM, "this dossier is outside your units");
    }
    char *events = NULL;
    if (rc == MC_OK) {
        rc = store_dossier_events_json(req->db, d.id, &events, err);
    }
    if (rc != MC_OK) {
        json_decref(view);
        return rc;
    }
    json_t *slip = json_object();
    const char *keep[] = { "code",        "procedure",    "applicant",    "received_at",
                           "due_at",      "legal_due_at", "first_due_at", "apology_at",
                           "status",      "status_name",  "verdict",      "late_step",
                           "late_person", "finished_at" };
    for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
        json_object_set(slip, keep[i], json_object_get(view, keep[i]));
    }
    json_object_set_new(slip, "form",
                        json_string("Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ"));
    json_object_set_new(slip, "handovers", json_loads(events, 0, NULL));
    free(events);
    json_decref(view);
    http_resp_json(resp, 200, slip);
    return MC_OK;
}

/* YYYY-MM-DD → days since the epoch. */
static bool parse_day(const char *s, struct eng_date *out)
{
    int y, m, d;
    if (s == NULL || !mc_parse_date(s, &y, &m, &d)) {
        return false;
    }
    *out = (struct eng_date){ y, m, d };
    return eng_date_valid(*out);
}

static enum mc_status period(struct http_req *req, struct eng_date *from, struct eng_date *to,
                             struct mc_err *err)
{
    if (!parse_day(http_query(req, "from"), from)) {
        return mc_fail_field(err, MC_EINVAL, "from", "from must be a date YYYY-MM-DD");
    }
    if (!parse_day(http_query(req, "to"), to)) {
        return mc_fail_field(err, MC_EINVAL, "to", "to must be a date YYYY-MM-DD");
    }
    if (eng_days_from_date(*to) < eng_days_from_date(*from) ||
        eng_days_from_date(*to) - eng_days_from_date(*from) > 3660) {
        return mc_fail_field(err, MC_EINVAL, "to", "to must be on or after from, within 10 years");
    }
    return MC_OK;
}

static void csv_field(struct mc_buf *b, json_t *v)
{
    char num[32];
    const char *s = "";
    if (json_is_string(v)) {
        s = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
        s = num;
    }
    mc_buf_puts(b, "\"");
    for (; *s; s++) {
        mc_buf_append(b, s, 1);
        if (*s == '"') {
            mc_buf_append(b, s, 1);
        }
    }
    mc_buf_puts(b, "\"");
}

enum mc_status h_register_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    enum mc_status rc = MC_OK;
    if (!http_has_role(req, OVERSEERS, NULL)) {
        return mc_fail(err, MC_EPERM, "the register is for the desk, leaders and the control team");
    }
    struct eng_date from, to;
    rc = period(req, &from, &to, err);
    const char *format = http_query(req, "format");
    if (rc == MC_OK && format && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0 &&
        strcmp(format, "pdf") != 0) {
        rc = mc_fail_field(err, MC_EINVAL, "format", "format must be json, csv or pdf");
    }
    char *text = NULL;
    if (rc == MC_OK) {
        rc = store_register_json(req->db, eng_local_midnight(from), eng_local_midnight(to) + 1440,
                                 &text, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    if (format == NULL || strcmp(format, "json") == 0) {
        http_resp_json_text(resp, 200, text);
        return MC_OK;
    }
    if (strcmp(format, "pdf") == 0) {
        /* Mẫu 06 printed on A4 (h_forms.c). */
        rc = http_send_register_pdf(req, resp, text, from, to, err);
        free(text);
        return rc;
    }
    json_t *rows = json_loads(text, 0, NULL);
    free(text);
    static const char *const cols[] = { "no",
                                        "code",
                                        "procedure",
                                        "applicant_name",
                                        "applicant_address",
                                        "applicant_phone",
                                        "channel",
                                        "received_at",
                                        "due_at",
                                        "transferred_at",
                                        "finished_at",
                                        "returned_at",
                                        "status",
                                        "verdict",
                                        "apology_at",
                                        "late_step" };
    struct mc_buf b;
    mc_buf_init(&b, 0);
    size_t ncols = sizeof(cols) / sizeof(cols[0]);
    for (size_t c = 0; c < ncols; c++) {
        mc_buf_puts(&b, c ? "," : "");
        mc_buf_puts(&b, cols[c]);
    }
    mc_buf_puts(&b, "\r\n");
    for (size_t i = 0; i < json_array_size(rows); i++) {
        json_t *r = json_array_get(rows, i);
        for (size_t c = 0; c < ncols; c++) {
            mc_buf_puts(&b, c ? "," : "");
            csv_field(&b, json_object_get(r, cols[c]));
        }
        mc_buf_puts(&b, "\r\n");
    }
    json_decref(rows);
    size_t len = 0;
    char *csv = mc_buf_detach(&b, &len);
    http_resp_owned(resp, 200, "text/csv; charset=utf-8", csv, len);
    return MC_OK;
}

enum mc_status h_stats_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    if (!http_has_role(req, OVERSEERS, NULL)) {
        return mc_fail(err, MC_EPERM, "statistics are for leaders, the desk and the control team");
    }
    const char *by = http_query(req, "by");
    if (by == NULL || (strcmp(by, "unit") != 0 && strcmp(by, "officer") != 0 &&
                       strcmp(by, "procedure") != 0 && strcmp(by, "month") != 0)) {
        return mc_fail_field(err, MC_EINVAL, "by", "by must be unit, officer, procedure or month");
    }
    struct eng_date from, to;
    enum mc_status rc = period(req, &from, &to, err);
    const char *unit_code = http_query(req, "unit");
    int64_t unit = 0;
    if (rc == MC_OK && unit_code) {
        rc = store_unit_id(req->db, unit_code, &unit, err);
        if (rc == MC_ENOTFOUND) {
            rc = mc_fail_field(err, MC_EINVAL, "unit", "no unit %s", unit_code);
        }
    }
    /* Figures by unit, procedure and month are the agency's service
     * indicators, which it publishes (docs/SECURITY.md "Statistics"); the
     * figures of each officer feed staff evaluation (R8) and stay within
     * the units the caller reads, like the dossiers behind them. */
    bool per_officer = strcmp(by, "officer") == 0;
    if (rc == MC_OK && per_officer && unit_code && !http_can_read_unit(req, unit_code)) {
        rc = mc_fail(err, MC_EPERM, "unit %s is outside your units", unit_code);
    }
    char *text = NULL;
    if (rc == MC_OK) {
        rc = store_stats_by_json(req->db, by, from.year * 10000 + from.month * 100 + from.day,
                                 to.year * 10000 + to.month * 100 + to.day,
                                 eng_local_midnight(from), eng_local_midnight(to) + 1440, unit,
                                 per_officer ? http_readable_units_json(req) : NULL, &text, err);
    }
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, text);
    }
    return rc;
}

/* "YYYY-MM" → YYYYMM */
static bool parse_month(const char *s, int *out)
{
    int y = 0, m = 0;
    if (s == NULL || strlen(s) != 7 || s[4] != '-') {
        return false;
    }
    for (int i = 0; i < 7; i++) {
        if (i != 4 && (s[i] < '0' || s[i] > '9')) {
            return false;
        }
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < 2000 || y > 2199 || m < 1 || m > 12) {
        return false;
    }
    *out = y * 100 + m;
    return true;
}

enum mc_status h_stats_monthly_get(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    if (!http_has_role(req, OVERSEERS, NULL)) {
        return mc_fail(err, MC_EPERM, "statistics are for leaders, the desk and the control team");
    }
    int from, to;
    if (!parse_month(http_query(req, "from"), &from)) {
        return mc_fail_field(err, MC_EINVAL, "from", "from must be a month YYYY-MM");
    }
    if (!parse_month(http_query(req, "to"), &to) || to < from) {
        return mc_fail_field(err, MC_EINVAL, "to", "to must be a month YYYY-MM, not before from");
    }
    char *text = NULL;
    enum mc_status rc = store_stats_monthly_json(req->db, from, to, &text, err);
    if (rc == MC_OK) {
        http_resp_json_text(resp, 200, text);
    }
    return rc;
}
