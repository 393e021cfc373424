/* One procedure document through the importer's own decoding and checks
 * (cli/catalog_decode.c → core_procedure_check, core_process_check), without
 * a database: every input must be either reported or accepted, never crash.
 * import_error reports on stderr: run with -close_fd_mask=2 to keep the
 * fuzzer's output readable (crash reports still appear). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "cli/catalog_decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t jerr;
    json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
    if (j == NULL) {
        return 0;
    }
    struct import_ctx ctx = { .st = NULL, .dir = "fuzz" };
    struct mc_arena a;
    mc_arena_init(&a);
    struct core_procedure p;
    /* Name the file after the document's code, as the importer expects, so
     * that the checks after decoding run too. */
    char file[128];
    const char *code = json_string_value(json_object_get(j, "code"));
    snprintf(file, sizeof(file), "procedures/%.64s.json", code ? code : "x");
    (void)catalog_decode_procedure(&ctx, file, j, &a, &p);
    mc_arena_release(&a);
    json_decref(j);
    return 0;
}
