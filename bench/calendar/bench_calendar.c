/* "add working time" calls per second on one core over random instants across
 * ten years (target >= 5,000,000/s, design.md §6). The same loop with only the
 * random-instant generation is printed beside it as the ceiling: the cost of
 * the harness alone. */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include "cal/cal.h"

static uint64_t rng = 0x2545F4914F6CDD1Du;

static inline uint64_t next_rand(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return rng * 2685821657736338717u;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
    struct cal *cal;
    struct mc_err err;
    double t0 = now_s();
    if (cal_load(NULL, NULL, 0, &cal, &err) != MC_OK) {
        fprintf(stderr, "bench_calendar: %s\n", err.msg);
        return 1;
    }
    double t_load = now_s() - t0;
    int64_t lo, hi;
    if (!cal_parse_instant("2020-01-01 00:00", &lo) || !cal_parse_instant("2030-01-01", &hi)) {
        return 1;
    }
    uint64_t span = (uint64_t)(hi - lo);
    const int64_t max_work = 30 * 8 * CAL_HOUR; /* limits up to 30 working days */
    const long n = 20000000;

    /* Ceiling: the loop without the calendar call. */
    int64_t sink = 0;
    t0 = now_s();
    for (long i = 0; i < n; i++) {
        int64_t s = lo + (int64_t)(next_rand() % span);
        int64_t w = (int64_t)(next_rand() % (uint64_t)max_work) + 1;
        sink += s ^ w;
    }
    double t_base = now_s() - t0;

    t0 = now_s();
    long failed = 0;
    for (long i = 0; i < n; i++) {
        int64_t s = lo + (int64_t)(next_rand() % span);
        int64_t w = (int64_t)(next_rand() % (uint64_t)max_work) + 1;
        int64_t due;
        if (cal_add(cal, s, w, &due, NULL) != MC_OK) {
            failed++;
        }
        sink += due;
    }
    double t_add = now_s() - t0;

    t0 = now_s();
    for (long i = 0; i < n; i++) {
        int64_t a = lo + (int64_t)(next_rand() % span);
        int64_t b = a + (int64_t)(next_rand() % (60 * 86400));
        int64_t w = 0;
        if (cal_between(cal, a, b, &w, NULL) != MC_OK) {
            failed++;
        }
        sink += w;
    }
    double t_between = now_s() - t0;

    printf("calendar build (embedded data, 2000-2199): %.1f ms\n", t_load * 1e3);
    printf("cal_add      %12.0f calls/s  (random instants 2020-2029, 1 s..30 days; target >= "
           "5,000,000/s)\n",
           (double)n / t_add);
    printf("cal_between  %12.0f calls/s  (random pairs up to 60 days apart)\n",
           (double)n / t_between);
    printf("ceiling      %12.0f loops/s  (same loop, random instants only, no calendar call)\n",
           (double)n / t_base);
    printf("(checksum %" PRId64 ", failures %ld)\n", sink, failed);
    cal_free(cal);
    return failed == 0 ? 0 : 1;
}
