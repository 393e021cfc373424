#include "core/agency.h"

#include <stdlib.h>
#include <string.h>

void core_agency_release(struct core_agency *a)
{
    free(a->code);
    free(a->name);
    free(a->name_en);
    free(a->province);
    free(a->address);
    free(a->phone);
    free(a->email);
    free(a->website);
    memset(a, 0, sizeof(*a));
}

bool core_agency_code_ok(const char *code)
{
    size_t n = strlen(code);
    if (n == 0 || n > 13) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        bool ok =
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}
