#include "core/dossier_code.h"

#include <string.h>

#include "core/agency.h"

static void put_digits(char *p, int value, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + value % 10);
        value /= 10;
    }
}

static bool read_digits(const char *p, int width, int *value)
{
    int v = 0;
    for (int i = 0; i < width; i++) {
        if (p[i] < '0' || p[i] > '9') {
            return false;
        }
        v = v * 10 + (p[i] - '0');
    }
    *value = v;
    return true;
}

enum mc_status eng_dossier_code_make(const char *agency, int64_t received_at, int seq, char *out,
                                     size_t cap, struct mc_err *err)
{
    if (!core_agency_code_ok(agency)) {
        return mc_fail(err, MC_EINVAL, "agency code must be 1–13 letters, digits or dots");
    }
    if (seq < 1 || seq > ENG_DOSSIER_SEQ_MAX) {
        return mc_fail(err, MC_ELIMIT, "daily sequence %d is outside 1–%d", seq,
                       ENG_DOSSIER_SEQ_MAX);
    }
    struct eng_date d = eng_local_date(received_at);
    if (d.year < 2000 || d.year > 2099) {
        return mc_fail(err, MC_EINVAL, "receipt year %d cannot be written as YY", d.year);
    }
    size_t n = strlen(agency);
    size_t need = n + 1 + 6 + 1 + 4 + 1;
    if (cap < need) {
        return mc_fail(err, MC_ELIMIT, "code buffer too small");
    }
    memcpy(out, agency, n + 1);
    char *p = out + n;
    *p++ = '-';
    put_digits(p, d.year % 100, 2);
    put_digits(p + 2, d.month, 2);
    put_digits(p + 4, d.day, 2);
    p += 6;
    *p++ = '-';
    put_digits(p, seq, 4);
    p[4] = '\0';
    return MC_OK;
}

enum mc_status eng_case_code_make(const char *agency, int64_t opened_at, int seq, char *out,
                                  size_t cap, struct mc_err *err)
{
    if (seq < 1 || seq > ENG_CASE_SEQ_MAX) {
        return mc_fail(err, MC_ELIMIT, "daily case sequence %d is outside 1–%d", seq,
                       ENG_CASE_SEQ_MAX);
    }
    enum mc_status rc = eng_dossier_code_make(agency, opened_at, seq, out, cap, err);
    if (rc == MC_OK) {
        out[strlen(out) - 4] = 'C'; /* seq ≤ 999: that digit was 0 */
    }
    return rc;
}

enum mc_status eng_dossier_code_parse(const char *code, struct eng_dossier_code *out,
                                      struct mc_err *err)
{
    size_t n = strlen(code);
    /* The tail "-YYMMDD-NNNN" is 12 bytes; the agency takes 1–13 before it. */
    if (n < 13 || n > 25) {
        return mc_fail(err, MC_EINVAL, "a dossier code is <agency>-YYMMDD-NNNN");
    }
    const char *tail = code + n - 12;
    if (tail[0] != '-' || tail[7] != '-') {
        return mc_fail(err, MC_EINVAL, "a dossier code is <agency>-YYMMDD-NNNN");
    }
    size_t alen = (size_t)(tail - code);
    char agency[14];
    memcpy(agency, code, alen);
    agency[alen] = '\0';
    if (!core_agency_code_ok(agency)) {
        return mc_fail(err, MC_EINVAL, "agency part must be 1–13 letters, digits or dots");
    }
    int yy, mm, dd, seq;
    if (!read_digits(tail + 1, 2, &yy) || !read_digits(tail + 3, 2, &mm) ||
        !read_digits(tail + 5, 2, &dd)) {
        return mc_fail(err, MC_EINVAL, "date part must be six digits YYMMDD");
    }
    struct eng_date d = { 2000 + yy, mm, dd };
    if (!eng_date_valid(d)) {
        return mc_fail(err, MC_EINVAL, "date part %.6s is not a calendar date", tail + 1);
    }
    bool is_case = tail[8] == 'C';
    if (is_case ? (!read_digits(tail + 9, 3, &seq) || seq < 1)
                : (!read_digits(tail + 8, 4, &seq) || seq < 1)) {
        return mc_fail(err, MC_EINVAL,
                       "sequence must be four digits 0001–9999 (C001–C999 for a case)");
    }
    out->is_case = is_case;
    memcpy(out->agency, agency, alen + 1);
    out->date = d;
    out->seq = seq;
    return MC_OK;
}
