/* Attachment file names (core_attach_name) on arbitrary bytes: no crash, no
 * leak; an accepted name is non-empty, at most CORE_ATTACH_NAME_MAX bytes,
 * holds no path separator or control character, does not start or end with
 * a dot or a space, and sanitising it again changes nothing. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/xalloc.h"
#include "core/attachment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = mc_xmalloc(size + 1);
    memcpy(in, data, size);
    in[size] = '\0'; /* a NUL inside ends the name, as in a C string from a query */
    char out[CORE_ATTACH_NAME_MAX + 1];
    if (core_attach_name(in, out, NULL) == MC_OK) {
        size_t n = strlen(out);
        MC_ASSERT(n > 0 && n <= CORE_ATTACH_NAME_MAX);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)out[i];
            MC_ASSERT(c >= 0x20 && c != 0x7f && c != '/' && c != '\\');
        }
        MC_ASSERT(out[0] != '.' && out[0] != ' ' && out[n - 1] != '.' && out[n - 1] != ' ');
        char again[CORE_ATTACH_NAME_MAX + 1];
        MC_ASSERT(core_attach_name(out, again, NULL) == MC_OK);
        MC_ASSERT(strcmp(out, again) == 0);
    }
    free(in);
    return 0;
}
