#include <stdio.h>

#include "cli/cmd.h"
#include "cli/common.h"

int cmd_migrate(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        printf("usage: motcua migrate [--db PATH] [--config FILE]\n\n"
               "Creates the database if needed and applies every schema migration this\n"
               "binary carries that the database does not have yet. Safe to run again.\n"
               "The database is MOTCUA_DB or --db (default var/motcua.db).\n");
        return 0;
    }
    struct cfg cfg;
    int next = cli_config(&cfg, argc, argv, false, NULL);
    if (next < 0 || next != argc) {
        if (next >= 0) {
            fprintf(stderr, "motcua migrate: unexpected argument '%s'\n", argv[next]);
        }
        cfg_release(&cfg);
        return 2;
    }
    struct mc_err err;
    mc_err_clear(&err);
    struct store_options opt;
    store_options_init(&opt);
    struct store *st = NULL;
    int applied = 0;
    int status = 0;
    if (store_open(cfg.db_path, &opt, &st, &err) != MC_OK ||
        store_migrate(st, &applied, &err) != MC_OK) {
        fprintf(stderr, "motcua migrate: %s%s%s\n", err.msg, err.detail[0] ? ": " : "", err.detail);
        status = 1;
    } else {
        printf("%s: schema version %d (%d migration%s applied)\n", cfg.db_path,
               store_schema_latest(), applied, applied == 1 ? "" : "s");
    }
    store_close(st);
    cfg_release(&cfg);
    return status;
}
