/* pipeline.c - what every command that extracts needs: the lexicon (built
 * in, plus --lexicon), the classifier, the gazetteer and a manifest. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>

#include "edustat/json_read.h"

int cli_pipeline_open(cli_pipeline *p, const char *lexicon_path, const char *manifest_path,
                      int extracting)
{
    es_error err;
    memset(p, 0, sizeof *p);
    es_error_clear(&err);
    if (es_lexicon_new_builtin(&p->lexicon, &err) != ES_OK ||
        (lexicon_path && es_lexicon_add_file(p->lexicon, lexicon_path, &err) != ES_OK) ||
        (extracting && (es_classifier_new(p->lexicon, &p->classifier, &err) != ES_OK ||
                        es_gazetteer_new_builtin(&p->gazetteer, &err) != ES_OK ||
                        es_situator_new_builtin(&p->situator, &err) != ES_OK)) ||
        (manifest_path && es_manifest_load(manifest_path, &p->manifest, &err) != ES_OK)) {
        cli_report(&err);
        cli_pipeline_close(p);
        /* out of memory is no usage error */
        return err.status == ES_ERR_NOMEM ? CLI_EXIT_INPUT : CLI_EXIT_USAGE;
    }
    return 0;
}

void cli_pipeline_close(cli_pipeline *p)
{
    es_manifest_free(p->manifest);
    es_situator_free(p->situator);
    es_gazetteer_free(p->gazetteer);
    es_classifier_free(p->classifier);
    es_lexicon_free(p->lexicon);
    memset(p, 0, sizeof *p);
}

static void print_warning(const es_error *w, void *user)
{
    (void)user;
    cli_report(w);
}

int cli_feed(char **files, int n, int from_records, const es_extract_options *opt,
             const es_extract_sink *sink_in, const char *output, int *fatal)
{
    es_extract_sink sink = *sink_in;
    if (sink.warning == NULL)
        sink.warning = print_warning;
    int failed = 0;
    int progress = n > 5 && isatty(STDERR_FILENO);
    *fatal = 0;
    for (int i = 0; i < n && !*fatal; i++) {
        if (progress)
            fprintf(stderr, "\redustat: %d/%d files", i + 1, n);
        es_error err;
        es_error_clear(&err);
        es_status st = from_records ? es_read_records_file(files[i], &sink, &err)
                                    : es_extract_file(files[i], opt, &sink, &err);
        if (st == ES_OK)
            continue;
        if (progress)
            fputc('\n', stderr);
        if (st == ES_ERR_WRITE && err.file[0] == '\0')
            snprintf(err.file, sizeof err.file, "%s", output && strcmp(output, "-") != 0 ? output : "standard output");
        cli_report(&err);
        if (st == ES_ERR_NOMEM || st == ES_ERR_WRITE) {
            *fatal = 1;
            break; /* the output is gone: the input is not to blame */
        }
        failed++;
    }
    if (progress)
        fputc('\n', stderr);
    return failed;
}

void cli_extract_args_init(cli_extract_args *a)
{
    memset(a, 0, sizeof *a);
    a->opt.split = ES_SPLIT_AUTO;
}

int cli_extract_args_take(cli_extract_args *a, int c, const char *arg)
{
    switch (c) {
    case 's':
        if (strcmp(arg, "auto") == 0)
            a->opt.split = ES_SPLIT_AUTO;
        else if (strcmp(arg, "none") == 0)
            a->opt.split = ES_SPLIT_NONE;
        else {
            cli_usage_error("--split must be auto or none, not '%s'", arg);
            return 1;
        }
        return 0;
    case 'd':
        a->opt.district = arg;
        return 0;
    case 'c':
        a->opt.city = arg;
        return 0;
    case 'y': {
        char *end;
        long y = strtol(arg, &end, 10);
        if (*end != '\0' || y < 1000 || y > 9999) {
            cli_usage_error("--year must be a four-digit year, not '%s'", arg);
            return 1;
        }
        a->opt.year = (int)y;
        return 0;
    }
    case 'm':
        a->manifest_path = arg;
        return 0;
    case 'l':
        a->lexicon_path = arg;
        return 0;
    case 'W': /* --files-from */
        a->files_from = arg;
        return 0;
    case '0':
        a->null_separated = 1;
        return 0;
    default:
        return -1;
    }
}

int cli_parse_pick(const char *s, es_pick *pick)
{
    if (strcmp(s, "max") == 0)
        *pick = ES_PICK_MAX;
    else if (strcmp(s, "first") == 0)
        *pick = ES_PICK_FIRST;
    else if (strcmp(s, "median") == 0)
        *pick = ES_PICK_MEDIAN;
    else {
        cli_usage_error("--pick must be max, first or median, not '%s'", s);
        return -1;
    }
    return 0;
}

int cli_common_option(int c, cli_extract_args *ea, char **argv, const char *cmd)
{
    if (c == ':') {
        cli_usage_error("option %s needs a value", argv[optind - 1]);
        return CLI_EXIT_USAGE;
    }
    if (c != '?' && ea != NULL) {
        int rc = cli_extract_args_take(ea, c, optarg);
        if (rc == 0)
            return -1;
        if (rc > 0)
            return CLI_EXIT_USAGE;
    }
    if (c == '?' && optopt != 0) {
        /* a short option inside a word: argv[optind - 1] may be the word
         * before it (-o out.json -dash.txt) */
        cli_usage_error("unknown option '-%c' (try edustat %s --help); a file whose name starts "
                        "with '-' goes after '--': edustat %s [OPTIONS] -- -name.txt",
                        optopt, cmd, cmd);
        return CLI_EXIT_USAGE;
    }
    cli_usage_error("unknown option '%s' (try edustat %s --help)", argv[optind - 1], cmd);
    return CLI_EXIT_USAGE;
}

void cli_pipeline_attach(const cli_pipeline *p, es_extract_options *opt)
{
    opt->classifier = p->classifier;
    opt->gazetteer = p->gazetteer;
    opt->manifest = p->manifest;
    opt->situator = p->situator;
}

int cli_refuse_with_records(const cli_extract_args *a, const char *cmd)
{
    const char *given = a->opt.year ? "--year" : a->opt.district ? "--district" : a->opt.city ? "--city"
                        : a->manifest_path ? "--manifest" : a->opt.split != ES_SPLIT_AUTO ? "--split" : NULL;
    if (given == NULL)
        return 0;
    cli_usage_error("%s: %s applies to extracting text, not to --from-records (the records carry "
                    "their documents' metadata)", cmd, given);
    return CLI_EXIT_USAGE;
}

int cli_inputs(const cli_extract_args *a, int argc, char **argv, char ***files, int *n)
{
    *files = NULL;
    *n = 0;
    size_t cap = (size_t)argc + 16, count = 0;
    char **list = malloc(cap * sizeof *list);
    if (list == NULL) {
        fputs("edustat: out of memory\n", stderr);
        return CLI_EXIT_INPUT;
    }
    for (int i = 0; i < argc; i++)
        list[count++] = argv[i];
    if (a->files_from != NULL) {
        int is_stdin = strcmp(a->files_from, "-") == 0;
        FILE *f = is_stdin ? stdin : fopen(a->files_from, "rb");
        if (f == NULL) {
            fprintf(stderr, "edustat: %s: %s\n", a->files_from, strerror(errno));
            free(list);
            return CLI_EXIT_INPUT;
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        int sep = a->null_separated ? '\0' : '\n', bad = 0;
        while (!bad && (len = getdelim(&line, &lcap, sep, f)) >= 0) {
            if (len > 0 && line[len - 1] == (char)sep)
                line[--len] = '\0';
            if (!a->null_separated && len > 0 && line[len - 1] == '\r')
                line[--len] = '\0';
            if (len == 0)
                continue; /* blank lines between names */
            if (count == cap) {
                cap *= 2;
                char **p = realloc(list, cap * sizeof *p);
                if (p == NULL) {
                    bad = 1;
                    break;
                }
                list = p;
            }
            if ((list[count] = strdup(line)) == NULL) {
                bad = 1;
                break;
            }
            count++;
        }
        int read_error = ferror(f);
        free(line);
        if (!is_stdin)
            fclose(f);
        if (bad || read_error) {
            if (bad)
                fputs("edustat: out of memory\n", stderr);
            else
                fprintf(stderr, "edustat: %s: read error\n", a->files_from);
            cli_inputs_free(list, (int)count, argc);
            return CLI_EXIT_INPUT;
        }
    }
    *files = list;
    *n = (int)count;
    return 0;
}

void cli_inputs_free(char **files, int n, int argc)
{
    if (files == NULL)
        return;
    for (int i = argc; i < n; i++) /* the names read from the list */
        free(files[i]);
    free(files);
}
