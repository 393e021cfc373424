/* engine_reschedule over a real database: 20,000 dossiers, one pass in one
 * transaction (docs/CALENDAR.md §3.2). The open ones move by the day off,
 * the finished ones are untouched, each move is recorded and notified, and
 * the escalation wake-ups follow the new calendar. Prints how long the pass
 * took (a figure, not an assertion). Calendars: the fake one, then the same
 * with Thursday 08/10/2026 off. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/escalation.h"
#include "engine/engine_reschedule.h"
#include "fake_worktime_off.h"
#include "store/store_dossier.h"
#include "store/store_int.h"

enum { DOSSIERS = 20000, HOLDER = 18 };

static struct store *st;
static char path[] = "/tmp/motcua-test-resched-XXXXXX";

static int64_t scalar(const char *sql)
{
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* Dossier i: received Monday 05/10/2026 from 08:00, one a minute, 15
 * working days, at a step held by HOLDER; every tenth already finished. */
static void state_of(int i, const struct eng_worktime *wt, struct eng_dossier *d)
{
    eng_dossier_init(d);
    d->status = i % 10 == 0 ? ENG_ST_DONE : ENG_ST_PROCESSING;
    d->stage = i % 10 == 0 ? ENG_STAGE_AT_DESK : ENG_STAGE_IN_STEP;
    d->channel = ENG_CHANNEL_DESK;
    snprintf(d->ruleset, sizeof(d->ruleset), "nd61-2018");
    d->desk_unit = 1;
    d->received_at = vn(2026, 10, 5, 8, 0) + i % 400;
    eng_clock_start(&d->clock, 15 * 480, d->received_at);
    eng_clock_start(&d->step_clock, 4 * 480, d->received_at);
    d->legal_due_at = eng_wt_add(wt, d->received_at, 15 * 480);
    d->due_at = d->first_due_at = d->legal_due_at;
    snprintf(d->step, sizeof(d->step), "tham_dinh");
    d->step_unit = 2;
    d->holder = HOLDER;
    if (d->status == ENG_ST_DONE) {
        eng_clock_stop(&d->clock, d->received_at + 60, wt);
        eng_clock_stop(&d->step_clock, d->received_at + 60, wt);
        d->finished_at = d->received_at + 60;
        d->verdict = ENG_VERDICT_EARLY;
    }
}

static void insert_all(const struct engine *e, const struct eng_worktime *wt)
{
    assert_int_equal(sqlite3_exec(st->db,
                                  "PRAGMA foreign_keys=OFF; BEGIN;"
                                  "INSERT INTO cases (id, procedure_id, ord, code, name,"
                                  " limit_halves, limit_unit) VALUES (1, 1, 1, 'c', 'c', 30,"
                                  " 'working_days');"
                                  "INSERT INTO people (id, username, full_name, created_at)"
                                  " VALUES (18, 'chuyenvien', 'Chuyên viên', 0);",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *ins = NULL, *clk = NULL;
    assert_int_equal(
        sqlite3_prepare_v2(st->db,
                           "INSERT INTO dossiers (id, code, ref, agency, procedure_id, case_id,"
                           " version_id, unit, desk_unit, ruleset, channel, applicant_name,"
                           " applicant_phone, status, stage, step, step_unit, holder, received_at,"
                           " due_at, legal_due_at, first_due_at, verdict, state, created_at,"
                           " updated_at) VALUES (?1, printf('000.00.99.H99-%06d-%04d', 261005 + ?1 "
                           "/ 10000, ?1 % 10000),"
                           " printf('HS%016d', ?1), '000.00.99.H99', 1, 1, 1, 2, 1, 'nd61-2018',"
                           " 1, 'A', '0900000000', ?2, 'x', 'tham_dinh', 2, 18, ?3, ?4, ?4, ?4,"
                           " ?5, ?6, 0, 0)",
                           -1, &ins, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(st->db,
                                        "INSERT INTO clocks (dossier, kind, step, state, budget,"
                                        " consumed, running_since, fired, next_rung_at) VALUES"
                                        " (?1, ?2, ?3, ?4, ?5, 0, ?6, 0, nullif(?7, 0))",
                                        -1, &clk, NULL),
                     SQLITE_OK);
    uint8_t blob[STORE_STATE_MAX];
    for (int i = 1; i <= DOSSIERS; i++) {
        struct eng_dossier d;
        state_of(i, wt, &d);
        size_t n = store_state_pack(&d, blob);
        sqlite3_bind_int64(ins, 1, i);
        sqlite3_bind_int64(ins, 2, eng_status_code(d.status));
        sqlite3_bind_int64(ins, 3, d.received_at);
        sqlite3_bind_int64(ins, 4, d.due_at);
        sqlite3_bind_text(ins, 5, eng_verdict_key(d.verdict), -1, SQLITE_STATIC);
        sqlite3_bind_blob(ins, 6, blob, (int)n, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            fail_msg("dossier %d: %s", i, sqlite3_errmsg(st->db));
        }
        sqlite3_reset(ins);
        const struct eng_clock *c[2] = { &d.clock, &d.step_clock };
        for (int k = 0; k < 2; k++) {
            sqlite3_bind_int64(clk, 1, i);
            sqlite3_bind_text(clk, 2, k ? "step" : "dossier", -1, SQLITE_STATIC);
            sqlite3_bind_text(clk, 3, k ? "tham_dinh" : "", -1, SQLITE_STATIC);
            sqlite3_bind_text(clk, 4, c[k]->state == ENG_CLOCK_RUNNING ? "running" : "stopped", -1,
                              SQLITE_STATIC);
            sqlite3_bind_int64(clk, 5, c[k]->budget);
            sqlite3_bind_int64(clk, 6, c[k]->running_since);
            sqlite3_bind_int64(
                clk, 7,
                eng_escalation_next_at(e->rungs, e->nrungs, 0, c[k], vn(2026, 10, 6, 9, 0), wt));
            assert_int_equal(sqlite3_step(clk), SQLITE_DONE);
            sqlite3_reset(clk);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(clk);
    assert_int_equal(sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
}

static void twenty_thousand_dossiers_in_one_pass(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 8);
    struct engine e = { .wt = plain };
    e.rungs = eng_rungs_default(&e.nrungs);
    insert_all(&e, &plain);
    int64_t now = vn(2026, 10, 6, 9, 0);
    struct mc_err err;
    struct engine_reschedule_result res;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(store_begin(st, &err), MC_OK);
    assert_int_equal(
        engine_reschedule(&e, st, &plain, &off, now, HOLDER, STORE_CHANGE_API, 60, &res, &err),
        MC_OK);
    assert_int_equal(store_commit(st, &err), MC_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("reschedule: %lld open of %d dossiers, %lld moved, %lld notified, in %.0f ms\n",
           (long long)res.scanned, DOSSIERS, (long long)res.rescheduled, (long long)res.notified,
           ms);
    int64_t open = DOSSIERS - DOSSIERS / 10;
    assert_int_equal(res.scanned, open);
    assert_int_equal(res.rescheduled, open);
    assert_int_equal(res.appointments, open);
    assert_int_equal(res.notified, open);
    /* Dossier 1 (received 08:01): 26/10 08:01 → 27/10 08:01; columns and
     * state agree; the version moved. */
    assert_int_equal(scalar("SELECT due_at FROM dossiers WHERE id = 1"), vn(2026, 10, 27, 8, 1));
    assert_int_equal(scalar("SELECT legal_due_at FROM dossiers WHERE id = 1"),
                     vn(2026, 10, 27, 8, 1));
    assert_int_equal(scalar("SELECT version FROM dossiers WHERE id = 1"), 2);
    struct store_dossier d;
    assert_int_equal(store_dossier_load_id(st, 1, &d, &err), MC_OK);
    assert_int_equal(d.state.due_at, vn(2026, 10, 27, 8, 1));
    assert_int_equal(d.state.first_due_at, vn(2026, 10, 27, 8, 1));
    /* A finished dossier is untouched: due time, verdict, version. */
    assert_int_equal(scalar("SELECT due_at FROM dossiers WHERE id = 10"), vn(2026, 10, 26, 8, 10));
    assert_int_equal(scalar("SELECT version FROM dossiers WHERE id = 10"), 1);
    assert_int_equal(scalar("SELECT count(*) FROM dossiers WHERE verdict = 'early'"),
                     DOSSIERS / 10);
    /* Recorded once each, with the change. */
    assert_int_equal(scalar("SELECT count(*) FROM reschedules"), open);
    assert_int_equal(scalar("SELECT rescheduled FROM calendar_changes"), open);
    assert_int_equal(scalar("SELECT count(*) FROM reschedules WHERE dossier % 10 = 0"), 0);
    assert_int_equal(scalar("SELECT count(*) FROM notifications WHERE kind = 'reschedule'"
                            " AND message LIKE 'Ngày hẹn trả hồ sơ %đổi từ 26/10/2026 sang"
                            " 27/10/2026%'"),
                     open);
    /* The step clock's first rung (75% of 4 days = 3 days from Monday
     * 08:01) moves past the day off: Friday 08:01 instead of Thursday. */
    assert_int_equal(scalar("SELECT next_rung_at FROM clocks WHERE dossier = 1 AND kind = 'step'"),
                     vn(2026, 10, 9, 8, 1));
    /* The log is append-only. */
    assert_int_not_equal(
        sqlite3_exec(st->db, "DELETE FROM reschedules WHERE dossier = 1", NULL, NULL, NULL),
        SQLITE_OK);
    /* The same calendar again moves nothing. */
    assert_int_equal(store_begin(st, &err), MC_OK);
    assert_int_equal(
        engine_reschedule(&e, st, &off, &off, now, HOLDER, STORE_CHANGE_API, 60, &res, &err),
        MC_OK);
    assert_int_equal(store_commit(st, &err), MC_OK);
    assert_int_equal(res.scanned, open);
    assert_int_equal(res.rescheduled, 0);
}

/* A dossier inside a parallel block: the open branch's wake-up follows the
 * new calendar, a done branch stays without one, fired rungs stay fired. */
static void branch_wake_ups_follow_the_calendar(void **state)
{
    (void)state;
    struct eng_worktime plain = fake_worktime(), off = with_day_off(2026, 10, 8);
    struct engine e = { .wt = plain };
    e.rungs = eng_rungs_default(&e.nrungs);
    struct eng_dossier d;
    state_of(31, &plain, &d);
    d.n_branches = 2;
    for (int i = 0; i < 2; i++) {
        struct eng_branch *b = &d.branches[i];
        snprintf(b->step, sizeof(b->step), i ? "y_kien" : "tham_dinh");
        b->unit = 2 + i;
        b->holder = HOLDER;
        eng_clock_start(&b->clock, 4 * 480, d.received_at);
    }
    eng_clock_stop(&d.branches[1].clock, d.received_at + 30, &plain);
    d.branches[1].done = true;
    uint8_t blob[STORE_STATE_MAX];
    size_t n = store_state_pack(&d, blob);
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_prepare_v2(st->db,
                                        "UPDATE dossiers SET state = ?1, version = 1,"
                                        " due_at = ?2, legal_due_at = ?2 WHERE id = 31",
                                        -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_blob(s, 1, blob, (int)n, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, d.due_at);
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    struct mc_err err;
    int64_t next[2] = { eng_escalation_next_at(e.rungs, e.nrungs, 0, &d.branches[0].clock,
                                               vn(2026, 10, 6, 9, 0), &plain),
                        0 };
    assert_int_equal(store_dossier_branches_put(st, 31, &d, next, &err), MC_OK);
    assert_int_equal(sqlite3_exec(st->db,
                                  "UPDATE dossier_branches SET fired = 1 WHERE dossier = 31", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(st->db, "UPDATE dossier_branches SET next_rung_at = NULL", NULL, NULL, NULL),
        SQLITE_OK);
    struct engine_reschedule_result res;
    assert_int_equal(store_begin(st, &err), MC_OK);
    assert_int_equal(engine_reschedule(&e, st, &plain, &off, vn(2026, 10, 6, 9, 0), HOLDER,
                                       STORE_CHANGE_API, 60, &res, &err),
                     MC_OK);
    assert_int_equal(store_commit(st, &err), MC_OK);
    /* Rung 0 (75%) fired; the next, one working day left, is reached after
     * three of the four days from Monday 08:31: Thursday on the old
     * calendar, Friday with Thursday off. */
    assert_int_equal(scalar("SELECT next_rung_at FROM dossier_branches WHERE dossier = 31"
                            " AND ord = 0"),
                     vn(2026, 10, 9, 8, 31));
    assert_int_equal(scalar("SELECT fired FROM dossier_branches WHERE dossier = 31 AND ord = 0"),
                     1);
    assert_int_equal(scalar("SELECT coalesce(next_rung_at, 0) FROM dossier_branches"
                            " WHERE dossier = 31 AND ord = 1"),
                     0);
}

static int setup(void **state)
{
    (void)state;
    int fd = mkstemp(path);
    if (fd < 0) {
        return -1;
    }
    close(fd);
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = false;
    struct mc_err err;
    if (store_open(path, &opt, &st, &err) != MC_OK || store_migrate(st, NULL, &err) != MC_OK) {
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    store_close(st);
    unlink(path);
    char side[64];
    snprintf(side, sizeof(side), "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", path);
    unlink(side);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(twenty_thousand_dossiers_in_one_pass),
        cmocka_unit_test(branch_wake_ups_follow_the_calendar),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
