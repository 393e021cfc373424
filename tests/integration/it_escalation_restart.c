/* Escalation rungs survive a restart (issue 4 §4: "fire once each, are
 * persisted, survive a restart"). A dossier of 1.003950 reaches step
 * tham_dinh (TCBC specialist, 35.5 working hours) on Monday 16/11/2026
 * 08:00, assigned to chuyenvien3.tcbc. With the default ladder:
 *
 *   Thu 19/11 11:00  27 h used: 75% reached (rung 0, the holder), not yet
 *                    one working day left (27.5 h)
 *   Thu 19/11 14:00  28 h used: one working day left (rung 1, holder + head)
 *   Fri 20/11 16:00  38 h used, due since 11:30 (rung 2, holder + head +
 *                    the deputy director in charge of TCBC, phogiamdoc1)
 *
 * The server is stopped with SIGTERM and started again on the same database
 * between the rungs; the test clock drives the sweep (GET /api/notifications
 * runs it at the request's time). Each rung must reach each person exactly
 * once: a restart neither repeats a fired rung nor loses the next. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier_it.h"

static char code[32];

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

/* An action on this file's dossier that must succeed. */
static int64_t ok_act(const char *user, const char *action, int64_t version, const char *fields)
{
    return dit_ok_act(user, code, action, version, fields);
}

/* The escalation notifications of `user` on the dossier; each message is
 * appended to `seen` (one a line) when not NULL. */
static size_t escalations(const char *user, char *seen, size_t cap)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", "/api/notifications", NULL, NULL, &r), 200);
    size_t n = 0;
    if (seen) {
        seen[0] = '\0';
    }
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *x = json_array_get(r.json, i);
        if (strcmp(dit_str(x, "kind"), "escalation") == 0 &&
            strcmp(dit_str(x, "dossier"), code) == 0) {
            n++;
            if (seen) {
                size_t used = strlen(seen);
                snprintf(seen + used, cap - used, "%s\n", dit_str(x, "message"));
            }
        }
    }
    it_resp_release(&r);
    return n;
}

static void restart(void)
{
    kill(dit_srv.pid, SIGTERM);
    int status = 0;
    waitpid(dit_srv.pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    char port_file[400];
    snprintf(port_file, sizeof(port_file), "%s/port", dit_srv.dir);
    unlink(port_file);
    const char *args[] = { "--test-clock", "true", NULL };
    assert_int_equal(it_server_spawn(&dit_srv, false, args), 0);
}

static void rungs_fire_once_across_restarts(void **state)
{
    (void)state;
    struct it_resp r;
    dit_now = dit_at(2026, 11, 16, 8, 0);
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Lê Văn C\","
                              "\"phone\":\"0913222333\"}}",
                              NULL, &r),
                     201);
    snprintf(code, sizeof(code), "%s", dit_str(r.json, "code"));
    it_resp_release(&r);
    int64_t v = ok_act("motcua1", "transfer", 1, "");
    v = ok_act("truongphong.tcbc", "forward", v, "");
    ok_act("truongphong.tcbc", "assign", v, "\"assignee\":\"chuyenvien3.tcbc\"");

    /* Rung 0 (75%): the holder only. */
    dit_now = dit_at(2026, 11, 19, 11, 0);
    char seen[2048];
    assert_int_equal(escalations("chuyenvien3.tcbc", seen, sizeof(seen)), 1);
    assert_non_null(strstr(seen, "tham_dinh"));
    assert_non_null(strstr(seen, "còn 510 phút")); /* 2130 − 1620 */
    assert_int_equal(escalations("truongphong.tcbc", NULL, 0), 0);

    restart();
    /* The same instant after the restart: rung 0 is not fired again, and
     * nothing else is due yet. */
    assert_int_equal(escalations("chuyenvien3.tcbc", NULL, 0), 1);
    assert_int_equal(escalations("truongphong.tcbc", NULL, 0), 0);

    /* Rung 1 (one working day left): holder and head, once. */
    dit_now = dit_at(2026, 11, 19, 14, 0);
    assert_int_equal(escalations("chuyenvien3.tcbc", seen, sizeof(seen)), 2);
    assert_non_null(strstr(seen, "còn 450 phút"));
    assert_int_equal(escalations("truongphong.tcbc", seen, sizeof(seen)), 1);
    assert_non_null(strstr(seen, "còn 450 phút"));
    assert_int_equal(escalations("phogiamdoc1", NULL, 0), 0);
    /* Asked again at the same instant: nothing more. */
    assert_int_equal(escalations("chuyenvien3.tcbc", NULL, 0), 2);

    restart();
    assert_int_equal(escalations("chuyenvien3.tcbc", NULL, 0), 2);
    assert_int_equal(escalations("truongphong.tcbc", NULL, 0), 1);

    /* Rung 2 (due): holder, head and the leader in charge, once each. */
    dit_now = dit_at(2026, 11, 20, 16, 0);
    assert_int_equal(escalations("chuyenvien3.tcbc", seen, sizeof(seen)), 3);
    assert_non_null(strstr(seen, "quá hạn 150 phút"));
    assert_int_equal(escalations("truongphong.tcbc", NULL, 0), 2);
    assert_int_equal(escalations("phogiamdoc1", seen, sizeof(seen)), 1);
    assert_non_null(strstr(seen, "quá hạn 150 phút"));
    /* The dossier's own clock (15 days) has reached no rung. */
    assert_null(strstr(seen, "thời hạn giải quyết"));
    restart();
    assert_int_equal(escalations("chuyenvien3.tcbc", NULL, 0), 3);
    assert_int_equal(escalations("truongphong.tcbc", NULL, 0), 2);
    assert_int_equal(escalations("phogiamdoc1", NULL, 0), 1);
    char *out = NULL;
    int vrc = dit_verify(&out);
    if (vrc != 0) {
        fprintf(stderr, "verify: %s\n", out ? out : "");
    }
    assert_int_equal(vrc, 0);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rungs_fire_once_across_restarts),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
