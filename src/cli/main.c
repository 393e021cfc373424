/* motcua: one binary, one subcommand per file (cli/cmd_<verb>.c). */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    { "serve", cmd_serve, "serve the API and the web interface" },
    { "migrate", cmd_migrate, "create or upgrade the database schema" },
    { "import", cmd_import, "load a catalog directory (all or nothing)" },
    { "export", cmd_export, "write the catalog as an import directory" },
    { "user", cmd_user, "add, list, disable users; passwords; API tokens" },
    { "version", cmd_version, "print the version" },
    { "calendar", cmd_calendar, "working days, holidays, lunar dates, deadlines" },
    { "verify", cmd_verify, "check the handover log chain and the counters" },
    { "bpmn", cmd_bpmn, "a process version as BPMN 2.0 for modelers; check a BPMN file" },
    { "form", cmd_form, "a dossier's printable form (Mẫu 01–05) as PDF" },
    { "agency", cmd_agency, "show the agency record; set its abbreviation" },
};

static void usage(FILE *out)
{
    fprintf(out, "usage: motcua <command> [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\n'motcua <command> --help' describes each command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        return cmd_version(1, argv + 1);
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "motcua: '%s' is not a command\n", argv[1]);
    usage(stderr);
    return 2;
}
