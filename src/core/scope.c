#include "core/scope.h"

#include <string.h>

#define READ_ONLY_ROLES  (ROLE_BIT(ROLE_CONTROL) | ROLE_BIT(ROLE_STEERING))
#define EVERYWHERE_ROLES (ROLE_BIT(ROLE_DIRECTOR) | ROLE_BIT(ROLE_ADMIN) | READ_ONLY_ROLES)

unsigned core_scope_roles(const struct core_scope *s)
{
    unsigned mask = 0;
    for (size_t i = 0; i < s->ngrants; i++) {
        mask |= ROLE_BIT(s->grants[i].role);
    }
    return mask;
}

static bool within(const struct core_scope *s, const char *unit, const char *ancestor)
{
    return core_unit_within(s->units, s->nunits, unit, ancestor);
}

/* Does grant g reach unit (NULL: anything)? */
static bool grant_reaches(const struct core_scope *s, const struct core_grant *g, const char *unit)
{
    if (unit == NULL || (ROLE_BIT(g->role) & EVERYWHERE_ROLES)) {
        return true;
    }
    if (g->role != ROLE_DEPUTY_DIRECTOR) {
        return within(s, unit, g->unit);
    }
    /* A deputy director sits in the leadership board, the root of the tree:
     * its sub-units would be every unit. The board itself, then only the
     * units in charge and theirs. */
    if (strcmp(unit, g->unit) == 0) {
        return true;
    }
    for (size_t i = 0; i < s->nin_charge; i++) {
        if (within(s, unit, s->in_charge[i])) {
            return true;
        }
    }
    return false;
}

static bool any_grant(const struct core_scope *s, unsigned role_mask, const char *unit)
{
    for (size_t i = 0; i < s->ngrants; i++) {
        const struct core_grant *g = &s->grants[i];
        if ((ROLE_BIT(g->role) & role_mask) && grant_reaches(s, g, unit)) {
            return true;
        }
    }
    return false;
}

bool core_scope_holds(const struct core_scope *s, unsigned role_mask, const char *unit)
{
    return any_grant(s, role_mask, unit);
}

bool core_scope_can_act(const struct core_scope *s, unsigned role_mask, const char *unit)
{
    return any_grant(s, role_mask & ~READ_ONLY_ROLES, unit);
}

bool core_scope_can_read(const struct core_scope *s, const char *unit)
{
    return any_grant(s, ROLE_MASK_ANY, unit);
}
