/* Private to src/bpmn: the flow graph as read from the document, before it
 * is folded into steps with next lists. Everything lives in the arena. */
#ifndef MC_BPMN_INT_H
#define MC_BPMN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpmn/bpmn.h"

/* BPMN_OTHER: an element already reported as outside the subset; flows to it
 * resolve so that they are not reported a second time. */
enum bpmn_kind { BPMN_START, BPMN_END, BPMN_TASK, BPMN_XOR, BPMN_AND, BPMN_TIMER, BPMN_OTHER };

/* Caps on the graph that keep the folding quadratic at worst. */
enum { BPMN_MAX_NODES = 512, BPMN_MAX_FLOWS = 1024 };

struct bpmn_node {
    enum bpmn_kind kind;
    const char *id;
    const char *element; /* "bpmn:userTask#Task_3" */
    long line;
    int step;               /* tasks: index into the steps; else -1 */
    const char *attached;   /* timers: attachedToRef */
    int64_t timer_halves;   /* timers: the duration in half working hours */
    bool has_halves;        /* tasks: motcua:step gave hours */
    const char *default_id; /* exclusive gateways: the default flow, if any */
    size_t nin, nout;
};

struct bpmn_flow {
    const char *id;
    const char *element;
    long line;
    const char *source_id, *target_id;
    int source, target;  /* node indexes, -1 while unresolved */
    const char *outcome; /* the step key of ${outcome == "key"}, or NULL */
};

struct bpmn_graph {
    struct bpmn_node nodes[BPMN_MAX_NODES];
    size_t nnodes;
    struct bpmn_flow flows[BPMN_MAX_FLOWS];
    size_t nflows;
    size_t nsteps;
    struct core_step steps[CORE_PROCESS_MAX_STEPS];
    int step_node[CORE_PROCESS_MAX_STEPS];
    /* The parallel gateway that opens parallel option o of step i (an
     * exclusive gateway's flow straight into it), for messages. */
    int option_gate[CORE_PROCESS_MAX_STEPS][CORE_STEP_MAX_NEXT];
    bool too_many_steps, too_many_nodes, too_many_flows;
};

/* Record a problem on `element` at `line` (bpmn_util.c). */
void bpmn_problem_add(struct bpmn_model *m, struct mc_arena *a, const char *element, long line,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Fill err from m->problems[0] (MC_EINVAL) and return its code. */
enum mc_status bpmn_fail_first(const struct bpmn_model *m, struct mc_arena *a, struct mc_err *err);

/* "PT35H30M" → 71 half hours. Hours and minutes only (a "day" is ambiguous
 * in working time); the total must be a positive multiple of 30 minutes. */
bool bpmn_duration_parse(const char *s, int64_t *halves);
/* "35.5" → 71; a positive decimal in steps of 0.5, at most 2000. */
bool bpmn_hours_parse(const char *s, int64_t *halves);

/* The subset's structure (bpmn_check.c): one start event, flows between
 * known nodes, gateways with flows in and out, timers on tasks; then each
 * task's next steps through the gateways after it. Problems go to m. */
void bpmn_graph_fold(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a);

/* After the fold (bpmn_gateways.c): refuse every gateway shape whose BPMN
 * meaning differs from what the folded steps run (docs/BPMN.md). */
void bpmn_gateways_check(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a);

#endif
