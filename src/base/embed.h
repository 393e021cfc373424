/* Files compiled into the binary by cmake/Embed.cmake. */
#ifndef MC_BASE_EMBED_H
#define MC_BASE_EMBED_H

#include <stddef.h>

struct mc_embedded {
    const char *name; /* file name without directory; NULL ends the table */
    const char *data; /* NUL-terminated */
    size_t len;
};

#endif
