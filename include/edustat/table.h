/*
 * table.h - the table people compare: one row per (indicator, district,
 * year), holding the headline figure for that indicator in that district
 * and year, built from extracted records.
 *
 * Records are first collected as facts (es_facts, which copies what it
 * keeps), then es_table_build picks each row's figure: the largest mention
 * for amounts, counts and areas, the first mention for rates and ratios
 * (or the rule the caller asks for). Records whose document has no district
 * or year, or whose unit is not the indicator's own, are counted in the
 * `unplaced` list instead of being dropped silently. Rows are ordered by
 * the lexicon's order, then district, then year, so output is the same
 * however the records arrived (shards merge to the same table).
 */
#ifndef EDUSTAT_TABLE_H
#define EDUSTAT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "edustat/extract.h"
#include "edustat/lexicon.h"
#include "edustat/scan.h"
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

const char *es_pick_name(es_pick pick); /* "max", "first", "median" */

/* One record as the table needs it. Strings are owned by the es_facts. */
typedef struct es_fact {
    const char *id;
    const char *file;
    int doc_index;
    size_t start;         /* byte offset: with file and doc_index, document order */
    long line;
    const char *quote;    /* the record's context */
    size_t indicator;     /* index in the lexicon */
    const char *unit;
    const char *district; /* NULL when unknown */
    const char *district_code;
    const char *city;
    int year;             /* 0 when unknown */
    double value;
    es_qualifier qualifier;
} es_fact;

typedef struct es_facts es_facts;

/* Facts about indicators of lx (borrowed; must outlive the facts). */
es_facts *es_facts_new(const es_lexicon *lx);
void es_facts_free(es_facts *f);

/* Keep a record (redactions and `other` are ignored). */
es_status es_facts_add(es_facts *f, const es_record *r, es_error *err);
size_t es_facts_count(const es_facts *f);
const es_lexicon *es_facts_lexicon(const es_facts *f);

typedef struct es_row {
    const es_indicator *indicator;
    const char *unit;      /* the indicator's own unit */
    const char *district;
    const char *district_code; /* NULL when unknown */
    const char *city;      /* NULL when unknown */
    int year;
    double value;
    es_qualifier qualifier;
    es_pick pick;          /* the rule used: MAX, FIRST or MEDIAN */
    size_t n_mentions;
    const es_fact **sources; /* every mention, in document order */
    const es_fact *chosen;   /* the figure the value comes from */
} es_row;

typedef struct es_unplaced {
    const es_indicator *indicator;
    const char *district;  /* NULL when unknown */
    int year;              /* 0 when unknown */
    const char *reason;    /* "no_district", "no_year", "no_district_no_year", "other_unit" */
    size_t count;
} es_unplaced;

typedef struct es_table {
    es_row *rows;
    size_t n_rows;
    es_unplaced *unplaced;
    size_t n_unplaced;
    const es_facts *facts;
} es_table;

es_status es_table_build(const es_facts *f, es_pick pick, es_table **out, es_error *err);
void es_table_free(es_table *t);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_TABLE_H */
