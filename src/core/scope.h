/* Who may act on or read which unit (R18, design.md §7). Pure: the caller
 * hands in the person's roles, the units he or she is in charge of and the
 * unit tree; nothing here reads the database.
 *
 * The rules:
 *  - director and admin: every unit;
 *  - deputy director: the units in charge and their sub-units, and the unit
 *    the role is held in (usually the leadership board) but not its
 *    sub-units, which would be every unit;
 *  - head, deputy head, specialist, reception, clerk: the unit the role is
 *    held in and its sub-units;
 *  - control team and steering committee: read every unit, change nothing.
 * A role only counts when the caller's role mask names it. */
#ifndef MC_CORE_SCOPE_H
#define MC_CORE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/org.h"
#include "core/role.h"

/* A role held in a unit (by code). */
struct core_grant {
    enum core_role role;
    const char *unit;
};

/* Everything the checks need; every pointer is borrowed. */
struct core_scope {
    const struct core_grant *grants;
    size_t ngrants;
    const char *const *in_charge; /* unit codes */
    size_t nin_charge;
    const struct core_unit_link *units; /* the whole tree */
    size_t nunits;
};

/* The set of roles held in any unit. */
unsigned core_scope_roles(const struct core_scope *s);

/* Does a role in role_mask reach `unit` for reading? unit NULL: the caller
 * holds a role in role_mask anywhere. Control and steering reach every unit. */
bool core_scope_holds(const struct core_scope *s, unsigned role_mask, const char *unit);

/* May the caller change data of `unit` through a role in role_mask? Same as
 * core_scope_holds except that control and steering never count. */
bool core_scope_can_act(const struct core_scope *s, unsigned role_mask, const char *unit);

/* May the caller read data of `unit` (through any role)? */
bool core_scope_can_read(const struct core_scope *s, const char *unit);

#endif
