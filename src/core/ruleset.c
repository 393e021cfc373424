#include "core/ruleset.h"

#include <string.h>

#include "core/worktime.h"

static const struct eng_ruleset builtin[] = {
    {
        .key = "nd61-2018",
        .name = "NĐ 61/2018/NĐ-CP, NĐ 107/2021/NĐ-CP, TT 01/2018/TT-VPCP",
        /* NĐ 61/2018 took effect on 21/6/2018 (its Điều 40; the date is not
         * in domain.md — check it against the text). */
        .effective_from = { 2018, 6, 21 },
        /* Điều 19.4: the time limit restarts from zero once complete. */
        .supplement_clock = ENG_SUPPLEMENT_RESTART,
        /* Điều 19.4: notice no later than 03 working days after receipt. */
        .supplement_window_days = 3,
        /* Điều 19.9: "chậm nhất 01 ngày trước ngày hết hạn" — read as one
         * working day; the new appointment only once ("không quá một lần"). */
        .apology_lead_minutes = ENG_WORKDAY_MINUTES,
        .max_apologies = 1,
        /* Điều 18: received after 15:00 → start of the next working day. */
        .paper_cutoff_next_day = true,
        .transfer_cutoff_minute = 15 * 60,
        /* QĐ 766 [766-F]: more than one supplement request counts late. */
        .max_supplement_requests_on_time = 1,
    },
    {
        .key = "nd118-2025",
        .name = "NĐ 118/2025/NĐ-CP, NĐ 367/2025/NĐ-CP, TT 03/2025/TT-VPCP",
        /* Effective for the provincial and commune centres from 01/7/2025
         * [N118a][N118b]. */
        .effective_from = { 2025, 7, 1 },
        /* UNCONFIRMED (domain.md §12.1): the articles on time counting,
         * supplements, apology (now "Văn bản xin lỗi và đề nghị gia hạn",
         * TT 03/2025 Mẫu 04) and transfer were not read. Every value below
         * keeps the 2018 rule until the text is checked. */
        .supplement_clock = ENG_SUPPLEMENT_RESTART,
        .supplement_window_days = 3,
        .apology_lead_minutes = ENG_WORKDAY_MINUTES,
        .max_apologies = 1,
        .paper_cutoff_next_day = true,
        .transfer_cutoff_minute = 15 * 60,
        .max_supplement_requests_on_time = 1,
    },
};

const struct eng_ruleset *eng_ruleset_builtin(size_t *count)
{
    *count = sizeof(builtin) / sizeof(builtin[0]);
    return builtin;
}

const struct eng_ruleset *eng_ruleset_find(const char *key)
{
    for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
        if (strcmp(builtin[i].key, key) == 0) {
            return &builtin[i];
        }
    }
    return NULL;
}

enum mc_status eng_ruleset_for_receipt(const struct eng_ruleset *sets, size_t count,
                                       int64_t received_at, const struct eng_ruleset **out,
                                       struct mc_err *err)
{
    int64_t day = eng_days_from_date(eng_local_date(received_at));
    const struct eng_ruleset *best = NULL;
    int64_t best_from = 0;
    for (size_t i = 0; i < count; i++) {
        int64_t from = eng_days_from_date(sets[i].effective_from);
        if (from <= day && (best == NULL || from > best_from)) {
            best = &sets[i];
            best_from = from;
        }
    }
    if (best == NULL) {
        struct eng_date d = eng_local_date(received_at);
        return mc_fail(err, MC_ENOTFOUND, "no rule set in force on %04d-%02d-%02d", d.year, d.month,
                       d.day);
    }
    *out = best;
    return MC_OK;
}

enum mc_status eng_ruleset_check(const struct eng_ruleset *rs, struct mc_err *err)
{
    if (rs->key[0] == '\0' || memchr(rs->key, '\0', sizeof(rs->key)) == NULL) {
        return mc_fail_field(err, MC_EINVAL, "key", "rule set key must be 1–%d bytes",
                             ENG_RULESET_KEY_MAX - 1);
    }
    if (!eng_date_valid(rs->effective_from)) {
        return mc_fail_field(err, MC_EINVAL, "effective_from", "not a calendar date");
    }
    if (rs->supplement_clock != ENG_SUPPLEMENT_RESTART &&
        rs->supplement_clock != ENG_SUPPLEMENT_SUBTRACT) {
        return mc_fail_field(err, MC_EINVAL, "supplement_clock", "must be restart or subtract");
    }
    if (rs->supplement_window_days < 0 || rs->supplement_window_days > 365) {
        return mc_fail_field(err, MC_EINVAL, "supplement_window_days", "must be 0–365");
    }
    if (rs->apology_lead_minutes < 0 || rs->max_apologies < 0 || rs->max_apologies > 10) {
        return mc_fail_field(err, MC_EINVAL, "apology", "lead time ≥ 0 and 0–10 apologies");
    }
    if (rs->transfer_cutoff_minute < 0 || rs->transfer_cutoff_minute >= 1440) {
        return mc_fail_field(err, MC_EINVAL, "transfer_cutoff_minute", "must be 0–1439");
    }
    if (rs->max_supplement_requests_on_time < 0) {
        return mc_fail_field(err, MC_EINVAL, "max_supplement_requests_on_time", "must be ≥ 0");
    }
    return MC_OK;
}
