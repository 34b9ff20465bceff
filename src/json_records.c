/* records_json.c - records.json with cJSON (see records_json.h). */
#include "edustat/records_json.h"
#include "error_internal.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct es_records_writer {
    FILE *out;
    es_records_format format;
    FILE *docs, *recs, *reds; /* JSON form: one serialised object per entry */
    size_t n_docs, n_recs, n_reds;
    char *buf;                /* scratch for NUL-terminating spans */
    size_t buf_cap;
};

es_status es_records_writer_new(FILE *out, es_records_format format, es_records_writer **wp,
                                es_error *err)
{
    es_records_writer *w = calloc(1, sizeof *w);
    if (w == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    w->out = out;
    w->format = format;
    if (format == ES_RECORDS_JSON) {
        w->docs = tmpfile();
        w->recs = tmpfile();
        w->reds = tmpfile();
        if (w->docs == NULL || w->recs == NULL || w->reds == NULL) {
            es_records_writer_free(w);
            return es_error_set(err, ES_ERR_IO, "", 0, "cannot create a temporary file");
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

/* A C string of s[0..n) in the writer's scratch buffer (NULL on OOM). */
static const char *span(es_records_writer *w, const char *s, size_t n)
{
    if (n + 1 > w->buf_cap) {
        size_t cap = n + 1 > 256 ? n + 1 : 256;
        char *b = realloc(w->buf, cap);
        if (b == NULL)
            return NULL;
        w->buf = b;
        w->buf_cap = cap;
    }
    memcpy(w->buf, s, n);
    w->buf[n] = '\0';
    return w->buf;
}

/* Add a string, or null for NULL. Returns 0 on allocation failure. */
static int add_str(cJSON *o, const char *k, const char *v)
{
    cJSON *item = v ? cJSON_CreateString(v) : cJSON_CreateNull();
    if (item == NULL)
        return 0;
    cJSON_AddItemToObjectCS(o, k, item); /* keys are literals: not copied */
    return 1;
}

/* The same for a string that outlives the object (a name, an id the caller
 * holds during the call): referenced, not copied. */
static int add_ref(cJSON *o, const char *k, const char *v)
{
    cJSON *item = v ? cJSON_CreateStringReference(v) : cJSON_CreateNull();
    if (item == NULL)
        return 0;
    cJSON_AddItemToObjectCS(o, k, item);
    return 1;
}

static int add_num(cJSON *o, const char *k, double v)
{
    cJSON *item;
    if (!isfinite(v)) {
        item = cJSON_CreateNull(); /* JSON has no NaN or Inf */
    } else if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        /* Integers, the common case, printed exactly without printf. */
        char digits[24], *p = digits + sizeof digits;
        unsigned long long u = (unsigned long long)fabs(v);
        *--p = '\0';
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u > 0);
        if (v < 0)
            *--p = '-';
        item = cJSON_CreateRaw(p);
    } else {
        item = cJSON_CreateNumber(v);
    }
    if (item == NULL)
        return 0;
    cJSON_AddItemToObjectCS(o, k, item); /* keys are literals: not copied */
    return 1;
}

static es_status put(es_records_writer *w, cJSON *o, FILE *list, size_t count)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (s == NULL)
        return ES_ERR_NOMEM;
    int ok;
    if (w->format == ES_RECORDS_JSONL)
        ok = fputs(s, w->out) >= 0 && fputc('\n', w->out) != EOF;
    else
        ok = fputs(count ? ",\n" : "\n", list) >= 0 && fputs(s, list) >= 0;
    free(s);
    return ok ? ES_OK : ES_ERR_IO;
}

es_status es_records_writer_document(es_records_writer *w, const es_doc_info *d)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return ES_ERR_NOMEM;
    int ok = 1;
    if (w->format == ES_RECORDS_JSONL)
        ok &= add_str(o, "type", "document");
    ok &= add_str(o, "id", d->id);
    ok &= add_str(o, "file", d->file);
    ok &= add_num(o, "index", d->index);
    ok &= add_str(o, "title", d->title);
    ok &= add_num(o, "start_line", (double)d->start_line);
    ok &= add_num(o, "end_line", (double)d->end_line);
    ok &= add_str(o, "district", d->district);
    ok &= add_str(o, "district_code", d->district_code);
    ok &= add_str(o, "city", d->city);
    if (d->year > 0)
        ok &= add_num(o, "year", d->year);
    else
        ok &= add_str(o, "year", NULL);
    ok &= add_str(o, "district_from", d->district_from);
    ok &= add_str(o, "city_from", d->city_from);
    ok &= add_str(o, "year_from", d->year_from);
    if (!ok) {
        cJSON_Delete(o);
        return ES_ERR_NOMEM;
    }
    es_status st = put(w, o, w->docs, w->n_docs);
    if (st == ES_OK)
        w->n_docs++;
    return st;
}

es_status es_records_writer_record(es_records_writer *w, const es_record *r)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return ES_ERR_NOMEM;
    int ok = 1;
    const es_doc_info *d = r->doc;
    if (w->format == ES_RECORDS_JSONL)
        ok &= add_ref(o, "type", r->redacted ? "redaction" : "record");
    ok &= add_ref(o, "id", r->id);
    ok &= add_ref(o, "doc", d->id);
    ok &= add_ref(o, "file", d->file);
    ok &= add_num(o, "line", (double)r->line);
    ok &= add_num(o, "start", (double)r->start);
    ok &= add_num(o, "end", (double)r->end);
    const char *raw = span(w, r->raw, r->raw_len);
    ok &= raw != NULL && add_str(o, "raw", raw);
    if (!r->redacted)
        ok &= add_num(o, "value", r->value);
    ok &= add_ref(o, "unit", r->unit);
    if (!r->redacted)
        ok &= add_ref(o, "qualifier", es_qualifier_name(r->qualifier));
    ok &= add_ref(o, "indicator", r->indicator);
    ok &= add_ref(o, "label", r->label);
    ok &= add_ref(o, "district", es_record_district(r));
    ok &= add_ref(o, "district_code", es_record_district_code(r));
    ok &= add_ref(o, "city", es_record_city(r));
    int year = es_record_year(r);
    if (year > 0)
        ok &= add_num(o, "year", year);
    else
        ok &= add_str(o, "year", NULL);
    ok &= add_ref(o, "year_from", es_year_source_name(r->year_from));
    ok &= add_ref(o, "basis", es_basis_name(r->basis));
    ok &= add_ref(o, "scope", es_scope_name(r->scope));
    const char *ctx = span(w, r->context, r->context_len);
    ok &= ctx != NULL && add_str(o, "context", ctx);
    if (!ok) {
        cJSON_Delete(o);
        return ES_ERR_NOMEM;
    }
    es_status st;
    if (r->redacted) {
        st = put(w, o, w->reds, w->n_reds);
        if (st == ES_OK)
            w->n_reds++;
    } else {
        st = put(w, o, w->recs, w->n_recs);
        if (st == ES_OK)
            w->n_recs++;
    }
    return st;
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
    if (w->format == ES_RECORDS_JSONL)
        return ES_OK;
    int ok = fputs("{\"schema\": \"edustat.records/2\",\n\"documents\": [", w->out) >= 0 &&
             copy_list(w->docs, w->out) && fputs("\n],\n\"records\": [", w->out) >= 0 &&
             copy_list(w->recs, w->out) && fputs("\n],\n\"redactions\": [", w->out) >= 0 &&
             copy_list(w->reds, w->out) && fputs("\n]}\n", w->out) >= 0;
    if (!ok)
        return es_error_set(err, ES_ERR_IO, "", 0, "cannot write the output");
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
