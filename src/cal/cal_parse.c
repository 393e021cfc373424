/* The calendar data-file parser (format: docs/CALENDAR.md). It is a fuzz
 * target (tests/fuzz/fuzz_calendar.c): it trusts nothing, bounds every field
 * and keeps the caller's cal_data untouched unless the whole file is good. */
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "cal/data.h"
#include "cal/date.h"

#define FIELDS_MAX 6

struct field {
    const char *p;
    size_t n;
};

struct ctx {
    const char *name;
    int line;
    struct mc_err *err;
};

static const struct {
    const char *name;
    const char *label;
} tags[] = {
    [CAL_TAG_NONE] = { "none", "Ngày làm việc" },
    [CAL_TAG_WEEKEND] = { "weekend", "Nghỉ hằng tuần" },
    [CAL_TAG_NEWYEAR] = { "newyear", "Tết Dương lịch" },
    [CAL_TAG_TET] = { "tet", "Tết Nguyên Đán" },
    [CAL_TAG_HUNGKINGS] = { "hungkings", "Giỗ Tổ Hùng Vương" },
    [CAL_TAG_VICTORY] = { "victory", "Ngày Chiến thắng" },
    [CAL_TAG_LABOUR] = { "labour", "Ngày Quốc tế lao động" },
    [CAL_TAG_NATIONAL] = { "national", "Quốc khánh" },
    [CAL_TAG_COMP] = { "comp", "Nghỉ bù" },
    [CAL_TAG_SWAP] = { "swap", "Hoán đổi ngày làm việc" },
    [CAL_TAG_AGENCY] = { "agency", "Ngày nghỉ riêng của cơ quan" },
    [CAL_TAG_OTHER] = { "other", "Ngày nghỉ khác" },
};

const char *cal_tag_name(enum cal_tag tag)
{
    return tags[tag].name;
}

const char *cal_tag_label(enum cal_tag tag)
{
    return tags[tag].label;
}

void cal_data_init(struct cal_data *d)
{
    memset(d, 0, sizeof(*d));
    d->cutoff = -1;
}

void cal_data_release(struct cal_data *d)
{
    for (size_t i = 0; i < d->n_entries; i++) {
        free(d->entries[i].reason);
        free(d->entries[i].ref);
        free(d->entries[i].file);
    }
    free(d->entries);
    for (size_t i = 0; i < d->n_announces; i++) {
        free(d->announces[i].ref);
        free(d->announces[i].file);
    }
    free(d->announces);
    for (int i = 0; i < d->n_seasons; i++) {
        free(d->seasons[i].reason);
        free(d->seasons[i].file);
    }
    free(d->cutoff_ref);
    free(d->versions);
    cal_data_init(d);
}

/* Every parse error goes through here so that each one names the file, the
 * line and the field, both in err->field ("file:line:field") and err->msg. */
static enum mc_status bad(const struct ctx *c, const char *field, const char *what)
{
    char *where = mc_xasprintf("%.60s:%d:%s", c->name, c->line, field);
    enum mc_status rc = mc_fail_field(c->err, MC_EINVAL, where, "%s:%d: field '%s': %s", c->name,
                                      c->line, field, what);
    free(where);
    return rc;
}

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t';
}

static struct field trim(const char *p, size_t n)
{
    while (n > 0 && is_space(*p)) {
        p++;
        n--;
    }
    while (n > 0 && is_space(p[n - 1])) {
        n--;
    }
    return (struct field){ p, n };
}

static bool eq(struct field f, const char *s)
{
    return strlen(s) == f.n && memcmp(f.p, s, f.n) == 0;
}

/* Copies a field into a bounded NUL-terminated buffer; false if too long. */
static bool copy(struct field f, char *buf, size_t cap)
{
    if (f.n >= cap) {
        return false;
    }
    memcpy(buf, f.p, f.n);
    buf[f.n] = '\0';
    return true;
}

static enum mc_status text_field(const struct ctx *c, struct field f, const char *field, char **out)
{
    if (f.n == 0) {
        return bad(c, field, "must not be empty");
    }
    if (f.n > CAL_TEXT_MAX) {
        return bad(c, field, "longer than 300 bytes");
    }
    if (!mc_utf8_valid(f.p, f.n)) {
        return bad(c, field, "not valid UTF-8");
    }
    *out = mc_xstrndup(f.p, f.n);
    return MC_OK;
}

static enum mc_status year_field(const struct ctx *c, struct field f, int *out)
{
    char buf[8];
    int64_t v;
    if (!copy(f, buf, sizeof(buf)) || !mc_parse_i64(buf, CAL_YEAR_FIRST, CAL_YEAR_LAST, &v)) {
        return bad(c, "year", "must be a year 2000..2199");
    }
    *out = (int)v;
    return MC_OK;
}

static enum mc_status day_field(const struct ctx *c, struct field f, int32_t *out)
{
    char buf[16];
    int y, m, d;
    if (!copy(f, buf, sizeof(buf)) || !mc_parse_date(buf, &y, &m, &d)) {
        return bad(c, "date", "must be a real date YYYY-MM-DD");
    }
    if (y < CAL_YEAR_FIRST || y > CAL_YEAR_LAST) {
        return bad(c, "date", "year must be 2000..2199");
    }
    *out = cal_days_from_civil(y, m, d);
    return MC_OK;
}

static bool parse_tag(struct field f, enum cal_tag *out)
{
    for (int t = CAL_TAG_NEWYEAR; t <= CAL_TAG_OTHER; t++) {
        if (eq(f, tags[t].name)) {
            *out = (enum cal_tag)t;
            return true;
        }
    }
    return false;
}

static enum mc_status need_fields(const struct ctx *c, int n, int want, const char *what)
{
    if (n != want) {
        return bad(c, "fields", what);
    }
    return MC_OK;
}

static void push_entry(struct cal_data *t, const struct cal_entry *e)
{
    t->entries = mc_xgrow(t->entries, &t->cap_entries, t->n_entries + 1, sizeof(*e));
    t->entries[t->n_entries++] = *e;
}

/* DATE[..DATE] | kind | tag | reason | ref */
static enum mc_status dated_line(struct cal_data *t, const struct ctx *c, struct field *f, int nf)
{
    enum mc_status rc = need_fields(c, nf, 5,
                                    "a dated line has 5 fields: date | kind | tag | "
                                    "reason | ref");
    if (rc != MC_OK) {
        return rc;
    }
    struct field from = f[0], to = f[0];
    for (size_t i = 0; i + 1 < f[0].n; i++) {
        if (f[0].p[i] == '.' && f[0].p[i + 1] == '.') {
            from = trim(f[0].p, i);
            to = trim(f[0].p + i + 2, f[0].n - i - 2);
            break;
        }
    }
    int32_t d0 = 0, d1 = 0;
    if ((rc = day_field(c, from, &d0)) != MC_OK || (rc = day_field(c, to, &d1)) != MC_OK) {
        return rc;
    }
    if (d1 < d0) {
        return bad(c, "date", "range ends before it starts");
    }
    if (d1 - d0 >= CAL_RANGE_MAX) {
        return bad(c, "date", "range longer than 31 days");
    }
    enum cal_entry_kind kind;
    if (eq(f[1], "off")) {
        kind = CAL_ENTRY_OFF;
    } else if (eq(f[1], "work")) {
        kind = CAL_ENTRY_WORK;
    } else if (eq(f[1], "off-am")) {
        kind = CAL_ENTRY_OFF_AM;
    } else if (eq(f[1], "off-pm")) {
        kind = CAL_ENTRY_OFF_PM;
    } else {
        return bad(c, "kind", "must be off, work, off-am or off-pm");
    }
    enum cal_tag tag;
    if (!parse_tag(f[2], &tag)) {
        return bad(c, "tag",
                   "must be newyear, tet, hungkings, victory, labour, national, comp, "
                   "swap, agency or other");
    }
    for (int32_t day = d0; day <= d1; day++) {
        bool weekend = cal_weekday(day) >= 6;
        if (kind == CAL_ENTRY_WORK && !weekend) {
            return bad(c, "kind", "a make-up working day must be a Saturday or Sunday");
        }
        if ((kind == CAL_ENTRY_OFF_AM || kind == CAL_ENTRY_OFF_PM) && weekend) {
            return bad(c, "kind", "a half day off must be a weekday");
        }
    }
    if (kind == CAL_ENTRY_WORK && d0 != d1) {
        return bad(c, "date", "a make-up working day is one date, not a range");
    }
    char *reason = NULL, *ref = NULL;
    if ((rc = text_field(c, f[3], "reason", &reason)) != MC_OK) {
        return rc;
    }
    if ((rc = text_field(c, f[4], "ref", &ref)) != MC_OK) {
        free(reason);
        return rc;
    }
    for (int32_t day = d0; day <= d1; day++) {
        struct cal_entry e = {
            .day = day,
            .kind = kind,
            .tag = tag,
            .reason = mc_xstrdup(reason),
            .ref = mc_xstrdup(ref),
            .file = mc_xstrdup(c->name),
            .line = c->line,
        };
        push_entry(t, &e);
    }
    free(reason);
    free(ref);
    return MC_OK;
}

/* announce | YEAR | tet|national | ref */
static enum mc_status announce_line(struct cal_data *t, const struct cal_data *d,
                                    const struct ctx *c, struct field *f, int nf)
{
    enum mc_status rc = need_fields(c, nf, 4,
                                    "announce has 4 fields: announce | year | holiday "
                                    "| ref");
    if (rc != MC_OK) {
        return rc;
    }
    int year = 0;
    if ((rc = year_field(c, f[1], &year)) != MC_OK) {
        return rc;
    }
    enum cal_tag tag;
    if (eq(f[2], "tet")) {
        tag = CAL_TAG_TET;
    } else if (eq(f[2], "national")) {
        tag = CAL_TAG_NATIONAL;
    } else {
        return bad(c, "holiday", "must be tet or national");
    }
    const struct cal_data *sets[2] = { d, t };
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < sets[s]->n_announces; i++) {
            if (sets[s]->announces[i].year == year && sets[s]->announces[i].tag == tag) {
                return bad(c, "holiday", "announced twice for this year");
            }
        }
    }
    char *ref;
    if ((rc = text_field(c, f[3], "ref", &ref)) != MC_OK) {
        return rc;
    }
    t->announces =
        mc_xgrow(t->announces, &t->cap_announces, t->n_announces + 1, sizeof(*t->announces));
    t->announces[t->n_announces++] = (struct cal_announce){
        .year = year, .tag = tag, .ref = ref, .file = mc_xstrdup(c->name), .line = c->line
    };
    return MC_OK;
}

/* sessions | MM-DD | HH:MM-HH:MM[, HH:MM-HH:MM]... | reason */
static enum mc_status sessions_line(struct cal_data *t, const struct cal_data *d,
                                    const struct ctx *c, struct field *f, int nf)
{
    enum mc_status rc = need_fields(c, nf, 4,
                                    "sessions has 4 fields: sessions | MM-DD | "
                                    "HH:MM-HH:MM,... | reason");
    if (rc != MC_OK) {
        return rc;
    }
    struct cal_season s = { 0 };
    char buf[8];
    int64_t mo = 0, dd = 0;
    if (!copy(f[1], buf, sizeof(buf)) || f[1].n != 5 || buf[2] != '-') {
        return bad(c, "from", "must be MM-DD");
    }
    buf[2] = '\0';
    if (!mc_parse_i64(buf, 1, 12, &mo) || !mc_parse_i64(buf + 3, 1, 31, &dd) ||
        !cal_date_valid(2000, (int)mo, (int)dd)) {
        return bad(c, "from", "must be a real month-day MM-DD");
    }
    s.from_month = (int)mo;
    s.from_day = (int)dd;
    const struct cal_data *sets[2] = { d, t };
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < sets[k]->n_seasons; i++) {
            if (sets[k]->seasons[i].from_month == s.from_month &&
                sets[k]->seasons[i].from_day == s.from_day) {
                return bad(c, "from", "a season already starts on this day");
            }
        }
    }
    if (d->n_seasons + t->n_seasons >= CAL_SEASONS_MAX) {
        return bad(c, "from", "more than 8 seasons");
    }
    const char *p = f[2].p, *end = f[2].p + f[2].n;
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        struct field one = trim(p, (size_t)((comma ? comma : end) - p));
        int32_t a = 0, b = 0;
        if (s.count == CAL_SESSIONS_MAX) {
            return bad(c, "sessions", "more than 4 sessions a day");
        }
        if (one.n != 11 || one.p[5] != '-' || !cal_parse_hhmm(one.p, 5, &a) ||
            !cal_parse_hhmm(one.p + 6, 5, &b)) {
            return bad(c, "sessions", "each session is HH:MM-HH:MM");
        }
        if (a >= b) {
            return bad(c, "sessions", "a session must end after it starts");
        }
        if (s.count > 0 && a < s.sessions[s.count - 1].end) {
            return bad(c, "sessions", "sessions must be in order and must not overlap");
        }
        s.sessions[s.count++] = (struct cal_session){ a, b };
        p = comma ? comma + 1 : end;
    }
    if (s.count == 0) {
        return bad(c, "sessions", "at least one session");
    }
    if ((rc = text_field(c, f[3], "reason", &s.reason)) != MC_OK) {
        return rc;
    }
    s.file = mc_xstrdup(c->name);
    s.line = c->line;
    t->seasons[t->n_seasons++] = s;
    return MC_OK;
}

/* cutoff | HH:MM | ref */
static enum mc_status cutoff_line(struct cal_data *t, const struct cal_data *d, const struct ctx *c,
                                  struct field *f, int nf)
{
    enum mc_status rc = need_fields(c, nf, 3, "cutoff has 3 fields: cutoff | HH:MM | ref");
    if (rc != MC_OK) {
        return rc;
    }
    if (d->cutoff >= 0 || t->cutoff >= 0) {
        return bad(c, "time", "cutoff given twice");
    }
    int32_t v = 0;
    if (!cal_parse_hhmm(f[1].p, f[1].n, &v)) {
        return bad(c, "time", "must be HH:MM");
    }
    if ((rc = text_field(c, f[2], "ref", &t->cutoff_ref)) != MC_OK) {
        return rc;
    }
    t->cutoff = v;
    return MC_OK;
}

/* An entry and whether it comes from the file being loaded. */
struct dated {
    const struct cal_entry *e;
    bool mine;
};

static int by_day(const void *a, const void *b)
{
    const struct dated *x = a, *y = b;
    if (x->e->day != y->e->day) {
        return x->e->day < y->e->day ? -1 : 1;
    }
    /* Earlier files, then earlier lines first: the later one is reported. */
    if (x->mine != y->mine) {
        return x->mine ? 1 : -1;
    }
    return (x->e->line > y->e->line) - (x->e->line < y->e->line);
}

static bool announced(const struct cal_data *d, const struct cal_data *t, int year,
                      enum cal_tag tag)
{
    const struct cal_data *sets[2] = { d, t };
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < sets[s]->n_announces; i++) {
            if (sets[s]->announces[i].year == year && sets[s]->announces[i].tag == tag) {
                return true;
            }
        }
    }
    return false;
}

/* Whole-file checks once every line parsed: one line per date across all
 * loaded files; Tết and Quốc khánh days only in announced years, and every
 * announcement backed by at least one day. */
static enum mc_status check_file(const struct cal_data *d, const struct cal_data *t,
                                 const char *name, struct mc_err *err)
{
    size_t n = d->n_entries + t->n_entries;
    struct dated *all = mc_xmalloc((n ? n : 1) * sizeof(*all));
    for (size_t i = 0; i < d->n_entries; i++) {
        all[i] = (struct dated){ &d->entries[i], false };
    }
    for (size_t i = 0; i < t->n_entries; i++) {
        all[d->n_entries + i] = (struct dated){ &t->entries[i], true };
    }
    qsort(all, n, sizeof(*all), by_day);
    enum mc_status rc = MC_OK;
    for (size_t i = 1; i < n && rc == MC_OK; i++) {
        if (all[i].e->day == all[i - 1].e->day) {
            /* Sorted so that all[i] is from this file and the later line. */
            struct ctx c = { name, all[i].e->line, err };
            char *what = mc_xasprintf("this date is already set by %.100s:%d", all[i - 1].e->file,
                                      all[i - 1].e->line);
            rc = bad(&c, "date", what);
            free(what);
        }
    }
    free(all);
    if (rc != MC_OK) {
        return rc;
    }
    for (size_t i = 0; i < t->n_entries; i++) {
        const struct cal_entry *e = &t->entries[i];
        if (e->tag != CAL_TAG_TET && e->tag != CAL_TAG_NATIONAL) {
            continue;
        }
        int year = cal_civil_from_days(e->day).year;
        if (!announced(d, t, year, e->tag)) {
            struct ctx c = { name, e->line, err };
            return bad(&c, "tag",
                       e->tag == CAL_TAG_TET ? "Tết days need an 'announce | YEAR | tet' line"
                                             : "Quốc khánh days need an 'announce | YEAR | "
                                               "national' line");
        }
    }
    for (size_t i = 0; i < t->n_announces; i++) {
        const struct cal_announce *a = &t->announces[i];
        bool found = false;
        const struct cal_data *sets[2] = { d, t };
        for (int s = 0; s < 2 && !found; s++) {
            for (size_t j = 0; j < sets[s]->n_entries && !found; j++) {
                const struct cal_entry *e = &sets[s]->entries[j];
                found = e->tag == a->tag && e->kind == CAL_ENTRY_OFF &&
                        cal_civil_from_days(e->day).year == a->year;
            }
        }
        if (!found) {
            struct ctx c = { name, a->line, err };
            return bad(&c, "holiday", "announced, but no day off of that holiday in that year");
        }
    }
    return MC_OK;
}

/* Moves the new file's records into d (only after every check passed). */
static void merge(struct cal_data *d, struct cal_data *t, const char *name, const char *version)
{
    d->entries =
        mc_xgrow(d->entries, &d->cap_entries, d->n_entries + t->n_entries, sizeof(*d->entries));
    if (t->n_entries > 0) {
        memcpy(d->entries + d->n_entries, t->entries, t->n_entries * sizeof(*t->entries));
    }
    d->n_entries += t->n_entries;
    t->n_entries = 0;
    d->announces = mc_xgrow(d->announces, &d->cap_announces, d->n_announces + t->n_announces,
                            sizeof(*d->announces));
    if (t->n_announces > 0) {
        memcpy(d->announces + d->n_announces, t->announces, t->n_announces * sizeof(*t->announces));
    }
    d->n_announces += t->n_announces;
    t->n_announces = 0;
    for (int i = 0; i < t->n_seasons; i++) {
        d->seasons[d->n_seasons++] = t->seasons[i];
    }
    t->n_seasons = 0;
    if (t->cutoff >= 0) {
        d->cutoff = t->cutoff;
        d->cutoff_ref = t->cutoff_ref;
        t->cutoff_ref = NULL;
    }
    /* "a.txt 2026.1; b.txt 1" -- which data a calendar was built from. */
    size_t old = d->versions ? strlen(d->versions) : 0;
    size_t nn = strlen(name), vn = strlen(version);
    char *v = mc_xmalloc(old + nn + vn + 4);
    size_t k = 0;
    if (old) {
        memcpy(v, d->versions, old);
        k = old;
        v[k++] = ';';
        v[k++] = ' ';
    }
    memcpy(v + k, name, nn);
    k += nn;
    v[k++] = ' ';
    memcpy(v + k, version, vn);
    k += vn;
    v[k] = '\0';
    free(d->versions);
    d->versions = v;
}

static enum mc_status parse_line(struct cal_data *t, const struct cal_data *d, const struct ctx *c,
                                 struct field line, bool *have_format, char *version,
                                 size_t version_cap)
{
    struct field f[FIELDS_MAX];
    int nf = 0;
    const char *p = line.p, *end = line.p + line.n;
    while (nf < FIELDS_MAX) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        f[nf++] = trim(p, (size_t)((bar ? bar : end) - p));
        if (bar == NULL) {
            break;
        }
        p = bar + 1;
        if (nf == FIELDS_MAX) {
            return bad(c, "fields", "too many '|' separated fields");
        }
    }
    if (!*have_format) {
        char buf[8];
        int64_t v;
        if (nf != 2 || !eq(f[0], "format") || !copy(f[1], buf, sizeof(buf)) ||
            !mc_parse_i64(buf, 1, 99, &v)) {
            return bad(c, "format", "the first line must be 'format | 1'");
        }
        if (v != CAL_FORMAT_VERSION) {
            return bad(c, "format", "unsupported format version (this program reads 1)");
        }
        *have_format = true;
        return MC_OK;
    }
    if (eq(f[0], "format")) {
        return bad(c, "format", "format given twice");
    }
    if (eq(f[0], "version")) {
        enum mc_status rc = need_fields(c, nf, 2, "version has 2 fields: version | text");
        if (rc != MC_OK) {
            return rc;
        }
        if (version[0] != '\0') {
            return bad(c, "version", "version given twice");
        }
        if (f[1].n == 0 || !copy(f[1], version, version_cap) || !mc_utf8_valid(f[1].p, f[1].n)) {
            return bad(c, "version", "must be 1..40 bytes of UTF-8");
        }
        return MC_OK;
    }
    if (eq(f[0], "announce")) {
        return announce_line(t, d, c, f, nf);
    }
    if (eq(f[0], "sessions")) {
        return sessions_line(t, d, c, f, nf);
    }
    if (eq(f[0], "cutoff")) {
        return cutoff_line(t, d, c, f, nf);
    }
    if (f[0].n > 0 && f[0].p[0] >= '0' && f[0].p[0] <= '9') {
        return dated_line(t, c, f, nf);
    }
    return bad(c, "directive",
               "a line starts with a date, format, version, announce, sessions "
               "or cutoff");
}

enum mc_status cal_data_parse(struct cal_data *d, const char *name, const char *text, size_t len,
                              struct mc_err *err)
{
    struct ctx c = { name ? name : "(data)", 0, err };
    if (len > CAL_FILE_MAX) {
        return mc_fail_field(err, MC_ELIMIT, c.name, "%s: larger than 1 MiB", c.name);
    }
    struct cal_data t;
    cal_data_init(&t);
    bool have_format = false;
    char version[41] = "";
    enum mc_status rc = MC_OK;
    size_t pos = 0;
    while (pos < len && rc == MC_OK) {
        c.line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = (nl ? (size_t)(nl - text) : len) - pos;
        struct field line = { text + pos, n };
        pos += n + (nl != NULL);
        if (line.n > 0 && line.p[line.n - 1] == '\r') {
            line.n--;
        }
        if (memchr(line.p, '\0', line.n) != NULL) {
            rc = bad(&c, "line", "contains a NUL byte");
            break;
        }
        line = trim(line.p, line.n);
        if (line.n == 0 || line.p[0] == '#') {
            continue;
        }
        rc = parse_line(&t, d, &c, line, &have_format, version, sizeof(version));
    }
    if (rc == MC_OK && !have_format) {
        c.line = c.line ? c.line : 1;
        rc = bad(&c, "format", "no 'format | 1' line");
    }
    if (rc == MC_OK) {
        rc = check_file(d, &t, c.name, err);
    }
    if (rc == MC_OK) {
        merge(d, &t, c.name, version[0] ? version : "-");
    }
    cal_data_release(&t);
    return rc;
}

enum mc_status cal_data_load_embedded(struct cal_data *d, struct mc_err *err)
{
    for (const struct mc_embedded *e = cal_embedded_data; e->name != NULL; e++) {
        enum mc_status rc = cal_data_parse(d, e->name, e->data, e->len, err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}
