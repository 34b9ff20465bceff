/* cmd_run.c - `edustat run`: the whole job. Extract (or read records),
 * build the table, compute the statistics, write the JSON files. */
#define _GNU_SOURCE /* renameat2: swap the new run's directory with the old one */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "edustat/batch.h"
#include "edustat/briefing.h"
#include "edustat/review.h"
#include "edustat/csv_tables.h"
#include "edustat/corpus.h"
#include "edustat/json_tables.h"
#include "edustat/records_json.h"
#include "edustat/stats.h"
#include "edustat/table.h"
#include "edustat/xlsx_tables.h"

static void run_usage(FILE *to)
{
    fputs("usage: edustat run [-o DIR] [--pick max|first|median] [--from-records]\n"
          "                   [extract options] FILE...\n"
          "\n"
          "Extract every figure, build the table (one row per indicator, district and\n"
          "year: what each district reached that year, never a plan, a total over\n"
          "years, a wider area's or a part's figure), compute summaries and\n"
          "comparisons, and write into DIR (default edustat-out): records.json,\n"
          "table.json, summary.json, the same tables as CSV for Excel (table.csv,\n"
          "summary_by_year.csv, summary_by_district.csv, summary_comparisons.csv),\n"
          "datapackage.json, echarts.json, briefing.pdf and\n"
          "review.html (every number of the table with its sentence, for checking).\n"
          "\n"
          "  -o, --output DIR    where to write (created if missing)\n"
          "      --pick RULE     the row's figure among all its mentions: max, first or\n"
          "                      median (default: each document's total level -- the\n"
          "                      largest amount or count, the first rate -- and of\n"
          "                      several documents the one reporting on that year)\n"
          "      --from-records  FILEs are records.json or JSON Lines written by\n"
          "                      `edustat extract`: merge shards extracted apart\n"
          "      --no-records    do not write records.json (when merging shards\n"
          "                      that already hold the records)\n"
          "      --no-pdf        do not write briefing.pdf\n"
          "      --no-review     do not write review.html\n"
          "      --title TEXT    the briefing's title (default 教育指标简报)\n"
          "      --font FILE     the briefing's CJK TrueType font (default: the one\n"
          "                      built with edustat; also EDUSTAT_FONT)\n"
          "      --files-from LIST, -0/--null  also the files LIST names (one a line,\n"
          "                      or NUL-ended): one run over a corpus of any size\n"
          "      --split, --district, --city, --year, --manifest, --lexicon, -j/--jobs\n"
          "                      as for `edustat extract`\n",
          to);
}

typedef struct run_sink {
    es_records_writer *writer;
    es_facts *facts;
    es_corpus *corpus;
    es_error *err;
} run_sink;

static es_status on_document(const es_doc_info *d, void *user)
{
    run_sink *s = user;
    es_status st = s->writer ? es_records_writer_document(s->writer, d) : ES_OK;
    if (st == ES_OK)
        st = es_corpus_add_document(s->corpus, d);
    return st;
}

static es_status on_record(const es_record *r, void *user)
{
    run_sink *s = user;
    es_status st = s->writer ? es_records_writer_record(s->writer, r) : ES_OK;
    if (st == ES_OK)
        st = es_facts_add(s->facts, r, s->err);
    if (st == ES_OK)
        st = es_corpus_add_record(s->corpus, r);
    return st;
}

/* The briefing and what it needs, for write_file. */
typedef struct briefing_job {
    const es_table *table;
    const es_summary *summary;
    const es_corpus *corpus;
    es_briefing_options options;
} briefing_job;

static es_status write_briefing(const void *what, FILE *out, es_error *err)
{
    const briefing_job *b = what;
    return es_briefing_write(b->table, b->summary, b->corpus, &b->options, out, err);
}

static es_status write_review(const void *what, FILE *out, es_error *err)
{
    const briefing_job *b = what;
    es_review_options o = {b->options.title, b->options.date_epoch};
    return es_review_write(b->table, b->corpus, &o, out, err);
}

long long cli_source_date(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e == NULL || *e == '\0')
        return -1;
    char *end;
    long long v = strtoll(e, &end, 10);
    return (*end == '\0' && v >= 0) ? v : -1;
}

/* DIR/name, or NULL when out of memory. */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static void human_size(long bytes, char *out, size_t cap)
{
    if (bytes >= 1 << 20)
        snprintf(out, cap, "%.1f MB", bytes / 1048576.0);
    else if (bytes >= 1 << 10)
        snprintf(out, cap, "%.1f KB", bytes / 1024.0);
    else
        snprintf(out, cap, "%ld bytes", bytes);
}

typedef es_status (*writer_fn)(const void *what, FILE *out, es_error *err);

/* The files of a run, in the order they are published. */
static const char *const run_files[] = {
    "records.json",        "table.json",          "summary.json",
    "table.csv",           "summary_by_year.csv", "summary_by_district.csv",
    "summary_comparisons.csv", "table.xlsx",      "datapackage.json", "echarts.json",
    "briefing.pdf",        "review.html"};
#define N_RUN_FILES (sizeof run_files / sizeof run_files[0])

/* A run being written: its files go to a directory beside DIR and are put
 * in place together when all are written, so that DIR holds one whole run,
 * the old one or the new one, and a failed run leaves the old one alone. */
typedef struct run_out {
    const char *dir;   /* where the run goes */
    char *stage;       /* DIR.tmp.XXXXXX, registered for removal */
    int written[N_RUN_FILES];
    char said[N_RUN_FILES][192]; /* "wrote DIR/name (...)" once published */
} run_out;

static int file_index(const char *name)
{
    for (size_t i = 0; i < N_RUN_FILES; i++)
        if (strcmp(run_files[i], name) == 0)
            return (int)i;
    return -1;
}

/* Write one file of the run through a temporary name in the stage. */
static int write_file(run_out *ro, const char *name, writer_fn fn, const void *what,
                      const char *count_desc)
{
    es_error err;
    es_error_clear(&err);
    char *path = join(ro->stage, name);
    if (path == NULL) {
        fputs("edustat: out of memory\n", stderr);
        return -1;
    }
    cli_output out;
    int rc = -1;
    if (cli_output_open(&out, path, &err) == 0) {
        if (fn(what, out.fp, &err) != ES_OK) {
            cli_output_abort(&out);
            if (err.file[0] == '\0')
                snprintf(err.file, sizeof err.file, "%s/%s", ro->dir, name);
            cli_report(&err);
        } else if (cli_output_commit(&out, &err) == 0) {
            struct stat sb;
            char size[32];
            human_size(stat(path, &sb) == 0 ? (long)sb.st_size : 0, size, sizeof size);
            int k = file_index(name);
            ro->written[k] = 1;
            snprintf(ro->said[k], sizeof ro->said[k], "%s (%s, %s)", name, count_desc, size);
            rc = 0;
        } else {
            cli_report(&err);
        }
    } else {
        cli_report(&err);
    }
    free(path);
    return rc;
}

/* Remove the run's files from dir, and dir itself when rmdir_too. */
static void remove_run(const char *dir, int rmdir_too)
{
    for (size_t i = 0; i < N_RUN_FILES; i++) {
        char *p = join(dir, run_files[i]);
        if (p != NULL)
            unlink(p);
        free(p);
    }
    if (rmdir_too)
        rmdir(dir);
}

/* Does dir hold nothing but the files of a run (and temporary files)? */
static int holds_only_a_run(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    int only = 1;
    struct dirent *e;
    while (only && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && file_index(e->d_name) < 0 &&
            strstr(e->d_name, ".tmp.") == NULL)
            only = 0;
    closedir(d);
    return only;
}

/* Put the staged run in place of DIR's. Returns 0, or -1 (reported). */
static int publish(run_out *ro)
{
    struct stat sb;
    if (lstat(ro->dir, &sb) != 0) {
        if (errno != ENOENT || rename(ro->stage, ro->dir) != 0) {
            fprintf(stderr, "edustat: %s: cannot put the run in place: %s\n", ro->dir, strerror(errno));
            return -1;
        }
        cli_temp_forget(ro->stage);
        cli_sync_parent(ro->dir);
        return 0;
    }
    if (S_ISDIR(sb.st_mode) && holds_only_a_run(ro->dir) &&
        renameat2(AT_FDCWD, ro->stage, AT_FDCWD, ro->dir, RENAME_EXCHANGE) == 0) {
        /* one step: readers see the old run or the new one; the stage now
         * holds the old run */
        cli_sync_parent(ro->dir);
        remove_run(ro->stage, 1);
        cli_temp_forget(ro->stage);
        return 0;
    }
    /* DIR holds other files too (or cannot be swapped): file by file, the
     * run's files all written already; an older run's file this run does
     * not write (briefing.pdf under --no-pdf) goes */
    for (size_t i = 0; i < N_RUN_FILES; i++) {
        char *from = join(ro->stage, run_files[i]), *to = join(ro->dir, run_files[i]);
        int bad = from == NULL || to == NULL;
        if (!bad && ro->written[i])
            bad = rename(from, to) != 0;
        else if (!bad)
            unlink(to);
        if (bad)
            fprintf(stderr, "edustat: %s: cannot put the run in place: %s\n", to ? to : ro->dir,
                    strerror(errno));
        free(from);
        free(to);
        if (bad)
            return -1;
    }
    rmdir(ro->stage);
    cli_temp_forget(ro->stage);
    char *any = join(ro->dir, "x");
    if (any != NULL)
        cli_sync_parent(any);
    free(any);
    return 0;
}

/* table.xlsx: libxlsxwriter writes by file name, into the stage (which is
 * put in place only when the whole run is written). */
static int write_workbook(run_out *ro, const es_table *t)
{
    es_error err;
    es_error_clear(&err);
    char *path = join(ro->stage, "table.xlsx");
    if (path == NULL) {
        fputs("edustat: out of memory\n", stderr);
        return -1;
    }
    int rc = -1;
    if (es_write_table_xlsx(t, path, cli_source_date(), &err) != ES_OK) {
        unlink(path);
        snprintf(err.file, sizeof err.file, "%s/table.xlsx", ro->dir);
        cli_report(&err);
    } else {
        struct stat sb;
        char size[32];
        human_size(stat(path, &sb) == 0 ? (long)sb.st_size : 0, size, sizeof size);
        int k = file_index("table.xlsx");
        size_t n_ind = 0;
        for (size_t i = 0; i < t->n_rows; i++)
            n_ind += i == 0 || t->rows[i].indicator != t->rows[i - 1].indicator;
        ro->written[k] = 1;
        snprintf(ro->said[k], sizeof ro->said[k], "table.xlsx (%zu rows, %zu indicator sheets, %s)", t->n_rows,
                 n_ind, size);
        rc = 0;
    }
    free(path);
    return rc;
}

/* One file of the run to write: with fn NULL, the workbook. */
typedef struct output_task {
    run_out *ro;
    const char *name;
    writer_fn fn;
    const void *what;
    const char *desc;
    int rc;
} output_task;

static void run_task(output_task *t)
{
    t->rc = t->fn != NULL ? write_file(t->ro, t->name, t->fn, t->what, t->desc) : write_workbook(t->ro, t->what);
}

/* Tasks are taken in order by whichever thread is free. */
typedef struct task_queue {
    output_task *tasks;
    size_t n, next;
    pthread_mutex_t lock;
} task_queue;

static void *task_worker(void *arg)
{
    task_queue *q = arg;
    cli_cleanup_block_signals(); /* the main thread, which only waits, takes them */
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next < q->n ? q->next++ : q->n;
        pthread_mutex_unlock(&q->lock);
        if (i == q->n)
            return NULL;
        run_task(&q->tasks[i]);
    }
}

/* Write the tasks' files on up to `threads` threads. Returns 0 when every
 * one was written, else -1 (each failure reported). */
static int run_tasks(output_task *tasks, size_t n, int threads)
{
    task_queue q = {tasks, n, 0, PTHREAD_MUTEX_INITIALIZER};
    pthread_t tid[16];
    size_t started = 0;
    if (threads > 1)
        for (size_t k = 0; k < (size_t)threads && k < n && k < sizeof tid / sizeof tid[0]; k++) {
            if (pthread_create(&tid[k], NULL, task_worker, &q) != 0)
                break;
            started++;
        }
    if (started == 0)
        for (size_t i = 0; i < n; i++)
            run_task(&tasks[i]);
    for (size_t k = 0; k < started; k++)
        pthread_join(tid[k], NULL);
    int rc = 0;
    for (size_t i = 0; i < n; i++)
        rc |= tasks[i].rc;
    return rc;
}

static es_status write_table(const void *t, FILE *out, es_error *err) { return es_write_table_json(t, out, err); }
static es_status write_summary(const void *s, FILE *out, es_error *err) { return es_write_summary_json(s, out, err); }
static es_status write_package(const void *t, FILE *out, es_error *err) { return es_write_datapackage_json(t, out, err); }
static es_status write_echarts(const void *t, FILE *out, es_error *err) { return es_write_echarts_json(t, out, err); }
static es_status write_table_csv(const void *t, FILE *out, es_error *err) { return es_write_table_csv(t, out, err); }
static es_status write_by_year_csv(const void *s, FILE *out, es_error *err) { return es_write_by_year_csv(s, out, err); }
static es_status write_by_district_csv(const void *s, FILE *out, es_error *err)
{
    return es_write_by_district_csv(s, out, err);
}
static es_status write_comparisons_csv(const void *s, FILE *out, es_error *err)
{
    return es_write_comparisons_csv(s, NULL, NULL, 0, 0, out, err);
}

int cmd_run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},   {"pick", required_argument, NULL, 'p'},
        {"from-records", no_argument, NULL, 'r'},   {"year", required_argument, NULL, 'y'},
        {"no-records", no_argument, NULL, 'n'},     CLI_EXTRACT_LONGOPTS,
        {"no-pdf", no_argument, NULL, 'P'},         {"title", required_argument, NULL, 't'},
        {"font", required_argument, NULL, 'F'},     {"no-review", no_argument, NULL, 'R'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *dir = "edustat-out";
    cli_extract_args ea;
    cli_extract_args_init(&ea);
    es_pick pick = ES_PICK_DEFAULT;
    int from_records = 0, no_records = 0, no_pdf = 0, no_review = 0, c;
    const char *title = NULL, *font = NULL;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h0j:", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (strcmp(optarg, "-") == 0) {
                /* a run is a directory of files: there is no standard output for it */
                cli_usage_error("run -o needs a directory, not '-' (use extract or compare to write to "
                                "standard output)");
                return CLI_EXIT_USAGE;
            }
            dir = optarg;
            break;
        case 'p':
            if (cli_parse_pick(optarg, &pick) != 0)
                return CLI_EXIT_USAGE;
            break;
        case 'r':
            from_records = 1;
            break;
        case 'n':
            no_records = 1;
            break;
        case 'P':
            no_pdf = 1;
            break;
        case 'R':
            no_review = 1;
            break;
        case 't':
            title = optarg;
            break;
        case 'F':
            font = optarg;
            break;
        case 'h':
            run_usage(stdout);
            return CLI_EXIT_OK;
        default: {
            int rc = cli_common_option(c, &ea, argv, "run");
            if (rc >= 0)
                return rc;
            break;
        }
        }
    }
    struct stat sb;
    if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "edustat: %s: not a directory\n", dir);
        return CLI_EXIT_INPUT;
    }
    if (from_records && cli_refuse_with_records(&ea, "run") != 0)
        return CLI_EXIT_USAGE;
    char **inputs;
    int n_inputs, n_args = argc - optind;
    int prc = cli_inputs(&ea, n_args, argv + optind, &inputs, &n_inputs);
    if (prc != 0)
        return prc;
    if (n_inputs == 0) {
        cli_usage_error("run: no input files (try edustat run --help)");
        cli_inputs_free(inputs, n_inputs, n_args);
        return CLI_EXIT_USAGE;
    }
    /* an output that is an input would destroy it (run -o out out/records.json) */
    for (size_t i = 0; i < N_RUN_FILES; i++) {
        char *p = join(dir, run_files[i]);
        int clash = p != NULL && cli_output_is_input(p, inputs, n_inputs, ea.manifest_path, ea.lexicon_path);
        free(p);
        if (clash) {
            cli_inputs_free(inputs, n_inputs, n_args);
            return CLI_EXIT_USAGE;
        }
    }

    cli_pipeline pipe;
    prc = cli_pipeline_open(&pipe, ea.lexicon_path, ea.manifest_path, !from_records);
    if (prc != 0) {
        cli_inputs_free(inputs, n_inputs, n_args);
        return prc;
    }
    cli_pipeline_attach(&pipe, &ea.opt);
    cli_warn_unknown_districts(&pipe, &ea, NULL, 0);

    int rc = CLI_EXIT_OK, fatal = 0, failed = 0;
    es_error err;
    es_error_clear(&err);
    es_facts *facts = es_facts_new(pipe.lexicon);
    es_corpus *corpus = es_corpus_new();
    es_records_writer *w = NULL;
    es_table *table = NULL;
    es_summary *summary = NULL;
    run_out ro;
    memset(&ro, 0, sizeof ro);
    ro.dir = dir;
    /* the stage: DIR.tmp.XXXXXX beside DIR (DIR without trailing slashes) */
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    ro.stage = malloc(dl + 16);
    char *records_path = NULL;
    cli_output out;
    int out_open = 0;
    if (facts == NULL || corpus == NULL || ro.stage == NULL) {
        fputs("edustat: out of memory\n", stderr);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    snprintf(ro.stage, dl + 16, "%.*s.tmp.XXXXXX", (int)dl, dir);
    if (mkdtemp(ro.stage) == NULL) {
        fprintf(stderr, "edustat: %s: cannot create a directory beside it: %s\n", dir, strerror(errno));
        free(ro.stage);
        ro.stage = NULL;
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (cli_temp_register(ro.stage, 1) != 0 || (records_path = join(ro.stage, "records.json")) == NULL) {
        fputs("edustat: out of memory\n", stderr);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (no_records) {
        /* Records are only counted, never printed: no records.json. */
        if (es_records_writer_new(NULL, ES_RECORDS_JSONL, &w, &err) != ES_OK) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
            goto done;
        }
    } else {
        if (cli_output_open(&out, records_path, &err) != 0) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
            goto done;
        }
        out_open = 1;
        if (es_records_writer_new(out.fp, ES_RECORDS_JSON, &w, &err) != ES_OK) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
            goto done;
        }
    }
    run_sink rs = {w, facts, corpus, &err};
    es_extract_sink sink = {on_document, on_record, NULL, &rs};
    char *shown = join(dir, "records.json");
    failed = cli_feed(inputs, n_inputs, from_records, &ea.opt, ea.jobs, &sink, shown, &fatal);
    free(shown);
    if (fatal) {
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    if (failed == n_inputs) {
        /* nothing read: an earlier run in DIR stays as it was */
        fprintf(stderr, "edustat: no input could be read whole; %s left as it was\n", dir);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    size_t n_docs, n_reds, n_recs = es_records_writer_count(w, &n_docs, &n_reds);
    if (es_records_writer_finish(w, &err) != ES_OK) {
        if (err.file[0] == '\0')
            snprintf(err.file, sizeof err.file, "%s/records.json", dir);
        cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done; /* the temporary file goes with cli_output_abort */
    }
    if (out_open) {
        out_open = 0; /* a failed commit cleans up after itself */
        if (cli_output_commit(&out, &err) != 0) {
            cli_report(&err);
            rc = CLI_EXIT_INPUT;
            goto done;
        }
    }
    char size[32];
    if (no_records) {
        fprintf(stderr, "edustat: read %zu documents, %zu records, %zu redactions\n", n_docs, n_recs, n_reds);
    } else {
        human_size(stat(records_path, &sb) == 0 ? (long)sb.st_size : 0, size, sizeof size);
        ro.written[0] = 1;
        snprintf(ro.said[0], sizeof ro.said[0], "records.json (%zu documents, %zu records, %zu redactions, %s)",
                 n_docs, n_recs, n_reds, size);
    }

    if (es_table_build(facts, pick, &table, &err) != ES_OK ||
        es_summary_compute(table, &summary, &err) != ES_OK) {
        cli_report(&err);
        rc = CLI_EXIT_INPUT;
        goto done;
    }
    es_corpus_finish(corpus);
    briefing_job job = {table, summary, corpus, {title, font, cli_source_date()}};
    /* the files, the longest to write first: independent of each other,
     * they are written on -j threads */
    output_task tasks[N_RUN_FILES];
    size_t n_tasks = 0;
    char descs[N_RUN_FILES][128];
#define TASK(name_, fn_, what_, ...)                                                               \
    do {                                                                                           \
        snprintf(descs[n_tasks], sizeof descs[n_tasks], __VA_ARGS__);                              \
        tasks[n_tasks] = (output_task){&ro, name_, fn_, what_, descs[n_tasks], -1};                \
        n_tasks++;                                                                                 \
    } while (0)
    TASK("table.xlsx", NULL, table, "%s", "");
    if (!no_pdf)
        TASK("briefing.pdf", write_briefing, &job, "%s", "briefing");
    TASK("summary.json", write_summary, summary, "%zu by year, %zu by district, %zu comparisons",
         summary->n_by_year, summary->n_by_district, summary->n_comparisons);
    TASK("table.json", write_table, table, "%zu rows, %zu unplaced", table->n_rows, table->n_unplaced);
    if (!no_review)
        TASK("review.html", write_review, &job, "%zu cells with their sentences", table->n_rows);
    /* the tables again as CSV, for Excel and WPS */
    TASK("table.csv", write_table_csv, table, "%zu rows", table->n_rows);
    TASK("summary_comparisons.csv", write_comparisons_csv, summary, "%zu rows", summary->n_comparisons);
    TASK("summary_by_district.csv", write_by_district_csv, summary, "%zu rows", summary->n_by_district);
    TASK("summary_by_year.csv", write_by_year_csv, summary, "%zu rows", summary->n_by_year);
    TASK("echarts.json", write_echarts, table, "%zu rows", table->n_rows);
    TASK("datapackage.json", write_package, table, "%s", "4 tables as CSV, 3 JSON files, the workbook");
#undef TASK
    if (run_tasks(tasks, n_tasks, ea.jobs > 0 ? ea.jobs : es_batch_default_threads()) != 0)
        rc = CLI_EXIT_INPUT;
    if (rc == 0 && publish(&ro) != 0)
        rc = CLI_EXIT_INPUT;
    if (rc == 0) {
        for (size_t i = 0; i < N_RUN_FILES; i++)
            if (ro.written[i])
                fprintf(stderr, "edustat: wrote %s/%s\n", dir, ro.said[i]);
    }
done:
    if (out_open)
        cli_output_abort(&out);
    if (ro.stage != NULL && rc != 0) {
        /* a failed run leaves nothing behind, and DIR as it was */
        remove_run(ro.stage, 1);
        cli_temp_forget(ro.stage);
    }
    free(ro.stage);
    es_records_writer_free(w);
    es_summary_free(summary);
    es_table_free(table);
    es_facts_free(facts);
    es_corpus_free(corpus);
    free(records_path);
    cli_pipeline_close(&pipe);
    cli_inputs_free(inputs, n_inputs, n_args);
    if (rc == CLI_EXIT_OK && failed)
        rc = CLI_EXIT_INPUT;
    return rc;
}
