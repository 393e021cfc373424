/* The strict request-body decoder on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "http/json_in.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *j = NULL;
    struct mc_err err;
    if (http_json_parse((const char *)data, size, 32, &j, &err) == MC_OK) {
        json_decref(j);
    }
    return 0;
}
