/* cmd_report.c - `edustat report`: the PDF briefing from the records of an
 * earlier run or extraction. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edustat/briefing.h"
#include "edustat/corpus.h"
#include "edustat/json_read.h"
#include "edustat/stats.h"
#include "edustat/table.h"

static void report_usage(FILE *to)
{
    fputs("usage: edustat report -o FILE.pdf [--title TEXT] [--font FILE] [--pick RULE]\n"
          "                      [--lexicon TSV] RECORDS_OR_DIR...\n"
          "\n"
          "Make the PDF briefing from records.json or JSON Lines written by `edustat\n"
          "extract`, or from the directory an `edustat run` wrote.\n",
          to);
}

typedef struct report_sink {
    es_facts *facts;
    es_corpus *corpus;
    es_error *err;
} report_sink;

static es_status on_document(const es_doc_info *d, void *user)
{
    return es_corpus_add_document(((report_sink *)user)->corpus, d);
}

static es_status on_record(const es_record *r, void *user)
{
    report_sink *s = user;
    es_status st = es_facts_add(s->facts, r, s->err);
    return st == ES_OK ? es_corpus_add_record(s->corpus, r) : st;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"title", required_argument, NULL, 't'},
        {"font", required_argument, NULL, 'F'},   {"pick", required_argument, NULL, 'p'},
        {"lexicon", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *out_path = NULL, *title = NULL, *font = NULL, *lexicon = NULL;
    es_pick pick = ES_PICK_DEFAULT;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_path = optarg;
            break;
        case 't':
            title = optarg;
            break;
        case 'F':
            font = optarg;
            break;
        case 'l':
            lexicon = optarg;
            break;
        case 'p':
            if (cli_parse_pick(optarg, &pick) != 0)
                return CLI_EXIT_USAGE;
            break;
        case 'h':
            report_usage(stdout);
            return CLI_EXIT_OK;
        default: {
            int rc = cli_common_option(c, NULL, argv, "report");
            if (rc >= 0)
                return rc;
            break;
        }
        }
    }
    /* no records named and input piped in: the records on standard input */
    static char stdin_name[] = "-";
    char *from_stdin[] = {stdin_name};
    char **names = argv + optind;
    int n_names = argc - optind;
    if (n_names == 0 && !isatty(STDIN_FILENO)) {
        names = from_stdin;
        n_names = 1;
    }
    if (out_path == NULL || n_names == 0) {
        cli_usage_error("report: -o FILE.pdf and at least one records file or directory are required");
        return CLI_EXIT_USAGE;
    }
    /* the records read, and a directory's records.json */
    for (int i = 0; i < n_names; i++) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode) ? "%s/records.json" : "%s",
                 names[i]);
        char *one[1] = {path};
        if (cli_output_is_input(out_path, one, 1, lexicon, font))
            return CLI_EXIT_USAGE;
    }
    cli_pipeline pipe;
    int prc = cli_pipeline_open(&pipe, lexicon, NULL, 0);
    if (prc != 0)
        return prc;
    es_error err;
    es_error_clear(&err);
    es_facts *facts = es_facts_new(pipe.lexicon);
    es_corpus *corpus = es_corpus_new();
    es_table *table = NULL;
    es_summary *summary = NULL;
    int rc = CLI_EXIT_OK, failed = 0, fatal = 0;
    if (facts == NULL || corpus == NULL) {
        fputs("edustat: out of memory\n", stderr);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    report_sink rs = {facts, corpus, &err};
    es_extract_sink sink = {on_document, on_record, NULL, &rs};
    for (int i = 0; i < n_names && !fatal; i++) {
        /* a directory an earlier run wrote: its records.json */
        char path[4096];
        struct stat sb;
        if (stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            snprintf(path, sizeof path, "%s/records.json", names[i]);
        else
            snprintf(path, sizeof path, "%s", names[i]);
        char *one[1] = {path};
        failed += cli_feed(one, 1, 1, NULL, 1, &sink, NULL, &fatal);
    }
    if (!fatal && failed == n_names) {
        fputs("edustat: no records could be read; no briefing written\n", stderr);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (fatal || es_table_build(facts, pick, &table, &err) != ES_OK ||
        es_summary_compute(table, &summary, &err) != ES_OK) {
        if (!fatal)
            cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    es_corpus_finish(corpus);
    cli_output out;
    es_briefing_options bo = {title, font, cli_source_date()};
    if (cli_output_open(&out, out_path, &err) != 0) {
        cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (es_briefing_write(table, summary, corpus, &bo, out.fp, &err) != ES_OK) {
        cli_output_abort(&out);
        cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (cli_output_commit(&out, &err) != 0) {
        cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    fprintf(stderr, "edustat: wrote %s (%zu rows)\n", out_path, table->n_rows);
    if (failed)
        rc = CLI_EXIT_INPUT;
done:
    es_summary_free(summary);
    es_table_free(table);
    es_facts_free(facts);
    es_corpus_free(corpus);
    cli_pipeline_close(&pipe);
    return rc;
}
