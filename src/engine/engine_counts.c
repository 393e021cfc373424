/* Counter deltas of a transition (issue 4 §6). Keyed by the day of the
 * transition, the dossier's responsible unit, its procedure and the actor.
 * in_progress is a delta: +1 at receipt, −1 when the dossier finishes (8, 9)
 * or is withdrawn after receipt, so its running sum is the open count. The
 * same definition is written in SQL in store_counters_check: keep them in
 * step (the randomised walk test compares them after every action). */
#include <string.h>

#include "engine/engine.h"

void engine_counts_of(enum eng_action action, enum eng_status before,
                      const struct eng_dossier *next, const struct eng_effects *fx,
                      struct store_counts *out)
{
    memset(out, 0, sizeof(*out));
    if (action == ENG_ACT_RECEIVE || action == ENG_ACT_ACCEPT || action == ENG_ACT_OPEN_CASE) {
        out->received = 1;
        out->in_progress = 1;
        out->online = action == ENG_ACT_ACCEPT;
    } else if (action == ENG_ACT_REFUSE_RECEIPT) {
        out->refused = 1;
    } else if (action == ENG_ACT_REQUEST_SUPPLEMENT || action == ENG_ACT_REQUEST_PAYMENT) {
        out->paused = 1;
    } else if (action == ENG_ACT_WITHDRAW) {
        out->withdrawn = 1;
        if (before == ENG_ST_ACCEPTED || before == ENG_ST_PROCESSING ||
            before == ENG_ST_SUPPLEMENT || before == ENG_ST_FINANCIAL) {
            out->in_progress = -1;
        }
    }
    if ((fx->flags & ENG_FX_FINISHED) &&
        (next->status == ENG_ST_STOPPED || next->status == ENG_ST_DONE)) {
        out->in_progress -= 1;
        out->early += next->verdict == ENG_VERDICT_EARLY;
        out->on_time += next->verdict == ENG_VERDICT_ON_TIME;
        out->late += next->verdict == ENG_VERDICT_LATE;
    }
}
