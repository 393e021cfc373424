/* The agency's organisation (R18, docs/IMPORT.md): units form a tree, people
 * hold roles in units. Pure rules on names and shapes; no I/O. */
#ifndef MC_CORE_ORG_H
#define MC_CORE_ORG_H

#include <stdbool.h>
#include <stddef.h>

enum core_unit_kind {
    UNIT_LEADERSHIP, /* Ban Giám đốc */
    UNIT_OFFICE,     /* Văn phòng */
    UNIT_DIVISION,   /* phòng chuyên môn */
    UNIT_SUBAGENCY,  /* ban, chi cục, trung tâm */
    UNIT_RECEPTION,  /* Bộ phận Một cửa */
    UNIT_CONTROL,    /* Tổ kiểm soát */
    UNIT_COMMITTEE,  /* Ban Chỉ đạo */
    UNIT_KIND_COUNT
};

/* "leadership", "office", … (the import and API names). */
const char *core_unit_kind_name(enum core_unit_kind k);
bool core_unit_kind_parse(const char *name, enum core_unit_kind *out);

/* Limits in bytes (all text is UTF-8). */
enum {
    CORE_UNIT_CODE_MAX = 16,
    CORE_USERNAME_MIN = 3,
    CORE_USERNAME_MAX = 32,
    CORE_NAME_MAX = 300,     /* unit names, full names, positions */
    CORE_CONTACT_MAX = 200,  /* e-mail, phone */
    CORE_PASSWORD_MIN = 8,   /* bytes, checked when a password is set */
    CORE_PASSWORD_MAX = 1024 /* bounds the hashing work an attacker can ask for */
};

/* 1–16 characters from [A-Z0-9_-]. */
bool core_unit_code_ok(const char *code);
/* 3–32 characters from [a-z0-9._-]. */
bool core_username_ok(const char *username);
/* CORE_PASSWORD_MIN to CORE_PASSWORD_MAX bytes. */
bool core_password_ok(const char *password);

/* One edge of the unit tree: parent is NULL at a root. Borrowed strings. */
struct core_unit_link {
    const char *code;
    const char *parent;
};

/* The index of the unit `code` in units[0..n), or -1. */
long core_unit_find(const struct core_unit_link *units, size_t n, const char *code);

/* Is `unit` equal to `ancestor` or below it? False when either is unknown.
 * A cycle in the links (which core_unit_tree_check refuses) cannot make it
 * loop: the walk stops after n steps. */
bool core_unit_within(const struct core_unit_link *units, size_t n, const char *unit,
                      const char *ancestor);

enum core_tree_problem {
    TREE_OK,
    TREE_DUPLICATE,      /* the same code twice */
    TREE_UNKNOWN_PARENT, /* parent names no unit */
    TREE_CYCLE           /* following parents comes back to the unit */
};

/* Check that the links form a forest. On a problem, *at is the index of the
 * first unit at fault. Does not allocate. O(n^2), fine for an agency's few
 * hundred units. */
enum core_tree_problem core_unit_tree_check(const struct core_unit_link *units, size_t n,
                                            size_t *at);

#endif
