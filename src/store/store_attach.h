/* Attachment records (0005_attachments.sql): who uploaded which content
 * under which name, and the dossier component and handover event it
 * belongs to once linked. The bytes are in store/blob.h. */
#ifndef MC_STORE_STORE_ATTACH_H
#define MC_STORE_STORE_ATTACH_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

struct store_attach {
    int64_t id;
    char token[33]; /* public id */
    char sha256[65];
    int64_t size;
    char mime[101];
    char name[256];
    int64_t uploader;               /* person id; 0 = the applicant */
    int64_t created_at, expires_at; /* minutes; expires_at 0 once linked */
    int64_t dossier;                /* 0 while free */
    char component[501];
    int64_t event_seq;
};

/* Insert a free upload (a->id is set). */
enum mc_status store_attach_insert(struct store *st, struct store_attach *a,
                                   struct mc_err *err) MC_MUST_CHECK;
/* By token; MC_ENOTFOUND. */
enum mc_status store_attach_get(struct store *st, const char *token, struct store_attach *out,
                                struct mc_err *err) MC_MUST_CHECK;
/* Link a free upload to a dossier; MC_ECONFLICT if it was linked meanwhile. */
enum mc_status store_attach_link(struct store *st, int64_t id, int64_t dossier,
                                 const char *component, int64_t event_seq,
                                 struct mc_err *err) MC_MUST_CHECK;
/* The dossier's files in upload order (arena-allocated array). */
enum mc_status store_attach_list(struct store *st, int64_t dossier, struct mc_arena *a,
                                 struct store_attach **out, size_t *n,
                                 struct mc_err *err) MC_MUST_CHECK;
/* The file `token` of the dossier whose code or reference is `code` and
 * whose applicant's phone has the digits of `phone` (the public lookup's
 * proof); MC_ENOTFOUND for any mismatch. */
enum mc_status store_attach_public_get(struct store *st, const char *code, const char *phone,
                                       const char *token, struct store_attach *out,
                                       struct mc_err *err) MC_MUST_CHECK;
/* Delete free uploads whose time ran out before `now` (at most `max`);
 * *orphans (arena) receives the hashes no row references any more, which
 * the caller removes from the blob store after committing. */
enum mc_status store_attach_expire(struct store *st, int64_t now, size_t max, struct mc_arena *a,
                                   char (**orphans)[65], size_t *n,
                                   struct mc_err *err) MC_MUST_CHECK;

#endif
