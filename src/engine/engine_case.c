/* Opening an internal case: the item's process version in force, the
 * open_case decision, a -CNNN code, the row with its initiator and subject,
 * then the event, counters and clocks as for any first transition. */
#include <string.h>

#include "core/civil.h"
#include "core/dossier_code.h"
#include "core/ruleset.h"
#include "engine/engine.h"
#include "engine/engine_int.h"
#include "engine/engine_recur.h"
#include "store/store_case.h"

enum mc_status engine_open_case(const struct engine *e, struct store *st,
                                const struct engine_actor *who, const struct engine_case *c,
                                int64_t now, struct engine_result *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    struct store_dossier_target t;
    enum mc_status rc = store_dossier_target(st, c->item, c->case_code, &t, err);
    const struct eng_ruleset *rules = NULL;
    if (rc == MC_OK) {
        size_t nsets;
        const struct eng_ruleset *sets = eng_ruleset_builtin(&nsets);
        rc = eng_ruleset_for_receipt(sets, nsets, now, &rules, err);
    }
    struct eng_step steps[STORE_STEPS_MAX];
    size_t n = 0;
    if (rc == MC_OK) {
        rc = store_dossier_steps(st, t.version_id, steps, STORE_STEPS_MAX, &n, err);
    }
    if (rc == MC_OK && n == 0) {
        rc =
            mc_fail_field(err, MC_ECONFLICT, "procedure", "the process of %s has no step", c->item);
    }
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_request req = {
        .action = ENG_ACT_OPEN_CASE,
        .actor = who->eng,
        .channel = ENG_CHANNEL_INTERNAL,
        .desk_unit = t.unit,
        .budget_minutes = t.limit_minutes,
    };
    struct eng_dossier cur;
    eng_dossier_init(&cur);
    /* An internal process starts at its first step: there is no desk
     * receipt to skip. */
    struct eng_context ctx = {
        .now = now, .rules = rules, .wt = &e->wt, .step = NULL, .target = &steps[0]
    };
    rc = eng_decide(&cur, &req, &ctx, &out->state, &out->fx, err);
    if (rc != MC_OK) {
        return rc;
    }
    struct eng_date d = eng_local_date(now);
    int seq = 0;
    rc = store_case_seq_next(st, t.agency, d.year * 10000 + d.month * 100 + d.day, &seq, err);
    if (rc == MC_OK) {
        rc = eng_case_code_make(t.agency, now, seq, out->code, sizeof(out->code), err);
    }
    struct store_applicant none = { 0 };
    if (rc == MC_OK) {
        rc = store_dossier_insert(st, &t, out->code, c->ref, &none, &out->state, now, &out->dossier,
                                  err);
    }
    if (rc == MC_OK) {
        rc = store_case_attach(st, out->dossier, who->eng.person, c->subject, err);
    }
    if (rc == MC_OK) {
        rc = engine_record_first(e, st, out->dossier, &t, out->code, ENG_ACT_OPEN_CASE, &out->state,
                                 &out->fx, who, c->note && *c->note ? c->note : c->subject, now,
                                 err);
    }
    if (rc == MC_OK && c->period == NULL) {
        /* In the same transaction: a hand-opened case of a recurring item
         * takes its period, so the sweep does not open a second one. */
        bool recorded = false;
        rc = engine_recur_adopt(e, st, c->item, out->dossier, now, &recorded, err);
    }
    return rc;
}
