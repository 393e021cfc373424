/* The dossier as the API shows it: the store's JSON plus what is derived at
 * request time (never stored): Vietnamese status name, remaining working
 * time and its colour class, and the actions the caller may take now. */
#ifndef MC_HTTP_DOSSIER_OUT_H
#define MC_HTTP_DOSSIER_OUT_H

#include <jansson.h>

#include "engine/engine.h"
#include "http/request.h"
#include "store/store_dossier.h"

/* An instant as the API writes it: "YYYY-MM-DDTHH:MM:00+07:00". */
void http_instant_text(int64_t minutes, char out[40]);

/* A clock's stored state name ("idle", "running", "paused", "stopped"). */
bool http_clock_state(const char *s, enum eng_clock_state *out);

/* "early" (more than one working day left), "under_one_day", "late". */
const char *http_clock_class(int64_t remaining, int64_t overdue);

/* Derived fields of a clock object {state, budget, consumed, running_since}
 * added in place: remaining_minutes, overdue_minutes, class. */
void http_clock_derive(json_t *clock, const struct engine *e, int64_t now);

/* The stored part of the view alone (no derived fields, no caller): what
 * the printable forms read (h_forms.c, motcua form). *out: new reference. */
enum mc_status http_dossier_record(struct store *db, int64_t id, json_t **out,
                                   struct mc_err *err) MC_MUST_CHECK;

/* Build the view of a loaded dossier (*out: new reference). */
enum mc_status http_dossier_view(struct http_req *req, const struct engine *e,
                                 const struct engine_actor *who, const struct store_dossier *d,
                                 int64_t now, json_t **out, struct mc_err *err) MC_MUST_CHECK;

/* What the view of one dossier is made of, read at one moment (inside a
 * transition, before its commit) and rendered later without the store
 * (after the commit is durable, outside the writer). In req's arena. */
struct http_dossier_snap {
    struct store_dossier *d;
    struct store_cell *cells; /* store_dossier_cells, in order */
    size_t n_cells;
    struct eng_step *steps; /* of d's process version */
    size_t n_steps;
};
enum mc_status http_dossier_snap_take(struct http_req *req, int64_t id,
                                      struct http_dossier_snap *out,
                                      struct mc_err *err) MC_MUST_CHECK;
/* The JSON text (compact, malloc'd) of the view http_dossier_view would
 * have built at the snapshot's moment, plus "action": `action` unless NULL,
 * written directly: the same bytes json_dumps(JSON_COMPACT) gives for that
 * view, without building it as a jansson tree (dossier_json.c). */
char *http_dossier_snap_text(const struct http_dossier_snap *s, const struct engine *e,
                             const struct engine_actor *who, int64_t now, const char *action);

/* May the caller read this dossier? (its units, leaders in scope, control,
 * reception of its desk, anyone who may act on it) */
bool http_dossier_readable(struct http_req *req, json_t *view);

#endif
