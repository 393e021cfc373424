/* Leveled logfmt logging to stderr. Each line carries the request id of the
 * calling thread when one is set (http sets it per request). */
#ifndef MC_BASE_LOG_H
#define MC_BASE_LOG_H

enum mc_log_level { MC_LOG_DEBUG, MC_LOG_INFO, MC_LOG_WARN, MC_LOG_ERROR };

void mc_log_set_level(enum mc_log_level level);
/* Parse "debug|info|warn|error"; returns -1 when unknown. */
int mc_log_level_parse(const char *s);
/* Set (or clear with NULL) the request id printed on this thread's lines. */
void mc_log_set_request_id(const char *id);
/* This thread's request id ("" when none): store_write carries it over to
 * the thread that runs the work. */
const char *mc_log_request_id(void);
/* msg is free text; kv is an optional logfmt tail (`key=value ...`). */
void mc_log(enum mc_log_level level, const char *msg, const char *kvfmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
