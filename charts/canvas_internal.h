/*
 * canvas_internal.h - what a chart draws on: one layout model (chart.c
 * computes every position, label and tick once) and two back ends, the
 * PDF page of the briefing (pdf.c) and the inline SVG of the review page
 * (svg.c). Coordinates are points from the bottom left of the chart's
 * page, as in PDF; the SVG back end turns them over.
 */
#ifndef EDUSTAT_CANVAS_INTERNAL_H
#define EDUSTAT_CANVAS_INTERNAL_H

#include <stddef.h>

typedef struct es_rgb {
    double r, g, b;
} es_rgb;

typedef struct es_canvas_ops {
    /* text with its baseline starting at (x, y), turned deg degrees
     * counterclockwise around that point */
    void (*text)(void *self, double x, double y, double size, double deg, const char *utf8);
    double (*text_width)(void *self, const char *utf8, double size);
    void (*fill_color)(void *self, es_rgb c);
    void (*stroke_color)(void *self, es_rgb c);
    void (*rect)(void *self, double x, double y, double w, double h, int fill, int stroke);
    /* n points (x0 y0 x1 y1 ...) joined, in the stroke colour; dashed or not */
    void (*polyline)(void *self, const double *xy, size_t n, double width, int dashed);
    /* a filled circle in the fill colour */
    void (*dot)(void *self, double x, double y, double r);
} es_canvas_ops;

typedef struct es_canvas {
    const es_canvas_ops *ops;
    void *self;
} es_canvas;

static inline void es_canvas_line(const es_canvas *c, double x0, double y0, double x1, double y1,
                                  double width)
{
    double xy[4] = {x0, y0, x1, y1};
    c->ops->polyline(c->self, xy, 2, width, 0);
}

/* utf8 cut to fit width, with "…" when cut; into out. */
void es_canvas_fit(const es_canvas *c, const char *utf8, double size, double width, char *out,
                   size_t cap);

#endif
