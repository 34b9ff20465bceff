/* cmd_extract.c - `edustat extract`: records.json from input files. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/extract.h"
#include "edustat/records_json.h"

static void extract_usage(FILE *to)
{
    fputs("usage: edustat extract [-o FILE] [--format json|jsonl] [--split auto|none]\n"
          "                       [--district NAME] [--city NAME] [--year YYYY] FILE...\n"
          "\n"
          "Find every numeric quantity in the files (text or HTML; UTF-8, GB18030 or\n"
          "UTF-16) and write them with their provenance as records.json.\n"
          "\n"
          "  -o, --output FILE   write here instead of standard output ('-')\n"
          "      --format F      json (one object, default) or jsonl (one object a line)\n"
          "      --split MODE    auto: split at 第N篇 headings (default); none: one\n"
          "                      document per file\n"
          "      --district NAME, --city NAME, --year YYYY\n"
          "                      set these for every document\n"
          "      --manifest CSV  per-document metadata: file,doc_index,district,city,year\n"
          "      --lexicon TSV   more indicators, or replacements by id (see\n"
          "                      `edustat indicators` and data/indicators.tsv)\n"
          "      --files-from LIST  also the files LIST names, one a line ('-': standard\n"
          "                      input); with -0/--null, ended by NUL (find -print0)\n"
          "  -j, --jobs N        extract on N threads (default: one per online CPU);\n"
          "                      the output is the same whatever N\n"
          "FILE may be '-' for standard input; with no FILE and input piped in, standard\n"
          "input is read. A FILE starting with '-' goes after '--'.\n"
          "Exit status: 0 done, 1 some inputs could not be read (the rest are done),\n"
          "2 usage error.\n",
          to);
}

static int extract_to(const char *out_path, es_records_format format, const es_extract_options *opt, int jobs,
                      int n_files, char **files);


int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},   {"format", required_argument, NULL, 'f'},
        {"year", required_argument, NULL, 'y'},     CLI_EXTRACT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    const char *out_path = "-";
    es_records_format format = ES_RECORDS_JSON;
    cli_extract_args ea;
    cli_extract_args_init(&ea);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h0j:", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_path = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                format = ES_RECORDS_JSON;
            else if (strcmp(optarg, "jsonl") == 0)
                format = ES_RECORDS_JSONL;
            else {
                cli_usage_error("--format must be json or jsonl, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'h':
            extract_usage(stdout);
            return CLI_EXIT_OK;
        default: {
            int rc = cli_common_option(c, &ea, argv, "extract");
            if (rc >= 0)
                return rc;
            break;
        }
        }
    }
    char **inputs;
    int n_inputs, n_args = argc - optind;
    int rc = cli_inputs(&ea, n_args, argv + optind, &inputs, &n_inputs);
    if (rc != 0)
        return rc;
    if (n_inputs == 0) {
        cli_usage_error("extract: no input files (try edustat extract --help)");
        rc = CLI_EXIT_USAGE;
    } else if (cli_output_is_input(out_path, inputs, n_inputs, ea.manifest_path, ea.lexicon_path)) {
        rc = CLI_EXIT_USAGE;
    } else {
        cli_pipeline pipe;
        rc = cli_pipeline_open(&pipe, ea.lexicon_path, ea.manifest_path, 1);
        if (rc == 0) {
            cli_pipeline_attach(&pipe, &ea.opt);
            cli_warn_unknown_districts(&pipe, &ea, NULL, 0);
            rc = extract_to(out_path, format, &ea.opt, ea.jobs, n_inputs, inputs);
            cli_pipeline_close(&pipe);
        }
    }
    cli_inputs_free(inputs, n_inputs, n_args);
    return rc;
}

/* Extract files into out_path; returns the exit status. */
static int extract_to(const char *out_path, es_records_format format, const es_extract_options *opt, int jobs,
                      int n_files, char **files)
{
    es_error err;
    es_error_clear(&err);
    cli_output out;
    if (cli_output_open(&out, out_path, &err) != 0) {
        cli_report(&err);
        return CLI_EXIT_INPUT;
    }
    es_records_writer *w = NULL;
    if (es_records_writer_new(out.fp, format, &w, &err) != ES_OK) {
        cli_report(&err);
        cli_output_abort(&out);
        return CLI_EXIT_INPUT;
    }
    es_extract_sink sink = es_records_writer_sink(w);
    int fatal = 0;
    int failed_inputs = cli_feed(files, n_files, 0, opt, jobs, &sink, out_path, &fatal);
    if (!fatal && es_records_writer_finish(w, &err) != ES_OK) {
        if (err.file[0] == '\0')
            snprintf(err.file, sizeof err.file, "%s", strcmp(out_path, "-") != 0 ? out_path : "standard output");
        cli_report(&err);
        fatal = 1;
    }
    es_records_writer_free(w);
    if (fatal) {
        cli_output_abort(&out);
        return CLI_EXIT_INPUT;
    }
    if (cli_output_commit(&out, &err) != 0) {
        cli_report(&err);
        return CLI_EXIT_INPUT;
    }
    return failed_inputs ? CLI_EXIT_INPUT : CLI_EXIT_OK;
}
