/* The shared dossier engine of the server, the request clock, the caller
 * as an actor, and idempotency keys. */
#include "http/engine_ctx.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/parse.h"
#include "cal/cal.h"
#include "http/auth.h"
#include "http/calendar_ctx.h"
#include "http/server.h"
#include "store/store_dossier.h"

static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static struct engine shared;
static const struct cal *calendar;
static struct mc_err load_err;

void http_handover_hash(void *ctx, const uint8_t *data, size_t len, uint8_t out[ENG_HASH_LEN])
{
    (void)ctx;
    crypto_generichash(out, ENG_HASH_LEN, data, len, NULL, 0);
}

static void load_engine(void)
{
    /* The calendar in force (national + the agency's file), read at every
     * call so that an edited agency calendar applies to the next deadline. */
    const struct cal *c = NULL;
    if (http_calendar(&c, NULL, &load_err) != MC_OK) {
        return;
    }
    calendar = c;
    shared.wt =
        (struct eng_worktime){ http_calendar_minutes_add, http_calendar_minutes_between, NULL };
    shared.hash = http_handover_hash;
    shared.hash_ctx = NULL;
    shared.rungs = eng_rungs_default(&shared.nrungs);
}

enum mc_status http_engine(const struct engine **out, struct mc_err *err)
{
    pthread_once(&engine_once, load_engine);
    if (calendar == NULL) {
        return mc_fail(err, MC_EINTERNAL, "the calendar data does not load: %s", load_err.msg);
    }
    *out = &shared;
    return MC_OK;
}

int64_t http_now_minutes(struct http_req *req)
{
    const char *fake = http_server_test_clock(req->server) ? http_header(req, "X-Test-Now") : NULL;
    int64_t v;
    if (fake && mc_parse_i64(fake, 0, INT64_C(100000000), &v)) {
        return v;
    }
    return (int64_t)time(NULL) / 60;
}

enum mc_status http_actor(struct http_req *req, struct engine_actor *out, struct mc_err *err)
{
    if (req->who == NULL) {
        engine_actor_applicant(out);
        return MC_OK;
    }
    return engine_actor_staff(req->db, req->who->person_id, req->who->scope.grants,
                              req->who->scope.ngrants, out, err);
}

static void caller_of(struct http_req *req, char *buf, size_t cap)
{
    if (req->who) {
        snprintf(buf, cap, "p:%lld", (long long)req->who->person_id);
    } else {
        snprintf(buf, cap, "c:%s", req->client);
    }
}

enum mc_status http_idem_check(struct http_req *req, struct http_resp *resp, const char **key,
                               char hash[65], bool *replayed, struct mc_err *err)
{
    *replayed = false;
    *key = http_header(req, "Idempotency-Key");
    hash[0] = '\0';
    if (*key == NULL) {
        return MC_OK;
    }
    size_t klen = strlen(*key);
    if (klen == 0 || klen > 128) {
        return mc_fail_field(err, MC_EINVAL, "Idempotency-Key",
                             "Idempotency-Key must be 1 to 128 characters");
    }
    /* The request: method, path and body. */
    crypto_generichash_state h;
    uint8_t d[32];
    crypto_generichash_init(&h, NULL, 0, sizeof(d));
    crypto_generichash_update(&h, (const uint8_t *)req->method, strlen(req->method) + 1);
    crypto_generichash_update(&h, (const uint8_t *)req->path, strlen(req->path) + 1);
    crypto_generichash_update(&h, (const uint8_t *)mc_buf_cstr(&req->body), req->body.len);
    crypto_generichash_final(&h, d, sizeof(d));
    sodium_bin2hex(hash, 65, d, sizeof(d));
    char caller[96];
    caller_of(req, caller, sizeof(caller));
    char stored[65];
    int status = 0;
    char *body = NULL;
    enum mc_status rc = store_idem_get(req->db, caller, *key, stored, &status, &body, err);
    if (rc == MC_ENOTFOUND) {
        mc_err_clear(err);
        return MC_OK;
    }
    if (rc != MC_OK) {
        return rc;
    }
    if (strcmp(stored, hash) != 0) {
        free(body);
        return mc_fail_field(err, MC_ECONFLICT, "Idempotency-Key",
                             "this Idempotency-Key was used with a different request");
    }
    *replayed = true;
    http_resp_json_text(resp, (unsigned)status, body);
    http_resp_header(resp, "Idempotent-Replayed", "true");
    return MC_OK;
}

enum mc_status http_idem_store(struct http_req *req, const char *key, const char *hash,
                               unsigned status, const char *body, int64_t now, struct mc_err *err)
{
    if (key == NULL) {
        return MC_OK;
    }
    char caller[96];
    caller_of(req, caller, sizeof(caller));
    return store_idem_put(req->db, caller, key, hash, (int)status, body, now, err);
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool http_parse_instant(const char *s, int64_t *out)
{
    int y, mo, d, h, mi, sec = 0, oh = 0, om = 0;
    if (s == NULL || strlen(s) < 17 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
        s[7] != '-' || !digits(s + 8, 2, &d) || s[10] != 'T' || !digits(s + 11, 2, &h) ||
        s[13] != ':' || !digits(s + 14, 2, &mi)) {
        return false;
    }
    const char *p = s + 16;
    if (*p == ':') {
        if (!digits(p + 1, 2, &sec)) {
            return false;
        }
        p += 3;
    }
    int sign = 0;
    if (strcmp(p, "Z") == 0) {
        sign = 1;
    } else if ((*p == '+' || *p == '-') && strlen(p) == 6 && digits(p + 1, 2, &oh) && p[3] == ':' &&
               digits(p + 4, 2, &om)) {
        sign = *p == '+' ? 1 : -1;
    }
    struct eng_date date = { y, mo, d };
    if (sign == 0 || !eng_date_valid(date) || h > 23 || mi > 59 || sec > 59 || oh > 14 || om > 59) {
        return false;
    }
    int64_t days = eng_days_from_date(date);
    *out = days * 1440 + h * 60 + mi - sign * (oh * 60 + om);
    return true;
}
