/* extract.c - the extraction pipeline (see extract.h). */
#include "edustat/extract.h"
#include "edustat/scan.h"
#include "edustat/metadata.h"
#include "error_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Context of a table cell: its row label and column header, then the cell. */
#define ES_CELL_CONTEXT_MAX 512

typedef struct doc_scan {
    const es_source *src;
    const es_classifier *classifier;
    const es_extract_sink *sink;
    const es_doc_info *info;
    es_situate_doc *situ; /* NULL without a situator */
    const char *text;
    size_t text_len;
    es_status status;
    es_error *err;
    char *id;      /* the record's id: the document's, @ and an offset */
    size_t id_cap;
} doc_scan;

/* Does a column header name a change rather than a level (经费增减,
 * 比上年增长, 增幅)? Its figures stay records, under "other", never cells of
 * the table: a cell holds what a district reached. */
static bool names_change(const char *header)
{
    static const char *const words[] = {"增减", "增长", "增幅", "增加", "减少", "变化", "比上年", "同比", "较上年"};
    for (size_t i = 0; header != NULL && i < sizeof words / sizeof words[0]; i++)
        if (strstr(header, words[i]) != NULL)
            return true;
    return false;
}

static int on_quantity(const es_quantity *q, void *user)
{
    doc_scan *d = user;
    es_record r;
    memset(&r, 0, sizeof r);
    r.doc = d->info;
    r.start = es_source_offset(d->src, q->start);
    r.end = es_source_offset(d->src, q->end);
    r.line = es_source_line(d->src, q->start);
    r.raw = d->text + q->start;
    r.raw_len = q->end - q->start;
    /* a figure wrapped over two lines keeps the file's line break */
    size_t raw_len;
    const char *raw = es_source_original(d->src, q->start, q->end, &raw_len);
    if (raw != NULL) {
        r.raw = raw;
        r.raw_len = raw_len;
    }
    r.value = q->value;
    r.unit = q->unit;
    r.qualifier = q->qualifier;
    r.indicator = "other";
    if (d->classifier != NULL) {
        const es_indicator *ind;
        if (q->cell != NULL && names_change(q->cell->header)) {
            ind = NULL; /* a column of changes (经费增减, 比上年增长) holds no level */
        } else if (q->cell != NULL) {
            /* A table cell is classified by its column header. */
            char head[ES_CELL_CONTEXT_MAX];
            int n = snprintf(head, sizeof head, "%s", q->cell->header);
            size_t hn = n < 0 ? 0 : (size_t)n >= sizeof head ? sizeof head - 1 : (size_t)n;
            ind = es_classify(d->classifier, head, hn, hn, hn, q->unit);
        } else {
            ind = es_classify(d->classifier, d->text, d->text_len, q->start, q->end, q->unit);
        }
        if (ind != NULL) {
            r.indicator = ind->id;
            r.label = ind->label;
            r.indicator_entry = ind;
        }
    }
    r.redacted = q->redacted;
    r.locator = es_source_locator(d->src, q->start);
    if (d->situ != NULL) {
        es_situation where;
        es_situate(d->situ, q->start, q->end, q->unit, r.indicator, q->cell, &where);
        r.year = where.year;
        r.year_from = where.year_from;
        r.basis = where.basis;
        r.scope = where.scope;
        if (where.district != NULL) {
            r.district = where.district->name;
            r.district_code = where.district->code;
            r.city = where.district->city[0] ? where.district->city : d->info->city;
        }
    }
    char cell_context[ES_CELL_CONTEXT_MAX];
    if (q->cell != NULL) {
        int n = snprintf(cell_context, sizeof cell_context, "%s %s %.*s", q->cell->row_label,
                         q->cell->header, (int)r.raw_len, r.raw);
        r.context = cell_context;
        r.context_len = n < 0 ? 0 : (size_t)n >= sizeof cell_context ? sizeof cell_context - 1 : (size_t)n;
        /* never end inside a UTF-8 sequence */
        while (r.context_len > 0 && ((unsigned char)cell_context[r.context_len] & 0xC0) == 0x80)
            r.context_len--;
    } else {
        size_t cs, ce;
        es_scan_context(d->text, d->text_len, q->start, q->end, &cs, &ce);
        r.context = d->text + cs;
        r.context_len = ce - cs;
    }
    snprintf(d->id, d->id_cap, "%s@%zu", d->info->id, r.start);
    r.id = d->id;
    es_status st = d->sink->record ? d->sink->record(&r, d->sink->user) : ES_OK;
    if (st != ES_OK) {
        d->status = st;
        if (st == ES_ERR_WRITE) /* the output's fault, not the input's: the caller names it */
            es_error_set(d->err, st, "", 0, "cannot write the output: %s", strerror(errno));
        else
            es_error_set(d->err, st, es_source_name(d->src), r.line, "cannot write record");
        return 1;
    }
    return 0;
}

static void on_note(es_scan_note_kind kind, size_t start, size_t end, void *user)
{
    doc_scan *d = user;
    if (d->sink->warning == NULL || kind != ES_SCAN_NOTE_OVERFLOW)
        return;
    es_error w;
    es_error_set(&w, ES_ERR_LIMIT, es_source_name(d->src), es_source_line(d->src, start),
                 "number of %zu bytes too long or too large to hold, skipped", end - start);
    d->sink->warning(&w, d->sink->user);
}

/* Detected metadata, then the manifest's, then the options' (the user's
 * word beats the detector's). */
static void apply_metadata(es_doc_info *info, const es_doc_meta *meta, const es_extract_options *opt,
                           const es_manifest_entry *man)
{
    if (meta->district[0]) {
        info->district = meta->district;
        info->district_code = meta->district_code[0] ? meta->district_code : NULL;
        info->district_from = meta->district_from;
    }
    if (meta->city[0]) {
        info->city = meta->city;
        info->city_from = meta->city_from;
    }
    if (meta->year) {
        info->year = meta->year;
        info->year_from = meta->year_from;
    }
    if (man && man->district) {
        info->district = man->district;
        info->district_code = NULL;
        info->district_from = "manifest";
    }
    if (man && man->city) {
        info->city = man->city;
        info->city_from = "manifest";
    }
    if (man && man->year) {
        info->year = man->year;
        info->year_from = "manifest";
    }
    if (opt->district) {
        info->district = opt->district;
        info->district_code = NULL;
        info->district_from = "option";
    }
    if (opt->city) {
        info->city = opt->city;
        info->city_from = "option";
    }
    if (opt->year) {
        info->year = opt->year;
        info->year_from = "option";
    }
    /* A district named by the user keeps its code when the gazetteer knows it. */
    if (info->district && info->district_code == NULL && opt->gazetteer) {
        const es_division *d = es_gazetteer_county(opt->gazetteer, info->district, info->city);
        if (d != NULL)
            info->district_code = d->code;
    }
}

es_status es_extract_source(const es_source *src, const es_extract_options *opt,
                            const es_extract_sink *sink, es_error *err)
{
    static const es_extract_options defaults = {ES_SPLIT_AUTO, NULL, NULL, 0, NULL, NULL, NULL, NULL};
    if (opt == NULL)
        opt = &defaults;
    const char *name = es_source_name(src);
    long bad_line = 0;
    size_t bad = es_source_invalid_bytes(src, &bad_line);
    if (bad > 0 && sink->warning) {
        es_error w;
        es_error_set(&w, ES_ERR_ENCODING, name, bad_line,
                     "%zu invalid byte%s in %s text replaced by U+FFFD", bad, bad == 1 ? "" : "s",
                     es_source_encoding(src));
        sink->warning(&w, sink->user);
    }
    size_t n_notes;
    const char *const *notes = es_source_notes(src, &n_notes);
    for (size_t i = 0; i < n_notes && sink->warning; i++) {
        es_error w;
        es_error_set(&w, ES_ERR_FORMAT, name, 0, "%s", notes[i]);
        sink->warning(&w, sink->user);
    }
    size_t gaps = es_source_gaps(src);
    if (gaps > 0 && sink->warning) {
        es_error w;
        es_error_set(&w, ES_ERR_FORMAT, name, 0,
                     "%zu table cell%s with no figure (empty, or an error such as #DIV/0!) left out as gaps, "
                     "not zeros",
                     gaps, gaps == 1 ? "" : "s");
        sink->warning(&w, sink->user);
    }
    es_document *docs = NULL;
    size_t n_docs = 0;
    es_status st = es_split_documents(src, opt->split, &docs, &n_docs, err);
    if (st != ES_OK)
        return st;
    size_t len, n_cells;
    const char *text = es_source_text(src, &len);
    const es_table_cell *cells = es_source_cells(src, &n_cells);
    /* ids hold the whole path, however long: two files never share one */
    size_t id_cap = strlen(name) + 48;
    char *doc_id = malloc(id_cap), *rec_id = malloc(id_cap + 24);
    if (doc_id == NULL || rec_id == NULL) {
        free(doc_id);
        free(rec_id);
        free(docs);
        return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    }
    for (size_t i = 0; i < n_docs && st == ES_OK; i++) {
        snprintf(doc_id, id_cap, "%s#%d", name, docs[i].index);
        es_doc_meta meta;
        memset(&meta, 0, sizeof meta);
        /* the publishing office speaks for a file of one document only */
        if (opt->gazetteer != NULL)
            es_detect_metadata_published(opt->gazetteer, docs[i].title, n_docs == 1 ? es_source_publisher(src) : NULL,
                                         n_docs == 1 ? es_source_published_year(src) : 0, text,
                                         docs[i].body_start, docs[i].body_end, &meta);
        es_doc_info info;
        memset(&info, 0, sizeof info);
        info.id = doc_id;
        info.file = name;
        info.index = docs[i].index;
        info.title = docs[i].title;
        info.start_line = docs[i].start_line;
        info.end_line = docs[i].end_line;
        apply_metadata(&info, &meta, opt, es_manifest_find(opt->manifest, name, docs[i].index));
        if (sink->document && (st = sink->document(&info, sink->user)) != ES_OK) {
            if (st == ES_ERR_WRITE)
                es_error_set(err, st, "", 0, "cannot write the output: %s", strerror(errno));
            else
                es_error_set(err, st, name, docs[i].start_line, "cannot write document");
            break;
        }
        es_situate_doc situ;
        if (opt->situator != NULL)
            es_situate_doc_init(&situ, opt->situator, opt->gazetteer, text, docs[i].body_start,
                                docs[i].body_end, info.title, info.year, info.district, info.city);
        doc_scan d = {src,  opt->classifier, sink, &info, opt->situator ? &situ : NULL,
                      text, len,             ES_OK, err,  rec_id, id_cap + 24};
        es_scan_callbacks cb = {on_quantity, on_note, &d};
        /* Cells are sorted by offset; hand the scanner those of this body. */
        size_t c0 = 0;
        while (c0 < n_cells && cells[c0].start < docs[i].body_start)
            c0++;
        size_t c1 = c0;
        while (c1 < n_cells && cells[c1].start < docs[i].body_end)
            c1++;
        es_scan_range(text, len, docs[i].body_start, docs[i].body_end, cells ? cells + c0 : NULL,
                      c1 - c0, &cb);
        st = d.status;
    }
    free(docs);
    free(doc_id);
    free(rec_id);
    return st;
}

int es_record_year(const es_record *r)
{
    return r->year_from == ES_YEAR_DOCUMENT ? r->doc->year : r->year;
}

const char *es_record_district(const es_record *r)
{
    return r->district ? r->district : r->doc->district;
}

const char *es_record_district_code(const es_record *r)
{
    return r->district ? r->district_code : r->doc->district_code;
}

const char *es_record_city(const es_record *r)
{
    return r->district ? r->city : r->doc->city;
}

es_status es_extract_file(const char *path, const es_extract_options *opt,
                          const es_extract_sink *sink, es_error *err)
{
    es_source *src = NULL;
    es_status st = es_source_load(path, &src, err);
    if (st != ES_OK)
        return st;
    st = es_extract_source(src, opt, sink, err);
    es_source_free(src);
    return st;
}
