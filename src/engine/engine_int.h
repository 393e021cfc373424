/* Shared inside src/engine only. */
#ifndef MC_ENGINE_ENGINE_INT_H
#define MC_ENGINE_ENGINE_INT_H

#include "engine/engine.h"

/* The first transition of a new record (engine_case.c): event, counters,
 * clocks and the holder's notification, as engine_receive writes them. */
enum mc_status engine_record_first(const struct engine *e, struct store *st, int64_t dossier,
                                   const struct store_dossier_target *t, const char *code,
                                   enum eng_action action, const struct eng_dossier *next,
                                   const struct eng_effects *fx, const struct engine_actor *who,
                                   const char *note, int64_t now, struct mc_err *err) MC_MUST_CHECK;

#endif
