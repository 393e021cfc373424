/* Office sessions (see session.h). */
#include "cal/session.h"

#include <string.h>

#include "cal/date.h"

static int season_cmp(const struct cal_season *a, const struct cal_season *b)
{
    int x = a->from_month * 100 + a->from_day, y = b->from_month * 100 + b->from_day;
    return (x > y) - (x < y);
}

static int32_t season_length(const struct cal_season *se)
{
    int32_t t = 0;
    for (int i = 0; i < se->count; i++) {
        t += se->sessions[i].end - se->sessions[i].start;
    }
    return t;
}

static bool open_session(const struct cal_session *ss, unsigned open)
{
    unsigned half = ss->start < CAL_NOON ? CAL_OPEN_AM : CAL_OPEN_PM;
    return (open & half) != 0;
}

enum mc_status cal_sessions_init(struct cal_sessions *s, const struct cal_data *d,
                                 struct mc_err *err)
{
    memset(s, 0, sizeof(*s));
    s->cutoff = d->cutoff >= 0 ? d->cutoff : CAL_DEFAULT_CUTOFF;
    if (d->n_seasons == 0) {
        static const struct cal_season def = {
            .from_month = 1,
            .from_day = 1,
            .count = 2,
            .sessions = { { 7 * 3600, 11 * 3600 + 1800 }, { 13 * 3600 + 1800, 17 * 3600 } },
        };
        s->seasons[0] = def;
        s->n_seasons = 1;
    } else {
        for (int i = 0; i < d->n_seasons; i++) {
            /* Insertion sort: at most CAL_SEASONS_MAX seasons. */
            int j = s->n_seasons++;
            while (j > 0 && season_cmp(&s->seasons[j - 1], &d->seasons[i]) > 0) {
                s->seasons[j] = s->seasons[j - 1];
                j--;
            }
            s->seasons[j] = d->seasons[i];
        }
    }
    s->day_seconds = season_length(&s->seasons[0]);
    for (int i = 1; i < s->n_seasons; i++) {
        if (season_length(&s->seasons[i]) != s->day_seconds) {
            return mc_fail_field(err, MC_EINVAL, "sessions",
                                 "%s:%d: field 'sessions': every season must have the same "
                                 "working length",
                                 s->seasons[i].file ? s->seasons[i].file : "(data)",
                                 s->seasons[i].line);
        }
    }
    return MC_OK;
}

int cal_sessions_season(const struct cal_sessions *s, int32_t day)
{
    if (s->n_seasons == 1) {
        return 0;
    }
    struct cal_date c = cal_civil_from_days(day);
    int md = c.month * 100 + c.day;
    /* Before the first season's start, the last season of the year before
     * is still in force. */
    int idx = s->n_seasons - 1;
    for (int i = 0; i < s->n_seasons; i++) {
        if (s->seasons[i].from_month * 100 + s->seasons[i].from_day <= md) {
            idx = i;
        }
    }
    return idx;
}

int32_t cal_sessions_worked(const struct cal_sessions *s, int season, unsigned open, int32_t sec)
{
    const struct cal_season *se = &s->seasons[season];
    int32_t t = 0;
    for (int i = 0; i < se->count; i++) {
        const struct cal_session *ss = &se->sessions[i];
        if (!open_session(ss, open) || sec <= ss->start) {
            continue;
        }
        t += (sec < ss->end ? sec : ss->end) - ss->start;
    }
    return t;
}

int32_t cal_sessions_locate(const struct cal_sessions *s, int season, unsigned open, int32_t r)
{
    const struct cal_season *se = &s->seasons[season];
    int32_t last = 0;
    for (int i = 0; i < se->count; i++) {
        const struct cal_session *ss = &se->sessions[i];
        if (!open_session(ss, open)) {
            continue;
        }
        int32_t len = ss->end - ss->start;
        if (r <= len) {
            return ss->start + r;
        }
        r -= len;
        last = ss->end;
    }
    return last; /* not reached when r is within the day's working length */
}

int32_t cal_sessions_first_start(const struct cal_sessions *s, int season, unsigned open)
{
    const struct cal_season *se = &s->seasons[season];
    for (int i = 0; i < se->count; i++) {
        if (open_session(&se->sessions[i], open)) {
            return se->sessions[i].start;
        }
    }
    return -1;
}

int32_t cal_sessions_last_end(const struct cal_sessions *s, int season, unsigned open)
{
    const struct cal_season *se = &s->seasons[season];
    for (int i = se->count - 1; i >= 0; i--) {
        if (open_session(&se->sessions[i], open)) {
            return se->sessions[i].end;
        }
    }
    return -1;
}
