/* charts_internal.h - the charts of the briefing and the review page,
 * drawn on a canvas (canvas_internal.h) into an area (x, y = bottom left,
 * w, h in points). */
#ifndef EDUSTAT_CHARTS_INTERNAL_H
#define EDUSTAT_CHARTS_INTERNAL_H

#include <stddef.h>

#include "canvas_internal.h"

typedef struct es_bar {
    char label[128];
    double value;
    char text[64]; /* the value as labelled: "约6,000", "99.7" */
} es_bar;

typedef enum es_bar_layout {
    ES_BARS_VERTICAL,   /* up to ES_BARS_MAX_VERTICAL districts */
    ES_BARS_HORIZONTAL, /* beyond: one row each, labels level */
    ES_BARS_DOTS        /* values clustered far from zero (rates near 100%):
                           dots on a truncated axis, marked as such */
} es_bar_layout;

#define ES_BARS_MAX_VERTICAL 8

/* The layout that suits these values, and the height it needs. */
es_bar_layout es_bars_layout(const es_bar *bars, size_t n);
double es_bars_height(es_bar_layout layout, size_t n);

/* Bars (sorted by the caller) from zero, nice ticks, gridlines, value
 * labels (bars[i].text), category labels rotated or cut when they do not
 * fit. Axis values are divided by divisor; unit_label is shown above the
 * axis. */
void es_chart_bars(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars, size_t n,
                   es_bar_layout layout, double divisor, const char *unit_label);

typedef struct es_series {
    const char *name;
    const int *years;
    const double *values;
    size_t n;
    int muted;          /* drawn thin and grey, under the others, no marker */
    int hidden;         /* the same line as another series: not drawn */
    const char *legend; /* the legend's words; NULL: name */
} es_series;

/* Lines across years, one per series, with a legend below when there are
 * several (the muted ones as one entry, "其余N个区县"); returns the height
 * the legend took. */
double es_chart_lines(const es_canvas *c, double x, double y, double w, double h, const es_series *series,
                      size_t n, double divisor, const char *unit_label);

/* The colour-blind-safe palette (Okabe and Ito), by index. */
es_rgb es_palette(size_t i);

#endif
