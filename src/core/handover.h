/* handover - the handover log (sổ giao nhận): one append-only event per
 * transition of a dossier (who, when, from whom to whom, outcome, note,
 * attachments), chained by hashes so that an edit or a deletion anywhere
 * breaks every later link (issue 4 §5, design.md §3 "Handover log").
 *
 * The control slip (Mẫu 05, domain.md §2.6) and the tracking register
 * (Mẫu 06, §2.7) are projections of these events.
 *
 * The core defines the canonical bytes of an event and the chaining rule;
 * the hash itself comes from a real library in an impure layer, through
 * eng_hash_fn (the engine uses libsodium's crypto_generichash, BLAKE2b-256).
 *
 *     hash[i] = H( canonical_bytes(event[i]) )
 *     canonical_bytes includes event[i].prev_hash = hash[i-1] (genesis: 32 zero bytes)
 *
 * Canonical bytes, version 1, all integers big-endian:
 *     "MCH1"  u64 seq  i64 at  i64 actor
 *     str dossier_code
 *     i64 from_unit  i64 from_person  i64 to_unit  i64 to_person
 *     str action  u8 status_before  u8 status_after  str verdict
 *     str step_from  str step_to  str note
 *     u32 n_attachments  str attachment × n
 *     32 bytes prev_hash
 * where str = u32 byte length + the UTF-8 bytes (no NUL). Names, not enum
 * numbers, are hashed for actions and verdicts so that renumbering an enum
 * cannot silently change the meaning of old events. Pure; no allocation. */
#ifndef MC_CORE_HANDOVER_H
#define MC_CORE_HANDOVER_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define ENG_HASH_LEN            32
#define ENG_HANDOVER_NOTE_MAX   4000 /* bytes */
#define ENG_HANDOVER_ATTACH_MAX 16
#define ENG_HANDOVER_NAME_MAX   255 /* bytes per attachment name, code, key */
/* An upper bound on the canonical bytes of any valid event. */
#define ENG_HANDOVER_BYTES_MAX                                                         \
    (4 + 8 * 7 + 2 + 6 * (4 + ENG_HANDOVER_NAME_MAX) + 4 + ENG_HANDOVER_NOTE_MAX + 4 + \
     ENG_HANDOVER_ATTACH_MAX * (4 + ENG_HANDOVER_NAME_MAX) + ENG_HASH_LEN)

/* Writes the hash of `len` bytes at `data` into `out`. */
typedef void eng_hash_fn(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN]);

/* One event. Strings are borrowed, NUL-terminated UTF-8; NULL reads as "". */
struct eng_handover {
    uint64_t seq;             /* 1, 2, … per dossier */
    int64_t at;               /* instant of the transition */
    int64_t actor;            /* person who acted; 0 for the applicant online */
    const char *dossier_code; /* "" before a code is assigned */
    int64_t from_unit, from_person;
    int64_t to_unit, to_person;
    const char *action; /* eng_action_key(), e.g. "forward" */
    int status_before;  /* national codes 0–10 */
    int status_after;
    const char *verdict; /* eng_verdict_key() of the step handed over, "none" if n/a */
    const char *step_from, *step_to;
    const char *note;
    const char *attachments[ENG_HANDOVER_ATTACH_MAX];
    size_t n_attachments;
    uint8_t prev_hash[ENG_HASH_LEN];
    uint8_t hash[ENG_HASH_LEN]; /* this event's link; not part of the canonical bytes */
};

/*
 * eng_handover_bytes() - the canonical bytes of `ev` into `buf` (`cap`
 * ≥ ENG_HANDOVER_BYTES_MAX always suffices); the length in `*len`.
 *
 * Returns MC_OK, or MC_EINVAL when a field exceeds its limit (note,
 * attachment count or name length, status outside 0–10).
 */
MC_MUST_CHECK enum mc_status eng_handover_bytes(const struct eng_handover *ev, uint8_t *buf,
                                                size_t cap, size_t *len, struct mc_err *err);

/*
 * eng_handover_seal() - chain `ev` after `prev_hash` (NULL = genesis): sets
 * ev->prev_hash and ev->hash = H(canonical bytes).
 * Returns MC_OK or the error of eng_handover_bytes().
 */
MC_MUST_CHECK enum mc_status eng_handover_seal(struct eng_handover *ev,
                                               const uint8_t prev_hash[ENG_HASH_LEN],
                                               eng_hash_fn *hash, void *hash_ctx,
                                               struct mc_err *err);

/*
 * eng_handover_verify() - walk a chain of `n` events in order.
 *
 * Checks for each event: seq is the previous seq + 1 (the first is 1),
 * prev_hash equals the previous event's hash (genesis: zeros), and hash
 * equals H(canonical bytes). Returns MC_OK with *first_bad = n when the
 * chain is whole; MC_ECONFLICT with the index of the first broken event in
 * *first_bad and a message saying which check failed.
 */
MC_MUST_CHECK enum mc_status eng_handover_verify(const struct eng_handover *events, size_t n,
                                                 eng_hash_fn *hash, void *hash_ctx,
                                                 size_t *first_bad, struct mc_err *err);

#endif
