/* A small organisation for the people/authority integration tests, loaded
 * with `motcua import` into the test server's database:
 *
 *   BGD (leadership) ─┬─ VP ── MC (reception)
 *                     ├─ TCBC ── TCBC-1
 *                     ├─ XDCQ
 *                     └─ TKS (control)
 *
 * Every account's password is "motcua-test". Included by it_auth.c and
 * it_org.c (static helpers; no separate object). */
#ifndef MC_IT_ORG_FIXTURE_H
#define MC_IT_ORG_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "harness.h"

#define IT_PASSWORD "motcua-test"

static const char it_units_json[] =
    "[{\"code\":\"BGD\",\"name\":\"Ban Giám đốc\",\"parent\":null,\"kind\":\"leadership\"},"
    "{\"code\":\"VP\",\"name\":\"Văn phòng Sở\",\"name_en\":\"Office\",\"parent\":\"BGD\","
    "\"kind\":\"office\"},"
    "{\"code\":\"MC\",\"name\":\"Bộ phận Một cửa\",\"parent\":\"VP\",\"kind\":\"reception\"},"
    "{\"code\":\"TCBC\",\"name\":\"Phòng Tổ chức biên chế\",\"parent\":\"BGD\","
    "\"kind\":\"division\"},"
    "{\"code\":\"TCBC-1\",\"name\":\"Tổ 1\",\"parent\":\"TCBC\",\"kind\":\"division\"},"
    "{\"code\":\"XDCQ\",\"name\":\"Phòng Xây dựng chính quyền\",\"parent\":\"BGD\","
    "\"kind\":\"division\"},"
    "{\"code\":\"TKS\",\"name\":\"Tổ kiểm soát\",\"parent\":\"BGD\",\"kind\":\"control\"}]";

#define IT_PERSON(user, name, role, unit, extra)                                              \
    "{\"username\":\"" user "\",\"full_name\":\"" name "\",\"password\":\"" IT_PASSWORD "\"," \
    "\"roles\":[{\"role\":\"" role "\",\"unit\":\"" unit "\"}]" extra "}"

// clang-format off
static const char it_people_json[] = "["
    IT_PERSON("giamdoc", "Nguyễn Văn An", "director", "BGD", "") ","
    IT_PERSON("phogiamdoc", "Trần Thị Bình", "deputy_director", "BGD",
              ",\"in_charge_of\":[\"TCBC\"]") ","
    IT_PERSON("quantri", "Quản trị", "admin", "VP", "") ","
    IT_PERSON("cv.tcbc", "Lê Văn Cường", "specialist", "TCBC", "") ","
    IT_PERSON("cv.to1", "Phạm Thị Dung", "specialist", "TCBC-1", "") ","
    IT_PERSON("cv.vp", "Hoàng Văn Em", "specialist", "VP", "") ","
    IT_PERSON("cv.xdcq", "Vũ Thị Gấm", "specialist", "XDCQ", "") ","
    IT_PERSON("kiemsoat", "Đỗ Văn Hải", "control", "TKS", "") ","
    IT_PERSON("nghiviec", "Người Nghỉ Việc", "specialist", "VP", "")
    "]";
// clang-format on

static const char it_agency_json[] = "{\"code\":\"000.00.33.H33\",\"name\":\"Sở Nội vụ\"}";

static int it_write(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    int rc = fputs(text, f) < 0;
    rc |= fclose(f);
    return rc;
}

/* Import the organisation into the server's database. 0 on success. */
static int it_org_seed(struct it_server *s)
{
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/org", s->dir);
    char cmd[500];
    snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", dir);
    if (system(cmd) != 0 || it_write(dir, "agency.json", it_agency_json) != 0 ||
        it_write(dir, "units.json", it_units_json) != 0 ||
        it_write(dir, "people.json", it_people_json) != 0) {
        return -1;
    }
    const char *args[] = { "import", dir, NULL };
    char *out = NULL;
    int rc = it_cli(s, &out, args);
    if (rc != 0) {
        fprintf(stderr, "seed import failed (%d):\n%s\n", rc, out);
    }
    free(out);
    return rc;
}

/* Start a server with the organisation above, the login rate limit out of
 * the way (many logins follow; the limit is tested apart). 0 on success. */
static int it_org_server_start(struct it_server *s)
{
    setenv("MOTCUA_LOGIN_RATE", "10000", 1);
    int rc = it_server_start(s, false, NULL);
    unsetenv("MOTCUA_LOGIN_RATE");
    return rc == 0 ? it_org_seed(s) : -1;
}

/* Run `printf INPUT | motcua ARGS` against the server's database; *out gets
 * stdout+stderr (free()). Returns the exit status. */
__attribute__((unused)) static int it_cli_stdin(struct it_server *s, const char *input,
                                                const char *args, char **out)
{
    char cmd[2048];
    snprintf(cmd, sizeof(cmd), "printf '%s' | MOTCUA_DB='%s' '%s' %s 2>&1", input, s->db,
             MOTCUA_BIN, args);
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return -1;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (len + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    buf[len] = '\0';
    int status = pclose(p);
    *out = buf;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A client logged in as user (asserting 200). */
__attribute__((unused)) static long it_login_as(struct it_client *c, struct it_server *s,
                                                const char *user)
{
    it_client_init(c, s);
    return it_login(c, user, IT_PASSWORD);
}

#endif
