/* docs/openapi.yaml and the route table (src/http/routes.c) describe the same
 * API: every route is documented with its method, and every documented
 * operation has a route. */

/* cmocka needs these first, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/router.h"

struct op {
    char method[8];
    char path[256];
};

static struct op ops[512];
static size_t nops;

/* Reads the `paths:` section: two-space-indented path keys, four-space
 * indented method keys. */
static void load_spec(void)
{
    FILE *f = fopen(MC_SOURCE_DIR "/docs/openapi.yaml", "r");
    assert_non_null(f);
    char line[1024];
    char path[256] = "";
    bool in_paths = false;
    while (fgets(line, sizeof(line), f)) {
        if (strncmp(line, "paths:", 6) == 0) {
            in_paths = true;
            continue;
        }
        if (in_paths && line[0] != ' ' && line[0] != '\n' && line[0] != '#') {
            in_paths = false;
        }
        if (!in_paths) {
            continue;
        }
        if (strncmp(line, "  /", 3) == 0) {
            char *colon = strrchr(line, ':');
            assert_non_null(colon);
            *colon = '\0';
            snprintf(path, sizeof(path), "%.255s", line + 2);
        } else if (strncmp(line, "    ", 4) == 0 && line[4] != ' ') {
            static const char *const methods[] = { "get", "post", "put", "patch", "delete" };
            for (size_t i = 0; i < 5; i++) {
                size_t n = strlen(methods[i]);
                if (strncmp(line + 4, methods[i], n) == 0 && line[4 + n] == ':') {
                    assert_true(nops < 512);
                    for (size_t k = 0; k <= n; k++) {
                        ops[nops].method[k] = (char)toupper((unsigned char)methods[i][k]);
                    }
                    snprintf(ops[nops].path, sizeof(ops[nops].path), "%s", path);
                    nops++;
                }
            }
        }
    }
    fclose(f);
}

static void every_route_is_documented(void **state)
{
    (void)state;
    load_spec();
    assert_true(nops > 0);
    for (size_t i = 0; i < http_nroutes; i++) {
        bool found = false;
        for (size_t k = 0; k < nops && !found; k++) {
            found = strcmp(ops[k].method, http_routes[i].method) == 0 &&
                    strcmp(ops[k].path, http_routes[i].pattern) == 0;
        }
        if (!found) {
            fail_msg("route %s %s is not in docs/openapi.yaml", http_routes[i].method,
                     http_routes[i].pattern);
        }
    }
}

static void every_documented_operation_has_a_route(void **state)
{
    (void)state;
    for (size_t k = 0; k < nops; k++) {
        bool found = false;
        for (size_t i = 0; i < http_nroutes && !found; i++) {
            found = strcmp(ops[k].method, http_routes[i].method) == 0 &&
                    strcmp(ops[k].path, http_routes[i].pattern) == 0;
        }
        if (!found) {
            fail_msg("docs/openapi.yaml documents %s %s, which has no route", ops[k].method,
                     ops[k].path);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_is_documented),
        cmocka_unit_test(every_documented_operation_has_a_route),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
