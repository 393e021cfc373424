/*
 * cal - the working-time calendar of Vietnamese public administration.
 *
 * A struct cal knows, for every civil day of 2000..2199, whether it is a
 * working day, which halves are open, and why (weekly rest, statutory holiday,
 * compensatory day, swapped day, make-up Saturday, agency day, estimate); and
 * the agency's office sessions. On top of it: working-time arithmetic.
 *
 * Representation (cal/date.h): instants are int64_t seconds since the Unix
 * epoch (UTC); civil time is UTC+7 all year; days are day numbers since
 * 1970-01-01. Working time is int64_t *working seconds*; a working day is
 * cal_day_seconds() (8 h = 28800 s by default), a half day half of it.
 *
 * Counting conventions (docs/CALENDAR.md "Deadline conventions"):
 *   - time counts only inside open sessions; an instant outside a session
 *     (lunch, evening, weekend, holiday) starts counting at the next session;
 *   - cal_add() lands on the instant the last working second ends, which may
 *     be a session's closing time (17:00), never a non-working time;
 *   - CAL_COUNT_CIVIL_DAYS follows the Civil Code (Bộ luật Dân sự 2015 Điều
 *     147-148): the receipt day is not counted, the period ends at the close
 *     of the last working day.
 *
 * Cost: cal_between(), cal_day_info() are O(1); cal_add() is O(log k) in the
 * days crossed (galloping over per-day prefix sums of working seconds).
 *
 * A calendar is immutable once built and may be shared by threads. It owns
 * all its strings; struct cal_day_info points into it (borrowed until
 * cal_free).
 */
#ifndef MC_CAL_CAL_H
#define MC_CAL_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "cal/data.h"
#include "cal/date.h"
#include "cal/session.h"

#define CAL_MINUTE 60
#define CAL_HOUR   3600

struct cal;

/*
 * cal_build() - build a calendar from parsed data files.
 *
 * Takes ownership of the contents of `data` (left empty, re-initialised).
 * Stores a new calendar in `*out` (free with cal_free). Returns MC_OK or
 * MC_EINVAL (seasons of different lengths); `data` is released either way.
 * Allocates about 1.5 MB.
 */
MC_MUST_CHECK enum mc_status cal_build(struct cal_data *data, struct cal **out, struct mc_err *err);

/*
 * cal_load() - the national calendar compiled into the binary plus, if
 * `extra` is not NULL, one agency file on top of it (named `extra_name` in
 * errors). Nothing is loaded if either has an error.
 */
MC_MUST_CHECK enum mc_status cal_load(const char *extra_name, const char *extra, size_t extra_len,
                                      struct cal **out, struct mc_err *err);

void cal_free(struct cal *cal);

/* Working seconds of a full working day (8 h by default). */
int64_t cal_day_seconds(const struct cal *cal);
/* Paper-dossier cutoff, seconds after local midnight (15:00 by default). */
int32_t cal_cutoff(const struct cal *cal);
/* The office schedule (borrowed). */
const struct cal_sessions *cal_sessions(const struct cal *cal);
/* "file version; ..." of the data the calendar was built from (borrowed). */
const char *cal_versions(const struct cal *cal);

/* First and last instants the arithmetic accepts (2000-01-01 00:00 and
 * 2200-01-01 00:00 local time). */
int64_t cal_first_instant(void);
int64_t cal_last_instant(void);

struct cal_day_info {
    int32_t day;
    bool working;       /* at least one session open */
    unsigned open;      /* enum cal_open: halves open */
    enum cal_tag tag;   /* CAL_TAG_NONE for an ordinary working day */
    bool makeup;        /* a weekly rest day worked (đi làm bù) */
    bool estimate;      /* the year's announcement is not in the data yet */
    const char *reason; /* Vietnamese, never NULL */
    const char *ref;    /* legal basis, never NULL ("" for ordinary days) */
    const char *source; /* "rule" or "file:line" */
};

/*
 * cal_day_info() - what day `day` is. Returns MC_EINVAL (field "date") if the
 * day is outside 2000..2199.
 */
MC_MUST_CHECK enum mc_status cal_day_info(const struct cal *cal, int32_t day,
                                          struct cal_day_info *out, struct mc_err *err);

/*
 * cal_next_special() - the first day in [from, to] that is not an ordinary
 * working day (weekend, day off, half day, make-up day). With
 * `skip_plain_weekends`, Saturdays and Sundays with nothing else to say are
 * skipped. Returns false when there is none.
 */
bool cal_next_special(const struct cal *cal, int32_t from, int32_t to, bool skip_plain_weekends,
                      struct cal_day_info *out);

/* Whether the year's Tết / Quốc khánh adjacent days are estimates. */
bool cal_year_estimated(const struct cal *cal, int year, enum cal_tag tag);

/*
 * cal_add() - the instant at which `work` working seconds (>= 0) counted
 * from `start` are used up.
 *
 * For work > 0 the result lies inside an open session or at its closing
 * instant. For work == 0 it is the instant counting starts (cal_next_start).
 * Returns MC_EINVAL (field "start" or "amount") if `start` is outside the
 * calendar, `work` is negative, or the result would leave 2000..2199.
 * Does not allocate.
 */
MC_MUST_CHECK enum mc_status cal_add(const struct cal *cal, int64_t start, int64_t work,
                                     int64_t *due, struct mc_err *err);

/*
 * cal_between() - working seconds between instants `a` and `b` (negative if
 * b < a). cal_between(s, cal_add(s, n)) == n for every n >= 0.
 */
MC_MUST_CHECK enum mc_status cal_between(const struct cal *cal, int64_t a, int64_t b, int64_t *work,
                                         struct mc_err *err);

/* The first instant >= t at which working time counts. */
MC_MUST_CHECK enum mc_status cal_next_start(const struct cal *cal, int64_t t, int64_t *out,
                                            struct mc_err *err);

/* How a limit in days is read. */
enum cal_count {
    /* Working time: N days = N x cal_day_seconds() of working time from the
     * receipt (the practice of one-stop software: 5 days = 40 working hours). */
    CAL_COUNT_WORKTIME,
    /* Civil Code art. 147-148: the receipt day is not counted; the period
     * ends at the close of the N-th working day after it. Whole days only. */
    CAL_COUNT_CIVIL_DAYS,
};

struct cal_deadline_req {
    int64_t received;     /* receipt instant */
    int64_t amount;       /* working seconds (days x cal_day_seconds()) */
    enum cal_count count; /* how days are read */
    bool paper;           /* paper dossier: the 15:00 rule (NĐ 61/2018 Điều 18) */
};

struct cal_deadline {
    int64_t start; /* instant counting starts */
    int64_t due;   /* due instant (hạn trả kết quả) */
};

/*
 * cal_deadline() - the due instant of a legal time limit.
 *
 * Counting starts at the next session after the receipt; for a paper
 * dossier received on a working day at or after the cutoff, at the first
 * session of the next working day. List the days skipped with
 * cal_next_special(cal, day(start), day(due), ...).
 * Returns MC_EINVAL (fields "received", "amount") on bad input.
 */
MC_MUST_CHECK enum mc_status cal_deadline(const struct cal *cal, const struct cal_deadline_req *req,
                                          struct cal_deadline *out, struct mc_err *err);

/*
 * A clock that counts working time and can be paused (supplement requests,
 * financial obligations) without losing what it has consumed. A plain value
 * type: store its fields with the dossier step. The limit lets the clock
 * remember when it was used up even if that happened before a pause.
 */
struct cal_clock {
    int64_t limit;      /* working seconds allowed */
    int64_t consumed;   /* working seconds consumed before `since` */
    int64_t since;      /* instant of the last start/resume (when running) */
    int64_t reached_at; /* instant the limit was used up, or INT64_MIN */
    bool running;
};

/* Start (or restart from zero, NĐ 61 Điều 19.4) a clock at `now`. */
void cal_clock_start(struct cal_clock *c, int64_t now, int64_t limit);

/* Pause at `now`: adds the working time since the last resume. MC_ECONFLICT
 * if not running, MC_EINVAL if now is before the last resume. */
MC_MUST_CHECK enum mc_status cal_clock_pause(const struct cal *cal, struct cal_clock *c,
                                             int64_t now, struct mc_err *err);

/* Resume at `now`. MC_ECONFLICT if running. */
MC_MUST_CHECK enum mc_status cal_clock_resume(struct cal_clock *c, int64_t now, struct mc_err *err);

/* Working seconds consumed up to `now`. */
MC_MUST_CHECK enum mc_status cal_clock_consumed(const struct cal *cal, const struct cal_clock *c,
                                                int64_t now, int64_t *out, struct mc_err *err);

/*
 * cal_clock_due() - the instant the limit is used up: the recorded instant if
 * it already was; if running, counted from the last resume; if paused, as if
 * resumed at `now` (a provisional due date).
 */
MC_MUST_CHECK enum mc_status cal_clock_due(const struct cal *cal, const struct cal_clock *c,
                                           int64_t now, int64_t *due, struct mc_err *err);

/*
 * Adapters with the shape of the engine's working-time seam (struct
 * eng_worktime in src/core/worktime.h): instants in *minutes* since the Unix
 * epoch (UTC), durations in working minutes, `ctx` a `const struct cal *`.
 * Wire them as { cal_minutes_add, cal_minutes_between, (void *)cal }.
 *
 * cal_minutes_add(): the instant `working_minutes` (< 0 taken as 0) after
 * `instant`; for 0, the start of the next working period if `instant` is
 * outside one. cal_minutes_between(): working minutes in [a, b), 0 when
 * b <= a. between(t, add(t, m)) == m. The seam has no error path, so
 * instants are clamped into 2000..2199 and a result past 2199 is the end of
 * the calendar. Office sessions start and end on whole minutes (the data
 * format says HH:MM), so minute arithmetic is exact.
 */
int64_t cal_minutes_add(void *ctx, int64_t instant, int64_t working_minutes);
int64_t cal_minutes_between(void *ctx, int64_t a, int64_t b);

#endif
