/* Recurring internal tasks (docs/ENGINE.md §11) with the demo data and a
 * test clock. The administrator gives NB-VP-04 (monthly report of the
 * department, 5 working days; process QT-NB-VP-04 starts with a VP
 * specialist) the rule "due on the 25th": the November 2026 period is due
 * on Wednesday the 25th and opens 4 working days before, on Thursday the
 * 19th. The sweep (POST /api/recurrence/sweep at X-Test-Now) opens exactly
 * one case for it, with the system as its initiator, in the VP specialists'
 * queue and due at the close of the 25th; a second sweep, a restart and a
 * later sweep open none; after a downtime only the latest missed period
 * opens. Who may edit the rule, and bad rules, are checked first: nothing
 * bad is written. */

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

#define ITEM      "NB-VP-04"
#define RULE_PATH "/api/procedures/" ITEM "/recurrence"

static int setup(void **state)
{
    (void)state;
    dit_now = dit_at(2026, 11, 2, 8, 0); /* Monday */
    return dit_setup_server();
}

static int teardown(void **state)
{
    (void)state;
    return dit_teardown_server();
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

/* The text of a PDF answer by pdftotext, whitespace runs made one space
 * (a table cell may wrap a name). Free it. */
static char *pdf_text(const struct it_resp *r)
{
    char path[] = "/tmp/motcua-it-recur-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, r->body, r->len), (ssize_t)r->len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "pdftotext -enc UTF-8 '%s' - 2>&1", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = calloc(1, cap);
    bool space = false;
    int c;
    while ((c = fgetc(p)) != EOF) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (n + 3 >= cap) {
            cap *= 2;
            out = realloc(out, cap);
        }
        if (space) {
            out[n++] = ' ';
            space = false;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    assert_int_equal(pclose(p), 0);
    unlink(path);
    return out;
}

/* The sweep as the administrator; returns how many cases it opened. */
static int64_t sweep(void)
{
    struct it_resp r;
    long st = dit_call("quantri", "POST", "/api/recurrence/sweep", NULL, NULL, &r);
    if (st != 200) {
        fprintf(stderr, "sweep: %ld %s\n", st, r.body ? r.body : "");
    }
    assert_int_equal(st, 200);
    int64_t n = dit_int(r.json, "opened");
    if (dit_int(r.json, "failed") != 0) {
        fail_msg("sweep: %s", r.body);
    }
    it_resp_release(&r);
    return n;
}

/* The codes of the item's cases, oldest first, comma-separated; returns
 * how many. */
static size_t cases_of_item(char *codes, size_t cap)
{
    struct it_resp r;
    assert_int_equal(
        dit_call("giamdoc", "GET", "/api/dossiers?procedure=" ITEM "&limit=100", NULL, NULL, &r),
        200);
    json_t *items = json_object_get(r.json, "items");
    size_t n = json_array_size(items);
    codes[0] = '\0';
    for (size_t i = n; i-- > 0;) {
        size_t used = strlen(codes);
        snprintf(codes + used, cap - used, "%s%s", used ? "," : "",
                 dit_str(json_array_get(items, i), "code"));
    }
    it_resp_release(&r);
    return n;
}

static void rule_edit_is_for_admins_and_validated(void **state)
{
    (void)state;
    struct it_resp r;
    /* The demo rule, in the item's JSON and on its own resource. */
    assert_int_equal(dit_call(NULL, "GET", "/api/procedures/" ITEM, NULL, NULL, &r), 200);
    json_t *rec = json_object_get(r.json, "recurrence");
    assert_string_equal(dit_str(rec, "every"), "month");
    assert_int_equal(dit_int(rec, "day"), 20);
    assert_null(json_object_get(rec, "weekday"));
    it_resp_release(&r);
    assert_int_equal(dit_call(NULL, "GET", RULE_PATH, NULL, NULL, &r), 401);
    it_resp_release(&r);
    /* A TTHC has none. */
    assert_int_equal(
        dit_call("chuyenvien1.vp", "GET", "/api/procedures/1.003950/recurrence", NULL, NULL, &r),
        200);
    assert_true(json_is_null(json_object_get(r.json, "recurrence")));
    assert_true(json_is_null(json_object_get(r.json, "next")));
    it_resp_release(&r);

    const char *good = "{\"every\":\"month\",\"day\":25}";
    /* Staff of the owning unit, its head, the director: not administrators. */
    const char *others[] = { "chuyenvien1.vp", "chanhvanphong", "giamdoc", "kiemsoat1" };
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        assert_int_equal(dit_call(others[i], "PUT", RULE_PATH, good, NULL, &r), 403);
        it_resp_release(&r);
        assert_int_equal(dit_call(others[i], "DELETE", RULE_PATH, NULL, NULL, &r), 403);
        it_resp_release(&r);
        assert_int_equal(dit_call(others[i], "POST", "/api/recurrence/sweep", NULL, NULL, &r), 403);
        it_resp_release(&r);
    }
    static const struct {
        const char *path, *body;
        long status;
        const char *field;
    } bad[] = {
        { RULE_PATH, "{\"every\":\"daily\",\"day\":1}", 400, "every" },
        { RULE_PATH, "{\"day\":1}", 400, "every" },
        { RULE_PATH, "{\"every\":\"month\"}", 400, "day" },
        { RULE_PATH, "{\"every\":\"month\",\"day\":32}", 400, "day" },
        { RULE_PATH, "{\"every\":\"month\",\"day\":\"25\"}", 400, "day" },
        { RULE_PATH, "{\"every\":\"month\",\"day\":5,\"weekday\":1}", 400, "weekday" },
        { RULE_PATH, "{\"every\":\"year\",\"month\":2,\"day\":30}", 400, "day" },
        { RULE_PATH, "{\"every\":\"quarter\",\"month\":4,\"day\":5}", 400, "month" },
        { RULE_PATH, "{\"every\":\"week\",\"weekday\":3,\"day\":1}", 400, "day" },
        { RULE_PATH, "{\"every\":\"week\",\"weekday\":0}", 400, "weekday" },
        { RULE_PATH, "{\"every\":\"month\",\"day\":5,\"lead_working_days\":61}", 400,
          "lead_working_days" },
        { RULE_PATH, "{\"every\":\"month\",\"day\":5,\"hour\":9}", 400, "hour" },
        { RULE_PATH, "[1]", 400, "" },
        { "/api/procedures/1.003950/recurrence", "{\"every\":\"month\",\"day\":5}", 400,
          "recurrence" },
        { "/api/procedures/NB-NONE-01/recurrence", "{\"every\":\"month\",\"day\":5}", 404, "" },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        long st = dit_call("quantri", "PUT", bad[i].path, bad[i].body, NULL, &r);
        if (st != bad[i].status) {
            fail_msg("%s %s: %ld %s", bad[i].path, bad[i].body, st, r.body ? r.body : "");
        }
        if (bad[i].field[0]) {
            json_t *errs = json_object_get(r.json, "errors");
            const char *field = dit_str(json_array_get(errs, 0), "field");
            if (strcmp(field, bad[i].field) != 0) {
                fail_msg("%s: field '%s', want '%s' (%s)", bad[i].body, field, bad[i].field,
                         r.body);
            }
        }
        it_resp_release(&r);
    }
    /* Nothing bad was written. */
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", RULE_PATH, NULL, NULL, &r), 200);
    assert_int_equal(dit_int(json_object_get(r.json, "recurrence"), "day"), 20);
    it_resp_release(&r);

    /* The administrator sets "due on the 25th": 4 working days of lead
     * (5-day limit), November's period opens on Thursday the 19th. */
    assert_int_equal(dit_call("quantri", "PUT", RULE_PATH, good, NULL, &r), 200);
    assert_int_equal(dit_int(json_object_get(r.json, "recurrence"), "day"), 25);
    assert_int_equal(dit_int(r.json, "lead_working_days"), 4);
    json_t *next = json_object_get(r.json, "next");
    assert_string_equal(dit_str(next, "period"), "2026-11");
    assert_string_equal(dit_str(next, "due_on"), "2026-11-25");
    assert_string_equal(dit_str(next, "opens_on"), "2026-11-19");
    it_resp_release(&r);
    assert_int_equal(dit_call(NULL, "GET", "/api/procedures/" ITEM, NULL, NULL, &r), 200);
    assert_int_equal(dit_int(json_object_get(r.json, "recurrence"), "day"), 25);
    it_resp_release(&r);
}

static void a_period_opens_once(void **state)
{
    (void)state;
    char codes[400];
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 0);
    /* The evening before the opening day: nothing of this item. */
    dit_now = dit_at(2026, 11, 18, 20, 0);
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 0);
    /* The opening day, before office hours. */
    dit_now = dit_at(2026, 11, 19, 6, 30);
    assert_true(sweep() >= 1);
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 1);
    char first[400];
    snprintf(first, sizeof(first), "%s", codes);
    assert_non_null(strstr(first, "-C"));

    struct it_resp r;
    char path[480];
    snprintf(path, sizeof(path), "/api/dossiers/%s", first);
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "kind"), "case");
    assert_string_equal(dit_str(r.json, "subject"),
                        "Tổng hợp báo cáo công tác tháng của Sở — tháng 11/2026");
    assert_string_equal(dit_sub(r.json, "initiator", "full_name"), "Hệ thống (định kỳ)");
    /* The actor is told apart by its kind (0016), and the case by its period. */
    assert_string_equal(dit_sub(r.json, "initiator", "kind"), "system");
    assert_string_equal(dit_str(r.json, "recurrence_period"), "2026-11");
    assert_string_equal(dit_sub(r.json, "step", "key"), "buoc_1");
    assert_string_equal(dit_sub(r.json, "step_unit", "code"), "VP");
    json_t *holder = json_object_get(r.json, "holder");
    assert_true(holder == NULL || json_is_null(holder));
    /* 5 working days from 07:00 on the 19th: the close of the 25th. */
    assert_string_equal(dit_str(r.json, "due_at"), "2026-11-25T17:00:00+07:00");
    assert_int_equal(dit_int(r.json, "status"), 4);
    it_resp_release(&r);
    /* The control slip (Mẫu 05) names the system as who handed it over. */
    snprintf(path, sizeof(path), "/api/dossiers/%s/control-slip", first);
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
    json_t *ev = json_array_get(json_object_get(r.json, "handovers"), 0);
    assert_string_equal(dit_str(ev, "action"), "open_case");
    assert_string_equal(dit_sub(ev, "actor", "full_name"), "Hệ thống (định kỳ)");
    assert_string_equal(dit_sub(ev, "from_person", "full_name"), "Hệ thống (định kỳ)");
    assert_string_equal(dit_sub(ev, "actor", "kind"), "system");
    assert_non_null(strstr(dit_str(ev, "note"), "2026-11"));
    it_resp_release(&r);
    /* The printed control slip (Mẫu 05) names it in the form's language. */
    static const struct {
        const char *lang, *name;
    } slips[] = { { "vi", "Hệ thống (định kỳ)" }, { "en", "System (recurring)" } };
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "/api/dossiers/%s/forms/mau-05?lang=%s", first, slips[i].lang);
        assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
        char *text = pdf_text(&r);
        if (strstr(text, slips[i].name) == NULL) {
            fail_msg("Mẫu 05 (%s) does not name \"%s\": %s", slips[i].lang, slips[i].name, text);
        }
        free(text);
        it_resp_release(&r);
    }
    /* In the VP specialists' queue, and they can take it. */
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", "/api/inbox?scope=unit", NULL, NULL, &r),
                     200);
    bool queued = false;
    json_t *items = json_object_get(r.json, "items");
    for (size_t i = 0; i < json_array_size(items); i++) {
        queued = queued || strcmp(dit_str(json_array_get(items, i), "code"), first) == 0;
    }
    assert_true(queued);
    it_resp_release(&r);

    /* Again at once, later that week, and after a restart: none. */
    assert_int_equal(sweep(), 0);
    dit_now = dit_at(2026, 11, 24, 10, 0);
    sweep();
    restart();
    dit_now = dit_at(2026, 11, 25, 16, 0);
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 1);
    assert_string_equal(codes, first);

    /* Down from December to late January: December's period (due the
     * 25th) is skipped, January 2027's (due Monday the 25th, open since the
     * 19th) opens, once. */
    dit_now = dit_at(2027, 1, 26, 9, 0);
    assert_true(sweep() >= 1);
    assert_int_equal(sweep(), 0);
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 2);
    const char *second = strchr(codes, ',') + 1;
    snprintf(path, sizeof(path), "/api/dossiers/%s", second);
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "subject"),
                        "Tổng hợp báo cáo công tác tháng của Sở — tháng 1/2027");
    it_resp_release(&r);

    /* Removed: nothing more opens; the cases stay. */
    assert_int_equal(dit_call("quantri", "DELETE", RULE_PATH, NULL, NULL, &r), 204);
    it_resp_release(&r);
    dit_now = dit_at(2027, 2, 26, 9, 0);
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 2);
    char *out = NULL;
    assert_int_equal(dit_verify(&out), 0);
    free(out);
}

static void put_rule(const char *body)
{
    struct it_resp r;
    long st = dit_call("quantri", "PUT", RULE_PATH, body, NULL, &r);
    if (st != 200) {
        fail_msg("PUT %s: %ld %s", body, st, r.body ? r.body : "");
    }
    it_resp_release(&r);
}

/* A rule counts from the day it is set: setting the same rule again (a
 * repeated import) keeps that day, a changed rule moves it. Runs after
 * a_period_opens_once (two cases, the rule removed). */
static void a_rule_counts_from_when_it_is_set(void **state)
{
    (void)state;
    char codes[400];
    /* Set on Tuesday 2 March 2027: March's period (due Monday the 1st)
     * was past already and never opens. */
    dit_now = dit_at(2027, 3, 2, 9, 0);
    put_rule("{\"every\":\"month\",\"day\":1}");
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 2);
    /* No sweep until 2 April (say the server was down); the same rule is
     * put again. April's period (due Thursday 1 April, opened on 26 March)
     * is after 2 March: it opens. */
    dit_now = dit_at(2027, 4, 2, 9, 0);
    put_rule("{\"every\":\"month\",\"day\":1}");
    assert_true(sweep() >= 1);
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 3);
    /* On Tuesday 4 May a changed rule (no lead) counts from that day: May's
     * period, due on 1 May, a Saturday after the 30 April holiday, so on
     * Thursday 29 April, is before it and does not open. */
    dit_now = dit_at(2027, 5, 4, 9, 0);
    put_rule("{\"every\":\"month\",\"day\":1,\"lead_working_days\":0}");
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 3);
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "GET", RULE_PATH, NULL, NULL, &r), 200);
    json_t *next = json_object_get(r.json, "next");
    assert_string_equal(dit_str(next, "period"), "2027-06");
    assert_string_equal(dit_str(next, "due_on"), "2027-06-01");
    assert_string_equal(dit_str(next, "opens_on"), "2027-06-01");
    it_resp_release(&r);
}

/* Open a case of the item by hand as a VP specialist; returns its
 * recurrence_period (NULL when none) in `period` and its code in `code`. */
static void open_by_hand(const char *subject, char *code, size_t code_cap, char *period,
                         size_t period_cap)
{
    char body[300];
    snprintf(body, sizeof(body), "{\"procedure\":\"" ITEM "\",\"subject\":\"%s\"}", subject);
    struct it_resp r;
    long st = dit_call("chuyenvien1.vp", "POST", "/api/cases", body, NULL, &r);
    if (st != 201) {
        fail_msg("POST /api/cases: %ld %s", st, r.body ? r.body : "");
    }
    snprintf(code, code_cap, "%s", dit_str(r.json, "code"));
    json_t *p = json_object_get(r.json, "recurrence_period");
    assert_non_null(p); /* present, null or a period */
    snprintf(period, period_cap, "%s", json_is_string(p) ? json_string_value(p) : "");
    assert_string_equal(dit_sub(r.json, "initiator", "kind"), "person");
    it_resp_release(&r);
}

/* A case opened by hand inside a period's window takes that period (in
 * the opening's transaction), so the sweep does not open a second one; a
 * second case by hand in the same period is allowed and takes none; a case
 * opened in the window of a period the rule does not own (past its due day
 * when the rule was set) takes none. Runs after
 * a_rule_counts_from_when_it_is_set (three cases; "due on the 1st", no
 * lead, set on 4 May 2027). */
static void a_period_opened_by_hand_is_not_opened_again(void **state)
{
    (void)state;
    char codes[400], code[64], period[32];
    /* 20 May 2027: May's period (due 29 April) predates the rule. */
    dit_now = dit_at(2027, 5, 20, 9, 0);
    open_by_hand("Báo cáo bổ sung", code, sizeof(code), period, sizeof(period));
    assert_string_equal(period, "");
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 4);
    /* Tuesday 1 June 2027, June's opening day, before the sweep. */
    dit_now = dit_at(2027, 6, 1, 7, 30);
    open_by_hand("Báo cáo tháng 6", code, sizeof(code), period, sizeof(period));
    assert_string_equal(period, "2027-06");
    char first[64];
    snprintf(first, sizeof(first), "%s", code);
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 5);
    /* A second case by hand in June: allowed, recorded nowhere. */
    dit_now = dit_at(2027, 6, 1, 10, 0);
    open_by_hand("Báo cáo tháng 6, phần bổ sung", code, sizeof(code), period, sizeof(period));
    assert_string_equal(period, "");
    sweep();
    dit_now = dit_at(2027, 6, 15, 10, 0);
    sweep();
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 6);
    /* The case view keeps the period of the first. */
    struct it_resp r;
    char path[120];
    snprintf(path, sizeof(path), "/api/dossiers/%s", first);
    assert_int_equal(dit_call("chuyenvien1.vp", "GET", path, NULL, NULL, &r), 200);
    assert_string_equal(dit_str(r.json, "recurrence_period"), "2027-06");
    it_resp_release(&r);
    /* July's period still opens by the sweep, with the system. */
    dit_now = dit_at(2027, 7, 1, 8, 0);
    assert_true(sweep() >= 1);
    assert_int_equal(cases_of_item(codes, sizeof(codes)), 7);
    char *out = NULL;
    assert_int_equal(dit_verify(&out), 0);
    free(out);
}

/* The system actor (0013, people.kind 'system' since 0016) is no member of
 * staff: not listed, no officer in the statistics (its case still counts by
 * unit), no login, no roles or password, not editable. Runs after
 * a_period_opens_once (the sweep opened a case in November 2026). */
static void the_system_actor_is_no_officer(void **state)
{
    (void)state;
    struct it_resp r;
    assert_int_equal(dit_call("quantri", "GET", "/api/people", NULL, NULL, &r), 200);
    assert_non_null(strstr(r.body, "\"chuyenvien1.vp\""));
    assert_null(strstr(r.body, "\"system\""));
    assert_null(strstr(r.body, "Hệ thống (định kỳ)"));
    it_resp_release(&r);

    assert_int_equal(dit_call("giamdoc", "GET",
                              "/api/stats?by=officer&from=2026-11-01&to=2026-11-30", NULL, NULL,
                              &r),
                     200);
    assert_true(json_is_array(r.json));
    assert_null(strstr(r.body, "\"system\""));
    assert_null(strstr(r.body, "Hệ thống"));
    it_resp_release(&r);
    /* The same case counts in its unit's figures. */
    assert_int_equal(dit_call("giamdoc", "GET", "/api/stats?by=unit&from=2026-11-01&to=2026-11-30",
                              NULL, NULL, &r),
                     200);
    int64_t vp_received = 0;
    for (size_t i = 0; i < json_array_size(r.json); i++) {
        json_t *row = json_array_get(r.json, i);
        if (strcmp(dit_str(row, "unit"), "VP") == 0) {
            vp_received = dit_int(row, "received");
        }
    }
    assert_true(vp_received >= 1);
    it_resp_release(&r);

    struct it_client c;
    it_client_init(&c, &dit_srv);
    assert_int_equal(it_login(&c, "system", "motcua-demo"), 401);
    it_client_release(&c);

    static const struct {
        const char *body, *field;
    } patches[] = {
        { "{\"roles\":[{\"role\":\"head\",\"unit\":\"VP\"}]}", "roles" },
        { "{\"password\":\"a-long-enough-password\"}", "password" },
        { "{\"disabled\":false}", "disabled" },
        { "{\"full_name\":\"Máy\"}", "full_name" },
    };
    for (size_t i = 0; i < sizeof(patches) / sizeof(patches[0]); i++) {
        long st = dit_call("quantri", "PATCH", "/api/people/system", patches[i].body, NULL, &r);
        const char *field = dit_str(json_array_get(json_object_get(r.json, "errors"), 0), "field");
        if (st != 400 || strcmp(field, patches[i].field) != 0) {
            fail_msg("PATCH system %s: %ld %s", patches[i].body, st, r.body ? r.body : "");
        }
        it_resp_release(&r);
    }
    /* An administrator cannot create another "system" either. */
    assert_int_equal(dit_call("quantri", "POST", "/api/people",
                              "{\"username\":\"system\",\"full_name\":\"X\","
                              "\"roles\":[{\"role\":\"specialist\",\"unit\":\"VP\"}]}",
                              NULL, &r),
                     409);
    it_resp_release(&r);
}

static void sh(const char *cmd)
{
    if (system(cmd) != 0) {
        fail_msg("command failed: %s", cmd);
    }
}

/* A rule on a TTHC and a bad rule are import errors naming the field, and
 * the import changes nothing. */
static void import_names_bad_rules(void **state)
{
    (void)state;
    char dir[400], cmd[4000];
    snprintf(dir, sizeof(dir), "%s/bad-demo", dit_srv.dir);
    snprintf(cmd, sizeof(cmd), "cp -r '%s/demo' '%s'", MC_SOURCE_DIR, dir);
    sh(cmd);
    snprintf(cmd, sizeof(cmd),
             "sed -i 's/\"online_level\": \"toan_trinh\",/\"online_level\": "
             "\"toan_trinh\", \"recurrence\": {\"every\": \"month\", \"day\": 5},/' "
             "'%s/procedures/1.003950.json' && sed -i 's/\"weekday\": 5/\"weekday\": 9/' "
             "'%s/procedures/NB-VP-03.json' && sed -i 's/\"day\": 15/\"day\": 15, "
             "\"weekday\": 1/' '%s/procedures/NB-CCHC-04.json'",
             dir, dir, dir);
    sh(cmd);
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&dit_srv, &out, args), 1);
    if (strstr(out, "procedures/1.003950.json: $.recurrence: only an internal work item") == NULL ||
        strstr(out, "procedures/NB-VP-03.json: $.recurrence.weekday: $.recurrence.weekday must "
                    "be") == NULL ||
        strstr(out, "procedures/NB-CCHC-04.json: $.recurrence.weekday: $.recurrence.weekday: "
                    "only a weekly rule names a weekday") == NULL ||
        strstr(out, "3 errors; nothing was changed") == NULL) {
        fail_msg("import said: %s", out);
    }
    free(out);
}

/* people.json cannot name the system actor: the import refuses the whole
 * directory. */
static void import_refuses_a_person_named_system(void **state)
{
    (void)state;
    char dir[400], cmd[2000];
    snprintf(dir, sizeof(dir), "%s/system-demo", dit_srv.dir);
    snprintf(cmd, sizeof(cmd),
             "cp -r '%s/demo' '%s' && sed -i '0,/\\[/s//[{\"username\": \"system\", \"full_name\": "
             "\"X\", \"roles\": [{\"role\": \"specialist\", \"unit\": \"VP\"}]},/' "
             "'%s/people.json'",
             MC_SOURCE_DIR, dir, dir);
    sh(cmd);
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    assert_int_equal(it_cli(&dit_srv, &out, args), 1);
    if (strstr(out, "people.json: $[0]: system is the system actor") == NULL ||
        strstr(out, "1 error; nothing was changed") == NULL) {
        fail_msg("import said: %s", out);
    }
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import_names_bad_rules),
        cmocka_unit_test(import_refuses_a_person_named_system),
        cmocka_unit_test(rule_edit_is_for_admins_and_validated),
        cmocka_unit_test(a_period_opens_once),
        cmocka_unit_test(the_system_actor_is_no_officer),
        cmocka_unit_test(a_rule_counts_from_when_it_is_set),
        cmocka_unit_test(a_period_opened_by_hand_is_not_opened_again),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
