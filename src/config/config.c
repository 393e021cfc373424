#include "config/config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/parse.h"
#include "base/xalloc.h"

enum cfg_type { CFG_STRING, CFG_LONG, CFG_BOOL };

struct cfg_entry {
    const char *key;
    const char *env;
    enum cfg_type type;
    size_t offset;
    const char *def;
    long min, max;
    const char *help;
};

#define OFF(f) offsetof(struct cfg, f)

static const struct cfg_entry table[] = {
    { "db.path", "MOTCUA_DB", CFG_STRING, OFF(db_path), "var/motcua.db", 0, 0,
      "SQLite database file" },
    { "db.sync_full", "MOTCUA_SYNC_FULL", CFG_BOOL, OFF(sync_full), "true", 0, 0,
      "fsync every commit (an acknowledged write survives a power cut)" },
    { "http.listen", "MOTCUA_LISTEN", CFG_STRING, OFF(listen), "127.0.0.1:8080", 0, 0,
      "address and port to serve on (port 0: any free port)" },
    { "http.threads", "MOTCUA_THREADS", CFG_LONG, OFF(threads), "4", 1, 256,
      "idle database connections kept for requests (at least 64)" },
    { "http.max_body", "MOTCUA_MAX_BODY", CFG_LONG, OFF(max_body), "1048576", 1024, 1L << 30,
      "largest request body in bytes" },
    { "http.max_json_depth", "MOTCUA_MAX_JSON_DEPTH", CFG_LONG, OFF(max_json_depth), "32", 2, 512,
      "deepest JSON nesting accepted" },
    { "http.timeout", "MOTCUA_TIMEOUT", CFG_LONG, OFF(timeout), "30", 1, 3600,
      "seconds a connection may stay idle" },
    { "http.port_file", "MOTCUA_PORT_FILE", CFG_STRING, OFF(port_file), "", 0, 0,
      "write the bound port to this file once listening" },
    { "http.login_rate", "MOTCUA_LOGIN_RATE", CFG_LONG, OFF(login_rate), "20", 1, 100000,
      "login attempts per minute per client address" },
    { "http.lookup_rate", "MOTCUA_LOOKUP_RATE", CFG_LONG, OFF(lookup_rate), "60", 1, 1000000,
      "public dossier lookups per minute per client address" },
    { "http.test_clock", "MOTCUA_TEST_CLOCK", CFG_BOOL, OFF(test_clock), "false", 0, 0,
      "tests only: honour an X-Test-Now header (minutes since the epoch) as the time" },
    { "engine.escalation_interval", "MOTCUA_ESCALATION_INTERVAL", CFG_LONG,
      OFF(escalation_interval), "60", 0, 86400,
      "seconds between escalation sweeps (0: no background sweep)" },
    { "uploads.max_size", "MOTCUA_UPLOAD_MAX", CFG_LONG, OFF(upload_max), "10485760", 1024,
      1L << 31, "largest uploaded file in bytes (checked while streaming to disk)" },
    { "uploads.expire_minutes", "MOTCUA_UPLOAD_EXPIRE", CFG_LONG, OFF(upload_ttl), "1440", 1,
      525600, "minutes an upload not yet referenced by a dossier or action is kept" },
    { "uploads.dir", "MOTCUA_UPLOAD_DIR", CFG_STRING, OFF(upload_dir), "", 0, 0,
      "directory of attachment files (empty: 'files' beside the database)" },
    { "web.root", "MOTCUA_WEB_ROOT", CFG_STRING, OFF(web_root), "web/dist", 0, 0,
      "directory of the built web interface" },
    { "log.level", "MOTCUA_LOG_LEVEL", CFG_STRING, OFF(log_level), "info", 0, 0,
      "debug, info, warn or error" },
};

static const struct cfg_entry *find(const char *key)
{
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (strcmp(table[i].key, key) == 0) {
            return &table[i];
        }
    }
    return NULL;
}

const char *cfg_env_name(const char *key)
{
    const struct cfg_entry *e = find(key);
    return e ? e->env : NULL;
}

static enum mc_status set_entry(struct cfg *c, const struct cfg_entry *e, const char *value,
                                struct mc_err *err)
{
    char *base = (char *)c;
    switch (e->type) {
    case CFG_STRING: {
        char **slot = (char **)(void *)(base + e->offset);
        free(*slot);
        *slot = mc_xstrdup(value);
        return MC_OK;
    }
    case CFG_LONG: {
        int64_t v = 0;
        if (!mc_parse_i64(value, e->min, e->max, &v)) {
            return mc_fail_field(err, MC_EINVAL, e->key,
                                 "%s must be a whole number from %ld to %ld", e->key, e->min,
                                 e->max);
        }
        *(long *)(void *)(base + e->offset) = (long)v;
        return MC_OK;
    }
    case CFG_BOOL: {
        bool v;
        if (strcmp(value, "true") == 0 || strcmp(value, "1") == 0) {
            v = true;
        } else if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0) {
            v = false;
        } else {
            return mc_fail_field(err, MC_EINVAL, e->key, "%s must be true or false", e->key);
        }
        *(bool *)(void *)(base + e->offset) = v;
        return MC_OK;
    }
    }
    return mc_fail(err, MC_EINTERNAL, "bad config type");
}

void cfg_init(struct cfg *c)
{
    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        enum mc_status rc = set_entry(c, &table[i], table[i].def, NULL);
        MC_ASSERT(rc == MC_OK);
    }
}

void cfg_release(struct cfg *c)
{
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].type == CFG_STRING) {
            char **slot = (char **)(void *)((char *)c + table[i].offset);
            free(*slot);
            *slot = NULL;
        }
    }
}

enum mc_status cfg_set(struct cfg *c, const char *key, const char *value, struct mc_err *err)
{
    const struct cfg_entry *e = find(key);
    if (e == NULL) {
        return mc_fail_field(err, MC_EINVAL, key, "unknown setting %s", key);
    }
    if (strcmp(key, "log.level") == 0 && mc_log_level_parse(value) < 0) {
        return mc_fail_field(err, MC_EINVAL, key, "log.level must be debug, info, warn or error");
    }
    return set_entry(c, e, value, err);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    char *end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n')) {
        *--end = '\0';
    }
    return s;
}

enum mc_status cfg_load_file(struct cfg *c, const char *path, struct mc_err *err)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return mc_fail(err, MC_EIO, "cannot read %s: %s", path, strerror(errno));
    }
    char line[4096];
    int lineno = 0;
    enum mc_status rc = MC_OK;
    while (rc == MC_OK && fgets(line, sizeof(line), f)) {
        lineno++;
        char *s = trim(line);
        if (*s == '\0' || *s == '#') {
            continue;
        }
        char *eq = strchr(s, '=');
        if (eq == NULL) {
            rc = mc_fail(err, MC_EINVAL, "%s:%d: expected key = value", path, lineno);
            break;
        }
        *eq = '\0';
        char *key = trim(s);
        char *value = trim(eq + 1);
        rc = cfg_set(c, key, value, err);
        if (rc != MC_OK && err) {
            char msg[sizeof(err->msg)];
            memcpy(msg, err->msg, sizeof(msg));
            int n = snprintf(err->msg, sizeof(err->msg), "%s:%d: ", path, lineno);
            if (n > 0 && (size_t)n < sizeof(err->msg)) {
                snprintf(err->msg + n, sizeof(err->msg) - (size_t)n, "%.*s",
                         (int)(sizeof(err->msg) - (size_t)n - 1), msg);
            }
        }
    }
    fclose(f);
    return rc;
}

enum mc_status cfg_load_env(struct cfg *c, struct mc_err *err)
{
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        const char *v = getenv(table[i].env);
        if (v == NULL) {
            continue;
        }
        enum mc_status rc = cfg_set(c, table[i].key, v, err);
        if (rc != MC_OK) {
            if (err) {
                snprintf(err->msg, sizeof(err->msg), "%s must be valid for %s", table[i].env,
                         table[i].key);
            }
            return rc;
        }
    }
    return MC_OK;
}

void cfg_print(const struct cfg *c, FILE *out)
{
    const char *base = (const char *)c;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        const struct cfg_entry *e = &table[i];
        fprintf(out, "# %s (%s)\n", e->help, e->env);
        switch (e->type) {
        case CFG_STRING:
            fprintf(out, "%s = %s\n", e->key, *(char *const *)(const void *)(base + e->offset));
            break;
        case CFG_LONG:
            fprintf(out, "%s = %ld\n", e->key, *(const long *)(const void *)(base + e->offset));
            break;
        case CFG_BOOL:
            fprintf(out, "%s = %s\n", e->key,
                    *(const bool *)(const void *)(base + e->offset) ? "true" : "false");
            break;
        }
    }
}
