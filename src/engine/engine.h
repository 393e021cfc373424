/* The dossier engine: runs dossiers through their frozen process version.
 *
 * Each function here loads what eng_decide() needs through the store
 * (dossier, steps of its version, rule set, the actor's grants as unit ids),
 * calls eng_decide() — the only place the lifecycle rules live — and writes
 * the new state, the sealed handover event, the counters and the clocks.
 * They run inside the CALLER's store transaction (store_begin/commit), so
 * that the HTTP layer can put the idempotency record and the response into
 * the same transaction; on an error the caller rolls back and nothing of
 * the transition remains. `now` (minutes since the epoch) is read once per
 * request by the caller. docs/ENGINE.md "Persistence" has the decisions. */
#ifndef MC_ENGINE_ENGINE_H
#define MC_ENGINE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/dossier_rules.h"
#include "core/escalation.h"
#include "core/handover.h"
#include "core/scope.h"
#include "store/store.h"
#include "store/store_dossier.h"

/* Shared, immutable after start: the calendar seam, the hash of the
 * handover chain (libsodium lives in http/ and cli/) and the ladder. */
struct engine {
    struct eng_worktime wt;
    eng_hash_fn *hash;
    void *hash_ctx;
    const struct eng_rung *rungs;
    size_t nrungs;
};

/* Who acts, with grants as unit ids (eng_decide's terms). */
struct engine_actor {
    struct eng_actor eng;
};

/* Staff: person id and (role, unit code) grants as core/scope.h has them. */
enum mc_status engine_actor_staff(struct store *st, int64_t person, const struct core_grant *grants,
                                  size_t ngrants, struct engine_actor *out,
                                  struct mc_err *err) MC_MUST_CHECK;
void engine_actor_applicant(struct engine_actor *out);

enum { ENGINE_LIST_MAX = 16 };

/* One request on a dossier, decoded from the API body (http/action_in.c)
 * without a database: names, not ids. Strings are borrowed. */
struct engine_action {
    enum eng_action action;
    int64_t version;      /* the version the caller saw (optimistic concurrency) */
    const char *target;   /* step key: transfer, forward, return_previous, approve */
    const char *branch;   /* inside a parallel block: the branch's step (else the caller's) */
    const char *assignee; /* username */
    const char *reason;
    const char *note;
    const char *missing[ENGINE_LIST_MAX];
    size_t n_missing;
    const char *attachments[ENGINE_LIST_MAX];
    size_t n_attachments;
    struct {
        const char *unit; /* unit code */
        int64_t minutes;  /* working minutes to answer */
    } consults[ENG_CONSULT_MAX];
    size_t n_consults;
    const char *consult_unit; /* consult_answer: the answering unit */
    const char *agency;       /* send_other_agency */
    int64_t agency_minutes;
    int64_t new_due_at; /* apologize: minutes since the epoch */
    bool signature;
};

/* A new dossier: at the desk (receive, refuse_receipt, desk_supplement) or
 * online (submit_online). */
struct engine_receipt {
    enum eng_action action;
    enum eng_channel channel;
    const char *procedure;
    const char *case_code; /* NULL: the procedure's first case */
    const char *ref;       /* unique public reference made by the caller */
    struct store_applicant applicant;
    const char *reason;
    const char *note;
    const char *missing[ENGINE_LIST_MAX];
    size_t n_missing;
    const char *attachments[ENGINE_LIST_MAX];
    size_t n_attachments;
};

struct engine_result {
    int64_t dossier; /* 0 when nothing was recorded (desk supplement at the counter) */
    struct eng_dossier state;
    struct eng_effects fx;
    char code[ENG_DOSSIER_CODE_MAX];
};

enum mc_status engine_receive(const struct engine *e, struct store *st,
                              const struct engine_actor *who, const struct engine_receipt *r,
                              int64_t now, struct engine_result *out,
                              struct mc_err *err) MC_MUST_CHECK;

/* An internal case (hồ sơ công việc) for an internal work item: opened by
 * unit staff, no applicant, starts at the first step of the item's process
 * version in force (docs/ENGINE.md §11). Strings are borrowed. */
struct engine_case {
    const char *item;      /* the internal work item's code */
    const char *case_code; /* NULL: the item's first case */
    const char *subject;   /* what this case is about (1–500 bytes) */
    const char *note;      /* NULL or the opening event's note */
    const char *ref;       /* unique reference made by the caller */
    /* The recurrence sweep: the period it claimed for this case. NULL: the
     * case is opened by hand, and for an item with a recurrence rule
     * engine_open_case records it as the case of the period whose opening
     * window holds `now`, unless that period has its case already
     * (engine_recur_adopt; docs/ENGINE.md §11). */
    const char *period;
};

/* The caller (`who`, a staff actor) becomes the case's initiator. The HTTP
 * layer checks the unit scope; eng_decide checks the role. */
enum mc_status engine_open_case(const struct engine *e, struct store *st,
                                const struct engine_actor *who, const struct engine_case *c,
                                int64_t now, struct engine_result *out,
                                struct mc_err *err) MC_MUST_CHECK;

/* MC_ENOTFOUND for an unknown dossier, MC_ECONFLICT for a stale version,
 * else what eng_decide() says. */
enum mc_status engine_act(const struct engine *e, struct store *st, const struct engine_actor *who,
                          const char *code_or_ref, const struct engine_action *a, int64_t now,
                          struct engine_result *out, struct mc_err *err) MC_MUST_CHECK;

/* The actions `who` may take on the loaded dossier now (bit i = action i). */
enum mc_status engine_allowed(const struct engine *e, struct store *st,
                              const struct engine_actor *who, const struct store_dossier *d,
                              int64_t now, uint32_t *mask, struct mc_err *err) MC_MUST_CHECK;
/* The same from the steps of d's process version (store_dossier_steps),
 * without reading the store: for an answer rendered after its transition
 * committed, from what the transition captured. */
uint32_t engine_allowed_steps(const struct engine *e, const struct eng_step *steps, size_t n,
                              const struct engine_actor *who, const struct store_dossier *d,
                              int64_t now);

/* The counter deltas of one transition (the C definition; the store
 * recounts with its own SQL definition, store_counters_check). */
void engine_counts_of(enum eng_action action, enum eng_status before,
                      const struct eng_dossier *next, const struct eng_effects *fx,
                      struct store_counts *out);

/* Check every dossier's chain; *bad_dossier / *bad_seq name the first broken
 * event (0 when all verify), *checked counts events. */
enum mc_status engine_verify(const struct engine *e, struct store *st, int64_t *bad_dossier,
                             uint64_t *bad_seq, char *why, size_t why_len, int64_t *checked,
                             struct mc_err *err) MC_MUST_CHECK;

/* Fire due escalation rungs of every clock whose next rung is at or before
 * `now`: writes notifications and the fired mask in one transaction (its
 * own). *fired receives the number of notifications written. */
enum mc_status engine_escalate(const struct engine *e, struct store *st, int64_t now,
                               int64_t *fired, struct mc_err *err) MC_MUST_CHECK;

#endif
