#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"

int cmd_version(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        printf("usage: motcua version\n\nPrints the version of this binary.\n");
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "motcua version: takes no arguments\n");
        return 2;
    }
    printf("motcua %s\n", MC_VERSION);
    return 0;
}
