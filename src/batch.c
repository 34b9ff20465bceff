/* batch.c - files extracted on several threads, replayed in input order
 * (see batch.h). */
#include "edustat/batch.h"
#include "arena_internal.h"
#include "error_internal.h"
#include "growbuf_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- one file's output, copied ------------------------------------------------------ */

typedef enum event_kind { EV_DOCUMENT, EV_RECORD, EV_WARNING } event_kind;

typedef struct event {
    event_kind kind;
    size_t index; /* into docs, recs or warnings */
} event;

typedef struct file_log {
    es_arena *arena; /* every string of the copies */
    es_doc_info *docs;
    size_t n_docs, cap_docs;
    es_record *recs; /* rec.doc holds its document's index until replayed, */
    size_t n_recs, cap_recs; /* rec.locator its locator's index + 1 (0: none) */
    es_locator *locs;
    size_t n_locs, cap_locs;
    es_error *warnings;
    size_t n_warnings, cap_warnings;
    event *events;
    size_t n_events, cap_events;
    es_status status; /* es_extract_file's */
    es_error err;
    int oom;
    int done;   /* extracted, ready to replay */
    int stream; /* too large to copy: the calling thread extracts it */
} file_log;

static const char *copy(file_log *l, const char *s, size_t len)
{
    if (s == NULL)
        return NULL;
    const char *c = es_arena_strndup(l->arena, s, len);
    if (c == NULL)
        l->oom = 1;
    return c;
}

static const char *copy_str(file_log *l, const char *s)
{
    return s ? copy(l, s, strlen(s)) : NULL;
}

static int add_event(file_log *l, event_kind kind, size_t index)
{
    if (es_grow_array((void **)&l->events, &l->cap_events, l->n_events, sizeof *l->events) != 0)
        return -1;
    l->events[l->n_events++] = (event){kind, index};
    return 0;
}

static es_status log_document(const es_doc_info *d, void *user)
{
    file_log *l = user;
    if (es_grow_array((void **)&l->docs, &l->cap_docs, l->n_docs, sizeof *l->docs) != 0)
        return ES_ERR_NOMEM;
    es_doc_info *c = &l->docs[l->n_docs];
    *c = *d;
    c->id = copy_str(l, d->id);
    c->file = copy_str(l, d->file);
    c->title = copy_str(l, d->title);
    c->district = copy_str(l, d->district);
    c->district_code = copy_str(l, d->district_code);
    c->city = copy_str(l, d->city);
    c->district_from = copy_str(l, d->district_from);
    c->city_from = copy_str(l, d->city_from);
    c->year_from = copy_str(l, d->year_from);
    if (l->oom || add_event(l, EV_DOCUMENT, l->n_docs) != 0)
        return ES_ERR_NOMEM;
    l->n_docs++;
    return ES_OK;
}

static es_status log_record(const es_record *r, void *user)
{
    file_log *l = user;
    if (es_grow_array((void **)&l->recs, &l->cap_recs, l->n_recs, sizeof *l->recs) != 0 || l->n_docs == 0)
        return ES_ERR_NOMEM;
    es_record *c = &l->recs[l->n_recs];
    *c = *r;
    /* records come after their document: the last one logged */
    c->doc = (const es_doc_info *)(uintptr_t)(l->n_docs - 1);
    c->locator = NULL;
    if (r->locator != NULL) {
        if (es_grow_array((void **)&l->locs, &l->cap_locs, l->n_locs, sizeof *l->locs) != 0)
            return ES_ERR_NOMEM;
        l->locs[l->n_locs] = *r->locator;
        l->locs[l->n_locs].sheet = copy_str(l, r->locator->sheet);
        c->locator = (const es_locator *)(uintptr_t)++l->n_locs;
    }
    c->id = copy_str(l, r->id);
    c->raw = copy(l, r->raw, r->raw_len);
    c->unit = copy_str(l, r->unit);
    c->indicator = copy_str(l, r->indicator);
    c->label = copy_str(l, r->label);
    c->context = copy(l, r->context, r->context_len);
    c->district = copy_str(l, r->district);
    c->district_code = copy_str(l, r->district_code);
    c->city = copy_str(l, r->city);
    if (l->oom || add_event(l, EV_RECORD, l->n_recs) != 0)
        return ES_ERR_NOMEM;
    l->n_recs++;
    return ES_OK;
}

static void log_warning(const es_error *w, void *user)
{
    file_log *l = user;
    if (es_grow_array((void **)&l->warnings, &l->cap_warnings, l->n_warnings, sizeof *l->warnings) != 0 ||
        add_event(l, EV_WARNING, l->n_warnings) != 0) {
        l->oom = 1;
        return;
    }
    l->warnings[l->n_warnings++] = *w;
}

static void log_free(file_log *l)
{
    es_arena_free(l->arena);
    free(l->docs);
    free(l->recs);
    free(l->locs);
    free(l->warnings);
    free(l->events);
    memset(l, 0, sizeof *l);
}

/* Empty the log for the next file, keeping its memory: a slot serves file
 * after file, and allocating afresh for each (in a worker, freed by the
 * calling thread) cost 8% more CPU at -j 2 than at -j 1. */
static void log_reset(file_log *l)
{
    if (l->arena != NULL)
        es_arena_reset(l->arena);
    l->n_docs = l->n_recs = l->n_locs = l->n_warnings = l->n_events = 0;
    l->status = ES_OK;
    es_error_clear(&l->err);
    l->oom = l->done = l->stream = 0;
}

/* Hand a file's copies to the sink as extraction would have; the file's
 * status and error, or the sink's. */
static es_status replay(file_log *l, const es_extract_sink *sink, es_error *err)
{
    for (size_t i = 0; i < l->n_events; i++) {
        const event *e = &l->events[i];
        es_status st = ES_OK;
        if (e->kind == EV_DOCUMENT) {
            const es_doc_info *d = &l->docs[e->index];
            if (sink->document && (st = sink->document(d, sink->user)) != ES_OK) {
                if (st == ES_ERR_WRITE)
                    return es_error_set(err, st, "", 0, "cannot write the output: %s", strerror(errno));
                return es_error_set(err, st, d->file, d->start_line, "cannot write document");
            }
        } else if (e->kind == EV_RECORD) {
            es_record *r = &l->recs[e->index];
            r->doc = &l->docs[(uintptr_t)r->doc];
            if (r->locator != NULL)
                r->locator = &l->locs[(uintptr_t)r->locator - 1];
            if (sink->record && (st = sink->record(r, sink->user)) != ES_OK) {
                if (st == ES_ERR_WRITE)
                    return es_error_set(err, st, "", 0, "cannot write the output: %s", strerror(errno));
                return es_error_set(err, st, r->doc->file, r->line, "cannot write record");
            }
        } else if (sink->warning) {
            sink->warning(&l->warnings[e->index], sink->user);
        }
    }
    *err = l->err;
    return l->status;
}

/* ---- the workers ----------------------------------------------------------------------- */

typedef struct batch {
    const char *const *paths;
    size_t n;
    const es_extract_options *opt;
    file_log *slots; /* file i in slots[i % window] */
    size_t window;
    size_t next;     /* the next file a worker takes */
    size_t replayed; /* files handed to the sink so far */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} batch;

static int too_large_to_copy(const char *path)
{
    struct stat sb;
    return strcmp(path, "-") == 0 || (stat(path, &sb) == 0 && (long long)sb.st_size > ES_BATCH_STREAM_BYTES);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        while (!b->stop && b->next < b->n && b->next >= b->replayed + b->window)
            pthread_cond_wait(&b->cv, &b->mu);
        if (b->stop || b->next >= b->n) {
            pthread_mutex_unlock(&b->mu);
            return NULL;
        }
        size_t i = b->next++;
        pthread_mutex_unlock(&b->mu);
        file_log *l = &b->slots[i % b->window]; /* cleared when its last file was replayed */
        es_error_clear(&l->err);
        if (too_large_to_copy(b->paths[i])) {
            l->stream = 1;
        } else {
            if (l->arena == NULL)
                l->arena = es_arena_new();
            if (l->arena == NULL) {
                l->status = es_error_set(&l->err, ES_ERR_NOMEM, "", 0, "out of memory");
            } else {
                es_extract_sink log = {log_document, log_record, log_warning, l};
                l->status = es_extract_file(b->paths[i], b->opt, &log, &l->err);
                if (l->oom && l->status == ES_OK)
                    l->status = es_error_set(&l->err, ES_ERR_NOMEM, "", 0, "out of memory");
            }
        }
        pthread_mutex_lock(&b->mu);
        l->done = 1;
        pthread_cond_broadcast(&b->cv);
        pthread_mutex_unlock(&b->mu);
    }
}

int es_batch_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

es_status es_extract_files(const char *const *paths, size_t n, const es_extract_options *opt, int n_threads,
                           const es_extract_sink *sink, es_batch_done done, void *user)
{
    es_error err;
    if (n_threads <= 1 || n <= 1) {
        for (size_t i = 0; i < n; i++) {
            es_error_clear(&err);
            es_status st = es_extract_file(paths[i], opt, sink, &err);
            if (done(i, st, &err, user) != 0)
                break;
        }
        return ES_OK;
    }
    if ((size_t)n_threads > n)
        n_threads = (int)n;
    batch b;
    memset(&b, 0, sizeof b);
    b.paths = paths;
    b.n = n;
    b.opt = opt;
    /* files extracted ahead of the one being handed on: enough that one
     * long file does not leave the workers idle (with 2 per thread, 1.77
     * of 2 CPUs were busy at -j 2; with 8, 1.87), bounded for many cores */
    b.window = 8 * (size_t)n_threads < (size_t)n_threads + 32 ? 8 * (size_t)n_threads : (size_t)n_threads + 32;
    b.slots = calloc(b.window, sizeof *b.slots);
    pthread_t *threads = calloc((size_t)n_threads, sizeof *threads);
    if (b.slots == NULL || threads == NULL || pthread_mutex_init(&b.mu, NULL) != 0) {
        free(b.slots);
        free(threads);
        return ES_ERR_NOMEM;
    }
    pthread_cond_init(&b.cv, NULL);
    int started = 0;
    for (; started < n_threads; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0)
            break;
    for (size_t i = 0; i < n; i++) {
        file_log *l = &b.slots[i % b.window];
        pthread_mutex_lock(&b.mu);
        while (!(b.next > i && l->done) && started > 0)
            pthread_cond_wait(&b.cv, &b.mu);
        pthread_mutex_unlock(&b.mu);
        es_error_clear(&err);
        es_status st;
        if (started == 0 || l->stream)
            st = es_extract_file(paths[i], opt, sink, &err); /* straight to the sink */
        else
            st = replay(l, sink, &err);
        log_reset(l);
        int stop = done(i, st, &err, user);
        pthread_mutex_lock(&b.mu);
        b.replayed = i + 1;
        b.stop = stop;
        pthread_cond_broadcast(&b.cv);
        pthread_mutex_unlock(&b.mu);
        if (stop)
            break;
    }
    pthread_mutex_lock(&b.mu);
    b.stop = 1;
    pthread_cond_broadcast(&b.cv);
    pthread_mutex_unlock(&b.mu);
    for (int k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    for (size_t k = 0; k < b.window; k++)
        log_free(&b.slots[k]);
    pthread_cond_destroy(&b.cv);
    pthread_mutex_destroy(&b.mu);
    free(b.slots);
    free(threads);
    return ES_OK;
}
