/* units.json and people.json through the real importer (cli/import_org.c)
 * into a scratch in-memory database, rolled back after each input: every
 * input must be reported or accepted, never crash or leak. The first byte
 * chooses which file the rest of the input becomes; the other file is a
 * small valid one, so that people can refer to units. import_error reports
 * on stderr: run with -close_fd_mask=2. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/import.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;
static char dir[64];

static const char valid_units[] =
    "[{\"code\":\"BGD\",\"name\":\"Ban Giám đốc\",\"parent\":null,\"kind\":\"leadership\"},"
    "{\"code\":\"VP\",\"name\":\"Văn phòng Sở\",\"parent\":\"BGD\",\"kind\":\"office\"}]";
static const char valid_people[] =
    "[{\"username\":\"giamdoc\",\"full_name\":\"Nguyễn Văn An\",\"position\":\"Giám đốc\","
    "\"roles\":[{\"role\":\"director\",\"unit\":\"BGD\"}],\"in_charge_of\":[]}]";

static void write_file(const char *name, const void *p, size_t n)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        abort();
    }
    if (n > 0 && fwrite(p, 1, n, f) != n) {
        abort();
    }
    fclose(f);
}

static void cleanup(void)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/units.json", dir);
    unlink(path);
    snprintf(path, sizeof(path), "%s/people.json", dir);
    unlink(path);
    rmdir(dir);
    store_close(db);
}

static void setup_once(void)
{
    snprintf(dir, sizeof(dir), "/tmp/motcua-fuzz-org-XXXXXX");
    if (mkdtemp(dir) == NULL) {
        abort();
    }
    atexit(cleanup);
    struct mc_err err;
    struct store_options opt;
    store_options_init(&opt);
    opt.sync_full = false;
    if (store_open(":memory:", &opt, &db, &err) != MC_OK ||
        store_migrate(db, NULL, &err) != MC_OK) {
        fprintf(stderr, "fuzz_org_import: %s %s\n", err.msg, err.detail);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (db == NULL) {
        setup_once();
    }
    if (size == 0) {
        return 0;
    }
    bool as_people = data[0] & 1;
    write_file("units.json", as_people ? (const void *)valid_units : data + 1,
               as_people ? sizeof(valid_units) - 1 : size - 1);
    write_file("people.json", as_people ? data + 1 : (const void *)valid_people,
               as_people ? size - 1 : sizeof(valid_people) - 1);
    struct mc_err err;
    if (store_begin(db, &err) != MC_OK) {
        abort();
    }
    struct import_ctx ctx = { .st = db, .dir = dir };
    (void)import_org(&ctx);
    store_rollback(db);
    return 0;
}
