/* Subcommands of the one binary (git builtin/ style): cli/cmd_<verb>.c
 * defines cmd_<verb>(argc, argv) where argv[0] is the subcommand name.
 * Each returns the process exit status: 0 success, 1 failure, 2 misuse. */
#ifndef MC_CLI_CMD_H
#define MC_CLI_CMD_H

int cmd_version(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_bpmn(int argc, char **argv);
int cmd_form(int argc, char **argv);
int cmd_agency(int argc, char **argv);

#endif
