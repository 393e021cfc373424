/* The answer of a transition as JSON text, written straight from its
 * snapshot (dossier_out.h http_dossier_snap_text).
 *
 * Every successful transition answers with the dossier view. Built as a
 * jansson tree (an object per nested value, a string per field, the clock
 * objects edited in place) and then serialised, it cost about a sixth of a
 * transition's CPU, most of it in malloc. Here the same text is written in
 * one pass, with jansson's rules for what it prints (json_dumps with
 * JSON_COMPACT): keys in the order they were set, a key whose value was
 * replaced keeping its place, a deleted key gone; strings escaped as
 * jansson does (quote, backslash, control characters; UTF-8 as is, a string
 * that is not valid UTF-8 or a real that is not finite has no key); reals as "%.17g" with ".0"
 * added when that reads as an integer. The view's JSON-text cells (applicant, branches, next steps)
 * go through jansson still, parsed and printed alone: they are small and usually empty.
 * it.dossier_walk compares every answer with GET's view (jansson) byte for byte. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "http/dossier_out.h"

static void put_str(struct mc_buf *b, const char *s)
{
    mc_buf_append(b, "\"", 1);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        mc_buf_append(b, run, (size_t)(p - run));
        run = p + 1;
        switch (c) {
        case '"':
            mc_buf_append(b, "\\\"", 2);
            break;
        case '\\':
            mc_buf_append(b, "\\\\", 2);
            break;
        case '\b':
            mc_buf_append(b, "\\b", 2);
            break;
        case '\f':
            mc_buf_append(b, "\\f", 2);
            break;
        case '\n':
            mc_buf_append(b, "\\n", 2);
            break;
        case '\r':
            mc_buf_append(b, "\\r", 2);
            break;
        case '\t':
            mc_buf_append(b, "\\t", 2);
            break;
        default:
            mc_buf_appendf(b, "\\u%04X", (unsigned)c);
            break;
        }
    }
    mc_buf_puts(b, run);
    mc_buf_append(b, "\"", 1);
}

/* `"key":` after a comma unless it is the object's first. */
static void put_key(struct mc_buf *b, bool *first, const char *key)
{
    if (!*first) {
        mc_buf_append(b, ",", 1);
    }
    *first = false;
    put_str(b, key);
    mc_buf_append(b, ":", 1);
}

static void put_int(struct mc_buf *b, int64_t v)
{
    mc_buf_appendf(b, "%lld", (long long)v);
}

/* As jansson prints a real: 17 significant digits, ".0" when the text has
 * neither a point nor an exponent, no '+' nor leading zeros in it. */
static void put_real(struct mc_buf *b, double v)
{
    char buf[64];
    int n = snprintf(buf, sizeof(buf) - 3, "%.17g", v);
    if (n < 0 || (size_t)n >= sizeof(buf) - 3) {
        mc_buf_puts(b, "null");
        return;
    }
    if (strchr(buf, '.') == NULL && strchr(buf, 'e') == NULL) {
        memcpy(buf + n, ".0", 3);
    }
    char *exp = strchr(buf, 'e');
    if (exp) {
        char *start = exp + 1;
        char *end = start + 1;
        if (*start == '-') {
            start++;
        }
        while (*end == '0') {
            end++;
        }
        if (end != start) {
            memmove(start, end, strlen(end) + 1);
        }
    }
    mc_buf_puts(b, buf);
}

static void put_instant(struct mc_buf *b, int64_t minutes)
{
    char buf[40];
    http_instant_text(minutes, buf);
    put_str(b, buf);
}

/* A cell that jansson would not have set: a string that is not UTF-8, a
 * real that is not finite (json_real refuses both). */
static bool cell_dropped(const struct store_cell *c)
{
    return (c->type == STORE_CELL_TEXT && !c->json && !mc_utf8_valid(c->text, strlen(c->text))) ||
           (c->type == STORE_CELL_REAL && !isfinite(c->r));
}

/* A JSON-text cell, parsed and printed alone; "branches" gets each branch
 * clock's derived fields, as in the tree. */
static void put_json_cell(struct mc_buf *b, const struct store_cell *c, bool branches,
                          const struct engine *e, int64_t now)
{
    json_t *v = json_loads(c->text, JSON_DECODE_ANY, NULL);
    if (v == NULL) {
        mc_buf_puts(b, "null");
        return;
    }
    for (size_t i = 0; branches && i < json_array_size(v); i++) {
        http_clock_derive(json_object_get(json_array_get(v, i), "clock"), e, now);
    }
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(v);
    mc_buf_puts(b, text ? text : "null");
    free(text);
}

static void put_value(struct mc_buf *b, const struct store_cell *c, bool branches,
                      const struct engine *e, int64_t now)
{
    switch (c->type) {
    case STORE_CELL_INT:
        if (c->instant) {
            put_instant(b, c->i);
        } else {
            put_int(b, c->i);
        }
        return;
    case STORE_CELL_REAL:
        put_real(b, c->r);
        return;
    case STORE_CELL_TEXT:
        if (c->json) {
            put_json_cell(b, c, branches, e, now);
        } else {
            put_str(b, c->text);
        }
        return;
    case STORE_CELL_NULL:
        break;
    }
    mc_buf_puts(b, "null");
}

static const struct store_cell *field(const struct store_cell *cells, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(cells[i].name, name) == 0) {
            return &cells[i];
        }
    }
    return NULL;
}

static int64_t int_field(const struct store_cell *cells, size_t n, const char *name)
{
    const struct store_cell *c = field(cells, n, name);
    return c && c->type == STORE_CELL_INT && !c->instant ? c->i : 0;
}

/* One nested object from its consecutive cells (names without the
 * prefix): null as a whole when its first cell is. A clock ("clock",
 * "step_clock") gets http_clock_derive's fields and loses running_since. */
static void put_object(struct mc_buf *b, const struct store_cell *cells, size_t n, bool clock,
                       const struct engine *e, int64_t now)
{
    if (cells[0].type == STORE_CELL_NULL) {
        mc_buf_puts(b, "null");
        return;
    }
    struct eng_clock c = { 0 };
    const struct store_cell *st = clock ? field(cells, n, "state") : NULL;
    bool derive = st && !cell_dropped(st) && st->type == STORE_CELL_TEXT && !st->json &&
                  http_clock_state(st->text, &c.state);
    mc_buf_append(b, "{", 1);
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        if (cell_dropped(&cells[i]) || (derive && strcmp(cells[i].name, "running_since") == 0)) {
            continue;
        }
        put_key(b, &first, cells[i].name);
        put_value(b, &cells[i], false, e, now);
    }
    if (derive) {
        c.budget = int_field(cells, n, "budget");
        c.consumed = int_field(cells, n, "consumed");
        c.running_since = int_field(cells, n, "running_since");
        int64_t remaining = eng_clock_remaining_at(&c, now, &e->wt);
        int64_t overdue = eng_clock_overdue_at(&c, now, &e->wt);
        put_key(b, &first, "consumed_now");
        put_int(b, eng_clock_consumed_at(&c, now, &e->wt));
        put_key(b, &first, "remaining_minutes");
        put_int(b, remaining);
        put_key(b, &first, "overdue_minutes");
        put_int(b, overdue);
        if (c.state == ENG_CLOCK_RUNNING || c.state == ENG_CLOCK_PAUSED) {
            put_key(b, &first, "class");
            put_str(b, http_clock_class(remaining, overdue));
        }
        if (c.state == ENG_CLOCK_RUNNING) {
            put_key(b, &first, "due_at");
            put_instant(b, eng_clock_due_from(&c, now, &e->wt));
        }
    }
    mc_buf_append(b, "}", 1);
}

/* The cells as http_dossier_view's put_cell nests them: "a.b" is key b of
 * object a; an object's cells are consecutive (store_dossier_cells). */
static void put_cells(struct mc_buf *b, bool *first, const struct http_dossier_snap *s,
                      struct store_cell *scratch, const struct engine *e, int64_t now)
{
    for (size_t i = 0; i < s->n_cells;) {
        const struct store_cell *c = &s->cells[i];
        const char *dot = strchr(c->name, '.');
        if (dot == NULL) {
            if (!cell_dropped(c)) {
                put_key(b, first, c->name);
                put_value(b, c, strcmp(c->name, "branches") == 0, e, now);
            }
            i++;
            continue;
        }
        size_t len = (size_t)(dot - c->name);
        char prefix[32];
        if (len >= sizeof(prefix)) {
            i++; /* put_cell drops it too */
            continue;
        }
        memcpy(prefix, c->name, len);
        prefix[len] = '\0';
        size_t n = 0;
        while (i + n < s->n_cells && strncmp(s->cells[i + n].name, c->name, len + 1) == 0) {
            scratch[n] = s->cells[i + n];
            scratch[n].name += len + 1;
            n++;
        }
        put_key(b, first, prefix);
        bool clock = strcmp(prefix, "clock") == 0 || strcmp(prefix, "step_clock") == 0;
        put_object(b, scratch, n, clock, e, now);
        i += n;
    }
}

char *http_dossier_snap_text(const struct http_dossier_snap *s, const struct engine *e,
                             const struct engine_actor *who, int64_t now, const char *action)
{
    const struct eng_dossier *d = &s->d->state;
    struct mc_buf b;
    mc_buf_init(&b, 0);
    mc_buf_append(&b, "{", 1);
    bool first = true;
    struct store_cell *scratch = mc_xcalloc(s->n_cells ? s->n_cells : 1, sizeof(*scratch));
    put_cells(&b, &first, s, scratch, e, now);
    free(scratch);
    put_key(&b, &first, "status_key");
    put_str(&b, eng_status_key(d->status));
    put_key(&b, &first, "status_name");
    put_str(&b, eng_status_name_vi(d->status));
    put_key(&b, &first, "supplement_requests");
    put_int(&b, d->supplement_requests);
    put_key(&b, &first, "apologies");
    put_int(&b, d->apologies);
    put_key(&b, &first, "consults");
    mc_buf_append(&b, "[", 1);
    for (size_t i = 0; i < d->n_consults; i++) {
        mc_buf_appendf(&b, "%s{\"unit_id\":%lld,\"answered\":%s}", i ? "," : "",
                       (long long)d->consults[i].unit,
                       d->consults[i].answered_at != 0 ? "true" : "false");
    }
    mc_buf_append(&b, "]", 1);
    if (d->n_branches > 0) {
        put_key(&b, &first, "my_branch");
        put_str(&b, eng_branch_for(d, &who->eng));
    }
    uint32_t mask = engine_allowed_steps(e, s->steps, s->n_steps, who, s->d, now);
    put_key(&b, &first, "allowed_actions");
    mc_buf_append(&b, "[", 1);
    bool first_action = true;
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        if (mask & (1u << a)) {
            if (!first_action) {
                mc_buf_append(&b, ",", 1);
            }
            first_action = false;
            put_str(&b, eng_action_key((enum eng_action)a));
        }
    }
    mc_buf_append(&b, "]", 1);
    if (action) {
        put_key(&b, &first, "action");
        put_str(&b, action);
    }
    mc_buf_append(&b, "}", 1);
    return mc_buf_detach(&b, NULL);
}
