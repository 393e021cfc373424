/* An agency-calendar change moves the open deadlines (docs/CALENDAR.md
 * §3.2): dossiers received before the agency declares a day off inside
 * their window get their appointment, legal due time and step due time one
 * working day later, in the same PUT; the applicant sees it in the public
 * lookup, the holder is notified, a finished dossier and an apology's date
 * are kept, the chain and counters verify, a bad file moves nothing, and
 * taking the day off back never brings an appointment earlier.
 * Procedure 1.003950: 15 working days; receipt Monday 05/10/2026 08:00 →
 * appointment Monday 26/10/2026 08:00 on the national calendar. */

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdlib.h>

#include "dossier_it.h"

#define PHONE "0912000222"
#define DAY_OFF                                                                       \
    "format | 1\n2026-10-08 | off | agency | Hội nghị cán bộ, công chức | " \
    "Quyết định của Sở (thử nghiệm)\n"

static char held[32];     /* at a step, assigned to chuyenvien2.tcbc */
static char at_desk[32];  /* received, not yet transferred */
static char finished[32]; /* result ready (status 9): judged */
static char apology[32];  /* an apology promised 06/11/2026 16:00 */

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

static void receive(char *code)
{
    struct it_resp r;
    assert_int_equal(dit_call("motcua1", "POST", "/api/dossiers",
                              "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Lê Văn C\","
                              "\"phone\":\"" PHONE "\"}}",
                              NULL, &r),
                     201);
    snprintf(code, 32, "%s", dit_str(r.json, "code"));
    assert_string_equal(dit_str(r.json, "due_at"), "2026-10-26T08:00:00+07:00");
    it_resp_release(&r);
}

static json_t *dossier(const char *code)
{
    char path[128];
    snprintf(path, sizeof(path), "/api/dossiers/%s", code);
    struct it_resp r;
    assert_int_equal(dit_call("giamdoc", "GET", path, NULL, NULL, &r), 200);
    json_t *d = json_incref(r.json);
    it_resp_release(&r);
    return d;
}

static long put_calendar(const char *text, struct it_resp *r)
{
    json_t *b = json_pack("{s:s}", "text", text);
    char *body = json_dumps(b, JSON_COMPACT);
    json_decref(b);
    long st = dit_call("quantri", "PUT", "/api/calendar/agency", body, NULL, r);
    free(body);
    return st;
}

/* The appointment the applicant sees. */
static void public_appointment(const char *code, char *out, size_t cap)
{
    char path[160];
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=" PHONE, code);
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    snprintf(out, cap, "%s", dit_str(r.json, "appointment"));
    it_resp_release(&r);
}

/* `user`'s notifications of kind reschedule about `code`; the last message. */
static size_t reschedule_notes(const char *user, const char *code, char *last, size_t cap)
{
    struct it_resp r;
    assert_int_equal(dit_call(user, "GET", "/api/notifications", NULL, NULL, &r), 200);
    size_t n = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *x = json_array_get(r.json, i);
        if (strcmp(dit_str(x, "kind"), "reschedule") == 0 &&
            strcmp(dit_str(x, "dossier"), code) == 0) {
            n++;
            snprintf(last, cap, "%s", dit_str(x, "message"));
        }
    }
    it_resp_release(&r);
    return n;
}

static void dossiers_in_every_state(void **state)
{
    (void)state;
    receive(held);
    receive(at_desk);
    receive(finished);
    receive(apology);
    dit_now += 5;
    int64_t v = dit_ok_act("motcua1", held, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", held, "forward", v, "");
    dit_ok_act("truongphong.tcbc", held, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");

    v = dit_ok_act("motcua1", apology, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", apology, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", apology, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");
    dit_ok_act("truongphong.tcbc", apology, "apologize", v,
               "\"reason\":\"Cần xác minh thêm\","
               "\"new_appointment\":\"2026-11-06T16:00:00+07:00\"");

    v = dit_ok_act("motcua1", finished, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", finished, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", finished, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");
    v = dit_ok_act("chuyenvien2.tcbc", finished, "forward", v, "");
    v = dit_ok_act("truongphong.tcbc", finished, "forward", v, "");
    v = dit_ok_act("phogiamdoc2", finished, "approve", v, "\"signature\":true");
    v = dit_ok_act("vanthu2", finished, "forward", v, "");
    v = dit_ok_act("chuyenvien1.tcbc", finished, "forward", v, "");
    dit_ok_act("motcua2", finished, "result_ready", v, "");
    json_t *d = dossier(finished);
    assert_int_equal(dit_int(d, "status"), 9);
    assert_string_equal(dit_str(d, "verdict"), "early");
    json_decref(d);
}

static char step_due_before[40];
static int64_t held_version;

static void a_bad_file_moves_nothing(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 6, 9, 0); /* Tuesday */
    json_t *d = dossier(held);
    held_version = dit_int(d, "version");
    snprintf(step_due_before, sizeof(step_due_before), "%s", dit_sub(d, "step_clock", "due_at"));
    assert_true(step_due_before[0] != '\0');
    json_decref(d);
    struct it_resp r;
    assert_int_equal(put_calendar("format | 1\n2026-10-08 | closed | agency | Họp | QĐ 1\n", &r),
                     400);
    assert_string_equal(it_problem_field(&r), "agency.txt:2:kind");
    it_resp_release(&r);
    d = dossier(held);
    assert_int_equal(dit_int(d, "version"), held_version);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-26T08:00:00+07:00");
    assert_string_equal(dit_sub(d, "step_clock", "due_at"), step_due_before);
    json_decref(d);
    char note[300];
    assert_int_equal(reschedule_notes("chuyenvien2.tcbc", held, note, sizeof(note)), 0);
}

static void a_day_off_moves_the_open_deadlines(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(put_calendar(DAY_OFF, &r), 200);
    /* held, at_desk: appointment and legal due; apology: legal due only. */
    assert_int_equal(dit_int(r.json, "rescheduled"), 3);
    assert_int_equal(dit_int(r.json, "appointments_moved"), 2);
    assert_int_equal(dit_int(r.json, "open_dossiers"), 3);
    it_resp_release(&r);

    json_t *d = dossier(held);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-27T08:00:00+07:00");
    assert_string_equal(dit_str(d, "legal_due_at"), "2026-10-27T08:00:00+07:00");
    assert_string_equal(dit_str(d, "first_due_at"), "2026-10-27T08:00:00+07:00");
    assert_int_equal(dit_int(d, "version"), held_version + 1);
    /* The step tham_dinh (35.5 working hours from Monday 08:05) was due
     * Friday 09/10 13:35 (Monday 415 min, three full days, 275 min on
     * Friday across lunch); with Thursday off, Monday 12/10 13:35. */
    assert_string_equal(step_due_before, "2026-10-09T13:35:00+07:00");
    assert_string_equal(dit_sub(d, "step_clock", "due_at"), "2026-10-12T13:35:00+07:00");
    json_decref(d);

    d = dossier(at_desk);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-27T08:00:00+07:00");
    json_decref(d);
    char seen[40];
    public_appointment(held, seen, sizeof(seen));
    assert_string_equal(seen, "2026-10-27T08:00:00+07:00");

    /* The apology's date was given in writing: kept; the legal due moves. */
    d = dossier(apology);
    assert_string_equal(dit_str(d, "due_at"), "2026-11-06T16:00:00+07:00");
    assert_string_equal(dit_str(d, "legal_due_at"), "2026-10-27T08:00:00+07:00");
    json_decref(d);
    public_appointment(apology, seen, sizeof(seen));
    assert_string_equal(seen, "2026-11-06T16:00:00+07:00");

    /* Judged: untouched. */
    d = dossier(finished);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-26T08:00:00+07:00");
    assert_string_equal(dit_str(d, "verdict"), "early");
    json_decref(d);

    char note[300];
    assert_int_equal(reschedule_notes("chuyenvien2.tcbc", held, note, sizeof(note)), 1);
    char want[200];
    snprintf(want, sizeof(want), "Ngày hẹn trả hồ sơ %s đổi từ 26/10/2026 sang 27/10/2026", held);
    assert_non_null(strstr(note, want));
    assert_int_equal(reschedule_notes("chuyenvien2.tcbc", apology, note, sizeof(note)), 1);
    assert_non_null(strstr(note, "Thời hạn giải quyết hồ sơ"));
    assert_int_equal(reschedule_notes("chuyenvien2.tcbc", finished, note, sizeof(note)), 0);

    char *out = NULL;
    int rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "%s\n", out);
    }
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "counters agree"));
    free(out);
}

/* Taking the day off back: the legal due time and the officers' clocks
 * count the day again, the appointment promised stays. */
static void taking_it_back_keeps_the_promise(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 6, 10, 0);
    struct it_resp r;
    assert_int_equal(put_calendar("", &r), 200);
    assert_int_equal(dit_int(r.json, "rescheduled"), 3);
    assert_int_equal(dit_int(r.json, "appointments_moved"), 0);
    it_resp_release(&r);
    json_t *d = dossier(held);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-27T08:00:00+07:00");
    assert_string_equal(dit_str(d, "legal_due_at"), "2026-10-26T08:00:00+07:00");
    assert_string_equal(dit_sub(d, "step_clock", "due_at"), step_due_before);
    json_decref(d);
    /* The same file again moves nothing. */
    assert_int_equal(put_calendar("", &r), 200);
    assert_int_equal(dit_int(r.json, "rescheduled"), 0);
    it_resp_release(&r);
    char *out = NULL;
    assert_int_equal(dit_verify(&out), 0);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dossiers_in_every_state),
        cmocka_unit_test(a_bad_file_moves_nothing),
        cmocka_unit_test(a_day_off_moves_the_open_deadlines),
        cmocka_unit_test(taking_it_back_keeps_the_promise),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
