/*
 * svg_internal.h - the SVG back end of the chart canvas, for the review
 * page: each chart becomes one inline <svg> element with its own
 * coordinates (points, y turned over). Text is measured by estimate (a
 * Han character one em, Latin letters and digits about half), since the
 * browser picks its own font; the layout logic is the briefing's.
 */
#ifndef EDUSTAT_SVG_INTERNAL_H
#define EDUSTAT_SVG_INTERNAL_H

#include <stddef.h>

#include "canvas_internal.h"
#include "growbuf_internal.h"

/* Room above the chart's area for the unit label, points. */
#define ES_SVG_TOP 18.0

typedef struct es_svg {
    es_growbuf *out; /* appended to */
    double height;
    es_rgb fill, stroke;
    int failed;      /* out of memory */
} es_svg;

/* Open an <svg> of w x h points (scaled to its container's width) with
 * the accessible name title; es_svg_end closes it. -1 when out of memory. */
int es_svg_begin(es_svg *s, es_growbuf *out, double w, double h, const char *title);
es_canvas es_svg_canvas(es_svg *s);
int es_svg_end(es_svg *s);

/* text escaped for HTML and XML (& < > " ') appended to out; -1 when out
 * of memory. */
int es_html_escape(es_growbuf *out, const char *text, size_t len);

#endif
