/* ruleset - the legal regime a dossier is handled under, as versioned,
 * effective-dated data (domain.md §0: "every rule … must be stored as
 * versioned, effective-dated configuration, not hard-coded. A dossier keeps
 * the rule version in force on its receipt date").
 *
 * Two regimes are built in: NĐ 61/2018 + TT 01/2018 (2018 – 30/6/2025) and
 * NĐ 118/2025 + TT 03/2025 (from 01/7/2025). The articles of the 2025 texts
 * were not read (domain.md §0, §12.1): every parameter of the 2025 set that
 * is not confirmed keeps the 2018 value, and says so in ruleset.c.
 *
 * The built-in sets are static and immutable; they may be shared by threads. */
#ifndef MC_CORE_RULESET_H
#define MC_CORE_RULESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/civil.h"

/* What a completed supplement does to the dossier clock. */
enum eng_supplement_clock {
    /* NĐ 61 Điều 19.4: "Thời hạn giải quyết được tính lại từ đầu sau khi nhận
     * đủ hồ sơ" — the time limit restarts from zero. */
    ENG_SUPPLEMENT_RESTART,
    /* QĐ 766 scoring: the waiting time is subtracted (the clock is paused
     * while the applicant supplements and resumes). */
    ENG_SUPPLEMENT_SUBTRACT,
};

#define ENG_RULESET_KEY_MAX 32

struct eng_ruleset {
    char key[ENG_RULESET_KEY_MAX]; /* stable id stored with each dossier */
    const char *name;              /* legal texts, for people */
    struct eng_date effective_from;
    /* Supplement after appraisal (status 5). */
    enum eng_supplement_clock supplement_clock;
    int supplement_window_days; /* working days after receipt; 0 = no limit */
    /* Lateness (Mẫu 04): working minutes before the due time by which the
     * apology must be issued, and how many new appointments are allowed. */
    int64_t apology_lead_minutes;
    int max_apologies;
    /* Transfer (NĐ 61 Điều 18): paper receipts after the cut-off go to the
     * unit at the start of the next working day. */
    bool paper_cutoff_next_day;
    int transfer_cutoff_minute; /* minute of the local day, 15:00 = 900 */
    /* QĐ 766: more than this many supplement requests count the dossier late. */
    int max_supplement_requests_on_time;
};

/* The built-in rule sets, oldest first. Borrowed, static. */
const struct eng_ruleset *eng_ruleset_builtin(size_t *count);
/* The built-in rule set with this key, or NULL. */
const struct eng_ruleset *eng_ruleset_find(const char *key);

/*
 * eng_ruleset_for_receipt() - the rule set in force at `received_at`: the one
 * with the latest effective date on or before the receipt's civil date in
 * Vietnam. `sets` need not be sorted.
 *
 * Returns MC_OK, or MC_ENOTFOUND when the receipt precedes every set.
 * Stores a borrowed pointer into `sets` in `*out`. Does not allocate.
 */
MC_MUST_CHECK enum mc_status eng_ruleset_for_receipt(const struct eng_ruleset *sets, size_t count,
                                                     int64_t received_at,
                                                     const struct eng_ruleset **out,
                                                     struct mc_err *err);

/* Checks the values of a rule set (e.g. one loaded from configuration).
 * Returns MC_OK or MC_EINVAL naming the field. */
MC_MUST_CHECK enum mc_status eng_ruleset_check(const struct eng_ruleset *rs, struct mc_err *err);

#endif
