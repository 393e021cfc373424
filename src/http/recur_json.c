/* Recurrence rules in and out of JSON (recur_json.h). */
#include "http/recur_json.h"

#include <stdio.h>
#include <string.h>

#include "http/json_in.h"

static enum mc_status opt_int(json_t *obj, const char *path, const char *key, int min, int max,
                              int *out, struct mc_err *err)
{
    int64_t v = *out;
    enum mc_status rc = http_json_int(obj, path, key, false, min, max, &v, err);
    *out = (int)v;
    return rc;
}

enum mc_status http_recur_decode(json_t *obj, const char *path, struct core_recur *r,
                                 struct mc_err *err)
{
    memset(r, 0, sizeof(*r));
    r->lead = -1;
    if (!json_is_object(obj)) {
        return mc_fail_field(err, MC_EINVAL, path[0] ? path : "recurrence",
                             "%s must be an object such as {\"every\": \"month\", \"day\": 25}",
                             path[0] ? path : "the recurrence");
    }
    static const char *const keys[] = { "every", "month", "day", "weekday", "lead_working_days",
                                        NULL };
    enum mc_status rc = http_json_only_keys(obj, path, keys, err);
    const char *every = NULL;
    if (rc == MC_OK) {
        rc = http_json_str(obj, path, "every", true, 16, &every, err);
    }
    if (rc == MC_OK && !core_recur_every_parse(every, &r->every)) {
        char where[96];
        snprintf(where, sizeof(where), "%s%severy", path, path[0] ? "." : "");
        rc = mc_fail_field(err, MC_EINVAL, where, "%s must be week, month, quarter or year", where);
    }
    /* Ranges wider than the rule's, so that core_recur_check gives the
     * message that explains (a weekday on a monthly rule, day 30 February). */
    if (rc == MC_OK) {
        rc = opt_int(obj, path, "month", 1, 12, &r->month, err);
    }
    if (rc == MC_OK) {
        rc = opt_int(obj, path, "day", 1, 31, &r->day, err);
    }
    if (rc == MC_OK) {
        rc = opt_int(obj, path, "weekday", 1, 7, &r->weekday, err);
    }
    if (rc == MC_OK) {
        rc = opt_int(obj, path, "lead_working_days", 0, CORE_RECUR_LEAD_MAX, &r->lead, err);
    }
    if (rc == MC_OK) {
        rc = core_recur_check(r, path, err);
    }
    return rc;
}

json_t *http_recur_encode(const struct core_recur *r)
{
    if (r->every == CORE_RECUR_NONE) {
        return NULL;
    }
    json_t *o = json_object();
    json_object_set_new(o, "every", json_string(core_recur_every_name(r->every)));
    if (r->month > 0) {
        json_object_set_new(o, "month", json_integer(r->month));
    }
    if (r->day > 0) {
        json_object_set_new(o, "day", json_integer(r->day));
    }
    if (r->weekday > 0) {
        json_object_set_new(o, "weekday", json_integer(r->weekday));
    }
    if (r->lead >= 0) {
        json_object_set_new(o, "lead_working_days", json_integer(r->lead));
    }
    return o;
}
