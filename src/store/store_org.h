/* The organisation and who is logged in (0002_org.sql): units, people, their
 * roles and units in charge, sessions and API tokens.
 *
 * Strings returned through a struct mc_arena live as long as that arena.
 * Secrets never reach this module in clear: sessions and API tokens are
 * looked up by the hash the caller computed (http/auth.c), passwords arrive
 * as argon2id strings. Writes expect the caller to hold a transaction
 * (store_begin) so that several of them commit together. */
#ifndef MC_STORE_ORG_H
#define MC_STORE_ORG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "core/org.h"
#include "core/scope.h"
#include "store/store.h"

struct store_unit {
    const char *code;
    const char *name;
    const char *name_en; /* may be NULL */
    const char *kind;    /* core_unit_kind_name() */
    const char *parent;  /* code, NULL at a root */
};

struct store_person {
    const char *username;
    const char *full_name;
    const char *position; /* the following may be NULL */
    const char *email;
    const char *phone;
};

/* ---- units ---- */

/* Insert or update a unit by code; leaves its parent unchanged (set it with
 * store_unit_set_parent once every unit of a batch exists). */
enum mc_status store_unit_upsert(struct store *st, const struct store_unit *u,
                                 struct mc_err *err) MC_MUST_CHECK;
/* parent NULL makes the unit a root. MC_ENOTFOUND for an unknown code. */
enum mc_status store_unit_set_parent(struct store *st, const char *code, const char *parent,
                                     struct mc_err *err) MC_MUST_CHECK;
/* Every unit, ordered by code; strings in the arena. */
enum mc_status store_unit_list(struct store *st, struct mc_arena *a, struct store_unit **out,
                               size_t *n, struct mc_err *err) MC_MUST_CHECK;
/* The tree's edges (for core/scope.h); strings in the arena. */
enum mc_status store_unit_links(struct store *st, struct mc_arena *a, struct core_unit_link **out,
                                size_t *n, struct mc_err *err) MC_MUST_CHECK;
/* units.json of the import format (docs/IMPORT.md), parents first (malloc'd). */
enum mc_status store_units_export_json(struct store *st, char **json,
                                       struct mc_err *err) MC_MUST_CHECK;

/* ---- people ---- */

/* Insert or update a person by username (name, position, contacts). A new
 * person has no password and is enabled; an existing one keeps both.
 * MC_EINVAL naming `username` for the system actor (below). */
enum mc_status store_person_upsert(struct store *st, const struct store_person *p, int64_t now,
                                   struct mc_err *err) MC_MUST_CHECK;
/* MC_ENOTFOUND for an unknown username. */
enum mc_status store_person_id(struct store *st, const char *username, int64_t *id,
                               struct mc_err *err) MC_MUST_CHECK;
/* The system actor (people.kind = 'system', 0016: "Hệ thống (định kỳ)",
 * who opens recurring cases) is no member of staff: it is not listed or
 * exported, is not evaluated in per-officer statistics, never logs in and
 * holds no role. *is_system says whether `person` is it; MC_ENOTFOUND for
 * an unknown id. The writes below refuse it with MC_EINVAL naming the
 * field (roles, in_charge_of, password, disabled when enabling). */
enum mc_status store_person_is_system(struct store *st, int64_t person, bool *is_system,
                                      struct mc_err *err) MC_MUST_CHECK;

/* Replace the person's roles / units in charge. MC_ENOTFOUND naming the
 * first unit code that does not exist. */
enum mc_status store_person_set_roles(struct store *st, int64_t person,
                                      const struct core_grant *grants, size_t n,
                                      struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_person_set_in_charge(struct store *st, int64_t person,
                                          const char *const *units, size_t n,
                                          struct mc_err *err) MC_MUST_CHECK;
/* hash: a crypto_pwhash_str string. */
enum mc_status store_person_set_password(struct store *st, int64_t person, const char *hash,
                                         struct mc_err *err) MC_MUST_CHECK;
/* Disabling also ends every session of the person; a disabled person's API
 * tokens stop working (store_token_find) without being revoked. */
enum mc_status store_person_set_disabled(struct store *st, int64_t person, bool disabled,
                                         struct mc_err *err) MC_MUST_CHECK;

/* What login needs. MC_ENOTFOUND for an unknown username; *hash is NULL
 * when no password was ever set; the system actor reads as disabled.
 * Strings in the arena. */
struct store_login {
    int64_t person;
    const char *hash;
    bool disabled;
};
enum mc_status store_person_login(struct store *st, const char *username, struct mc_arena *a,
                                  struct store_login *out, struct mc_err *err) MC_MUST_CHECK;

/* The person's roles (role, unit code) and units in charge; in the arena. */
enum mc_status store_person_grants(struct store *st, int64_t person, struct mc_arena *a,
                                   struct core_grant **grants, size_t *ngrants,
                                   const char ***in_charge, size_t *nin_charge,
                                   struct mc_err *err) MC_MUST_CHECK;

/* One person as a JSON object text (malloc'd): username, full_name,
 * position, email, phone, disabled, roles [{role, unit, unit_name}],
 * in_charge_of [{code, name}]. MC_ENOTFOUND for an unknown id. */
enum mc_status store_person_json(struct store *st, int64_t person, char **json,
                                 struct mc_err *err) MC_MUST_CHECK;
/* Every member of staff (not the system actor), same shape, ordered by
 * username (malloc'd JSON array). */
enum mc_status store_people_json(struct store *st, char **json, struct mc_err *err) MC_MUST_CHECK;
/* people.json of the import format, without password hashes (malloc'd). */
enum mc_status store_people_export_json(struct store *st, char **json,
                                        struct mc_err *err) MC_MUST_CHECK;

/* ---- sessions ---- */

/* The caller behind a session or token. Strings in the arena. */
struct store_principal {
    int64_t person;
    int64_t credential; /* session or token id */
    const char *username;
    const char *full_name;
    const char *csrf_token; /* sessions only */
    int64_t last_seen;      /* sessions: last_seen; tokens: last_used (0 if never) */
};

/* A number that changes, in the same transaction, with every change to
 * people, roles, units in charge, units, sessions or API tokens (by any
 * process): what a cache of resolved sessions is valid for. */
enum mc_status store_org_version(struct store *st, int64_t *version,
                                 struct mc_err *err) MC_MUST_CHECK;

enum mc_status store_session_create(struct store *st, int64_t person, const char *token_hash,
                                    const char *csrf_token, int64_t now, int64_t expires_at,
                                    struct mc_err *err) MC_MUST_CHECK;
/* A live session: not past expires_at, seen within idle_s seconds, its
 * person enabled. MC_ENOTFOUND otherwise. */
enum mc_status store_session_find(struct store *st, const char *token_hash, int64_t now,
                                  int64_t idle_s, struct mc_arena *a, struct store_principal *out,
                                  struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_session_touch(struct store *st, int64_t session, int64_t now,
                                   struct mc_err *err) MC_MUST_CHECK;
/* Deleting a session that does not exist is not an error. */
enum mc_status store_session_delete(struct store *st, const char *token_hash,
                                    struct mc_err *err) MC_MUST_CHECK;
/* Remove sessions past their absolute or idle end. */
enum mc_status store_session_purge(struct store *st, int64_t now, int64_t idle_s,
                                   struct mc_err *err) MC_MUST_CHECK;

/* ---- API tokens ---- */

enum mc_status store_token_create(struct store *st, int64_t owner, const char *name,
                                  const char *token_hash, int64_t now, int64_t *id,
                                  struct mc_err *err) MC_MUST_CHECK;
/* A token not revoked whose owner is enabled; MC_ENOTFOUND otherwise. */
enum mc_status store_token_find(struct store *st, const char *token_hash, struct mc_arena *a,
                                struct store_principal *out, struct mc_err *err) MC_MUST_CHECK;
enum mc_status store_token_touch(struct store *st, int64_t token, int64_t now,
                                 struct mc_err *err) MC_MUST_CHECK;
/* Revoke token `id`; owner 0 revokes anyone's (administrators). MC_ENOTFOUND
 * when there is no such live token of that owner. */
enum mc_status store_token_revoke(struct store *st, int64_t id, int64_t owner, int64_t now,
                                  struct mc_err *err) MC_MUST_CHECK;
/* The owner's tokens (never their secret) as a JSON array text (malloc'd):
 * [{id, name, created_at, last_used, revoked_at}]. */
enum mc_status store_tokens_json(struct store *st, int64_t owner, char **json,
                                 struct mc_err *err) MC_MUST_CHECK;

#endif
