/* Unit tests for the dossier store: the state blob round-trips and refuses
 * anything it did not write; the handover chain as stored verifies, and a
 * tampered event is reported by dossier and sequence (motcua verify). */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/engine.h"
#include "store/store_dossier.h"
#include "store/store_int.h"

static void blake2b(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN])
{
    (void)ctx;
    crypto_generichash(out, ENG_HASH_LEN, data, len, NULL, 0);
}

static void sample(struct eng_dossier *d)
{
    eng_dossier_init(d);
    d->status = ENG_ST_PROCESSING;
    d->stage = ENG_STAGE_CONSULTING;
    d->channel = ENG_CHANNEL_ONLINE;
    snprintf(d->ruleset, sizeof(d->ruleset), "nd61-2018");
    d->desk_unit = 11;
    d->received_at = 29000000;
    d->due_at = 29010000;
    d->legal_due_at = 29009000;
    d->clock = (struct eng_clock){ ENG_CLOCK_RUNNING, 7200, 120, 29000100, 30, 0 };
    d->step_clock = (struct eng_clock){ ENG_CLOCK_PAUSED, 2130, 60, 0, 0, 29000200 };
    snprintf(d->step, sizeof(d->step), "tham_dinh");
    d->step_unit = 4;
    d->holder = 18;
    d->path_len = 2;
    snprintf(d->path[0], ENG_KEY_MAX, "tiep_nhan");
    snprintf(d->path[1], ENG_KEY_MAX, "phan_cong");
    d->n_consults = 1;
    d->consults[0] = (struct eng_consult){ 6, 29000500, 0 };
    d->apologies = 1;
    d->supplement_requests = 2;
    d->approved = true;
    d->verdict = ENG_VERDICT_LATE;
    snprintf(d->late_step, sizeof(d->late_step), "tham_dinh");
    d->late_person = 18;
}

static void state_round_trip(void **state)
{
    (void)state;
    struct eng_dossier d, back;
    sample(&d);
    uint8_t a[STORE_STATE_MAX], b[STORE_STATE_MAX];
    size_t n = store_state_pack(&d, a);
    assert_true(n > 4 && n < STORE_STATE_MAX);
    assert_int_equal(store_state_unpack(a, n, &back, NULL), MC_OK);
    assert_int_equal(store_state_pack(&back, b), n);
    assert_memory_equal(a, b, n);
    assert_string_equal(back.step, "tham_dinh");
    assert_string_equal(back.path[1], "phan_cong");
    assert_int_equal(back.clock.consumed, 120);
    assert_int_equal(back.consults[0].deadline, 29000500);
    assert_true(back.approved);
    /* Every truncation, a trailing byte and another magic are refused. */
    for (size_t len = 0; len < n; len++) {
        assert_int_equal(store_state_unpack(a, len, &back, NULL), MC_EINVAL);
    }
    a[n] = 0;
    assert_int_equal(store_state_unpack(a, n + 1, &back, NULL), MC_EINVAL);
    a[0] = 'X';
    assert_int_equal(store_state_unpack(a, n, &back, NULL), MC_EINVAL);
}

static void tampering_is_found(void **state)
{
    (void)state;
    char path[] = "/tmp/motcua-test-dossier-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = false;
    struct store *st = NULL;
    struct mc_err err;
    assert_int_equal(store_open(path, &opt, &st, &err), MC_OK);
    assert_int_equal(store_migrate(st, NULL, &err), MC_OK);
    /* A bare dossier row: no catalog behind it in this test. */
    assert_int_equal(sqlite3_exec(st->db,
                                  "PRAGMA foreign_keys=OFF;"
                                  "INSERT INTO dossiers (id, ref, agency, procedure_id, case_id,"
                                  " version_id, unit, desk_unit, ruleset, channel, applicant_name,"
                                  " applicant_phone, status, stage, state, created_at, updated_at)"
                                  " VALUES (7, 'HS0000000000000001', '000.00.99.H99', 1, 1, 1, 1,"
                                  " 1, 'nd61-2018', 1, 'A', '0900000000', 4, 'in_step', x'00', 0,"
                                  " 0)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    uint8_t prev[ENG_HASH_LEN] = { 0 };
    const char *actions[3] = { "receive", "transfer", "forward" };
    for (int i = 0; i < 3; i++) {
        struct eng_handover ev = { .seq = (uint64_t)i + 1,
                                   .at = 29000000 + i,
                                   .actor = 3,
                                   .dossier_code = "000.00.99.H99-261005-0001",
                                   .action = actions[i],
                                   .status_before = i ? 4 : 0,
                                   .status_after = 4,
                                   .verdict = "none",
                                   .note = "ghi chú" };
        assert_int_equal(eng_handover_seal(&ev, prev, blake2b, NULL, &err), MC_OK);
        memcpy(prev, ev.hash, ENG_HASH_LEN);
        assert_int_equal(store_event_append(st, 7, &ev, 20261005, "none", &err), MC_OK);
    }
    struct engine e = { .hash = blake2b };
    int64_t bad = -1, checked = 0;
    uint64_t seq = 0;
    char why[200];
    assert_int_equal(engine_verify(&e, st, &bad, &seq, why, sizeof(why), &checked, &err), MC_OK);
    assert_int_equal(bad, 0);
    assert_int_equal(checked, 3);
    /* The log refuses updates... */
    assert_int_not_equal(
        sqlite3_exec(st->db, "UPDATE events SET note = 'x' WHERE seq = 2", NULL, NULL, NULL),
        SQLITE_OK);
    /* ...and someone who goes around the trigger is caught. */
    assert_int_equal(sqlite3_exec(st->db,
                                  "DROP TRIGGER events_no_update;"
                                  "UPDATE events SET note = 'đã sửa' WHERE seq = 2",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(engine_verify(&e, st, &bad, &seq, why, sizeof(why), &checked, &err), MC_OK);
    assert_int_equal(bad, 7);
    assert_int_equal(seq, 2);
    store_close(st);
    unlink(path);
    char side[64];
    snprintf(side, sizeof(side), "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof(side), "%s-shm", path);
    unlink(side);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(state_round_trip),
        cmocka_unit_test(tampering_is_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
