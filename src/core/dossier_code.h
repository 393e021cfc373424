/* dossier_code - the dossier code (Mã số hồ sơ TTHC), TT 01/2018/TT-VPCP
 * Điều 19, NĐ 61/2018 Điều 26 (domain.md §3.1):
 *
 *     <agency code>-YYMMDD-NNNN      e.g. 000.00.00.H15-261008-0975
 *
 * agency code = the receiving unit's QCVN 102:2016 identifier (≤ 13
 * characters; both the legacy and the top-down order are accepted, see
 * core_agency_code_ok), YYMMDD = receipt date in Vietnam (UTC+7), NNNN =
 * 4-digit sequence of dossiers received that day (1–9999).
 *
 * An internal case (hồ sơ công việc, not a TTHC dossier) gets the same
 * shape with the letter C in place of the sequence's first digit:
 *
 *     <agency code>-YYMMDD-CNNN      e.g. 000.00.00.H15-261008-C042
 *
 * NNN = 3-digit sequence of cases opened that day (1–999), counted apart
 * from the dossiers. A TTHC code never has a letter there, so the two never
 * collide and anyone reading the code sees which it is; it fits every place
 * a dossier code goes (same length, same characters).
 *
 * Not supported: the 6–7-digit sequences seen on ministry-portal dossiers
 * (domain.md §3.1, UNCONFIRMED as a rule) and the TT 03/2025 format
 * (UNCONFIRMED). The engine layer owns the daily counter per agency. */
#ifndef MC_CORE_DOSSIER_CODE_H
#define MC_CORE_DOSSIER_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/civil.h"

/* 13 (agency) + 1 + 6 + 1 + 4 + NUL */
#define ENG_DOSSIER_CODE_MAX 26
#define ENG_DOSSIER_SEQ_MAX  9999
#define ENG_CASE_SEQ_MAX     999

struct eng_dossier_code {
    char agency[14];
    struct eng_date date; /* year is 2000 + YY */
    int seq;
    bool is_case; /* -CNNN: an internal case */
};

/*
 * eng_dossier_code_make() - the code of the `seq`-th dossier received at
 * `received_at` by `agency`, written NUL-terminated into `out` (`cap` ≥
 * ENG_DOSSIER_CODE_MAX is always enough).
 *
 * Returns MC_OK; MC_EINVAL for a bad agency code or a receipt outside
 * 2000–2099; MC_ELIMIT when seq is beyond 9999 (the day is full) or below 1,
 * or `out` is too small.
 */
MC_MUST_CHECK enum mc_status eng_dossier_code_make(const char *agency, int64_t received_at, int seq,
                                                   char *out, size_t cap, struct mc_err *err);

/* The code of the `seq`-th internal case (1–999) opened at `opened_at`;
 * MC_ELIMIT beyond 999. Otherwise as eng_dossier_code_make(). */
MC_MUST_CHECK enum mc_status eng_case_code_make(const char *agency, int64_t opened_at, int seq,
                                                char *out, size_t cap, struct mc_err *err);

/* Parses and validates a code (agency characters, a real calendar date, a
 * sequence 0001–9999, or C001–C999 for a case). Returns MC_OK or MC_EINVAL saying what is wrong. */
MC_MUST_CHECK enum mc_status eng_dossier_code_parse(const char *code, struct eng_dossier_code *out,
                                                    struct mc_err *err);

#endif
