/* pipeline.c - what every command that extracts needs: the lexicon (built
 * in, plus --lexicon), the classifier, the gazetteer and a manifest. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdint.h>
#include <getopt.h>
#include <unistd.h>

#include "edustat/batch.h"
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

/* What cli_feed puts between the readers and the caller's sink: counts a
 * file's records and, reading records, drops ids seen before (a shard
 * merged twice, or two shards holding the same records). */
typedef struct feed_guard {
    const es_extract_sink *inner;
    size_t records;     /* passed on, this file */
    size_t duplicates;  /* dropped, this file */
    uint64_t *seen;     /* open addressing; 0 = empty */
    size_t cap, used;
    int check_ids;
    int oom;
} feed_guard;

static uint64_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

/* Was this id seen before? Notes it when not. */
static int seen_before(feed_guard *g, const char *id)
{
    if (g->used * 2 >= g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 4096;
        uint64_t *t = calloc(cap, sizeof *t);
        if (t == NULL) {
            g->oom = 1;
            return 0;
        }
        for (size_t i = 0; i < g->cap; i++)
            if (g->seen[i] != 0) {
                size_t k = g->seen[i] & (cap - 1);
                while (t[k] != 0)
                    k = (k + 1) & (cap - 1);
                t[k] = g->seen[i];
            }
        free(g->seen);
        g->seen = t;
        g->cap = cap;
    }
    uint64_t h = id_hash(id);
    size_t k = h & (g->cap - 1);
    while (g->seen[k] != 0) {
        if (g->seen[k] == h)
            return 1;
        k = (k + 1) & (g->cap - 1);
    }
    g->seen[k] = h;
    g->used++;
    return 0;
}

static es_status guard_document(const es_doc_info *d, void *user)
{
    feed_guard *g = user;
    return g->inner->document ? g->inner->document(d, g->inner->user) : ES_OK;
}

static es_status guard_record(const es_record *r, void *user)
{
    feed_guard *g = user;
    if (g->check_ids && r->id != NULL && seen_before(g, r->id)) {
        g->duplicates++;
        return ES_OK;
    }
    if (g->oom)
        return ES_ERR_NOMEM;
    g->records++;
    return g->inner->record ? g->inner->record(r, g->inner->user) : ES_OK;
}

static void guard_warning(const es_error *w, void *user)
{
    feed_guard *g = user;
    if (g->inner->warning)
        g->inner->warning(w, g->inner->user);
    else
        cli_report(w);
}

/* The state of a feed across its files. */
typedef struct feed {
    feed_guard *g;
    char **files;
    const int *read; /* the files read, by index (a file given twice is read once) */
    int n_read, n_given;
    int from_records, progress;
    const char *output;
    int failed, fatal;
} feed;

/* After a file: its messages, and whether the run can go on. */
static int file_done(size_t k, es_status st, const es_error *err_in, void *user)
{
    feed *f = user;
    feed_guard *g = f->g;
    const char *path = f->files[f->read[k]];
    if (f->progress)
        fprintf(stderr, "\redustat: %d/%d files", f->read[k] + 1, f->n_given);
    if (g->duplicates > 0)
        fprintf(stderr, "%sedustat: %s: %zu records whose ids were read before (another shard, or "
                        "this one twice) were left out\n",
                f->progress ? "\n" : "", path, g->duplicates);
    size_t records = g->records;
    g->records = g->duplicates = 0;
    if (st == ES_OK)
        return 0;
    es_error err = *err_in;
    if (f->progress)
        fputc('\n', stderr);
    if (st == ES_ERR_WRITE && err.file[0] == '\0')
        snprintf(err.file, sizeof err.file, "%s",
                 f->output && strcmp(f->output, "-") != 0 ? f->output : "standard output");
    cli_report(&err);
    if (st == ES_ERR_NOMEM || st == ES_ERR_WRITE) {
        f->fatal = 1;
        return 1; /* the output is gone: the input is not to blame */
    }
    if (f->from_records && records > 0)
        fprintf(stderr, "edustat: %s: %zu records were read before the error; they count with "
                        "the other inputs\n",
                path, records);
    f->failed++;
    return 0;
}

int cli_feed(char **files, int n, int from_records, const es_extract_options *opt, int jobs,
             const es_extract_sink *sink_in, const char *output, int *fatal)
{
    feed_guard g;
    memset(&g, 0, sizeof g);
    g.inner = sink_in;
    g.check_ids = from_records;
    es_extract_sink sink = {guard_document, guard_record, guard_warning, &g};
    /* a file given twice is read once: its figures would count twice */
    struct stat *given = calloc(n > 0 ? (size_t)n : 1, sizeof *given);
    int *read = calloc(n > 0 ? (size_t)n : 1, sizeof *read);
    const char **paths = calloc(n > 0 ? (size_t)n : 1, sizeof *paths);
    if (given == NULL || read == NULL || paths == NULL) {
        free(given);
        free(read);
        free(paths);
        fputs("edustat: out of memory\n", stderr);
        *fatal = 1;
        return n;
    }
    feed f = {&g, files, read, 0, n, from_records, n > 5 && isatty(STDERR_FILENO), output, 0, 0};
    for (int i = 0; i < n; i++) {
        int twice = 0;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &given[i]) == 0 && S_ISREG(given[i].st_mode))
            for (int k = 0; k < i && !twice; k++)
                twice = given[k].st_ino == given[i].st_ino && given[k].st_dev == given[i].st_dev &&
                        S_ISREG(given[k].st_mode);
        if (twice) {
            fprintf(stderr, "edustat: %s: given twice; read once\n", files[i]);
            continue;
        }
        paths[f.n_read] = files[i];
        read[f.n_read++] = i;
    }
    if (from_records) {
        for (int k = 0; k < f.n_read; k++) {
            es_error err;
            es_error_clear(&err);
            es_status st = es_read_records_file(paths[k], &sink, &err);
            if (file_done((size_t)k, st, &err, &f) != 0)
                break;
        }
    } else if (es_extract_files(paths, (size_t)f.n_read, opt, jobs > 0 ? jobs : es_batch_default_threads(), &sink,
                                file_done, &f) != ES_OK) {
        fputs("edustat: out of memory\n", stderr);
        f.fatal = 1;
    }
    if (f.progress && !f.fatal) /* every file, those given twice counted; a fatal error ended the line */
        fprintf(stderr, "\redustat: %d/%d files\n", n, n);
    *fatal = f.fatal;
    free(given);
    free(read);
    free(paths);
    free(g.seen);
    return f.failed;
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
    case 'j': {
        char *end;
        long j = strtol(arg, &end, 10);
        if (*end != '\0' || j < 1 || j > 256) {
            cli_usage_error("--jobs must be a number of threads from 1 to 256, not '%s'", arg);
            return 1;
        }
        a->jobs = (int)j;
        return 0;
    }
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

static void warn_if_unknown(const es_gazetteer *g, const char *name, const char *where, long line)
{
    if (name == NULL || *name == '\0' || es_gazetteer_lookup(g, name, strlen(name), NULL, 0) > 0)
        return;
    char at[4096 + 24];
    if (line > 0)
        snprintf(at, sizeof at, "%s:%ld", where, line);
    else
        snprintf(at, sizeof at, "%s", where);
    fprintf(stderr, "edustat: warning: %s: district '%s' is not in the gazetteer of China's divisions; "
                    "check its spelling\n",
            at, name);
}

void cli_warn_unknown_districts(const cli_pipeline *p, const cli_extract_args *a, const char *const *names,
                                size_t n)
{
    es_gazetteer *own = NULL;
    const es_gazetteer *g = p->gazetteer;
    if (g == NULL) { /* reading records: the gazetteer was not needed until now */
        es_error err;
        es_error_clear(&err);
        if (es_gazetteer_new_builtin(&own, &err) != ES_OK)
            return; /* a warning is not worth failing the run */
        g = own;
    }
    if (a != NULL)
        warn_if_unknown(g, a->opt.district, "--district", 0);
    for (size_t i = 0; i < es_manifest_count(p->manifest); i++) {
        const es_manifest_entry *e = es_manifest_entry_at(p->manifest, i);
        warn_if_unknown(g, e->district, a ? a->manifest_path : "manifest", e->line);
    }
    for (size_t i = 0; i < n; i++)
        warn_if_unknown(g, names[i], "--districts", 0);
    es_gazetteer_free(own);
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
    /* no files named and input piped in: read standard input, as jq does */
    if (count == 0 && a->files_from == NULL && !isatty(STDIN_FILENO)) {
        if ((list[count] = strdup("-")) == NULL) {
            fputs("edustat: out of memory\n", stderr);
            free(list);
            return CLI_EXIT_INPUT;
        }
        count++;
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
