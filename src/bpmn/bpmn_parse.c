/* BPMN XML → struct core_process: libxml2 reads the bytes, then one walk
 * over bpmn:definitions collects the flow graph (nodes, flows) and each
 * user task's motcua:step; bpmn_check.c folds the graph into next lists.
 * Every element outside the subset becomes a problem naming its id and line;
 * the walk keeps going so that one run lists them all. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <string.h>

#include "base/parse.h"
#include "bpmn/bpmn_int.h"
#include "core/process.h"

enum { TEXT_MAX = 1000, LIST_MAX = 32 };

struct reader {
    struct bpmn_model *m;
    struct mc_arena *a;
    struct bpmn_graph *g;
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* xmlInitParser is not safe to race with a first parse in another thread
 * (libxml2 2.9): run it once, before any. */
static void init_libxml(void)
{
    xmlInitParser();
}

static bool in_ns(const xmlNode *n, const char *ns)
{
    return n->ns != NULL && n->ns->href != NULL && strcmp((const char *)n->ns->href, ns) == 0;
}

static bool is_bpmn(const xmlNode *n, const char *local)
{
    return in_ns(n, BPMN_NS_MODEL) && strcmp((const char *)n->name, local) == 0;
}

static long line_of(const xmlNode *n)
{
    return xmlGetLineNo(n);
}

/* An attribute without namespace, copied into the arena; NULL if absent. */
static const char *attr(struct reader *r, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (v == NULL) {
        return NULL;
    }
    const char *s = mc_arena_strdup(r->a, (const char *)v);
    xmlFree(v);
    return s;
}

/* The element's text, trimmed of surrounding white space, in the arena. */
static const char *text_of(struct reader *r, const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    if (v == NULL) {
        return mc_arena_strdup(r->a, "");
    }
    const char *s = (const char *)v;
    size_t len = strlen(s);
    while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL) {
        len--;
    }
    size_t start = 0;
    while (start < len && strchr(" \t\r\n", s[start]) != NULL) {
        start++;
    }
    const char *out = mc_arena_strndup(r->a, s + start, len - start);
    xmlFree(v);
    return out;
}

/* "bpmn:userTask#Task_3": BPMN elements under the bpmn: prefix whatever
 * prefix the file uses, others under their own. */
static const char *element_name(struct reader *r, const xmlNode *n)
{
    const char *prefix = "";
    if (in_ns(n, BPMN_NS_MODEL)) {
        prefix = "bpmn";
    } else if (in_ns(n, BPMN_NS_MOTCUA)) {
        prefix = "motcua";
    } else if (n->ns != NULL && n->ns->prefix != NULL) {
        prefix = (const char *)n->ns->prefix;
    }
    xmlChar *id = xmlGetNoNsProp(n, (const xmlChar *)"id");
    const char *s =
        mc_arena_printf(r->a, "%.20s%s%.40s%s%.40s", prefix, prefix[0] ? ":" : "",
                        (const char *)n->name, id ? "#" : "", id ? (const char *)id : "");
    xmlFree(id);
    return s;
}

static void problem(struct reader *r, const xmlNode *n, const char *msg)
{
    bpmn_problem_add(r->m, r->a, element_name(r, n), line_of(n), "%s", msg);
}

static const char *const subset_hint =
    "is outside the motcua subset (start and end events, user tasks, exclusive and "
    "parallel gateways, sequence flows, boundary timers)";

static void outside(struct reader *r, const xmlNode *n)
{
    if (is_bpmn(n, "task")) {
        problem(r, n, "is a task without a type: make it a user task (bpmn:userTask)");
    } else {
        problem(r, n, subset_hint);
    }
}

/* A new node for a flow element; NULL (reported) past the cap or without id. */
static struct bpmn_node *add_node(struct reader *r, const xmlNode *n, enum bpmn_kind kind)
{
    const char *id = attr(r, n, "id");
    if (id == NULL || id[0] == '\0') {
        problem(r, n, "has no id");
        return NULL;
    }
    for (size_t i = 0; i < r->g->nnodes; i++) {
        if (strcmp(r->g->nodes[i].id, id) == 0) {
            problem(r, n, "has the id of an earlier element: ids are unique");
            return NULL;
        }
    }
    if (r->g->nnodes == BPMN_MAX_NODES) {
        if (!r->g->too_many_nodes) {
            problem(r, n, "is one element too many: a process has at most 512 flow elements");
        }
        r->g->too_many_nodes = true;
        return NULL;
    }
    struct bpmn_node *node = &r->g->nodes[r->g->nnodes++];
    memset(node, 0, sizeof(*node));
    node->kind = kind;
    node->id = id;
    node->element = element_name(r, n);
    node->line = line_of(n);
    node->step = -1;
    return node;
}

/* Children allowed on every flow node: drawing hints and comments. */
static bool is_common_child(const xmlNode *c)
{
    return is_bpmn(c, "incoming") || is_bpmn(c, "outgoing") || is_bpmn(c, "documentation");
}

static bool parse_bool(const char *v, bool *out)
{
    if (v == NULL) {
        *out = false;
        return true;
    }
    *out = strcmp(v, "true") == 0;
    return *out || strcmp(v, "false") == 0;
}

/* The text of a motcua:form / motcua:output into the list. */
static void list_item(struct reader *r, const xmlNode *c, const char **items, size_t *n)
{
    const char *t = text_of(r, c);
    if (t[0] == '\0' || strlen(t) > TEXT_MAX) {
        problem(r, c, "must hold 1 to 1000 bytes of text");
    } else if (*n == LIST_MAX) {
        problem(r, c, "is one too many: at most 32 forms and 32 outputs");
    } else {
        items[(*n)++] = t;
    }
}

static const char **list_copy(struct reader *r, const char **items, size_t n)
{
    static const char *empty[1];
    if (n == 0) {
        return empty;
    }
    const char **out = mc_arena_alloc(r->a, n * sizeof(*out));
    memcpy(out, items, n * sizeof(*out));
    return out;
}

static void step_attrs(struct reader *r, const xmlNode *x, struct bpmn_node *node,
                       struct core_step *s)
{
    static const char *const known[] = { "key",   "role",      "unit",
                                         "hours", "mayReturn", "requiresSignature",
                                         NULL };
    for (const xmlAttr *at = x->properties; at; at = at->next) {
        bool ok = at->ns == NULL;
        for (size_t i = 0; ok && known[i] && strcmp(known[i], (const char *)at->name) != 0; i++) {
            ok = known[i + 1] != NULL;
        }
        if (!ok) {
            bpmn_problem_add(r->m, r->a, element_name(r, x), line_of(x),
                             "has an unknown attribute %.40s (known: key, role, unit, hours, "
                             "mayReturn, requiresSignature)",
                             (const char *)at->name);
        }
    }
    const char *key = attr(r, x, "key");
    if (key != NULL) {
        s->key = key;
    }
    s->role = attr(r, x, "role");
    s->unit = attr(r, x, "unit");
    if (s->role == NULL || s->unit == NULL) {
        problem(r, x, "needs the attributes role and unit (who holds the step)");
    }
    const char *hours = attr(r, x, "hours");
    int64_t halves = 0;
    if (hours != NULL && !bpmn_hours_parse(hours, &halves)) {
        problem(r, x, "hours must be a positive number of working hours in steps of 0.5");
    } else if (hours != NULL) {
        s->hours = (double)halves / 2.0;
        node->has_halves = true;
    }
    if (!parse_bool(attr(r, x, "mayReturn"), &s->may_return)) {
        problem(r, x, "mayReturn must be true or false");
    }
    if (!parse_bool(attr(r, x, "requiresSignature"), &s->requires_signature)) {
        problem(r, x, "requiresSignature must be true or false");
    }
}

/* <motcua:step key role unit hours mayReturn requiresSignature> with
 * <motcua:form> and <motcua:output> children. */
static void read_step_ext(struct reader *r, const xmlNode *x, struct bpmn_node *node,
                          struct core_step *s)
{
    step_attrs(r, x, node, s);
    const char *forms[LIST_MAX], *outputs[LIST_MAX];
    size_t nforms = 0, noutputs = 0;
    for (const xmlNode *c = x->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (in_ns(c, BPMN_NS_MOTCUA) && strcmp((const char *)c->name, "form") == 0) {
            list_item(r, c, forms, &nforms);
        } else if (in_ns(c, BPMN_NS_MOTCUA) && strcmp((const char *)c->name, "output") == 0) {
            list_item(r, c, outputs, &noutputs);
        } else {
            problem(r, c, "is not known inside motcua:step (motcua:form, motcua:output)");
        }
    }
    s->forms = list_copy(r, forms, nforms);
    s->nforms = nforms;
    s->outputs = list_copy(r, outputs, noutputs);
    s->noutputs = noutputs;
}

static void read_task_ext(struct reader *r, const xmlNode *ext, struct bpmn_node *node,
                          struct core_step *s, bool *seen)
{
    for (const xmlNode *x = ext->children; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (!in_ns(x, BPMN_NS_MOTCUA) || strcmp((const char *)x->name, "step") != 0) {
            problem(r, x, "is not known in a user task's extensionElements (motcua:step)");
        } else if (*seen) {
            problem(r, x, "is a second motcua:step on the same task");
        } else {
            *seen = true;
            read_step_ext(r, x, node, s);
        }
    }
}

static void read_task(struct reader *r, const xmlNode *n)
{
    struct bpmn_graph *g = r->g;
    if (g->nsteps == CORE_PROCESS_MAX_STEPS) {
        if (!g->too_many_steps) {
            problem(r, n, "is one step too many: a process has at most 64 steps");
        }
        g->too_many_steps = true;
        return;
    }
    struct bpmn_node *node = add_node(r, n, BPMN_TASK);
    if (node == NULL) {
        return;
    }
    struct core_step *s = &g->steps[g->nsteps];
    memset(s, 0, sizeof(*s));
    node->step = (int)g->nsteps;
    g->step_node[g->nsteps++] = (int)(node - g->nodes);
    s->key = node->id;
    s->name = attr(r, n, "name");
    if (s->name == NULL || s->name[0] == '\0' || strlen(s->name) > TEXT_MAX) {
        problem(r, n, "needs a name of 1 to 1000 bytes (what the step does)");
    }
    bool seen = false;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_common_child(c)) {
            continue;
        }
        if (is_bpmn(c, "extensionElements")) {
            read_task_ext(r, c, node, s, &seen);
        } else {
            problem(r, c,
                    "is outside the motcua subset inside a user task (loops, "
                    "multi-instance and data are not modelled)");
        }
    }
    if (!seen) {
        problem(r, n, "needs a motcua:step in its extensionElements (role, unit, hours)");
    }
    if (s->forms == NULL) {
        s->forms = list_copy(r, NULL, 0);
        s->outputs = s->forms;
    }
}

/* Start and end events carry no event definition: a dossier starts at
 * receipt and ends when its result is returned. */
static void read_event(struct reader *r, const xmlNode *n, enum bpmn_kind kind)
{
    if (add_node(r, n, kind) == NULL) {
        return;
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !is_common_child(c)) {
            problem(r, c,
                    "is outside the motcua subset: start and end events have no event definition");
        }
    }
}

static void read_gateway(struct reader *r, const xmlNode *n, enum bpmn_kind kind)
{
    struct bpmn_node *node = add_node(r, n, kind);
    if (node == NULL) {
        return;
    }
    node->default_id = attr(r, n, "default");
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !is_common_child(c)) {
            problem(r, c, "is outside the motcua subset inside a gateway");
        }
    }
}

/* The timer's duration: <timerEventDefinition><timeDuration>PT8H</…></…>. */
static void read_timer_def(struct reader *r, const xmlNode *def, struct bpmn_node *node)
{
    size_t n = 0;
    for (const xmlNode *c = def->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (!is_bpmn(c, "timeDuration")) {
            problem(r, c,
                    "is outside the motcua subset: a boundary timer has a timeDuration (an ISO "
                    "8601 duration of working hours such as PT8H), no date or cycle");
            continue;
        }
        n++;
        if (!bpmn_duration_parse(text_of(r, c), &node->timer_halves)) {
            problem(r, c,
                    "must be an ISO 8601 duration in working hours and minutes, a positive "
                    "multiple of 30 minutes such as PT8H or PT35H30M (days are ambiguous in "
                    "working time)");
        }
    }
    if (n != 1) {
        problem(r, def, "needs exactly one timeDuration");
    }
}

/* A non-interrupting timer on a user task: escalation when the step's
 * allotment runs out (design.md §3). It notifies; it does not move the
 * dossier, so it has no outgoing flow and does not cancel the task. */
static void read_boundary(struct reader *r, const xmlNode *n)
{
    struct bpmn_node *node = add_node(r, n, BPMN_TIMER);
    if (node == NULL) {
        return;
    }
    node->attached = attr(r, n, "attachedToRef");
    const char *cancel = attr(r, n, "cancelActivity");
    if (cancel == NULL || strcmp(cancel, "false") != 0) {
        problem(r, n,
                "must be non-interrupting (cancelActivity=\"false\"): escalation notifies the "
                "holder, the head and the leader, it does not take the dossier away");
    }
    size_t ndefs = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_common_child(c)) {
            continue;
        }
        if (is_bpmn(c, "timerEventDefinition")) {
            ndefs++;
            read_timer_def(r, c, node);
        } else {
            problem(r, c, "is outside the motcua subset: boundary events are timers only");
        }
    }
    if (ndefs != 1) {
        problem(r, n, "needs exactly one timerEventDefinition (a boundary timer for escalation)");
    }
}

/* ${outcome == "key"} (or 'key'), spaces allowed: the outcome is the step the
 * holder forwards to. NULL when the text has another shape. */
static const char *outcome_of(struct reader *r, const char *t)
{
    const char *p = t;
    while (*p == ' ') {
        p++;
    }
    if (strncmp(p, "${", 2) != 0) {
        return NULL;
    }
    p += 2;
    while (*p == ' ') {
        p++;
    }
    if (strncmp(p, "outcome", 7) != 0) {
        return NULL;
    }
    p += 7;
    while (*p == ' ') {
        p++;
    }
    if (strncmp(p, "==", 2) != 0) {
        return NULL;
    }
    p += 2;
    while (*p == ' ') {
        p++;
    }
    char q = *p;
    if (q != '"' && q != '\'') {
        return NULL;
    }
    const char *k = ++p;
    while (*p && *p != q) {
        p++;
    }
    if (*p != q || p == k || p - k > 32) {
        return NULL;
    }
    const char *key = mc_arena_strndup(r->a, k, (size_t)(p - k));
    p++;
    while (*p == ' ') {
        p++;
    }
    return strcmp(p, "}") == 0 ? key : NULL;
}

static void read_flow(struct reader *r, const xmlNode *n)
{
    struct bpmn_graph *g = r->g;
    const char *id = attr(r, n, "id");
    if (id == NULL || id[0] == '\0') {
        problem(r, n, "has no id");
        return;
    }
    if (g->nflows == BPMN_MAX_FLOWS) {
        if (!g->too_many_flows) {
            problem(r, n, "is one flow too many: a process has at most 1024 sequence flows");
        }
        g->too_many_flows = true;
        return;
    }
    struct bpmn_flow *f = &g->flows[g->nflows++];
    memset(f, 0, sizeof(*f));
    f->id = id;
    f->element = element_name(r, n);
    f->line = line_of(n);
    f->source_id = attr(r, n, "sourceRef");
    f->target_id = attr(r, n, "targetRef");
    f->source = f->target = -1;
    size_t nconds = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_bpmn(c, "documentation")) {
            continue;
        }
        if (!is_bpmn(c, "conditionExpression") || nconds++ > 0) {
            problem(r, c,
                    "is outside the motcua subset inside a sequence flow (one "
                    "conditionExpression at most)");
            continue;
        }
        f->outcome = outcome_of(r, text_of(r, c));
        if (f->outcome == NULL) {
            problem(r, c, "must read ${outcome == \"KEY\"}, KEY the step the holder forwards to");
        }
    }
}

static void process_attrs(struct reader *r, const xmlNode *x, struct core_process *p)
{
    p->code = attr(r, x, "code");
    p->drafter = attr(r, x, "drafter");
    p->reviewer = attr(r, x, "reviewer");
    p->approver = attr(r, x, "approver");
    p->effective = attr(r, x, "effective");
    const char *issue = attr(r, x, "issue");
    const char *status = attr(r, x, "status");
    int y, mo, d;
    if (issue != NULL && !mc_parse_i64(issue, 1, 999, &p->issue)) {
        problem(r, x, "issue must be a whole number from 1 to 999");
    }
    if (status != NULL && !core_pv_status_parse(status, &p->status)) {
        problem(r, x, "status must be draft, submitted, approved, effective or superseded");
    }
    if (p->effective != NULL && !mc_parse_date(p->effective, &y, &mo, &d)) {
        problem(r, x, "effective must be a date YYYY-MM-DD");
    }
    if (p->code != NULL && !core_catalog_code_ok(p->code)) {
        problem(r, x, "code must be 1 to 32 characters of A-Z a-z 0-9 . _ -");
    }
}

static void read_process_ext(struct reader *r, const xmlNode *ext)
{
    bool seen = false;
    for (const xmlNode *x = ext->children; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (!in_ns(x, BPMN_NS_MOTCUA) || strcmp((const char *)x->name, "process") != 0 || seen) {
            problem(r, x,
                    "is not known in a process's extensionElements (one motcua:process at most)");
            continue;
        }
        seen = true;
        process_attrs(r, x, &r->m->process);
    }
}

static void read_process_child(struct reader *r, const xmlNode *c)
{
    static const struct {
        const char *name;
        enum bpmn_kind kind;
    } nodes[] = { { "startEvent", BPMN_START },
                  { "endEvent", BPMN_END },
                  { "exclusiveGateway", BPMN_XOR },
                  { "parallelGateway", BPMN_AND } };
    for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
        if (!is_bpmn(c, nodes[i].name)) {
            continue;
        }
        if (nodes[i].kind == BPMN_START || nodes[i].kind == BPMN_END) {
            read_event(r, c, nodes[i].kind);
        } else {
            read_gateway(r, c, nodes[i].kind);
        }
        return;
    }
    if (is_bpmn(c, "userTask")) {
        read_task(r, c);
    } else if (is_bpmn(c, "sequenceFlow")) {
        read_flow(r, c);
    } else if (is_bpmn(c, "boundaryEvent")) {
        read_boundary(r, c);
    } else if (is_bpmn(c, "extensionElements")) {
        read_process_ext(r, c);
    } else if (is_bpmn(c, "documentation") || is_bpmn(c, "laneSet") ||
               is_bpmn(c, "textAnnotation") || is_bpmn(c, "association")) {
        /* Drawing only: lanes partition the picture, role and unit are on
         * each task. */
    } else {
        outside(r, c);
        if (xmlHasProp(c, (const xmlChar *)"id") != NULL) {
            (void)add_node(r, c, BPMN_OTHER);
        }
    }
}

static void read_process(struct reader *r, const xmlNode *n)
{
    r->m->process_element = element_name(r, n);
    r->m->process_line = line_of(n);
    const char *name = attr(r, n, "name");
    r->m->process.name = name && name[0] ? name : NULL;
    if (name != NULL && strlen(name) > TEXT_MAX) {
        problem(r, n, "has a name longer than 1000 bytes");
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            read_process_child(r, c);
        }
    }
}

/* A pool drawn around the one process is fine; several pools, or message
 * flows between them, are collaboration outside one unit's process. */
static void read_collaboration(struct reader *r, const xmlNode *n)
{
    size_t participants = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_bpmn(c, "documentation")) {
            continue;
        }
        if (is_bpmn(c, "participant") && participants++ == 0) {
            continue;
        }
        if (is_bpmn(c, "participant")) {
            problem(r, c,
                    "is a second pool: one process per file (pools with several processes "
                    "are outside the subset)");
        } else {
            problem(r, c,
                    "is outside the motcua subset: a collaboration holds one pool and no "
                    "message flows");
        }
    }
}

static void read_definitions(struct reader *r, const xmlNode *root)
{
    size_t nprocesses = 0;
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (is_bpmn(c, "process")) {
            if (nprocesses++ == 0) {
                read_process(r, c);
            } else {
                problem(r, c, "is a second process: one process per file");
            }
        } else if (is_bpmn(c, "collaboration")) {
            read_collaboration(r, c);
        } else if (is_bpmn(c, "documentation") || is_bpmn(c, "extensionElements") ||
                   strcmp((const char *)c->name, "BPMNDiagram") == 0) {
            /* The diagram is drawing only; the definition is in the process. */
        } else {
            outside(r, c);
        }
    }
    if (nprocesses == 0) {
        problem(r, root, "has no bpmn:process");
    }
}

/* The bytes name no DTD: no DOCTYPE means no entity can be declared, so
 * nothing is expanded and no file or URL is ever read (XXE, billion
 * laughs). Checked on the raw bytes, before libxml2 parses anything. */
static bool has_doctype(const char *data, size_t len, long *line)
{
    /* memmem is a GNU extension: scan for "<!" and compare. */
    *line = 1;
    for (size_t i = 0; i + 2 <= len; i++) {
        *line += data[i] == '\n';
        if (data[i] != '<' || data[i + 1] != '!') {
            continue;
        }
        if ((len - i >= 9 && memcmp(data + i, "<!DOCTYPE", 9) == 0) ||
            (len - i >= 8 && memcmp(data + i, "<!ENTITY", 8) == 0)) {
            return true;
        }
    }
    return false;
}

/* Element count and depth, without recursion. */
static bool within_limits(const xmlNode *root, const xmlNode **at, const char **what)
{
    size_t count = 0, depth = 1;
    const xmlNode *n = root;
    while (n != NULL) {
        if (n->type == XML_ELEMENT_NODE) {
            if (++count > BPMN_MAX_ELEMENTS) {
                *at = n;
                *what = "the document has more than 20000 elements";
                return false;
            }
            if (depth > BPMN_MAX_DEPTH) {
                *at = n;
                *what = "elements are nested more than 32 deep";
                return false;
            }
        }
        if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
            n = n->children;
            depth++;
            continue;
        }
        while (n != NULL && n != root && n->next == NULL) {
            n = n->parent;
            depth--;
        }
        n = n == NULL || n == root ? NULL : n->next;
    }
    return true;
}

/* libxml2 reports through the parser context; nothing reaches stderr. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlDocPtr read_xml(struct reader *r, const char *data, size_t len)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        bpmn_problem_add(r->m, r->a, "document", 0, "the XML parser could not start");
        return NULL;
    }
    ctxt->sax->error = quiet;
    ctxt->sax->warning = quiet;
    ctxt->sax->serror = NULL;
    /* Some errors (encoding conversion) are raised without the context and
     * go to the generic handler, which prints on stderr: silence it for
     * this thread (libxml2 keeps it per thread) while we parse. */
    xmlSetGenericErrorFunc(NULL, quiet);
    /* NONET: never fetch; no NOENT or DTDLOAD: never expand or load. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, "process.bpmn", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
    if (doc == NULL || !ctxt->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        const char *msg = e && e->message ? e->message : "not well-formed";
        size_t ml = strlen(msg);
        while (ml > 0 && (msg[ml - 1] == '\n' || msg[ml - 1] == ' ')) {
            ml--;
        }
        bpmn_problem_add(r->m, r->a, "document", e ? e->line : 0, "malformed XML: %.*s", (int)ml,
                         msg);
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    xmlSetGenericErrorFunc(NULL, NULL);
    return doc;
}

static void model_init(struct bpmn_model *m)
{
    memset(m, 0, sizeof(*m));
    m->process.status = CORE_PV_DRAFT;
    m->process_element = "bpmn:process";
}

/* The steps and where each came from, once the graph is folded. */
static void publish_steps(struct reader *r)
{
    struct bpmn_model *m = r->m;
    struct bpmn_graph *g = r->g;
    m->process.nsteps = g->nsteps;
    m->process.steps = mc_arena_alloc(r->a, (g->nsteps ? g->nsteps : 1) * sizeof(struct core_step));
    m->step_element = mc_arena_alloc(r->a, (g->nsteps ? g->nsteps : 1) * sizeof(char *));
    m->step_line = mc_arena_alloc(r->a, (g->nsteps ? g->nsteps : 1) * sizeof(long));
    for (size_t i = 0; i < g->nsteps; i++) {
        m->process.steps[i] = g->steps[i];
        m->step_element[i] = g->nodes[g->step_node[i]].element;
        m->step_line[i] = g->nodes[g->step_node[i]].line;
    }
}

enum mc_status bpmn_parse_mem(const char *data, size_t len, struct mc_arena *a,
                              struct bpmn_model *m, struct mc_err *err)
{
    model_init(m);
    if (len > BPMN_MAX_BYTES) {
        return mc_fail_field(err, MC_ELIMIT, "document",
                             "the BPMN document is larger than %d bytes", BPMN_MAX_BYTES);
    }
    struct reader r = { .m = m, .a = a, .g = mc_arena_alloc(a, sizeof(struct bpmn_graph)) };
    memset(r.g, 0, sizeof(*r.g));
    long line = 0;
    if (has_doctype(data, len, &line)) {
        bpmn_problem_add(m, a, "document", line,
                         "a DOCTYPE or entity declaration is not allowed in a BPMN file");
        return bpmn_fail_first(m, a, err);
    }
    pthread_once(&init_once, init_libxml);
    xmlDocPtr doc = read_xml(&r, data, len);
    if (doc == NULL) {
        return bpmn_fail_first(m, a, err);
    }
    enum mc_status rc = MC_OK;
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *at = NULL;
    const char *what = NULL;
    if (root == NULL || doc->intSubset != NULL || doc->extSubset != NULL) {
        bpmn_problem_add(m, a, "document", 0, "no root element, or a DTD");
    } else if (!within_limits(root, &at, &what)) {
        rc = mc_fail_field(
            err, MC_ELIMIT,
            bpmn_problem_where(
                a, &(struct bpmn_problem){ .element = element_name(&r, at), .line = line_of(at) }),
            "%s", what);
    } else if (!is_bpmn(root, "definitions")) {
        problem(&r, root, "must be bpmn:definitions in the namespace " BPMN_NS_MODEL);
    } else {
        read_definitions(&r, root);
        bpmn_graph_fold(r.g, m, a);
        publish_steps(&r);
    }
    xmlFreeDoc(doc);
    if (rc == MC_OK && m->nproblems_total > 0) {
        rc = bpmn_fail_first(m, a, err);
    }
    return rc;
}
