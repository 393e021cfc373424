/* Recurrence of internal work items (see recur.h for the rules). A period
 * is an index: the Monday of a week (a day number), or year * 12 + month,
 * year * 4 + quarter, the year. Occurrences only move forward with their
 * index (a later period never opens earlier), so the latest one open by a
 * day is found by walking down from a few periods ahead. */
#include "core/recur.h"

#include <string.h>

#include "base/parse.h"

/* The furthest a due day can move back to a working day (Tết, with its
 * weekends, is under two weeks; a month of no working day is broken data). */
enum { BACK_MAX = 31 };

static const char *const every_names[] = {
    [CORE_RECUR_NONE] = "none",       [CORE_RECUR_WEEK] = "week", [CORE_RECUR_MONTH] = "month",
    [CORE_RECUR_QUARTER] = "quarter", [CORE_RECUR_YEAR] = "year",
};

bool core_recur_every_parse(const char *s, enum core_recur_every *out)
{
    for (int i = CORE_RECUR_WEEK; s != NULL && i <= CORE_RECUR_YEAR; i++) {
        if (strcmp(s, every_names[i]) == 0) {
            *out = (enum core_recur_every)i;
            return true;
        }
    }
    return false;
}

const char *core_recur_every_name(enum core_recur_every every)
{
    return (unsigned)every <= CORE_RECUR_YEAR ? every_names[every] : "none";
}

static enum mc_status bad(struct mc_err *err, const char *prefix, const char *field,
                          const char *msg)
{
    char name[96];
    size_t n = strlen(prefix);
    if (n + strlen(field) + 2 > sizeof(name)) {
        n = 0;
    }
    memcpy(name, prefix, n);
    name[n] = '\0';
    if (n > 0) {
        name[n++] = '.';
        name[n] = '\0';
    }
    memcpy(name + n, field, strlen(field) + 1);
    return mc_fail_field(err, MC_EINVAL, name, "%s: %s", name, msg);
}

enum mc_status core_recur_check(const struct core_recur *r, const char *prefix, struct mc_err *err)
{
    bool week = r->every == CORE_RECUR_WEEK;
    switch (r->every) {
    case CORE_RECUR_WEEK:
        if (r->weekday < 1 || r->weekday > 7) {
            return bad(err, prefix, "weekday", "must be 1 (Monday) to 7 (Sunday)");
        }
        break;
    case CORE_RECUR_MONTH:
        if (r->month != 0) {
            return bad(err, prefix, "month", "a monthly rule names only its day");
        }
        break;
    case CORE_RECUR_QUARTER:
        if (r->month < 1 || r->month > 3) {
            return bad(err, prefix, "month", "must be the month within the quarter, 1 to 3");
        }
        break;
    case CORE_RECUR_YEAR:
        if (r->month < 1 || r->month > 12) {
            return bad(err, prefix, "month", "must be 1 to 12");
        }
        break;
    default:
        return bad(err, prefix, "every", "must be week, month, quarter or year");
    }
    if (week && (r->day != 0 || r->month != 0)) {
        return bad(err, prefix, r->day != 0 ? "day" : "month",
                   "a weekly rule names only its weekday");
    }
    if (!week && r->weekday != 0) {
        return bad(err, prefix, "weekday", "only a weekly rule names a weekday");
    }
    if (!week && (r->day < 1 || r->day > 31)) {
        return bad(err, prefix, "day", "must be 1 to 31 (past the month's end: its last day)");
    }
    /* A yearly day must exist in its month in some year (29 February does;
     * 30 February never). */
    if (r->every == CORE_RECUR_YEAR && r->day > mc_days_in_month(2000, r->month)) {
        return bad(err, prefix, "day", "is past the end of that month in every year");
    }
    if (r->lead < -1 || r->lead > CORE_RECUR_LEAD_MAX) {
        return bad(err, prefix, "lead_working_days", "must be 0 to 60");
    }
    return MC_OK;
}

int core_recur_default_lead(int64_t limit_minutes)
{
    int64_t days = (limit_minutes + 479) / 480;
    if (days <= 1) {
        return 0;
    }
    return days - 1 > CORE_RECUR_LEAD_MAX ? CORE_RECUR_LEAD_MAX : (int)(days - 1);
}

/* ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a
 * Thursday). */
static int weekday_of(int64_t day)
{
    return (int)(((day % 7) + 7 + 3) % 7) + 1;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int64_t period_of(const struct core_recur *r, int64_t today)
{
    struct eng_date d = eng_date_from_days(today);
    switch (r->every) {
    case CORE_RECUR_WEEK:
        return today - (weekday_of(today) - 1);
    case CORE_RECUR_MONTH:
        return (int64_t)d.year * 12 + (d.month - 1);
    case CORE_RECUR_QUARTER:
        return (int64_t)d.year * 4 + (d.month - 1) / 3;
    default:
        return d.year;
    }
}

/* Periods to look ahead of today's: a due day can pull its opening back by
 * BACK_MAX days plus 60 working days (about 130 days with Tết). */
static int64_t ahead(enum core_recur_every every)
{
    switch (every) {
    case CORE_RECUR_WEEK:
        return 20 * 7;
    case CORE_RECUR_MONTH:
        return 5;
    case CORE_RECUR_QUARTER:
        return 2;
    default:
        return 1;
    }
}

static int64_t step_of(enum core_recur_every every)
{
    return every == CORE_RECUR_WEEK ? 7 : 1;
}

static struct eng_date clamped(int year, int month, int day)
{
    int last = mc_days_in_month(year, month);
    return (struct eng_date){ year, month, day > last ? last : day };
}

/* Two digits or more, no sign (values here are 0–9999). */
static size_t put_num(char *out, size_t at, size_t cap, int v, int width)
{
    char tmp[12];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < (int)sizeof(tmp));
    while (n < width && n < (int)sizeof(tmp)) {
        tmp[n++] = '0';
    }
    while (n > 0 && at + 1 < cap) {
        out[at++] = tmp[--n];
    }
    out[at] = '\0';
    return at;
}

static size_t put_str(char *out, size_t at, size_t cap, const char *s)
{
    while (*s && at + 1 < cap) {
        out[at++] = *s++;
    }
    out[at] = '\0';
    return at;
}

/* The occurrence of period p, its due day moved back to a working day and
 * its opening `lead` working days before. */
static bool occurrence(const struct core_recur *r, int lead, int64_t p,
                       core_working_day_fn *working, void *ctx, struct core_occurrence *o)
{
    memset(o, 0, sizeof(*o));
    size_t at = 0;
    const size_t cap = sizeof(o->period);
    switch (r->every) {
    case CORE_RECUR_WEEK: {
        o->nominal = eng_date_from_days(p + r->weekday - 1);
        /* ISO week: the year and week of the week's Thursday. */
        struct eng_date thu = eng_date_from_days(p + 3);
        int64_t jan1 = eng_days_from_date((struct eng_date){ thu.year, 1, 1 });
        o->year = thu.year;
        o->number = (int)((p + 3 - jan1) / 7) + 1;
        at = put_num(o->period, at, cap, o->year, 4);
        at = put_str(o->period, at, cap, "-W");
        put_num(o->period, at, cap, o->number, 2);
        break;
    }
    case CORE_RECUR_MONTH:
        o->year = (int)floor_div(p, 12);
        o->number = (int)(p - (int64_t)o->year * 12) + 1;
        o->nominal = clamped(o->year, o->number, r->day);
        at = put_num(o->period, at, cap, o->year, 4);
        at = put_str(o->period, at, cap, "-");
        put_num(o->period, at, cap, o->number, 2);
        break;
    case CORE_RECUR_QUARTER:
        o->year = (int)floor_div(p, 4);
        o->number = (int)(p - (int64_t)o->year * 4) + 1;
        o->nominal = clamped(o->year, (o->number - 1) * 3 + r->month, r->day);
        at = put_num(o->period, at, cap, o->year, 4);
        at = put_str(o->period, at, cap, "-Q");
        put_num(o->period, at, cap, o->number, 1);
        break;
    default:
        o->year = (int)p;
        o->nominal = clamped(o->year, r->month, r->day);
        put_num(o->period, at, cap, o->year, 4);
        break;
    }
    int64_t day = eng_days_from_date(o->nominal);
    int back = 0;
    while (!working(ctx, day)) {
        if (++back > BACK_MAX) {
            return false;
        }
        day--;
    }
    o->due_day = day;
    for (int i = 0; i < lead; i++) {
        back = 0;
        do {
            if (++back > BACK_MAX) {
                return false;
            }
            day--;
        } while (!working(ctx, day));
    }
    o->open_day = day;
    return true;
}

static bool year_ok(const struct core_recur *r, int64_t today)
{
    struct eng_date d = eng_date_from_days(today);
    return r->every != CORE_RECUR_NONE && d.year >= 1971 && d.year <= 9000;
}

enum mc_status core_recur_latest(const struct core_recur *r, int lead, int64_t today,
                                 core_working_day_fn *working, void *ctx,
                                 struct core_occurrence *out, bool *found, struct mc_err *err)
{
    *found = false;
    if (!year_ok(r, today)) {
        return mc_fail_field(err, MC_EINVAL, "recurrence", "no recurrence on this date");
    }
    int64_t step = step_of(r->every);
    int64_t p0 = period_of(r, today);
    for (int64_t p = p0 + ahead(r->every); p >= p0 - 2 * step; p -= step) {
        struct core_occurrence o;
        if (occurrence(r, lead, p, working, ctx, &o) && o.open_day <= today) {
            *out = o;
            *found = true;
            return MC_OK;
        }
    }
    return MC_OK;
}

enum mc_status core_recur_next(const struct core_recur *r, int lead, int64_t today,
                               core_working_day_fn *working, void *ctx, struct core_occurrence *out,
                               bool *found, struct mc_err *err)
{
    *found = false;
    if (!year_ok(r, today)) {
        return mc_fail_field(err, MC_EINVAL, "recurrence", "no recurrence on this date");
    }
    int64_t step = step_of(r->every);
    int64_t p0 = period_of(r, today);
    for (int64_t p = p0 - 2 * step; p <= p0 + ahead(r->every) + 2 * step; p += step) {
        struct core_occurrence o;
        if (occurrence(r, lead, p, working, ctx, &o) && o.open_day > today) {
            *out = o;
            *found = true;
            return MC_OK;
        }
    }
    return MC_OK;
}

void core_recur_subject(const struct core_occurrence *o, enum core_recur_every every,
                        const char *name, char *out, size_t cap)
{
    char tail[48];
    size_t at = put_str(tail, 0, sizeof(tail), " — ");
    switch (every) {
    case CORE_RECUR_WEEK:
        at = put_str(tail, at, sizeof(tail), "tuần ");
        break;
    case CORE_RECUR_MONTH:
        at = put_str(tail, at, sizeof(tail), "tháng ");
        break;
    case CORE_RECUR_QUARTER:
        at = put_str(tail, at, sizeof(tail), "quý ");
        break;
    default:
        at = put_str(tail, at, sizeof(tail), "năm ");
        break;
    }
    if (every != CORE_RECUR_YEAR) {
        at = put_num(tail, at, sizeof(tail), o->number, 1);
        at = put_str(tail, at, sizeof(tail), "/");
    }
    at = put_num(tail, at, sizeof(tail), o->year, 4);
    if (cap == 0) {
        return;
    }
    /* The name, cut before a UTF-8 continuation byte if it must be cut. */
    size_t room = cap > at + 1 ? cap - at - 1 : 0;
    size_t n = strlen(name);
    if (n > room) {
        n = room;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    memcpy(out, name, n);
    size_t t = at < cap - n - 1 ? at : cap - n - 1;
    memcpy(out + n, tail, t);
    out[n + t] = '\0';
}
