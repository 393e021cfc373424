/* Configuration from one table (Redis config.c): each setting has a key for
 * the file, an environment variable and a default. Precedence:
 * defaults < file < MOTCUA_* environment < command-line flags. */
#ifndef MC_CONFIG_CONFIG_H
#define MC_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/err.h"

struct cfg {
    char *db_path;            /* db.path            MOTCUA_DB */
    char *listen;             /* http.listen        MOTCUA_LISTEN  HOST:PORT (port 0 = any free) */
    long threads;             /* http.threads       MOTCUA_THREADS */
    long max_body;            /* http.max_body      bytes */
    long max_json_depth;      /* http.max_json_depth */
    long timeout;             /* http.timeout       seconds a connection may stay idle */
    char *port_file;          /* http.port_file     write the bound port here (tests) */
    char *web_root;           /* web.root           built front end (web/dist) */
    char *log_level;          /* log.level          debug|info|warn|error */
    bool sync_full;           /* db.sync_full       synchronous=FULL */
    long login_rate;          /* http.login_rate    login attempts per minute per address */
    long lookup_rate;         /* http.lookup_rate   public lookups per minute per address */
    bool test_clock;          /* http.test_clock    honour X-Test-Now (tests only) */
    long escalation_interval; /* engine.escalation_interval seconds between sweeps */
    long upload_max;          /* uploads.max_size   bytes per uploaded file */
    long upload_ttl;          /* uploads.expire_minutes  a free upload's life */
    char *upload_dir;         /* uploads.dir        "" = <db dir>/files */
};

void cfg_init(struct cfg *c); /* defaults */
void cfg_release(struct cfg *c);
/* Set one setting by its file key, checking its type and range. */
enum mc_status cfg_set(struct cfg *c, const char *key, const char *value,
                       struct mc_err *err) MC_MUST_CHECK;
/* `key = value` lines, '#' comments; errors name the line. */
enum mc_status cfg_load_file(struct cfg *c, const char *path, struct mc_err *err) MC_MUST_CHECK;
enum mc_status cfg_load_env(struct cfg *c, struct mc_err *err) MC_MUST_CHECK;
/* Every setting with its value, in file syntax. */
void cfg_print(const struct cfg *c, FILE *out);
/* The environment variable of a file key, or NULL. */
const char *cfg_env_name(const char *key);

#endif
