/* The escalation sweep in the background of `motcua serve`: a thread that
 * every engine.escalation_interval seconds runs engine_escalate(), then the
 * recurrence sweep (engine_recur_sweep), on its own store connection. Not
 * started with http.test_clock (tests drive the escalation sweep through
 * GET /api/notifications and the recurrence sweep through
 * POST /api/recurrence/sweep, at their own clock). */
#ifndef MC_HTTP_ESCALATION_TIMER_H
#define MC_HTTP_ESCALATION_TIMER_H

#include <stdbool.h>

struct escalation_timer;

/* NULL when interval is 0 or the thread cannot start (logged). */
struct escalation_timer *escalation_timer_start(const char *db_path, bool sync_full,
                                                unsigned interval_s);
void escalation_timer_stop(struct escalation_timer *t);

#endif
