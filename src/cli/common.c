#include "cli/common.h"

#include <stdio.h>
#include <string.h>

#include "base/log.h"

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

static const char *flag_key(const char *flag, bool serve_flags)
{
    static const char *const common[][2] = { { "--db", "db.path" } };
    static const char *const serve[][2] = {
        { "--listen", "http.listen" },
        { "--threads", "http.threads" },
        { "--port-file", "http.port_file" },
        { "--web-root", "web.root" },
        { "--test-clock", "http.test_clock" },
        { "--escalation-interval", "engine.escalation_interval" },
        { "--upload-max", "uploads.max_size" },
    };
    if (strcmp(flag, common[0][0]) == 0) {
        return common[0][1];
    }
    for (size_t i = 0; serve_flags && i < sizeof(serve) / sizeof(serve[0]); i++) {
        if (strcmp(flag, serve[i][0]) == 0) {
            return serve[i][1];
        }
    }
    return NULL;
}

int cli_config(struct cfg *cfg, int argc, char **argv, bool serve_flags, bool *print_config)
{
    struct mc_err err;
    mc_err_clear(&err);
    cfg_init(cfg);
    /* The file first, wherever --config stands, so that flags override it. */
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--config") == 0 && cfg_load_file(cfg, argv[i + 1], &err) != MC_OK) {
            fprintf(stderr, "motcua %s: %s\n", argv[0], err.msg);
            return -1;
        }
    }
    if (cfg_load_env(cfg, &err) != MC_OK) {
        fprintf(stderr, "motcua %s: %s\n", argv[0], err.msg);
        return -1;
    }
    int i = 1;
    while (i < argc) {
        if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
            i += 2;
            continue;
        }
        if (print_config && strcmp(argv[i], "--print-config") == 0) {
            *print_config = true;
            i++;
            continue;
        }
        const char *key = flag_key(argv[i], serve_flags);
        if (key == NULL) {
            break;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "motcua %s: %s needs a value\n", argv[0], argv[i]);
            return -1;
        }
        if (cfg_set(cfg, key, argv[i + 1], &err) != MC_OK) {
            fprintf(stderr, "motcua %s: %s: %s\n", argv[0], argv[i], err.msg);
            return -1;
        }
        i += 2;
    }
    int level = mc_log_level_parse(cfg->log_level);
    mc_log_set_level(level < 0 ? MC_LOG_INFO : (enum mc_log_level)level);
    return i;
}

struct store *cli_open_db(const struct cfg *cfg, bool migrate)
{
    struct mc_err err;
    mc_err_clear(&err);
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = cfg->sync_full;
    struct store *st = NULL;
    if (store_open(cfg->db_path, &opt, &st, &err) != MC_OK) {
        fprintf(stderr, "motcua: %s (%s)\n", err.msg, err.detail);
        return NULL;
    }
    enum mc_status rc = migrate ? store_migrate(st, NULL, &err) : store_schema_check(st, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua: %s%s%s\n", err.msg, err.detail[0] ? ": " : "", err.detail);
        store_close(st);
        return NULL;
    }
    return st;
}
