/* cmd_indicators.c - `edustat indicators`: list the lexicon. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "edustat/json_lexicon.h"

static void indicators_usage(FILE *to)
{
    fputs("usage: edustat indicators [--format table|json] [--lexicon TSV]\n"
          "\n"
          "List the indicators edustat assigns: id, Chinese label, kind, units and\n"
          "cue words (weight; '<' marks cues that count only before a number, '>'\n"
          "cues that count after it to the end of its clause).\n",
          to);
}

int cmd_indicators(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"lexicon", required_argument, NULL, 'l'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int json = 0, c;
    const char *lexicon_path = NULL;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "table") != 0) {
                cli_usage_error("--format must be table or json, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'l':
            lexicon_path = optarg;
            break;
        case 'h':
            indicators_usage(stdout);
            return CLI_EXIT_OK;
        default: {
            int rc = cli_common_option(c, NULL, argv, "indicators");
            if (rc >= 0)
                return rc;
            break;
        }
        }
    }
    if (optind < argc) {
        cli_usage_error("indicators takes no files");
        return CLI_EXIT_USAGE;
    }
    cli_pipeline pipe;
    int prc = cli_pipeline_open(&pipe, lexicon_path, NULL, 0);
    if (prc != 0)
        return prc;
    const es_lexicon *lx = pipe.lexicon;
    es_error err;
    es_error_clear(&err);
    int rc = CLI_EXIT_OK;
    if (json) {
        if (es_lexicon_write_json(lx, stdout, &err) != ES_OK) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
        }
    } else {
        printf("%-28s  %-18s  %-6s  %-18s  %s\n", "id", "label", "kind", "units", "cues");
        for (size_t i = 0; i < es_lexicon_count(lx); i++) {
            const es_indicator *ind = es_lexicon_at(lx, i);
            char units[128] = "";
            for (size_t k = 0; k < ind->n_units; k++) {
                strncat(units, k ? "," : "", sizeof units - strlen(units) - 1);
                strncat(units, ind->units[k], sizeof units - strlen(units) - 1);
            }
            /* CJK labels are two columns wide per character: pad by width. */
            int label_width = 0;
            for (const char *p = ind->label; *p; p++)
                if (((unsigned char)*p & 0xC0) != 0x80)
                    label_width += ((unsigned char)*p >= 0xE0) ? 2 : 1;
            printf("%-28s  %s%*s  %-6s  %-18s  ", ind->id, ind->label,
                   label_width < 18 ? 18 - label_width : 0, "", es_indicator_kind_name(ind->kind),
                   units);
            for (size_t k = 0; k < ind->n_cues; k++)
                printf("%s%s:%d%s", k ? " " : "", ind->cues[k].word, ind->cues[k].weight,
                       ind->cues[k].before_only ? "<" : ind->cues[k].predicate ? ">" : "");
            putchar('\n');
        }
    }
    cli_pipeline_close(&pipe);
    return rc;
}
