/* motcua export DIR: the catalog in the import format. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "cli/common.h"
#include "cli/import.h"

int cmd_export(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua export [--db PATH] [--config FILE] DIR\n\n"
               "Writes the agency's organisation and catalog to DIR in the format that\n"
               "motcua import reads (docs/IMPORT.md). DIR is created if needed.\n");
        return 0;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, argc, argv, false, NULL);
    if (next < 0 || next != argc - 1) {
        if (next >= 0) {
            fprintf(stderr, "motcua export: give exactly one directory (see --help)\n");
        }
        cfg_release(&cfg);
        return 2;
    }
    const char *dir = argv[next];
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "motcua export: cannot create %s: %s\n", dir, strerror(errno));
        cfg_release(&cfg);
        return 1;
    }
    struct store *st = cli_open_db(&cfg, false);
    if (st == NULL) {
        cfg_release(&cfg);
        return 1;
    }
    int status = 0;
    for (const struct export_part *p = export_parts; p->name && status == 0; p++) {
        status = p->run(st, dir) == 0 ? 0 : 1;
    }
    if (status == 0) {
        printf("exported to %s\n", dir);
    }
    store_close(st);
    cfg_release(&cfg);
    return status;
}
