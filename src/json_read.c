/* json_read.c - records.json and JSON Lines back into documents and
 * records, with cJSON (see json_read.h). */
#include "edustat/json_read.h"
#include "error_internal.h"
#include "growbuf_internal.h"
#include "json_flat_internal.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A document read back, its strings owned here. */
typedef struct doc_copy {
    cJSON *json; /* keeps the strings es_doc_info points at */
    es_doc_info info;
} doc_copy;

typedef struct reader {
    const char *path;
    const es_extract_sink *sink;
    es_error *err;
    doc_copy *docs;
    size_t n_docs, cap_docs;
    size_t last; /* the document the previous record belonged to */
} reader;

/* An object read back: a cJSON tree, or a flat line parsed in place (the
 * fast path for records). */
typedef struct fields {
    const cJSON *c;
    const es_flat *f;
} fields;

#define VALUE_OTHER ((es_flat_type)99) /* an object or array */

static es_flat_value get(const fields *o, const char *k)
{
    if (o->f != NULL)
        return es_flat_get(o->f, k);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o->c, k);
    es_flat_value out = {ES_FLAT_ABSENT, NULL, 0};
    if (v == NULL)
        return out;
    if (cJSON_IsString(v)) {
        out.type = ES_FLAT_STRING;
        out.s = v->valuestring;
    } else if (cJSON_IsNumber(v)) {
        out.type = ES_FLAT_NUMBER;
        out.d = v->valuedouble;
    } else if (cJSON_IsNull(v)) {
        out.type = ES_FLAT_NULL;
    } else if (cJSON_IsBool(v)) {
        out.type = ES_FLAT_BOOL;
        out.d = cJSON_IsTrue(v);
    } else {
        out.type = VALUE_OTHER;
    }
    return out;
}

static const char *get_str(const fields *o, const char *k)
{
    es_flat_value v = get(o, k);
    return v.type == ES_FLAT_STRING ? v.s : NULL;
}

static double get_num(const fields *o, const char *k, double dflt)
{
    es_flat_value v = get(o, k);
    return v.type == ES_FLAT_NUMBER ? v.d : dflt;
}

static const char *get_cstr(const cJSON *o, const char *k)
{
    const fields f = {o, NULL};
    return get_str(&f, k);
}

static es_status fail(reader *r, long line, const char *msg)
{
    return es_error_set(r->err, ES_ERR_FORMAT, r->path, line, "%s", msg);
}

/* A whole number field k of o in [lo, hi] into *out; dflt when it is
 * absent or null. A string, a fraction or a number out of range refuses
 * the line, naming the field: a year of 1e10 or a start of -1 would
 * otherwise wrap around. */
static es_status get_int(reader *r, const fields *o, const char *k, long long dflt, long long lo,
                         long long hi, long line, long long *out)
{
    es_flat_value v = get(o, k);
    *out = dflt;
    if (v.type == ES_FLAT_ABSENT || v.type == ES_FLAT_NULL)
        return ES_OK;
    if (v.type != ES_FLAT_NUMBER)
        return es_error_set(r->err, ES_ERR_FORMAT, r->path, line, "\"%s\" must be a number", k);
    double d = v.d;
    if (!(d >= (double)lo && d <= (double)hi) || d != floor(d))
        return es_error_set(r->err, ES_ERR_FORMAT, r->path, line,
                            "\"%s\" must be a whole number from %lld to %lld", k, lo, hi);
    *out = (long long)d;
    return ES_OK;
}

/* The ranges of the integer fields: lines, offsets (below 2^53, exact in a
 * double), document indexes and years (0: unknown). */
#define MAX_LINE 9007199254740991LL
#define MAX_INDEX 2147483647LL
#define MAX_YEAR 9999LL

/* Takes ownership of o. */
static es_status add_document(reader *r, cJSON *o, long line)
{
    const fields of = {o, NULL};
    const char *id = get_cstr(o, "id"), *file = get_cstr(o, "file");
    if (id == NULL || file == NULL) {
        cJSON_Delete(o);
        return fail(r, line, "a document needs \"id\" and \"file\"");
    }
    if (r->n_docs == r->cap_docs) {
        size_t cap = r->cap_docs ? r->cap_docs * 2 : 64;
        doc_copy *p = realloc(r->docs, cap * sizeof *p);
        if (p == NULL) {
            cJSON_Delete(o);
            return es_error_set(r->err, ES_ERR_NOMEM, r->path, line, "out of memory");
        }
        r->docs = p;
        r->cap_docs = cap;
    }
    doc_copy *d = &r->docs[r->n_docs++];
    memset(d, 0, sizeof *d);
    d->json = o;
    es_doc_info *i = &d->info;
    i->id = id;
    i->file = file;
    long long index, start_line, end_line, year;
    es_status st;
    if ((st = get_int(r, &of, "index", 1, 0, MAX_INDEX, line, &index)) != ES_OK ||
        (st = get_int(r, &of, "start_line", 1, 0, MAX_LINE, line, &start_line)) != ES_OK ||
        (st = get_int(r, &of, "end_line", 1, 0, MAX_LINE, line, &end_line)) != ES_OK ||
        (st = get_int(r, &of, "year", 0, 0, MAX_YEAR, line, &year)) != ES_OK) {
        r->n_docs--;
        cJSON_Delete(o);
        return st;
    }
    i->index = (int)index;
    i->title = get_cstr(o, "title");
    i->start_line = (long)start_line;
    i->end_line = (long)end_line;
    i->district = get_cstr(o, "district");
    i->district_code = get_cstr(o, "district_code");
    i->city = get_cstr(o, "city");
    i->year = (int)year;
    i->district_from = get_cstr(o, "district_from");
    i->city_from = get_cstr(o, "city_from");
    i->year_from = get_cstr(o, "year_from");
    st = r->sink->document ? r->sink->document(i, r->sink->user) : ES_OK;
    if (st != ES_OK)
        return st == ES_ERR_WRITE ? es_error_set(r->err, st, "", 0, "cannot write the output: %s", strerror(errno))
                                  : es_error_set(r->err, st, r->path, line, "cannot write document");
    r->last = r->n_docs - 1;
    return ES_OK;
}

static es_status add_record(reader *r, const fields *o, int redacted, long line)
{
    const char *doc = get_str(o, "doc");
    if (doc == NULL)
        return fail(r, line, "a record needs \"doc\"");
    if (r->n_docs == 0 || strcmp(r->docs[r->last].info.id, doc) != 0) {
        size_t k = r->n_docs;
        while (k-- > 0)
            if (strcmp(r->docs[k].info.id, doc) == 0)
                break;
        if (k == (size_t)-1)
            return es_error_set(r->err, ES_ERR_FORMAT, r->path, line,
                                "record of document '%.200s', which does not come before it", doc);
        r->last = k;
    }
    es_record rec;
    memset(&rec, 0, sizeof rec);
    rec.doc = &r->docs[r->last].info;
    rec.id = get_str(o, "id");
    rec.raw = get_str(o, "raw");
    rec.unit = get_str(o, "unit");
    rec.indicator = get_str(o, "indicator");
    rec.label = get_str(o, "label");
    rec.context = get_str(o, "context");
    if (rec.id == NULL || rec.raw == NULL || rec.unit == NULL || rec.indicator == NULL)
        return fail(r, line, "a record needs \"id\", \"raw\", \"unit\" and \"indicator\"");
    rec.raw_len = strlen(rec.raw);
    rec.context_len = rec.context ? strlen(rec.context) : 0;
    long long rline, rstart, rend;
    es_status st;
    if ((st = get_int(r, o, "line", 0, 0, MAX_LINE, line, &rline)) != ES_OK ||
        (st = get_int(r, o, "start", 0, 0, MAX_LINE, line, &rstart)) != ES_OK ||
        (st = get_int(r, o, "end", 0, 0, MAX_LINE, line, &rend)) != ES_OK)
        return st;
    rec.line = (long)rline;
    rec.start = (size_t)rstart;
    rec.end = (size_t)rend;
    rec.redacted = redacted;
    rec.value = get_num(o, "value", NAN);
    if (!redacted && !isfinite(rec.value))
        return fail(r, line, "a record needs a numeric \"value\"");
    /* edustat.records/2: the figure's own year, district, basis and scope;
     * a /1 file has none of them, and its figures take their document's. */
    const char *yf = get_str(o, "year_from");
    if (yf != NULL) {
        if (!es_year_source_parse(yf, &rec.year_from))
            return fail(r, line, "unknown year_from");
        long long year;
        if ((st = get_int(r, o, "year", 0, 0, MAX_YEAR, line, &year)) != ES_OK)
            return st;
        rec.year = (int)year;
        const char *dist = get_str(o, "district");
        if (dist != NULL && (rec.doc->district == NULL || strcmp(dist, rec.doc->district) != 0)) {
            rec.district = dist;
            rec.district_code = get_str(o, "district_code");
            rec.city = get_str(o, "city");
        }
    }
    const char *basis = get_str(o, "basis"), *scope = get_str(o, "scope");
    if (basis != NULL && !es_basis_parse(basis, &rec.basis))
        return fail(r, line, "unknown basis");
    if (scope != NULL && !es_scope_parse(scope, &rec.scope))
        return fail(r, line, "unknown scope");
    const char *q = get_str(o, "qualifier");
    if (q != NULL && !es_qualifier_parse(q, &rec.qualifier))
        return fail(r, line, "unknown qualifier");
    /* a Word or Excel file's locator: an object, so only in the cJSON path */
    es_locator loc;
    const cJSON *lo = o->c ? cJSON_GetObjectItemCaseSensitive(o->c, "locator") : NULL;
    if (cJSON_IsObject(lo)) {
        memset(&loc, 0, sizeof loc);
        const fields lf = {lo, NULL};
        loc.sheet = get_str(&lf, "sheet");
        const char *cell = get_str(&lf, "cell");
        snprintf(loc.cell, sizeof loc.cell, "%s", cell ? cell : "");
        static const char *const keys[] = {"page", "line", "paragraph", "table", "row", "column"};
        int *slots[] = {&loc.page, &loc.line, &loc.paragraph, &loc.table, &loc.row, &loc.column};
        for (size_t i = 0; i < 6; i++) {
            double v = get_num(&lf, keys[i], 0);
            if (!(v >= 0 && v <= 1e9) || v != floor(v))
                return fail(r, line, "locator: a page, line, paragraph, table, row or column is a whole number");
            *slots[i] = (int)v;
        }
        rec.locator = &loc;
    }
    st = r->sink->record ? r->sink->record(&rec, r->sink->user) : ES_OK;
    if (st != ES_OK)
        return st == ES_ERR_WRITE ? es_error_set(r->err, st, "", 0, "cannot write the output: %s", strerror(errno))
                                  : es_error_set(r->err, st, r->path, line, "cannot write record");
    return ES_OK;
}

static es_status read_object(reader *r, cJSON *root)
{
    const cJSON *docs = cJSON_GetObjectItemCaseSensitive(root, "documents");
    const cJSON *recs = cJSON_GetObjectItemCaseSensitive(root, "records");
    const cJSON *reds = cJSON_GetObjectItemCaseSensitive(root, "redactions");
    if (!cJSON_IsArray(docs) || !cJSON_IsArray(recs))
        return fail(r, 0, "not an edustat records file (no documents and records)");
    /* Documents first (records refer to them), then each one's records in
     * order, as extraction hands them on. */
    const cJSON *d;
    cJSON_ArrayForEach(d, docs)
    {
        cJSON *copy = cJSON_Duplicate(d, 1);
        if (copy == NULL)
            return es_error_set(r->err, ES_ERR_NOMEM, r->path, 0, "out of memory");
        es_status st = add_document(r, copy, 0);
        if (st != ES_OK)
            return st;
    }
    const cJSON *x;
    cJSON_ArrayForEach(x, recs)
    {
        const fields f = {x, NULL};
        es_status st = add_record(r, &f, 0, 0);
        if (st != ES_OK)
            return st;
    }
    if (cJSON_IsArray(reds)) {
        cJSON_ArrayForEach(x, reds)
        {
            const fields f = {x, NULL};
            es_status st = add_record(r, &f, 1, 0);
            if (st != ES_OK)
                return st;
        }
    }
    return ES_OK;
}

/* One JSON Lines object (taken over: freed or kept as a document). */
static es_status handle_object(reader *r, cJSON *o, long no)
{
    const char *type = get_cstr(o, "type");
    if (type != NULL && strcmp(type, "document") == 0)
        return add_document(r, o, no); /* keeps o */
    es_status st;
    const fields f = {o, NULL};
    if (type != NULL && (strcmp(type, "record") == 0 || strcmp(type, "redaction") == 0))
        st = add_record(r, &f, strcmp(type, "redaction") == 0, no);
    else
        st = fail(r, no, "\"type\" must be document, record or redaction");
    cJSON_Delete(o);
    return st;
}

/* The lines of f after line `no`. */
static es_status read_lines(reader *r, FILE *f, long no)
{
    char *line = NULL, *scratch = NULL;
    size_t cap = 0, scratch_cap = 0;
    ssize_t n;
    es_status st = ES_OK;
    es_flat flat = {0};
    while (st == ES_OK && (n = getline(&line, &cap, f)) >= 0) {
        no++;
        if (n == 0 || strspn(line, " \t\r\n") == (size_t)n)
            continue;
        /* A record line is parsed in place in a copy; a document, or any
         * line the flat parser does not take, goes to cJSON whole. */
        if ((size_t)n + 1 > scratch_cap) {
            char *q = realloc(scratch, (size_t)n + 1);
            if (q == NULL) {
                st = es_error_set(r->err, ES_ERR_NOMEM, r->path, no, "out of memory");
                break;
            }
            scratch = q;
            scratch_cap = (size_t)n + 1;
        }
        memcpy(scratch, line, (size_t)n + 1);
        if (es_flat_parse(&flat, scratch, (size_t)n) == 0) {
            es_flat_value type = es_flat_get(&flat, "type");
            int record = type.type == ES_FLAT_STRING && strcmp(type.s, "record") == 0;
            if (record || (type.type == ES_FLAT_STRING && strcmp(type.s, "redaction") == 0)) {
                const fields fo = {NULL, &flat};
                st = add_record(r, &fo, !record, no);
                continue;
            }
        }
        cJSON *o = cJSON_ParseWithLength(line, (size_t)n);
        if (o == NULL || !cJSON_IsObject(o)) {
            cJSON_Delete(o);
            st = fail(r, no, "not a JSON object");
            break;
        }
        st = handle_object(r, o, no);
    }
    free(line);
    free(scratch);
    if (st == ES_OK && ferror(f))
        st = es_error_set(r->err, ES_ERR_IO, r->path, 0, "read error");
    return st;
}

es_status es_read_records_file(const char *path, const es_extract_sink *sink, es_error *err)
{
    reader r = {path, sink, err, NULL, 0, 0, 0};
    struct stat sb;
    if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return es_error_set(err, ES_ERR_IO, path, 0, "is a directory, not a records file");
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL)
        return es_error_set(err, ES_ERR_IO, path, 0, "%s", strerror(errno));
    /* An object ({"schema": ...) is read whole; anything else line by line. */
    int c;
    while ((c = fgetc(f)) == ' ' || c == '\n' || c == '\r' || c == '\t')
        ;
    es_status st;
    if (c == EOF) {
        st = es_error_set(err, ES_ERR_EMPTY, path, 0, "empty file");
    } else if (c == '{') {
        ungetc(c, f);
        /* Peek: JSON Lines also start with '{'. Read the first line. */
        char *first = NULL;
        size_t fcap = 0;
        ssize_t fl = getline(&first, &fcap, f);
        cJSON *probe = fl > 0 ? cJSON_ParseWithLength(first, (size_t)fl) : NULL;
        if (probe != NULL && get_cstr(probe, "type") != NULL) {
            /* JSON Lines: the first line is already parsed, then the rest */
            st = handle_object(&r, probe, 1);
            if (st == ES_OK)
                st = read_lines(&r, f, 1);
        } else {
            cJSON_Delete(probe);
            /* the line already read, then the rest of the file */
            es_growbuf buf = {0};
            size_t len = fl > 0 ? (size_t)fl : 0;
            st = ES_OK;
            if (es_growbuf_reserve(&buf, len) != 0)
                st = es_error_set(err, ES_ERR_NOMEM, path, 0, "out of memory");
            else if (len) {
                memcpy(buf.data, first, len);
                buf.len = len;
            }
            if (st == ES_OK)
                st = es_growbuf_read_stream(&buf, f, ES_MAX_RECORDS_JSON_BYTES, path,
                                            "records file too large; use JSON Lines", err);
            if (st == ES_OK) {
                cJSON *root = cJSON_ParseWithLength(buf.data, buf.len);
                if (root == NULL)
                    st = fail(&r, 0, "not valid JSON");
                else
                    st = read_object(&r, root);
                cJSON_Delete(root);
            }
            free(buf.data);
        }
        free(first);
    } else {
        st = fail(&r, 1, "not an edustat records file");
    }
    if (f != stdin)
        fclose(f);
    for (size_t i = 0; i < r.n_docs; i++)
        cJSON_Delete(r.docs[i].json);
    free(r.docs);
    return st;
}
