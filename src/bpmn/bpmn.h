/* bpmn - BPMN 2.0 import and export of process definitions (issue 4 §8,
 * docs/BPMN.md).
 *
 * A process version (core/process.h) is drawn as a BPMN process: each step a
 * bpmn:userTask whose motcua:step extension element carries the key, role,
 * unit, hours, forms and outputs; several next steps an exclusive gateway
 * whose flows are conditioned on the outcome (${outcome == "key"}); the
 * allotment also a non-interrupting boundary timer (ISO 8601 duration in
 * working hours) at whose expiry escalation fires. Parallel gateways are read
 * (their branches become next steps); the writer draws exclusive ones only,
 * because the process model does not record the kind of a branch.
 *
 * Import is parse (bpmn_parse_mem: XML to the same struct core_process the
 * JSON decoders build, rejecting everything outside the subset) then check
 * (bpmn_check: core_process_check, its errors moved onto the element that
 * caused them). Every problem names the element and its line, in the form
 * "bpmn:userTask#Task_3 (line 42)".
 *
 * Pure apart from XML parsing: no file or network I/O (XML_PARSE_NONET, no
 * DTD, no entities: a DOCTYPE is rejected before libxml2 sees the bytes).
 * Thread-safe: libxml2 is initialised once, errors go to a per-call context.
 * Ownership: what a model points to lives in the caller's arena; libxml2's
 * own memory never leaves this module. */
#ifndef MC_BPMN_BPMN_H
#define MC_BPMN_BPMN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "core/process.h"

#define BPMN_NS_MODEL  "http://www.omg.org/spec/BPMN/20100524/MODEL"
#define BPMN_NS_MOTCUA "https://motcua.vn/schema/bpmn/1.0"

/* Limits on what an import reads; a real process is a few tens of KiB. */
enum {
    BPMN_MAX_BYTES = 2 * 1024 * 1024, /* the document */
    BPMN_MAX_ELEMENTS = 20000,        /* elements in the whole document, diagram included */
    BPMN_MAX_DEPTH = 32,              /* nesting of elements */
    BPMN_MAX_PROBLEMS = 50,           /* problems listed; more are counted, not kept */
};

/* One thing wrong, on one element. */
struct bpmn_problem {
    const char *element; /* "bpmn:userTask#Task_3", "motcua:step", "document" */
    long line;           /* 1-based; 0 when unknown */
    const char *message;
};

/* An imported process with where each part came from. */
struct bpmn_model {
    struct core_process process;
    /* Per step (same index as process.steps): the element, e.g. "bpmn:userTask#Task_3". */
    const char **step_element;
    long *step_line;
    const char *process_element; /* "bpmn:process#Process_1" */
    long process_line;
    struct bpmn_problem *problems; /* the first BPMN_MAX_PROBLEMS */
    size_t nproblems;
    size_t nproblems_total;
};

/*
 * bpmn_parse_mem() - read a BPMN document into m->process.
 *
 * Checks the subset element by element and keeps going, so one run lists
 * every problem (m->problems). The graph rules and the legal limit are
 * bpmn_check's. A motcua:process extension gives code, issue, status, dates
 * and people; without it they are NULL / 0 / draft.
 *
 * Returns MC_OK; MC_ELIMIT when the document is larger than BPMN_MAX_BYTES
 * or has too many elements or too deep a nesting; MC_EINVAL when any problem
 * was found — err then holds the first, its field the element and line.
 * Allocates in `a` only.
 */
enum mc_status bpmn_parse_mem(const char *data, size_t len, struct mc_arena *a,
                              struct bpmn_model *m, struct mc_err *err) MC_MUST_CHECK;

/*
 * bpmn_check() - the process rules of core_process_check (one start, no
 * cycle, every step reachable, longest path within `limit`) on a parsed
 * model, the error moved onto the element at fault and added to
 * m->problems. *totals (may be NULL) as core_process_check.
 */
enum mc_status bpmn_check(struct bpmn_model *m, struct core_time_limit limit, struct mc_arena *a,
                          struct core_process_totals *totals, struct mc_err *err) MC_MUST_CHECK;

/*
 * bpmn_write() - `p` as a BPMN document with a left-to-right diagram
 * (BPMNDI) that bpmn.io draws, appended to `out`. bpmn_parse_mem() of the
 * result gives back a process equal to `p` (core_process_equal).
 *
 * Returns MC_OK; MC_EINVAL when a text cannot be written as XML 1.0 (a
 * control character), naming the step; MC_ELIMIT when `out`'s cap is hit.
 * `p` should have passed core_process_check (the layout assumes no cycle,
 * but terminates on any input).
 */
enum mc_status bpmn_write(const struct core_process *p, struct mc_buf *out,
                          struct mc_err *err) MC_MUST_CHECK;

/* "bpmn:userTask#Task_3 (line 42)" in `a`: how a problem is named in
 * err->field and in the CLI's output. */
const char *bpmn_problem_where(struct mc_arena *a, const struct bpmn_problem *p);

#endif
