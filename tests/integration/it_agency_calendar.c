/* The agency's calendar stored in the database (docs/CALENDAR.md "Agency
 * calendar"): administrators read and replace it, the parser's errors name
 * agency.txt:LINE:FIELD and change nothing, a day off of the agency moves a
 * dossier's appointment and shows in GET /api/calendar/{year}, and it
 * survives a restart. Procedure 1.003950: 15 working days. */

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

static int setup(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 5, 8, 0); /* Monday */
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
}

/* A dossier received now at the desk: its appointment. */
static void receive_due(char *due, size_t cap)
{
    struct it_resp r;
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Trần Thị B\","
                              "\"phone\":\"0912000111\"}}",
                              NULL, &r),
                     201);
    snprintf(due, cap, "%s", dit_str(r.json, "due_at"));
    it_resp_release(&r);
}

static long put_calendar(const char *user, const char *text, struct it_resp *r)
{
    json_t *b = json_pack("{s:s}", "text", text);
    char *body = json_dumps(b, JSON_COMPACT);
    json_decref(b);
    long st = dit_call(user, "PUT", "/api/calendar/agency", body, NULL, r);
    free(body);
    return st;
}

/* Is `date` a working day in GET /api/calendar/{year}'s special days? */
static const char *year_reason(const char *date, bool *listed, const char **which)
{
    static char reason[256];
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "GET", "/api/calendar/2026", NULL, NULL, &r), 200);
    static char which_buf[32];
    snprintf(which_buf, sizeof(which_buf), "%s", dit_str(r.json, "calendar"));
    *which = which_buf;
    *listed = false;
    reason[0] = '\0';
    json_t *days = json_object_get(r.json, "days");
    for (size_t i = 0; i < json_array_size(days); i++) {
        json_t *d = json_array_get(days, i);
        if (strcmp(dit_str(d, "date"), date) == 0) {
            *listed = !json_is_true(json_object_get(d, "working"));
            snprintf(reason, sizeof(reason), "%s", dit_str(d, "reason"));
        }
    }
    it_resp_release(&r);
    return reason;
}

static char due_national[40];

static void only_administrators(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "GET", "/api/calendar/agency", NULL, NULL, &r), 200);
    /* The demo's calendar.txt, imported with the demo: no day of its own. */
    assert_non_null(strstr(dit_str(r.json, "text"), "format | 1"));
    assert_true(json_is_true(json_object_get(r.json, "in_force")));
    it_resp_release(&r);
    assert_int_equal(dit_call("giamdoc", "GET", "/api/calendar/agency", NULL, NULL, &r), 403);
    it_resp_release(&r);
    assert_int_equal(put_calendar("giamdoc", "format | 1\n", &r), 403);
    it_resp_release(&r);
    assert_int_equal(dit_call(NULL, "GET", "/api/calendar/agency", NULL, NULL, &r), 401);
    it_resp_release(&r);
    receive_due(due_national, sizeof(due_national));
    /* 15 working days from Monday 5/10 08:00 end with Friday 23/10. */
    assert_string_equal(due_national, "2026-10-26T08:00:00+07:00");
}

static void bad_files_name_line_and_field(void **state)
{
    (void)state;
    static const struct {
        const char *text, *field;
    } cases[] = {
        { "format | 1\n2026-10-08 | closed | agency | Họp | QĐ 1\n", "agency.txt:2:kind" },
        { "format | 1\n2026-10-32 | off | agency | Họp | QĐ 1\n", "agency.txt:2:date" },
        { "format | 1\n\n2026-10-08 | off | agency | | QĐ 1\n", "agency.txt:3:reason" },
        /* A national holiday cannot be reopened: 2/9 is closed by law. */
        { "format | 1\n2026-09-02 | work | agency | Trực | QĐ 1\n", "" },
        { "format | 2\n", "agency.txt:1:" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct it_resp r;
        long st = put_calendar("quantri", cases[i].text, &r);
        if (st != 400) {
            fprintf(stderr, "case %zu: %ld %s\n", i, st, r.body ? r.body : "");
        }
        assert_int_equal(st, 400);
        const char *field = it_problem_field(&r);
        assert_non_null(strstr(field, cases[i].field));
        assert_non_null(strstr(field, "agency.txt:"));
        it_resp_release(&r);
    }
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "PUT", "/api/calendar/agency", "{\"text\":1}", NULL, &r),
                     400);
    assert_string_equal(it_problem_field(&r), "text");
    it_resp_release(&r);
    assert_int_equal(dit_call("quantri", "PUT", "/api/calendar/agency", "{\"txt\":\"\"}", NULL, &r),
                     400);
    assert_string_equal(it_problem_field(&r), "txt");
    it_resp_release(&r);
    /* Nothing changed: the same appointment as before. */
    char due[40];
    receive_due(due, sizeof(due));
    assert_string_equal(due, due_national);
}

static void an_agency_day_off_moves_the_appointment(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(put_calendar("quantri",
                                  "format | 1\nversion | 2026-10-01\n"
                                  "2026-10-08 | off | agency | Hội nghị cán bộ, công chức | "
                                  "Quyết định của Sở (thử nghiệm)\n",
                                  &r),
                     200);
    assert_true(json_is_true(json_object_get(r.json, "in_force")));
    assert_string_equal(dit_str(r.json, "updated_by"), "quantri");
    it_resp_release(&r);
    char due[40];
    receive_due(due, sizeof(due));
    /* One working day later. */
    assert_string_equal(due, "2026-10-27T08:00:00+07:00");
    bool off;
    const char *which;
    const char *reason = year_reason("2026-10-08", &off, &which);
    assert_true(off);
    assert_string_equal(reason, "Hội nghị cán bộ, công chức");
    assert_string_equal(which, "national+agency");
    /* The deadline calculator uses it too. */
    assert_int_equal(dit_call(NULL, "POST", "/api/calendar/deadline",
                              "{\"start\":\"2026-10-05T08:00:00+07:00\",\"amount\":5,"
                              "\"unit\":\"day\"}",
                              NULL, &r),
                     200);
    assert_string_equal(dit_str(r.json, "calendar"), "national+agency");
    it_resp_release(&r);
}

static void it_survives_a_restart(void **state)
{
    (void)state;
    kill(dit_srv.pid, SIGTERM);
    int status = 0;
    waitpid(dit_srv.pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char port_file[400];
    snprintf(port_file, sizeof(port_file), "%s/port", dit_srv.dir);
    unlink(port_file);
    const char *args[] = { "--test-clock", "true", NULL };
    assert_int_equal(it_server_spawn(&dit_srv, false, args), 0);
    char due[40];
    receive_due(due, sizeof(due));
    assert_string_equal(due, "2026-10-27T08:00:00+07:00");
    /* Removing the agency file brings the national calendar back. */
    struct it_resp r;
    assert_int_equal(put_calendar("quantri", "", &r), 200);
    assert_false(json_is_true(json_object_get(r.json, "in_force")));
    assert_true(json_is_null(json_object_get(r.json, "text")));
    it_resp_release(&r);
    receive_due(due, sizeof(due));
    assert_string_equal(due, due_national);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(only_administrators),
        cmocka_unit_test(bad_files_name_line_and_field),
        cmocka_unit_test(an_agency_day_off_moves_the_appointment),
        cmocka_unit_test(it_survives_a_restart),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
