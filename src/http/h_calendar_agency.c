/* The agency's calendar file over HTTP (administrators): GET shows the
 * stored text, PUT validates it with the calendar parser (errors name
 * agency.txt:LINE:FIELD), stores it and puts national + agency in force for
 * every later deadline. docs/CALENDAR.md "Agency calendar". */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/log.h"
#include "core/civil.h"
#include "core/role.h"
#include "engine/engine_reschedule.h"
#include "http/auth.h"
#include "http/calendar_ctx.h"
#include "http/engine_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"
#include "store/store_calendar.h"
#include "store/store_reschedule.h"

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

static struct eng_worktime worktime_of(const struct cal *c)
{
    return (struct eng_worktime){ cal_minutes_add, cal_minutes_between, (void *)c };
}

/* In one transaction: store the file, move every open dossier's deadlines
 * from the calendar in force to `fresh` (docs/CALENDAR.md §3.2), and put
 * `fresh` in force before the COMMIT — the writer lock is held, so no
 * transition can run between and store a due time computed on the old
 * calendar. A failed COMMIT puts the old calendar back. `fresh` is freed
 * on a failure before it was put in force, else kept until exit. */
static enum mc_status store_and_reschedule(struct http_req *req, const char *text,
                                           struct cal *fresh,
                                           struct engine_reschedule_result *moved,
                                           struct mc_err *err)
{
    const struct engine *e = NULL;
    const struct cal *old = NULL;
    bool old_agency = false;
    enum mc_status rc = http_engine(&e, err);
    if (rc == MC_OK) {
        rc = store_begin(req->db, err);
    }
    if (rc != MC_OK) {
        cal_free(fresh);
        return rc;
    }
    /* After the BEGIN: its hook may just have put in force a calendar that
     * `motcua import` stored (http_calendar_on_begin). */
    int64_t old_change = http_calendar_change();
    rc = http_calendar(&old, &old_agency, err);
    if (rc != MC_OK) {
        store_rollback(req->db);
        cal_free(fresh);
        return rc;
    }
    int64_t now = http_now_minutes(req);
    rc = store_agency_calendar_put(req->db, text, req->who->person_id, now, err);
    const struct eng_worktime old_wt = worktime_of(old), new_wt = worktime_of(fresh);
    if (rc == MC_OK) {
        rc = engine_reschedule(e, req->db, &old_wt, &new_wt, now, req->who->person_id,
                               STORE_CHANGE_API, strlen(text), moved, err);
    }
    if (rc != MC_OK) {
        store_rollback(req->db);
        cal_free(fresh);
        return rc;
    }
    http_calendar_use(fresh, text[0] != '\0', moved->change);
    rc = store_commit(req->db, err);
    if (rc != MC_OK) {
        http_calendar_use((struct cal *)old, old_agency, old_change);
        return rc;
    }
    mc_log(MC_LOG_INFO, "agency calendar changed", "open=%lld rescheduled=%lld appointments=%lld",
           (long long)moved->scanned, (long long)moved->rescheduled,
           (long long)moved->appointments);
    return MC_OK;
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
    /* Built (and so checked) before anything is written: a bad file is a
     * 400 naming agency.txt:LINE:FIELD, and nothing moves. */
    struct cal *fresh = NULL;
    if (rc == MC_OK) {
        rc = http_calendar_build(text, &fresh, err);
    }
    if (rc != MC_OK) {
        json_decref(body);
        return rc;
    }
    struct engine_reschedule_result moved;
    pthread_mutex_lock(&put_lock);
    rc = store_and_reschedule(req, text, fresh, &moved, err);
    pthread_mutex_unlock(&put_lock);
    json_decref(body);
    json_t *v = NULL;
    if (rc == MC_OK) {
        rc = view(req, &v, err);
    }
    if (rc == MC_OK) {
        json_object_set_new(v, "rescheduled", json_integer(moved.rescheduled));
        json_object_set_new(v, "appointments_moved", json_integer(moved.appointments));
        json_object_set_new(v, "open_dossiers", json_integer(moved.scanned));
        http_resp_json(resp, 200, v);
    }
    return rc;
}
