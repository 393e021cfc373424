/* Decoding a procedure document (docs/IMPORT.md procedures/<code>.json)
 * into core structs, with every error reported through import_error with
 * its file and JSON path. No database: the importer stores what this
 * returns, and tests/fuzz/fuzz_import.c runs it alone. */
#ifndef MC_CLI_CATALOG_DECODE_H
#define MC_CLI_CATALOG_DECODE_H

#include <jansson.h>
#include <stdbool.h>

#include "base/arena.h"
#include "cli/import.h"
#include "core/procedure.h"

/* Decode j into *p (strings point into j, arrays into a: keep both alive
 * while p is used), then run core_procedure_check and core_process_check on
 * every case. Returns true when nothing was reported. */
bool catalog_decode_procedure(struct import_ctx *ctx, const char *file, json_t *j,
                              struct mc_arena *a, struct core_procedure *p);

/* Decode domains.json (an array of {code, name, name_en}). */
bool catalog_decode_domains(struct import_ctx *ctx, const char *file, json_t *j, struct mc_arena *a,
                            struct core_domain **out, size_t *n);

#endif
