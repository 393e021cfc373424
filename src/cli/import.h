/* The catalog import/export framework (docs/IMPORT.md). `motcua import DIR`
 * runs every part of import_parts[] inside one transaction; each part reads
 * its files, reports every error it finds with file and JSON path, and keeps
 * going so that one run lists all errors. The transaction commits only when
 * no part reported an error. Export runs export_parts[] likewise. */
#ifndef MC_CLI_IMPORT_H
#define MC_CLI_IMPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

struct import_ctx {
    struct store *st;
    const char *dir;
    int nerrors;
    /* --by USER: who the calendar change is recorded as made by ("" none). */
    const char *by;
    /* Set by the calendar part when calendar.txt changed the stored file:
     * the open dossiers it moved (docs/CALENDAR.md §3.2). */
    bool calendar_changed;
    int64_t calendar_scanned, calendar_rescheduled, calendar_appointments;
};

struct import_part {
    const char *name;
    /* Returns how many records it loaded (for the summary); reports errors
     * through import_error. */
    int (*run)(struct import_ctx *ctx);
};

struct export_part {
    const char *name;
    /* Returns 0, or -1 after printing an error. */
    int (*run)(struct store *st, const char *dir);
};

/* cli/import_parts.c: in dependency order (units before procedures). */
extern const struct import_part import_parts[];
extern const struct export_part export_parts[];

/* "file: $.path: message" on stderr; counts the error. path may be "". */
void import_error(struct import_ctx *ctx, const char *file, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Load DIR/name with duplicate keys rejected. NULL when the file is absent
 * (an error only if required) or invalid (reported). */
json_t *import_load(struct import_ctx *ctx, const char *name, bool required);

/* Field helpers in the spirit of http/json_in.h, reporting instead of
 * returning an error: each returns false after reporting. Missing optional
 * keys leave *out untouched and return true. */
bool import_only_keys(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                      const char *const allowed[]);
bool import_str(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, size_t max_len, const char **out);
bool import_int(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, int64_t min, int64_t max, int64_t *out);
bool import_num(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                const char *key, bool required, double min, double max, double *out);
bool import_bool(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                 const char *key, bool required, bool *out);
/* An array (possibly empty) under key; *out NULL when absent and optional. */
bool import_array(struct import_ctx *ctx, const char *file, const char *path, json_t *obj,
                  const char *key, bool required, json_t **out);

/* Write j to DIR/name (2-space indent, UTF-8, a final newline). */
int export_write(const char *dir, const char *name, json_t *j);

/* cli/import_agency.c */
int import_agency(struct import_ctx *ctx);
int export_agency(struct store *st, const char *dir);

/* cli/import_org.c: units.json then people.json */
int import_org(struct import_ctx *ctx);
int export_org(struct store *st, const char *dir);

/* cli/import_catalog.c: domains.json and procedures/<code>.json */
int import_catalog(struct import_ctx *ctx);
int export_catalog(struct store *st, const char *dir);
/* cli/import_calendar.c: calendar.txt, the agency's calendar file */
int import_calendar(struct import_ctx *ctx);
int export_calendar(struct store *st, const char *dir);

#endif
