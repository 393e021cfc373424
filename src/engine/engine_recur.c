/* The recurrence sweep (engine_recur.h). The period row and the case are
 * written in one transaction: the row's primary key (item, period) is what
 * makes a period open once, whichever server or restart sweeps first. The
 * case is opened by engine_open_case, the path of POST /api/cases, with the
 * system person ("Hệ thống (định kỳ)") as its initiator, acting with the
 * head's grant in the owning unit (what open_case asks of an opener). */
#include "engine/engine_recur.h"

#include <stdio.h>
#include <string.h>

#include "core/civil.h"
#include "core/role.h"
#include "store/store_recur.h"

enum { ITEMS_PAGE = 64 };

bool engine_recur_working_day(void *ctx, int64_t day)
{
    const struct eng_worktime *wt = ctx;
    int64_t midnight = eng_local_midnight(eng_date_from_days(day));
    return eng_wt_between(wt, midnight, midnight + 1440) > 0;
}

int engine_recur_lead(const struct core_recur *r, int64_t limit_minutes)
{
    return r->lead >= 0 ? r->lead : core_recur_default_lead(limit_minutes);
}

/* A reference no other case has: "DK" and the FNV-1a hash of item and
 * period, so that it is the same whoever opens the period. */
static void recur_ref(const char *code, const char *period, char out[24])
{
    uint64_t h = UINT64_C(1469598103934665603);
    const char *parts[] = { code, "|", period };
    for (size_t i = 0; i < 3; i++) {
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++) {
            h = (h ^ *p) * UINT64_C(1099511628211);
        }
    }
    snprintf(out, 24, "DK%016llX", (unsigned long long)h);
}

static enum mc_status open_one(const struct engine *e, struct store *st,
                               const struct store_recur_item *it, const struct core_occurrence *o,
                               int64_t system, int64_t now, int64_t *opened, struct mc_err *err)
{
    enum mc_status rc = store_begin(st, err);
    if (rc != MC_OK) {
        return rc;
    }
    bool claimed = false;
    rc = store_recur_claim(st, it->code, o->period, now, &claimed, err);
    if (rc != MC_OK || !claimed) {
        store_rollback(st);
        return rc;
    }
    struct store_dossier_target t;
    rc = store_dossier_target(st, it->code, NULL, &t, err);
    struct engine_actor who;
    memset(&who, 0, sizeof(who));
    who.eng.kind = ENG_ACTOR_STAFF;
    who.eng.person = system;
    who.eng.grants[0] = (struct eng_grant){ ROLE_HEAD, t.unit };
    who.eng.n_grants = 1;
    char subject[501];
    core_recur_subject(o, it->rule.every, it->name, subject, sizeof(subject));
    char note[160];
    struct eng_date due = eng_date_from_days(o->due_day);
    snprintf(note, sizeof(note), "Mở tự động theo định kỳ, kỳ %s, hạn ngày %02d/%02d/%04d",
             o->period, due.day, due.month, due.year);
    char ref[24];
    recur_ref(it->code, o->period, ref);
    struct engine_case c = {
        .item = it->code, .subject = subject, .note = note, .ref = ref, .period = o->period
    };
    struct engine_result res;
    if (rc == MC_OK) {
        rc = engine_open_case(e, st, &who, &c, now, &res, err);
    }
    if (rc == MC_OK) {
        rc = store_recur_link(st, it->code, o->period, res.dossier, err);
    }
    if (rc != MC_OK) {
        store_rollback(st);
        return rc;
    }
    rc = store_commit(st, err);
    if (rc == MC_OK) {
        (*opened)++;
    }
    return rc;
}

/* The occurrence of `it` to open now, if any. */
static enum mc_status due_now(const struct engine *e, struct store *st,
                              const struct store_recur_item *it, int64_t today,
                              struct core_occurrence *o, bool *due, struct mc_err *err)
{
    *due = false;
    bool found = false;
    enum mc_status rc =
        core_recur_latest(&it->rule, engine_recur_lead(&it->rule, it->limit_minutes), today,
                          engine_recur_working_day, (void *)&e->wt, o, &found, err);
    if (rc != MC_OK || !found) {
        return rc;
    }
    /* A period already past its due day when the rule was set is not
     * this rule's to open. */
    int64_t since_day = eng_days_from_date(eng_local_date(it->since));
    if (o->due_day < since_day) {
        return MC_OK;
    }
    bool opened = false;
    rc = store_recur_opened(st, it->code, o->period, &opened, err);
    *due = rc == MC_OK && !opened;
    return rc;
}

enum mc_status engine_recur_adopt(const struct engine *e, struct store *st, const char *item,
                                  int64_t dossier, int64_t now, bool *recorded, struct mc_err *err)
{
    *recorded = false;
    struct store_recur_item it;
    bool found = false;
    enum mc_status rc = store_recur_item(st, item, &it, &found, err);
    if (rc != MC_OK || !found) {
        return rc;
    }
    /* The period the sweep would open now, by the sweep's own rule (a
     * period past its due day when the rule was set is no period of it). */
    struct core_occurrence o;
    bool due = false;
    rc = due_now(e, st, &it, eng_days_from_date(eng_local_date(now)), &o, &due, err);
    if (rc != MC_OK || !due) {
        return rc;
    }
    rc = store_recur_claim(st, item, o.period, now, recorded, err);
    if (rc == MC_OK && *recorded) {
        rc = store_recur_link(st, item, o.period, dossier, err);
    }
    return rc;
}

enum mc_status engine_recur_sweep(const struct engine *e, struct store *st, int64_t now,
                                  struct engine_recur_report *out, struct mc_err *err)
{
    memset(out, 0, sizeof(*out));
    int64_t system = 0;
    enum mc_status rc = store_recur_system_person(st, &system, err);
    if (rc != MC_OK) {
        return rc;
    }
    int64_t today = eng_days_from_date(eng_local_date(now));
    struct store_recur_item items[ITEMS_PAGE];
    char after[33] = "";
    for (;;) {
        size_t n = 0;
        rc = store_recur_items(st, after, items, ITEMS_PAGE, &n, err);
        if (rc != MC_OK) {
            return rc;
        }
        for (size_t i = 0; i < n; i++) {
            struct core_occurrence o;
            bool due = false;
            struct mc_err one;
            mc_err_clear(&one);
            enum mc_status r = due_now(e, st, &items[i], today, &o, &due, &one);
            if (r == MC_OK && due) {
                r = open_one(e, st, &items[i], &o, system, now, &out->opened, &one);
            }
            /* One broken item does not stop the others. */
            if (r != MC_OK && out->failed++ == 0) {
                memcpy(out->failed_item, items[i].code, sizeof(out->failed_item));
                out->failed_err = one;
            }
        }
        if (n < ITEMS_PAGE) {
            break;
        }
        memcpy(after, items[n - 1].code, sizeof(after));
    }
    return MC_OK;
}
