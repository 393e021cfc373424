/* Helpers of the dossier scenarios: one logged-in client per demo user, a
 * test clock (the server runs with --test-clock and every request carries
 * X-Test-Now), and actions that track the dossier's version. */
#ifndef MC_IT_DOSSIER_H
#define MC_IT_DOSSIER_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define DEMO_PASSWORD "motcua-demo"
#define DIT_USERS_MAX 24

static struct it_server dit_srv;
static struct {
    const char *user;
    struct it_client c;
} dit_clients[DIT_USERS_MAX];
static int64_t dit_now; /* minutes since the epoch, sent as X-Test-Now */

/* Minutes since the epoch of a local (UTC+7) date and time. */
static inline int64_t dit_at(int y, int mo, int d, int h, int mi)
{
    struct tm tm = {
        .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi
    };
    return (int64_t)timegm(&tm) / 60 - 7 * 60;
}

static inline int dit_setup_server(void)
{
    const char *args[] = { "--test-clock", "true", NULL };
    return it_server_start(&dit_srv, true, args);
}

static inline int dit_teardown_server(void)
{
    for (size_t i = 0; i < DIT_USERS_MAX && dit_clients[i].user; i++) {
        it_client_release(&dit_clients[i].c);
    }
    return it_server_stop(&dit_srv) == 0 ? 0 : -1;
}

/* NULL user: an anonymous client (the applicant). */
static inline struct it_client *dit_client(const char *user)
{
    const char *key = user ? user : "";
    size_t i = 0;
    for (; i < DIT_USERS_MAX && dit_clients[i].user; i++) {
        if (strcmp(dit_clients[i].user, key) == 0) {
            return &dit_clients[i].c;
        }
    }
    if (i == DIT_USERS_MAX) {
        return NULL;
    }
    dit_clients[i].user = key;
    it_client_init(&dit_clients[i].c, &dit_srv);
    if (user && it_login(&dit_clients[i].c, user, DEMO_PASSWORD) != 200) {
        fprintf(stderr, "login %s failed\n", user);
    }
    return &dit_clients[i].c;
}

/* One request at the test clock; extra: one more header or NULL. */
static inline long dit_call(const char *user, const char *method, const char *path,
                            const char *body, const char *extra, struct it_resp *r)
{
    char now[64];
    snprintf(now, sizeof(now), "X-Test-Now: %lld", (long long)dit_now);
    const char *hdrs[] = { now, extra, NULL };
    memset(r, 0, sizeof(*r));
    if (it_request(dit_client(user), method, path, body, NULL, hdrs, r) != 0) {
        return -1;
    }
    return r->status;
}

/* POST a BPMN drawing as a new draft of `process` at the test clock; the
 * status (201 expected), the answer in *r. */
static inline long dit_post_bpmn(const char *user, const char *process, const char *xml,
                                 struct it_resp *r)
{
    char now[64], path[96];
    snprintf(now, sizeof(now), "X-Test-Now: %lld", (long long)dit_now);
    snprintf(path, sizeof(path), "/api/processes/%s/versions", process);
    const char *hdrs[] = { now, NULL };
    memset(r, 0, sizeof(*r));
    if (it_request(dit_client(user), "POST", path, xml, "application/xml", hdrs, r) != 0) {
        return -1;
    }
    if (r->status != 201) {
        fprintf(stderr, "%s\n", r->body ? r->body : "");
    }
    return r->status;
}

/* Draft `issue` of `process` submitted by the head of TCBC, approved by the
 * director and in force from `effective` (YYYY-MM-DD). */
static inline void dit_put_in_force(const char *process, int64_t issue, const char *effective)
{
    char path[96], body[64];
    snprintf(path, sizeof(path), "/api/processes/%s/versions/%lld/transition", process,
             (long long)issue);
    snprintf(body, sizeof(body), "{\"to\":\"effective\",\"effective\":\"%s\"}", effective);
    struct it_resp r;
    assert_int_equal(dit_call("truongphong.tcbc", "POST", path, "{\"to\":\"submitted\"}", NULL, &r),
                     200);
    it_resp_release(&r);
    assert_int_equal(dit_call("giamdoc", "POST", path, "{\"to\":\"approved\"}", NULL, &r), 200);
    it_resp_release(&r);
    assert_int_equal(dit_call("giamdoc", "POST", path, body, NULL, &r), 200);
    it_resp_release(&r);
}

static inline const char *dit_str(json_t *j, const char *key)
{
    const char *s = json_string_value(json_object_get(j, key));
    return s ? s : "";
}

static inline int64_t dit_int(json_t *j, const char *key)
{
    return json_integer_value(json_object_get(j, key));
}

/* The key of a nested object member: dit_sub(d, "step", "key"). */
static inline const char *dit_sub(json_t *j, const char *obj, const char *key)
{
    return dit_str(json_object_get(j, obj), key);
}

static inline bool dit_allows(json_t *d, const char *action)
{
    json_t *a = json_object_get(d, "allowed_actions");
    for (size_t i = 0; i < json_array_size(a); i++) {
        if (strcmp(json_string_value(json_array_get(a, i)), action) == 0) {
            return true;
        }
    }
    return false;
}

/* A successful action's answer is the dossier as GET shows it to the same
 * caller at the same clock (the answer adds "action", GET adds "files" and
 * "reschedules", read only there to keep transition answers cheap):
 * the same keys in the same order with the same values, although the
 * answer is written from what the transition read before its commit
 * (src/http/dossier_json.c) and GET's view is built with jansson. */
static inline void dit_answer_is_get(const char *user, const char *code, json_t *answer)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/dossiers/%s", code);
    struct it_resp g;
    long st = dit_call(user, "GET", path, NULL, NULL, &g);
    if (st != 200) {
        it_resp_release(&g); /* the caller no longer reads it (handed on) */
        return;
    }
    json_t *a = json_deep_copy(answer);
    assert_int_equal(json_object_del(a, "action"), 0);
    assert_int_equal(json_object_del(g.json, "files"), 0);
    assert_int_equal(json_object_del(g.json, "reschedules"), 0);
    char *at = json_dumps(a, JSON_COMPACT);
    char *gt = json_dumps(g.json, JSON_COMPACT);
    assert_string_equal(at, gt);
    free(at);
    free(gt);
    json_decref(a);
    it_resp_release(&g);
}

/* POST an action; `fields` is the rest of the body (may be ""). A 200 is
 * checked against GET (dit_answer_is_get). */
static inline long dit_act(const char *user, const char *code, const char *action, int64_t version,
                           const char *fields, struct it_resp *r)
{
    char path[256], body[4096];
    snprintf(path, sizeof(path), "/api/dossiers/%s/actions", code);
    snprintf(body, sizeof(body), "{\"action\":\"%s\",\"version\":%lld%s%s}", action,
             (long long)version, fields && *fields ? "," : "", fields ? fields : "");
    long st = dit_call(user, "POST", path, body, NULL, r);
    if (st == 200 && json_object_get(r->json, "action")) {
        dit_answer_is_get(user, code, r->json);
    }
    return st;
}

/* An action that must succeed: 200, the action echoed, the version one
 * higher. Returns the new version. */
static inline int64_t dit_ok_act(const char *user, const char *code, const char *action,
                                 int64_t version, const char *fields)
{
    struct it_resp r;
    long st = dit_act(user, code, action, version, fields, &r);
    if (st != 200) {
        fprintf(stderr, "%s by %s: %ld %s\n", action, user, st, r.body ? r.body : "");
    }
    assert_int_equal(st, 200);
    assert_string_equal(dit_str(r.json, "action"), action);
    int64_t v = dit_int(r.json, "version");
    assert_int_equal(v, version + 1);
    it_resp_release(&r);
    return v;
}

/* `motcua verify` on the server's database: 0 when the chains and the
 * counters verify. */
static inline int dit_verify(char **out)
{
    const char *args[] = { "verify", NULL };
    return it_cli(&dit_srv, out, args);
}

#endif
