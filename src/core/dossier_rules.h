/* dossier_rules - the one-stop lifecycle as a pure decision function
 * (domain.md §1.3–1.10; issue 4 §1–3).
 *
 *     eng_decide(dossier, request, context) → next dossier + effects
 *                                           | an error naming why not
 *
 * The engine layer loads the dossier, the step of the frozen process
 * version it is at, and the actor's roles; calls eng_decide(); then, in one
 * transaction, stores `next`, appends the handover event and performs the
 * effects (code, forms, notifications, counters). Nothing here reads a
 * clock, a database or the network: `now`, the rule set and the
 * working-time calendar come in the context.
 *
 * Who may act (the control team — Tổ kiểm soát — never acts):
 *   desk actions     reception (cán bộ một cửa) of the dossier's desk unit
 *   step actions     a holder of the step's role in the step's unit; once
 *                    the head has assigned the dossier, only the assignee
 *   assign           head / deputy head of the step's unit
 *   consult answer   head, deputy head or specialist of the consulted unit
 *   apology          head / deputy head of the step's unit, or a director /
 *                    deputy director
 *   submit online    the applicant; withdraw: the applicant, or reception
 *                    recording the applicant's request
 *   open case        head, deputy head or specialist of the item's owning
 *                    unit (req.desk_unit), or a director / deputy director;
 *                    on an internal case the "desk" actions belong to the
 *                    head / deputy head of that unit (there is no desk)
 * The full table is in docs/ENGINE.md.
 *
 * Errors: MC_EPERM (role), MC_ECONFLICT (not possible in this status or at
 * this time: terminal status, apology twice or too late, supplement window
 * passed, consultations pending), MC_EINVAL (the request is malformed: no
 * reason, nothing listed as missing, a target that is not a next step),
 * MC_ELIMIT (a fixed-size list is full). On error `*next` equals `*cur`.
 * Nothing allocates; every struct is plain data the engine may persist. */
#ifndef MC_CORE_DOSSIER_RULES_H
#define MC_CORE_DOSSIER_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/clock.h"
#include "core/dossier_status.h"
#include "core/role.h"
#include "core/ruleset.h"
#include "core/worktime.h"

#define ENG_KEY_MAX          32 /* step keys, bytes incl. NUL */
#define ENG_NEXT_MAX         8  /* outgoing edges of a step */
#define ENG_PATH_MAX         16 /* steps remembered for "return to previous" */
#define ENG_CONSULT_MAX      8  /* units consulted in parallel */
#define ENG_ACTOR_GRANTS_MAX 8
#define ENG_BRANCH_MAX       8 /* branches of one parallel block (= ENG_NEXT_MAX) */

/* KenhThucHien codes of the national portal (domain.md §1.2). */
enum eng_channel {
    /* Not a KenhThucHien code: an internal case (hồ sơ công việc), opened
     * by unit staff for an internal work item, never reported nationally. */
    ENG_CHANNEL_INTERNAL = 0,
    ENG_CHANNEL_DESK = 1,   /* Trực tiếp */
    ENG_CHANNEL_ONLINE = 2, /* Trực tuyến */
    ENG_CHANNEL_POST = 3,   /* Qua bưu chính công ích */
};

enum eng_action {
    ENG_ACT_SUBMIT_ONLINE,       /* applicant: none → 1 */
    ENG_ACT_RECEIVE,             /* desk, paper complete: none → 2, code + appointment */
    ENG_ACT_ACCEPT,              /* desk, online: 1 → 2, code + appointment */
    ENG_ACT_REFUSE_RECEIPT,      /* desk: none | 1 → 3 (Mẫu 03, reason) */
    ENG_ACT_DESK_SUPPLEMENT,     /* desk: none → none (Mẫu 02, no record) | 1 → 5 */
    ENG_ACT_TRANSFER,            /* desk: 2 → 4 at the first step (Điều 18) */
    ENG_ACT_ASSIGN,              /* head: the step's holder (Điều 19.1) */
    ENG_ACT_FORWARD,             /* step → one of its next steps */
    ENG_ACT_RETURN_PREV,         /* step → the step before it, if it may return */
    ENG_ACT_CONSULT,             /* step asks units in parallel (Điều 19.5) */
    ENG_ACT_CONSULT_ANSWER,      /* a consulted unit answers */
    ENG_ACT_SEND_OTHER_AGENCY,   /* liên thông (Điều 19.6–7) */
    ENG_ACT_BACK_FROM_AGENCY,    /* the other agency's part is back */
    ENG_ACT_REQUEST_SUPPLEMENT,  /* 4 → 5 after appraisal (Điều 19.4) */
    ENG_ACT_SUPPLEMENT_RECEIVED, /* desk: 5 → 4 (or → 1 for a desk request) */
    ENG_ACT_REQUEST_PAYMENT,     /* 4 → 6, clocks paused */
    ENG_ACT_PAID,                /* desk: 6 → 4 */
    ENG_ACT_APPROVE,             /* signing step: approve; → next step or → 9 */
    ENG_ACT_REFUSE,              /* signing step: 4 → 8 (Mẫu 03, Điều 19.8) */
    ENG_ACT_RESULT_READY,        /* approved result back at the desk: 4 → 9 */
    ENG_ACT_RETURN_RESULT,       /* desk: 9 → 10 */
    ENG_ACT_WITHDRAW,            /* applicant's request: 1,2,4,5,6 → 7 */
    ENG_ACT_APOLOGIZE,           /* Mẫu 04: new appointment, once (Điều 19.9) */
    ENG_ACT_OPEN_CASE,           /* unit staff: none → 4 at the first step (internal case) */
};
#define ENG_ACT_COUNT 24

const char *eng_action_key(enum eng_action a);
bool eng_action_parse(const char *key, enum eng_action *out);

enum eng_actor_kind {
    ENG_ACTOR_STAFF,
    ENG_ACTOR_APPLICANT, /* tổ chức, cá nhân: only submits and withdraws */
};

struct eng_grant {
    enum core_role role;
    int64_t unit;
};

struct eng_actor {
    enum eng_actor_kind kind;
    int64_t person; /* staff id; 0 for an applicant */
    struct eng_grant grants[ENG_ACTOR_GRANTS_MAX];
    size_t n_grants;
};

/* The current step as the process definition (frozen for this dossier)
 * describes it. The engine resolves it from the dossier's process version. */
struct eng_step {
    char key[ENG_KEY_MAX];
    enum core_role role; /* who works the step */
    int64_t unit;        /* in which unit */
    int64_t allot_minutes;
    bool may_return;         /* may send the dossier back to the previous step */
    bool requires_signature; /* its outcome is signed: approve and refuse happen here */
    char next[ENG_NEXT_MAX][ENG_KEY_MAX];
    size_t n_next; /* 0: the last step; approving here makes the result ready */
    bool parallel; /* forwarding starts every next step as a branch (core/process.h) */
    /* An exclusive step's parallel options (core/process.h struct
     * core_parallel_option): option[k] = g >= 1 when next[k] belongs to
     * option g, 0 when next[k] is an option alone. Forwarding to any step
     * of option g starts every step of it as a branch. */
    uint8_t option[ENG_NEXT_MAX];
};

/* One branch of an open parallel block: its step, holder and clock, kept
 * like the dossier's own current step. A branch is a chain of steps (the
 * process check guarantees it), so the step before a branch step is the
 * one step that leads to it. */
struct eng_branch {
    char step[ENG_KEY_MAX];
    enum core_role role;
    int64_t unit;
    int64_t holder;         /* 0 = the unit's queue */
    struct eng_clock clock; /* the branch step's allotment */
    bool done;              /* reached the join; waits for the others */
};

struct eng_consult {
    int64_t unit;
    int64_t deadline;    /* instant */
    int64_t answered_at; /* 0 while open */
};

struct eng_dossier {
    enum eng_status status;
    enum eng_stage stage;
    enum eng_channel channel;
    char ruleset[ENG_RULESET_KEY_MAX]; /* frozen at receipt */
    int64_t desk_unit;                 /* the one-stop desk that received it */
    int64_t submitted_at;              /* online submission, 0 at the counter */
    int64_t received_at;               /* receipt (code date, clock start), 0 before */
    int64_t transfer_by;               /* Điều 18 deadline for the transfer */
    int64_t legal_due_at;   /* end of the legal time limit; moves on supplement, not on apology */
    int64_t due_at;         /* appointment shown to the applicant (ngày hẹn trả) */
    int64_t first_due_at;   /* appointment at receipt, for QĐ 766 (NgayHenTra) */
    struct eng_clock clock; /* the dossier's legal time limit */
    struct eng_clock step_clock; /* the current step's allotment */
    char step[ENG_KEY_MAX];      /* "" when not at a step */
    int64_t step_unit;
    int64_t holder; /* person holding the step; 0 = the unit's queue */
    char path[ENG_PATH_MAX][ENG_KEY_MAX];
    size_t path_len; /* steps behind the current one, oldest first */
    struct eng_consult consults[ENG_CONSULT_MAX];
    size_t n_consults;
    char other_agency[14];
    int64_t other_agency_due;
    int apologies;
    int64_t apology_at;
    int desk_supplements;     /* before acceptance (Điều 15.3, 17.2) */
    int supplement_requests;  /* after appraisal (Điều 19.4); 766 counts these */
    int64_t supplement_since; /* open request, 0 if none */
    int64_t supplement_wait;  /* wall minutes between requests and completions (766) */
    bool approved;
    int64_t finished_at;         /* status 8 or 9 (766 end time) */
    enum eng_verdict verdict;    /* the dossier's, set when it finishes */
    char late_step[ENG_KEY_MAX]; /* first step whose allotment overran */
    int64_t late_person;
    /* An open parallel block (docs/ENGINE.md "Parallel branches"): every
     * branch is active at once; step/step_unit/holder/step_clock above
     * mirror the first branch not done, so that views of one current step
     * keep working. The block closes at `join` when the last branch is
     * done. n_branches = 0 outside a block. */
    char join[ENG_KEY_MAX];
    struct eng_branch branches[ENG_BRANCH_MAX];
    size_t n_branches;
};

struct eng_consult_req {
    int64_t unit;
    int64_t allot_minutes;
};

struct eng_request {
    enum eng_action action;
    struct eng_actor actor;
    /* submit / receive */
    enum eng_channel channel;
    int64_t desk_unit;
    /* receive / accept: the legal time limit of the procedure's case, and
     * optionally the appointment the calendar computed (0: now + limit). */
    int64_t budget_minutes;
    int64_t appointment;
    /* refusals, withdrawal, apology */
    const char *reason;
    /* supplement requests: every missing component, all at once (Điều 15.3) */
    const char *const *missing;
    size_t n_missing;
    int64_t assignee;
    struct eng_consult_req consults[ENG_CONSULT_MAX];
    size_t n_consults;
    int64_t consult_unit; /* consult answer */
    const char *agency;   /* liên thông: the other agency's code */
    int64_t agency_minutes;
    int64_t new_due_at; /* apology */
    bool signature;     /* the actor signed the outcome (signing steps) */
};

struct eng_context {
    int64_t now;
    const struct eng_ruleset *rules;
    const struct eng_worktime *wt;
    const struct eng_step *step;   /* the step the dossier is at, NULL if none */
    const struct eng_step *target; /* transfer, forward, return, approve: where to */
    /* Every step of the frozen version (may be NULL when none is needed):
     * a parallel split starts each of its next steps, and the block's join
     * and a branch step's predecessor are found here. */
    const struct eng_step *steps;
    size_t n_steps;
};

/* What the engine must do besides storing `next`. */
enum eng_effect {
    ENG_FX_RECORD = 1 << 0,          /* store the dossier (unset: counter guidance only) */
    ENG_FX_HANDOVER = 1 << 1,        /* append a handover event */
    ENG_FX_CODE = 1 << 2,            /* allocate the daily sequence, make the code */
    ENG_FX_FORM_RECEIPT = 1 << 3,    /* Mẫu 01 */
    ENG_FX_FORM_SUPPLEMENT = 1 << 4, /* Mẫu 02, listing req.missing */
    ENG_FX_FORM_REFUSAL = 1 << 5,    /* Mẫu 03, with req.reason */
    ENG_FX_FORM_APOLOGY = 1 << 6,    /* Mẫu 04 */
    ENG_FX_NOTIFY_APPLICANT = 1 << 7,
    ENG_FX_NOTIFY_HOLDER = 1 << 8,    /* the new holder / unit / consulted units */
    ENG_FX_NOTIFY_DESK_HEAD = 1 << 9, /* consultation past its deadline (Điều 19.5) */
    ENG_FX_CLOCK_RESTARTED = 1 << 10, /* clear the dossier clock's fired rungs */
    ENG_FX_STEP_CHANGED = 1 << 11,    /* new step clock: clear its fired rungs */
    ENG_FX_FINISHED = 1 << 12,        /* first terminal point: count the verdict */
};

struct eng_effects {
    unsigned flags;
    /* for the handover event */
    int64_t from_unit, from_person;
    int64_t to_unit, to_person;
    enum eng_verdict step_verdict; /* of the hop handed over (Mẫu 05 column 3) */
    /* consulted units whose deadline passed unanswered (Điều 19.5) */
    int64_t lapsed[ENG_CONSULT_MAX];
    size_t n_lapsed;
    /* Inside a parallel block: the branch step handed over and the step it
     * went to (the join while others still run); "" otherwise, when the
     * event takes the dossier's step before and after. */
    char step_from[ENG_KEY_MAX];
    char step_to[ENG_KEY_MAX];
    /* A parallel split: the units of every branch started (all notified). */
    int64_t started[ENG_BRANCH_MAX];
    size_t n_started;
};

/*
 * eng_check() - may `actor` take `action` on `cur` now? Checks the status,
 * the stage and the role, not the request's payload. For the API's list of
 * possible actions and for a quick 403/409 before decoding a body.
 */
MC_MUST_CHECK enum mc_status eng_check(const struct eng_dossier *cur, enum eng_action action,
                                       const struct eng_actor *actor, const struct eng_context *ctx,
                                       struct mc_err *err);

/* Bit i set when eng_check() allows action i. */
uint32_t eng_allowed_actions(const struct eng_dossier *cur, const struct eng_actor *actor,
                             const struct eng_context *ctx);

/*
 * eng_decide() - apply `req` to `cur`: on MC_OK, `*next` is the new state and
 * `*fx` what the engine must do; otherwise `*next` is a copy of `*cur`, `*fx`
 * is empty and `err` names why. `cur` and `next` may not alias.
 */
MC_MUST_CHECK enum mc_status eng_decide(const struct eng_dossier *cur,
                                        const struct eng_request *req,
                                        const struct eng_context *ctx, struct eng_dossier *next,
                                        struct eng_effects *fx, struct mc_err *err);

/* The open (not done) branch at step `key`, or -1. */
int eng_branch_find(const struct eng_dossier *d, const char *key);

/* The step an action of `actor` is about: outside a block the dossier's
 * step; inside one, the first open branch whose step the actor holds
 * (role in its unit, and its holder if assigned) or heads, else the
 * dossier's step (the first open branch). */
const char *eng_branch_for(const struct eng_dossier *d, const struct eng_actor *actor);

/* The step before `key` inside a branch: the one step of `steps` leading to
 * it; NULL if none or if that step is the parallel split (a branch's first
 * step returns nowhere: its previous step opened the block). */
const struct eng_step *eng_branch_prev(const struct eng_step *steps, size_t n, const char *key);

/* NĐ 61 Điều 18: the instant by which the desk must transfer a dossier
 * received at `received` through channel `ch` on calendar `wt` (the end of
 * that working day; for paper after the rule set's cut-off, the start of the
 * next working day). Stored as transfer_by at receipt; recomputed when the
 * agency calendar changes (core/reschedule.h). */
int64_t eng_transfer_deadline(const struct eng_ruleset *rules, const struct eng_worktime *wt,
                              int64_t received, enum eng_channel ch);

/* A fresh dossier record (status none). */
void eng_dossier_init(struct eng_dossier *d);

/* The QĐ 766 input of a dossier for a period ending at `period_end`. */
void eng_dossier_766(const struct eng_dossier *d, const struct eng_ruleset *rules,
                     int64_t period_end, struct eng_766_input *out);

#endif
