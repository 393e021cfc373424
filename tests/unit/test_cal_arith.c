/* Working-time arithmetic: deadlines across Tết, weekends, lunch, evenings,
 * the 15:00 rule, compensatory and make-up days, half days and seasons;
 * pausable clocks; and property tests against an independent day-by-day
 * oracle. Expected instants are worked out by hand from the calendar facts
 * of domain.md §6.2 and the default sessions 07:00-11:30, 13:30-17:00. */
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

static struct cal *cal;

static int setup(void **state)
{
    (void)state;
    struct mc_err err;
    if (cal_load(NULL, NULL, 0, &cal, &err) != MC_OK) {
        print_error("cal_load: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cal_free(cal);
    return 0;
}

static int64_t at(const char *s)
{
    int64_t t;
    if (!cal_parse_instant(s, &t)) {
        fail_msg("bad instant in test: %s", s);
    }
    return t;
}

#define H   CAL_HOUR
#define M   CAL_MINUTE
#define DAY (8 * H)

struct add_case {
    const char *start;
    int64_t work;
    const char *due;
    const char *why;
};

static void add_cases(void **state)
{
    (void)state;
    static const struct add_case v[] = {
        /* Tết 2026: Fri 13/02 is the last working day, Mon 23/02 the first. */
        { "2026-02-13 16:45", 5 * DAY, "2026-02-27 16:45", "15 min + 4 days + 7h45 across Tết" },
        { "2026-02-13 17:00", 1 * DAY, "2026-02-23 17:00", "after hours before Tết" },
        { "2026-02-14 09:00", 1 * H, "2026-02-23 08:00", "receipt during Tết" },
        { "2026-02-13 16:00", 2 * H, "2026-02-23 08:00", "one hour each side of Tết" },
        /* Weekends. */
        { "2026-03-06 10:00", 1 * DAY, "2026-03-09 10:00", "Friday + 1 day = Monday" },
        { "2026-03-07 10:00", 1 * H, "2026-03-09 08:00", "Saturday receipt" },
        /* Lunch and evenings. */
        { "2026-03-10 12:15", 4 * H, "2026-03-11 07:30", "lunch receipt counts from 13:30" },
        { "2026-03-10 11:30", 1 * M, "2026-03-10 13:31", "at the end of the morning" },
        { "2026-03-10 18:00", 1 * H, "2026-03-11 08:00", "evening receipt" },
        { "2026-03-10 06:00", 1 * H, "2026-03-10 08:00", "before opening" },
        { "2026-03-10 07:00", 1 * DAY, "2026-03-10 17:00", "a full day ends at closing" },
        { "2026-03-10 07:00", 4 * H, "2026-03-10 11:00", "a half day" },
        { "2026-03-10 07:00", 270 * M, "2026-03-10 11:30", "the whole morning" },
        { "2026-03-10 07:00", 271 * M, "2026-03-10 13:31", "one minute past the morning" },
        { "2026-03-10 17:00", 1 * M, "2026-03-11 07:01", "receipt at closing time" },
        /* Giỗ Tổ Sun 26/04/2026 -> compensatory Mon 27/04; 30/4 Thu, 1/5 Fri. */
        { "2026-04-24 09:00", 1 * DAY, "2026-04-28 09:00", "over the compensatory Monday" },
        { "2026-04-29 10:00", 1 * DAY, "2026-05-04 10:00", "over 30/4 and 1/5" },
        /* Make-up Saturdays are working days. */
        { "2026-01-09 17:00", 1 * H, "2026-01-10 08:00", "make-up Saturday 10/01/2026" },
        { "2026-08-21 16:00", 2 * H, "2026-08-22 08:00", "make-up Saturday 22/08/2026" },
        /* Quốc khánh 2026: 29/08-02/09 off. */
        { "2026-08-28 16:00", 2 * H, "2026-09-03 08:00", "over Quốc khánh 2026" },
        /* 2/5 and 3/5/2023 are compensatory days. */
        { "2023-04-28 16:00", 2 * H, "2023-05-04 08:00", "over Giỗ Tổ + 30/4 + 1/5 2023" },
    };
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        int64_t due;
        assert_int_equal(cal_add(cal, at(v[i].start), v[i].work, &due, NULL), MC_OK);
        if (due != at(v[i].due)) {
            struct cal_date c = cal_civil_from_days(cal_day_of_instant(due, NULL));
            int32_t sec;
            cal_day_of_instant(due, &sec);
            fail_msg("%s: %s + %llds -> %04d-%02d-%02d %02d:%02d, expected %s", v[i].why,
                     v[i].start, (long long)v[i].work, c.year, c.month, c.day, sec / 3600,
                     sec / 60 % 60, v[i].due);
        }
        int64_t back;
        assert_int_equal(cal_between(cal, at(v[i].start), due, &back, NULL), MC_OK);
        assert_int_equal(back, v[i].work);
    }
}

static void between_cases(void **state)
{
    (void)state;
    int64_t w;
    assert_int_equal(cal_between(cal, at("2026-02-13 17:00"), at("2026-02-23 07:00"), &w, NULL),
                     MC_OK);
    assert_int_equal(w, 0);
    assert_int_equal(cal_between(cal, at("2026-02-13 16:00"), at("2026-02-23 08:00"), &w, NULL),
                     MC_OK);
    assert_int_equal(w, 2 * H);
    assert_int_equal(cal_between(cal, at("2026-02-23 08:00"), at("2026-02-13 16:00"), &w, NULL),
                     MC_OK);
    assert_int_equal(w, -2 * H);
    assert_int_equal(cal_between(cal, at("2026-03-10 11:00"), at("2026-03-10 14:00"), &w, NULL),
                     MC_OK);
    assert_int_equal(w, 30 * M + 30 * M);
    /* A plain week (9-13/03/2026) is 40 hours. */
    assert_int_equal(cal_between(cal, at("2026-03-09 00:00"), at("2026-03-16 00:00"), &w, NULL),
                     MC_OK);
    assert_int_equal(w, 40 * H);
}

/* The example: 5 working days from a receipt at 16:45 on the last
 * working day before Tết 2026 (Fri 13/02), under each convention. */
static void deadline_before_tet(void **state)
{
    (void)state;
    struct cal_deadline dl;
    struct cal_deadline_req req = { .received = at("2026-02-13 16:45"), .amount = 5 * DAY };
    assert_int_equal(cal_deadline(cal, &req, &dl, NULL), MC_OK);
    assert_int_equal(dl.start, at("2026-02-13 16:45"));
    assert_int_equal(dl.due, at("2026-02-27 16:45"));
    /* Paper dossier after 15:00: counted from Monday 23/02 07:00. */
    req.paper = true;
    assert_int_equal(cal_deadline(cal, &req, &dl, NULL), MC_OK);
    assert_int_equal(dl.start, at("2026-02-23 07:00"));
    assert_int_equal(dl.due, at("2026-02-27 17:00"));
    /* Civil Code: the receipt day is not counted; 5 days end Fri 27/02 17:00. */
    req.paper = false;
    req.count = CAL_COUNT_CIVIL_DAYS;
    assert_int_equal(cal_deadline(cal, &req, &dl, NULL), MC_OK);
    assert_int_equal(dl.start, at("2026-02-23 07:00"));
    assert_int_equal(dl.due, at("2026-02-27 17:00"));
    /* Paper before 15:00 is counted from receipt. */
    struct cal_deadline_req early = { .received = at("2026-03-10 14:59"),
                                      .amount = 1 * H,
                                      .paper = true };
    assert_int_equal(cal_deadline(cal, &early, &dl, NULL), MC_OK);
    assert_int_equal(dl.due, at("2026-03-10 15:59"));
    early.received = at("2026-03-10 15:00");
    assert_int_equal(cal_deadline(cal, &early, &dl, NULL), MC_OK);
    assert_int_equal(dl.due, at("2026-03-11 08:00"));
    /* Online (not paper) at 15:30 counts the rest of the day. */
    early.paper = false;
    early.received = at("2026-03-10 15:30");
    assert_int_equal(cal_deadline(cal, &early, &dl, NULL), MC_OK);
    assert_int_equal(dl.due, at("2026-03-10 16:30"));
    /* Civil Code, receipt on a Saturday: day 1 is Monday. */
    struct cal_deadline_req sat = { .received = at("2026-03-07 10:00"),
                                    .amount = 1 * DAY,
                                    .count = CAL_COUNT_CIVIL_DAYS };
    assert_int_equal(cal_deadline(cal, &sat, &dl, NULL), MC_OK);
    assert_int_equal(dl.due, at("2026-03-09 17:00"));
    /* Half days cannot be counted the civil way. */
    struct mc_err err;
    sat.amount = DAY / 2;
    assert_int_equal(cal_deadline(cal, &sat, &dl, &err), MC_EINVAL);
    assert_string_equal(err.field, "amount");
}

static void bad_input(void **state)
{
    (void)state;
    struct mc_err err;
    int64_t due;
    assert_int_equal(cal_add(cal, at("2026-03-10 10:00"), -1, &due, &err), MC_EINVAL);
    assert_string_equal(err.field, "amount");
    assert_int_equal(cal_add(cal, at("1999-12-31 10:00"), 1, &due, &err), MC_EINVAL);
    assert_string_equal(err.field, "start");
    assert_int_equal(cal_add(cal, at("2199-12-30 10:00"), 100 * DAY, &due, &err), MC_EINVAL);
    assert_string_equal(err.field, "amount");
    assert_int_equal(cal_add(cal, at("2026-03-10 10:00"), INT64_MAX, &due, &err), MC_EINVAL);
    int64_t w;
    assert_int_equal(cal_between(cal, at("2026-03-10 10:00"), at("2200-01-01 00:00"), &w, &err),
                     MC_EINVAL);
    assert_string_equal(err.field, "to");
    struct cal_day_info i;
    assert_int_equal(cal_day_info(cal, cal_days_from_civil(1999, 1, 1), &i, &err), MC_EINVAL);
    int64_t t;
    assert_false(cal_parse_instant("2026-02-30 10:00", &t));
    assert_false(cal_parse_instant("2026-02-10 24:00", &t));
    assert_false(cal_parse_instant("2026-02-10 10:60", &t));
    assert_false(cal_parse_instant("2026-02-10 10:00x", &t));
    assert_true(cal_parse_instant("13/2/2026 16:45", &t));
    assert_int_equal(t, at("2026-02-13 16:45"));
    assert_true(cal_parse_instant("2026-02-13T16:45:30", &t));
    assert_int_equal(t, at("2026-02-13 16:45") + 30);
    /* Civil time is UTC+7: 2026-02-13 07:00 local is 00:00 UTC. */
    assert_int_equal(at("2026-02-13 07:00"), 1770940800);
}

static void clock_pause_resume(void **state)
{
    (void)state;
    struct cal_clock c;
    int64_t v;
    /* 2 working days; 2h used before Tết, paused over a supplement request
     * until Wed 25/02 07:00; 14h left: Wed 8h, Thu 07:00 + 6h = 15:00. */
    cal_clock_start(&c, at("2026-02-13 15:00"), 2 * DAY);
    assert_int_equal(cal_clock_pause(cal, &c, at("2026-02-23 07:00"), NULL), MC_OK);
    assert_int_equal(cal_clock_consumed(cal, &c, at("2026-02-24 12:00"), &v, NULL), MC_OK);
    assert_int_equal(v, 2 * H);
    assert_int_equal(cal_clock_due(cal, &c, at("2026-02-25 07:00"), &v, NULL), MC_OK);
    assert_int_equal(v, at("2026-02-26 15:00")); /* provisional: as if resumed now */
    assert_int_equal(cal_clock_resume(&c, at("2026-02-25 07:00"), NULL), MC_OK);
    assert_int_equal(cal_clock_due(cal, &c, at("2026-02-25 09:00"), &v, NULL), MC_OK);
    assert_int_equal(v, at("2026-02-26 15:00"));
    assert_int_equal(cal_clock_consumed(cal, &c, at("2026-02-26 12:00"), &v, NULL), MC_OK);
    assert_int_equal(v, 2 * H + 8 * H + 270 * M);
    /* Paused after running out: the clock keeps when the limit was reached. */
    assert_int_equal(cal_clock_pause(cal, &c, at("2026-02-27 10:00"), NULL), MC_OK);
    assert_int_equal(cal_clock_due(cal, &c, at("2026-03-05 10:00"), &v, NULL), MC_OK);
    assert_int_equal(v, at("2026-02-26 15:00"));
    struct mc_err err;
    assert_int_equal(cal_clock_pause(cal, &c, at("2026-02-27 11:00"), &err), MC_ECONFLICT);
    assert_int_equal(cal_clock_resume(&c, at("2026-03-02 07:00"), NULL), MC_OK);
    assert_int_equal(cal_clock_resume(&c, at("2026-03-02 08:00"), &err), MC_ECONFLICT);
    /* Restart from zero (NĐ 61 Điều 19.4). */
    cal_clock_start(&c, at("2026-03-02 07:00"), 1 * H);
    assert_int_equal(cal_clock_due(cal, &c, at("2026-03-02 07:00"), &v, NULL), MC_OK);
    assert_int_equal(v, at("2026-03-02 08:00"));
}

static void days_skipped(void **state)
{
    (void)state;
    struct cal_deadline dl;
    struct cal_deadline_req req = { .received = at("2026-02-13 16:45"), .amount = 5 * DAY };
    assert_int_equal(cal_deadline(cal, &req, &dl, NULL), MC_OK);
    int32_t d = cal_day_of_instant(dl.start, NULL), last = cal_day_of_instant(dl.due, NULL);
    struct cal_day_info i;
    int n = 0, tet = 0;
    while (cal_next_special(cal, d, last, false, &i)) {
        n++;
        tet += i.tag == CAL_TAG_TET;
        assert_false(i.working);
        assert_true(i.reason[0] != '\0');
        d = i.day + 1;
    }
    assert_int_equal(n, 9); /* 14/02-22/02 */
    assert_int_equal(tet, 5);
}

/* A day-by-day oracle for the working time between two instants, written
 * from the definitions only: the default sessions, and each day's open
 * halves from cal_day_info(). */
static int64_t oracle_between(int64_t a, int64_t b)
{
    static const int32_t sess[2][2] = { { 7 * H, 11 * H + 30 * M }, { 13 * H + 30 * M, 17 * H } };
    int64_t total = 0;
    for (int32_t d = cal_day_of_instant(a, NULL); d <= cal_day_of_instant(b, NULL); d++) {
        struct cal_day_info i;
        assert_int_equal(cal_day_info(cal, d, &i, NULL), MC_OK);
        for (int s = 0; s < 2; s++) {
            if (!(i.open & (s == 0 ? CAL_OPEN_AM : CAL_OPEN_PM))) {
                continue;
            }
            int64_t lo = cal_instant_of_day(d, sess[s][0]), hi = cal_instant_of_day(d, sess[s][1]);
            lo = lo > a ? lo : a;
            hi = hi < b ? hi : b;
            total += hi > lo ? hi - lo : 0;
        }
    }
    return total;
}

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t next_rand(void)
{
    /* xorshift64*: fixed seed, so every run checks the same instants. */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717u;
}

static int64_t rand_instant(void)
{
    int64_t lo = at("2001-01-01 00:00"), hi = at("2198-01-01 00:00");
    return lo + (int64_t)(next_rand() % (uint64_t)(hi - lo));
}

static void properties(void **state)
{
    (void)state;
    for (int i = 0; i < 200000; i++) {
        int64_t s = rand_instant();
        int64_t n = (int64_t)(next_rand() % (uint64_t)(30 * DAY)) + 1;
        int64_t due, due2, back;
        assert_int_equal(cal_add(cal, s, n, &due, NULL), MC_OK);
        /* add then between gives n back. */
        assert_int_equal(cal_between(cal, s, due, &back, NULL), MC_OK);
        assert_int_equal(back, n);
        /* Never outside a session: the second before `due` is worked. */
        assert_int_equal(cal_between(cal, due - 1, due, &back, NULL), MC_OK);
        assert_int_equal(back, 1);
        /* Monotonic in the amount and in the start. */
        assert_int_equal(cal_add(cal, s, n + 1, &due2, NULL), MC_OK);
        assert_true(due2 > due);
        assert_int_equal(cal_add(cal, s + 1 + (int64_t)(next_rand() % 100000), n, &due2, NULL),
                         MC_OK);
        assert_true(due2 >= due);
        /* Counting starts inside a session: the next second is worked. */
        int64_t st;
        assert_int_equal(cal_next_start(cal, s, &st, NULL), MC_OK);
        assert_true(st >= s);
        assert_int_equal(cal_between(cal, s, st, &back, NULL), MC_OK);
        assert_int_equal(back, 0);
        assert_int_equal(cal_between(cal, st, st + 1, &back, NULL), MC_OK);
        assert_int_equal(back, 1);
    }
    for (int i = 0; i < 20000; i++) {
        int64_t a = rand_instant();
        int64_t b = a + (int64_t)(next_rand() % (uint64_t)(40 * 86400));
        int64_t w;
        assert_int_equal(cal_between(cal, a, b, &w, NULL), MC_OK);
        assert_int_equal(w, oracle_between(a, b));
    }
}

/* The adapters for the engine's seam (src/core/worktime.h) keep its
 * contract: minutes in, minutes out, between(t, add(t, m)) == m, add(t, 0)
 * is the next working start, between is never negative. */
static void engine_seam_in_minutes(void **state)
{
    (void)state;
    void *ctx = cal;
    int64_t t = at("2026-02-13 16:45") / 60;
    assert_int_equal(cal_minutes_add(ctx, t, 5 * 480), at("2026-02-27 16:45") / 60);
    assert_int_equal(cal_minutes_add(ctx, at("2026-03-10 12:15") / 60, 0),
                     at("2026-03-10 13:30") / 60);
    assert_int_equal(cal_minutes_add(ctx, t, -5), t);
    assert_int_equal(
        cal_minutes_between(ctx, at("2026-02-13 16:00") / 60, at("2026-02-23 08:00") / 60), 120);
    assert_int_equal(cal_minutes_between(ctx, t + 100, t), 0);
    for (int i = 0; i < 20000; i++) {
        int64_t s = rand_instant() / 60;
        int64_t m = (int64_t)(next_rand() % (30 * 480));
        int64_t due = cal_minutes_add(ctx, s, m);
        assert_true(due >= s);
        assert_int_equal(cal_minutes_between(ctx, s, due), m);
    }
    /* No error path: out-of-range instants are clamped, results saturate. */
    assert_int_equal(cal_minutes_add(ctx, at("2199-12-31 16:00") / 60, 480),
                     cal_last_instant() / 60);
}

/* An agency file: a half day off and seasonal office hours. */
static void agency_half_day_and_seasons(void **state)
{
    (void)state;
    static const char agency[] =
        "format | 1\n"
        "sessions | 01-01 | 07:30-11:30, 13:00-17:00 | Giờ mùa đông\n"
        "sessions | 04-15 | 07:00-11:00, 13:30-17:30 | Giờ mùa hè\n"
        "2026-03-11 | off-pm | agency | Họp cơ quan | Quyết định 12/QĐ-SNV\n"
        "2026-03-12 | off | agency | Kỷ niệm ngày thành lập | Quyết định 12/QĐ-SNV\n";
    struct cal *a;
    struct mc_err err;
    assert_int_equal(cal_load("agency.txt", agency, sizeof(agency) - 1, &a, &err), MC_OK);
    int64_t due;
    /* Winter: 10:00 + 4h = 1.5h to 11:30, then 2.5h from... the afternoon
     * of 11/03 is off and 12/03 is off, so Fri 13/03 07:30 + 2.5h = 10:00. */
    assert_int_equal(cal_add(a, at("2026-03-11 10:00"), 4 * H, &due, NULL), MC_OK);
    assert_int_equal(due, at("2026-03-13 10:00"));
    /* The national days still hold under the agency file. */
    assert_int_equal(cal_add(a, at("2026-02-13 17:00"), 1 * H, &due, NULL), MC_OK);
    assert_int_equal(due, at("2026-02-23 08:30"));
    /* Summer starts on 15/04: Tue 14/04 17:00 + 1h = Wed 15/04 08:00. */
    assert_int_equal(cal_add(a, at("2026-04-14 17:00"), 1 * H, &due, NULL), MC_OK);
    assert_int_equal(due, at("2026-04-15 08:00"));
    /* Summer closes at 17:30. */
    assert_int_equal(cal_add(a, at("2026-04-15 17:00"), 30 * M, &due, NULL), MC_OK);
    assert_int_equal(due, at("2026-04-15 17:30"));
    /* Winter again before 15/04 of the next year's... and in January. */
    assert_int_equal(cal_add(a, at("2027-01-05 07:00"), 1 * M, &due, NULL), MC_OK);
    assert_int_equal(due, at("2027-01-05 07:31"));
    struct cal_day_info i;
    assert_int_equal(cal_day_info(a, cal_days_from_civil(2026, 3, 11), &i, NULL), MC_OK);
    assert_true(i.working);
    assert_int_equal(i.open, CAL_OPEN_AM);
    assert_string_equal(i.source, "agency.txt:4");
    assert_int_equal(cal_day_seconds(a), 8 * H);
    cal_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_cases),
        cmocka_unit_test(between_cases),
        cmocka_unit_test(deadline_before_tet),
        cmocka_unit_test(bad_input),
        cmocka_unit_test(clock_pause_resume),
        cmocka_unit_test(days_skipped),
        cmocka_unit_test(properties),
        cmocka_unit_test(engine_seam_in_minutes),
        cmocka_unit_test(agency_half_day_and_seasons),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
