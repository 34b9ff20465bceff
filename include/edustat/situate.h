/*
 * situate.h - where a figure stands: the year it describes, whether it is
 * what was reached (actual), a plan (target) or a total over several years
 * (cumulative), whose it is (the document's own area, a wider area, a
 * part of it), and which district it belongs to when its paragraph is
 * about another one (docs/contract.md, "Time, basis and scope").
 *
 * The cue words are data (data/situation.tsv), built into the binary. An
 * es_situator is read-only once built, so threads may share it. The state
 * of one document (es_situate_doc) follows the document's figures in text
 * order: headings of plan sections, the year a sentence opened with, the
 * scope of the figure a change refers back to.
 */
#ifndef EDUSTAT_SITUATE_H
#define EDUSTAT_SITUATE_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/gazetteer.h"
#include "edustat/table_cell.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_basis {
    ES_BASIS_ACTUAL = 0, /* the level reached, counted or spent */
    ES_BASIS_TARGET,     /* planned, aimed at or forecast */
    ES_BASIS_CUMULATIVE  /* a total over several years */
} es_basis;

typedef enum es_scope {
    ES_SCOPE_OWN = 0, /* the document's own area (or the district its paragraph is about) */
    ES_SCOPE_WIDER,   /* a larger area: the city, province or country */
    ES_SCOPE_PART     /* some of what the indicator covers: a sub-total, one school, a group */
} es_scope;

typedef enum es_year_source {
    ES_YEAR_DOCUMENT = 0, /* the document's year */
    ES_YEAR_CLAUSE,       /* a year written in the figure's clause or sentence (or none: 由A提高到B) */
    ES_YEAR_RELATIVE      /* 上年, 去年, 明年 counted from the document's year */
} es_year_source;

ES_API const char *es_basis_name(es_basis b);             /* "actual", "target", "cumulative" */
ES_API const char *es_scope_name(es_scope s);             /* "own", "wider", "part" */
ES_API const char *es_year_source_name(es_year_source y); /* "document", "clause", "relative" */
ES_API bool es_basis_parse(const char *name, es_basis *out);
ES_API bool es_scope_parse(const char *name, es_scope *out);
ES_API bool es_year_source_parse(const char *name, es_year_source *out);

typedef struct es_situator es_situator;

/* The situator of the built-in cues (data/situation.tsv). */
ES_API es_status es_situator_new_builtin(es_situator **out, es_error *err);
/* The same from cue text in memory (name is used in messages). */
ES_API es_status es_situator_new_from_text(const char *name, const char *text, size_t len,
                                    es_situator **out, es_error *err);
ES_API void es_situator_free(es_situator *s);

typedef struct es_situation {
    int year;                  /* 0: unknown or not named (由A提高到B) */
    es_year_source year_from;
    es_basis basis;
    es_scope scope;
    const es_division *district; /* another district the paragraph is about, or NULL */
} es_situation;

/* The most cue matches kept for one sentence; later ones are ignored. */
#define ES_SITUATE_MAX_MATCHES 96
/* A sentence is read at most this many bytes back from its figure. */
#define ES_SITUATE_MAX_SENTENCE_BYTES 1536

typedef struct es_situate_match {
    size_t start, end;
    int cls;
    const char *word;
} es_situate_match;

/* The most years read in one sentence. */
#define ES_SITUATE_MAX_YEARS 24

/* A year written in a sentence (2021年, 上年): private to situate.c. */
typedef struct es_situate_year {
    size_t start, end;
    int year;  /* 0 for a relative year whose document year is unknown */
    int shift; /* relative: -1, -2, +1; 0 for a written year */
    bool topic; /* opens its clause: holds for the rest of the sentence */
    bool to;    /* 到2025年: an aim */
} es_situate_year;

/* One document's state. Fields are private: use the functions below. */
typedef struct es_situate_doc {
    const es_situator *s;
    const es_gazetteer *g; /* may be NULL: no district of its own per paragraph */
    const char *text;
    size_t body_start, body_end;
    int doc_year;
    const char *doc_district, *doc_city;
    bool plan_document, city_document;
    /* headings read so far */
    size_t headings_to;
    bool plan_section;
    int plan_level;
    /* the previous figure, which a change (比上年增加…) refers back to */
    size_t prev_start, prev_end, prev_sentence;
    es_scope prev_scope;
    bool have_prev;
    /* the sub-total list (其中…) running in the sentence at list_sentence */
    size_t list_sentence;
    const char *list_unit;
    /* table rows of units inside the area, which make a 合计 row a part too */
    bool sub_unit_rows;
    /* the paragraph last read: its bounds, the district it is about, where a
     * plan period opens one of its sentences (SIZE_MAX: none) */
    size_t para_lo, para_hi, period_at;
    const es_division *para_district;
    bool have_para;
    /* the sentence last read: its bounds, cue matches and years */
    size_t sent_lo, sent_hi, xs_lo; /* xs_lo: carried back over 其中 */
    bool have_sentence;
    size_t n_matches;
    es_situate_match matches[ES_SITUATE_MAX_MATCHES];
    size_t n_years;
    es_situate_year years[ES_SITUATE_MAX_YEARS];
} es_situate_doc;

/* Start a document whose body is text[body_start, body_end); title may be
 * NULL, doc_year 0 when unknown, district and city NULL when unknown. */
ES_API void es_situate_doc_init(es_situate_doc *d, const es_situator *s, const es_gazetteer *g,
                         const char *text, size_t body_start, size_t body_end,
                         const char *title, int doc_year, const char *doc_district,
                         const char *doc_city);

/* Situate the figure text[start, end) with normalised unit and indicator
 * id. cell is its table cell, or NULL for running text. Figures of one
 * document must come in text order. */
ES_API void es_situate(es_situate_doc *d, size_t start, size_t end, const char *unit,
                const char *indicator, const es_table_cell *cell, es_situation *out);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_SITUATE_H */
