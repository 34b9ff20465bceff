/* charts_internal.h - the charts of the briefing and the review page,
 * drawn on a canvas (canvas_internal.h) into an area (x, y = bottom left,
 * w, h in points). */
#ifndef EDUSTAT_CHARTS_INTERNAL_H
#define EDUSTAT_CHARTS_INTERNAL_H

#include <stddef.h>

#include "canvas_internal.h"

typedef struct es_bar {
    const char *label;
    double value;
} es_bar;

/* Bars (sorted by the caller) from zero, nice ticks, gridlines, value
 * labels, category labels rotated or cut when they do not fit. Values are
 * divided by divisor for the labels; unit_label is shown above the axis. */
void es_chart_bars(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars, size_t n,
                   double divisor, const char *unit_label);

typedef struct es_series {
    const char *name;
    const int *years;
    const double *values;
    size_t n;
} es_series;

/* Lines across years, one per series, with a legend below when there are
 * several; returns the height the legend took. */
double es_chart_lines(const es_canvas *c, double x, double y, double w, double h, const es_series *series,
                      size_t n, double divisor, const char *unit_label);

/* The colour-blind-safe palette (Okabe and Ito), by index. */
es_rgb es_palette(size_t i);

#endif
