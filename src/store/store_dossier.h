/* Dossiers (0004_dossiers.sql): the record, clocks, handover events, code
 * sequences, counters and idempotency keys.
 *
 * Writes run inside the caller's transaction (store_begin/store_commit):
 * src/engine wraps one transition — state, event, counters, clocks — in
 * one. The engine state (struct eng_dossier) is stored whole as a
 * versioned blob beside the columns projected from it in the same
 * statement. Read models come back as JSON text built in SQL (malloc'd,
 * free()); their shapes are in docs/openapi.yaml. Instants are minutes
 * since the epoch, as in src/core. */
#ifndef MC_STORE_DOSSIER_H
#define MC_STORE_DOSSIER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/dossier_code.h"
#include "core/dossier_rules.h"
#include "core/handover.h"
#include "store/store.h"

enum { STORE_STEPS_MAX = 64 };

/* What a receipt freezes: the procedure, its case and the process version in
 * force, the responsible unit and the case's legal limit. */
struct store_dossier_target {
    int64_t procedure_id;
    int64_t case_id;
    int64_t version_id;
    int64_t unit;          /* the procedure's owning unit (id) */
    int64_t limit_minutes; /* the case's legal time limit in working minutes */
    char agency[14];       /* the agency's QCVN 102 code */
};

/* MC_ENOTFOUND naming `procedure` or `case`; MC_ECONFLICT when the case has
 * no process version in force. case_code NULL: the procedure's first case. */
enum mc_status store_dossier_target(struct store *st, const char *procedure_code,
                                    const char *case_code, struct store_dossier_target *out,
                                    struct mc_err *err) MC_MUST_CHECK;

/* The steps of a process version as the engine sees them (unit ids, roles),
 * in order. */
enum mc_status store_dossier_steps(struct store *st, int64_t version_id, struct eng_step *steps,
                                   size_t cap, size_t *n, struct mc_err *err) MC_MUST_CHECK;

/* A unit's id by code; MC_ENOTFOUND. */
enum mc_status store_unit_id(struct store *st, const char *code, int64_t *id,
                             struct mc_err *err) MC_MUST_CHECK;
/* The one-stop desk (the first unit of kind reception); MC_ENOTFOUND. */
enum mc_status store_desk_unit(struct store *st, int64_t *id, struct mc_err *err) MC_MUST_CHECK;
/* An in-app notification for `person`. */
enum mc_status store_notify(struct store *st, int64_t person, int64_t dossier, const char *kind,
                            const char *message, int64_t now, struct mc_err *err) MC_MUST_CHECK;
/* A person's id by username; MC_ENOTFOUND. */
enum mc_status store_person_id_of(struct store *st, const char *username, int64_t *id,
                                  struct mc_err *err) MC_MUST_CHECK;

struct store_applicant {
    const char *name;
    const char *phone;
    const char *email; /* NULL: none */
    const char *address;
    const char *id_number;
};

/* A dossier row as loaded. */
struct store_dossier {
    int64_t id;
    int64_t version;
    int64_t version_id;
    int64_t procedure_id;
    int64_t unit;
    int64_t limit_minutes;           /* the case's legal time limit */
    char code[ENG_DOSSIER_CODE_MAX]; /* "" when none yet */
    char ref[48];
    char agency[14];
    char phone[24];
    struct eng_dossier state;
};

/* Insert a new dossier (version 1). code may be NULL. */
enum mc_status store_dossier_insert(struct store *st, const struct store_dossier_target *t,
                                    const char *code, const char *ref,
                                    const struct store_applicant *a, const struct eng_dossier *d,
                                    int64_t now, int64_t *id, struct mc_err *err) MC_MUST_CHECK;

/* Write the new state `d` of dossier `id` if its version is still `version`
 * (then version + 1); MC_ECONFLICT otherwise. code NULL keeps the code.
 * `prev` is the state it replaces: indexed columns that did not change are
 * not written. */
enum mc_status store_dossier_update(struct store *st, int64_t id, int64_t version, const char *code,
                                    const struct eng_dossier *prev, const struct eng_dossier *d,
                                    int64_t now, struct mc_err *err) MC_MUST_CHECK;

/* By code or online reference; MC_ENOTFOUND. */
enum mc_status store_dossier_load(struct store *st, const char *code_or_ref,
                                  struct store_dossier *out, struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_dossier_load_id(struct store *st, int64_t id, struct store_dossier *out,
                                     struct mc_err *err) MC_MUST_CHECK;

/* The state blob (exposed for the fuzz and unit tests). pack writes at most
 * STORE_STATE_MAX bytes; unpack fails with MC_EINVAL on anything it did not
 * write. */
enum { STORE_STATE_MAX = 4096 };
size_t store_state_pack(const struct eng_dossier *d, uint8_t *buf);
enum mc_status store_state_unpack(const uint8_t *buf, size_t len, struct eng_dossier *d,
                                  struct mc_err *err) MC_MUST_CHECK;

/* Replace the dossier's parallel-branch rows by d's open block (none when
 * d has no branches). next_rung_at[i] is branch i's next escalation wake-up
 * (0: none). A branch still at the same step keeps its fired rungs; one at
 * a new step starts with none. In the caller's transaction. */
enum mc_status store_dossier_branches_put(struct store *st, int64_t dossier,
                                          const struct eng_dossier *d, const int64_t *next_rung_at,
                                          struct mc_err *err) MC_MUST_CHECK;

/* Next daily sequence number of an agency (1–9999); MC_ELIMIT when full. */
enum mc_status store_code_next(struct store *st, const char *agency, int day, int *seq,
                               struct mc_err *err) MC_MUST_CHECK;

/* ---- the handover log ---- */

/* Last event's seq (0 if none) and hash (zeros if none). */
enum mc_status store_event_last(struct store *st, int64_t dossier, uint64_t *seq,
                                uint8_t hash[ENG_HASH_LEN], struct mc_err *err) MC_MUST_CHECK;
/* Append a sealed event; day = YYYYMMDD of ev->at, finish = verdict key of
 * the dossier when this event finished it, else "none". */
enum mc_status store_event_append(struct store *st, int64_t dossier, const struct eng_handover *ev,
                                  int day, const char *finish, struct mc_err *err) MC_MUST_CHECK;
/* Every event of a dossier in seq order; strings in the arena. */
enum mc_status store_events_load(struct store *st, int64_t dossier, struct mc_arena *a,
                                 struct eng_handover **out, size_t *n,
                                 struct mc_err *err) MC_MUST_CHECK;
/* Every dossier id, ascending. */
enum mc_status store_dossier_ids(struct store *st, struct mc_arena *a, int64_t **ids, size_t *n,
                                 struct mc_err *err) MC_MUST_CHECK;

/* ---- counters ---- */

struct store_counts {
    int64_t received, in_progress, early, on_time, late, paused, online, refused, withdrawn;
};

enum mc_status store_counters_add(struct store *st, int day, int64_t unit, int64_t procedure_id,
                                  int64_t officer, const struct store_counts *c,
                                  struct mc_err *err) MC_MUST_CHECK;
/* Recount the counters from the events (an independent SQL definition) and
 * compare, and the monthly roll-up against the daily rows: *mismatches
 * receives the number of keys that differ. */
enum mc_status store_counters_check(struct store *st, int64_t *mismatches,
                                    struct mc_err *err) MC_MUST_CHECK;

/* ---- clocks ---- */

enum mc_status store_clock_put(struct store *st, int64_t dossier, const char *kind,
                               const char *step, const struct eng_clock *c, uint32_t fired,
                               int64_t next_rung_at, struct mc_err *err) MC_MUST_CHECK;
/* A clock's row as the escalation keeps it: exists false when there is
 * none yet (then fired and next_rung_at are 0). */
struct store_clock_row {
    bool exists;
    uint32_t fired;
    int64_t next_rung_at; /* 0: no rung left */
};
/* Both clock rows of a dossier in one statement: out[0] the dossier's,
 * out[1] the step's. */
enum mc_status store_clocks_get(struct store *st, int64_t dossier, struct store_clock_row out[2],
                                struct mc_err *err) MC_MUST_CHECK;

/* A clock whose next escalation rung is due (clocks.next_rung_at <= now). */
struct store_due_clock {
    int64_t dossier;
    bool step; /* the step clock, else the dossier clock */
    struct eng_clock clock;
    uint32_t fired;
};

/* Up to cap clocks due at `now`, oldest first. */
enum mc_status store_clocks_due(struct store *st, int64_t now, struct store_due_clock *out,
                                size_t cap, size_t *n, struct mc_err *err) MC_MUST_CHECK;
/* Record fired rungs and the next wake-up (0: none). */
enum mc_status store_clock_fire(struct store *st, int64_t dossier, bool step, uint32_t fired,
                                int64_t next_rung_at, struct mc_err *err) MC_MUST_CHECK;
/* A parallel branch whose next escalation rung is due. */
struct store_due_branch {
    int64_t dossier;
    int64_t ord; /* the branch's index in the dossier's block */
    uint32_t fired;
};

/* Up to cap branches due at `now`, oldest first. */
enum mc_status store_branches_due(struct store *st, int64_t now, struct store_due_branch *out,
                                  size_t cap, size_t *n, struct mc_err *err) MC_MUST_CHECK;
/* Record a branch's fired rungs and its next wake-up (0: none). */
enum mc_status store_branch_fire(struct store *st, int64_t dossier, int64_t ord, uint32_t fired,
                                 int64_t next_rung_at, struct mc_err *err) MC_MUST_CHECK;
/* Who escalation reaches in a unit: its heads (role head), or the leaders
 * in charge of it (deputy directors, else the director). Up to cap ids. */
enum mc_status store_unit_heads(struct store *st, int64_t unit, int64_t *out, size_t cap, size_t *n,
                                struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_unit_leaders(struct store *st, int64_t unit, int64_t *out, size_t cap,
                                  size_t *n, struct mc_err *err) MC_MUST_CHECK;

/* ---- notifications ---- */

/* The person's notifications, newest first (unread only if unread_only). */
enum mc_status store_notifications_json(struct store *st, int64_t person, bool unread_only,
                                        char **json, struct mc_err *err) MC_MUST_CHECK;
/* Mark one read; MC_ENOTFOUND unless it is the person's. */
enum mc_status store_notification_read(struct store *st, int64_t person, int64_t id, int64_t now,
                                       struct mc_err *err) MC_MUST_CHECK;

/* ---- the applicant (public, R16) ---- */

/* The public view of a dossier by code (or ref) AND phone: MC_ENOTFOUND
 * unless both match. */
enum mc_status store_public_json(struct store *st, const char *code, const char *phone, char **json,
                                 struct mc_err *err) MC_MUST_CHECK;
/* Rating (kind "rating", score 1–5) or problem report (kind "problem") on
 * a dossier identified by code and phone. Ratings only once the result was
 * returned (status 10) and only once: MC_ECONFLICT. */
enum mc_status store_feedback_add(struct store *st, const char *code, const char *phone,
                                  const char *kind, int score, const char *comment, int64_t now,
                                  struct mc_err *err) MC_MUST_CHECK;

/* ---- idempotency ---- */

/* MC_ENOTFOUND when the caller never used the key; else the stored hash,
 * status and response (malloc'd). */
enum mc_status store_idem_get(struct store *st, const char *caller, const char *key, char hash[65],
                              int *status, char **response, struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_idem_put(struct store *st, const char *caller, const char *key,
                              const char *hash, int status, const char *response, int64_t now,
                              struct mc_err *err) MC_MUST_CHECK;

/* ---- one dossier as typed cells ---- */

/* A value of the dossier read model, named by where it goes in the JSON
 * view: "key" (top level) or "object.key"; an object whose first cell is
 * NULL is null as a whole (no step, no holder…). */
enum store_cell_type { STORE_CELL_NULL, STORE_CELL_INT, STORE_CELL_REAL, STORE_CELL_TEXT };
struct store_cell {
    const char *name;
    bool instant; /* an integer of minutes since the epoch, shown as a time */
    bool json;    /* text that is a JSON value (the lists: branches, next steps) */
    enum store_cell_type type;
    int64_t i;
    double r;
    const char *text; /* valid during the callback only */
};
typedef void store_cell_fn(void *ctx, const struct store_cell *cell);

/* One dossier, docs/openapi.yaml Dossier without what the caller derives
 * (status names, remaining time, allowed actions): `each` is called for
 * every cell in the view's order. The caller formats them (no JSON is built
 * and parsed again in between). MC_ENOTFOUND when there is no such id. */
enum mc_status store_dossier_cells(struct store *st, int64_t id, store_cell_fn *each, void *ctx,
                                   struct mc_err *err) MC_MUST_CHECK;

/* ---- read models (JSON text, malloc'd) ---- */

/* The handover events of a dossier with step, unit and person names. */
enum mc_status store_dossier_events_json(struct store *st, int64_t id, char **json,
                                         struct mc_err *err) MC_MUST_CHECK;
/* Open dossiers held by `person` (holder) or, with person 0, queued in any
 * of `units` (comma-free list of ids) — with their clocks. */
enum mc_status store_inbox_json(struct store *st, int64_t person, const int64_t *units,
                                size_t nunits, char **json, struct mc_err *err) MC_MUST_CHECK;
/* Dossiers received in [from, to) (minutes), Mẫu 06 columns. */
enum mc_status store_register_json(struct store *st, int64_t from, int64_t to, char **json,
                                   struct mc_err *err) MC_MUST_CHECK;
/* The dashboard: on-time rate by unit and month for months [from, to]
 * (YYYYMM), from the monthly roll-up: [{unit, name, month "YYYY-MM",
 * finished, early, on_time, late, on_time_rate}]. */
enum mc_status store_stats_monthly_json(struct store *st, int from_month, int to_month, char **json,
                                        struct mc_err *err) MC_MUST_CHECK;

/* ---- drill-down and the control team's list (store_dossier_list.c) ---- */

/* What GET /api/dossiers filters on; 0 / NULL: no filter. */
struct store_dossier_filter {
    const char *outcome;  /* early, on_time, late, in_progress, overdue; NULL: received */
    int from_day, to_day; /* YYYYMMDD, both included */
    int64_t from_minute;  /* the same period in minutes, [from, to) */
    int64_t to_minute;
    int64_t unit;               /* responsible unit id */
    int64_t procedure;          /* procedure id */
    int64_t officer;            /* person id: finishing actor, or holder of an open dossier */
    const char *readable_units; /* JSON array of unit codes the caller reads; NULL: every unit */
    int64_t caller;             /* the caller's person id: what he or she holds is readable */
    int64_t cap;                /* at most this many rows, newest first */
};

/* The dossiers matching f with their clocks (not derived): a JSON array. */
enum mc_status store_dossier_list_json(struct store *st, const struct store_dossier_filter *f,
                                       char **json, struct mc_err *err) MC_MUST_CHECK;
/* A procedure's id by code; MC_ENOTFOUND. */
enum mc_status store_procedure_id(struct store *st, const char *code, int64_t *id,
                                  struct mc_err *err) MC_MUST_CHECK;
/* Statistics by "unit", "officer", "procedure" or "month" for days
 * [from_day, to_day] (the same period in minutes [from_minute, to_minute)),
 * of one unit (id) or all (0), counting only the units whose codes are in
 * `units` (a JSON array; NULL: every unit): the counters' sums plus `open`,
 * the dossiers received in the period that are still open. */
enum mc_status store_stats_by_json(struct store *st, const char *by, int from_day, int to_day,
                                   int64_t from_minute, int64_t to_minute, int64_t unit,
                                   const char *units, char **json,
                                   struct mc_err *err) MC_MUST_CHECK;
/* Mark every unread notification of the person read; *n = how many. */
enum mc_status store_notifications_read_all(struct store *st, int64_t person, int64_t now,
                                            int64_t *n, struct mc_err *err) MC_MUST_CHECK;

#endif
