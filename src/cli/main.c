/* main.c - the edustat command: pick the subcommand, map its status to an
 * exit code. The work is in the library and in src/cli/cmd_*.c. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#define EDUSTAT_VERSION "0.1.0"

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
    } else if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        rc = CLI_EXIT_OK;
    } else if (strcmp(cmd, "--version") == 0) {
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
