/* A calendar change applied to the open dossiers (docs/CALENDAR.md §3.2):
 * one pass, inside the caller's transaction, over every received and
 * unfinished dossier and case. */
#ifndef MC_ENGINE_ENGINE_RESCHEDULE_H
#define MC_ENGINE_ENGINE_RESCHEDULE_H

#include <stdint.h>

#include "engine/engine.h"
#include "store/store_reschedule.h"

struct engine_reschedule_result {
    int64_t change;       /* calendar_changes.id */
    int64_t scanned;      /* open dossiers looked at */
    int64_t rescheduled;  /* whose stored deadlines moved */
    int64_t appointments; /* of which the appointment (ngày hẹn trả) moved */
    int64_t notified;     /* notifications written */
};

/*
 * engine_reschedule() - recompute, from calendar `old_wt` to `new_wt` at
 * `now`, every open dossier's derived instants (core/reschedule.h), write
 * the moved ones (state and projected columns, version + 1), recompute the
 * escalation wake-ups of their clocks and branches on the new calendar,
 * record the change and each moved dossier (0014_reschedules.sql), and tell
 * the holder (the unit's heads while it waits in the queue) when the
 * appointment or the legal due time moved. `actor`: the administrator (0:
 * none, an import without --by), `source`: STORE_CHANGE_API or
 * STORE_CHANGE_IMPORT, `text_length`: the new agency file's length (0:
 * removed). Counters, verdicts and the handover log are not touched.
 */
enum mc_status engine_reschedule(const struct engine *e, struct store *st,
                                 const struct eng_worktime *old_wt,
                                 const struct eng_worktime *new_wt, int64_t now, int64_t actor,
                                 const char *source, size_t text_length,
                                 struct engine_reschedule_result *out,
                                 struct mc_err *err) MC_MUST_CHECK;

#endif
