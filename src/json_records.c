/* json_records.c - records.json and JSON Lines (see records_json.h). */
#include "edustat/records_json.h"
#include "error_internal.h"

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
 * written straight into a growing buffer, byte for byte as
 * cJSON_PrintUnformatted printed the same objects (the tests compare with
 * golden files), without building, printing and freeing a tree of nodes. */

typedef struct jbuf {
    char *p;
    size_t n, cap;
    int oom;
} jbuf;

static bool jb_grow(jbuf *b, size_t n)
{
    if (b->oom)
        return false;
    size_t cap = b->cap ? b->cap : 512;
    while (cap < b->n + n + 1)
        cap *= 2;
    char *q = realloc(b->p, cap);
    if (q == NULL) {
        b->oom = 1;
        return false;
    }
    b->p = q;
    b->cap = cap;
    return true;
}

static inline void jb_put(jbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap && !jb_grow(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* Bytes cJSON escapes in a string: controls, '"' and '\\' (and NUL, where
 * its C string ends). */
static const unsigned char json_special[256] = {
    [0] = 1,  [1] = 1,  [2] = 1,  [3] = 1,  [4] = 1,  [5] = 1,  [6] = 1,  [7] = 1,
    [8] = 1,  [9] = 1,  [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
    [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
    [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
    ['"'] = 1, ['\\'] = 1,
};

/* s[0..n) (up to a NUL, as cJSON reads a C string) as a JSON string, escaped
 * as cJSON escapes: \" \\ \b \f \n \r \t, other control bytes as \u00xx,
 * everything else as it is; NULL as null. */
static void jb_string(jbuf *b, const char *s, size_t n)
{
    if (s == NULL) {
        jb_put(b, "null", 4);
        return;
    }
    jb_put(b, "\"", 1);
    size_t from = 0, i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!json_special[c])
            continue;
        if (c == '\0')
            break;
        jb_put(b, s + from, i - from);
        from = i + 1;
        char esc[8];
        switch (c) {
        case '"': jb_put(b, "\\\"", 2); break;
        case '\\': jb_put(b, "\\\\", 2); break;
        case '\b': jb_put(b, "\\b", 2); break;
        case '\f': jb_put(b, "\\f", 2); break;
        case '\n': jb_put(b, "\\n", 2); break;
        case '\r': jb_put(b, "\\r", 2); break;
        case '\t': jb_put(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            jb_put(b, esc, 6);
        }
    }
    jb_put(b, s + from, i - from);
    jb_put(b, "\"", 1);
}

static void jb_cstr(jbuf *b, const char *s)
{
    jb_string(b, s, s ? strlen(s) : 0);
}

/* A number as cJSON printed it: integers below 2^53 in digits,
 * others with 15 significant digits, or 17 where 15 do not read back. */
static void jb_number(jbuf *b, double v)
{
    char digits[32];
    if (!isfinite(v)) {
        jb_put(b, "null", 4);
        return;
    }
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        char *p = digits + sizeof digits;
        unsigned long long u = (unsigned long long)fabs(v);
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u > 0);
        if (v < 0)
            *--p = '-';
        jb_put(b, p, (size_t)(digits + sizeof digits - p));
        return;
    }
    int n = snprintf(digits, sizeof digits, "%1.15g", v);
    double back = strtod(digits, NULL);
    if (!(fabs(back - v) <= fmax(fabs(back), fabs(v)) * DBL_EPSILON))
        n = snprintf(digits, sizeof digits, "%1.17g", v);
    jb_put(b, digits, (size_t)n);
}

/* ,"key": (the first key of an object opens it instead); k is a literal */
#define jb_key(b, k, first) jb_key_n(b, k, sizeof(k) - 1, first)
static void jb_key_n(jbuf *b, const char *k, size_t n, int first)
{
    jb_put(b, first ? "{\"" : ",\"", 2);
    jb_put(b, k, n);
    jb_put(b, "\":", 2);
}

/* Close the object in b and write it: a line of JSON Lines, or the next
 * entry of one of the lists of records.json (count of them so far). The
 * buffer is kept in w for the next object. */
static es_status emit(es_records_writer *w, jbuf *b, FILE *list, size_t *count)
{
    jb_put(b, "}", 1);
    if (w->format == ES_RECORDS_JSONL)
        jb_put(b, "\n", 1);
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

static void jb_year(jbuf *b, int year)
{
    if (year > 0)
        jb_number(b, year);
    else
        jb_put(b, "null", 4);
}

es_status es_records_writer_document(es_records_writer *w, const es_doc_info *d)
{
    if (w->out == NULL) { /* counting only: nothing is printed */
        w->n_docs++;
        return ES_OK;
    }
    jbuf b = {w->buf, 0, w->buf_cap, 0};
    int first = 1;
    if (w->format == ES_RECORDS_JSONL) {
        jb_key(&b, "type", 1);
        jb_cstr(&b, "document");
        first = 0;
    }
    jb_key(&b, "id", first);
    jb_cstr(&b, d->id);
    jb_key(&b, "file", 0);
    jb_cstr(&b, d->file);
    jb_key(&b, "index", 0);
    jb_number(&b, d->index);
    jb_key(&b, "title", 0);
    jb_cstr(&b, d->title);
    jb_key(&b, "start_line", 0);
    jb_number(&b, (double)d->start_line);
    jb_key(&b, "end_line", 0);
    jb_number(&b, (double)d->end_line);
    jb_key(&b, "district", 0);
    jb_cstr(&b, d->district);
    jb_key(&b, "district_code", 0);
    jb_cstr(&b, d->district_code);
    jb_key(&b, "city", 0);
    jb_cstr(&b, d->city);
    jb_key(&b, "year", 0);
    jb_year(&b, d->year);
    jb_key(&b, "district_from", 0);
    jb_cstr(&b, d->district_from);
    jb_key(&b, "city_from", 0);
    jb_cstr(&b, d->city_from);
    jb_key(&b, "year_from", 0);
    jb_cstr(&b, d->year_from);
    return emit(w, &b, w->docs, &w->n_docs);
}

es_status es_records_writer_record(es_records_writer *w, const es_record *r)
{
    if (w->out == NULL) {
        (*(r->redacted ? &w->n_reds : &w->n_recs))++;
        return ES_OK;
    }
    jbuf b = {w->buf, 0, w->buf_cap, 0};
    const es_doc_info *d = r->doc;
    int first = 1;
    if (w->format == ES_RECORDS_JSONL) {
        jb_key(&b, "type", 1);
        jb_cstr(&b, r->redacted ? "redaction" : "record");
        first = 0;
    }
    jb_key(&b, "id", first);
    jb_cstr(&b, r->id);
    jb_key(&b, "doc", 0);
    jb_cstr(&b, d->id);
    jb_key(&b, "file", 0);
    jb_cstr(&b, d->file);
    jb_key(&b, "line", 0);
    jb_number(&b, (double)r->line);
    jb_key(&b, "start", 0);
    jb_number(&b, (double)r->start);
    jb_key(&b, "end", 0);
    jb_number(&b, (double)r->end);
    jb_key(&b, "raw", 0);
    jb_string(&b, r->raw, r->raw_len);
    if (!r->redacted) {
        jb_key(&b, "value", 0);
        jb_number(&b, r->value);
    }
    jb_key(&b, "unit", 0);
    jb_cstr(&b, r->unit);
    if (!r->redacted) {
        jb_key(&b, "qualifier", 0);
        jb_cstr(&b, es_qualifier_name(r->qualifier));
    }
    jb_key(&b, "indicator", 0);
    jb_cstr(&b, r->indicator);
    jb_key(&b, "label", 0);
    jb_cstr(&b, r->label);
    jb_key(&b, "district", 0);
    jb_cstr(&b, es_record_district(r));
    jb_key(&b, "district_code", 0);
    jb_cstr(&b, es_record_district_code(r));
    jb_key(&b, "city", 0);
    jb_cstr(&b, es_record_city(r));
    jb_key(&b, "year", 0);
    jb_year(&b, es_record_year(r));
    jb_key(&b, "year_from", 0);
    jb_cstr(&b, es_year_source_name(r->year_from));
    jb_key(&b, "basis", 0);
    jb_cstr(&b, es_basis_name(r->basis));
    jb_key(&b, "scope", 0);
    jb_cstr(&b, es_scope_name(r->scope));
    jb_key(&b, "context", 0);
    jb_string(&b, r->context, r->context_len);
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
