/* The working-time calendar over HTTP: a year's days off, lunar dates, and
 * due dates of legal time limits with the days they skipped and why.
 *
 * The calendar is the one in force (http/calendar_ctx.h): the national data
 * plus the agency's stored file. Every answer says which it used
 * ("calendar": "national", or "national+agency" with an agency file). */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/parse.h"
#include "cal/cal.h"
#include "cal/lunar.h"
#include "http/calendar_ctx.h"
#include "http/handlers.h"
#include "http/json_in.h"

static enum mc_status get_cal(const struct cal **out, const char **which, struct mc_err *err)
{
    bool agency = false;
    enum mc_status rc = http_calendar(out, &agency, err);
    *which = agency ? "national+agency" : "national";
    return rc;
}

static const char *const weekdays[8] = { "",        "Thứ Hai", "Thứ Ba",  "Thứ Tư",
                                         "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật" };

static void iso_day(int32_t day, char *buf, size_t cap)
{
    struct cal_date c = cal_civil_from_days(day);
    snprintf(buf, cap, "%04d-%02d-%02d", c.year, c.month, c.day);
}

static json_t *rfc3339(int64_t t)
{
    int32_t sec;
    struct cal_date c = cal_civil_from_days(cal_day_of_instant(t, &sec));
    char buf[40];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d+07:00", c.year, c.month, c.day,
             sec / 3600, sec / 60 % 60, sec % 60);
    return json_string(buf);
}

static json_t *day_json(const struct cal_day_info *i)
{
    char d[16];
    iso_day(i->day, d, sizeof(d));
    const char *open = i->open == CAL_OPEN_ALL  ? "all"
                       : i->open == CAL_OPEN_AM ? "morning"
                       : i->open == CAL_OPEN_PM ? "afternoon"
                                                : "none";
    return json_pack("{s:s, s:s, s:b, s:s, s:s, s:s, s:s, s:s, s:b, s:b}", "date", d, "weekday",
                     weekdays[cal_weekday(i->day)], "working", i->working, "open", open, "tag",
                     cal_tag_name(i->tag), "reason", i->reason, "ref", i->ref, "source", i->source,
                     "estimate", i->estimate, "makeup", i->makeup);
}

enum mc_status h_calendar_year(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct cal *cal = NULL;
    const char *which = "national";
    enum mc_status rc = get_cal(&cal, &which, err);
    if (rc != MC_OK) {
        return rc;
    }
    int64_t year;
    if (!mc_parse_i64(http_param(req, 0), CAL_YEAR_FIRST, CAL_YEAR_LAST, &year)) {
        return mc_fail_field(err, MC_EINVAL, "year", "the year must be %d..%d", CAL_YEAR_FIRST,
                             CAL_YEAR_LAST);
    }
    int32_t from = cal_days_from_civil((int)year, 1, 1),
            to = cal_days_from_civil((int)year, 12, 31);
    json_t *days = json_array();
    struct cal_day_info i;
    int working = 0;
    for (int32_t d = from; d <= to; d++) {
        if (cal_day_info(cal, d, &i, NULL) == MC_OK && i.working) {
            working++;
        }
    }
    for (int32_t d = from; cal_next_special(cal, d, to, true, &i); d = i.day + 1) {
        json_array_append_new(days, day_json(&i));
    }
    http_resp_json(resp, 200,
                   json_pack("{s:I, s:s, s:s, s:{s:b, s:b}, s:i, s:o}", "year", (json_int_t)year,
                             "calendar", which, "data", cal_versions(cal), "estimated", "tet",
                             cal_year_estimated(cal, (int)year, CAL_TAG_TET), "national",
                             cal_year_estimated(cal, (int)year, CAL_TAG_NATIONAL), "working_days",
                             working, "days", days));
    return MC_OK;
}

enum mc_status h_calendar_lunar(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const char *date = http_query(req, "date");
    int32_t day;
    if (date == NULL || !cal_parse_day(date, &day)) {
        return mc_fail_field(err, MC_EINVAL, "date", "date must be a real date YYYY-MM-DD");
    }
    struct cal_date c = cal_civil_from_days(day);
    struct cal_lunar_date ld;
    enum mc_status rc = cal_lunar_from_solar(c.year, c.month, c.day, &ld, err);
    if (rc != MC_OK) {
        return rc;
    }
    char d[16], name[64];
    iso_day(day, d, sizeof(d));
    snprintf(name, sizeof(name), "%s %s", cal_lunar_can(ld.year), cal_lunar_chi(ld.year));
    http_resp_json(resp, 200,
                   json_pack("{s:s, s:s, s:{s:i, s:i, s:i, s:b, s:s, s:i}}", "solar", d, "weekday",
                             weekdays[cal_weekday(day)], "lunar", "day", ld.day, "month", ld.month,
                             "year", ld.year, "leap", ld.leap, "year_name", name, "month_days",
                             cal_lunar_month_length(ld.year, ld.month, ld.leap)));
    return MC_OK;
}

/* An instant as "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]" in Vietnam
 * time, optionally followed by "Z" or "+HH:MM"/"-HH:MM" (RFC 3339). */
static bool parse_instant(const char *s, int64_t *out)
{
    char local[32];
    size_t n = strlen(s);
    int64_t offset = CAL_UTC_OFFSET;
    if (n > 0 && s[n - 1] == 'Z') {
        offset = 0;
        n--;
    } else if (n > 6 && (s[n - 6] == '+' || s[n - 6] == '-') && s[n - 3] == ':' && n > 16) {
        int64_t hh, mm;
        char h[3] = { s[n - 5], s[n - 4], 0 }, m[3] = { s[n - 2], s[n - 1], 0 };
        if (!mc_parse_i64(h, 0, 14, &hh) || !mc_parse_i64(m, 0, 59, &mm)) {
            return false;
        }
        offset = (s[n - 6] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
        n -= 6;
    }
    if (n >= sizeof(local)) {
        return false;
    }
    memcpy(local, s, n);
    local[n] = '\0';
    int64_t t;
    if (!cal_parse_instant(local, &t)) {
        return false;
    }
    *out = t + CAL_UTC_OFFSET - offset;
    return true;
}

enum mc_status h_calendar_deadline(struct http_req *req, struct http_resp *resp, struct mc_err *err)
{
    const struct cal *cal = NULL;
    const char *which = "national";
    enum mc_status rc = get_cal(&cal, &which, err);
    if (rc != MC_OK) {
        return rc;
    }
    json_t *body = NULL;
    if ((rc = http_json_body(req, &body, err)) != MC_OK) {
        return rc;
    }
    static const char *const keys[] = {
        "start", "amount", "unit", "agency", "paper", "count", NULL
    };
    const char *start = NULL, *unit = NULL, *agency = NULL, *count = "worktime";
    double amount = 0;
    bool paper = false;
    if ((rc = http_json_only_keys(body, "", keys, err)) != MC_OK ||
        (rc = http_json_str(body, "", "start", true, 40, &start, err)) != MC_OK ||
        (rc = http_json_num(body, "", "amount", true, 0, 100000, &amount, err)) != MC_OK ||
        (rc = http_json_str(body, "", "unit", true, 16, &unit, err)) != MC_OK ||
        (rc = http_json_str(body, "", "agency", false, 64, &agency, err)) != MC_OK ||
        (rc = http_json_bool(body, "", "paper", false, &paper, err)) != MC_OK ||
        (rc = http_json_str(body, "", "count", false, 16, &count, err)) != MC_OK) {
        goto out;
    }
    struct cal_deadline_req dr = { .paper = paper };
    if (!parse_instant(start, &dr.received)) {
        rc = mc_fail_field(err, MC_EINVAL, "start",
                           "start must be an instant YYYY-MM-DDTHH:MM[:SS][+07:00]");
        goto out;
    }
    int64_t per;
    if (strcmp(unit, "day") == 0) {
        per = cal_day_seconds(cal);
    } else if (strcmp(unit, "hour") == 0) {
        per = CAL_HOUR;
    } else if (strcmp(unit, "minute") == 0) {
        per = CAL_MINUTE;
    } else {
        rc = mc_fail_field(err, MC_EINVAL, "unit", "unit must be day, hour or minute");
        goto out;
    }
    double secs = amount * (double)per;
    if (fabs(secs - nearbyint(secs)) > 1e-6) {
        rc = mc_fail_field(err, MC_EINVAL, "amount",
                           "amount must be a whole number of working seconds");
        goto out;
    }
    dr.amount = (int64_t)nearbyint(secs);
    if (strcmp(count, "worktime") == 0) {
        dr.count = CAL_COUNT_WORKTIME;
    } else if (strcmp(count, "civil_days") == 0) {
        dr.count = CAL_COUNT_CIVIL_DAYS;
    } else {
        rc = mc_fail_field(err, MC_EINVAL, "count", "count must be worktime or civil_days");
        goto out;
    }
    struct cal_deadline dl;
    if ((rc = cal_deadline(cal, &dr, &dl, err)) != MC_OK) {
        /* The calendar names its own fields; map them to the request's. */
        if (strcmp(err->field, "received") == 0) {
            snprintf(err->field, sizeof(err->field), "start");
        }
        goto out;
    }
    json_t *skipped = json_array();
    struct cal_day_info i;
    int32_t last = cal_day_of_instant(dl.due, NULL);
    for (int32_t d = cal_day_of_instant(dr.received, NULL);
         cal_next_special(cal, d, last, false, &i); d = i.day + 1) {
        json_array_append_new(skipped, day_json(&i));
    }
    json_t *out = json_pack(
        "{s:o, s:o, s:o, s:I, s:s, s:b, s:s, s:s, s:o}", "received", rfc3339(dr.received), "start",
        rfc3339(dl.start), "due", rfc3339(dl.due), "amount_seconds", (json_int_t)dr.amount, "count",
        count, "paper", paper, "calendar", which, "data", cal_versions(cal), "skipped", skipped);
    if (agency != NULL) {
        json_object_set_new(out, "agency", json_string(agency));
    }
    http_resp_json(resp, 200, out);
out:
    json_decref(body);
    return rc;
}
