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
#include "charts_internal.h"
#include "edustat/status.h"
#include "edustat/table.h"

/* Years an indicator is shown for, at most. */
#define ES_SECTION_MAX_YEARS 512

typedef struct es_section {
    const es_indicator *ind;
    size_t first, end; /* its rows in the table: [first, end) */
    int latest_year;
    size_t n_districts, n_years;
    double divisor;    /* values are shown divided by it, in unit, */
    char unit[32];
    int decimals;      /* with this many decimals (es_value_scale) */
    int number;        /* 1, 2... among compared sections; 0 when not compared */
    int with_city;     /* the table holds districts of two cities or more */
    es_bar_layout bars_layout; /* the latest year's chart */
    size_t n_bars;             /* districts in it */
} es_section;

/* The generation date as YYYY-MM-DD (UTC) of epoch seconds; now when
 * epoch < 0; "-" when it cannot be told. */
void es_generation_date(long long epoch, char *out, size_t cap);

/* The table's indicators in table order: only those compared (two
 * districts or two years at least) unless all. *out is NULL when there
 * are none. */
es_status es_sections_build(const es_table *t, int all, es_section **out, size_t *n);

/* The rows of the section's latest year, best first (the highest, or the
 * lowest where lower is better; ties by district): malloc'd, *n of them,
 * NULL when out of memory. The bar chart, the ranking table and the
 * findings all take this order. */
const es_row **es_section_latest_rows(const es_table *t, const es_section *s, size_t *n);

/* A district as the briefing names it: "福州市鼓楼区" when the table
 * compares districts of several cities (鼓楼区 is in more than one). */
void es_section_place(const es_section *s, const char *district, const char *city, char *out, size_t cap);

/* v in the section's scale and decimals: "6,000" (es_section_number_text),
 * "16.20亿元", "99.7%", "13.5:1" (es_section_value_text). */
void es_section_number_text(const es_section *s, double v, char *out, size_t cap);
void es_section_value_text(const es_section *s, double v, char *out, size_t cap);
/* A spread (a standard deviation) in the scale: never "X:1", which reads
 * as a ratio of its own. */
void es_section_spread_text(const es_section *s, double v, char *out, size_t cap);
/* A row's value with its qualifier in front, as a bulletin writes it:
 * "约6,000个", "超过95.0%". */
void es_section_row_text(const es_section *s, const es_row *r, char *out, size_t cap);
/* A figure's value as its section shows values, or plainly in its own
 * unit (s NULL: the indicator has no section). */
void es_section_fact_text(const es_section *s, const es_fact *x, char *out, size_t cap);
/* Change from the district's previous year with data: rates in 个百分点
 * ("+8.8个百分点"), ratios as a difference ("-0.5"), amounts, counts and
 * areas as growth ("+9.7%"); "（较2021年）" added when that year is not the
 * one before; "-" when there is none. change_head is the column's name. */
void es_section_change_text(const es_section *s, const es_row *r, int previous_year, double change,
                            double change_pct, char *out, size_t cap);
const char *es_section_change_head(const es_section *s);
/* Is the section's indicator a rate (shown in %)? */
int es_section_is_rate(const es_section *s);
/* Why figures stay out of the table (table.h's reasons) in the order the
 * outputs list them: {code, words a reader knows}. */
#define ES_N_REASONS 7
extern const char *const es_reason_words[ES_N_REASONS][2];

/* Figures kept out of the table for reason (a code of es_reason_words),
 * over all indicators; NULL: for every reason. */
size_t es_unplaced_count(const es_table *t, const char *reason);

/* The unit over the value axis ("比值（X:1）" for ratios). */
const char *es_section_axis_unit(const es_section *s);

/* The heights the charts need at width TEXT_W (the bar chart's grows with
 * its districts when they are many, the line chart's with its legend). */
double es_section_bars_height(const es_section *s);
double es_section_lines_height(const es_section *s);

/* Draw the charts into (x, y, w, h): the latest year's values sorted best
 * first (lowest first where lower is better); lines across years, beyond
 * ES_BARS_MAX_VERTICAL districts the top and bottom three in colour over
 * the rest in grey, districts with the same line named together in the
 * legend. -1 when out of memory. */
int es_section_bars(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                    double w, double h);
int es_section_lines(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                     double w, double h);

#endif
