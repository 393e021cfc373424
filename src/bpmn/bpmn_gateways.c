/* The gateway shapes the model runs, and the refusal of every other shape
 * that would fold into steps with a meaning other than the one drawn
 * (docs/BPMN.md "What is rejected"). The fold reads a task's next steps
 * through any gateways; these checks make sure that what BPMN would do
 * with those gateways is what the engine will do:
 *
 * - a task has one outgoing flow: several flows out of a task all run at
 *   once in BPMN (an implicit parallel split);
 * - no exclusive choice follows a parallel gateway that fans out (a branch
 *   is a chain of steps); a parallel gateway behind an exclusive choice is
 *   a parallel option of the choosing step ("choose, then run in
 *   parallel"), its branches checked like a split's;
 * - a parallel gateway either joins or splits, never both;
 * - the branches of a parallel split meet at one parallel gateway before
 *   the join step, with no exclusive gateway merging them on the way (it
 *   would start the join step once per branch);
 * - a parallel gateway that joins merges only the branches of one parallel
 *   split (it would wait forever for an alternative that was not chosen).
 *
 * Loops, nested blocks and branches that do not meet are refused by
 * core_process_check on the folded steps. */
#include <string.h>

#include "bpmn/bpmn_int.h"

static bool is_gateway(const struct bpmn_node *n)
{
    return n->kind == BPMN_XOR || n->kind == BPMN_AND;
}

/* The sources of each node's incoming flows (pred[first[v] .. first[v+1]]),
 * so that every backward walk is linear in the graph; scratch for walks. */
struct back {
    int *first;
    int *pred;
    int *out; /* the target of each node's first outgoing flow, or -1 */
    bool *seen;
    int *stack;
};

static void back_build(const struct bpmn_graph *g, struct mc_arena *a, struct back *b)
{
    b->first = mc_arena_alloc(a, (g->nnodes + 2) * sizeof(int));
    b->pred = mc_arena_alloc(a, (g->nflows + 1) * sizeof(int));
    b->seen = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(bool));
    /* Each node is pushed at most once. */
    b->stack = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(int));
    memset(b->first, 0, (g->nnodes + 2) * sizeof(int));
    b->out = mc_arena_alloc(a, (g->nnodes + 1) * sizeof(int));
    for (size_t v = 0; v < g->nnodes; v++) {
        b->out[v] = -1;
    }
    for (size_t f = g->nflows; f-- > 0;) {
        if (g->flows[f].source >= 0 && g->flows[f].target >= 0) {
            b->out[g->flows[f].source] = g->flows[f].target;
        }
    }
    for (size_t f = 0; f < g->nflows; f++) {
        if (g->flows[f].source >= 0 && g->flows[f].target >= 0) {
            b->first[g->flows[f].target + 2]++;
        }
    }
    for (size_t v = 0; v < g->nnodes; v++) {
        b->first[v + 2] += b->first[v + 1];
    }
    for (size_t f = 0; f < g->nflows; f++) {
        if (g->flows[f].source >= 0 && g->flows[f].target >= 0) {
            b->pred[b->first[g->flows[f].target + 1]++] = g->flows[f].source;
        }
    }
}

/* The first split gateway of `kind` (several outgoing flows) reached
 * backwards from `from` through gateways only; -1 if none. */
static int split_behind(const struct bpmn_graph *g, int from, enum bpmn_kind kind,
                        const struct back *b)
{
    bool *seen = b->seen;
    int *stack = b->stack;
    memset(seen, 0, g->nnodes * sizeof(*seen));
    size_t sp = 0;
    stack[sp++] = from;
    seen[from] = true;
    while (sp > 0) {
        int v = stack[--sp];
        for (int k = b->first[v]; k < b->first[v + 1]; k++) {
            int u = b->pred[k];
            if (seen[u] || !is_gateway(&g->nodes[u])) {
                continue;
            }
            if (g->nodes[u].kind == kind && g->nodes[u].nout > 1) {
                return u;
            }
            seen[u] = true;
            stack[sp++] = u;
        }
    }
    return -1;
}

/* The tasks whose flows reach `gate` through gateways only, as a mask over
 * the steps; *from_start when the start event does. */
static void tasks_behind(const struct bpmn_graph *g, int gate, bool *tasks, bool *from_start,
                         const struct back *b)
{
    bool *seen = b->seen;
    int *stack = b->stack;
    memset(seen, 0, g->nnodes * sizeof(*seen));
    memset(tasks, 0, g->nsteps * sizeof(*tasks));
    *from_start = false;
    size_t sp = 0;
    stack[sp++] = gate;
    seen[gate] = true;
    while (sp > 0) {
        int v = stack[--sp];
        for (int k = b->first[v]; k < b->first[v + 1]; k++) {
            int u = b->pred[k];
            if (seen[u]) {
                continue;
            }
            seen[u] = true;
            const struct bpmn_node *n = &g->nodes[u];
            if (is_gateway(n)) {
                stack[sp++] = u;
            } else if (n->kind == BPMN_TASK) {
                tasks[n->step] = true;
            } else if (n->kind == BPMN_START) {
                *from_start = true;
            }
        }
    }
}

static int step_index(const struct bpmn_graph *g, const char *key)
{
    for (size_t i = 0; i < g->nsteps; i++) {
        if (g->steps[i].key != NULL && strcmp(g->steps[i].key, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

static size_t in_degree(const struct bpmn_graph *g, const char *key)
{
    size_t in = 0;
    for (size_t i = 0; i < g->nsteps; i++) {
        for (size_t k = 0; k < g->steps[i].nnext; k++) {
            in += strcmp(g->steps[i].next[k], key) == 0;
        }
    }
    return in;
}

/* A block is opened by a parallel split step s (owner s) or by parallel
 * option o of an exclusive step s (owner s + (o + 1) * nsteps). */
static int owner_of(const struct bpmn_graph *g, size_t s, int o)
{
    return (int)s + (o + 1) * (int)g->nsteps;
}

/* The element that opens block `owner`: the split's task, or the option's
 * parallel gateway. */
static const struct bpmn_node *opener(const struct bpmn_graph *g, int owner)
{
    size_t s = (size_t)owner % g->nsteps;
    int o = owner / (int)g->nsteps - 1;
    return o < 0 ? &g->nodes[g->step_node[s]] : &g->nodes[g->option_gate[s][o]];
}

/* The block whose branches start at `first` (nfirst keys), as the fold
 * made it: the last step of each branch gets block[end] = owner, and the
 * join is returned. -1 when the block is not well formed (the walk mirrors
 * walk_branch of core/process.c, so core_process_check then refuses it and
 * says why). */
static int mark_block(const struct bpmn_graph *g, const char **first, size_t nfirst, int owner,
                      int *block)
{
    int join = -1;
    int ends[CORE_STEP_MAX_NEXT];
    if (nfirst < 2 || nfirst > CORE_STEP_MAX_NEXT) {
        return -1;
    }
    for (size_t k = 0; k < nfirst; k++) {
        int cur = step_index(g, first[k]);
        int end = -1, j = -1;
        for (size_t guard = 0; cur >= 0 && guard < g->nsteps && end < 0; guard++) {
            const struct core_step *c = &g->steps[cur];
            if (c->nnext != 1 || in_degree(g, c->key) > 1) {
                break;
            }
            int nx = step_index(g, c->next[0]);
            if (nx >= 0 && in_degree(g, c->next[0]) > 1) {
                end = cur;
                j = nx;
            }
            cur = nx;
        }
        if (end < 0 || (join >= 0 && j != join)) {
            return -1;
        }
        join = j;
        ends[k] = end;
    }
    for (size_t k = 0; k < nfirst; k++) {
        block[ends[k]] = owner;
    }
    return join;
}

/* A task's flows, and the splits: reported on the element at fault. */
static void check_splits(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                         const struct back *b)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        const struct bpmn_node *n = &g->nodes[i];
        if (n->kind == BPMN_TASK && n->nout > 1) {
            bpmn_problem_add(m, a, n->element, n->line,
                             "has %zu outgoing flows, which BPMN runs all at once (an implicit "
                             "parallel split): draw one flow into an exclusive gateway (the holder "
                             "chooses one step) or a parallel gateway (every branch runs)",
                             n->nout);
            continue;
        }
        if (n->kind == BPMN_AND && n->nin > 1 && n->nout > 1) {
            bpmn_problem_add(m, a, n->element, n->line,
                             "both joins and splits: a parallel gateway that joins leads to one "
                             "step, and branches are opened by the gateway after a step");
            continue;
        }
        if (!is_gateway(n) || n->nout < 2) {
            continue;
        }
        /* A parallel split behind an exclusive choice is a parallel
         * option of the choosing step (fold_options); an exclusive split
         * behind a parallel one would be a choice inside a branch. */
        if (n->kind != BPMN_XOR) {
            continue;
        }
        int behind = split_behind(g, (int)i, BPMN_AND, b);
        if (behind >= 0) {
            bpmn_problem_add(m, a, n->element, n->line,
                             "is an exclusive choice inside the parallel split %s: a parallel "
                             "branch is a chain of steps that runs to its join, without choices",
                             g->nodes[behind].element);
        }
    }
}

/* The branches of each parallel split meet at one parallel gateway. */
static void check_block_joins(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                              const int *block, const struct back *b)
{
    int owners = (CORE_STEP_MAX_NEXT + 1) * (int)g->nsteps;
    for (int s = 0; s < owners; s++) {
        int sync = -1;
        bool reported = false;
        for (size_t e = 0; e < g->nsteps && !reported; e++) {
            if (block[e] != s || g->nodes[g->step_node[e]].nout != 1) {
                continue;
            }
            int last = -1;
            int v = b->out[g->step_node[e]];
            for (size_t guard = 0; v >= 0 && guard < g->nnodes && is_gateway(&g->nodes[v]);
                 guard++) {
                const struct bpmn_node *n = &g->nodes[v];
                /* After the parallel join, an exclusive gateway may merge
                 * the joined block with an alternative to it. */
                if (n->nin > 1 && n->kind == BPMN_XOR && last < 0) {
                    bpmn_problem_add(m, a, n->element, n->line,
                                     "merges the branches of the parallel split %s: an exclusive "
                                     "gateway passes each branch on as it arrives, so the next "
                                     "step would start once per branch; join them with a "
                                     "parallel gateway",
                                     opener(g, s)->element);
                    reported = true;
                    break;
                }
                if (n->nin > 1) {
                    last = v;
                }
                v = n->nout == 1 ? b->out[v] : -1;
            }
            if (reported) {
                break;
            }
            if (last < 0 || (sync >= 0 && last != sync)) {
                const struct bpmn_node *at =
                    last >= 0 ? &g->nodes[last] : &g->nodes[g->step_node[e]];
                bpmn_problem_add(m, a, at->element, at->line,
                                 "%s: the branches of the parallel split %s must all meet at one "
                                 "parallel gateway before their join step (without it, BPMN "
                                 "would start the join step once per branch)",
                                 last >= 0 ? "joins only some branches"
                                           : "ends a parallel branch without a parallel join",
                                 opener(g, s)->element);
                reported = true;
            }
            sync = last;
        }
    }
}

/* A parallel gateway that joins merges the ends of one block's branches. */
static void check_and_merges(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                             const int *block, const struct back *b)
{
    bool *tasks = mc_arena_alloc(a, (g->nsteps + 1) * sizeof(*tasks));
    for (size_t i = 0; i < g->nnodes; i++) {
        const struct bpmn_node *n = &g->nodes[i];
        if (n->kind != BPMN_AND || n->nin < 2 || n->nout != 1) {
            continue;
        }
        bool from_start = false;
        tasks_behind(g, (int)i, tasks, &from_start, b);
        int owner = -2; /* the block whose branch ends it merges; -1: none */
        for (size_t t = 0; t < g->nsteps && owner != -1; t++) {
            if (tasks[t]) {
                owner = owner == -2 || owner == block[t] ? block[t] : -1;
            }
        }
        if (from_start || owner < 0) {
            bpmn_problem_add(m, a, n->element, n->line,
                             "is a parallel gateway that merges flows which are not the branches "
                             "of one parallel split: it would wait for every one of them, also "
                             "for an alternative that was not chosen; merge alternatives with an "
                             "exclusive gateway or directly into the step");
        }
    }
}

/* A flow back into the first step would leave the folded steps without a
 * start ("no start step" names no element): name the step instead. */
static void check_first_step(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a,
                             const struct back *b)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].kind != BPMN_START || b->out[i] < 0) {
            continue;
        }
        const struct bpmn_node *first = &g->nodes[b->out[i]];
        if (first->kind == BPMN_TASK && in_degree(g, g->steps[first->step].key) > 0) {
            bpmn_problem_add(m, a, first->element, first->line,
                             "is the first step, but a flow leads back to it (a loop): a process "
                             "runs forward; a return to an earlier step is mayReturn");
        }
        return;
    }
}

void bpmn_gateways_check(const struct bpmn_graph *g, struct bpmn_model *m, struct mc_arena *a)
{
    struct back b;
    back_build(g, a, &b);
    int *block = mc_arena_alloc(a, (g->nsteps + 1) * sizeof(*block));
    for (size_t i = 0; i < g->nsteps; i++) {
        block[i] = -1;
    }
    check_first_step(g, m, a, &b);
    check_splits(g, m, a, &b);
    bool blocks_ok = true;
    for (size_t s = 0; s < g->nsteps; s++) {
        const struct core_step *st = &g->steps[s];
        if (st->split == CORE_SPLIT_PARALLEL) {
            blocks_ok &= mark_block(g, st->next, st->nnext, (int)s, block) >= 0;
        }
        for (size_t o = 0; o < st->nparallel_options; o++) {
            blocks_ok &= mark_block(g, st->parallel_options[o].keys, st->parallel_options[o].nkeys,
                                    owner_of(g, s, (int)o), block) >= 0;
        }
    }
    /* A block that is not well formed (nested, branches that do not meet,
     * a loop) is refused by core_process_check with its own reason; the
     * joins are judged only among well-formed blocks. */
    if (blocks_ok) {
        check_block_joins(g, m, a, block, &b);
        check_and_merges(g, m, a, block, &b);
    }
}
