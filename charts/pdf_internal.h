/*
 * pdf_internal.h - a thin layer over libharu for the briefing: A4 pages
 * with margins, a running header and page numbers, UTF-8 text in one CJK
 * font (each new character checked with FreeType for what libharu 2.3 can
 * draw), and saving with a ToUnicode map poppler accepts.
 * Coordinates are PDF points from the bottom left.
 */
#ifndef EDUSTAT_PDF_INTERNAL_H
#define EDUSTAT_PDF_INTERNAL_H

#include <stdint.h>
#include <stdio.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>

#include "canvas_internal.h"
#include "edustat/status.h"

#define ES_PAGE_W 595.276 /* A4 */
#define ES_PAGE_H 841.89
#define ES_MARGIN 50.0

#define ES_PDF_MAX_MISSING 64

typedef struct es_pdf {
    HPDF_Doc doc;
    HPDF_Font font;
    HPDF_Page page;
    FT_Library ft;
    FT_Face face;
    int page_no;
    double y;              /* layout cursor: top of the free space */
    es_rgb fill;           /* the fill (text) colour, kept over a new page */
    const char *header;    /* running header, NULL on the cover */
    uint8_t checked[65536 / 8]; /* code points checked against the font */
    uint8_t drawn[65536 / 8];   /* code points drawn, for /ToUnicode */
    float *advance;        /* per code point, 1/1000 em; < 0 not yet known */
    char font_path[1024];
    es_error *err;
    int failed;
    /* characters the font lacks: drawn as □ (U+25A1), listed for the
     * data-quality page (the first ES_PDF_MAX_MISSING, all counted) */
    uint8_t absent[65536 / 8];
    uint8_t present[65536 / 8]; /* looked up and found */
    uint32_t missing[ES_PDF_MAX_MISSING];
    size_t n_missing;
    char scratch[4096]; /* a text with its missing characters replaced */
} es_pdf;

/* Open a document in the briefing font (see es_briefing_font_path). */
int es_pdf_open(es_pdf *p, const char *font_path, es_error *err);
void es_pdf_close(es_pdf *p);

/* A new page; with a running header and the page number unless it is the
 * cover. Sets p->y to the top of the text area. */
void es_pdf_new_page(es_pdf *p, int cover);
/* Make sure h points are free below p->y, else start a new page. */
void es_pdf_need(es_pdf *p, double h);

void es_pdf_text(es_pdf *p, double x, double y, double size, const char *utf8);
/* Text rotated by deg degrees counterclockwise around (x, y). */
void es_pdf_text_rotated(es_pdf *p, double x, double y, double size, double deg, const char *utf8);
double es_pdf_text_width(es_pdf *p, const char *utf8, double size);
/* Text cut to fit width, with "…" when cut; into out. */
void es_pdf_fit(es_pdf *p, const char *utf8, double size, double width, char *out, size_t cap);
/* Lines of text wrapped to width, top at y; returns the height used. */
double es_pdf_paragraph(es_pdf *p, double x, double y, double width, double size, double leading,
                        const char *utf8);

void es_pdf_fill_color(es_pdf *p, es_rgb c);
void es_pdf_stroke_color(es_pdf *p, es_rgb c);
void es_pdf_rect(es_pdf *p, double x, double y, double w, double h, int fill, int stroke);
void es_pdf_line(es_pdf *p, double x0, double y0, double x1, double y1, double width);

/* The document's natural language (/Lang in the catalog, "zh-CN"), for
 * screen readers and search. */
void es_pdf_set_language(es_pdf *p, const char *lang);

/* The current page as a canvas for the charts. */
es_canvas es_pdf_canvas(es_pdf *p);

/* Write the PDF to out. */
int es_pdf_save(es_pdf *p, FILE *out);

#endif
