/* Unit tests for src/core/handover: canonical bytes and the hash chain,
 * hashed with libsodium's crypto_generichash (BLAKE2b-256) as the engine
 * will. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <sodium.h>
#include <string.h>

#include "core/handover.h"

static void blake2b(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN])
{
    (void)ctx;
    crypto_generichash(out, ENG_HASH_LEN, data, len, NULL, 0);
}

#define N_EVENTS 6

static const char *const steps[N_EVENTS + 1] = {
    "", "phan_cong", "tham_dinh", "lanh_dao_phong", "lanh_dao_so", "van_thu", ""
};

static void make_chain(struct eng_handover *ev)
{
    for (size_t i = 0; i < N_EVENTS; i++) {
        ev[i] = (struct eng_handover){
            .seq = i + 1,
            .at = 29000000 + (int64_t)i * 90,
            .actor = 100 + (int64_t)i,
            .dossier_code = "000.00.00.H15-261008-0975",
            .from_unit = (int64_t)i,
            .from_person = 100 + (int64_t)i,
            .to_unit = (int64_t)i + 1,
            .to_person = 0,
            .action = "forward",
            .status_before = 4,
            .status_after = 4,
            .verdict = "on_time",
            .step_from = steps[i],
            .step_to = steps[i + 1],
            .note = "Chuyển thẩm định hồ sơ",
            .attachments = { "to-trinh.pdf", "bien-ban.pdf" },
            .n_attachments = 2,
        };
        struct mc_err err = { 0 };
        assert_int_equal(
            eng_handover_seal(&ev[i], i == 0 ? NULL : ev[i - 1].hash, blake2b, NULL, &err), MC_OK);
    }
}

static void canonical_bytes_are_stable(void **state)
{
    (void)state;
    struct eng_handover ev = {
        .seq = 1,
        .at = 1,
        .action = "accept",
        .status_after = 2,
    };
    uint8_t buf[ENG_HANDOVER_BYTES_MAX];
    size_t len = 0;
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, NULL), MC_OK);
    /* magic 4 + 3×8 + str(0) + 4×8 + str("accept") + 2 + 4 str(0) + u32 + 32 */
    assert_int_equal(len, 4 + 24 + 4 + 32 + 10 + 2 + 16 + 4 + 32);
    assert_memory_equal(buf, "MCH1", 4);
    static const uint8_t seq1[8] = { 0, 0, 0, 0, 0, 0, 0, 1 };
    assert_memory_equal(buf + 4, seq1, 8);
    /* NULL strings and "" serialise the same way. */
    uint8_t buf2[ENG_HANDOVER_BYTES_MAX];
    size_t len2 = 0;
    ev.note = "";
    assert_int_equal(eng_handover_bytes(&ev, buf2, sizeof(buf2), &len2, NULL), MC_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(buf, buf2, len);
    /* Field boundaries are length-prefixed: moving a byte between two
     * fields changes the bytes. */
    ev.step_from = "ab";
    ev.step_to = "c";
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, NULL), MC_OK);
    ev.step_from = "a";
    ev.step_to = "bc";
    assert_int_equal(eng_handover_bytes(&ev, buf2, sizeof(buf2), &len2, NULL), MC_OK);
    assert_int_equal(len, len2);
    assert_memory_not_equal(buf, buf2, len);
}

static void a_whole_chain_verifies(void **state)
{
    (void)state;
    struct eng_handover ev[N_EVENTS];
    make_chain(ev);
    size_t bad = 99;
    struct mc_err err = { 0 };
    assert_int_equal(eng_handover_verify(ev, N_EVENTS, blake2b, NULL, &bad, &err), MC_OK);
    assert_int_equal(bad, N_EVENTS);
    assert_memory_not_equal(ev[0].hash, ev[1].hash, ENG_HASH_LEN);
    static const uint8_t zero[ENG_HASH_LEN];
    assert_memory_equal(ev[0].prev_hash, zero, ENG_HASH_LEN);
    assert_int_equal(eng_handover_verify(ev, 0, blake2b, NULL, &bad, &err), MC_OK);
}

/* Every kind of tampering is found, at the right event. */
static void tampering_is_reported_at_the_first_broken_link(void **state)
{
    (void)state;
    struct {
        const char *what;
        size_t at;
        const char *msg;
    } cases[] = {
        { "note edited", 3, "content" },        { "time moved", 0, "content" },
        { "event deleted", 2, "sequence" },     { "hash replaced", 4, "content" },
        { "attachment dropped", 5, "content" }, { "relinked", 1, "link" },
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct eng_handover ev[N_EVENTS];
        make_chain(ev);
        size_t n = N_EVENTS;
        switch (k) {
        case 0:
            ev[3].note = "Chuyển thẩm định hồ sơ.";
            break;
        case 1:
            ev[0].at += 1;
            break;
        case 2:
            memmove(&ev[2], &ev[3], sizeof(ev[0]) * (N_EVENTS - 3));
            n--;
            break;
        case 3:
            ev[4].hash[0] ^= 1;
            break;
        case 4:
            ev[5].n_attachments = 1;
            break;
        case 5:
            /* Re-sealing event 1 on a forged parent breaks the link, not its content. */
            ev[1].prev_hash[7] ^= 0x80;
            blake2b(NULL, (const uint8_t *)"x", 1, ev[1].prev_hash);
            {
                uint8_t forged[ENG_HASH_LEN];
                memcpy(forged, ev[1].prev_hash, ENG_HASH_LEN);
                assert_int_equal(eng_handover_seal(&ev[1], forged, blake2b, NULL, NULL), MC_OK);
            }
            break;
        default:
            break;
        }
        size_t bad = 99;
        struct mc_err err = { 0 };
        assert_int_equal(eng_handover_verify(ev, n, blake2b, NULL, &bad, &err), MC_ECONFLICT);
        assert_int_equal(bad, cases[k].at);
        assert_non_null(strstr(err.msg, cases[k].msg));
    }
}

static void limits_are_enforced(void **state)
{
    (void)state;
    static char note[ENG_HANDOVER_NOTE_MAX + 2];
    memset(note, 'a', sizeof(note) - 1);
    struct eng_handover ev = { .seq = 1, .note = note };
    uint8_t buf[ENG_HANDOVER_BYTES_MAX];
    size_t len = 0;
    struct mc_err err = { 0 };
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, &err), MC_EINVAL);
    assert_string_equal(err.field, "note");
    note[ENG_HANDOVER_NOTE_MAX] = '\0';
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, &err), MC_OK);
    ev.n_attachments = ENG_HANDOVER_ATTACH_MAX + 1;
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, &err), MC_EINVAL);
    ev.n_attachments = 0;
    ev.status_after = 11;
    assert_int_equal(eng_handover_bytes(&ev, buf, sizeof(buf), &len, &err), MC_EINVAL);
    ev.status_after = 4;
    assert_int_equal(eng_handover_bytes(&ev, buf, 10, &len, &err), MC_EINVAL);

    /* The largest valid event fits the documented bound. */
    static char name[ENG_HANDOVER_NAME_MAX + 1];
    memset(name, 'n', ENG_HANDOVER_NAME_MAX);
    struct eng_handover big = { .seq = 1,
                                .dossier_code = name,
                                .action = name,
                                .verdict = name,
                                .step_from = name,
                                .step_to = name,
                                .note = note,
                                .n_attachments = ENG_HANDOVER_ATTACH_MAX };
    for (size_t i = 0; i < ENG_HANDOVER_ATTACH_MAX; i++) {
        big.attachments[i] = name;
    }
    assert_int_equal(eng_handover_bytes(&big, buf, sizeof(buf), &len, &err), MC_OK);
    assert_true(len <= ENG_HANDOVER_BYTES_MAX);
}

int main(void)
{
    if (sodium_init() < 0) {
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(canonical_bytes_are_stable),
        cmocka_unit_test(a_whole_chain_verifies),
        cmocka_unit_test(tampering_is_reported_at_the_first_broken_link),
        cmocka_unit_test(limits_are_enforced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
