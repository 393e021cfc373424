/* Internal processes (quy trình nội bộ, R2) and their versions (lần ban
 * hành, R4): a graph of steps, each held by a role in a unit for an
 * allotment of working hours. Pure: no I/O.
 *
 * The rules (docs/IMPORT.md "process"): one start step, every next key
 * exists, no cycle (returns to the previous step are marked by may_return,
 * not drawn as edges), every step reachable, hours > 0 in steps of 0.5, and
 * the longest path from start to end within the case's legal limit.
 * A parallel split opens a block: every branch is a chain of steps (one
 * next each, no signature, no nested split) and all branches end at one
 * join step (which other steps, alternatives to the block, may also lead
 * to). An exclusive option may itself be a parallel split: "choose, then
 * run in parallel"; or it may be a parallel option (struct
 * core_parallel_option), a group of next steps that start together, each a
 * branch of a block checked like a split's. The longest path through a block
 * is its longest branch: the critical path.
 *
 * A version moves draft → submitted → approved → effective → superseded and
 * never back; an effective version never changes. Making a version effective
 * supersedes the one in force before it (the store applies both in one
 * transaction).
 *
 * Ownership: pointers are borrowed, as in core/procedure.h. */
#ifndef MC_CORE_PROCESS_H
#define MC_CORE_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/procedure.h"

/* Bounds that keep the checks allocation-free; no real process comes near. */
enum { CORE_PROCESS_MAX_STEPS = 64, CORE_STEP_MAX_NEXT = 8 };

enum core_pv_status {
    CORE_PV_DRAFT,
    CORE_PV_SUBMITTED,
    CORE_PV_APPROVED,
    CORE_PV_EFFECTIVE,
    CORE_PV_SUPERSEDED
};

/* How a step's outgoing flow splits (docs/IMPORT.md "process"):
 * exclusive - the holder forwards to ONE of the next steps (the default);
 * parallel  - forwarding starts every next step at once, each a branch of
 *             its own; the branches meet at one join step, which starts
 *             when the last branch has finished. */
enum core_split { CORE_SPLIT_EXCLUSIVE, CORE_SPLIT_PARALLEL };

/* An option of an exclusive step that opens a parallel block by itself
 * ("choose, then run in parallel" drawn as an exclusive gateway straight
 * into a parallel gateway): choosing it starts every step of `keys` at once,
 * each a branch. The keys are also in the step's next, one after the other
 * and in this order, so next stays the whole graph (docs/ENGINE.md
 * "Parallel branches", docs/IMPORT.md "process"). */
struct core_parallel_option {
    const char **keys;
    size_t nkeys;
};

struct core_step {
    const char *key;
    const char *name;
    const char *role; /* core_role_name(): "reception", "specialist", … */
    const char *unit;
    double hours;
    const char **forms;
    size_t nforms;
    const char **outputs;
    size_t noutputs;
    bool may_return;
    bool requires_signature;
    const char **next;
    size_t nnext;
    enum core_split split;
    /* Exclusive steps only; NULL/0 when every option is one step. */
    const struct core_parallel_option *parallel_options;
    size_t nparallel_options;
};

struct core_process {
    const char *code; /* ISO document code, e.g. QT-07 */
    const char *name;
    int64_t issue;         /* lần ban hành, 1.. */
    const char *effective; /* YYYY-MM-DD or NULL */
    enum core_pv_status status;
    const char *drafter;
    const char *reviewer;
    const char *approver;
    struct core_step *steps;
    size_t nsteps;
};

/* What core_process_check found: the longest path (indexes into steps, in
 * order) and its total. */
struct core_process_totals {
    int64_t longest_half_hours;
    size_t path[CORE_PROCESS_MAX_STEPS];
    size_t npath;
};

/* Check the graph and the longest path against `limit`. Fields are named
 * under `prefix` (e.g. "$.cases[0].process" for a file, "" for a request
 * body): "<prefix>.steps[2].next[0]". The longest-path error is reported on
 * `prefix` itself ("steps" without a prefix) and reads "the longest path a → b → c takes 128
 * working hours, more than the legal limit of 15 working days (120 working hours)" (middle keys
 * elided with … when the message would not fit). On MC_OK, *totals (may be NULL) is filled. Does
 * not allocate beyond the error message. */
enum mc_status core_process_check(const struct core_process *p, struct core_time_limit limit,
                                  const char *prefix, struct core_process_totals *totals,
                                  struct mc_err *err) MC_MUST_CHECK;

/* Same content: code, name, issue, effective date, status, people and every
 * step field, in order. */
bool core_process_equal(const struct core_process *a, const struct core_process *b);

/* May an import bring `incoming` when `stored` has the same code and issue?
 * The content (name and every step) must be equal; the stored version may
 * have moved on in its lifecycle since the file was written (a later status,
 * people and date filled in), but what the file states must agree with it. */
bool core_process_matches(const struct core_process *stored, const struct core_process *incoming);

const char *core_split_name(enum core_split s);
bool core_split_parse(const char *name, enum core_split *out);

/* The join step of the parallel split at index `split` of a checked
 * process: the first step along its first branch that more than one step
 * leads to. -1 if `split` is not a parallel split or the walk finds none. */
int core_process_join_of(const struct core_process *p, size_t split);

/* The join of the parallel option `opt` of step `step` (a checked process):
 * as core_process_join_of, along the option's first branch; -1 if none. */
int core_process_option_join(const struct core_process *p, size_t step, size_t opt);

/* The parallel option of step s that next key `key` belongs to, or -1. */
int core_step_option_of(const struct core_step *s, const char *key);

const char *core_pv_status_name(enum core_pv_status s);
bool core_pv_status_parse(const char *name, enum core_pv_status *out);

/* May a version go from `from` to `to` by an explicit transition? Allowed:
 * draft → submitted → approved → effective. Superseded is reached only as
 * the side effect of another version becoming effective. MC_ECONFLICT names
 * the current state ("version is approved: it cannot become submitted"). */
enum mc_status core_pv_transition(enum core_pv_status from, enum core_pv_status to,
                                  struct mc_err *err) MC_MUST_CHECK;

#endif
