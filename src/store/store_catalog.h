/* The catalog and the process versions (0003_catalog.sql).
 *
 * Writes run inside the caller's transaction (store_begin/store_commit): the
 * importer wraps a whole directory in one, a handler one request. Read
 * models come back as JSON text built in SQL (malloc'd, free()), ready for
 * http_resp_json_text; their shapes are in docs/openapi.yaml. Loaders fill
 * core structs whose strings and arrays live in the caller's arena. */
#ifndef MC_STORE_CATALOG_H
#define MC_STORE_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/procedure.h"
#include "core/process.h"
#include "store/store.h"

/* ---- writes ---- */

enum mc_status store_catalog_domain_put(struct store *st, const struct core_domain *d,
                                        struct mc_err *err) MC_MUST_CHECK;

/* Upsert a procedure by code with its cases (by code) and components
 * (replaced), and each case's process version: a new (process, issue) is
 * inserted (an effective one supersedes the version in force); an existing
 * one must be equal (core_process_equal) or MC_ECONFLICT. Errors name JSON
 * paths under `prefix` ("$" for a file). p must have passed
 * core_procedure_check and core_process_check. */
enum mc_status store_catalog_procedure_put(struct store *st, const struct core_procedure *p,
                                           const char *prefix, struct mc_err *err) MC_MUST_CHECK;

/* What a handler needs to check a write on a process. Copied, no pointers. */
struct store_process_info {
    char unit[24]; /* the owning unit of the procedure */
    char procedure[40];
    struct core_time_limit limit;
    int64_t latest_issue; /* 0 when there is no version yet */
};

/* MC_ENOTFOUND for an unknown process code. */
enum mc_status store_catalog_process_info(struct store *st, const char *process_code,
                                          struct store_process_info *out,
                                          struct mc_err *err) MC_MUST_CHECK;

/* Insert issue latest+1 as a draft by `drafter`, with p->name (NULL: keep
 * the process's name) and p->steps; p->issue and p->status are ignored.
 * *issue receives the new issue number. The steps must have passed
 * core_process_check against the case's limit. */
enum mc_status store_catalog_version_create(struct store *st, const char *process_code,
                                            const struct core_process *p, const char *drafter,
                                            int64_t *issue, struct mc_err *err) MC_MUST_CHECK;

struct store_transition {
    enum core_pv_status to;
    const char *actor;  /* username, recorded in the history */
    bool actor_reviews; /* a head submits: record the actor as reviewer */
    const char
        *effective; /* YYYY-MM-DD for `effective`; NULL: the version's own date, else today */
};

/* Apply a lifecycle transition (core_pv_transition). Becoming effective
 * supersedes the version in force (MC_ECONFLICT if that one has a higher
 * issue); approval records the approver. *from receives the old status.
 * MC_ENOTFOUND for an unknown process or issue. */
enum mc_status store_catalog_version_transition(struct store *st, const char *process_code,
                                                int64_t issue, const struct store_transition *t,
                                                enum core_pv_status *from,
                                                struct mc_err *err) MC_MUST_CHECK;

/* ---- loaders (export, comparisons) ---- */

/* One version of a process as core structs in `a` (the BPMN export): issue
 * 0 names the version in force, else the latest. MC_ENOTFOUND for an
 * unknown process or issue. */
enum mc_status store_catalog_version_get(struct store *st, const char *process_code, int64_t issue,
                                         struct mc_arena *a, struct core_process *out,
                                         struct mc_err *err) MC_MUST_CHECK;

/* Every domain, by code. */
enum mc_status store_catalog_domains_load(struct store *st, struct mc_arena *a,
                                          struct core_domain **out, size_t *n,
                                          struct mc_err *err) MC_MUST_CHECK;
/* Every procedure code, sorted. */
enum mc_status store_catalog_procedure_codes(struct store *st, struct mc_arena *a,
                                             const char ***out, size_t *n,
                                             struct mc_err *err) MC_MUST_CHECK;
/* One procedure with its cases, components and, per case, the process
 * version in force (else the latest). MC_ENOTFOUND for an unknown code. */
enum mc_status store_catalog_procedure_load(struct store *st, const char *code, struct mc_arena *a,
                                            struct core_procedure *out,
                                            struct mc_err *err) MC_MUST_CHECK;

/* ---- read models (JSON text, malloc'd) ---- */

struct store_procedure_filter {
    const char *q;      /* free text, diacritics and case ignored; NULL: none */
    const char *domain; /* NULL: any */
    const char *level;
    const char *kind;
    int64_t limit;
    int64_t offset;
};

/* {"total", "limit", "offset", "items": [{code, kind, name, domain,
 * domain_name, level, unit, online_level, cases}]} */
enum mc_status store_catalog_procedures_json(struct store *st,
                                             const struct store_procedure_filter *f, char **json,
                                             struct mc_err *err) MC_MUST_CHECK;
/* [{code, name, name_en, procedures}] */
enum mc_status store_catalog_domains_json(struct store *st, char **json,
                                          struct mc_err *err) MC_MUST_CHECK;
/* One procedure with cases, components and each case's process in force. */
enum mc_status store_catalog_procedure_json(struct store *st, const char *code, char **json,
                                            struct mc_err *err) MC_MUST_CHECK;
/* A process: its procedure and case, the version in force, a summary of all. */
enum mc_status store_catalog_process_json(struct store *st, const char *code, char **json,
                                          struct mc_err *err) MC_MUST_CHECK;
/* Every version of a process with its steps and its history, newest first. */
enum mc_status store_catalog_versions_json(struct store *st, const char *code, char **json,
                                           struct mc_err *err) MC_MUST_CHECK;
/* One version (the answer to a create or a transition). */
enum mc_status store_catalog_version_json(struct store *st, const char *code, int64_t issue,
                                          char **json, struct mc_err *err) MC_MUST_CHECK;

/* The FTS5 query for free text: each word quoted as a prefix term, đ/Đ
 * folded to d/D like the index. NULL when q has no word. malloc'd. */
char *store_catalog_fts_query(const char *q);

#endif
