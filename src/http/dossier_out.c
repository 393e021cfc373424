/* The dossier view: store JSON + derived fields. */
#include "http/dossier_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/civil.h"
#include "core/role.h"
#include "http/auth.h"
#include "store/store_dossier.h"

const char *http_clock_class(int64_t remaining, int64_t overdue)
{
    if (overdue > 0) {
        return "late";
    }
    return remaining <= ENG_WORKDAY_MINUTES ? "under_one_day" : "early";
}

bool http_clock_state(const char *s, enum eng_clock_state *out)
{
    static const char *const names[] = { "idle", "running", "paused", "stopped" };
    for (int i = 0; i < 4; i++) {
        if (s && strcmp(s, names[i]) == 0) {
            *out = (enum eng_clock_state)i;
            return true;
        }
    }
    return false;
}

void http_instant_text(int64_t minutes, char out[40])
{
    struct eng_date d = eng_local_date(minutes);
    int m = eng_local_minute_of_day(minutes);
    snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:00+07:00", d.year, d.month, d.day, m / 60, m % 60);
}

static json_t *instant_json(int64_t minutes)
{
    char buf[40];
    http_instant_text(minutes, buf);
    return json_string(buf);
}

void http_clock_derive(json_t *clock, const struct engine *e, int64_t now)
{
    struct eng_clock c = { 0 };
    if (!json_is_object(clock) ||
        !http_clock_state(json_string_value(json_object_get(clock, "state")), &c.state)) {
        return;
    }
    c.budget = json_integer_value(json_object_get(clock, "budget"));
    c.consumed = json_integer_value(json_object_get(clock, "consumed"));
    c.running_since = json_integer_value(json_object_get(clock, "running_since"));
    int64_t remaining = eng_clock_remaining_at(&c, now, &e->wt);
    int64_t overdue = eng_clock_overdue_at(&c, now, &e->wt);
    json_object_set_new(clock, "consumed_now",
                        json_integer(eng_clock_consumed_at(&c, now, &e->wt)));
    json_object_set_new(clock, "remaining_minutes", json_integer(remaining));
    json_object_set_new(clock, "overdue_minutes", json_integer(overdue));
    if (c.state == ENG_CLOCK_RUNNING || c.state == ENG_CLOCK_PAUSED) {
        json_object_set_new(clock, "class", json_string(http_clock_class(remaining, overdue)));
    }
    if (c.state == ENG_CLOCK_RUNNING) {
        /* The step's (or dossier's) due time on the calendar in force. */
        json_object_set_new(clock, "due_at", instant_json(eng_clock_due_from(&c, now, &e->wt)));
    }
    json_object_del(clock, "running_since");
}

/* Cells of store_dossier_cells into a JSON object (see its header for the
 * naming). */
struct view_build {
    json_t *root;
    json_t *obj;     /* the current nested object; NULL when it is null */
    char prefix[32]; /* its key */
};

static json_t *cell_json(const struct store_cell *c)
{
    switch (c->type) {
    case STORE_CELL_INT:
        return c->instant ? instant_json(c->i) : json_integer((json_int_t)c->i);
    case STORE_CELL_REAL:
        return json_real(c->r);
    case STORE_CELL_TEXT:
        if (c->json) {
            json_t *v = json_loads(c->text, JSON_DECODE_ANY, NULL);
            return v ? v : json_null();
        }
        return json_string(c->text);
    case STORE_CELL_NULL:
        break;
    }
    return json_null();
}

static void put_cell(void *ctx, const struct store_cell *c)
{
    struct view_build *b = ctx;
    const char *dot = strchr(c->name, '.');
    if (dot == NULL) {
        json_object_set_new(b->root, c->name, cell_json(c));
        b->prefix[0] = '\0';
        return;
    }
    size_t len = (size_t)(dot - c->name);
    if (len >= sizeof(b->prefix)) {
        return;
    }
    if (strncmp(b->prefix, c->name, len) != 0 || b->prefix[len] != '\0') {
        /* A new object, null as a whole when its first cell is. */
        memcpy(b->prefix, c->name, len);
        b->prefix[len] = '\0';
        b->obj = c->type == STORE_CELL_NULL ? NULL : json_object();
        json_object_set_new(b->root, b->prefix, b->obj ? b->obj : json_null());
    }
    if (b->obj) {
        json_object_set_new(b->obj, dot + 1, cell_json(c));
    }
}

enum mc_status http_dossier_record(struct store *db, int64_t id, json_t **out, struct mc_err *err)
{
    struct view_build b = { .root = json_object() };
    enum mc_status rc = store_dossier_cells(db, id, put_cell, &b, err);
    if (rc != MC_OK) {
        json_decref(b.root);
        b.root = NULL;
    }
    *out = b.root;
    return rc;
}

/* The fields derived at request time, added to the stored part j. */
static void add_derived(json_t *j, const struct engine *e, const struct engine_actor *who,
                        const struct store_dossier *d, int64_t now, uint32_t allowed_mask)
{
    json_object_set_new(j, "status_key", json_string(eng_status_key(d->state.status)));
    json_object_set_new(j, "status_name", json_string(eng_status_name_vi(d->state.status)));
    json_object_set_new(j, "supplement_requests", json_integer(d->state.supplement_requests));
    json_object_set_new(j, "apologies", json_integer(d->state.apologies));
    json_t *consults = json_array();
    for (size_t i = 0; i < d->state.n_consults; i++) {
        json_array_append_new(consults, json_pack("{s:I, s:b}", "unit_id",
                                                  (json_int_t)d->state.consults[i].unit, "answered",
                                                  d->state.consults[i].answered_at != 0));
    }
    json_object_set_new(j, "consults", consults);
    /* Inside a parallel block: the branch this caller's actions apply to
     * (what engine_act takes when the body names none). */
    if (d->state.n_branches > 0) {
        json_object_set_new(j, "my_branch", json_string(eng_branch_for(&d->state, &who->eng)));
    }
    http_clock_derive(json_object_get(j, "clock"), e, now);
    http_clock_derive(json_object_get(j, "step_clock"), e, now);
    json_t *branches = json_object_get(j, "branches");
    for (size_t i = 0; i < json_array_size(branches); i++) {
        http_clock_derive(json_object_get(json_array_get(branches, i), "clock"), e, now);
    }
    json_t *allowed = json_array();
    for (unsigned a = 0; a < ENG_ACT_COUNT; a++) {
        if (allowed_mask & (1u << a)) {
            json_array_append_new(allowed, json_string(eng_action_key((enum eng_action)a)));
        }
    }
    json_object_set_new(j, "allowed_actions", allowed);
}

enum mc_status http_dossier_view(struct http_req *req, const struct engine *e,
                                 const struct engine_actor *who, const struct store_dossier *d,
                                 int64_t now, json_t **out, struct mc_err *err)
{
    *out = NULL;
    struct view_build b = { .root = json_object() };
    enum mc_status rc = store_dossier_cells(req->db, d->id, put_cell, &b, err);
    uint32_t mask = 0;
    if (rc == MC_OK) {
        rc = engine_allowed(e, req->db, who, d, now, &mask, err);
    }
    if (rc != MC_OK) {
        json_decref(b.root);
        return rc;
    }
    add_derived(b.root, e, who, d, now, mask);
    *out = b.root;
    return MC_OK;
}

/* Copies one cell into the snapshot (names and text into the arena: the
 * statement's are valid during the callback only). */
struct snap_take {
    struct http_dossier_snap *snap;
    struct mc_arena *arena;
    size_t cap;
};

static void keep_cell(void *ctx, const struct store_cell *c)
{
    struct snap_take *t = ctx;
    struct http_dossier_snap *s = t->snap;
    if (s->n_cells == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        struct store_cell *cells = mc_arena_alloc(t->arena, cap * sizeof(*cells));
        if (s->n_cells) {
            memcpy(cells, s->cells, s->n_cells * sizeof(*cells));
        }
        s->cells = cells;
        t->cap = cap;
    }
    struct store_cell *k = &s->cells[s->n_cells++];
    *k = *c;
    k->name = mc_arena_strdup(t->arena, c->name);
    if (c->type == STORE_CELL_TEXT) {
        k->text = mc_arena_strdup(t->arena, c->text);
    }
}

enum mc_status http_dossier_snap_take(struct http_req *req, int64_t id,
                                      struct http_dossier_snap *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    out->d = mc_arena_alloc(&req->arena, sizeof(*out->d));
    enum mc_status rc = store_dossier_load_id(req->db, id, out->d, err);
    struct eng_step steps[STORE_STEPS_MAX];
    if (rc == MC_OK) {
        rc = store_dossier_steps(req->db, out->d->version_id, steps, STORE_STEPS_MAX, &out->n_steps,
                                 err);
    }
    if (rc == MC_OK && out->n_steps > 0) {
        out->steps = mc_arena_alloc(&req->arena, out->n_steps * sizeof(*steps));
        memcpy(out->steps, steps, out->n_steps * sizeof(*steps));
    }
    struct snap_take t = { .snap = out, .arena = &req->arena };
    if (rc == MC_OK) {
        rc = store_dossier_cells(req->db, id, keep_cell, &t, err);
    }
    return rc;
}

static const char *unit_code(json_t *view, const char *key)
{
    return json_string_value(json_object_get(json_object_get(view, key), "code"));
}

bool http_dossier_readable(struct http_req *req, json_t *view)
{
    if (req->who == NULL) {
        return false;
    }
    if (json_array_size(json_object_get(view, "allowed_actions")) > 0) {
        return true;
    }
    json_t *holder = json_object_get(view, "holder");
    if (holder && json_integer_value(json_object_get(holder, "id")) == req->who->person_id) {
        return true;
    }
    const char *keys[] = { "unit", "step_unit", "desk_unit" };
    for (int i = 0; i < 3; i++) {
        const char *u = unit_code(view, keys[i]);
        if (u && http_can_read_unit(req, u)) {
            return true;
        }
    }
    /* Inside a parallel block, every branch's unit and holder. */
    json_t *branches = json_object_get(view, "branches");
    for (size_t i = 0; i < json_array_size(branches); i++) {
        json_t *b = json_array_get(branches, i);
        const char *u = unit_code(b, "unit");
        json_t *h = json_object_get(b, "holder");
        if ((u && http_can_read_unit(req, u)) ||
            (h && json_integer_value(json_object_get(h, "id")) == req->who->person_id)) {
            return true;
        }
    }
    return false;
}
