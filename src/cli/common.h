/* Helpers shared by the subcommands: configuration from defaults, a config
 * file, the environment and flags; opening the database. */
#ifndef MC_CLI_COMMON_H
#define MC_CLI_COMMON_H

#include <stdbool.h>

#include "config/config.h"
#include "store/store.h"

/* Flags every data command understands. Returns the index of the first
 * argument it did not consume (argv[0] is the subcommand), or -1 after
 * printing an error. Recognised: --db PATH, --config FILE, and when
 * serve_flags: --listen HOST:PORT, --threads N, --port-file F, --web-root D,
 * --print-config. Unknown --options stop the scan (the caller handles them). */
int cli_config(struct cfg *cfg, int argc, char **argv, bool serve_flags, bool *print_config);

/* Open the database named by the configuration; prints the error. */
struct store *cli_open_db(const struct cfg *cfg, bool migrate);

bool cli_is_help(const char *arg);

#endif
