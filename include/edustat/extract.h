/*
 * extract.h - the extraction pipeline: file -> documents -> quantities ->
 * records with provenance, handed one by one to a sink.
 *
 * Nothing is kept after a file is done, so memory does not grow with the
 * number of files. Strings in es_doc_info and es_record point into buffers
 * that live only for the duration of the callback; copy what you keep.
 */
#ifndef EDUSTAT_EXTRACT_H
#define EDUSTAT_EXTRACT_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/classify.h"
#include "edustat/document.h"
#include "edustat/gazetteer.h"
#include "edustat/locator.h"
#include "edustat/manifest.h"
#include "edustat/qualifier.h"
#include "edustat/situate.h"
#include "edustat/source.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_extract_options {
    es_split_mode split;
    const char *district; /* overrides for every document, or NULL */
    const char *city;
    int year;             /* 0: detect */
    /* Borrowed, may be NULL: without a classifier every indicator is
     * "other"; without a gazetteer district and city are not detected. */
    const es_classifier *classifier;
    const es_gazetteer *gazetteer;
    const es_manifest *manifest;
    /* Borrowed, may be NULL: without it every figure takes its document's
     * year and district and is an actual of the document's own area. */
    const es_situator *situator;
} es_extract_options;

typedef struct es_doc_info {
    const char *id;       /* "FILE#INDEX" */
    const char *file;     /* the path as given */
    int index;
    const char *title;
    long start_line, end_line;
    const char *district; /* NULL when unknown */
    const char *district_code; /* GB/T 2260, NULL when unknown */
    const char *city;
    int year;             /* 0 when unknown */
    /* where each came from: "title", "body", "option", "manifest"; NULL if unknown */
    const char *district_from, *city_from, *year_from;
} es_doc_info;

typedef struct es_record {
    const char *id;       /* "FILE#INDEX@START": stable, unique */
    const es_doc_info *doc;
    long line;            /* 1-based line in the file */
    size_t start, end;    /* byte offsets in the file */
    const char *raw;      /* as the source wrote it (UTF-8), raw_len bytes */
    size_t raw_len;
    double value;         /* meaningless when redacted */
    const char *unit;
    es_qualifier qualifier;
    const char *indicator; /* lexicon id, "other" by default */
    const char *label;     /* its Chinese label, or NULL */
    /* The lexicon entry the classifier chose, so that those who know the
     * lexicon need not look the id up again; NULL when not known (records
     * read from JSON). */
    const es_indicator *indicator_entry;
    const char *context;  /* the clause around it, context_len bytes */
    size_t context_len;
    bool redacted;
    /* The figure's own year, district and city (docs/contract.md, "Time,
     * basis and scope"): its document's unless its clause or paragraph
     * says otherwise. year 0: unknown or not named. */
    int year;
    es_year_source year_from;
    const char *district, *district_code, *city;
    es_basis basis;
    es_scope scope;
    /* Where it stands in a Word or Excel file (sheet and cell, paragraph or
     * table cell); NULL for text and HTML, where line and start say it. */
    const es_locator *locator;
} es_record;

/* The figure's year, district, district code and city: its own where set,
 * else its document's (year_from ES_YEAR_DOCUMENT, district NULL). */
ES_API int es_record_year(const es_record *r);
ES_API const char *es_record_district(const es_record *r);
ES_API const char *es_record_district_code(const es_record *r);
ES_API const char *es_record_city(const es_record *r);

typedef struct es_extract_sink {
    es_status (*document)(const es_doc_info *doc, void *user);
    es_status (*record)(const es_record *rec, void *user);
    /* Optional: problems that did not stop the file (replaced bytes,
     * numbers too large to hold). err->file and err->line say where. */
    void (*warning)(const es_error *warning, void *user);
    void *user;
} es_extract_sink;

/* Extract every document of an already loaded source. */
ES_API es_status es_extract_source(const es_source *src, const es_extract_options *opt,
                            const es_extract_sink *sink, es_error *err);

/* Load path ("-" for standard input) and extract it. */
ES_API es_status es_extract_file(const char *path, const es_extract_options *opt,
                          const es_extract_sink *sink, es_error *err);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_EXTRACT_H */
