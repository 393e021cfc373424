/* Due dates of legal time limits (see cal.h, docs/CALENDAR.md). */
#include "cal/cal.h"
#include "cal/cal_int.h"

enum mc_status cal_deadline(const struct cal *cal, const struct cal_deadline_req *req,
                            struct cal_deadline *out, struct mc_err *err)
{
    if (req->received < cal_first_instant() || req->received >= cal_last_instant()) {
        return mc_fail_field(err, MC_EINVAL, "received", "instant outside %d..%d", CAL_YEAR_FIRST,
                             CAL_YEAR_LAST);
    }
    if (req->amount < 0) {
        return mc_fail_field(err, MC_EINVAL, "amount", "a time limit cannot be negative");
    }
    int32_t sec;
    int32_t day = cal_day_of_instant(req->received, &sec);
    struct cal_day_info info;
    enum mc_status rc = cal_day_info(cal, day, &info, err);
    if (rc != MC_OK) {
        return rc;
    }
    if (req->count == CAL_COUNT_CIVIL_DAYS) {
        int64_t unit = cal_day_seconds(cal);
        if (req->amount == 0 || req->amount % unit != 0) {
            return mc_fail_field(err, MC_EINVAL, "amount",
                                 "a period counted in civil days must be a whole number of days");
        }
        /* Art. 147: the period starts on the day after the receipt; it ends at
         * the end of its last day, moved to the next working day if that day
         * is not one (art. 148) -- counting working days does both. */
        int32_t first = cal__nth_working_day_after(cal, day, 1);
        int32_t last = cal__nth_working_day_after(cal, day, req->amount / unit);
        if (first < 0 || last < 0) {
            return mc_fail_field(err, MC_EINVAL, "amount", "the due date would fall after %d",
                                 CAL_YEAR_LAST);
        }
        rc = cal_next_start(cal, cal_instant_of_day(first, 0), &out->start, err);
        if (rc != MC_OK) {
            return rc;
        }
        out->due = cal__day_close(cal, last);
        return MC_OK;
    }
    int64_t from = req->received;
    /* NĐ 61/2018 Điều 18: a paper dossier received after 15:00 moves to the
     * next working day, so its time starts there. */
    if (req->paper && info.working && sec >= cal_cutoff(cal)) {
        int32_t next = cal__nth_working_day_after(cal, day, 1);
        if (next < 0) {
            return mc_fail_field(err, MC_EINVAL, "received", "the due date would fall after %d",
                                 CAL_YEAR_LAST);
        }
        from = cal_instant_of_day(next, 0);
    }
    rc = cal_next_start(cal, from, &out->start, err);
    if (rc != MC_OK) {
        return rc;
    }
    return cal_add(cal, out->start, req->amount, &out->due, err);
}
