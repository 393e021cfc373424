/* Attachments, the pure rules: what an uploaded file may be called and which
 * kinds of file a dossier accepts. The kind is decided from the content
 * (sniffed by the HTTP layer with libmagic), never from the name. */
#ifndef MC_CORE_ATTACHMENT_H
#define MC_CORE_ATTACHMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/* Longest stored name in bytes; leaves room in a handover event's
 * attachment entry (255 bytes) for " sha256:<64 hex>". */
enum { CORE_ATTACH_NAME_MAX = 180 };

/* A client's file name made safe to store and to send back in a
 * Content-Disposition: valid UTF-8 or MC_EINVAL; normalised to NFC
 * (macOS sends NFD Vietnamese); only the last path segment kept (both '/'
 * and '\\' separate); control characters and <>:"/\|?* become '_';
 * leading dots and spaces and trailing dots and spaces dropped; at most
 * CORE_ATTACH_NAME_MAX bytes, cut on a character boundary with the
 * extension kept. A name that ends up empty becomes "tep". out must hold
 * CORE_ATTACH_NAME_MAX + 1 bytes. */
enum mc_status core_attach_name(const char *in, char out[CORE_ATTACH_NAME_MAX + 1],
                                struct mc_err *err) MC_MUST_CHECK;

/* One accepted kind of file. */
struct core_attach_kind {
    const char *mime;     /* as libmagic names it */
    const char *ext;      /* usual extension, without the dot */
    const char *label_vi; /* for people: "tài liệu PDF" */
    const char *label_en;
};

/* The accepted kind for a sniffed MIME type, or NULL (not accepted). */
const struct core_attach_kind *core_attach_kind_of(const char *mime);
/* All accepted kinds, NULL-terminated by a zeroed entry. */
const struct core_attach_kind *core_attach_kinds(void);
/* A plain-words description of a sniffed MIME type that is not accepted,
 * e.g. "a Windows program" for application/x-dosexec; falls back to the
 * MIME type itself. */
const char *core_attach_describe(const char *mime);

#endif
