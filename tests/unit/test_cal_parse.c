/* The data-file parser: every error names the file, the line and the field;
 * a file with any error adds nothing; files are checked against each other. */
/* cmocka 1.1.5 needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <string.h>

#include "cal/cal.h"
#include "cal/data.h"

struct bad_case {
    const char *text;
    const char *field; /* expected err.field: "<file>:<line>:<field>" */
    const char *says;  /* a fragment of err.msg */
};

static const struct bad_case bad[] = {
    { "", "t.txt:1:format", "format" },
    { "# only a comment\n", "t.txt:1:format", "no 'format" },
    { "2026-03-02 | off | agency | x | y\n", "t.txt:1:format", "first line" },
    { "format | 2\n", "t.txt:1:format", "unsupported" },
    { "format | 1\nformat | 1\n", "t.txt:2:format", "twice" },
    { "format | 1\nholiday | 2026\n", "t.txt:2:directive", "starts with" },
    { "format | 1\n2026-02-30 | off | agency | x | y\n", "t.txt:2:date", "real date" },
    { "format | 1\n2026-3-2 | off | agency | x | y\n", "t.txt:2:date", "real date" },
    { "format | 1\n1999-03-02 | off | agency | x | y\n", "t.txt:2:date", "2000..2199" },
    { "format | 1\n2026-03-05..2026-03-02 | off | agency | x | y\n", "t.txt:2:date", "before" },
    { "format | 1\n2026-03-01..2026-04-15 | off | agency | x | y\n", "t.txt:2:date", "31" },
    { "format | 1\n2026-03-02 | holiday | agency | x | y\n", "t.txt:2:kind", "off, work" },
    { "format | 1\n2026-03-02 | off | xmas | x | y\n", "t.txt:2:tag", "must be" },
    { "format | 1\n2026-03-02 | off | agency | x\n", "t.txt:2:fields", "5 fields" },
    { "format | 1\n2026-03-02 | off | agency | x | y | z\n", "t.txt:2:fields", "5 fields" },
    { "format | 1\n2026-03-02 | off | agency | x | y | z | w\n", "t.txt:2:fields", "too many" },
    { "format | 1\n2026-03-02 | off | agency |  | y\n", "t.txt:2:reason", "empty" },
    { "format | 1\n2026-03-02 | off | agency | x | \n", "t.txt:2:ref", "empty" },
    { "format | 1\n2026-03-02 | off | agency | \xC3\x28 | y\n", "t.txt:2:reason", "UTF-8" },
    { "format | 1\n2026-03-02 | work | swap | x | y\n", "t.txt:2:kind", "Saturday or Sunday" },
    { "format | 1\n2026-03-07 | off-am | agency | x | y\n", "t.txt:2:kind", "weekday" },
    { "format | 1\n2026-03-07..2026-03-08 | work | swap | x | y\n", "t.txt:2:date", "one date" },
    { "format | 1\n\n2026-03-02 | off | agency | a | b\n# c\n2026-03-02 | off | agency | a | b\n",
      "t.txt:5:date", "already set by t.txt:3" },
    { "format | 1\n2027-02-05 | off | tet | x | y\n", "t.txt:2:tag", "announce" },
    { "format | 1\nannounce | 2027 | tet | ref\n", "t.txt:2:holiday", "no day off" },
    { "format | 1\nannounce | 2027 | christmas | ref\n", "t.txt:2:holiday", "tet or national" },
    { "format | 1\nannounce | 1999 | tet | ref\n", "t.txt:2:year", "2000..2199" },
    { "format | 1\nannounce | 2027 | tet | r\nannounce | 2027 | tet | r\n", "t.txt:3:holiday",
      "twice" },
    { "format | 1\nsessions | 13-01 | 07:00-11:00 | x\n", "t.txt:2:from", "month-day" },
    { "format | 1\nsessions | 02-30 | 07:00-11:00 | x\n", "t.txt:2:from", "month-day" },
    { "format | 1\nsessions | 01-01 | 07:00-11:00, 10:00-12:00 | x\n", "t.txt:2:sessions",
      "overlap" },
    { "format | 1\nsessions | 01-01 | 11:00-07:00 | x\n", "t.txt:2:sessions", "end after" },
    { "format | 1\nsessions | 01-01 | 7:00-11:00 | x\n", "t.txt:2:sessions", "HH:MM" },
    { "format | 1\nsessions | 01-01 | 07:00-11:00 | x\nsessions | 01-01 | 07:00-11:00 | x\n",
      "t.txt:3:from", "already" },
    { "format | 1\ncutoff | 25:00 | x\n", "t.txt:2:time", "HH:MM" },
    { "format | 1\ncutoff | 15:00 | x\ncutoff | 16:00 | x\n", "t.txt:3:time", "twice" },
    { "format | 1\nversion | a\nversion | b\n", "t.txt:3:version", "twice" },
    { "format | 1\n2026-03-02 | off | agency | a\0b | c\n", "t.txt:2:line", "NUL" },
};

static void each_error_names_line_and_field(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct cal_data d;
        cal_data_init(&d);
        struct mc_err err;
        /* Length by hand so the NUL case keeps its NUL. */
        size_t len = strlen(bad[i].text);
        if (strstr(bad[i].says, "NUL") != NULL) {
            len += 1 + strlen(bad[i].text + len + 1);
        }
        enum mc_status rc = cal_data_parse(&d, "t.txt", bad[i].text, len, &err);
        if (rc != MC_EINVAL) {
            fail_msg("case %zu accepted: %s", i, bad[i].text);
        }
        if (strcmp(err.field, bad[i].field) != 0 || strstr(err.msg, bad[i].says) == NULL) {
            fail_msg("case %zu: field '%s' msg '%s', expected field '%s' msg with '%s'", i,
                     err.field, err.msg, bad[i].field, bad[i].says);
        }
        /* The message itself starts with file:line. */
        assert_true(strncmp(err.msg, "t.txt:", 6) == 0);
        assert_int_equal(d.n_entries, 0);
        assert_int_equal(d.n_announces, 0);
        assert_int_equal(d.n_seasons, 0);
        cal_data_release(&d);
    }
}

static void nothing_half_loaded(void **state)
{
    (void)state;
    struct cal_data d;
    cal_data_init(&d);
    struct mc_err err;
    assert_int_equal(cal_data_load_embedded(&d, &err), MC_OK);
    size_t n = d.n_entries, na = d.n_announces;
    assert_true(n > 40);
    static const char half[] = "format | 1\r\n"
                               "2026-03-02 | off | agency | Một | QĐ 1\r\n"
                               "sessions | 01-01 | 07:00-11:00, 13:00-17:00 | mùa\r\n"
                               "announce | 2027 | tet | TB 1\r\n"
                               "2027-02-04..2027-02-10 | off | tet | Tết | TB 1\r\n"
                               "2026-03-03 | off | agency | Hai | \r\n";
    assert_int_equal(cal_data_parse(&d, "agency.txt", half, sizeof(half) - 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "agency.txt:6:ref");
    assert_int_equal(d.n_entries, n);
    assert_int_equal(d.n_announces, na);
    assert_int_equal(d.n_seasons, 0);
    /* The same file without its bad line loads, CRLF and all. */
    size_t good = (size_t)(strstr(half, "2026-03-03") - half);
    assert_int_equal(cal_data_parse(&d, "agency.txt", half, good, &err), MC_OK);
    assert_int_equal(d.n_entries, n + 1 + 7);
    assert_int_equal(d.n_seasons, 1);
    cal_data_release(&d);
}

static void contradicts_other_file(void **state)
{
    (void)state;
    struct cal_data d;
    cal_data_init(&d);
    struct mc_err err;
    assert_int_equal(cal_data_load_embedded(&d, &err), MC_OK);
    /* 16/02/2026 is a Tết day in the national file. */
    static const char clash[] = "format | 1\n2026-02-16 | work | swap | x | y\n";
    assert_int_equal(cal_data_parse(&d, "agency.txt", clash, sizeof(clash) - 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "agency.txt:2:kind"); /* a Monday cannot be make-up */
    static const char clash2[] = "format | 1\n2026-02-16 | off | agency | x | y\n";
    assert_int_equal(cal_data_parse(&d, "agency.txt", clash2, sizeof(clash2) - 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "agency.txt:2:date");
    assert_true(strstr(err.msg, "vn-national.txt:") != NULL);
    static const char twice[] = "format | 1\nannounce | 2026 | tet | again\n";
    assert_int_equal(cal_data_parse(&d, "agency.txt", twice, sizeof(twice) - 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "agency.txt:2:holiday");
    cal_data_release(&d);
}

static void seasons_must_match_in_length(void **state)
{
    (void)state;
    static const char s[] = "format | 1\n"
                            "sessions | 01-01 | 07:00-11:30, 13:30-17:00 | đông\n"
                            "sessions | 05-01 | 07:00-11:00, 13:30-17:00 | hè\n";
    struct cal *cal = NULL;
    struct mc_err err;
    assert_int_equal(cal_load("agency.txt", s, sizeof(s) - 1, &cal, &err), MC_EINVAL);
    assert_null(cal);
    assert_string_equal(err.field, "sessions");
    assert_true(strstr(err.msg, "agency.txt:3") != NULL);
}

/* A file cannot reopen, even by half, a day the law closes. */
static void cannot_reopen_a_statutory_holiday(void **state)
{
    (void)state;
    static const char s[] = "format | 1\n2026-04-30 | off-pm | agency | Trực | QĐ 1\n";
    struct cal *cal = NULL;
    struct mc_err err;
    assert_int_equal(cal_load("agency.txt", s, sizeof(s) - 1, &cal, &err), MC_EINVAL);
    assert_null(cal);
    assert_string_equal(err.field, "agency.txt:2:kind");
    assert_non_null(strstr(err.msg, "Chiến thắng"));
    /* A Sunday holiday cannot be a make-up day either (Giỗ Tổ 26/04/2026). */
    static const char w[] = "format | 1\n2026-04-26 | work | swap | Làm bù | QĐ 1\n";
    assert_int_equal(cal_load("agency.txt", w, sizeof(w) - 1, &cal, &err), MC_EINVAL);
    assert_string_equal(err.field, "agency.txt:2:kind");
    /* Closing it again is harmless. */
    static const char o[] = "format | 1\n2026-04-30 | off | agency | Nghỉ | QĐ 1\n";
    assert_int_equal(cal_load("agency.txt", o, sizeof(o) - 1, &cal, &err), MC_OK);
    cal_free(cal);
}

static void bad_agency_file_loads_nothing(void **state)
{
    (void)state;
    static const char s[] = "format | 1\n2026-03-02 | off | agency | x | y\nbroken\n";
    struct cal *cal = NULL;
    struct mc_err err;
    assert_int_equal(cal_load("agency.txt", s, sizeof(s) - 1, &cal, &err), MC_EINVAL);
    assert_null(cal);
    assert_string_equal(err.field, "agency.txt:3:directive");
}

static void size_limit(void **state)
{
    (void)state;
    struct cal_data d;
    cal_data_init(&d);
    struct mc_err err;
    static char big[CAL_FILE_MAX + 2];
    memset(big, '#', sizeof(big));
    assert_int_equal(cal_data_parse(&d, "big.txt", big, sizeof(big), &err), MC_ELIMIT);
    cal_data_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_error_names_line_and_field),
        cmocka_unit_test(nothing_half_loaded),
        cmocka_unit_test(contradicts_other_file),
        cmocka_unit_test(seasons_must_match_in_length),
        cmocka_unit_test(cannot_reopen_a_statutory_holiday),
        cmocka_unit_test(bad_agency_file_loads_nothing),
        cmocka_unit_test(size_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
