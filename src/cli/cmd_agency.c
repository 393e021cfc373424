/* motcua agency: show the agency record, or set its abbreviation (the second
 * group of the ký hiệu its numbered forms print, "12/PXL-SNV") from the shell,
 * as PATCH /api/agency does for an administrator. The rest of the record comes
 * from agency.json (motcua import). */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/common.h"
#include "core/agency.h"
#include "store/store_agency.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: motcua agency [--db PATH] [--config FILE]\n"
            "       motcua agency --abbreviation ABBR [--db PATH] [--config FILE]\n"
            "       motcua agency --clear-abbreviation [--db PATH] [--config FILE]\n\n"
            "Without options, prints the agency record. --abbreviation sets the agency's\n"
            "abbreviation as a ký hiệu prints it (NĐ 30/2020): upper-case letters, Đ,\n"
            "digits and single hyphens, starting with a letter, at most %d bytes, e.g. SNV.\n"
            "Forms already numbered keep the ký hiệu of their first print.\n",
            CORE_AGENCY_ABBR_MAX);
}

static void show_line(const char *label, const char *value)
{
    printf("%-13s %s\n", label, value != NULL ? value : "(not set)");
}

static int show(struct store *st)
{
    struct core_agency a = { 0 };
    struct mc_err err;
    enum mc_status rc = store_agency_get(st, &a, &err);
    if (rc == MC_ENOTFOUND) {
        fprintf(stderr, "motcua agency: the agency is not set up yet: run motcua import\n");
        return 1;
    }
    if (rc != MC_OK) {
        fprintf(stderr, "motcua agency: %s\n", err.msg);
        return 1;
    }
    show_line("code", a.code);
    show_line("name", a.name);
    show_line("name_en", a.name_en);
    show_line("province", a.province);
    show_line("abbreviation", a.abbreviation);
    core_agency_release(&a);
    return 0;
}

/* abbr NULL clears it. The caller has checked it. */
static int set_abbreviation(struct store *st, const char *abbr)
{
    struct mc_err err;
    enum mc_status rc = store_begin(st, &err);
    if (rc != MC_OK) {
        fprintf(stderr, "motcua agency: %s\n", err.msg);
        return 1;
    }
    rc = store_agency_set_abbreviation(st, abbr, &err);
    if (rc == MC_OK) {
        rc = store_commit(st, &err);
    } else {
        store_rollback(st);
    }
    if (rc == MC_ENOTFOUND) {
        fprintf(stderr, "motcua agency: the agency is not set up yet: run motcua import\n");
        return 1;
    }
    if (rc != MC_OK) {
        fprintf(stderr, "motcua agency: %s\n", err.msg);
        return 1;
    }
    if (abbr != NULL) {
        printf("abbreviation set to %s\n", abbr);
    } else {
        printf("abbreviation cleared\n");
    }
    return 0;
}

int cmd_agency(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return 0;
        }
    }
    /* Our options out first; the rest (--db, --config) goes to cli_config,
     * which reports anything it does not know by stopping short. */
    enum { MAX_ARGS = 16 };
    char *rest[MAX_ARGS] = { argv[0] };
    int nrest = 1;
    const char *abbr = NULL;
    bool set = false, clear = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--abbreviation") == 0) {
            if (i + 1 >= argc || set) {
                fprintf(stderr, "motcua agency: --abbreviation needs one value\n");
                return 2;
            }
            abbr = argv[++i];
            set = true;
        } else if (strcmp(argv[i], "--clear-abbreviation") == 0) {
            clear = true;
        } else if (nrest < MAX_ARGS) {
            rest[nrest++] = argv[i];
        } else {
            fprintf(stderr, "motcua agency: too many arguments\n");
            return 2;
        }
    }
    struct cfg cfg;
    int next = cli_config(&cfg, nrest, rest, false, NULL);
    if (next < 0 || next != nrest) {
        if (next >= 0) {
            fprintf(stderr, "motcua agency: unexpected argument '%s' (see --help)\n", rest[next]);
        }
        cfg_release(&cfg);
        return 2;
    }
    if (set && clear) {
        fprintf(stderr,
                "motcua agency: --abbreviation and --clear-abbreviation exclude each other\n");
        cfg_release(&cfg);
        return 2;
    }
    /* The same rule PATCH /api/agency applies; bad input changes nothing. */
    if (set && !core_agency_abbreviation_ok(abbr)) {
        fprintf(stderr,
                "motcua agency: --abbreviation '%s': write it as a ký hiệu prints it (NĐ "
                "30/2020): upper-case letters, Đ, digits and single hyphens, starting with a "
                "letter, at most %d bytes, e.g. SNV\n",
                abbr, CORE_AGENCY_ABBR_MAX);
        cfg_release(&cfg);
        return 1;
    }
    struct store *st = cli_open_db(&cfg, false);
    cfg_release(&cfg);
    if (st == NULL) {
        return 1;
    }
    int status = set || clear ? set_abbreviation(st, abbr) : show(st);
    store_close(st);
    return status;
}
