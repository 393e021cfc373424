/* clock - a working-time budget for a dossier or for one step of it
 * (design.md §3 "Clock").
 *
 * A clock holds what it has consumed up to its last stop or pause and, while
 * running, the instant it last started; the consumption *at* an instant is
 * derived from those with the working-time calendar. Overdue is derived,
 * never stored: overdue_at(now) = consumed_at(now) − budget when positive.
 * Consumed and remaining are never negative.
 *
 * The struct is plain data the engine persists as is (four integers and a
 * state). No function allocates. */
#ifndef MC_CORE_CLOCK_H
#define MC_CORE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/worktime.h"

enum eng_clock_state {
    ENG_CLOCK_IDLE,    /* not started */
    ENG_CLOCK_RUNNING, /* counting since running_since */
    ENG_CLOCK_PAUSED,  /* waiting for the applicant (status 5, 6) or another agency */
    ENG_CLOCK_STOPPED, /* finished; consumed is final */
};

struct eng_clock {
    enum eng_clock_state state;
    int64_t budget;        /* working minutes allowed */
    int64_t consumed;      /* working minutes counted before running_since */
    int64_t running_since; /* instant; meaningful while RUNNING */
    int64_t waited;        /* working minutes spent paused (for QĐ 766 subtraction) */
    int64_t paused_since;  /* instant; meaningful while PAUSED */
};

/* Start from zero with `budget` working minutes (negative → 0). */
void eng_clock_start(struct eng_clock *c, int64_t budget, int64_t now);
/* Fold the running time into `consumed` and stop counting. No-op unless running. */
void eng_clock_pause(struct eng_clock *c, int64_t now, const struct eng_worktime *wt);
/* Count again from `now`. No-op unless paused. */
void eng_clock_resume(struct eng_clock *c, int64_t now, const struct eng_worktime *wt);
/* Back to zero consumed, running from `now` (NĐ 61 Điều 19.4); keeps the budget. */
void eng_clock_restart(struct eng_clock *c, int64_t now, const struct eng_worktime *wt);
/* Final stop; later queries return the consumption at the stop. */
void eng_clock_stop(struct eng_clock *c, int64_t now, const struct eng_worktime *wt);

int64_t eng_clock_consumed_at(const struct eng_clock *c, int64_t now,
                              const struct eng_worktime *wt);
/* Budget minus consumed, never below zero. */
int64_t eng_clock_remaining_at(const struct eng_clock *c, int64_t now,
                               const struct eng_worktime *wt);
/* Consumed beyond the budget, zero when not overdue. */
int64_t eng_clock_overdue_at(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt);
bool eng_clock_is_overdue_at(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt);
/* The instant the budget runs out if the clock keeps running from `now`
 * (for a paused clock: as if it resumed at `now`). */
int64_t eng_clock_due_from(const struct eng_clock *c, int64_t now, const struct eng_worktime *wt);

/* Early / on time / late (Trước hạn / Đúng hạn / Quá hạn, Mẫu 05 column 3). */
enum eng_verdict {
    ENG_VERDICT_NONE, /* not finished */
    ENG_VERDICT_EARLY,
    ENG_VERDICT_ON_TIME,
    ENG_VERDICT_LATE,
};
const char *eng_verdict_name_vi(enum eng_verdict v);
const char *eng_verdict_key(enum eng_verdict v);

/* Verdict of one step's handover from its clock at `now` (domain.md §2.6, the
 * SQL report behind Mẫu 05: early if the allotment exceeds the time used,
 * on time if equal, late if less). Exact to the working minute. */
enum eng_verdict eng_clock_step_verdict(const struct eng_clock *c, int64_t now,
                                        const struct eng_worktime *wt);

/* What QĐ 766 indicator 2.1 needs of a dossier (domain.md §1.10, [766-F]). */
struct eng_766_input {
    int64_t appointment; /* NgayHenTra: the due time given at receipt */
    /* NgayKetThucXuLy: instant of the first terminal status with the
     * priority Đã xử lý xong (9) > Đã trả kết quả (10) > Dừng xử lý (8);
     * 0 while unfinished. */
    int64_t finished_at;
    int supplement_requests;          /* after receipt (status 5), counted each time */
    int64_t supplement_pending_since; /* the one open request, 0 if none */
    int64_t supplement_wait;          /* wall-clock minutes between requests and completions */
    int64_t period_end;               /* end of the reporting period, for unfinished dossiers */
    int max_requests_on_time;         /* from the rule set: 1 */
};

/*
 * eng_verdict_766() - the dossier's QĐ 766 verdict.
 *
 * Rules (domain.md §1.10, [766-F]): more than `max_requests_on_time`
 * supplement requests → late; a dossier with one open request and no return
 * ends at the request time; otherwise the end is finished_at, or period_end
 * when unfinished; the supplement wait is subtracted from the end; on time if
 * end ≤ appointment. Early (trước hạn) when the end falls on an earlier civil
 * day (UTC+7) than the appointment — 766 itself only separates on-time from
 * late; the early/on-time split follows TT 01/2018 Điều 13 indicator 1
 * ("shorter" than the limit) at day resolution, our choice.
 */
enum eng_verdict eng_verdict_766(const struct eng_766_input *in);

#endif
