/* bench_dashboard [DB]: builds the real schema (store_migrate), generates the
 * counters of 1,000,000 dossiers received over 2025 — each dossier counted
 * once at receipt and once when it finishes (early / on time / late) in the
 * transaction-time layout of engine_counts.c: day × unit × procedure ×
 * officer, with 13 units, 8 procedures and 4 officers per unit — then times
 * the dashboard, store_stats_monthly_json (GET /api/stats/monthly): the
 * on-time rate by unit and month for the year as JSON, read from the
 * monthly roll-up the triggers keep (median and worst of 20 runs). For
 * comparison, the same figures straight from the daily rows. Target:
 * < 20 ms. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "store/store_dossier.h"

enum { DOSSIERS = 1000000, UNITS = 13, PROCS = 8, OFFICERS = 4, RUNS = 20 };

static const char *const QUERY =
    "SELECT unit, day / 100 AS month, sum(early + on_time) AS ok, sum(late) AS late,"
    " round(1.0 * sum(early + on_time) / nullif(sum(early + on_time + late), 0), 4)"
    " FROM counters WHERE day BETWEEN 20250101 AND 20251231 GROUP BY unit, month"
    " ORDER BY unit, month";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static unsigned long long rng = 42;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

static int day_of(int doy)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int m = 0;
    while (doy >= mdays[m]) {
        doy -= mdays[m++];
    }
    return 20250000 + (m + 1) * 100 + doy + 1;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/tmp/motcua-bench-dashboard.db";
    remove(path);
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = false;
    struct store *st = NULL;
    struct mc_err err;
    if (store_open(path, &opt, &st, &err) != MC_OK || store_migrate(st, NULL, &err) != MC_OK) {
        fprintf(stderr, "bench_dashboard: %s\n", err.msg);
        return 1;
    }
    store_close(st);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        return 1;
    }
    /* Generated ids: no unit or procedure rows, so no foreign keys here. */
    sqlite3_exec(db, "PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *up;
    sqlite3_prepare_v2(db,
                       "INSERT INTO counters (day, unit, procedure_id, officer, received,"
                       " in_progress, early, on_time, late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                       " ?9) ON CONFLICT (day, unit, procedure_id, officer) DO UPDATE SET"
                       " received = received + ?5, in_progress = in_progress + ?6,"
                       " early = early + ?7, on_time = on_time + ?8, late = late + ?9",
                       -1, &up, NULL);
    double t0 = now_ms();
    for (long i = 0; i < DOSSIERS; i++) {
        int unit = 1 + (int)rnd(UNITS);
        int proc = unit * 100 + (int)rnd(PROCS);
        int officer = unit * 100 + (int)rnd(OFFICERS);
        int doy = (int)rnd(365);
        int fin = doy + 3 + (int)rnd(30);
        unsigned v = rnd(100); /* 70% early, 20% on time, 10% late */
        int early = v < 70, on_time = v >= 70 && v < 90, late = v >= 90;
        long rows[2][9] = {
            { day_of(doy), unit, proc, officer, 1, 1, 0, 0, 0 },
            { day_of(fin > 364 ? 364 : fin), unit, proc, officer, 0, -1, early, on_time, late },
        };
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 9; c++) {
                sqlite3_bind_int64(up, c + 1, rows[r][c]);
            }
            sqlite3_step(up);
            sqlite3_reset(up);
        }
    }
    sqlite3_finalize(up);
    sqlite3_exec(db, "COMMIT; ANALYZE", NULL, NULL, NULL);
    sqlite3_stmt *cnt;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM counters", -1, &cnt, NULL);
    sqlite3_step(cnt);
    long nrows = (long)sqlite3_column_int64(cnt, 0);
    sqlite3_finalize(cnt);
    printf("generated %d dossiers into %ld counter rows in %.1f s\n", DOSSIERS, nrows,
           (now_ms() - t0) / 1e3);

    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, QUERY, -1, &q, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return 1;
    }
    double times[RUNS];
    int groups = 0;
    for (int r = 0; r < RUNS; r++) {
        double s = now_ms();
        groups = 0;
        while (sqlite3_step(q) == SQLITE_ROW) {
            groups++;
        }
        sqlite3_reset(q);
        times[r] = now_ms() - s;
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    qsort(times, RUNS, sizeof(times[0]), cmp);
    printf("from the daily rows (%d groups): median %.2f ms, worst %.2f ms\n", groups,
           times[RUNS / 2], times[RUNS - 1]);

    if (store_open(path, &opt, &st, &err) != MC_OK) {
        return 1;
    }
    size_t len = 0;
    for (int r = 0; r < RUNS; r++) {
        char *json = NULL;
        double s = now_ms();
        if (store_stats_monthly_json(st, 202501, 202512, &json, &err) != MC_OK) {
            fprintf(stderr, "bench_dashboard: %s\n", err.msg);
            return 1;
        }
        times[r] = now_ms() - s;
        len = strlen(json);
        free(json);
    }
    store_close(st);
    qsort(times, RUNS, sizeof(times[0]), cmp);
    printf("dashboard, store_stats_monthly_json (%zu bytes of JSON): median %.2f ms, worst %.2f ms"
           " (target < 20 ms)\n",
           len, times[RUNS / 2], times[RUNS - 1]);
    remove(path);
    return 0;
}
