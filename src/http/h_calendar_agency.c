/* The agency's calendar file over HTTP (administrators): GET shows the
 * stored text, PUT validates it with the calendar parser (errors name
 * agency.txt:LINE:FIELD), stores it and puts national + agency in force for
 * every later deadline. docs/CALENDAR.md "Agency calendar". */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/civil.h"
#include "core/role.h"
#include "http/auth.h"
#include "http/calendar_ctx.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "store/store_calendar.h"

/* PUTs one at a time, so that the calendar in force is the one stored last. */
static pthread_mutex_t put_lock = PTHREAD_MUTEX_INITIALIZER;

static json_t *instant_json(int64_t minutes)
{
    if (minutes == 0) {
        return json_null();
    }
    struct eng_date d = eng_local_date(minutes);
    int m = eng_local_minute_of_day(minutes);
    char buf[40];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:00+07:00", d.year, d.month, d.day, m / 60,
             m % 60);
    return json_string(buf);
}

static enum mc_status view(struct http_req *req, json_t **out, struct mc_err *err)
{
    struct store_agency_calendar a;
    enum mc_status rc = store_agency_calendar_get(req->db, &a, err);
    const struct cal *cal = NULL;
    bool agency = false;
    if (rc == MC_OK) {
        rc = http_calendar(&cal, &agency, err);
    }
    if (rc != MC_OK) {
        store_agency_calendar_release(&a);
        return rc;
    }
    const char *load_error = http_calendar_load_error();
    *out = json_pack("{s:o, s:o, s:o, s:s, s:b, s:s, s:o}", "text",
                     a.text ? json_string(a.text) : json_null(), "updated_at",
                     instant_json(a.updated_at), "updated_by",
                     a.updated_by[0] ? json_string(a.updated_by) : json_null(), "file",
                     HTTP_AGENCY_CAL_NAME, "in_force", agency, "data", cal_versions(cal), "error",
                     load_error[0] ? json_string(load_error) : json_null());
    store_agency_calendar_release(&a);
    return *out ? MC_OK : mc_fail(err, MC_EINTERNAL, "the calendar view does not build");
}

enum mc_status h_calendar_agency_get(struct http_req *req, struct http_resp *resp,
                                     struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    json_t *v = NULL;
    if (rc == MC_OK) {
        rc = view(req, &v, err);
    }
    if (rc == MC_OK) {
        http_resp_json(resp, 200, v);
    }
    return rc;
}

enum mc_status h_calendar_agency_put(struct http_req *req, struct http_resp *resp,
                                     struct mc_err *err)
{
    enum mc_status rc = http_require_role(req, ROLE_BIT(ROLE_ADMIN), NULL, err);
    json_t *body = NULL;
    if (rc == MC_OK) {
        rc = http_json_body(req, &body, err);
    }
    static const char *const keys[] = { "text", NULL };
    if (rc == MC_OK && !json_is_object(body)) {
        rc = mc_fail(err, MC_EINVAL, "the body must be a JSON object");
    }
    if (rc == MC_OK) {
        rc = http_json_only_keys(body, "", keys, err);
    }
    /* "text": the whole file; "" removes the agency's calendar. */
    json_t *jt = rc == MC_OK ? json_object_get(body, "text") : NULL;
    if (rc == MC_OK && !json_is_string(jt)) {
        rc = mc_fail_field(err, MC_EINVAL, "text",
                           "text: the agency calendar file as a string (\"\" for none)");
    }
    const char *text = jt ? json_string_value(jt) : NULL;
    if (rc == MC_OK && strlen(text) != json_string_length(jt)) {
        rc = mc_fail_field(err, MC_EINVAL, "text", "text: NUL characters are not allowed");
    }
    if (rc == MC_OK && text[0] != '\0') {
        rc = http_calendar_check(text, err); /* names agency.txt:LINE:FIELD */
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    pthread_mutex_lock(&put_lock);
    rc = store_begin(req->db, err);
    if (rc == MC_OK) {
        rc = store_agency_calendar_put(req->db, text, req->who->person_id, http_now_minutes(req),
                                       err);
        if (rc == MC_OK) {
            rc = store_commit(req->db, err);
        } else {
            store_rollback(req->db);
        }
    }
    if (rc == MC_OK) {
        rc = http_calendar_install(text, err);
    }
    pthread_mutex_unlock(&put_lock);
    json_decref(body);
    json_t *v = NULL;
    if (rc == MC_OK) {
        rc = view(req, &v, err);
    }
    if (rc == MC_OK) {
        http_resp_json(resp, 200, v);
    }
    return rc;
}
