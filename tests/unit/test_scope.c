/* core/scope: who may act on or read which unit, table-driven. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <string.h>

#include "core/scope.h"

/* BGD (leadership) ─┬─ VP ── MC
 *                   ├─ TCBC ── TCBC-1
 *                   ├─ XDCQ
 *                   └─ TKS (control) */
static const struct core_unit_link tree[] = {
    { "BGD", NULL },      { "VP", "BGD" },   { "MC", "VP" },   { "TCBC", "BGD" },
    { "TCBC-1", "TCBC" }, { "XDCQ", "BGD" }, { "TKS", "BGD" },
};
#define NTREE (sizeof(tree) / sizeof(tree[0]))

enum who { DIRECTOR, DEPUTY, HEAD_TCBC, SPEC_TCBC, RECEPTION_MC, CONTROL, STEERING, ADMIN, NWHO };

static const struct core_grant grants[NWHO][1] = {
    [DIRECTOR] = { { ROLE_DIRECTOR, "BGD" } },     [DEPUTY] = { { ROLE_DEPUTY_DIRECTOR, "BGD" } },
    [HEAD_TCBC] = { { ROLE_HEAD, "TCBC" } },       [SPEC_TCBC] = { { ROLE_SPECIALIST, "TCBC" } },
    [RECEPTION_MC] = { { ROLE_RECEPTION, "MC" } }, [CONTROL] = { { ROLE_CONTROL, "TKS" } },
    [STEERING] = { { ROLE_STEERING, "BGD" } },     [ADMIN] = { { ROLE_ADMIN, "VP" } },
};

/* The deputy director is in charge of TCBC and XDCQ. */
static const char *const deputy_units[] = { "TCBC", "XDCQ" };

static struct core_scope scope_of(enum who w)
{
    return (struct core_scope){ .grants = grants[w],
                                .ngrants = 1,
                                .in_charge = w == DEPUTY ? deputy_units : NULL,
                                .nin_charge = w == DEPUTY ? 2 : 0,
                                .units = tree,
                                .nunits = NTREE };
}

struct scope_case {
    enum who who;
    const char *unit;
    bool read;
    bool act; /* with every role allowed (ROLE_MASK_ANY) */
};

static const struct scope_case cases[] = {
    { DIRECTOR, "BGD", true, true },      { DIRECTOR, "MC", true, true },
    { DIRECTOR, "TCBC-1", true, true },   { ADMIN, "TCBC", true, true },
    { ADMIN, "BGD", true, true },         { DEPUTY, "TCBC", true, true },
    { DEPUTY, "TCBC-1", true, true },     { DEPUTY, "XDCQ", true, true },
    { DEPUTY, "VP", false, false },       { DEPUTY, "MC", false, false },
    { DEPUTY, "BGD", true, true },        { HEAD_TCBC, "TCBC", true, true },
    { HEAD_TCBC, "TCBC-1", true, true },  { HEAD_TCBC, "VP", false, false },
    { HEAD_TCBC, "BGD", false, false },   { SPEC_TCBC, "TCBC-1", true, true },
    { SPEC_TCBC, "XDCQ", false, false },  { RECEPTION_MC, "MC", true, true },
    { RECEPTION_MC, "VP", false, false }, { CONTROL, "TCBC", true, false },
    { CONTROL, "MC", true, false },       { CONTROL, "TKS", true, false },
    { STEERING, "VP", true, false },      { STEERING, "BGD", true, false },
    { DIRECTOR, "NOPE", true, true },     { SPEC_TCBC, "NOPE", false, false },
};

static void scope_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct scope_case *c = &cases[i];
        struct core_scope s = scope_of(c->who);
        if (core_scope_can_read(&s, c->unit) != c->read ||
            core_scope_can_act(&s, ROLE_MASK_ANY, c->unit) != c->act) {
            fail_msg("case %zu (who %d, unit %s): read %d act %d expected read %d act %d", i,
                     (int)c->who, c->unit, core_scope_can_read(&s, c->unit),
                     core_scope_can_act(&s, ROLE_MASK_ANY, c->unit), c->read, c->act);
        }
    }
}

static void role_mask_filters(void **state)
{
    (void)state;
    struct core_scope head = scope_of(HEAD_TCBC);
    assert_true(core_scope_can_act(&head, ROLE_MASK_UNIT_LEADERS, "TCBC"));
    assert_false(core_scope_can_act(&head, ROLE_MASK_LEADERS, "TCBC"));
    assert_false(core_scope_can_act(&head, ROLE_BIT(ROLE_SPECIALIST), "TCBC"));
    struct core_scope director = scope_of(DIRECTOR);
    assert_false(core_scope_can_act(&director, ROLE_BIT(ROLE_ADMIN), NULL));
    assert_true(core_scope_can_act(&director, ROLE_MASK_LEADERS, NULL));
    /* Control holds its role everywhere but never acts, even when named. */
    struct core_scope control = scope_of(CONTROL);
    assert_true(core_scope_holds(&control, ROLE_BIT(ROLE_CONTROL), "VP"));
    assert_false(core_scope_can_act(&control, ROLE_BIT(ROLE_CONTROL), "VP"));
    assert_false(core_scope_can_act(&control, ROLE_MASK_ANY, NULL));
    assert_int_equal(core_scope_roles(&control), ROLE_BIT(ROLE_CONTROL));
}

static void several_roles_combine(void **state)
{
    (void)state;
    /* A head of VP who also sits on the control team: acts on VP only,
     * reads everything. */
    const struct core_grant g[] = { { ROLE_HEAD, "VP" }, { ROLE_CONTROL, "TKS" } };
    struct core_scope s = { .grants = g, .ngrants = 2, .units = tree, .nunits = NTREE };
    assert_true(core_scope_can_act(&s, ROLE_MASK_ANY, "MC"));
    assert_false(core_scope_can_act(&s, ROLE_MASK_ANY, "TCBC"));
    assert_true(core_scope_can_read(&s, "TCBC"));
    assert_int_equal(core_scope_roles(&s), ROLE_BIT(ROLE_HEAD) | ROLE_BIT(ROLE_CONTROL));
}

static void nobody_has_no_scope(void **state)
{
    (void)state;
    struct core_scope s = { .units = tree, .nunits = NTREE };
    assert_false(core_scope_can_read(&s, "VP"));
    assert_false(core_scope_can_read(&s, NULL));
    assert_false(core_scope_can_act(&s, ROLE_MASK_ANY, NULL));
    assert_int_equal(core_scope_roles(&s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scope_table),
        cmocka_unit_test(role_mask_filters),
        cmocka_unit_test(several_roles_combine),
        cmocka_unit_test(nobody_has_no_scope),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
