/* A calendar change and the deadlines it moved (0014_reschedules.sql,
 * docs/CALENDAR.md §3.2): the open dossiers to look at, in id order and in
 * batches (the caller updates them between batches), the branch rows'
 * fired rungs, and the append-only record of what moved. All in the
 * caller's transaction. */
#ifndef MC_STORE_RESCHEDULE_H
#define MC_STORE_RESCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

/* Ids of received, unfinished dossiers and cases (statuses 2, 4, 5, 6)
 * greater than `after`, ascending, up to cap. */
enum mc_status store_open_dossier_ids(struct store *st, int64_t after, int64_t *ids, size_t cap,
                                      size_t *n, struct mc_err *err) MC_MUST_CHECK;

/* The fired rungs of branch `ord` of a dossier (*exists false: no row). */
enum mc_status store_branch_fired(struct store *st, int64_t dossier, int64_t ord, bool *exists,
                                  uint32_t *fired, int64_t *next_rung_at,
                                  struct mc_err *err) MC_MUST_CHECK;

/* Where a calendar change came from (0017_reschedule_source.sql). */
#define STORE_CHANGE_API    "api"    /* PUT /api/calendar/agency */
#define STORE_CHANGE_IMPORT "import" /* motcua import DIR with a calendar.txt */

/* Open the record of a calendar change (person 0: none; source one of the
 * STORE_CHANGE_* words); its counts are set by store_calendar_change_done. */
enum mc_status store_calendar_change_begin(struct store *st, int64_t now, int64_t person,
                                           const char *source, size_t text_length, int64_t *change,
                                           struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_calendar_change_done(struct store *st, int64_t change, int64_t scanned,
                                          int64_t rescheduled, int64_t appointments,
                                          struct mc_err *err) MC_MUST_CHECK;

/* One dossier the change moved: its appointment, legal due time and the
 * desk's transfer deadline, before and after. */
struct store_reschedule_row {
    int64_t dossier;
    int64_t due_before, due_after;
    int64_t legal_before, legal_after;
    int64_t transfer_before, transfer_after;
};
enum mc_status store_reschedule_add(struct store *st, int64_t change,
                                    const struct store_reschedule_row *r,
                                    struct mc_err *err) MC_MUST_CHECK;

/* The last calendar change recorded (0: none). The server compares it with
 * the one its calendar in force came from, to pick up an import made by
 * another process (http/calendar_ctx.h). */
enum mc_status store_calendar_change_last(struct store *st, int64_t *change,
                                          struct mc_err *err) MC_MUST_CHECK;

/* The calendar changes that moved dossier `dossier`'s deadlines, oldest
 * first, as a JSON array (the dossier view's "reschedules", docs/CALENDAR.md
 * §3.2): when, by whom, from where, and each instant before and after. */
enum mc_status store_dossier_reschedules_json(struct store *st, int64_t dossier, char **json,
                                              struct mc_err *err) MC_MUST_CHECK;

#endif
