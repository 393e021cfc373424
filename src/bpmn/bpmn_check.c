/* The subset's structure and the fold of the flow graph into steps: each
 * user task's next steps are the tasks reached through the gateways after
 * it. Then bpmn_check runs core_process_check, the same rules as a JSON
 * import, and moves its error onto the element at fault. */
#include <string.h>

#include "bpmn/bpmn_int.h"

static int node_index(const struct bpmn_graph *g, const char *id)
{
    for (size_t i = 0; id != NULL && i < g->nnodes; i++) {
        if (strcmp(g->nodes[i].id, id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static void flow_problem(struct bpmn_model *m, struct mc_arena *a, const struct bpmn_flow *f,
                         const char *msg)
{
    bpmn_problem_add(m, a, f->element, f->line, "%s", msg);
}

/* sourceRef and targetRef name flow nodes that may be joined this way. */
static void resolve_flow(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                         struct bpmn_flow *f)
{
    f->source = node_index(g, f->source_id);
    f->target = node_index(g, f->target_id);
    if (f->source < 0 || f->target < 0) {
        flow_problem(m, a, f,
                     f->source < 0 ? "has a sourceRef that names no element of this process"
                                   : "has a targetRef that names no element of this process");
        return;
    }
    enum bpmn_kind s = g->nodes[f->source].kind, t = g->nodes[f->target].kind;
    if (s == BPMN_OTHER || t == BPMN_OTHER) {
        return; /* already reported on the element */
    }
    if (s == BPMN_END) {
        flow_problem(m, a, f, "leaves an end event");
    } else if (s == BPMN_TIMER) {
        flow_problem(m, a, f,
                     "leaves a boundary timer: escalation notifies, it does not move the dossier");
    } else if (t == BPMN_START) {
        flow_problem(m, a, f, "enters a start event");
    } else if (t == BPMN_TIMER) {
        flow_problem(m, a, f, "enters a boundary timer");
    } else if (f->outcome != NULL && s != BPMN_XOR) {
        flow_problem(m, a, f,
                     "has a condition but does not leave an exclusive gateway (a parallel "
                     "gateway takes every flow)");
    } else if (f->outcome != NULL && t == BPMN_TASK &&
               strcmp(f->outcome, g->steps[g->nodes[f->target].step].key) != 0) {
        bpmn_problem_add(m, a, f->element, f->line,
                         "has the outcome \"%s\" but leads to the step %s: the outcome names the "
                         "step the holder forwards to",
                         f->outcome, g->steps[g->nodes[f->target].step].key);
    }
    g->nodes[f->source].nout++;
    g->nodes[f->target].nin++;
}

/* A timer's duration is the task's allotment: it fills a missing hours and
 * must agree with a given one. */
static void attach_timer(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                         const struct bpmn_node *t, bool *timed)
{
    int k = node_index(g, t->attached);
    if (k < 0 || g->nodes[k].kind != BPMN_TASK) {
        bpmn_problem_add(m, a, t->element, t->line,
                         "must be attached to a user task of this process (attachedToRef)");
        return;
    }
    if (timed[k]) {
        bpmn_problem_add(m, a, t->element, t->line, "is a second boundary timer on %s",
                         g->nodes[k].element);
        return;
    }
    timed[k] = true;
    struct core_step *s = &g->steps[g->nodes[k].step];
    if (t->timer_halves <= 0) {
        return; /* its duration was reported */
    }
    if (!g->nodes[k].has_halves) {
        s->hours = (double)t->timer_halves / 2.0;
        g->nodes[k].has_halves = true;
    } else if ((int64_t)(s->hours * 2.0) != t->timer_halves) {
        bpmn_problem_add(m, a, t->element, t->line,
                         "lasts %lld.%s working hours but the step's motcua:step hours are %g: the "
                         "timer is the step's allotment",
                         (long long)(t->timer_halves / 2), t->timer_halves % 2 ? "5" : "0",
                         s->hours);
    }
}

/* Per node kind: how many flows may come in and go out. */
static void check_node(struct bpmn_model *m, struct mc_arena *a, const struct bpmn_node *n)
{
    const char *msg = NULL;
    switch (n->kind) {
    case BPMN_START:
        msg = n->nin         ? "has an incoming flow: nothing comes before the start"
              : n->nout == 0 ? "has no outgoing flow"
                             : NULL;
        break;
    case BPMN_END:
        msg = n->nin == 0 ? "has no incoming flow" : NULL;
        break;
    case BPMN_TASK:
        msg = n->nout == 0 ? "has no outgoing flow: draw one to the next step or to an end event"
                           : NULL;
        break;
    case BPMN_XOR:
    case BPMN_AND:
        msg = n->nout == 0  ? "is a gateway without outgoing flows"
              : n->nin == 0 ? "is a gateway without incoming flows"
                            : NULL;
        break;
    case BPMN_TIMER:
    case BPMN_OTHER:
        break;
    }
    if (msg != NULL) {
        bpmn_problem_add(m, a, n->element, n->line, "%s", msg);
    }
}

struct frame {
    int node;
    size_t flow; /* the next flow to look at */
};

/* The tasks reached from node `from` through gateways only, depth first in
 * the order of the flows in the document (so an exported file folds back to
 * the same next lists); *ends when an end event is reached that way. */
struct reached {
    bool ends;      /* an end event */
    bool and_split; /* through a parallel gateway with several outgoing flows */
    bool xor_split; /* through an exclusive gateway with several outgoing flows */
};

/* `forks` (may be NULL) receives the parallel gateways with several
 * outgoing flows reached behind an exclusive split, in the order met. */
static size_t reach(const struct bpmn_graph *g, int from, int *out, size_t cap, struct reached *how,
                    bool *seen, struct frame *stack, int *forks, size_t *nforks)
{
    memset(seen, 0, g->nnodes * sizeof(*seen));
    size_t n = 0, sp = 0;
    *how = (struct reached){ false, false, false };
    if (nforks) {
        *nforks = 0;
    }
    stack[sp++] = (struct frame){ .node = from, .flow = 0 };
    seen[from] = true;
    while (sp > 0) {
        struct frame *top = &stack[sp - 1];
        size_t k = top->flow;
        while (k < g->nflows && (g->flows[k].source != top->node || g->flows[k].target < 0)) {
            k++;
        }
        if (k == g->nflows) {
            sp--;
            continue;
        }
        top->flow = k + 1;
        int v = g->flows[k].target;
        if (seen[v]) {
            continue;
        }
        seen[v] = true;
        enum bpmn_kind kind = g->nodes[v].kind;
        if (kind == BPMN_XOR || kind == BPMN_AND) {
            if (forks && kind == BPMN_AND && g->nodes[v].nout > 1 && how->xor_split &&
                *nforks < CORE_STEP_MAX_NEXT) {
                forks[(*nforks)++] = v;
            }
            how->and_split |= kind == BPMN_AND && g->nodes[v].nout > 1;
            how->xor_split |= kind == BPMN_XOR && g->nodes[v].nout > 1;
            stack[sp++] = (struct frame){ .node = v, .flow = 0 };
        } else if (kind == BPMN_END) {
            how->ends = true;
        } else if (kind == BPMN_TASK && n < cap) {
            out[n++] = v;
        }
    }
    return n;
}

/* An exclusive choice whose flow enters a parallel gateway that fans out
 * ("choose, then run in parallel" without a step between the gateways):
 * the tasks behind each such gateway are one parallel option of step t.
 * The depth-first fold puts them one after the other in next, in this
 * order; a drawing where they are not (a task reached twice) is refused by
 * core_process_check. */
static void fold_options(struct bpmn_graph *g, struct mc_arena *a, size_t t, const int *forks,
                         size_t nforks, bool *seen, struct frame *stack)
{
    struct core_step *s = &g->steps[t];
    s->parallel_options = NULL;
    s->nparallel_options = 0;
    if (nforks == 0) {
        return;
    }
    struct core_parallel_option *opts = mc_arena_alloc(a, nforks * sizeof(*opts));
    for (size_t o = 0; o < nforks; o++) {
        int targets[CORE_STEP_MAX_NEXT];
        struct reached how;
        size_t n = reach(g, forks[o], targets, CORE_STEP_MAX_NEXT, &how, seen, stack, NULL, NULL);
        opts[o].keys = mc_arena_alloc(a, (n ? n : 1) * sizeof(*opts[o].keys));
        opts[o].nkeys = n;
        for (size_t k = 0; k < n; k++) {
            opts[o].keys[k] = g->steps[g->nodes[targets[k]].step].key;
        }
        g->option_gate[t][o] = forks[o];
    }
    s->parallel_options = opts;
    s->nparallel_options = nforks;
}

static void fold_task(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a, size_t t,
                      bool *seen, struct frame *stack)
{
    int targets[CORE_PROCESS_MAX_STEPS];
    struct reached how;
    const struct bpmn_node *node = &g->nodes[g->step_node[t]];
    int forks[CORE_STEP_MAX_NEXT];
    size_t nforks = 0;
    size_t n = reach(g, g->step_node[t], targets, CORE_PROCESS_MAX_STEPS, &how, seen, stack, forks,
                     &nforks);
    bool ends = how.ends;
    /* A parallel gateway that fans out right after the step (its one
     * outgoing flow) makes the step a parallel split. The shapes where this
     * reading would differ from BPMN's (a parallel gateway behind an
     * exclusive choice, a choice inside a branch, several flows out of a
     * task) are refused by bpmn_gateways_check. */
    bool parallel = how.and_split && !how.xor_split && !ends && node->nout == 1;
    g->steps[t].split = parallel ? CORE_SPLIT_PARALLEL : CORE_SPLIT_EXCLUSIVE;
    if (ends && n > 0) {
        bpmn_problem_add(m, a, node->element, node->line,
                         "leads both to an end event and to further steps: a step either ends "
                         "the process or hands the dossier over (refusal is an outcome of a "
                         "signing step, not a path)");
    }
    struct core_step *s = &g->steps[t];
    s->next = mc_arena_alloc(a, (n ? n : 1) * sizeof(*s->next));
    s->nnext = n;
    for (size_t i = 0; i < n; i++) {
        s->next[i] = g->steps[g->nodes[targets[i]].step].key;
    }
    if (!parallel) {
        fold_options(g, a, t, forks, nforks, seen, stack);
    }
}

static void fold_start(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a, bool *seen,
                       struct frame *stack)
{
    size_t nstarts = 0, nends = 0;
    for (size_t i = 0; i < g->nnodes; i++) {
        const struct bpmn_node *node = &g->nodes[i];
        nends += node->kind == BPMN_END;
        if (node->kind != BPMN_START) {
            continue;
        }
        if (nstarts++ > 0) {
            bpmn_problem_add(m, a, node->element, node->line,
                             "is a second start event: a process has exactly one start");
            continue;
        }
        int targets[2];
        struct reached how;
        size_t n = reach(g, (int)i, targets, 2, &how, seen, stack, NULL, NULL);
        if (node->nout > 0 && (n != 1 || how.ends)) {
            bpmn_problem_add(m, a, node->element, node->line,
                             "must lead to exactly one step (the first)");
        }
    }
    if (nstarts == 0) {
        bpmn_problem_add(m, a, m->process_element, m->process_line, "has no start event");
    }
    if (nends == 0) {
        bpmn_problem_add(m, a, m->process_element, m->process_line, "has no end event");
    }
}

void bpmn_graph_fold(struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a)
{
    for (size_t i = 0; i < g->nflows; i++) {
        resolve_flow(g, m, a, &g->flows[i]);
    }
    bool *timed = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(bool));
    memset(timed, 0, (g->nnodes + 1) * sizeof(bool));
    for (size_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].kind == BPMN_TIMER) {
            attach_timer(g, m, a, &g->nodes[i], timed);
        }
    }
    for (size_t i = 0; i < g->nnodes; i++) {
        check_node(m, a, &g->nodes[i]);
        if (g->nodes[i].kind == BPMN_TASK && !g->nodes[i].has_halves) {
            bpmn_problem_add(m, a, g->nodes[i].element, g->nodes[i].line,
                             "needs an allotment: motcua:step hours or a boundary timer");
        }
    }
    bool *seen = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(bool));
    /* Each node is pushed at most once. */
    struct frame *stack = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(*stack));
    fold_start(g, m, a, seen, stack);
    for (size_t t = 0; t < g->nsteps; t++) {
        fold_task(g, m, a, t, seen, stack);
    }
    bpmn_gateways_check(g, m, a);
}

/* "steps[12]…" → 12; -1 for another field. */
static int step_of_field(const char *field)
{
    if (strncmp(field, "steps[", 6) != 0) {
        return -1;
    }
    int i = 0;
    const char *p = field + 6;
    while (*p >= '0' && *p <= '9' && i < 1000) {
        i = i * 10 + (*p++ - '0');
    }
    return *p == ']' ? i : -1;
}

enum mc_status bpmn_check(struct bpmn_model *m, struct core_time_limit limit, struct mc_arena *a,
                          struct core_process_totals *totals, struct mc_err *err)
{
    struct mc_err e;
    mc_err_clear(&e);
    enum mc_status rc = core_process_check(&m->process, limit, "", totals, &e);
    if (rc == MC_OK) {
        return MC_OK;
    }
    int i = step_of_field(e.field);
    struct bpmn_problem p = { .element = m->process_element,
                              .line = m->process_line,
                              .message = e.msg };
    if (i >= 0 && (size_t)i < m->process.nsteps) {
        p.element = m->step_element[i];
        p.line = m->step_line[i];
    }
    bpmn_problem_add(m, a, p.element, p.line, "%s", p.message);
    return mc_fail_field(err, rc, bpmn_problem_where(a, &p), "%s", p.message);
}
