/* `motcua import` of a calendar.txt into a database with open dossiers,
 * while the server runs on it (docs/CALENDAR.md §3.2): the import moves the
 * open deadlines in its own transaction, like PUT /api/calendar/agency; the
 * dossier view lists the change (by the --by user, source "import"); the
 * public lookup says the appointment moved; the holder is told; the server
 * puts the imported calendar in force for the next receipt; a bad file
 * exits non-zero and moves nothing; the same file again moves nothing.
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
#include <sys/stat.h>

#include "dossier_it.h"

#define PHONE "0912000333"
#define DAY_OFF                                                                       \
    "format | 1\n2026-10-08 | off | agency | Hội nghị cán bộ, công chức | " \
    "Quyết định của Sở (thử nghiệm)\n"

static char held[32];    /* at a step, assigned to chuyenvien2.tcbc */
static char at_desk[32]; /* received on paper after 15:00, not yet transferred */
static char dir[400];    /* the import directory: agency.json + calendar.txt */

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

static void write_file(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* DIR with the demo's agency.json (the one file an import requires) and
 * `calendar` as calendar.txt. */
static void import_dir(const char *calendar)
{
    snprintf(dir, sizeof(dir), "%s/import", dit_srv.dir);
    mkdir(dir, 0700);
    FILE *f = fopen(MC_SOURCE_DIR "/demo/agency.json", "rb");
    assert_non_null(f);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    assert_true(n > 0 && n < sizeof(buf));
    char path[600];
    snprintf(path, sizeof(path), "%s/agency.json", dir);
    write_file(path, buf, n);
    snprintf(path, sizeof(path), "%s/calendar.txt", dir);
    write_file(path, calendar, strlen(calendar));
}

static int import(char **out)
{
    const char *args[] = { "import", "--by", "quantri", dir, NULL };
    return it_cli(&dit_srv, out, args);
}

static void receive(char *code, const char *channel_fields, const char *due)
{
    char body[512];
    snprintf(body, sizeof(body),
             "{\"procedure\":\"1.003950\",\"applicant\":{\"name\":\"Trần Thị D\","
             "\"phone\":\"" PHONE "\"}%s}",
             channel_fields);
    struct it_resp r;
    long st = dit_call("motcua1", "POST", "/api/dossiers", body, NULL, &r);
    if (st != 201) {
        fprintf(stderr, "receipt: %ld %s\n", st, r.body ? r.body : "");
    }
    assert_int_equal(st, 201);
    snprintf(code, 32, "%s", dit_str(r.json, "code"));
    assert_string_equal(dit_str(r.json, "due_at"), due);
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

static json_t *public_view(const char *code)
{
    char path[160];
    snprintf(path, sizeof(path), "/api/public/dossiers/%s?phone=" PHONE, code);
    struct it_resp r;
    assert_int_equal(dit_call(NULL, "GET", path, NULL, NULL, &r), 200);
    json_t *d = json_incref(r.json);
    it_resp_release(&r);
    return d;
}

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

static void open_dossiers(void **state)
{
    (void)state;
    receive(held, "", "2026-10-26T08:00:00+07:00");
    dit_now += 5;
    int64_t v = dit_ok_act("motcua1", held, "transfer", 1, "");
    v = dit_ok_act("truongphong.tcbc", held, "forward", v, "");
    dit_ok_act("truongphong.tcbc", held, "assign", v, "\"assignee\":\"chuyenvien2.tcbc\"");
    json_t *d = dossier(held);
    json_t *moved = json_object_get(d, "reschedules");
    assert_true(json_is_array(moved));
    assert_int_equal(json_array_size(moved), 0);
    json_decref(d);
    d = public_view(held);
    assert_true(json_is_false(json_object_get(d, "appointment_rescheduled")));
    json_decref(d);
    /* Wednesday 07/10 16:00, paper: transfer by Thursday's opening. */
    dit_now = dit_at(2026, 10, 7, 16, 0);
    receive(at_desk, "", "2026-10-28T16:00:00+07:00");
}

static void a_bad_file_exits_non_zero_and_moves_nothing(void **state)
{
    (void)state;
    import_dir("format | 1\n2026-10-08 | closed | agency | Họp | QĐ 1\n");
    char *out = NULL;
    int rc = import(&out);
    assert_int_not_equal(rc, 0);
    assert_non_null(strstr(out, "calendar.txt:2: field 'kind'"));
    assert_non_null(strstr(out, "nothing was changed"));
    free(out);
    json_t *d = dossier(held);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-26T08:00:00+07:00");
    assert_int_equal(json_array_size(json_object_get(d, "reschedules")), 0);
    json_decref(d);
    /* --by naming nobody: refused too, nothing moved. */
    import_dir(DAY_OFF);
    const char *args[] = { "import", "--by", "no.such.user", dir, NULL };
    rc = it_cli(&dit_srv, &out, args);
    assert_int_not_equal(rc, 0);
    assert_non_null(strstr(out, "no.such.user"));
    free(out);
    d = dossier(held);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-26T08:00:00+07:00");
    json_decref(d);
}

static void an_import_moves_the_open_deadlines(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 10, 7, 16, 30);
    import_dir(DAY_OFF);
    char *out = NULL;
    int rc = import(&out);
    if (rc != 0) {
        fprintf(stderr, "%s\n", out);
    }
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "calendar 1"));
    assert_non_null(strstr(out, "agency calendar changed: 2 of 2 open dossiers rescheduled, "
                                "2 appointments moved"));
    free(out);

    json_t *d = dossier(held);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-27T08:00:00+07:00");
    assert_string_equal(dit_str(d, "legal_due_at"), "2026-10-27T08:00:00+07:00");
    json_t *moved = json_object_get(d, "reschedules");
    assert_int_equal(json_array_size(moved), 1);
    json_t *m = json_array_get(moved, 0);
    assert_string_equal(dit_str(m, "source"), "import");
    assert_string_equal(dit_str(m, "reason"), "agency_calendar");
    assert_string_equal(dit_sub(m, "by", "username"), "quantri");
    assert_string_equal(dit_sub(m, "appointment", "from"), "2026-10-26T08:00:00+07:00");
    assert_string_equal(dit_sub(m, "appointment", "to"), "2026-10-27T08:00:00+07:00");
    assert_string_equal(dit_sub(m, "legal_due", "to"), "2026-10-27T08:00:00+07:00");
    assert_true(json_is_null(json_object_get(m, "transfer_by"))); /* transferred already */
    json_decref(d);

    /* At the desk: the transfer deadline (Thursday's opening, now a day
     * off) moves to Friday's. */
    d = dossier(at_desk);
    assert_string_equal(dit_str(d, "due_at"), "2026-10-29T16:00:00+07:00");
    m = json_array_get(json_object_get(d, "reschedules"), 0);
    assert_string_equal(dit_sub(m, "transfer_by", "from"), "2026-10-08T07:00:00+07:00");
    assert_string_equal(dit_sub(m, "transfer_by", "to"), "2026-10-09T07:00:00+07:00");
    json_decref(d);

    d = public_view(held);
    assert_string_equal(dit_str(d, "appointment"), "2026-10-27T08:00:00+07:00");
    assert_true(json_is_true(json_object_get(d, "appointment_rescheduled")));
    json_decref(d);

    char note[300], want[200];
    assert_int_equal(reschedule_notes("chuyenvien2.tcbc", held, note, sizeof(note)), 1);
    snprintf(want, sizeof(want), "Ngày hẹn trả hồ sơ %s đổi từ 26/10/2026 sang 27/10/2026", held);
    assert_non_null(strstr(note, want));

    /* The running server took the imported calendar: the administrator
     * sees it in force, and a receipt on Monday 05/10 counts Thursday
     * 08/10 off (27/10 rather than 26/10). */
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "GET", "/api/calendar/agency", NULL, NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "text"), DAY_OFF);
    assert_string_equal(dit_str(r.json, "updated_by"), "quantri");
    it_resp_release(&r);
    dit_now = dit_at(2026, 10, 5, 8, 0);
    char fresh[32];
    receive(fresh, "", "2026-10-27T08:00:00+07:00");
    assert_int_equal(dit_call("quantri", "GET", "/api/calendar/agency", NULL, NULL, &r), 200);
    assert_true(json_is_true(json_object_get(r.json, "in_force")));
    it_resp_release(&r);

    out = NULL;
    rc = dit_verify(&out);
    if (rc != 0) {
        fprintf(stderr, "%s\n", out);
    }
    assert_int_equal(rc, 0);
    free(out);
}

static void the_same_file_again_moves_nothing(void **state)
{
    (void)state;
    char *out = NULL;
    int rc = import(&out);
    assert_int_equal(rc, 0);
    assert_null(strstr(out, "agency calendar changed"));
    free(out);
    json_t *d = dossier(held);
    assert_int_equal(json_array_size(json_object_get(d, "reschedules")), 1);
    json_decref(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(open_dossiers),
        cmocka_unit_test(a_bad_file_exits_non_zero_and_moves_nothing),
        cmocka_unit_test(an_import_moves_the_open_deadlines),
        cmocka_unit_test(the_same_file_again_moves_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
