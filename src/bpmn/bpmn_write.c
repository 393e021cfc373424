/* core process → BPMN XML, the file a modeler opens. Written by hand into a
 * buffer (no DOM): the output is small and its shape fixed, and every text
 * goes through one escaping function. The diagram (BPMNDI) is laid out left
 * to right: a step's column is its longest distance from the first step, its
 * row its rank among the steps of that column. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "bpmn/bpmn_int.h"
#include "core/procedure.h"

/* Geometry, in bpmn-js's pixels: its default task and event sizes. */
enum {
    TASK_W = 100,
    TASK_H = 80,
    EVENT_D = 36,
    GATE_D = 50,
    COL_X0 = 160,
    COL_PITCH = 250,
    ROW_Y0 = 80,
    ROW_PITCH = 140,
};

struct flow_out {
    char src[48], dst[48]; /* element ids */
    const char *outcome;   /* a step key, or NULL */
    int sx, sy, tx, ty;    /* end points of the edge */
    bool from_gateway;
};

struct writer {
    const struct core_process *p;
    struct mc_buf *b;
    int col[CORE_PROCESS_MAX_STEPS], row[CORE_PROCESS_MAX_STEPS];
    int maxcol;
    size_t first;                      /* the start step */
    bool join[CORE_PROCESS_MAX_STEPS]; /* a parallel gateway "Join_<key>" comes before it */
    /* The last step of a branch: its flow enters the join gateway. Other
     * steps leading to a join step (alternatives to the block) enter the
     * task itself, or the gateway would wait for them too. */
    bool branch_end[CORE_PROCESS_MAX_STEPS];
    /* Per step: its next steps, its gateway, the gateways of its parallel
     * options, a join; and the start. */
    struct flow_out flows[CORE_PROCESS_MAX_STEPS * (2 * CORE_STEP_MAX_NEXT + 3) + 1];
    size_t nflows;
};

/* XML 1.0 cannot carry C0 controls other than tab, newline and carriage
 * return; they are refused rather than silently dropped. */
static bool text_ok(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
            return false;
        }
    }
    return true;
}

/* Escaped for both attributes and content; white space inside attributes
 * as character references so that a reader's normalisation keeps it. */
static void put_esc(struct mc_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&':
            mc_buf_puts(b, "&amp;");
            break;
        case '<':
            mc_buf_puts(b, "&lt;");
            break;
        case '>':
            mc_buf_puts(b, "&gt;");
            break;
        case '"':
            mc_buf_puts(b, "&quot;");
            break;
        case '\n':
            mc_buf_puts(b, "&#10;");
            break;
        case '\r':
            mc_buf_puts(b, "&#13;");
            break;
        case '\t':
            mc_buf_puts(b, "&#9;");
            break;
        default:
            mc_buf_append(b, p, 1);
        }
    }
}

static void put_attr(struct mc_buf *b, const char *name, const char *value)
{
    if (value == NULL) {
        return;
    }
    mc_buf_appendf(b, " %s=\"", name);
    put_esc(b, value);
    mc_buf_puts(b, "\"");
}

static void put_hours(struct mc_buf *b, double hours)
{
    long long h = (long long)(hours * 2.0 + 0.5);
    mc_buf_appendf(b, "%lld%s", h / 2, h % 2 ? ".5" : "");
}

static int find_step(const struct core_process *p, const char *key)
{
    for (size_t i = 0; i < p->nsteps; i++) {
        if (strcmp(p->steps[i].key, key) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Everything the writer relies on: keys usable in ids, next keys that
 * exist, texts XML can hold. */
static enum mc_status check_input(const struct core_process *p, struct mc_err *err)
{
    if (p->nsteps == 0 || p->nsteps > CORE_PROCESS_MAX_STEPS) {
        return mc_fail_field(err, MC_EINVAL, "steps", "a process has 1 to 64 steps");
    }
    if ((p->name && !text_ok(p->name)) || (p->code && !core_catalog_code_ok(p->code))) {
        return mc_fail_field(err, MC_EINVAL, "name",
                             "the process name or code cannot be written as XML");
    }
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        bool ok = s->key && core_catalog_code_ok(s->key) && s->name && text_ok(s->name) &&
                  s->role && text_ok(s->role) && s->unit && text_ok(s->unit) &&
                  s->nnext <= CORE_STEP_MAX_NEXT;
        for (size_t k = 0; ok && k < s->nforms; k++) {
            ok = text_ok(s->forms[k]);
        }
        for (size_t k = 0; ok && k < s->noutputs; k++) {
            ok = text_ok(s->outputs[k]);
        }
        for (size_t k = 0; ok && k < s->nnext; k++) {
            ok = find_step(p, s->next[k]) >= 0;
        }
        ok = ok && s->nparallel_options <= CORE_STEP_MAX_NEXT;
        for (size_t o = 0; ok && o < s->nparallel_options; o++) {
            ok = s->parallel_options[o].nkeys > 0;
            for (size_t k = 0; ok && k < s->parallel_options[o].nkeys; k++) {
                ok = find_step(p, s->parallel_options[o].keys[k]) >= 0;
            }
        }
        if (!ok) {
            return mc_fail_field(err, MC_EINVAL, "steps",
                                 "step %zu cannot be written as BPMN (a key, a next key or a "
                                 "text with a control character)",
                                 i);
        }
    }
    return MC_OK;
}

/* Columns by longest distance from a start; bounded so that a cycle (which
 * a checked process has not) cannot loop. */
static void layout(struct writer *w)
{
    const struct core_process *p = w->p;
    bool named[CORE_PROCESS_MAX_STEPS] = { false };
    memset(w->col, 0, sizeof(w->col));
    for (size_t i = 0; i < p->nsteps; i++) {
        for (size_t k = 0; k < p->steps[i].nnext; k++) {
            named[find_step(p, p->steps[i].next[k])] = true;
        }
    }
    w->first = 0;
    while (w->first < p->nsteps && named[w->first]) {
        w->first++;
    }
    if (w->first == p->nsteps) {
        w->first = 0;
    }
    for (size_t round = 0; round < p->nsteps; round++) {
        for (size_t i = 0; i < p->nsteps; i++) {
            for (size_t k = 0; k < p->steps[i].nnext; k++) {
                int j = find_step(p, p->steps[i].next[k]);
                /* A parallel option's gateway takes a column of its own. */
                int d = core_step_option_of(&p->steps[i], p->steps[i].next[k]) >= 0 ? 2 : 1;
                if (w->col[j] < w->col[i] + d && w->col[i] + d < 2 * (int)p->nsteps) {
                    w->col[j] = w->col[i] + d;
                }
            }
        }
    }
    int used[CORE_PROCESS_MAX_STEPS] = { 0 };
    w->maxcol = 0;
    for (size_t i = 0; i < p->nsteps; i++) {
        w->row[i] = used[w->col[i]]++;
        if (w->col[i] > w->maxcol) {
            w->maxcol = w->col[i];
        }
    }
}

static int task_x(const struct writer *w, size_t i)
{
    return COL_X0 + w->col[i] * COL_PITCH;
}

static int task_y(const struct writer *w, size_t i)
{
    return ROW_Y0 + w->row[i] * ROW_PITCH;
}

static int end_x(const struct writer *w)
{
    return COL_X0 + (w->maxcol + 1) * COL_PITCH + 32;
}

static void add_flow(struct writer *w, const char *src, const char *dst, const char *outcome,
                     int sx, int sy, int tx, int ty, bool from_gateway)
{
    struct flow_out *f = &w->flows[w->nflows++];
    memset(f, 0, sizeof(*f));
    size_t ls = strlen(src), ld = strlen(dst);
    memcpy(f->src, src, ls < sizeof(f->src) ? ls + 1 : sizeof(f->src));
    f->src[sizeof(f->src) - 1] = '\0';
    memcpy(f->dst, dst, ld < sizeof(f->dst) ? ld + 1 : sizeof(f->dst));
    f->dst[sizeof(f->dst) - 1] = '\0';
    f->outcome = outcome;
    f->sx = sx;
    f->sy = sy;
    f->tx = tx;
    f->ty = ty;
    f->from_gateway = from_gateway;
}

/* Element ids: "Task_<key>" is always an XML name (keys are A-Z a-z 0-9 . _ -). */
static void id_of(char *out, size_t n, const char *prefix, const char *key)
{
    size_t lp = strlen(prefix), lk = strlen(key);
    if (lp + lk + 1 > n) {
        lk = n - lp - 1;
    }
    memcpy(out, prefix, lp);
    memcpy(out + lp, key, lk);
    out[lp + lk] = '\0';
}

/* The end point of a flow into step j: the task, or its join gateway for
 * the last step of a branch (`from_branch`). */
static void flow_to(const struct writer *w, size_t j, bool from_branch, char *id, size_t n, int *tx,
                    int *ty)
{
    *ty = task_y(w, j) + TASK_H / 2;
    if (w->join[j] && from_branch) {
        id_of(id, n, "Join_", w->p->steps[j].key);
        *tx = task_x(w, j) - 40 - GATE_D;
    } else {
        id_of(id, n, "Task_", w->p->steps[j].key);
        *tx = task_x(w, j);
    }
}

/* The block whose branches start at `first` and join at step j: j gets
 * its join gateway, each branch's last step flows into it. */
static void mark_branches(struct writer *w, int j, const char **first, size_t n)
{
    const struct core_process *p = w->p;
    if (j < 0) {
        return;
    }
    w->join[j] = true;
    for (size_t k = 0; k < n; k++) {
        int cur = find_step(p, first[k]);
        /* A checked branch is a chain of one-next steps into the join. */
        for (size_t guard = 0; cur >= 0 && guard < p->nsteps; guard++) {
            const struct core_step *c = &p->steps[cur];
            if (c->nnext != 1 || find_step(p, c->next[0]) == j) {
                w->branch_end[cur] = c->nnext == 1;
                break;
            }
            cur = find_step(p, c->next[0]);
        }
    }
}

/* "Fork_<key>_<o+1>": the parallel gateway of option o of step s, drawn
 * half a column before the option's first step. */
static void fork_id(char *out, size_t n, const char *key, size_t o)
{
    /* At most 8 options (check_input): one digit, 1 to 8. */
    id_of(out, n - 2, "Fork_", key);
    size_t l = strlen(out);
    out[l] = '_';
    out[l + 1] = (char)('1' + o % CORE_STEP_MAX_NEXT);
    out[l + 2] = '\0';
}

static void fork_at(const struct writer *w, const struct core_step *s, size_t o, int *x, int *y)
{
    int j = find_step(w->p, s->parallel_options[o].keys[0]);
    *x = task_x(w, (size_t)j) - COL_PITCH / 2 - GATE_D / 2;
    *y = task_y(w, (size_t)j) + TASK_H / 2 - GATE_D / 2;
}

/* Flows out of the exclusive gateway of step i towards a parallel option:
 * one into the option's gateway (its outcome the option's first step, any
 * of which names it), then one to each of the option's steps. */
static void option_flows(struct writer *w, size_t i, size_t o, const char *gate, int gx, int gy)
{
    const struct core_step *s = &w->p->steps[i];
    const struct core_parallel_option *opt = &s->parallel_options[o];
    char f[48], c[48];
    int fx, fy, tx, ty;
    fork_id(f, sizeof(f), s->key, o);
    fork_at(w, s, o, &fx, &fy);
    add_flow(w, gate, f, opt->keys[0], gx, gy, fx, fy + GATE_D / 2, true);
    for (size_t k = 0; k < opt->nkeys; k++) {
        flow_to(w, (size_t)find_step(w->p, opt->keys[k]), false, c, sizeof(c), &tx, &ty);
        add_flow(w, f, c, NULL, fx + GATE_D / 2, fy + GATE_D / 2, tx, ty, true);
    }
}

static void plan_flows(struct writer *w)
{
    const struct core_process *p = w->p;
    char a[48], b[48];
    w->nflows = 0;
    memset(w->join, 0, sizeof(w->join));
    memset(w->branch_end, 0, sizeof(w->branch_end));
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        mark_branches(w, core_process_join_of(p, i), s->next, s->nnext);
        for (size_t o = 0; o < s->nparallel_options; o++) {
            mark_branches(w, core_process_option_join(p, i, o), s->parallel_options[o].keys,
                          s->parallel_options[o].nkeys);
        }
    }
    id_of(a, sizeof(a), "Task_", p->steps[w->first].key);
    int fy = task_y(w, w->first) + TASK_H / 2;
    add_flow(w, "StartEvent_1", a, NULL, 60 + EVENT_D, fy, task_x(w, w->first), fy, false);
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        int sx = task_x(w, i) + TASK_W, sy = task_y(w, i) + TASK_H / 2;
        id_of(a, sizeof(a), "Task_", s->key);
        if (s->nnext == 0) {
            add_flow(w, a, "EndEvent_1", NULL, sx, sy, end_x(w), ROW_Y0 + TASK_H / 2, false);
            continue;
        }
        int tx, ty;
        if (s->nnext == 1) {
            flow_to(w, (size_t)find_step(p, s->next[0]), w->branch_end[i], b, sizeof(b), &tx, &ty);
            add_flow(w, a, b, NULL, sx, sy, tx, ty, false);
            continue;
        }
        id_of(b, sizeof(b), "Gateway_", s->key);
        add_flow(w, a, b, NULL, sx, sy, sx + 40, sy, false);
        bool parallel = s->split == CORE_SPLIT_PARALLEL;
        char c[48];
        for (size_t k = 0; k < s->nnext; k++) {
            int o = parallel ? -1 : core_step_option_of(s, s->next[k]);
            if (o >= 0) {
                /* The option's gateway leads to all its steps at once. */
                if (strcmp(s->parallel_options[o].keys[0], s->next[k]) == 0) {
                    option_flows(w, i, (size_t)o, b, sx + 40 + GATE_D / 2, sy);
                }
                continue;
            }
            flow_to(w, (size_t)find_step(p, s->next[k]), false, c, sizeof(c), &tx, &ty);
            /* A parallel gateway takes every flow: no condition. */
            add_flow(w, b, c, parallel ? NULL : s->next[k], sx + 40 + GATE_D / 2, sy, tx, ty, true);
        }
    }
    for (size_t j = 0; j < p->nsteps; j++) {
        if (w->join[j]) {
            int y = task_y(w, j) + TASK_H / 2;
            id_of(a, sizeof(a), "Join_", p->steps[j].key);
            id_of(b, sizeof(b), "Task_", p->steps[j].key);
            add_flow(w, a, b, NULL, task_x(w, j) - 40, y, task_x(w, j), y, false);
        }
    }
}

static void put_refs(struct writer *w, const char *id)
{
    for (size_t f = 0; f < w->nflows; f++) {
        if (strcmp(w->flows[f].dst, id) == 0) {
            mc_buf_appendf(w->b, "      <bpmn:incoming>Flow_%zu</bpmn:incoming>\n", f + 1);
        }
    }
    for (size_t f = 0; f < w->nflows; f++) {
        if (strcmp(w->flows[f].src, id) == 0) {
            mc_buf_appendf(w->b, "      <bpmn:outgoing>Flow_%zu</bpmn:outgoing>\n", f + 1);
        }
    }
}

static void put_list(struct mc_buf *b, const char *tag, const char **items, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        mc_buf_appendf(b, "          <motcua:%s>", tag);
        put_esc(b, items[k]);
        mc_buf_appendf(b, "</motcua:%s>\n", tag);
    }
}

static void put_duration(struct mc_buf *b, double hours)
{
    long long h = (long long)(hours * 2.0 + 0.5);
    mc_buf_puts(b, "PT");
    if (h / 2 > 0) {
        mc_buf_appendf(b, "%lldH", h / 2);
    }
    if (h % 2) {
        mc_buf_puts(b, "30M");
    }
}

static void put_task(struct writer *w, size_t i)
{
    const struct core_step *s = &w->p->steps[i];
    struct mc_buf *b = w->b;
    char id[48];
    id_of(id, sizeof(id), "Task_", s->key);
    mc_buf_appendf(b, "    <bpmn:userTask id=\"%s\"", id);
    put_attr(b, "name", s->name);
    mc_buf_puts(b, ">\n      <bpmn:extensionElements>\n        <motcua:step");
    put_attr(b, "key", s->key);
    put_attr(b, "role", s->role);
    put_attr(b, "unit", s->unit);
    mc_buf_puts(b, " hours=\"");
    put_hours(b, s->hours);
    mc_buf_appendf(b, "\" mayReturn=\"%s\" requiresSignature=\"%s\"",
                   s->may_return ? "true" : "false", s->requires_signature ? "true" : "false");
    if (s->nforms + s->noutputs == 0) {
        mc_buf_puts(b, " />\n");
    } else {
        mc_buf_puts(b, ">\n");
        put_list(b, "form", s->forms, s->nforms);
        put_list(b, "output", s->outputs, s->noutputs);
        mc_buf_puts(b, "        </motcua:step>\n");
    }
    mc_buf_puts(b, "      </bpmn:extensionElements>\n");
    put_refs(w, id);
    mc_buf_puts(b, "    </bpmn:userTask>\n");
    /* The allotment again as a timer: escalation when it runs out. */
    mc_buf_appendf(b,
                   "    <bpmn:boundaryEvent id=\"Timer_%s\" name=\"Hạn xử lý\" "
                   "cancelActivity=\"false\" attachedToRef=\"%s\">\n"
                   "      <bpmn:timerEventDefinition id=\"TimerDef_%s\">\n"
                   "        <bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">",
                   s->key, id, s->key);
    put_duration(b, s->hours);
    mc_buf_puts(b, "</bpmn:timeDuration>\n      </bpmn:timerEventDefinition>\n"
                   "    </bpmn:boundaryEvent>\n");
    char gid[48];
    if (s->nnext > 1 && s->split == CORE_SPLIT_PARALLEL) {
        id_of(gid, sizeof(gid), "Gateway_", s->key);
        mc_buf_appendf(b, "    <bpmn:parallelGateway id=\"%s\" name=\"Song song\">\n", gid);
        put_refs(w, gid);
        mc_buf_puts(b, "    </bpmn:parallelGateway>\n");
    } else if (s->nnext > 1) {
        id_of(gid, sizeof(gid), "Gateway_", s->key);
        mc_buf_appendf(b, "    <bpmn:exclusiveGateway id=\"%s\" name=\"Kết quả?\">\n", gid);
        put_refs(w, gid);
        mc_buf_puts(b, "    </bpmn:exclusiveGateway>\n");
        for (size_t o = 0; o < s->nparallel_options; o++) {
            fork_id(gid, sizeof(gid), s->key, o);
            mc_buf_appendf(b, "    <bpmn:parallelGateway id=\"%s\" name=\"Song song\">\n", gid);
            put_refs(w, gid);
            mc_buf_puts(b, "    </bpmn:parallelGateway>\n");
        }
    }
    if (w->join[i]) {
        id_of(gid, sizeof(gid), "Join_", s->key);
        mc_buf_appendf(b, "    <bpmn:parallelGateway id=\"%s\" name=\"Hợp nhánh\">\n", gid);
        put_refs(w, gid);
        mc_buf_puts(b, "    </bpmn:parallelGateway>\n");
    }
}

static void put_process(struct writer *w)
{
    const struct core_process *p = w->p;
    struct mc_buf *b = w->b;
    mc_buf_appendf(b, "  <bpmn:process id=\"Process_%s\"", p->code ? p->code : "1");
    put_attr(b, "name", p->name);
    mc_buf_puts(b, " isExecutable=\"false\">\n    <bpmn:extensionElements>\n"
                   "      <motcua:process");
    put_attr(b, "code", p->code);
    if (p->issue > 0) {
        mc_buf_appendf(b, " issue=\"%lld\"", (long long)p->issue);
    }
    put_attr(b, "status", core_pv_status_name(p->status));
    put_attr(b, "effective", p->effective);
    put_attr(b, "drafter", p->drafter);
    put_attr(b, "reviewer", p->reviewer);
    put_attr(b, "approver", p->approver);
    mc_buf_puts(b, " />\n    </bpmn:extensionElements>\n"
                   "    <bpmn:startEvent id=\"StartEvent_1\" name=\"Tiếp nhận\">\n");
    put_refs(w, "StartEvent_1");
    mc_buf_puts(b, "    </bpmn:startEvent>\n");
    for (size_t i = 0; i < p->nsteps; i++) {
        put_task(w, i);
    }
    mc_buf_puts(b, "    <bpmn:endEvent id=\"EndEvent_1\" name=\"Kết thúc\">\n");
    put_refs(w, "EndEvent_1");
    mc_buf_puts(b, "    </bpmn:endEvent>\n");
    for (size_t f = 0; f < w->nflows; f++) {
        const struct flow_out *fl = &w->flows[f];
        mc_buf_appendf(b, "    <bpmn:sequenceFlow id=\"Flow_%zu\"", f + 1);
        put_attr(b, "name", fl->outcome);
        mc_buf_appendf(b, " sourceRef=\"%s\" targetRef=\"%s\"", fl->src, fl->dst);
        if (fl->outcome == NULL) {
            mc_buf_puts(b, " />\n");
            continue;
        }
        mc_buf_puts(b, ">\n      <bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                       "${outcome == &quot;");
        put_esc(b, fl->outcome);
        mc_buf_puts(b, "&quot;}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n");
    }
    mc_buf_puts(b, "  </bpmn:process>\n");
}

static void put_shape(struct mc_buf *b, const char *id, int x, int y, int wd, int ht,
                      const char *extra)
{
    mc_buf_appendf(b,
                   "      <bpmndi:BPMNShape id=\"%s_di\" bpmnElement=\"%s\"%s>\n"
                   "        <dc:Bounds x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" />\n"
                   "      </bpmndi:BPMNShape>\n",
                   id, id, extra, x, y, wd, ht);
}

static void put_edge(struct mc_buf *b, size_t f, const struct flow_out *fl)
{
    mc_buf_appendf(b, "      <bpmndi:BPMNEdge id=\"Flow_%zu_di\" bpmnElement=\"Flow_%zu\">\n",
                   f + 1, f + 1);
    int sx = fl->sx, sy = fl->sy;
    if (fl->from_gateway && fl->ty != sy) {
        /* Leave the diamond by its top or bottom corner, then go across. */
        sy += fl->ty > sy ? GATE_D / 2 : -GATE_D / 2;
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", sx, sy);
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", sx, fl->ty);
    } else if (fl->ty != sy) {
        int mx = fl->tx - 30;
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", sx, sy);
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", mx, sy);
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", mx, fl->ty);
    } else {
        mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", sx, sy);
    }
    mc_buf_appendf(b, "        <di:waypoint x=\"%d\" y=\"%d\" />\n", fl->tx, fl->ty);
    mc_buf_puts(b, "      </bpmndi:BPMNEdge>\n");
}

static void put_diagram(struct writer *w)
{
    const struct core_process *p = w->p;
    struct mc_buf *b = w->b;
    mc_buf_appendf(b,
                   "  <bpmndi:BPMNDiagram id=\"BPMNDiagram_1\">\n"
                   "    <bpmndi:BPMNPlane id=\"BPMNPlane_1\" bpmnElement=\"Process_%s\">\n",
                   p->code ? p->code : "1");
    int fy = task_y(w, w->first) + TASK_H / 2;
    put_shape(b, "StartEvent_1", 60, fy - EVENT_D / 2, EVENT_D, EVENT_D, "");
    char id[48];
    for (size_t i = 0; i < p->nsteps; i++) {
        const struct core_step *s = &p->steps[i];
        int x = task_x(w, i), y = task_y(w, i);
        id_of(id, sizeof(id), "Task_", s->key);
        put_shape(b, id, x, y, TASK_W, TASK_H, "");
        id_of(id, sizeof(id), "Timer_", s->key);
        put_shape(b, id, x + TASK_W / 2 - EVENT_D / 2 + 20, y + TASK_H - EVENT_D / 2, EVENT_D,
                  EVENT_D, "");
        if (s->nnext > 1) {
            id_of(id, sizeof(id), "Gateway_", s->key);
            put_shape(b, id, x + TASK_W + 40, y + TASK_H / 2 - GATE_D / 2, GATE_D, GATE_D,
                      s->split == CORE_SPLIT_PARALLEL ? "" : " isMarkerVisible=\"true\"");
            for (size_t o = 0; o < s->nparallel_options; o++) {
                int gx, gy;
                fork_id(id, sizeof(id), s->key, o);
                fork_at(w, s, o, &gx, &gy);
                put_shape(b, id, gx, gy, GATE_D, GATE_D, "");
            }
        }
        if (w->join[i]) {
            id_of(id, sizeof(id), "Join_", s->key);
            put_shape(b, id, x - 40 - GATE_D, y + TASK_H / 2 - GATE_D / 2, GATE_D, GATE_D, "");
        }
    }
    put_shape(b, "EndEvent_1", end_x(w), ROW_Y0 + TASK_H / 2 - EVENT_D / 2, EVENT_D, EVENT_D, "");
    for (size_t f = 0; f < w->nflows; f++) {
        put_edge(b, f, &w->flows[f]);
    }
    mc_buf_puts(b, "    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n");
}

enum mc_status bpmn_write(const struct core_process *p, struct mc_buf *out, struct mc_err *err)
{
    enum mc_status rc = check_input(p, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct writer *w = mc_xcalloc(1, sizeof(*w));
    w->p = p;
    w->b = out;
    layout(w);
    plan_flows(w);
    mc_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<bpmn:definitions xmlns:bpmn=\"" BPMN_NS_MODEL "\"\n"
                     "  xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\"\n"
                     "  xmlns:dc=\"http://www.omg.org/spec/DD/20100524/DC\"\n"
                     "  xmlns:di=\"http://www.omg.org/spec/DD/20100524/DI\"\n"
                     "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                     "  xmlns:motcua=\"" BPMN_NS_MOTCUA "\"\n"
                     "  id=\"Definitions_1\" targetNamespace=\"" BPMN_NS_MOTCUA "/processes\"\n"
                     "  exporter=\"motcua\" exporterVersion=\"1\">\n");
    put_process(w);
    put_diagram(w);
    mc_buf_puts(out, "</bpmn:definitions>\n");
    free(w);
    if (out->over) {
        return mc_fail(err, MC_ELIMIT, "the BPMN document is larger than %zu bytes", out->max);
    }
    return MC_OK;
}
