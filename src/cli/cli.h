/* cli.h - what the subcommands of the edustat command line share. */
#ifndef EDUSTAT_CLI_H
#define EDUSTAT_CLI_H

#include <stdio.h>

#include "edustat/classify.h"
#include "edustat/extract.h"
#include "edustat/gazetteer.h"
#include "edustat/lexicon.h"
#include "edustat/manifest.h"
#include "edustat/status.h"
#include "edustat/table.h"

/* Exit statuses (DESIGN.md). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_INPUT = 1, /* some inputs could not be read, or output failed */
    CLI_EXIT_USAGE = 2
};

int cmd_extract(int argc, char **argv);
int cmd_indicators(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* SOURCE_DATE_EPOCH, or -1 when unset or malformed. */
long long cli_source_date(void);

/* The lexicon, classifier, gazetteer, situator and manifest a run needs. */
typedef struct cli_pipeline {
    es_lexicon *lexicon;
    es_classifier *classifier;
    es_gazetteer *gazetteer;
    es_situator *situator;
    es_manifest *manifest;
} cli_pipeline;

/* Load them (lexicon_path, manifest_path may be NULL); the classifier and
 * gazetteer only when extracting (reading records needs the lexicon
 * alone). Returns 0, or (the error reported) the exit status: 1 when out
 * of memory, 2 for a bad lexicon or manifest. */
int cli_pipeline_open(cli_pipeline *p, const char *lexicon_path, const char *manifest_path,
                      int extracting);
void cli_pipeline_close(cli_pipeline *p);

/* Extract each file (or, with from_records, read it as records written by
 * `edustat extract`) into sink, reporting failures and warnings; shows
 * progress on a terminal. Returns the number of inputs that failed; sets
 * *fatal when the run cannot go on (out of memory, output failed: then the
 * message names `output`, the file being written, or NULL). */
int cli_feed(char **files, int n, int from_records, const es_extract_options *opt, int jobs,
             const es_extract_sink *sink, const char *output, int *fatal);

/* The long options of cli_extract_args, for a command's option table. */
#define CLI_EXTRACT_LONGOPTS                                                                         \
    {"split", required_argument, NULL, 's'}, {"district", required_argument, NULL, 'd'},             \
        {"city", required_argument, NULL, 'c'}, {"manifest", required_argument, NULL, 'm'},          \
        {"lexicon", required_argument, NULL, 'l'}, {"files-from", required_argument, NULL, 'W'},     \
        {"null", no_argument, NULL, '0'}, {"jobs", required_argument, NULL, 'j'}

/* Options shared by extract, run and compare. */
typedef struct cli_extract_args {
    es_extract_options opt;
    const char *manifest_path, *lexicon_path;
    const char *files_from; /* --files-from FILE ('-': standard input) */
    int null_separated;     /* -0, --null: its names end in NUL, not a line break */
    int jobs;               /* -j, --jobs: threads extracting; 0: one per online CPU */
} cli_extract_args;

/* The inputs: the file arguments, then the names --files-from lists. The
 * list (*files, *n) is malloc'd; free it with cli_inputs_free. Returns 0,
 * or an exit status after reporting (an unreadable list: 1). */
int cli_inputs(const cli_extract_args *a, int argc, char **argv, char ***files, int *n);
void cli_inputs_free(char **files, int n, int argc);

void cli_extract_args_init(cli_extract_args *a);
/* Take getopt's option c ('s' --split, 'd' --district, 'c' --city, 'y'
 * --year, 'm' --manifest, 'l' --lexicon) with its argument: 0 taken, 1 a
 * bad value (reported), -1 not one of these. */
int cli_extract_args_take(cli_extract_args *a, int c, const char *arg);

/* --pick max|first|median: 0, or -1 (reported) for another word. */
int cli_parse_pick(const char *s, es_pick *pick);

/* The end of every command's option switch: extract options (when ea is
 * not NULL), a missing value, an unknown option (reported). Returns -1
 * when the option was taken, else the exit status to return. */
int cli_common_option(int c, cli_extract_args *ea, char **argv, const char *cmd);

/* With --from-records the records already carry their documents' metadata:
 * --year, --district, --city, --manifest, --split and --lexicon's reading
 * of text would be silently ignored. Reports and returns 2 when one is
 * given, else 0. */
int cli_refuse_with_records(const cli_extract_args *a, const char *cmd);

/* Warn, naming each, of districts the gazetteer does not know: --district,
 * the manifest's and the n given (compare's --districts). A warning only:
 * a user may name a district the gazetteer lacks (a new one, a 新区). */
void cli_warn_unknown_districts(const cli_pipeline *p, const cli_extract_args *a, const char *const *names,
                                size_t n);

/* Point opt at the pipeline's classifier, gazetteer, situator and manifest. */
void cli_pipeline_attach(const cli_pipeline *p, es_extract_options *opt);

/* Print s left-aligned in width terminal columns (CJK counts two). */
void cli_print_cell(FILE *to, const char *s, int width, int right);

/* Print `edustat: FILE:LINE: message` (parts left out when unknown). */
void cli_report(const es_error *err);
/* Print `edustat: message` for usage errors. */
void cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An output file written whole or not at all: data goes to a temporary
 * file beside the target, renamed over it on commit. Path "-" is stdout;
 * a device or a FIFO is written in place. */
typedef struct cli_output {
    FILE *fp;
    char *path;
    char *tmp_path;
    int direct; /* a device or pipe written in place */
    char name[256]; /* for messages: the target, "standard output" for "-" */
} cli_output;

int cli_output_open(cli_output *o, const char *path, es_error *err);
/* Flush, close and rename; on any failure the target is left untouched. */
int cli_output_commit(cli_output *o, es_error *err);
/* Drop the temporary file (after a failure). */
void cli_output_abort(cli_output *o);

/* Temporary files and directories (cleanup.c): removed on SIGINT, SIGTERM
 * and SIGHUP once cli_cleanup_install() ran. register returns -1 when out
 * of memory or slots; forget drops a path that was renamed or removed. */
void cli_cleanup_install(void);
/* Keep those signals from the calling thread (a worker's): they reach the
 * main thread, whose handler then never interrupts a registry change. */
void cli_cleanup_block_signals(void);
int cli_temp_register(const char *path, int is_dir);
void cli_temp_forget(const char *path);

/* Sync the directory holding path (after a rename into it). */
int cli_sync_parent(const char *path);

/* Is `output` the same file (device and inode) as one of the inputs? Then
 * report it and return 1: writing it would destroy the input. */
int cli_output_is_input(const char *output, char *const *inputs, int n_inputs, const char *also1,
                        const char *also2);

#endif
