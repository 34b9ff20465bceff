/* cmd_compare.c - `edustat compare`: districts side by side on one
 * indicator, as an aligned table or JSON. */
#include "cli.h"
#include "edustat/csv_tables.h"

#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/json_read.h"
#include "edustat/json_tables.h"
#include "edustat/stats.h"
#include "edustat/table.h"
#include "edustat/value_scale.h"

#define MAX_DISTRICTS 256

static void compare_usage(FILE *to)
{
    fputs("usage: edustat compare --indicator ID [--districts A,B,...] [--year YYYY]\n"
          "                       [--format table|json|csv] [--pick RULE] [--from-records]\n"
          "                       [extract options] FILE...\n"
          "\n"
          "Rank districts on one indicator (see `edustat indicators`): value, rank,\n"
          "ratio to the median, z-score and change against the previous year.\n",
          to);
}

static es_status add_fact(const es_record *r, void *user)
{
    es_error err;
    return es_facts_add(user, r, &err);
}

static void fmt_num(char *out, size_t cap, double v, int decimals)
{
    if (!isfinite(v))
        snprintf(out, cap, "-");
    else if (fabs(v) >= 1e16) /* as the briefing: never dozens of digits */
        snprintf(out, cap, "%.3g", v);
    else
        snprintf(out, cap, "%.*f", decimals, v);
}

int cmd_compare(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"indicator", required_argument, NULL, 'i'}, {"districts", required_argument, NULL, 'D'},
        {"year", required_argument, NULL, 'Y'},      {"format", required_argument, NULL, 'f'},
        {"pick", required_argument, NULL, 'p'},      {"from-records", no_argument, NULL, 'r'},
        {"doc-year", required_argument, NULL, 'y'},  CLI_EXTRACT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},            {NULL, 0, NULL, 0}};
    const char *indicator = NULL;
    char *districts_arg = NULL;
    const char *districts[MAX_DISTRICTS];
    size_t n_districts = 0;
    int year = 0, json = 0, from_records = 0, c;
    es_pick pick = ES_PICK_DEFAULT;
    cli_extract_args ea;
    cli_extract_args_init(&ea);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            indicator = optarg;
            break;
        case 'D':
            districts_arg = optarg;
            break;
        case 'Y': {
            char *end;
            long y = strtol(optarg, &end, 10);
            if (*end || y < 1000 || y > 9999) {
                cli_usage_error("--year must be a four-digit year, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            year = (int)y;
            break;
        }
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "csv") == 0)
                json = 2;
            else if (strcmp(optarg, "table") != 0) {
                cli_usage_error("--format must be table, json or csv, not '%s'", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'p':
            if (cli_parse_pick(optarg, &pick) != 0)
                return CLI_EXIT_USAGE;
            break;
        case 'r':
            from_records = 1;
            break;
        case 'h':
            compare_usage(stdout);
            return CLI_EXIT_OK;
        default: {
            int rc = cli_common_option(c, &ea, argv, "compare");
            if (rc >= 0)
                return rc;
            break;
        }
        }
    }
    if (indicator == NULL) {
        cli_usage_error("compare: --indicator is required (see edustat indicators)");
        return CLI_EXIT_USAGE;
    }
    /* --districts A,B,C (split in place; argv strings are ours to cut) */
    for (char *p = districts_arg; p && *p && n_districts < MAX_DISTRICTS;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p)
            districts[n_districts++] = p;
        p = comma ? comma + 1 : p + strlen(p);
    }
    cli_pipeline pipe;
    if (from_records && cli_refuse_with_records(&ea, "compare") != 0)
        return CLI_EXIT_USAGE;
    int prc = cli_pipeline_open(&pipe, ea.lexicon_path, ea.manifest_path, !from_records);
    if (prc != 0)
        return prc;
    const es_indicator *ind = es_lexicon_find(pipe.lexicon, indicator);
    if (ind == NULL || strcmp(indicator, "other") == 0) {
        cli_usage_error("compare: unknown indicator '%s' (see edustat indicators)", indicator);
        cli_pipeline_close(&pipe);
        return CLI_EXIT_USAGE;
    }
    cli_pipeline_attach(&pipe, &ea.opt);
    cli_warn_unknown_districts(&pipe, &ea, districts, n_districts);
    es_facts *facts = es_facts_new(pipe.lexicon);
    es_table *table = NULL;
    es_summary *summary = NULL;
    es_error err;
    es_error_clear(&err);
    int rc = CLI_EXIT_OK, fatal = 0;
    if (facts == NULL) {
        fputs("edustat: out of memory\n", stderr);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    es_extract_sink sink = {NULL, add_fact, NULL, facts};
    char **inputs;
    int n_inputs, failed = 0;
    if ((rc = cli_inputs(&ea, argc - optind, argv + optind, &inputs, &n_inputs)) != 0)
        goto done;
    if (n_inputs == 0) {
        cli_usage_error("compare: no input files (try edustat compare --help)");
        cli_inputs_free(inputs, n_inputs, argc - optind);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    failed = cli_feed(inputs, n_inputs, from_records, &ea.opt, ea.jobs, &sink, NULL, &fatal);
    cli_inputs_free(inputs, n_inputs, argc - optind);
    if (fatal || es_table_build(facts, pick, &table, &err) != ES_OK ||
        es_summary_compute(table, &summary, &err) != ES_OK) {
        if (!fatal)
            cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (json) {
        es_status st = json == 1
                           ? es_write_comparisons_json(summary, ind, districts, n_districts, year, stdout, &err)
                           : es_write_comparisons_csv(summary, ind, districts, n_districts, year, stdout, &err);
        if (st != ES_OK) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
        }
    } else {
        double max_abs = 0;
        size_t shown = 0;
        for (size_t i = 0; i < summary->n_comparisons; i++)
            if (summary->comparisons[i].row->indicator == ind)
                max_abs = fmax(max_abs, fabs(summary->comparisons[i].row->value));
        double div;
        char unit[32];
        int decimals;
        es_value_scale(ind->units[0], max_abs, &div, unit, sizeof unit, &decimals);
        printf("%s (%s), %s\n", ind->label, ind->id, unit);
        const char *heads[] = {"区县", "年份", "数值", "排名", "与中位数比", "z", "同比%"};
        const int widths[] = {16, 6, 12, 8, 11, 7, 9};
        for (int k = 0; k < 7; k++) {
            cli_print_cell(stdout, heads[k], widths[k], k > 0);
            fputs(k < 6 ? "  " : "\n", stdout);
        }
        for (size_t i = 0; i < summary->n_comparisons; i++) {
            const es_comparison *cmp = &summary->comparisons[i];
            const es_row *r = cmp->row;
            if (!es_comparison_selected(cmp, ind, districts, n_districts, year))
                continue;
            char cells[7][48];
            snprintf(cells[0], sizeof cells[0], "%s", r->district);
            snprintf(cells[1], sizeof cells[1], "%d", r->year);
            double v = r->value / div;
            fmt_num(cells[2], sizeof cells[2], v, decimals);
            snprintf(cells[3], sizeof cells[3], "%d/%d", cmp->rank, cmp->of);
            fmt_num(cells[4], sizeof cells[4], cmp->ratio_to_median, 2);
            fmt_num(cells[5], sizeof cells[5], cmp->z, 2);
            fmt_num(cells[6], sizeof cells[6], cmp->yoy_pct, 1);
            for (int k = 0; k < 7; k++) {
                cli_print_cell(stdout, cells[k], widths[k], k > 0);
                fputs(k < 6 ? "  " : "\n", stdout);
            }
            shown++;
        }
        for (size_t i = 0; i < summary->n_by_year; i++) {
            const es_year_stats *y = &summary->by_year[i];
            if (y->indicator != ind || (year && y->year != year))
                continue;
            char mean[32], median[32], sd[32];
            fmt_num(mean, sizeof mean, y->mean / div, 2);
            fmt_num(median, sizeof median, y->median / div, 2);
            fmt_num(sd, sizeof sd, y->sd / div, 2);
            printf("%d: n %zu, mean %s, median %s, sd %s\n", y->year, y->n, mean, median, sd);
        }
        if (shown == 0)
            printf("(no districts with data for this indicator)\n");
    }
    if (failed)
        rc = CLI_EXIT_INPUT;
done:
    es_summary_free(summary);
    es_table_free(table);
    es_facts_free(facts);
    cli_pipeline_close(&pipe);
    return rc;
}
