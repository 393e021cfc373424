/* The day table and working-time arithmetic (see cal.h).
 *
 * Why prefix sums: every question the engine asks ("how much working time
 * between a and b", "when are N working hours used up") reduces to the
 * cumulative working seconds W(t) since 2000-01-01, which is
 * cum[day] + (work done that day before t). cum[] costs 8 bytes a day and makes
 * cal_between() O(1) and cal_add() a galloping search from the start day. */
#include "cal/cal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cal/cal_int.h"
#include "cal/holiday.h"
#include "cal/lunar.h"

enum day_flags {
    DAY_MAKEUP = 1 << 0,
    DAY_COMP_USED = 1 << 1, /* a compensatory day from a file, already assigned */
    DAY_DATA_COMP = 1 << 2, /* the day is a compensatory day given by a file */
};

struct cal_note {
    enum cal_tag tag;
    bool estimate;
    const char *reason;
    const char *ref;
    const char *source;
};

struct cal_day {
    uint8_t open;   /* enum cal_open */
    uint8_t season; /* index into sessions.seasons */
    uint8_t flags;  /* enum day_flags */
    uint8_t pad;
    int32_t note; /* index into notes, -1 for a plain working day or weekend */
};

struct cal {
    struct cal_data data; /* owns the file strings the notes point to */
    struct cal_sessions sessions;
    int32_t first_day; /* 2000-01-01 */
    int32_t ndays;
    struct cal_day *days;
    int64_t *cum;   /* ndays + 1 working seconds before each day */
    int32_t *wdays; /* ndays + 1 working days before each day */
    struct cal_note *notes;
    size_t n_notes, cap_notes;
    char **owned; /* strings made here ("file:line") */
    size_t n_owned, cap_owned;
    uint8_t est[CAL_YEAR_LAST - CAL_YEAR_FIRST + 1]; /* bit 0 Tết, bit 1 Quốc khánh */
};

struct rule_mark {
    int32_t day;
    enum cal_tag tag;
    bool collided;
};

static int32_t add_note(struct cal *cal, enum cal_tag tag, bool estimate, const char *reason,
                        const char *ref, const char *source)
{
    cal->notes = mc_xgrow(cal->notes, &cal->cap_notes, cal->n_notes + 1, sizeof(*cal->notes));
    cal->notes[cal->n_notes] = (struct cal_note){ tag, estimate, reason, ref, source };
    return (int32_t)cal->n_notes++;
}

static const char *own(struct cal *cal, char *s)
{
    cal->owned = mc_xgrow(cal->owned, &cal->cap_owned, cal->n_owned + 1, sizeof(*cal->owned));
    cal->owned[cal->n_owned++] = s;
    return s;
}

static bool is_announced(const struct cal_data *d, int year, enum cal_tag tag)
{
    for (size_t i = 0; i < d->n_announces; i++) {
        if (d->announces[i].year == year && d->announces[i].tag == tag) {
            return true;
        }
    }
    return false;
}

static struct cal_day *day_at(struct cal *cal, int32_t day)
{
    return &cal->days[day - cal->first_day];
}

/* Statutory days of one year; remembers the ones that may need a
 * compensatory day (on a weekly rest day or on another holiday). */
static size_t apply_rules(struct cal *cal, int year, struct rule_mark *marks)
{
    bool tet = is_announced(&cal->data, year, CAL_TAG_TET);
    bool national = is_announced(&cal->data, year, CAL_TAG_NATIONAL);
    cal->est[year - CAL_YEAR_FIRST] = (uint8_t)((tet ? 0 : 1) | (national || year < 2021 ? 0 : 2));
    struct cal_rule_day r[CAL_RULE_DAYS_MAX];
    size_t n = cal_holiday_rules(year, tet, national, r), nm = 0;
    for (size_t i = 0; i < n; i++) {
        struct cal_day *d = day_at(cal, r[i].day);
        bool collided = d->note >= 0;
        if (r[i].compensatable && (cal_weekday(r[i].day) >= 6 || collided)) {
            marks[nm++] = (struct rule_mark){ r[i].day, r[i].tag, collided };
        }
        if (!collided) {
            d->open = CAL_OPEN_NONE;
            d->note = add_note(cal, r[i].tag, r[i].estimate, r[i].reason, r[i].ref, "rule");
        }
    }
    return nm;
}

/* A file may close more of a day, never reopen a day the law closes: a half
 * day or a make-up day on a statutory holiday is a contradiction. */
static enum mc_status apply_entry(struct cal *cal, const struct cal_entry *e, struct mc_err *err)
{
    struct cal_day *d = day_at(cal, e->day);
    if (e->kind != CAL_ENTRY_OFF && d->note >= 0) {
        char *field = mc_xasprintf("%.60s:%d:kind", e->file, e->line);
        enum mc_status rc = mc_fail_field(
            err, MC_EINVAL, field, "%s:%d: field 'kind': the day is a statutory holiday (%s)",
            e->file, e->line, cal->notes[d->note].reason);
        free(field);
        return rc;
    }
    switch (e->kind) {
    case CAL_ENTRY_OFF:
        d->open = CAL_OPEN_NONE;
        break;
    case CAL_ENTRY_WORK:
        d->open = CAL_OPEN_ALL;
        d->flags |= DAY_MAKEUP;
        break;
    case CAL_ENTRY_OFF_AM:
        d->open = CAL_OPEN_PM;
        break;
    case CAL_ENTRY_OFF_PM:
        d->open = CAL_OPEN_AM;
        break;
    }
    if (e->tag == CAL_TAG_COMP && e->kind == CAL_ENTRY_OFF) {
        d->flags |= DAY_DATA_COMP;
    }
    const char *src = own(cal, mc_xasprintf("%s:%d", e->file, e->line));
    d->note = add_note(cal, e->tag, false, e->reason, e->ref, src);
    return MC_OK;
}

/* Labour Code art. 111.3: the next working day becomes a compensatory day,
 * unless a file already gave this holiday's compensatory day (announcements
 * sometimes list them), in which case that one is used. */
static void compensate(struct cal *cal, int year, const struct rule_mark *m)
{
    int32_t last = cal_days_from_civil(CAL_YEAR_LAST, 12, 31);
    for (int32_t day = m->day + 1; day <= last && day <= m->day + 60; day++) {
        struct cal_day *d = day_at(cal, day);
        if ((d->flags & DAY_DATA_COMP) && !(d->flags & DAY_COMP_USED)) {
            d->flags |= DAY_COMP_USED;
            return;
        }
        if (cal_weekday(day) <= 5 && d->note < 0 && d->open == CAL_OPEN_ALL) {
            d->open = CAL_OPEN_NONE;
            d->note = add_note(cal, CAL_TAG_COMP, false, cal_holiday_comp_reason(m->tag),
                               cal_holiday_comp_ref(year), "rule");
            return;
        }
    }
}

enum mc_status cal_build(struct cal_data *data, struct cal **out, struct mc_err *err)
{
    struct cal *cal = mc_xcalloc(1, sizeof(*cal));
    cal->data = *data;
    cal_data_init(data);
    enum mc_status rc = cal_sessions_init(&cal->sessions, &cal->data, err);
    if (rc != MC_OK) {
        cal_free(cal);
        return rc;
    }
    cal->first_day = cal_days_from_civil(CAL_YEAR_FIRST, 1, 1);
    cal->ndays = cal_days_from_civil(CAL_YEAR_LAST + 1, 1, 1) - cal->first_day;
    cal->days = mc_xmalloc((size_t)cal->ndays * sizeof(*cal->days));
    for (int32_t i = 0; i < cal->ndays; i++) {
        int32_t day = cal->first_day + i;
        cal->days[i] = (struct cal_day){
            .open = cal_weekday(day) >= 6 ? CAL_OPEN_NONE : CAL_OPEN_ALL,
            .season = (uint8_t)cal_sessions_season(&cal->sessions, day),
            .note = -1,
        };
    }
    struct rule_mark *marks =
        mc_xmalloc((CAL_YEAR_LAST - CAL_YEAR_FIRST + 1) * CAL_RULE_DAYS_MAX * sizeof(*marks));
    size_t *nmarks = mc_xcalloc(CAL_YEAR_LAST - CAL_YEAR_FIRST + 1, sizeof(*nmarks));
    for (int y = CAL_YEAR_FIRST; y <= CAL_YEAR_LAST; y++) {
        nmarks[y - CAL_YEAR_FIRST] =
            apply_rules(cal, y, marks + (size_t)(y - CAL_YEAR_FIRST) * CAL_RULE_DAYS_MAX);
    }
    for (size_t i = 0; i < cal->data.n_entries && rc == MC_OK; i++) {
        rc = apply_entry(cal, &cal->data.entries[i], err);
    }
    if (rc != MC_OK) {
        free(marks);
        free(nmarks);
        cal_free(cal);
        return rc;
    }
    for (int y = CAL_YEAR_FIRST; y <= CAL_YEAR_LAST; y++) {
        const struct rule_mark *m = marks + (size_t)(y - CAL_YEAR_FIRST) * CAL_RULE_DAYS_MAX;
        for (size_t i = 0; i < nmarks[y - CAL_YEAR_FIRST]; i++) {
            compensate(cal, y, &m[i]);
        }
    }
    free(marks);
    free(nmarks);
    cal->cum = mc_xmalloc(((size_t)cal->ndays + 1) * sizeof(*cal->cum));
    cal->wdays = mc_xmalloc(((size_t)cal->ndays + 1) * sizeof(*cal->wdays));
    cal->cum[0] = 0;
    cal->wdays[0] = 0;
    for (int32_t i = 0; i < cal->ndays; i++) {
        const struct cal_day *d = &cal->days[i];
        int32_t w =
            d->open ? cal_sessions_worked(&cal->sessions, d->season, d->open, CAL_DAY_SECONDS) : 0;
        cal->cum[i + 1] = cal->cum[i] + w;
        cal->wdays[i + 1] = cal->wdays[i] + (w > 0);
    }
    *out = cal;
    return MC_OK;
}

enum mc_status cal_load(const char *extra_name, const char *extra, size_t extra_len,
                        struct cal **out, struct mc_err *err)
{
    struct cal_data d;
    cal_data_init(&d);
    enum mc_status rc = cal_data_load_embedded(&d, err);
    if (rc == MC_OK && extra != NULL) {
        rc = cal_data_parse(&d, extra_name, extra, extra_len, err);
    }
    if (rc != MC_OK) {
        cal_data_release(&d);
        return rc;
    }
    return cal_build(&d, out, err);
}

void cal_free(struct cal *cal)
{
    if (cal == NULL) {
        return;
    }
    cal_data_release(&cal->data);
    for (size_t i = 0; i < cal->n_owned; i++) {
        free(cal->owned[i]);
    }
    free(cal->owned);
    free(cal->notes);
    free(cal->days);
    free(cal->cum);
    free(cal->wdays);
    free(cal);
}

int64_t cal_day_seconds(const struct cal *cal)
{
    return cal->sessions.day_seconds;
}

int32_t cal_cutoff(const struct cal *cal)
{
    return cal->sessions.cutoff;
}

const struct cal_sessions *cal_sessions(const struct cal *cal)
{
    return &cal->sessions;
}

const char *cal_versions(const struct cal *cal)
{
    return cal->data.versions ? cal->data.versions : "";
}

int64_t cal_first_instant(void)
{
    return cal_instant_of_day(cal_days_from_civil(CAL_YEAR_FIRST, 1, 1), 0);
}

int64_t cal_last_instant(void)
{
    return cal_instant_of_day(cal_days_from_civil(CAL_YEAR_LAST + 1, 1, 1), 0);
}

static void fill_info(const struct cal *cal, int32_t day, struct cal_day_info *out)
{
    const struct cal_day *d = &cal->days[day - cal->first_day];
    out->day = day;
    out->open = d->open;
    /* Working means some time counts: a half day whose open half has no
     * session (e.g. an agency with morning-only sessions) is not one. */
    int32_t i = day - cal->first_day;
    out->working = cal->cum[i + 1] > cal->cum[i];
    out->makeup = (d->flags & DAY_MAKEUP) != 0;
    if (d->note >= 0) {
        const struct cal_note *n = &cal->notes[d->note];
        out->tag = n->tag;
        out->estimate = n->estimate;
        out->reason = n->reason;
        out->ref = n->ref;
        out->source = n->source;
    } else if (cal_weekday(day) >= 6) {
        out->tag = CAL_TAG_WEEKEND;
        out->estimate = false;
        out->reason =
            cal_weekday(day) == 6 ? "Nghỉ hằng tuần (Thứ Bảy)" : "Nghỉ hằng tuần (Chủ Nhật)";
        out->ref = cal_holiday_weekend_ref();
        out->source = "rule";
    } else {
        out->tag = CAL_TAG_NONE;
        out->estimate = false;
        out->reason = "Ngày làm việc";
        out->ref = "";
        out->source = "rule";
    }
}

static bool day_in_range(const struct cal *cal, int32_t day)
{
    return day >= cal->first_day && day < cal->first_day + cal->ndays;
}

enum mc_status cal_day_info(const struct cal *cal, int32_t day, struct cal_day_info *out,
                            struct mc_err *err)
{
    if (!day_in_range(cal, day)) {
        return mc_fail_field(err, MC_EINVAL, "date", "date outside %d..%d", CAL_YEAR_FIRST,
                             CAL_YEAR_LAST);
    }
    fill_info(cal, day, out);
    return MC_OK;
}

bool cal_next_special(const struct cal *cal, int32_t from, int32_t to, bool skip_plain_weekends,
                      struct cal_day_info *out)
{
    if (from < cal->first_day) {
        from = cal->first_day;
    }
    if (to >= cal->first_day + cal->ndays) {
        to = cal->first_day + cal->ndays - 1;
    }
    for (int32_t day = from; day <= to; day++) {
        const struct cal_day *d = &cal->days[day - cal->first_day];
        bool weekend = cal_weekday(day) >= 6;
        if (d->note < 0 && !weekend) {
            continue;
        }
        if (d->note < 0 && skip_plain_weekends) {
            continue;
        }
        fill_info(cal, day, out);
        return true;
    }
    return false;
}

bool cal_year_estimated(const struct cal *cal, int year, enum cal_tag tag)
{
    if (year < CAL_YEAR_FIRST || year > CAL_YEAR_LAST) {
        return false;
    }
    uint8_t bit = tag == CAL_TAG_TET ? 1 : tag == CAL_TAG_NATIONAL ? 2 : 0;
    return (cal->est[year - CAL_YEAR_FIRST] & bit) != 0;
}

/* W(t): working seconds from 2000-01-01 00:00 to t. The caller checked t. */
static int64_t worked_until(const struct cal *cal, int64_t t)
{
    int32_t sec;
    int32_t i = cal_day_of_instant(t, &sec) - cal->first_day;
    const struct cal_day *d = &cal->days[i];
    return cal->cum[i] +
           (d->open ? cal_sessions_worked(&cal->sessions, d->season, d->open, sec) : 0);
}

static enum mc_status check_instant(int64_t t, const char *field, struct mc_err *err)
{
    if (t < cal_first_instant() || t >= cal_last_instant()) {
        return mc_fail_field(err, MC_EINVAL, field, "instant outside %d..%d", CAL_YEAR_FIRST,
                             CAL_YEAR_LAST);
    }
    return MC_OK;
}

/* The instant at which the cumulative working time reaches `target`
 * (> W(start)), searching forward from day index `i0`. */
static enum mc_status locate(const struct cal *cal, int32_t i0, int64_t target, int64_t *out,
                             struct mc_err *err)
{
    int32_t n = cal->ndays;
    if (target > cal->cum[n]) {
        return mc_fail_field(err, MC_EINVAL, "amount", "the due date would fall after %d",
                             CAL_YEAR_LAST);
    }
    /* Gallop: find hi with cum[hi + 1] >= target, doubling the step. */
    int32_t lo = i0, hi = i0, step = 1;
    while (cal->cum[hi + 1] < target) {
        lo = hi + 1;
        hi = (n - 1 - hi > step) ? hi + step : n - 1;
        step *= 2;
    }
    /* Binary search for the first index in [lo, hi] with cum[i + 1] >= target. */
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (cal->cum[mid + 1] >= target) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    const struct cal_day *d = &cal->days[lo];
    int32_t r = (int32_t)(target - cal->cum[lo]);
    int32_t sec = cal_sessions_locate(&cal->sessions, d->season, d->open, r);
    *out = cal_instant_of_day(cal->first_day + lo, sec);
    return MC_OK;
}

enum mc_status cal_add(const struct cal *cal, int64_t start, int64_t work, int64_t *due,
                       struct mc_err *err)
{
    enum mc_status rc = check_instant(start, "start", err);
    if (rc != MC_OK) {
        return rc;
    }
    if (work < 0) {
        return mc_fail_field(err, MC_EINVAL, "amount", "a time limit cannot be negative");
    }
    if (work == 0) {
        return cal_next_start(cal, start, due, err);
    }
    int64_t base = worked_until(cal, start);
    if (work > cal->cum[cal->ndays] - base) {
        return mc_fail_field(err, MC_EINVAL, "amount", "the due date would fall after %d",
                             CAL_YEAR_LAST);
    }
    return locate(cal, cal_day_of_instant(start, NULL) - cal->first_day, base + work, due, err);
}

enum mc_status cal_next_start(const struct cal *cal, int64_t t, int64_t *out, struct mc_err *err)
{
    enum mc_status rc = check_instant(t, "start", err);
    if (rc != MC_OK) {
        return rc;
    }
    /* The first working second after t ends one second after counting
     * starts; seconds are the unit, so this is exact. */
    int64_t end;
    rc = locate(cal, cal_day_of_instant(t, NULL) - cal->first_day, worked_until(cal, t) + 1, &end,
                err);
    if (rc != MC_OK) {
        return rc;
    }
    *out = end - 1;
    return MC_OK;
}

enum mc_status cal_between(const struct cal *cal, int64_t a, int64_t b, int64_t *work,
                           struct mc_err *err)
{
    enum mc_status rc = check_instant(a, "from", err);
    if (rc == MC_OK) {
        rc = check_instant(b, "to", err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    *work = worked_until(cal, b) - worked_until(cal, a);
    return MC_OK;
}

int32_t cal__nth_working_day_after(const struct cal *cal, int32_t day, int64_t n)
{
    /* Working days strictly after `day`: the n-th has wdays[i + 1] ==
     * wdays[day + 1] + n. */
    int32_t i0 = day - cal->first_day;
    if (i0 < -1 || i0 >= cal->ndays) {
        return -1;
    }
    int64_t target = (int64_t)cal->wdays[i0 + 1] + n;
    if (target > cal->wdays[cal->ndays]) {
        return -1;
    }
    int32_t lo = i0 + 1, hi = cal->ndays - 1;
    while (lo < hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (cal->wdays[mid + 1] >= target) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return cal->first_day + lo;
}

int64_t cal__day_close(const struct cal *cal, int32_t day)
{
    const struct cal_day *d = &cal->days[day - cal->first_day];
    return cal_instant_of_day(day, cal_sessions_last_end(&cal->sessions, d->season, d->open));
}
