/*
 * table.h - the table people compare: one row per (indicator, district,
 * year), holding what that district reached in that year, built from
 * extracted records.
 *
 * Records are first collected as facts (es_facts, which copies what it
 * keeps). es_table_build places in a cell only actual figures of the
 * district's own area with a known district and year, each in the cell of
 * its own year (a 2023 summary that states 2021's figure fills 2021).
 * The pick rule: each document's mention that states the total level (the
 * largest for amounts, counts and areas, the first for rates and ratios);
 * of several documents, the one that reports on the cell's year, else the
 * latest; when documents disagree the row says so (conflict). --pick
 * max|first|median applies one rule to all mentions instead. Targets,
 * cumulative totals, wider-area figures, parts, figures without a district
 * or year and figures in another unit are counted in `unplaced` by reason;
 * targets are also listed on their own. Rows are ordered by the lexicon's
 * order, then district, then year, so output is the same however the
 * records arrived (shards merge to the same table).
 */
#ifndef EDUSTAT_TABLE_H
#define EDUSTAT_TABLE_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/extract.h"
#include "edustat/lexicon.h"
#include "edustat/qualifier.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_pick {
    ES_PICK_DEFAULT = 0, /* max for amounts, counts and areas; first for rates, ratios */
    ES_PICK_MAX,
    ES_PICK_FIRST,
    ES_PICK_MEDIAN
} es_pick;

ES_API const char *es_pick_name(es_pick pick); /* "max", "first", "median" */

/* One record as the table needs it. Strings are owned by the es_facts. */
typedef struct es_fact {
    const char *id;
    const char *file;
    int doc_index;
    size_t start;         /* byte offset: with file and doc_index, document order */
    long line;
    const char *quote;    /* the record's context */
    const char *raw;      /* the figure as written */
    size_t indicator;     /* index in the lexicon */
    const char *unit;
    const char *district; /* NULL when unknown */
    const char *district_code;
    const char *city;
    int year;             /* the figure's own year; 0 when unknown */
    es_year_source year_from;
    int doc_year;         /* the year its document reports on; 0 when unknown */
    double value;
    es_qualifier qualifier;
    es_basis basis;
    es_scope scope;
    const char *where;    /* a Word or Excel file's locator as text (Sheet1!C7, 第12段), or NULL */
} es_fact;

typedef struct es_facts es_facts;

/* Facts about indicators of lx (borrowed; must outlive the facts). */
ES_API es_facts *es_facts_new(const es_lexicon *lx);
ES_API void es_facts_free(es_facts *f);

/* Keep a record (redactions and `other` are ignored). */
ES_API es_status es_facts_add(es_facts *f, const es_record *r, es_error *err);
ES_API size_t es_facts_count(const es_facts *f);
/* The i-th fact kept, in the order they were added (i < count). */
ES_API const es_fact *es_facts_at(const es_facts *f, size_t i);
ES_API const es_lexicon *es_facts_lexicon(const es_facts *f);

typedef struct es_row {
    const es_indicator *indicator;
    const char *unit;      /* the indicator's own unit */
    const char *district;
    const char *district_code; /* NULL when unknown */
    const char *city;      /* NULL when unknown */
    int year;
    double value;
    es_qualifier qualifier;
    es_pick pick;          /* the rule used: DEFAULT (per document), MAX, FIRST or MEDIAN */
    size_t n_mentions;
    const es_fact **sources; /* every mention, in document order */
    const es_fact *chosen;   /* the figure the value comes from */
    size_t n_sources;        /* documents giving this cell */
    const es_fact **doc_picks; /* each document's figure for the cell, in document order */
    bool conflict;           /* two documents give different values */
    /* mentions of the same indicator, district and year kept out of the
     * cell (a target, a total over years, a wider area, a part, another
     * unit), in document order: the review page shows them beside it */
    const es_fact **set_aside;
    size_t n_set_aside;
} es_row;

typedef struct es_unplaced {
    const es_indicator *indicator;
    const char *district;  /* NULL when unknown */
    int year;              /* 0 when unknown */
    const char *reason;    /* "target", "cumulative", "wider", "part", "no_district",
                              "no_year", "other_unit" */
    size_t count;
} es_unplaced;

typedef struct es_table {
    es_row *rows;
    size_t n_rows;
    es_unplaced *unplaced;
    size_t n_unplaced;
    /* targets of the districts' own areas with a district, by indicator,
     * district, year: shown beside the table, never in it */
    const es_fact **targets;
    size_t n_targets;
    const es_facts *facts;
} es_table;

ES_API es_status es_table_build(const es_facts *f, es_pick pick, es_table **out, es_error *err);

/* The distinct years of rows [first, end) of t, ascending, into years (at
 * most cap of them: later ones are left out). Returns how many. */
ES_API size_t es_table_years(const es_table *t, size_t first, size_t end, int *years, size_t cap);

/* Why a fact has no cell ("target", "cumulative", "wider", "part",
 * "no_district", "no_year", "other_unit"), or NULL when it has one.
 * own_unit: its indicator's unit in the table. */
ES_API const char *es_fact_unplaced_reason(const es_fact *x, const char *own_unit);
ES_API void es_table_free(es_table *t);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_TABLE_H */
