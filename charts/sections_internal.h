/*
 * sections_internal.h - an indicator's part of the table as the briefing
 * and the review page show it: its rows, districts and years, the scale
 * its values are shown in (亿元, 万人...), and its two charts (districts
 * in the latest year, sorted; each district across years), drawn on any
 * canvas. Both outputs call these, so their numbers and charts agree.
 */
#ifndef EDUSTAT_SECTIONS_INTERNAL_H
#define EDUSTAT_SECTIONS_INTERNAL_H

#include <stddef.h>

#include "canvas_internal.h"
#include "edustat/status.h"
#include "edustat/table.h"

/* Years an indicator is shown for, at most. */
#define ES_SECTION_MAX_YEARS 512

typedef struct es_section {
    const es_indicator *ind;
    size_t first, end; /* its rows in the table: [first, end) */
    int latest_year;
    size_t n_districts, n_years;
    double divisor;    /* values are shown divided by it, in unit */
    char unit[32];
    int number;        /* 1, 2... among compared sections; 0 when not compared */
} es_section;

/* The generation date as YYYY-MM-DD (UTC) of epoch seconds; now when
 * epoch < 0; "-" when it cannot be told. */
void es_generation_date(long long epoch, char *out, size_t cap);

/* The table's indicators in table order: only those compared (two
 * districts or two years at least) unless all. *out is NULL when there
 * are none. */
es_status es_sections_build(const es_table *t, int all, es_section **out, size_t *n);

/* v in the section's scale: "16.2 亿元", "13.5:1". */
void es_section_value_text(const es_section *s, double v, char *out, size_t cap);
/* A figure's value as its section shows values, or plainly in its own
 * unit (s NULL: the indicator has no section). */
void es_section_fact_text(const es_section *s, const es_fact *x, char *out, size_t cap);
/* A qualifier as a reader writes it after a number ("以上", "左右"...). */
const char *es_qualifier_words(es_qualifier q);
/* Why figures stay out of the table (table.h's reasons) in the order the
 * outputs list them: {code, words a reader knows}. */
#define ES_N_REASONS 7
extern const char *const es_reason_words[ES_N_REASONS][2];

/* Figures kept out of the table for reason (a code of es_reason_words),
 * over all indicators; NULL: for every reason. */
size_t es_unplaced_count(const es_table *t, const char *reason);

/* The unit over the value axis ("比值（X:1）" for ratios). */
const char *es_section_axis_unit(const es_section *s);

/* The heights the charts need at width TEXT_W (the line chart's grows with
 * its legend). */
double es_section_bars_height(const es_section *s);
double es_section_lines_height(const es_section *s);

/* Draw the charts into (x, y, w, h). -1 when out of memory. */
int es_section_bars(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                    double w, double h);
int es_section_lines(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                     double w, double h);

#endif
