/* The parts of an import directory, in dependency order: each part may refer
 * to what an earlier part loaded in the same transaction. */
#include <stddef.h>

#include "cli/import.h"

// clang-format off
const struct import_part import_parts[] = {
    { "agency", import_agency },
    { "org", import_org },
    { "catalog", import_catalog },
    { "calendar", import_calendar },
    { NULL, NULL },
};

const struct export_part export_parts[] = {
    { "agency", export_agency },
    { "org", export_org },
    { "catalog", export_catalog },
    { "calendar", export_calendar },
    { NULL, NULL },
};
// clang-format on
