#include "core/process.h"

#include <string.h>

#include "base/buf.h"
#include "core/org.h"
#include "core/role.h"

/* The longest allotment a single step may have (a year of working hours). */
#define STEP_MAX_HOURS 2000.0

/* The message is arg (may be NULL) followed by msg. */
static enum mc_status fail_step(struct mc_err *err, const char *prefix, size_t i,
                                const char *suffix, const char *msg, const char *arg)
{
    struct mc_buf f;
    mc_buf_init(&f, 0);
    mc_buf_appendf(&f, "%s%ssteps[%zu]%s", prefix, prefix[0] ? "." : "", i, suffix);
    enum mc_status rc = mc_fail_field(err, MC_EINVAL, mc_buf_cstr(&f), "%s%s", arg ? arg : "", msg);
    mc_buf_release(&f);
    return rc;
}

static enum mc_status fail_process(struct mc_err *err, const char *prefix, const char *suffix,
                                   const char *msg)
{
    struct mc_buf f;
    mc_buf_init(&f, 0);
    /* Without a prefix (a request body that is the process), ".steps" names
     * the body's "steps", and so does an error on the whole graph. */
    if (prefix[0] == '\0') {
        mc_buf_puts(&f, suffix[0] == '.' ? suffix + 1 : "steps");
    } else {
        mc_buf_appendf(&f, "%s%s", prefix, suffix);
    }
    enum mc_status rc = mc_fail_field(err, MC_EINVAL, mc_buf_cstr(&f), "%s", msg);
    mc_buf_release(&f);
    return rc;
}

static int find_key(const struct core_process *p, const char *key)
{
    for (size_t i = 0; i < p->nsteps; i++) {
        if (strcmp(p->steps[i].key, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* The graph as indexes, built while the steps are checked. Zeroed so that
 * no entry is ever read uninitialised (the checks fill what they use). */
struct graph {
    size_t n;
    int succ[CORE_PROCESS_MAX_STEPS][CORE_STEP_MAX_NEXT];
    int64_t halves[CORE_PROCESS_MAX_STEPS];
    int indeg[CORE_PROCESS_MAX_STEPS];
};

/* Step i's next keys, resolved into g->succ[i]. */
static enum mc_status check_next(const struct core_process *p, const char *prefix, size_t i,
                                 struct graph *g, struct mc_err *err)
{
    const struct core_step *s = &p->steps[i];
    if (s->nnext > CORE_STEP_MAX_NEXT) {
        return fail_step(err, prefix, i, ".next", "names more than 8 steps", NULL);
    }
    for (size_t k = 0; k < s->nnext; k++) {
        int j = find_key(p, s->next[k]);
        const char *msg = NULL;
        if (j < 0) {
            msg = ": no step has this key";
        } else if (j == (int)i) {
            msg = " is this step itself: a return is marked with may_return, not in next";
        }
        for (size_t m = 0; m < k && msg == NULL; m++) {
            if (g->succ[i][m] == j) {
                msg = " is named twice";
            }
        }
        if (msg) {
            struct mc_buf sfx;
            mc_buf_init(&sfx, 0);
            mc_buf_appendf(&sfx, ".next[%zu]", k);
            enum mc_status rc = fail_step(err, prefix, i, mc_buf_cstr(&sfx), msg, s->next[k]);
            mc_buf_release(&sfx);
            return rc;
        }
        g->succ[i][k] = j;
        g->indeg[j]++;
    }
    return MC_OK;
}

/* Step i's own fields. */
static enum mc_status check_step(const struct core_process *p, const char *prefix, size_t i,
                                 struct graph *g, struct mc_err *err)
{
    const struct core_step *s = &p->steps[i];
    enum core_role role;
    if (!core_catalog_code_ok(s->key)) {
        return fail_step(err, prefix, i, ".key", "must be 1 to 32 characters of A-Z a-z 0-9 . _ -",
                         NULL);
    }
    if (find_key(p, s->key) != (int)i) {
        return fail_step(err, prefix, i, ".key",
                         " is the key of an earlier step: keys are unique in a process", s->key);
    }
    if (!core_role_parse(s->role, &role)) {
        return fail_step(err, prefix, i, ".role", " is not a known role", s->role);
    }
    if (!core_unit_code_ok(s->unit)) {
        return fail_step(err, prefix, i, ".unit", "must be a unit code (A-Z 0-9 _ -, at most 16)",
                         NULL);
    }
    if (!core_halves_of(s->hours, STEP_MAX_HOURS, &g->halves[i])) {
        return fail_step(err, prefix, i, ".hours",
                         "must be a positive number of working hours in steps of 0.5", NULL);
    }
    return MC_OK;
}

static void append_hours(struct mc_buf *b, int64_t half_hours)
{
    mc_buf_appendf(b, "%lld%s", (long long)(half_hours / 2), half_hours % 2 ? ".5" : "");
}

/* "a → b → c", eliding middle keys ("a → … → y → z") past `budget` bytes. */
static void append_path(struct mc_buf *b, const struct core_process *p,
                        const struct core_process_totals *t, size_t budget)
{
    static const char arrow[] = " \xe2\x86\x92 "; /* " → " */
    size_t full = 0;
    for (size_t i = 0; i < t->npath; i++) {
        full += strlen(p->steps[t->path[i]].key) + (i ? sizeof(arrow) - 1 : 0);
    }
    size_t first_tail = 1; /* index of the first key kept after the elision */
    if (full > budget && t->npath > 2) {
        size_t used = strlen(p->steps[t->path[0]].key) + 2 * (sizeof(arrow) - 1) + 3;
        first_tail = t->npath;
        while (first_tail > 1) {
            size_t k = strlen(p->steps[t->path[first_tail - 1]].key) + sizeof(arrow) - 1;
            if (used + k > budget && first_tail < t->npath) {
                break;
            }
            used += k;
            first_tail--;
        }
    }
    mc_buf_puts(b, p->steps[t->path[0]].key);
    if (first_tail > 1) {
        mc_buf_puts(b, arrow);
        mc_buf_puts(b, "\xe2\x80\xa6"); /* … */
    }
    for (size_t i = first_tail; i < t->npath; i++) {
        mc_buf_puts(b, arrow);
        mc_buf_puts(b, p->steps[t->path[i]].key);
    }
}

static enum mc_status fail_too_long(struct mc_err *err, const char *prefix,
                                    const struct core_process *p,
                                    const struct core_process_totals *t,
                                    struct core_time_limit limit)
{
    struct mc_buf tail;
    mc_buf_init(&tail, 0);
    mc_buf_puts(&tail, " takes ");
    append_hours(&tail, t->longest_half_hours);
    mc_buf_puts(&tail, " working hours, more than the legal limit of ");
    if (limit.unit == CORE_WORKING_DAYS) {
        append_hours(&tail, limit.halves);
        mc_buf_puts(&tail, " working days (");
        append_hours(&tail, core_time_limit_half_hours(limit));
        mc_buf_puts(&tail, " working hours)");
    } else {
        append_hours(&tail, limit.halves);
        mc_buf_puts(&tail, " working hours");
    }
    static const char head[] = "the longest path ";
    size_t room = sizeof(err->msg) - 1;
    size_t fixed = sizeof(head) - 1 + tail.len;
    struct mc_buf msg;
    mc_buf_init(&msg, 0);
    mc_buf_puts(&msg, head);
    append_path(&msg, p, t, room > fixed ? room - fixed : 0);
    mc_buf_puts(&msg, mc_buf_cstr(&tail));
    enum mc_status rc = fail_process(err, prefix, "", mc_buf_cstr(&msg));
    mc_buf_release(&msg);
    mc_buf_release(&tail);
    return rc;
}

/* A step on a cycle among the steps Kahn's algorithm could not order (those
 * whose in-degree stayed above zero): walk such successors until one
 * repeats. */
static size_t on_cycle(const struct core_process *p, const struct graph *g)
{
    size_t cur = 0;
    while (g->indeg[cur] == 0) {
        cur++;
    }
    bool seen[CORE_PROCESS_MAX_STEPS] = { false };
    while (!seen[cur]) {
        seen[cur] = true;
        for (size_t k = 0; k < p->steps[cur].nnext; k++) {
            if (g->indeg[g->succ[cur][k]] > 0) {
                cur = (size_t)g->succ[cur][k];
                break;
            }
        }
    }
    return cur;
}

/* The one step no other names. */
static enum mc_status find_start(const struct core_process *p, const char *prefix,
                                 const struct graph *g, size_t *start, struct mc_err *err)
{
    size_t nstarts = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (g->indeg[i] != 0) {
            continue;
        }
        if (nstarts++ > 0) {
            return fail_step(err, prefix, i, "",
                             " is a second start step (no step names it in next): a process has "
                             "exactly one start",
                             p->steps[i].key);
        }
        *start = i;
    }
    if (nstarts == 0) {
        return fail_process(err, prefix, ".steps",
                            "has no start step: every step is named in another step's next");
    }
    return MC_OK;
}

/* A parallel-block error on step i, its message built in *m (released). */
static enum mc_status fail_block(struct mc_err *err, const char *prefix, size_t i,
                                 const char *suffix, struct mc_buf *m)
{
    enum mc_status rc = fail_step(err, prefix, i, suffix, mc_buf_cstr(m), NULL);
    mc_buf_release(m);
    return rc;
}

/* Branch k of the parallel split at i: a chain of steps, each with one in-
 * and one outgoing edge, ending at the first step more than one step leads
 * to (*join). */
static enum mc_status walk_branch(const struct core_process *p, const char *prefix,
                                  const struct graph *g, size_t i, int cur, const char *first_sfx,
                                  const char *kind, int *join, struct mc_err *err)
{
    const char *sk = p->steps[i].key;
    if (g->indeg[cur] > 1) {
        struct mc_buf m;
        mc_buf_init(&m, 0);
        mc_buf_appendf(&m, "%s: a branch of the %s %s must hold at least one step before the join",
                       p->steps[cur].key, kind, sk);
        return fail_block(err, prefix, i, first_sfx, &m);
    }
    for (size_t guard = 0; guard <= g->n; guard++) {
        const struct core_step *s = &p->steps[cur];
        if (g->indeg[cur] > 1) {
            *join = cur;
            return MC_OK;
        }
        if (s->split == CORE_SPLIT_PARALLEL) {
            struct mc_buf m;
            mc_buf_init(&m, 0);
            mc_buf_appendf(&m,
                           "%s is a parallel split inside a branch of %s: nested parallel "
                           "blocks are not supported",
                           s->key, sk);
            return fail_block(err, prefix, (size_t)cur, ".split", &m);
        }
        if (s->nnext != 1) {
            struct mc_buf m;
            mc_buf_init(&m, 0);
            mc_buf_appendf(&m,
                           "%s is inside a parallel branch of %s and must name exactly one "
                           "next step (the branch runs to its join)",
                           s->key, sk);
            return fail_block(err, prefix, (size_t)cur, ".next", &m);
        }
        if (s->requires_signature) {
            struct mc_buf m;
            mc_buf_init(&m, 0);
            mc_buf_appendf(&m,
                           "%s is inside a parallel branch of %s: approving or refusing "
                           "decides the whole dossier, so a branch step cannot require a "
                           "signature",
                           s->key, sk);
            return fail_block(err, prefix, (size_t)cur, ".requires_signature", &m);
        }
        cur = g->succ[cur][0];
    }
    struct mc_buf m;
    mc_buf_init(&m, 0);
    mc_buf_appendf(&m, "%s opens branches that never meet", sk);
    return fail_block(err, prefix, i, ".split", &m);
}

/* The branches starting at next indexes first[0..n) of step i (a parallel
 * split's next when `option` is false, else one of its parallel options):
 * each a chain of at least one step, all ending at one join step.
 * "<head>[k]" is the field of the k-th branch's first step. */
static enum mc_status check_block(const struct core_process *p, const char *prefix,
                                  const struct graph *g, size_t i, const size_t *first, size_t n,
                                  bool option, const char *head, struct mc_err *err)
{
    const struct core_step *s = &p->steps[i];
    int join = -1;
    for (size_t k = 0; k < n; k++) {
        struct mc_buf sfx;
        mc_buf_init(&sfx, 0);
        mc_buf_appendf(&sfx, "%s[%zu]", head, k);
        int j = -1;
        enum mc_status rc = walk_branch(p, prefix, g, i, g->succ[i][first[k]], mc_buf_cstr(&sfx),
                                        option ? "parallel option of" : "parallel split", &j, err);
        mc_buf_release(&sfx);
        if (rc != MC_OK) {
            return rc;
        }
        if (join >= 0 && j != join) {
            struct mc_buf m;
            mc_buf_init(&m, 0);
            mc_buf_appendf(&m,
                           "%s: its branches end at different steps (%s and %s); every "
                           "branch of a %s meets at one join step",
                           s->key, p->steps[join].key, p->steps[j].key,
                           option ? "parallel option" : "parallel split");
            return fail_block(err, prefix, i, option ? ".parallel_options" : ".split", &m);
        }
        join = j;
    }
    return MC_OK;
}

static enum mc_status fail_option(struct mc_err *err, const char *prefix, size_t i, size_t o,
                                  long m, const char *msg, const char *arg)
{
    struct mc_buf sfx;
    mc_buf_init(&sfx, 0);
    mc_buf_appendf(&sfx, ".parallel_options[%zu]", o);
    if (m >= 0) {
        mc_buf_appendf(&sfx, "[%ld]", m);
    }
    enum mc_status rc = fail_step(err, prefix, i, mc_buf_cstr(&sfx), msg, arg);
    mc_buf_release(&sfx);
    return rc;
}

/* The parallel options of step i: on an exclusive step, each at least two
 * keys of next, following one another there in the same order (so that
 * next stays the whole graph and the drawing folds back the same), each
 * opening a well-formed block. */
static enum mc_status check_options(const struct core_process *p, const char *prefix,
                                    const struct graph *g, size_t i, struct mc_err *err)
{
    const struct core_step *s = &p->steps[i];
    if (s->nparallel_options == 0) {
        return MC_OK;
    }
    if (s->split == CORE_SPLIT_PARALLEL) {
        return fail_step(err, prefix, i, ".parallel_options",
                         "belong to an exclusive choice: a parallel step already opens every "
                         "next step",
                         NULL);
    }
    size_t from = 0; /* next index where the next option may begin */
    for (size_t o = 0; o < s->nparallel_options; o++) {
        const struct core_parallel_option *opt = &s->parallel_options[o];
        if (opt->nkeys < 2 || opt->nkeys > CORE_STEP_MAX_NEXT) {
            return fail_option(err, prefix, i, o, -1,
                               "must name 2 to 8 steps (one step alone is a plain option in next)",
                               NULL);
        }
        size_t first[CORE_STEP_MAX_NEXT];
        for (size_t m = 0; m < opt->nkeys; m++) {
            long k = -1;
            for (size_t x = 0; x < s->nnext; x++) {
                if (opt->keys[m] != NULL && strcmp(s->next[x], opt->keys[m]) == 0) {
                    k = (long)x;
                }
            }
            if (k < 0) {
                return fail_option(err, prefix, i, o, (long)m,
                                   ": not in next (next lists every step this step leads to)",
                                   opt->keys[m] ? opt->keys[m] : "");
            }
            if ((m == 0 && (size_t)k < from) || (m > 0 && (size_t)k != first[m - 1] + 1)) {
                return fail_option(err, prefix, i, o, (long)m,
                                   ": the steps of a parallel option follow one another in next, "
                                   "in the same order, and the options keep the order of next",
                                   opt->keys[m]);
            }
            first[m] = (size_t)k;
        }
        from = first[opt->nkeys - 1] + 1;
        struct mc_buf head;
        mc_buf_init(&head, 0);
        mc_buf_appendf(&head, ".parallel_options[%zu]", o);
        enum mc_status rc =
            check_block(p, prefix, g, i, first, opt->nkeys, true, mc_buf_cstr(&head), err);
        mc_buf_release(&head);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}

/* Every parallel split and parallel option opens a well-formed block: at
 * least two branches, each a chain of at least one step, all ending at one
 * join step. Other steps may lead to the join too: they are outside the
 * block (a branch is a chain into the join, and a step after the join
 * leading back to it would close a cycle), so they are exclusive
 * alternatives to the block, e.g. the option "sign now" beside the option
 * that opens it. Needs g->indeg before longest_path consumes it. */
static enum mc_status check_parallel(const struct core_process *p, const char *prefix,
                                     const struct graph *g, struct mc_err *err)
{
    for (size_t i = 0; i < g->n; i++) {
        const struct core_step *s = &p->steps[i];
        enum mc_status rc = check_options(p, prefix, g, i, err);
        if (rc != MC_OK) {
            return rc;
        }
        if (s->split != CORE_SPLIT_PARALLEL) {
            continue;
        }
        if (s->nnext < 2) {
            struct mc_buf m;
            mc_buf_init(&m, 0);
            mc_buf_appendf(&m, "%s is parallel but names fewer than two next steps", s->key);
            return fail_block(err, prefix, i, ".split", &m);
        }
        size_t first[CORE_STEP_MAX_NEXT];
        for (size_t k = 0; k < s->nnext; k++) {
            first[k] = k;
        }
        rc = check_block(p, prefix, g, i, first, s->nnext, false, ".next", err);
        if (rc != MC_OK) {
            return rc;
        }
    }
    return MC_OK;
}

/* Kahn's algorithm from the start, relaxing the longest distance on the
 * way; with one start, a complete order also proves every step reachable.
 * Consumes g->indeg. */
static enum mc_status longest_path(const struct core_process *p, const char *prefix,
                                   struct graph *g, size_t start, struct core_process_totals *t,
                                   struct mc_err *err)
{
    size_t order[CORE_PROCESS_MAX_STEPS] = { 0 };
    int64_t dist[CORE_PROCESS_MAX_STEPS] = { 0 };
    int pred[CORE_PROCESS_MAX_STEPS];
    for (size_t i = 0; i < CORE_PROCESS_MAX_STEPS; i++) {
        dist[i] = g->halves[i];
        pred[i] = -1;
    }
    size_t head = 0, tail = 0;
    order[tail++] = start;
    while (head < tail) {
        size_t u = order[head++];
        for (size_t k = 0; k < p->steps[u].nnext; k++) {
            size_t v = (size_t)g->succ[u][k];
            if (dist[u] + g->halves[v] > dist[v]) {
                dist[v] = dist[u] + g->halves[v];
                pred[v] = (int)u;
            }
            if (--g->indeg[v] == 0) {
                order[tail++] = v;
            }
        }
    }
    if (tail < g->n) {
        size_t c = on_cycle(p, g);
        return fail_step(err, prefix, c, ".next",
                         " is on a cycle: a return to an earlier step is marked with "
                         "may_return, not drawn in next",
                         p->steps[c].key);
    }
    size_t end = start;
    for (size_t i = 0; i < g->n; i++) {
        if (dist[i] > dist[end]) {
            end = i;
        }
    }
    memset(t, 0, sizeof(*t));
    t->longest_half_hours = dist[end];
    size_t rev[CORE_PROCESS_MAX_STEPS] = { 0 };
    size_t nrev = 0;
    for (int v = (int)end; v >= 0 && nrev < CORE_PROCESS_MAX_STEPS; v = pred[v]) {
        rev[nrev++] = (size_t)v;
    }
    for (size_t i = 0; i < nrev; i++) {
        t->path[i] = rev[nrev - 1 - i];
    }
    t->npath = nrev;
    return MC_OK;
}

enum mc_status core_process_check(const struct core_process *p, struct core_time_limit limit,
                                  const char *prefix, struct core_process_totals *totals,
                                  struct mc_err *err)
{
    if (p->nsteps == 0) {
        return fail_process(err, prefix, ".steps", "must list at least one step");
    }
    if (p->nsteps > CORE_PROCESS_MAX_STEPS) {
        return fail_process(err, prefix, ".steps", "has more than 64 steps");
    }
    struct graph g;
    memset(&g, 0, sizeof(g));
    g.n = p->nsteps;
    enum mc_status rc = MC_OK;
    for (size_t i = 0; i < g.n && rc == MC_OK; i++) {
        rc = check_step(p, prefix, i, &g, err);
    }
    for (size_t i = 0; i < g.n && rc == MC_OK; i++) {
        rc = check_next(p, prefix, i, &g, err);
    }
    size_t start = 0;
    if (rc == MC_OK) {
        rc = find_start(p, prefix, &g, &start, err);
    }
    struct core_process_totals t = { 0 };
    int indeg[CORE_PROCESS_MAX_STEPS];
    memcpy(indeg, g.indeg, sizeof(indeg));
    if (rc == MC_OK) {
        rc = longest_path(p, prefix, &g, start, &t, err);
    }
    if (rc == MC_OK) {
        /* After the cycle check, so that every walk ends. */
        memcpy(g.indeg, indeg, sizeof(indeg));
        rc = check_parallel(p, prefix, &g, err);
    }
    if (rc != MC_OK) {
        return rc;
    }
    if (t.longest_half_hours > core_time_limit_half_hours(limit)) {
        return fail_too_long(err, prefix, p, &t, limit);
    }
    if (totals) {
        *totals = t;
    }
    return MC_OK;
}

static bool str_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

static bool list_eq(const char **a, size_t na, const char **b, size_t nb)
{
    if (na != nb) {
        return false;
    }
    for (size_t i = 0; i < na; i++) {
        if (!str_eq(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

static bool options_eq(const struct core_step *a, const struct core_step *b)
{
    if (a->nparallel_options != b->nparallel_options) {
        return false;
    }
    for (size_t o = 0; o < a->nparallel_options; o++) {
        const struct core_parallel_option *x = &a->parallel_options[o];
        const struct core_parallel_option *y = &b->parallel_options[o];
        if (!list_eq(x->keys, x->nkeys, y->keys, y->nkeys)) {
            return false;
        }
    }
    return true;
}

static bool step_eq(const struct core_step *a, const struct core_step *b)
{
    return str_eq(a->key, b->key) && str_eq(a->name, b->name) && str_eq(a->role, b->role) &&
           str_eq(a->unit, b->unit) && a->hours == b->hours &&
           list_eq(a->forms, a->nforms, b->forms, b->nforms) &&
           list_eq(a->outputs, a->noutputs, b->outputs, b->noutputs) &&
           a->may_return == b->may_return && a->requires_signature == b->requires_signature &&
           list_eq(a->next, a->nnext, b->next, b->nnext) && a->split == b->split &&
           options_eq(a, b);
}

bool core_process_equal(const struct core_process *a, const struct core_process *b)
{
    if (!str_eq(a->code, b->code) || !str_eq(a->name, b->name) || a->issue != b->issue ||
        !str_eq(a->effective, b->effective) || a->status != b->status ||
        !str_eq(a->drafter, b->drafter) || !str_eq(a->reviewer, b->reviewer) ||
        !str_eq(a->approver, b->approver) || a->nsteps != b->nsteps) {
        return false;
    }
    for (size_t i = 0; i < a->nsteps; i++) {
        if (!step_eq(&a->steps[i], &b->steps[i])) {
            return false;
        }
    }
    return true;
}

/* NULL in the file says nothing; a value must agree. */
static bool stated_eq(const char *stored, const char *incoming)
{
    return incoming == NULL || str_eq(stored, incoming);
}

bool core_process_matches(const struct core_process *stored, const struct core_process *incoming)
{
    if (!str_eq(stored->code, incoming->code) || !str_eq(stored->name, incoming->name) ||
        stored->issue != incoming->issue || stored->nsteps != incoming->nsteps ||
        stored->status < incoming->status || !stated_eq(stored->effective, incoming->effective) ||
        !stated_eq(stored->drafter, incoming->drafter) ||
        !stated_eq(stored->reviewer, incoming->reviewer) ||
        !stated_eq(stored->approver, incoming->approver)) {
        return false;
    }
    for (size_t i = 0; i < stored->nsteps; i++) {
        if (!step_eq(&stored->steps[i], &incoming->steps[i])) {
            return false;
        }
    }
    return true;
}

const char *core_split_name(enum core_split s)
{
    return s == CORE_SPLIT_PARALLEL ? "parallel" : "exclusive";
}

bool core_split_parse(const char *name, enum core_split *out)
{
    if (strcmp(name, "exclusive") == 0) {
        *out = CORE_SPLIT_EXCLUSIVE;
    } else if (strcmp(name, "parallel") == 0) {
        *out = CORE_SPLIT_PARALLEL;
    } else {
        return false;
    }
    return true;
}

/* Along the chain from step `first`: the first step more than one step
 * leads to. */
static int join_along(const struct core_process *p, const char *first)
{
    int cur = find_key(p, first);
    for (size_t guard = 0; cur >= 0 && guard <= p->nsteps; guard++) {
        size_t in = 0;
        for (size_t i = 0; i < p->nsteps; i++) {
            for (size_t k = 0; k < p->steps[i].nnext; k++) {
                in += strcmp(p->steps[i].next[k], p->steps[cur].key) == 0;
            }
        }
        if (in > 1) {
            return cur;
        }
        if (p->steps[cur].nnext != 1) {
            return -1;
        }
        cur = find_key(p, p->steps[cur].next[0]);
    }
    return -1;
}

int core_process_join_of(const struct core_process *p, size_t split)
{
    if (split >= p->nsteps || p->steps[split].split != CORE_SPLIT_PARALLEL ||
        p->steps[split].nnext == 0) {
        return -1;
    }
    return join_along(p, p->steps[split].next[0]);
}

int core_process_option_join(const struct core_process *p, size_t step, size_t opt)
{
    if (step >= p->nsteps || opt >= p->steps[step].nparallel_options ||
        p->steps[step].parallel_options[opt].nkeys == 0) {
        return -1;
    }
    return join_along(p, p->steps[step].parallel_options[opt].keys[0]);
}

int core_step_option_of(const struct core_step *s, const char *key)
{
    for (size_t o = 0; o < s->nparallel_options; o++) {
        for (size_t m = 0; m < s->parallel_options[o].nkeys; m++) {
            if (strcmp(s->parallel_options[o].keys[m], key) == 0) {
                return (int)o;
            }
        }
    }
    return -1;
}

static const char *const status_names[] = { "draft", "submitted", "approved", "effective",
                                            "superseded" };

const char *core_pv_status_name(enum core_pv_status s)
{
    return (size_t)s < sizeof(status_names) / sizeof(status_names[0]) ? status_names[s] : "?";
}

bool core_pv_status_parse(const char *name, enum core_pv_status *out)
{
    for (size_t i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++) {
        if (strcmp(name, status_names[i]) == 0) {
            *out = (enum core_pv_status)i;
            return true;
        }
    }
    return false;
}

enum mc_status core_pv_transition(enum core_pv_status from, enum core_pv_status to,
                                  struct mc_err *err)
{
    bool ok = (from == CORE_PV_DRAFT && to == CORE_PV_SUBMITTED) ||
              (from == CORE_PV_SUBMITTED && to == CORE_PV_APPROVED) ||
              (from == CORE_PV_APPROVED && to == CORE_PV_EFFECTIVE);
    if (ok) {
        return MC_OK;
    }
    if (to == CORE_PV_DRAFT || to == CORE_PV_SUPERSEDED) {
        return mc_fail_field(err, MC_EINVAL, "to",
                             "a version cannot be made %s by a transition: drafts are created, "
                             "and a version is superseded when the next one takes effect",
                             core_pv_status_name(to));
    }
    return mc_fail(err, MC_ECONFLICT, "the version is %s: it cannot become %s",
                   core_pv_status_name(from), core_pv_status_name(to));
}
