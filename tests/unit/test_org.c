/* core/org (names, the unit tree) and the organisation's store functions:
 * sessions found only by the hash of their token, expiry, disabled people. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "core/agency.h"
#include "core/org.h"
#include "http/secret.h"
#include "store/store.h"
#include "store/store_org.h"
#include "store/store_recur.h"

static void names_follow_the_import_rules(void **state)
{
    (void)state;
    assert_true(core_unit_code_ok("BGD"));
    assert_true(core_unit_code_ok("TCBC-1_A"));
    assert_true(core_unit_code_ok("A234567890123456"));
    assert_false(core_unit_code_ok("A2345678901234567"));
    assert_false(core_unit_code_ok(""));
    assert_false(core_unit_code_ok("vp"));
    assert_false(core_unit_code_ok("V P"));
    assert_false(core_unit_code_ok("VĂN"));
    assert_true(core_username_ok("giamdoc"));
    assert_true(core_username_ok("cv.tcbc_2-a"));
    assert_false(core_username_ok("ab"));
    assert_false(core_username_ok("Giamdoc"));
    assert_false(core_username_ok("a234567890123456789012345678901234"));
    assert_false(core_username_ok("nguyễn"));
    assert_true(core_password_ok("12345678"));
    assert_false(core_password_ok("1234567"));
    enum core_unit_kind k;
    assert_true(core_unit_kind_parse("reception", &k));
    assert_int_equal(k, UNIT_RECEPTION);
    assert_string_equal(core_unit_kind_name(UNIT_COMMITTEE), "committee");
    assert_false(core_unit_kind_parse("team", &k));
}

static void tree_check_finds_problems(void **state)
{
    (void)state;
    size_t at = 99;
    const struct core_unit_link good[] = { { "B", "A" }, { "A", NULL }, { "C", "B" } };
    assert_int_equal(core_unit_tree_check(good, 3, &at), TREE_OK);
    assert_true(core_unit_within(good, 3, "C", "A"));
    assert_true(core_unit_within(good, 3, "C", "C"));
    assert_false(core_unit_within(good, 3, "A", "C"));
    assert_false(core_unit_within(good, 3, "X", "A"));
    const struct core_unit_link dup[] = { { "A", NULL }, { "A", NULL } };
    assert_int_equal(core_unit_tree_check(dup, 2, &at), TREE_DUPLICATE);
    assert_int_equal(at, 1);
    const struct core_unit_link orphan[] = { { "A", NULL }, { "B", "Z" } };
    assert_int_equal(core_unit_tree_check(orphan, 2, &at), TREE_UNKNOWN_PARENT);
    assert_int_equal(at, 1);
    const struct core_unit_link loop[] = {
        { "R", NULL }, { "A", "C" }, { "B", "A" }, { "C", "B" }
    };
    assert_int_equal(core_unit_tree_check(loop, 4, &at), TREE_CYCLE);
    assert_int_equal(at, 1);
    assert_false(core_unit_within(loop, 4, "A", "R")); /* terminates */
    const struct core_unit_link self[] = { { "A", "A" } };
    assert_int_equal(core_unit_tree_check(self, 1, &at), TREE_CYCLE);
}

static void secrets_are_random_and_hashed(void **state)
{
    (void)state;
    char a[HTTP_SECRET_LEN + 1], b[HTTP_SECRET_LEN + 1];
    char ha[HTTP_SECRET_HASH_LEN + 1], hb[HTTP_SECRET_HASH_LEN + 1];
    http_secret_new(a);
    http_secret_new(b);
    assert_int_equal(strlen(a), HTTP_SECRET_LEN);
    assert_string_not_equal(a, b);
    http_secret_hash(a, ha);
    http_secret_hash(b, hb);
    assert_int_equal(strlen(ha), HTTP_SECRET_HASH_LEN);
    assert_string_not_equal(ha, hb);
    assert_null(strstr(ha, a));
    char again[HTTP_SECRET_HASH_LEN + 1];
    http_secret_hash(a, again);
    assert_string_equal(ha, again);
    char pw[HTTP_PWHASH_LEN];
    assert_int_equal(http_password_hash("correct horse", pw, NULL), MC_OK);
    assert_non_null(strstr(pw, "$argon2id$"));
    assert_true(http_password_verify(pw, "correct horse"));
    assert_false(http_password_verify(pw, "correct horsf"));
    assert_false(http_password_verify(NULL, "correct horse"));
}

struct db {
    char dir[64];
    char path[96];
    struct store *st;
    int64_t person;
};

static int db_setup(void **state)
{
    static struct db d;
    snprintf(d.dir, sizeof(d.dir), "/tmp/motcua-org-XXXXXX");
    if (mkdtemp(d.dir) == NULL) {
        return -1;
    }
    snprintf(d.path, sizeof(d.path), "%s/t.db", d.dir);
    if (store_open(d.path, NULL, &d.st, NULL) != MC_OK ||
        store_migrate(d.st, NULL, NULL) != MC_OK) {
        return -1;
    }
    const struct store_unit u = { .code = "VP", .name = "Văn phòng", .kind = "office" };
    const struct store_person p = { .username = "cv.vp", .full_name = "Chuyên viên" };
    const struct core_grant g = { ROLE_SPECIALIST, "VP" };
    if (store_begin(d.st, NULL) != MC_OK || store_unit_upsert(d.st, &u, NULL) != MC_OK ||
        store_person_upsert(d.st, &p, 1000, NULL) != MC_OK ||
        store_person_id(d.st, "cv.vp", &d.person, NULL) != MC_OK ||
        store_person_set_roles(d.st, d.person, &g, 1, NULL) != MC_OK ||
        store_commit(d.st, NULL) != MC_OK) {
        return -1;
    }
    *state = &d;
    return 0;
}

static int db_teardown(void **state)
{
    struct db *d = *state;
    store_close(d->st);
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d->dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void sessions_are_found_by_hash_only(void **state)
{
    struct db *d = *state;
    char token[HTTP_SECRET_LEN + 1], hash[HTTP_SECRET_HASH_LEN + 1];
    http_secret_new(token);
    http_secret_hash(token, hash);
    assert_int_equal(store_begin(d->st, NULL), MC_OK);
    assert_int_equal(
        store_session_create(d->st, d->person, hash, "csrf-x", 1000, 1000 + 3600, NULL), MC_OK);
    assert_int_equal(store_commit(d->st, NULL), MC_OK);

    struct mc_arena a;
    mc_arena_init(&a);
    struct store_principal p;
    assert_int_equal(store_session_find(d->st, hash, 1100, 600, &a, &p, NULL), MC_OK);
    assert_string_equal(p.username, "cv.vp");
    assert_string_equal(p.csrf_token, "csrf-x");
    /* The clear token is not a key: only its hash is. */
    struct mc_err err;
    assert_int_equal(store_session_find(d->st, token, 1100, 600, &a, &p, &err), MC_ENOTFOUND);
    /* Idle too long, then past the absolute end. */
    assert_int_equal(store_session_find(d->st, hash, 1000 + 601, 600, &a, &p, &err), MC_ENOTFOUND);
    assert_int_equal(store_session_find(d->st, hash, 1000 + 3600, 7200, &a, &p, &err),
                     MC_ENOTFOUND);
    /* Touching keeps it alive past the first idle limit. */
    assert_int_equal(store_session_touch(d->st, p.credential, 1500, NULL), MC_OK);
    assert_int_equal(store_session_find(d->st, hash, 1000 + 601, 600, &a, &p, NULL), MC_OK);
    /* The database file holds the hash, never the token. */
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "grep -c '%s' '%s' '%s-wal' >/dev/null 2>&1", token, d->path,
             d->path);
    assert_int_not_equal(system(cmd), 0);

    /* Disabling a person ends the session. */
    assert_int_equal(store_begin(d->st, NULL), MC_OK);
    assert_int_equal(store_person_set_disabled(d->st, d->person, true, NULL), MC_OK);
    assert_int_equal(store_commit(d->st, NULL), MC_OK);
    assert_int_equal(store_session_find(d->st, hash, 1100, 600, &a, &p, &err), MC_ENOTFOUND);
    assert_int_equal(store_begin(d->st, NULL), MC_OK);
    assert_int_equal(store_person_set_disabled(d->st, d->person, false, NULL), MC_OK);
    assert_int_equal(store_commit(d->st, NULL), MC_OK);
    mc_arena_release(&a);
}

static void tokens_revoke_and_scope(void **state)
{
    struct db *d = *state;
    int64_t id = 0;
    assert_int_equal(store_token_create(d->st, d->person, "ci",
                                        "0123456789abcdef0123456789abcdef"
                                        "0123456789abcdef0123456789abcdef",
                                        2000, &id, NULL),
                     MC_OK);
    struct mc_arena a;
    mc_arena_init(&a);
    struct store_principal p;
    const char *h = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    assert_int_equal(store_token_find(d->st, h, &a, &p, NULL), MC_OK);
    assert_int_equal(p.credential, id);
    struct mc_err err;
    /* Someone else cannot revoke it; the owner can, once. */
    assert_int_equal(store_token_revoke(d->st, id, d->person + 1, 2100, &err), MC_ENOTFOUND);
    assert_int_equal(store_token_revoke(d->st, id, d->person, 2100, NULL), MC_OK);
    assert_int_equal(store_token_revoke(d->st, id, 0, 2100, &err), MC_ENOTFOUND);
    assert_int_equal(store_token_find(d->st, h, &a, &p, &err), MC_ENOTFOUND);

    struct core_grant *g = NULL;
    const char **ic = NULL;
    size_t ng = 0, nic = 0;
    assert_int_equal(store_person_grants(d->st, d->person, &a, &g, &ng, &ic, &nic, NULL), MC_OK);
    assert_int_equal(ng, 1);
    assert_int_equal(g[0].role, ROLE_SPECIALIST);
    assert_string_equal(g[0].unit, "VP");
    assert_int_equal(nic, 0);
    /* A role in a unit that does not exist is refused. */
    const struct core_grant bad = { ROLE_HEAD, "NOPE" };
    assert_int_equal(store_person_set_roles(d->st, d->person, &bad, 1, &err), MC_ENOTFOUND);
    mc_arena_release(&a);
}

/* The system actor (0013, kind 'system' since 0016) is no member of staff:
 * not listed nor exported, never logs in, holds no role, is not edited. */
static void system_actor_is_not_staff(void **state)
{
    struct db *d = *state;
    int64_t sys = 0;
    assert_int_equal(store_recur_system_person(d->st, &sys, NULL), MC_OK);
    bool is_system = false;
    assert_int_equal(store_person_is_system(d->st, sys, &is_system, NULL), MC_OK);
    assert_true(is_system);
    assert_int_equal(store_person_is_system(d->st, d->person, &is_system, NULL), MC_OK);
    assert_false(is_system);

    char *json = NULL;
    assert_int_equal(store_people_json(d->st, &json, NULL), MC_OK);
    assert_non_null(strstr(json, "\"cv.vp\""));
    assert_null(strstr(json, "\"system\""));
    free(json);
    assert_int_equal(store_people_export_json(d->st, &json, NULL), MC_OK);
    assert_non_null(strstr(json, "\"cv.vp\""));
    assert_null(strstr(json, "\"system\""));
    free(json);

    struct mc_arena a;
    mc_arena_init(&a);
    struct store_login login;
    assert_int_equal(store_person_login(d->st, "system", &a, &login, NULL), MC_OK);
    assert_true(login.disabled);

    struct mc_err err;
    const struct core_grant g = { ROLE_HEAD, "VP" };
    const char *units[] = { "VP" };
    const struct store_person rename = { .username = "system", .full_name = "Someone" };
    assert_int_equal(store_begin(d->st, NULL), MC_OK);
    assert_int_equal(store_person_set_roles(d->st, sys, &g, 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "roles");
    assert_int_equal(store_person_set_in_charge(d->st, sys, units, 1, &err), MC_EINVAL);
    assert_string_equal(err.field, "in_charge_of");
    assert_int_equal(store_person_set_password(d->st, sys, "$argon2id$x", &err), MC_EINVAL);
    assert_string_equal(err.field, "password");
    assert_int_equal(store_person_set_disabled(d->st, sys, false, &err), MC_EINVAL);
    assert_string_equal(err.field, "disabled");
    assert_int_equal(store_person_upsert(d->st, &rename, 2000, &err), MC_EINVAL);
    assert_string_equal(err.field, "username");
    /* Clearing what it does not have, or disabling it again, is harmless. */
    assert_int_equal(store_person_set_roles(d->st, sys, NULL, 0, NULL), MC_OK);
    assert_int_equal(store_person_set_disabled(d->st, sys, true, NULL), MC_OK);
    assert_int_equal(store_commit(d->st, NULL), MC_OK);
    assert_int_equal(store_person_login(d->st, "system", &a, &login, NULL), MC_OK);
    assert_true(login.disabled);
    assert_null(login.hash);
    mc_arena_release(&a);
}

/* NĐ 30/2020: a ký hiệu's groups are capitals joined by "-" (domain.md §7.2). */
static void agency_abbreviations_follow_nd30(void **state)
{
    (void)state;
    assert_true(core_agency_abbreviation_ok("SNV"));
    assert_true(core_agency_abbreviation_ok("VPĐK"));
    assert_true(core_agency_abbreviation_ok("ĐKKD"));
    assert_true(core_agency_abbreviation_ok("UBND-VX"));
    assert_true(core_agency_abbreviation_ok("S2"));
    assert_true(core_agency_abbreviation_ok("ABCDEFGHIJKLMNOPQRST"));
    assert_false(core_agency_abbreviation_ok("ABCDEFGHIJKLMNOPQRSTU"));
    assert_false(core_agency_abbreviation_ok(""));
    assert_false(core_agency_abbreviation_ok("snv"));
    assert_false(core_agency_abbreviation_ok("SNV "));
    assert_false(core_agency_abbreviation_ok("S NV"));
    assert_false(core_agency_abbreviation_ok("-SNV"));
    assert_false(core_agency_abbreviation_ok("SNV-"));
    assert_false(core_agency_abbreviation_ok("S--NV"));
    assert_false(core_agency_abbreviation_ok("2SNV"));
    assert_false(core_agency_abbreviation_ok("SNV/VP"));
    assert_false(core_agency_abbreviation_ok("SỞ"));    /* other marks are not kept */
    assert_false(core_agency_abbreviation_ok("đK"));    /* lower-case đ */
    assert_false(core_agency_abbreviation_ok("A\xC4")); /* a cut Đ */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_follow_the_import_rules),
        cmocka_unit_test(tree_check_finds_problems),
        cmocka_unit_test(secrets_are_random_and_hashed),
        cmocka_unit_test_setup_teardown(sessions_are_found_by_hash_only, db_setup, db_teardown),
        cmocka_unit_test_setup_teardown(tokens_revoke_and_scope, db_setup, db_teardown),
        cmocka_unit_test_setup_teardown(system_actor_is_not_staff, db_setup, db_teardown),
        cmocka_unit_test(agency_abbreviations_follow_nd30),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
