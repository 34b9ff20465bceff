/* cli.h - what the subcommands of the edustat command line share. */
#ifndef EDUSTAT_CLI_H
#define EDUSTAT_CLI_H

#include <stdio.h>

#include "edustat/classify.h"
#include "edustat/gazetteer.h"
#include "edustat/lexicon.h"
#include "edustat/manifest.h"
#include "edustat/status.h"

/* Exit statuses (DESIGN.md). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_INPUT = 1, /* some inputs could not be read, or output failed */
    CLI_EXIT_USAGE = 2
};

int cmd_extract(int argc, char **argv);
int cmd_indicators(int argc, char **argv);

/* The lexicon, classifier, gazetteer and manifest a run needs. */
typedef struct cli_pipeline {
    es_lexicon *lexicon;
    es_classifier *classifier;
    es_gazetteer *gazetteer;
    es_manifest *manifest;
} cli_pipeline;

/* Load them (lexicon_path, manifest_path may be NULL); on failure the
 * error is reported and -1 returned. */
int cli_pipeline_open(cli_pipeline *p, const char *lexicon_path, const char *manifest_path);
void cli_pipeline_close(cli_pipeline *p);

/* Print `edustat: FILE:LINE: message` (parts left out when unknown). */
void cli_report(const es_error *err);
/* Print `edustat: message` for usage errors. */
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An output file written whole or not at all: data goes to a temporary
 * file beside the target, renamed over it on commit. Path "-" is stdout. */
typedef struct cli_output {
    FILE *fp;
    char *path;
    char *tmp_path;
} cli_output;

int cli_output_open(cli_output *o, const char *path, es_error *err);
/* Flush, close and rename; on any failure the target is left untouched. */
int cli_output_commit(cli_output *o, es_error *err);
/* Drop the temporary file (after a failure). */
void cli_output_abort(cli_output *o);

#endif
