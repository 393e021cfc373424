/* The numbers of the printed forms and the ký hiệu stored with them
 * (store/store_form_number.h; docs/FORMS.md "Numbers"): a number keeps the
 * ký hiệu of its first print whatever the agency's abbreviation becomes,
 * and a number drawn before migration 0016 (no stored ký hiệu) keeps
 * printing the form's own abbreviation alone. The events a number belongs
 * to are not written: foreign keys are off on this connection. */

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

#include "forms/forms.h"
#include "store/store.h"
#include "store/store_form_number.h"
#include "store/store_int.h"

static char dir[] = "/tmp/motcua-test-formno-XXXXXX";
static struct store *st;

static int setup(void **state)
{
    (void)state;
    char path[64];
    if (mkdtemp(dir) == NULL) {
        return -1;
    }
    snprintf(path, sizeof(path), "%s/t.db", dir);
    if (store_open(path, NULL, &st, NULL) != MC_OK || store_migrate(st, NULL, NULL) != MC_OK) {
        return -1;
    }
    /* A number printed before 0016: no ký hiệu stored. */
    return sqlite3_exec(st->db,
                        "PRAGMA foreign_keys=OFF;"
                        "INSERT INTO form_numbers (form, year, number, dossier, event_seq,"
                        " created_at) VALUES ('mau-04', 2026, 1, 7, 3, 0);",
                        NULL, NULL, NULL) == SQLITE_OK
               ? 0
               : -1;
}

static int teardown(void **state)
{
    (void)state;
    store_close(st);
    char cmd[96];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The number line as the form prints it. */
static const char *line(int64_t number, const char *printed)
{
    static char buf[96];
    assert_true(forms_number_line(buf, sizeof(buf), FORMS_MAU04, number, printed, FORMS_VI));
    return buf;
}

static void a_number_keeps_the_symbol_of_its_first_print(void **state)
{
    (void)state;
    int64_t n = 0;
    char printed[40];
    /* Before 0016: the form's abbreviation alone, now as then. */
    assert_int_equal(store_form_number(st, "mau-04", 7, 3, 2026, "PXL-SNV", 100, &n, printed,
                                       sizeof(printed), NULL),
                     MC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(printed, "");
    assert_string_equal(line(n, printed), "Số: 01/PXL");

    /* A first print stores its ký hiệu with the next number... */
    assert_int_equal(store_form_number(st, "mau-04", 8, 2, 2026, "PXL-SNV", 200, &n, printed,
                                       sizeof(printed), NULL),
                     MC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(printed, "PXL-SNV");
    assert_string_equal(line(n, printed), "Số: 02/PXL-SNV");
    /* ...and a reprint after the abbreviation changed shows the same. */
    assert_int_equal(store_form_number(st, "mau-04", 8, 2, 2026, "PXL-VPĐK", 300, &n, printed,
                                       sizeof(printed), NULL),
                     MC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(printed, "PXL-SNV");

    /* The next document takes the new abbreviation; a short buffer is cut, not overrun. */
    char small[5];
    assert_int_equal(store_form_number(st, "mau-04", 9, 4, 2026, "PXL-VPĐK", 400, &n, small,
                                       sizeof(small), NULL),
                     MC_OK);
    assert_int_equal(n, 3);
    assert_string_equal(small, "PXL-");
    assert_int_equal(
        store_form_number(st, "mau-04", 9, 4, 2026, NULL, 500, &n, printed, sizeof(printed), NULL),
        MC_OK);
    assert_string_equal(printed, "PXL-VPĐK");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_number_keeps_the_symbol_of_its_first_print),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
