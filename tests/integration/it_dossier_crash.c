/* Crash test: kill -9 the server in the middle of a load of transitions,
 * restart it on the same database, and check that every acknowledged
 * transition is there (each dossier's version is at least the last one a
 * client saw acknowledged, at most one more: the request in flight) and
 * that every chain and the counters verify. The load is one client thread
 * per dossier, so that the server commits transitions in groups (docs/
 * ENGINE.md "Group commit") when it is killed: an acknowledgement must
 * still mean durable. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier_it.h"

enum { NDOSSIERS = 3 };

static char codes[NDOSSIERS][32];
static int64_t acked[NDOSSIERS]; /* last version acknowledged by the server */
static atomic_bool killed;

static int setup(void **state)
{
    (void)state;
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

static void *killer(void *arg)
{
    (void)arg;
    usleep(1500 * 1000);
    kill(dit_srv.pid, SIGKILL);
    atomic_store(&killed, true);
    return NULL;
}

static const char *const who[2] = { "\"assignee\":\"chuyenvien1.tcbc\"",
                                    "\"assignee\":\"chuyenvien2.tcbc\"" };

/* One loading thread: its own client, its own dossier. */
struct loader {
    struct it_client c;
    int i;
    long n;
};

static void *load(void *arg)
{
    struct loader *l = arg;
    char now[64], path[96], body[160];
    snprintf(now, sizeof(now), "X-Test-Now: %lld", (long long)dit_now);
    const char *hdrs[] = { now, NULL };
    snprintf(path, sizeof(path), "/api/dossiers/%s/actions", codes[l->i]);
    for (;;) {
        snprintf(body, sizeof(body), "{\"action\":\"assign\",\"version\":%lld,%s}",
                 (long long)acked[l->i], who[l->n % 2]);
        struct it_resp r;
        memset(&r, 0, sizeof(r));
        int rc = it_request(&l->c, "POST", path, body, NULL, hdrs, &r);
        if (rc == 0 && r.status == 200) {
            acked[l->i] = dit_int(r.json, "version");
        }
        it_resp_release(&r);
        l->n++;
        if (rc != 0) {
            break; /* the server is gone */
        }
    }
    return NULL;
}

static void kill_mid_load(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 10, 7, 8, 0);
    for (int i = 0; i < NDOSSIERS; i++) {
        assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                                  "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"A\","
                                  "\"phone\":\"0900123456\"}}",
                                  NULL, &r),
                         201);
        snprintf(codes[i], sizeof(codes[i]), "%s", dit_str(r.json, "code"));
        it_resp_release(&r);
        acked[i] = 1;
        assert_int_equal(dit_act("motcua1", codes[i], "transfer", acked[i]++, "", &r), 200);
        it_resp_release(&r);
    }
    /* Re-assignments are transitions that can repeat without end; each
     * thread has its own session on its own dossier. */
    struct loader ld[NDOSSIERS];
    pthread_t lt[NDOSSIERS];
    for (int i = 0; i < NDOSSIERS; i++) {
        ld[i].i = i;
        ld[i].n = 0;
        it_client_init(&ld[i].c, &dit_srv);
        assert_int_equal(it_login(&ld[i].c, "truongphong.tcbc", DEMO_PASSWORD), 200);
    }
    dit_client("truongphong.tcbc");
    pthread_t t;
    pthread_create(&t, NULL, killer, NULL);
    long n = 0;
    for (int i = 0; i < NDOSSIERS; i++) {
        pthread_create(&lt[i], NULL, load, &ld[i]);
    }
    for (int i = 0; i < NDOSSIERS; i++) {
        pthread_join(lt[i], NULL);
        it_client_release(&ld[i].c);
        n += ld[i].n;
    }
    pthread_join(t, NULL);
    int status;
    waitpid(dit_srv.pid, &status, 0);
    assert_true(WIFSIGNALED(status));
    assert_true(n > 10);

    /* Restart on the same database. */
    char port_file[400];
    snprintf(port_file, sizeof(port_file), "%s/port", dit_srv.dir);
    unlink(port_file);
    const char *args[] = { "--test-clock", "true", NULL };
    assert_int_equal(it_server_spawn(&dit_srv, false, args), 0);
    for (int i = 0; i < NDOSSIERS; i++) {
        char path[256];
        snprintf(path, sizeof(path), "/api/dossiers/%s", codes[i]);
        assert_int_equal(dit_call("truongphong.tcbc", "GET", path, NULL, NULL, &r), 200);
        int64_t v = dit_int(r.json, "version");
        it_resp_release(&r);
        fprintf(stderr, "dossier %s: acknowledged %lld, stored %lld\n", codes[i],
                (long long)acked[i], (long long)v);
        assert_true(v >= acked[i]);
        assert_true(v <= acked[i] + 1);
        /* It still takes transitions. */
        assert_int_equal(dit_act("truongphong.tcbc", codes[i], "assign", v, who[0], &r), 200);
        it_resp_release(&r);
    }
    char *out = NULL;
    int rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "%s\n", out);
    }
    assert_int_equal(rc, 0);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kill_mid_load),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
