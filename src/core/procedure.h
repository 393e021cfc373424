/* The catalog (R1, R3): procedures (thủ tục hành chính) and internal work
 * items, their cases (trường hợp) with legal time limits and their dossier
 * components (thành phần hồ sơ). docs/IMPORT.md is the reference for every
 * field. Pure: no I/O.
 *
 * Ownership: every pointer in these structs is borrowed; whoever decodes or
 * loads them (the importer, the store) keeps the strings and arrays alive,
 * usually in an arena. */
#ifndef MC_CORE_PROCEDURE_H
#define MC_CORE_PROCEDURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recur.h"

struct core_process;

/* 1 working day = 8 working hours (design.md §4). */
enum { CORE_HOURS_PER_DAY = 8 };

/* More cases than any published procedure has; keeps checks allocation-free. */
enum { CORE_PROCEDURE_MAX_CASES = 64 };

enum core_time_unit { CORE_WORKING_DAYS, CORE_WORKING_HOURS };

/* A legal time limit in halves of its unit (15 working days = 30). */
struct core_time_limit {
    int64_t halves;
    enum core_time_unit unit;
};

struct core_domain {
    const char *code;
    const char *name;
    const char *name_en;
};

struct core_component {
    const char *name;
    int64_t original; /* -1: not stated by the published procedure */
    int64_t certified_copy;
    int64_t copy;
    const char *form; /* NULL: no form */
    bool required;
};

struct core_case {
    const char *code;
    const char *name;
    struct core_time_limit limit;
    struct core_component *components;
    size_t ncomponents;
    struct core_process *process; /* NULL: no process yet */
};

struct core_procedure {
    const char *code;
    const char *kind; /* "tthc" | "internal" */
    const char *name;
    const char *domain; /* NULL only for an internal work item */
    const char *level;  /* "tinh" | "xa" | "huyen" | "bo"; NULL only for internal */
    const char *unit;
    const char *agency;
    const char *applicants;
    const char *result;
    const char *fee;
    const char **legal_basis; /* NULL: absent (an empty list is nlegal_basis 0, non-NULL) */
    size_t nlegal_basis;
    const char *online_level; /* "toan_trinh" | "mot_phan" | NULL */
    const char *announcing_decision;
    const char *source;
    struct core_case *cases;
    size_t ncases;
    /* An internal work item's recurrence (core/recur.h); every
     * CORE_RECUR_NONE: none. Stored apart (store_recur.h). */
    struct core_recur recur;
};

/* Catalog codes (procedures, domains, processes, cases): 1–32 characters of
 * [A-Za-z0-9._-], e.g. 1.012942, T-BDI-037832-TT, NB-VP-01, QT-07. */
bool core_catalog_code_ok(const char *code);
bool core_procedure_kind_ok(const char *kind);
bool core_procedure_level_ok(const char *level);
bool core_online_level_ok(const char *online_level);
bool core_time_unit_parse(const char *name, enum core_time_unit *out);
const char *core_time_unit_name(enum core_time_unit unit);

/* A positive amount in steps of 0.5 (at most max), as halves; false otherwise. */
bool core_halves_of(double amount, double max, int64_t *halves);

/* The limit in half working hours (15 working days = 240). */
int64_t core_time_limit_half_hours(struct core_time_limit limit);

/* Checks the procedure's own fields: codes, enumerations, limits, unique
 * case codes. Processes are checked separately, case by case, with
 * core_process_check, so that an importer can report one problem per case.
 * Fields are named as JSON paths under `prefix` ("$" for a file). Returns
 * MC_OK or MC_EINVAL with the first problem. */
enum mc_status core_procedure_check(const struct core_procedure *p, const char *prefix,
                                    struct mc_err *err) MC_MUST_CHECK;

#endif
