/* The agency a motcua database serves (Sở Nội vụ …). Its code is the
 * QCVN 102:2016 identifier that prefixes every dossier code. */
#ifndef MC_CORE_AGENCY_H
#define MC_CORE_AGENCY_H

#include <stdbool.h>

struct core_agency {
    char *code; /* at most 13 characters: digits, letters, dots */
    char *name;
    char *name_en;
    char *province;
    char *address;
    char *phone;
    char *email;
    char *website;
};

void core_agency_release(struct core_agency *a);
/* A code of 1–13 characters from [A-Za-z0-9.]: the QCVN 102 written form
 * (e.g. 000.00.00.H15) and the top-down form (H15.50.05.13) both pass. */
bool core_agency_code_ok(const char *code);

#endif
