/* motcua serve: migrate, start the HTTP server, wait for SIGTERM/SIGINT,
 * finish requests in flight and exit 0. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "base/log.h"
#include "cli/cmd.h"
#include "cli/common.h"
#include "http/calendar_ctx.h"
#include "http/server.h"

static void usage(void)
{
    printf("usage: motcua serve [--db PATH] [--listen HOST:PORT] [--threads N]\n"
           "                    [--web-root DIR] [--port-file FILE] [--config FILE]\n"
           "                    [--upload-max BYTES] [--print-config]\n\n"
           "Applies pending migrations, then serves the API and the web interface until\n"
           "SIGTERM or SIGINT, which let requests in flight finish before exiting.\n"
           "Settings come from defaults < --config file < MOTCUA_* environment < flags;\n"
           "--print-config shows the result and exits.\n");
}

static int write_port_file(const char *path, unsigned port)
{
    FILE *f = fopen(path, "w");
    if (f == NULL || fprintf(f, "%u\n", port) < 0 || fclose(f) != 0) {
        fprintf(stderr, "motcua serve: cannot write %s\n", path);
        return -1;
    }
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    if (argc > 1 && cli_is_help(argv[1])) {
        usage();
        return 0;
    }
    struct cfg cfg;
    bool print_config = false;
    int next = cli_config(&cfg, argc, argv, true, &print_config);
    if (next < 0 || next != argc) {
        if (next >= 0) {
            fprintf(stderr, "motcua serve: unexpected argument '%s' (see --help)\n", argv[next]);
        }
        cfg_release(&cfg);
        return 2;
    }
    if (print_config) {
        cfg_print(&cfg, stdout);
        cfg_release(&cfg);
        return 0;
    }
    struct mc_err err;
    mc_err_clear(&err);
    char host[64];
    unsigned port = 0;
    if (http_parse_listen(cfg.listen, host, sizeof(host), &port, &err) != MC_OK) {
        fprintf(stderr, "motcua serve: %s\n", err.msg);
        cfg_release(&cfg);
        return 2;
    }
    struct store *st = cli_open_db(&cfg, true);
    if (st == NULL) {
        cfg_release(&cfg);
        return 1;
    }
    /* National + the agency's stored calendar file, for every deadline. */
    http_calendar_load(st);
    store_close(st);

    /* Block the stop signals in every thread; this one waits for them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct http_server_opts opts = {
        .host = host,
        .port = port,
        .threads = (unsigned)cfg.threads,
        .max_body = (size_t)cfg.max_body,
        .max_json_depth = (size_t)cfg.max_json_depth,
        .timeout = (unsigned)cfg.timeout,
        .db_path = cfg.db_path,
        .sync_full = cfg.sync_full,
        .web_root = cfg.web_root,
        .login_rate = cfg.login_rate,
        .lookup_rate = cfg.lookup_rate,
        .test_clock = cfg.test_clock,
        .escalation_interval = (unsigned)cfg.escalation_interval,
        .upload_max = (size_t)cfg.upload_max,
        .upload_ttl = cfg.upload_ttl,
        .upload_dir = cfg.upload_dir,
    };
    struct http_server *srv = NULL;
    if (http_server_start(&opts, &srv, &err) != MC_OK) {
        fprintf(stderr, "motcua serve: %s\n", err.msg);
        cfg_release(&cfg);
        return 1;
    }
    unsigned bound = http_server_port(srv);
    if (cfg.port_file[0] && write_port_file(cfg.port_file, bound) != 0) {
        http_server_stop(srv);
        cfg_release(&cfg);
        return 1;
    }
    mc_log(MC_LOG_INFO, "listening", "url=http://%s:%u db=%s", host, bound, cfg.db_path);
    if (cfg.test_clock) {
        /* Any caller may then date its own transitions: never in production. */
        mc_log(MC_LOG_WARN, "TEST CLOCK ON: requests may set their time with X-Test-Now",
               "setting=http.test_clock");
    }

    int sig = 0;
    sigwait(&stop, &sig);
    mc_log(MC_LOG_INFO, "stopping", "signal=%d", sig);
    http_server_stop(srv);
    http_calendar_shutdown();
    mc_log(MC_LOG_INFO, "stopped", NULL);
    cfg_release(&cfg);
    return 0;
}
