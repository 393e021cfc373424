/* motcua import DIR: all or nothing (docs/IMPORT.md). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cmd.h"
#include "cli/common.h"
#include "cli/import.h"

int cmd_import(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua import [--db PATH] [--config FILE] [--by USER] DIR\n\n"
               "Loads an agency's organisation and catalog from the JSON files of DIR\n"
               "(format: docs/IMPORT.md; example: demo/). Every error is listed with its\n"
               "file and JSON path, and the database changes only if there is none.\n"
               "Importing again updates records by code.\n\n"
               "A calendar.txt that differs from the stored agency calendar moves the\n"
               "deadlines of every open dossier in the same transaction (docs/CALENDAR.md\n"
               "3.2); --by USER records who made that change (default: nobody named).\n");
        return 0;
    }
    /* --by USER anywhere before DIR; the other flags are cli_config's. */
    const char *by = "";
    int kept = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && strcmp(argv[i], "--by") == 0 && i + 1 < argc) {
            by = argv[++i];
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
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
    struct import_ctx ctx = { .st = st, .dir = dir, .by = by };
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
        if (ctx.calendar_changed) {
            /* The command speaks English like the rest of its output. */
            printf("agency calendar changed: %lld of %lld open dossiers rescheduled, "
                   "%lld appointments moved\n",
                   (long long)ctx.calendar_rescheduled, (long long)ctx.calendar_scanned,
                   (long long)ctx.calendar_appointments);
        }
    }
    store_close(st);
    cfg_release(&cfg);
    return status;
}
