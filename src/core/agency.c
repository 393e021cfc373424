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
    free(a->abbreviation);
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

bool core_agency_abbreviation_ok(const char *abbr)
{
    size_t n = strlen(abbr);
    if (n == 0 || n > CORE_AGENCY_ABBR_MAX) {
        return false;
    }
    char prev = '-'; /* so that a leading hyphen is refused like a double one */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)abbr[i];
        /* Đ is U+0110, C4 90 in UTF-8: the one Vietnamese capital an
         * abbreviation keeps (VPĐK); other marks are dropped by custom. */
        if (c == 0xC4 && i + 1 < n && (unsigned char)abbr[i + 1] == 0x90) {
            prev = 'D';
            i++;
            continue;
        }
        bool upper = c >= 'A' && c <= 'Z';
        bool digit = c >= '0' && c <= '9';
        if ((i == 0 && !upper) || !(upper || digit || c == '-') || (c == '-' && prev == '-')) {
            return false;
        }
        prev = (char)c;
    }
    return prev != '-';
}
