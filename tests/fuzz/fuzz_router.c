/* Route matching and static-path checks on arbitrary paths. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "http/router.h"
#include "http/static.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *path = mc_xstrndup((const char *)data, size);
    const struct http_route *r = NULL;
    const char *params[HTTP_MAX_PARAMS];
    size_t n = 0;
    char scratch[256];
    (void)http_route_match("GET", path, &r, params, &n, scratch, sizeof(scratch));
    (void)http_static_path_ok(path);
    free(path);
    return 0;
}
