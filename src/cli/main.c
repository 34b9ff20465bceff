/* main.c - the edustat command: pick the subcommand, map its status to an
 * exit code. The work is in the library and in src/cli/cmd_*.c. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#ifndef EDUSTAT_VERSION /* the Makefile passes its VERSION, the shared library's too */
#define EDUSTAT_VERSION "0.1.0"
#endif

static void usage(FILE *to)
{
    fputs("usage: edustat COMMAND [OPTIONS] FILE...\n"
          "\n"
          "commands:\n"
          "  extract     find every numeric quantity and write records.json\n"
          "  run         the whole job: records, table, statistics, JSON files\n"
          "  compare     compare districts on one indicator\n"
          "  report      the PDF briefing from earlier output\n"
          "  indicators  list the indicators and their cue words\n"
          "\n"
          "`edustat COMMAND --help` describes a command's options.\n",
          to);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    int rc;
    /* temporary files go when the command is interrupted */
    cli_cleanup_install();
    if (strcmp(cmd, "extract") == 0) {
        rc = cmd_extract(argc - 1, argv + 1);
    } else if (strcmp(cmd, "run") == 0) {
        rc = cmd_run(argc - 1, argv + 1);
    } else if (strcmp(cmd, "report") == 0) {
        rc = cmd_report(argc - 1, argv + 1);
    } else if (strcmp(cmd, "compare") == 0) {
        rc = cmd_compare(argc - 1, argv + 1);
    } else if (strcmp(cmd, "indicators") == 0) {
        rc = cmd_indicators(argc - 1, argv + 1);
    } else if (strcmp(cmd, "help") == 0 && argc > 2) { /* edustat help run: as edustat run --help */
        int known = strcmp(argv[2], "extract") == 0 || strcmp(argv[2], "run") == 0 ||
                    strcmp(argv[2], "report") == 0 || strcmp(argv[2], "compare") == 0 ||
                    strcmp(argv[2], "indicators") == 0;
        if (!known) {
            cli_usage_error("unknown command '%s' (try edustat --help)", argv[2]);
            return CLI_EXIT_USAGE;
        }
        char *sub[] = {argv[2], (char *)"--help", NULL};
        rc = strcmp(argv[2], "extract") == 0   ? cmd_extract(2, sub)
             : strcmp(argv[2], "run") == 0     ? cmd_run(2, sub)
             : strcmp(argv[2], "report") == 0  ? cmd_report(2, sub)
             : strcmp(argv[2], "compare") == 0 ? cmd_compare(2, sub)
                                               : cmd_indicators(2, sub);
    } else if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        rc = CLI_EXIT_OK;
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        puts("edustat " EDUSTAT_VERSION);
        rc = CLI_EXIT_OK;
    } else {
        cli_usage_error("unknown command '%s' (try edustat --help)", cmd);
        return CLI_EXIT_USAGE;
    }
    if (fclose(stdout) != 0) {
        fputs("edustat: cannot write to standard output\n", stderr);
        return CLI_EXIT_INPUT;
    }
    return rc;
}
