/* json_records.c - records.json and JSON Lines (see records_json.h). */
#include "edustat/records_json.h"
#include "error_internal.h"
#include "json_emit_internal.h"

#include <float.h>
#include <math.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct es_records_writer {
    FILE *out;
    es_records_format format;
    FILE *docs, *recs, *reds; /* JSON form: one serialised object per entry */
    size_t n_docs, n_recs, n_reds;
    char *buf;                /* the object being written, kept between objects */
    size_t buf_cap;
};

/* An unnamed temporary file in $TMPDIR (else /tmp): the lists of a JSON
 * file are gathered there before they are written in order. */
static FILE *scratch_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    size_t n = strlen(dir) + 24;
    char *path = malloc(n);
    if (path == NULL)
        return NULL;
    snprintf(path, n, "%s/edustat.XXXXXX", dir);
    int fd = mkstemp(path);
    FILE *f = NULL;
    if (fd >= 0) {
        unlink(path); /* gone when closed, whatever happens */
        f = fdopen(fd, "w+");
        if (f == NULL)
            close(fd);
    }
    free(path);
    return f;
}

es_status es_records_writer_new(FILE *out, es_records_format format, es_records_writer **wp,
                                es_error *err)
{
    es_records_writer *w = calloc(1, sizeof *w);
    if (w == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    w->out = out;
    w->format = format;
    if (format == ES_RECORDS_JSON && out != NULL) {
        w->docs = scratch_file();
        w->recs = scratch_file();
        w->reds = scratch_file();
        if (w->docs == NULL || w->recs == NULL || w->reds == NULL) {
            const char *dir = getenv("TMPDIR");
            es_error_set(err, ES_ERR_IO, dir && dir[0] ? dir : "/tmp", 0,
                         "cannot create a temporary file: %s (set TMPDIR to a writable directory)",
                         strerror(errno));
            es_records_writer_free(w);
            return err ? err->status : ES_ERR_IO;
        }
    }
    *wp = w;
    return ES_OK;
}

void es_records_writer_free(es_records_writer *w)
{
    if (w == NULL)
        return;
    if (w->docs)
        fclose(w->docs);
    if (w->recs)
        fclose(w->recs);
    if (w->reds)
        fclose(w->reds);
    free(w->buf);
    free(w);
}

size_t es_records_writer_count(const es_records_writer *w, size_t *documents, size_t *redactions)
{
    if (documents)
        *documents = w->n_docs;
    if (redactions)
        *redactions = w->n_reds;
    return w->n_recs;
}

/* ---- objects written directly ----------------------------------------------
 * A record is the hot path (one per figure): documents and records are
 * written straight into a growing buffer (json_emit_internal.h) without
 * building, printing and freeing a tree of nodes. */

/* Close the object in b and write it: a line of JSON Lines, or the next
 * entry of one of the lists of records.json (count of them so far). The
 * buffer is kept in w for the next object. */
static es_status emit(es_records_writer *w, es_jbuf *b, FILE *list, size_t *count)
{
    es_jb_put(b, "}", 1);
    if (w->format == ES_RECORDS_JSONL)
        es_jb_put(b, "\n", 1);
    w->buf = b->p;
    w->buf_cap = b->cap;
    if (b->oom)
        return ES_ERR_NOMEM;
    int ok;
    if (w->format == ES_RECORDS_JSONL)
        ok = fwrite(b->p, 1, b->n, w->out) == b->n;
    else
        ok = fputs(*count ? ",\n" : "\n", list) >= 0 && fwrite(b->p, 1, b->n, list) == b->n;
    if (!ok)
        return ES_ERR_WRITE;
    (*count)++;
    return ES_OK;
}

static void jb_year(es_jbuf *b, int year)
{
    if (year > 0)
        es_jb_number(b, year);
    else
        es_jb_put(b, "null", 4);
}

es_status es_records_writer_document(es_records_writer *w, const es_doc_info *d)
{
    if (w->out == NULL) { /* counting only: nothing is printed */
        w->n_docs++;
        return ES_OK;
    }
    es_jbuf b = {w->buf, 0, w->buf_cap, 0};
    int first = 1;
    if (w->format == ES_RECORDS_JSONL) {
        es_jb_key(&b, "type", 1);
        es_jb_cstr(&b, "document");
        first = 0;
    }
    es_jb_key(&b, "id", first);
    es_jb_cstr(&b, d->id);
    es_jb_key(&b, "file", 0);
    es_jb_cstr(&b, d->file);
    es_jb_key(&b, "index", 0);
    es_jb_number(&b, d->index);
    es_jb_key(&b, "title", 0);
    es_jb_cstr(&b, d->title);
    es_jb_key(&b, "start_line", 0);
    es_jb_number(&b, (double)d->start_line);
    es_jb_key(&b, "end_line", 0);
    es_jb_number(&b, (double)d->end_line);
    es_jb_key(&b, "district", 0);
    es_jb_cstr(&b, d->district);
    es_jb_key(&b, "district_code", 0);
    es_jb_cstr(&b, d->district_code);
    es_jb_key(&b, "city", 0);
    es_jb_cstr(&b, d->city);
    es_jb_key(&b, "year", 0);
    jb_year(&b, d->year);
    es_jb_key(&b, "district_from", 0);
    es_jb_cstr(&b, d->district_from);
    es_jb_key(&b, "city_from", 0);
    es_jb_cstr(&b, d->city_from);
    es_jb_key(&b, "year_from", 0);
    es_jb_cstr(&b, d->year_from);
    return emit(w, &b, w->docs, &w->n_docs);
}

es_status es_records_writer_record(es_records_writer *w, const es_record *r)
{
    if (w->out == NULL) {
        (*(r->redacted ? &w->n_reds : &w->n_recs))++;
        return ES_OK;
    }
    es_jbuf b = {w->buf, 0, w->buf_cap, 0};
    const es_doc_info *d = r->doc;
    int first = 1;
    if (w->format == ES_RECORDS_JSONL) {
        es_jb_key(&b, "type", 1);
        es_jb_cstr(&b, r->redacted ? "redaction" : "record");
        first = 0;
    }
    es_jb_key(&b, "id", first);
    es_jb_cstr(&b, r->id);
    es_jb_key(&b, "doc", 0);
    es_jb_cstr(&b, d->id);
    es_jb_key(&b, "file", 0);
    es_jb_cstr(&b, d->file);
    es_jb_key(&b, "line", 0);
    es_jb_number(&b, (double)r->line);
    es_jb_key(&b, "start", 0);
    es_jb_number(&b, (double)r->start);
    es_jb_key(&b, "end", 0);
    es_jb_number(&b, (double)r->end);
    es_jb_key(&b, "raw", 0);
    es_jb_string(&b, r->raw, r->raw_len);
    if (!r->redacted) {
        es_jb_key(&b, "value", 0);
        es_jb_number(&b, r->value);
    }
    es_jb_key(&b, "unit", 0);
    es_jb_cstr(&b, r->unit);
    if (!r->redacted) {
        es_jb_key(&b, "qualifier", 0);
        es_jb_cstr(&b, es_qualifier_name(r->qualifier));
    }
    es_jb_key(&b, "indicator", 0);
    es_jb_cstr(&b, r->indicator);
    es_jb_key(&b, "label", 0);
    es_jb_cstr(&b, r->label);
    es_jb_key(&b, "district", 0);
    es_jb_cstr(&b, es_record_district(r));
    es_jb_key(&b, "district_code", 0);
    es_jb_cstr(&b, es_record_district_code(r));
    es_jb_key(&b, "city", 0);
    es_jb_cstr(&b, es_record_city(r));
    es_jb_key(&b, "year", 0);
    jb_year(&b, es_record_year(r));
    es_jb_key(&b, "year_from", 0);
    es_jb_cstr(&b, es_year_source_name(r->year_from));
    es_jb_key(&b, "basis", 0);
    es_jb_cstr(&b, es_basis_name(r->basis));
    es_jb_key(&b, "scope", 0);
    es_jb_cstr(&b, es_scope_name(r->scope));
    es_jb_key(&b, "context", 0);
    es_jb_string(&b, r->context, r->context_len);
    if (r->locator != NULL) { /* Word and Excel files: where a person finds it */
        const es_locator *l = r->locator;
        es_jb_key(&b, "locator", 0); /* its first key opens the object */
        if (l->sheet != NULL) {
            es_jb_key(&b, "sheet", 1);
            es_jb_cstr(&b, l->sheet);
            es_jb_key(&b, "cell", 0);
            es_jb_cstr(&b, l->cell);
        } else if (l->table > 0) {
            es_jb_key(&b, "table", 1);
            es_jb_number(&b, l->table);
            es_jb_key(&b, "row", 0);
            es_jb_number(&b, l->row);
            es_jb_key(&b, "column", 0);
            es_jb_number(&b, l->column);
        } else if (l->paragraph > 0) {
            es_jb_key(&b, "paragraph", 1);
            es_jb_number(&b, l->paragraph);
        } else {
            es_jb_key(&b, "page", 1);
            es_jb_number(&b, l->page);
            es_jb_key(&b, "line", 0);
            es_jb_number(&b, l->line);
        }
        es_jb_put(&b, "}", 1);
    }
    return emit(w, &b, r->redacted ? w->reds : w->recs, r->redacted ? &w->n_reds : &w->n_recs);
}

static int copy_list(FILE *from, FILE *to)
{
    char buf[1 << 15];
    size_t n;
    if (fflush(from) != 0 || fseek(from, 0, SEEK_SET) != 0)
        return 0;
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        if (fwrite(buf, 1, n, to) != n)
            return 0;
    return !ferror(from);
}

es_status es_records_writer_finish(es_records_writer *w, es_error *err)
{
    if (w->format == ES_RECORDS_JSONL || w->out == NULL)
        return ES_OK;
    int ok = fputs("{\"schema\": \"edustat.records/2\",\n\"documents\": [", w->out) >= 0 &&
             copy_list(w->docs, w->out) && fputs("\n],\n\"records\": [", w->out) >= 0 &&
             copy_list(w->recs, w->out) && fputs("\n],\n\"redactions\": [", w->out) >= 0 &&
             copy_list(w->reds, w->out) && fputs("\n]}\n", w->out) >= 0;
    if (!ok)
        return es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
    return ES_OK;
}

static es_status sink_document(const es_doc_info *d, void *user)
{
    return es_records_writer_document(user, d);
}

static es_status sink_record(const es_record *r, void *user)
{
    return es_records_writer_record(user, r);
}

es_extract_sink es_records_writer_sink(es_records_writer *w)
{
    es_extract_sink s = {sink_document, sink_record, NULL, w};
    return s;
}
