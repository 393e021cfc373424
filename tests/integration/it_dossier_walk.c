/* A randomised walk over the dossier API (fixed seed): many dossiers, demo
 * users of every role taking actions that are allowed now (mostly) and
 * actions that are not (often). After every step:
 *   - no 5xx, ever;
 *   - an action not in the caller's allowed_actions never succeeds, and a
 *     refused action leaves the dossier's version unchanged;
 *   - clocks are never negative;
 *   - a successful action's answer is the dossier as GET then shows it
 *     (dit_act);
 *   - `motcua verify`: every hash chain verifies and the counters equal a
 *     recount from the events (a second, SQL definition of the counters).
 * The control-team member (kiemsoat1) is among the actors. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>

#include "dossier_it.h"

#ifndef WALK_STEPS
#define WALK_STEPS 400
#endif

static int setup(void **state)
{
    (void)state;
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

static const struct {
    const char *user;
    const char *unit;
} actors[] = {
    { "motcua1", "MC" },
    { "motcua2", "MC" },
    { "truongphong.tcbc", "TCBC" },
    { "phophong.tcbc", "TCBC" },
    { "chuyenvien1.tcbc", "TCBC" },
    { "chuyenvien2.tcbc", "TCBC" },
    { "truongphong.xdcq", "XDCQ" },
    { "chuyenvien1.xdcq", "XDCQ" },
    { "truongphong.ccvc", "CCVC" },
    { "chuyenvien1.ccvc", "CCVC" },
    { "phogiamdoc1", "BGD" },
    { "phogiamdoc2", "BGD" },
    { "vanthu1", "VP" },
    { "kiemsoat1", "TTRA" },
};
#define NACTORS (sizeof(actors) / sizeof(actors[0]))

static const char *const procedures[] = { "1.003950", "2.000465", "2.002157" };
static const char *const all_actions[] = {
    "accept",
    "refuse_receipt",
    "desk_supplement",
    "supplement_received",
    "transfer",
    "assign",
    "forward",
    "return_previous",
    "consult",
    "consult_answer",
    "send_other_agency",
    "back_from_agency",
    "request_supplement",
    "request_payment",
    "paid",
    "approve",
    "refuse",
    "result_ready",
    "return_result",
    "withdraw",
    "apologize",
};
#define NALL (sizeof(all_actions) / sizeof(all_actions[0]))

static const char *const specialists[][2] = {
    { "TCBC", "chuyenvien2.tcbc" },
    { "XDCQ", "chuyenvien1.xdcq" },
    { "CCVC", "chuyenvien1.ccvc" },
};

static unsigned long long rng = 20261005;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

static char refs[64][48];
static bool closed[64]; /* terminal status seen */
static size_t nrefs;

/* Mostly an open dossier. */
static size_t pick_dossier(void)
{
    size_t i = rnd((unsigned)nrefs);
    for (size_t k = 0; k < nrefs && closed[i] && rnd(10) < 9; k++) {
        i = (i + 1) % nrefs;
    }
    return i;
}

static void create(void)
{
    struct it_resp r;
    char body[512];
    bool online = rnd(2) == 0;
    snprintf(body, sizeof(body),
             "{\"procedure\":\"%s\",%s\"applicant\":{\"name\":\"Người %zu\","
             "\"phone\":\"09000%05zu\"}}",
             procedures[rnd(3)], online ? "\"channel\":2," : "", nrefs, nrefs);
    long st =
        dit_call(online ? NULL : actors[rnd(2)].user, "POST", "/api/dossiers", body, NULL, &r);
    assert_int_equal(st, 201);
    if (nrefs < 64) {
        snprintf(refs[nrefs++], sizeof(refs[0]), "%s", dit_str(r.json, "ref"));
    }
    it_resp_release(&r);
}

/* The extra fields an action may need, filled plausibly (or not). */
static void fields_for(const char *action, const char *unit, json_t *view, char *out, size_t cap)
{
    out[0] = '\0';
    const char *step_unit = dit_sub(view, "step_unit", "code");
    if (strcmp(action, "assign") == 0) {
        const char *who = "chuyenvien1.tcbc";
        for (size_t i = 0; i < 3; i++) {
            if (strcmp(specialists[i][0], step_unit) == 0) {
                who = specialists[i][1];
            }
        }
        snprintf(out, cap, "\"assignee\":\"%s\"", who);
    } else if (strcmp(action, "consult") == 0) {
        snprintf(out, cap, "\"consults\":[{\"unit\":\"%s\",\"hours\":%u}]",
                 strcmp(step_unit, "CCVC") == 0 ? "XDCQ" : "CCVC", 1 + rnd(16));
    } else if (strcmp(action, "consult_answer") == 0) {
        snprintf(out, cap, "\"consult_unit\":\"%s\"", unit);
    } else if (strcmp(action, "send_other_agency") == 0) {
        snprintf(out, cap, "\"agency\":\"000.00.00.H15\",\"agency_hours\":8");
    } else if (strstr(action, "refuse") || strcmp(action, "withdraw") == 0) {
        snprintf(out, cap, "\"reason\":\"lý do\",\"signature\":true");
    } else if (strcmp(action, "desk_supplement") == 0 ||
               strcmp(action, "request_supplement") == 0) {
        snprintf(out, cap, "\"missing\":[\"Tờ khai\"]");
    } else if (strcmp(action, "approve") == 0 || strcmp(action, "forward") == 0) {
        snprintf(out, cap, "\"signature\":%s", rnd(4) ? "true" : "false");
    } else if (strcmp(action, "apologize") == 0) {
        snprintf(out, cap, "\"reason\":\"trễ\",\"new_appointment\":\"2027-06-30T16:00:00+07:00\"");
    }
}

/* Allowed actions other than the ones anybody senior may always take. */
static bool can_move(json_t *view)
{
    json_t *a = json_object_get(view, "allowed_actions");
    bool held = json_is_object(json_object_get(view, "holder"));
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *x = json_string_value(json_array_get(a, i));
        if (strcmp(x, "withdraw") != 0 && strcmp(x, "apologize") != 0 &&
            (!held || strcmp(x, "assign") != 0)) {
            return true;
        }
    }
    return false;
}

static json_t *view_as(const char *user, const char *ref, long *status)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", ref);
    struct it_resp r;
    *status = dit_call(user, "GET", path, NULL, NULL, &r);
    assert_true(*status == 200 || *status == 403);
    json_t *v = *status == 200 ? json_incref(r.json) : NULL;
    it_resp_release(&r);
    return v;
}

static void check_clock(json_t *clock)
{
    if (json_is_object(clock)) {
        assert_true(dit_int(clock, "remaining_minutes") >= 0);
        assert_true(dit_int(clock, "overdue_minutes") >= 0);
        assert_true(dit_int(clock, "consumed_now") >= 0);
        assert_true(dit_int(clock, "budget") >= 0);
    }
}

static void walk(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 5, 8, 0);
    for (int i = 0; i < 4; i++) {
        create();
    }
    int ok = 0, refused = 0;
    for (int stepno = 0; stepno < WALK_STEPS; stepno++) {
        if (rnd(25) == 0 && nrefs < 64) {
            create();
        }
        size_t di = pick_dossier();
        const char *ref = refs[di];
        /* Mostly someone who can act now, sometimes anyone. */
        size_t who = rnd(NACTORS);
        long gst;
        json_t *view = view_as(actors[who].user, ref, &gst);
        bool seek = rnd(10) < 8;
        for (size_t k = 1; seek && k < NACTORS && !can_move(view); k++) {
            json_decref(view);
            who = (who + 1) % NACTORS;
            view = view_as(actors[who].user, ref, &gst);
        }
        /* The truth about the version, whatever the actor may read. */
        long ast;
        json_t *admin = view_as("giamdoc", ref, &ast);
        assert_non_null(admin);
        int64_t version = dit_int(admin, "version");
        int64_t status = dit_int(admin, "status");
        closed[di] = status == 3 || status == 7 || status == 8 || status == 10;
        check_clock(json_object_get(admin, "clock"));
        check_clock(json_object_get(admin, "step_clock"));
        json_t *allowed = view ? json_object_get(view, "allowed_actions") : NULL;
        const char *action;
        if (allowed && json_array_size(allowed) > 0 && rnd(10) < 7) {
            unsigned na = (unsigned)json_array_size(allowed);
            action = json_string_value(json_array_get(allowed, rnd(na)));
            /* Ending a dossier early, apologising and re-assigning are rarer
             * in life than moving it on. */
            for (int k = 0; k < 4 && (strstr(action, "refuse") || !strcmp(action, "withdraw") ||
                                      !strcmp(action, "apologize") || !strcmp(action, "assign"));
                 k++) {
                action = json_string_value(json_array_get(allowed, rnd(na)));
            }
        } else {
            action = all_actions[rnd(NALL)];
        }
        bool is_allowed = view && dit_allows(view, action);
        if (getenv("WALK_DEBUG")) {
            char *al = allowed ? json_dumps(allowed, JSON_COMPACT) : NULL;
            fprintf(stderr, "try: %s by %s st=%lld step=%s allowed=%s\n", action, actors[who].user,
                    (long long)status, dit_sub(admin, "step", "key"), al ? al : "-");
            free(al);
        }
        char fields[512];
        fields_for(action, actors[who].unit, admin, fields, sizeof(fields));
        struct it_resp r;
        long st = dit_act(actors[who].user, ref, action, version, fields, &r);
        if (st >= 500 || st < 200) {
            fprintf(stderr, "step %d: %s by %s -> %ld %s\n", stepno, action, actors[who].user, st,
                    r.body ? r.body : "");
        }
        assert_true(st >= 200 && st < 500);
        if (st == 200) {
            ok++;
            if (!is_allowed) {
                fprintf(stderr, "step %d: %s by %s succeeded outside allowed_actions\n", stepno,
                        action, actors[who].user);
            }
            assert_true(is_allowed);
            assert_int_equal(dit_int(r.json, "version"), version + 1);
            if (getenv("WALK_DEBUG")) {
                fprintf(stderr, "ok: %s\n", action);
            }
            assert_true(strcmp(actors[who].user, "kiemsoat1") != 0);
        } else {
            refused++;
            if (getenv("WALK_DEBUG") && is_allowed) {
                fprintf(stderr, "allowed but %ld: %s by %s: %s\n", st, action, actors[who].user,
                        dit_str(r.json, "detail"));
            }
            long s2;
            json_t *after = view_as("giamdoc", ref, &s2);
            assert_int_equal(dit_int(after, "version"), version);
            json_decref(after);
        }
        it_resp_release(&r);
        json_decref(view);
        json_decref(admin);
        char *out = NULL;
        int vrc = dit_verify(&out);
        if (vrc != 0) {
            fprintf(stderr, "step %d: verify: %s\n", stepno, out);
        }
        assert_int_equal(vrc, 0);
        free(out);
        dit_now += rnd(4) == 0 ? 480 + rnd(2400) : rnd(120);
    }
    fprintf(stderr, "walk: %d actions succeeded, %d refused, %zu dossiers\n", ok, refused, nrefs);
    assert_true(ok > WALK_STEPS / 8);
    assert_true(refused > WALK_STEPS / 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(walk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
