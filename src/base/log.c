#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static enum mc_log_level min_level = MC_LOG_INFO;
static _Thread_local char request_id[40];

void mc_log_set_level(enum mc_log_level level)
{
    min_level = level;
}

int mc_log_level_parse(const char *s)
{
    static const char *const names[] = { "debug", "info", "warn", "error" };
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

void mc_log_set_request_id(const char *id)
{
    snprintf(request_id, sizeof(request_id), "%s", id ? id : "");
}

const char *mc_log_request_id(void)
{
    return request_id;
}

void mc_log(enum mc_log_level level, const char *msg, const char *kvfmt, ...)
{
    static const char *const names[] = { "debug", "info", "warn", "error" };
    if (level < min_level) {
        return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);

    char tail[1024] = "";
    if (kvfmt && *kvfmt) {
        va_list ap;
        va_start(ap, kvfmt);
        vsnprintf(tail, sizeof(tail), kvfmt, ap);
        va_end(ap);
    }
    /* One fprintf per line so lines from worker threads do not interleave. */
    fprintf(stderr, "ts=%s.%03ldZ level=%s%s%s msg=\"%s\"%s%s\n", when, ts.tv_nsec / 1000000,
            names[level], request_id[0] ? " req=" : "", request_id, msg, tail[0] ? " " : "", tail);
}
