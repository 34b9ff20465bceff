/*
 * corpus.h - what a run read, for the briefing's cover and data-quality
 * pages: files, documents, districts and years covered, figures and
 * blanked figures, documents without a district or year, blanked figures
 * by indicator and figures with approximate qualifiers. Fed record by
 * record like any sink; copies what it keeps.
 */
#ifndef EDUSTAT_CORPUS_H
#define EDUSTAT_CORPUS_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/extract.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Documents listed by name on the data-quality page, at most. */
#define ES_CORPUS_MAX_LISTED 200

typedef struct es_corpus_doc {
    const char *id;
    const char *file;
    const char *title;
    int missing_district, missing_year;
} es_corpus_doc;

/* A blanked figure (`__所`), listed with where it stands. */
typedef struct es_corpus_blank {
    const char *file;
    long line;
    const char *raw;       /* as written */
    const char *context;   /* its clause */
    const char *indicator;
} es_corpus_blank;

typedef struct es_corpus_count {
    const char *name; /* an indicator id, a district or a qualifier */
    size_t count;
} es_corpus_count;

typedef struct es_corpus {
    size_t n_files, n_documents, n_records, n_redactions;
    int first_year, last_year;         /* 0 when no year is known */
    es_corpus_count *districts;        /* documents per district, by name */
    size_t n_districts;
    es_corpus_doc *unplaced_docs;      /* without district or year, in order */
    size_t n_unplaced_docs;            /* how many there are (listed: up to the max) */
    es_corpus_count *redactions;       /* blanked figures per indicator */
    es_corpus_blank *blanks;           /* the first ES_CORPUS_MAX_LISTED, in order */
    size_t n_blanks;
    size_t n_redaction_kinds;
    es_corpus_count *qualifiers;       /* figures per non-exact qualifier */
    size_t n_qualifier_kinds;
    void *priv;                        /* storage */
} es_corpus;

ES_API es_corpus *es_corpus_new(void);
ES_API void es_corpus_free(es_corpus *c);
ES_API es_status es_corpus_add_document(es_corpus *c, const es_doc_info *d);
ES_API es_status es_corpus_add_record(es_corpus *c, const es_record *r);
/* Sort the lists (by name) once everything is in. */
ES_API void es_corpus_finish(es_corpus *c);

#ifdef __cplusplus
}
#endif

#endif
