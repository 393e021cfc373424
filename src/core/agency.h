/* The agency a motcua database serves (Sở Nội vụ …). Its code is the
 * QCVN 102:2016 identifier that prefixes every dossier code. */
#ifndef MC_CORE_AGENCY_H
#define MC_CORE_AGENCY_H

#include <stdbool.h>

enum { CORE_AGENCY_ABBR_MAX = 20 };

struct core_agency {
    char *code; /* at most 13 characters: digits, letters, dots */
    char *name;
    char *name_en;
    char *province;
    char *address;
    char *phone;
    char *email;
    char *website;
    /* Chữ viết tắt tên cơ quan (NĐ 30/2020 Phụ lục I, II.3), the second
     * group of a document's ký hiệu: "SNV" in "12/PXL-SNV". NULL: not set. */
    char *abbreviation;
};

void core_agency_release(struct core_agency *a);
/* A code of 1–13 characters from [A-Za-z0-9.]: the QCVN 102 written form
 * (e.g. 000.00.00.H15) and the top-down form (H15.50.05.13) both pass. */
bool core_agency_code_ok(const char *code);

/* An agency abbreviation as a ký hiệu prints it: 1–20 bytes of upper-case
 * letters A–Z, the letter Đ, digits and hyphens, starting with a letter,
 * no hyphen at the end or twice in a row ("SNV", "VPĐK", "UBND-VX"). NĐ
 * 30/2020 writes the groups of a ký hiệu in capitals joined by "-" with no
 * spaces (domain.md §7.2). */
bool core_agency_abbreviation_ok(const char *abbr);

#endif
