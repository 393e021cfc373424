/* motcua import DIR: all or nothing (docs/IMPORT.md). */
#include <stdio.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "cli/common.h"
#include "cli/import.h"

int cmd_import(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua import [--db PATH] [--config FILE] DIR\n\n"
               "Loads an agency's organisation and catalog from the JSON files of DIR\n"
               "(format: docs/IMPORT.md; example: demo/). Every error is listed with its\n"
               "file and JSON path, and the database changes only if there is none.\n"
               "Importing again updates records by code.\n");
        return 0;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, argc, argv, false, NULL);
    if (next < 0 || next != argc - 1) {
        if (next >= 0) {
            fprintf(stderr, "motcua import: give exactly one directory (see --help)\n");
        }
        cfg_release(&cfg);
        return 2;
    }
    const char *dir = argv[next];
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "motcua import: %s is not a directory\n", dir);
        cfg_release(&cfg);
        return 1;
    }
    struct store *st = cli_open_db(&cfg, true);
    if (st == NULL) {
        cfg_release(&cfg);
        return 1;
    }
    struct mc_err err;
    mc_err_clear(&err);
    if (store_begin(st, &err) != MC_OK) {
        fprintf(stderr, "motcua import: %s\n", err.msg);
        store_close(st);
        cfg_release(&cfg);
        return 1;
    }
    struct import_ctx ctx = { .st = st, .dir = dir };
    int counts[16] = { 0 };
    size_t nparts = 0;
    for (const struct import_part *p = import_parts; p->name; p++, nparts++) {
        counts[nparts] = p->run(&ctx);
    }
    int status = 0;
    if (ctx.nerrors > 0) {
        store_rollback(st);
        fprintf(stderr, "motcua import: %d error%s; nothing was changed\n", ctx.nerrors,
                ctx.nerrors == 1 ? "" : "s");
        status = 1;
    } else if (store_commit(st, &err) != MC_OK) {
        fprintf(stderr, "motcua import: %s; nothing was changed\n", err.msg);
        status = 1;
    } else {
        printf("imported %s:", dir);
        for (size_t i = 0; i < nparts; i++) {
            printf(" %s %d%s", import_parts[i].name, counts[i], i + 1 < nparts ? "," : "\n");
        }
    }
    store_close(st);
    cfg_release(&cfg);
    return status;
}
