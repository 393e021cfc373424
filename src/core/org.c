#include "core/org.h"

#include <string.h>

static const char *const kind_names[UNIT_KIND_COUNT] = {
    [UNIT_LEADERSHIP] = "leadership", [UNIT_OFFICE] = "office",       [UNIT_DIVISION] = "division",
    [UNIT_SUBAGENCY] = "subagency",   [UNIT_RECEPTION] = "reception", [UNIT_CONTROL] = "control",
    [UNIT_COMMITTEE] = "committee",
};

const char *core_unit_kind_name(enum core_unit_kind k)
{
    return k < UNIT_KIND_COUNT ? kind_names[k] : "unknown";
}

bool core_unit_kind_parse(const char *name, enum core_unit_kind *out)
{
    for (unsigned i = 0; i < UNIT_KIND_COUNT; i++) {
        if (strcmp(kind_names[i], name) == 0) {
            *out = (enum core_unit_kind)i;
            return true;
        }
    }
    return false;
}

static bool all_in(const char *s, size_t min, size_t max, const char *extra, bool upper)
{
    size_t n = strlen(s);
    if (n < min || n > max) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool ok = (c >= '0' && c <= '9') || (upper && c >= 'A' && c <= 'Z') ||
                  (!upper && c >= 'a' && c <= 'z') || (c != '\0' && strchr(extra, c) != NULL);
        if (!ok) {
            return false;
        }
    }
    return true;
}

bool core_unit_code_ok(const char *code)
{
    return all_in(code, 1, CORE_UNIT_CODE_MAX, "_-", true);
}

bool core_username_ok(const char *username)
{
    return all_in(username, CORE_USERNAME_MIN, CORE_USERNAME_MAX, "._-", false);
}

bool core_password_ok(const char *password)
{
    size_t n = strlen(password);
    return n >= CORE_PASSWORD_MIN && n <= CORE_PASSWORD_MAX;
}

long core_unit_find(const struct core_unit_link *units, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(units[i].code, code) == 0) {
            return (long)i;
        }
    }
    return -1;
}

bool core_unit_within(const struct core_unit_link *units, size_t n, const char *unit,
                      const char *ancestor)
{
    if (unit == NULL || ancestor == NULL || core_unit_find(units, n, ancestor) < 0) {
        return false;
    }
    const char *cur = unit;
    for (size_t steps = 0; cur != NULL && steps <= n; steps++) {
        if (strcmp(cur, ancestor) == 0) {
            return true;
        }
        long i = core_unit_find(units, n, cur);
        if (i < 0) {
            return false;
        }
        cur = units[i].parent;
    }
    return false;
}

enum core_tree_problem core_unit_tree_check(const struct core_unit_link *units, size_t n,
                                            size_t *at)
{
    for (size_t i = 0; i < n; i++) {
        *at = i;
        if (core_unit_find(units, n, units[i].code) != (long)i) {
            return TREE_DUPLICATE;
        }
        if (units[i].parent && core_unit_find(units, n, units[i].parent) < 0) {
            return TREE_UNKNOWN_PARENT;
        }
    }
    for (size_t i = 0; i < n; i++) {
        /* A path of more than n parents must revisit some unit. */
        const char *cur = units[i].parent;
        for (size_t steps = 0; cur != NULL; steps++) {
            if (strcmp(cur, units[i].code) == 0 || steps > n) {
                *at = i;
                return TREE_CYCLE;
            }
            cur = units[core_unit_find(units, n, cur)].parent;
        }
    }
    return TREE_OK;
}
