/* pdf_table.c - tables over pages (see pdf_table_internal.h). */
#include "pdf_table_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CAPTION_SIZE 9.0

static const es_rgb header_shade = {0.93, 0.94, 0.96}, rule = {0.85, 0.85, 0.85}, black = {0, 0, 0};

static double header_height(es_pdf *p, const es_pdf_table *tb)
{
    if (!tb->turn_heads)
        return tb->row_h;
    double widest = 0;
    for (int k = 0; k < tb->n_cols; k++)
        widest = fmax(widest, es_pdf_text_width(p, tb->heads[k], tb->size));
    return fmin(widest, 90) + 8;
}

static double caption_height(const es_pdf_table *tb)
{
    return tb->caption ? CAPTION_SIZE + 6 : 0;
}

static void caption(es_pdf *p, const es_pdf_table *tb, int continued)
{
    if (tb->caption == NULL)
        return;
    char line[512];
    snprintf(line, sizeof line, "%s%s", tb->caption, continued ? "（续）" : "");
    es_pdf_fill_color(p, black);
    es_pdf_text(p, ES_MARGIN, p->y - CAPTION_SIZE, CAPTION_SIZE, line);
    p->y -= CAPTION_SIZE + 6;
}

/* x of a cell's text: left, centred or right in its column */
static double cell_x(es_pdf *p, const es_pdf_table *tb, int k, double x, const char *s)
{
    if (tb->align[k] == 'l')
        return x + 4;
    double w = es_pdf_text_width(p, s, tb->size);
    return tb->align[k] == 'c' ? x + (tb->widths[k] - w) / 2 : x + tb->widths[k] - 6 - w;
}

static void header(es_pdf *p, const es_pdf_table *tb)
{
    double hh = header_height(p, tb), total = 0;
    for (int k = 0; k < tb->n_cols; k++)
        total += tb->widths[k];
    es_pdf_fill_color(p, header_shade);
    es_pdf_rect(p, ES_MARGIN, p->y - hh, total, hh, 1, 0);
    es_pdf_fill_color(p, black);
    double x = ES_MARGIN;
    char cut[ES_TABLE_CELL];
    for (int k = 0; k < tb->n_cols; k++) {
        if (tb->turn_heads && tb->align[k] != 'l') {
            es_pdf_fit(p, tb->heads[k], tb->size, hh - 8, cut, sizeof cut);
            es_pdf_text_rotated(p, x + tb->widths[k] / 2 + tb->size / 3, p->y - hh + 4, tb->size, 90, cut);
        } else {
            es_pdf_fit(p, tb->heads[k], tb->size, tb->widths[k] - 6, cut, sizeof cut);
            es_pdf_text(p, cell_x(p, tb, k, x, cut), p->y - hh + (hh - tb->size) / 2 + 1, tb->size, cut);
        }
        x += tb->widths[k];
    }
    p->y -= hh;
}

static void draw_row(es_pdf *p, const es_pdf_table *tb, const es_table_row *r)
{
    double x = ES_MARGIN, total = 0;
    char cut[ES_TABLE_CELL];
    for (int k = 0; k < tb->n_cols; k++) {
        if (r->shaded[k]) {
            es_pdf_fill_color(p, r->shade[k]);
            es_pdf_rect(p, x + 0.5, p->y - tb->row_h + 0.5, tb->widths[k] - 1, tb->row_h - 1, 1, 0);
        }
        es_pdf_fill_color(p, r->shaded[k] ? r->cell_ink[k] : r->ink);
        es_pdf_fit(p, r->cells[k], tb->size, tb->widths[k] - 8, cut, sizeof cut);
        es_pdf_text(p, cell_x(p, tb, k, x, cut), p->y - tb->row_h + (tb->row_h - tb->size) / 2 + 1.5, tb->size,
                    cut);
        x += tb->widths[k];
        total += tb->widths[k];
    }
    es_pdf_stroke_color(p, rule);
    es_pdf_line(p, ES_MARGIN, p->y - tb->row_h, ES_MARGIN + total, p->y - tb->row_h, 0.4);
    p->y -= tb->row_h;
}

/* Rows that fit below p->y after the caption and the header. */
static size_t rows_fitting(es_pdf *p, const es_pdf_table *tb)
{
    double room = p->y - ES_MARGIN - caption_height(tb) - header_height(p, tb);
    return room <= 0 ? 0 : (size_t)floor(room / tb->row_h + 1e-9);
}

void es_pdf_table_draw(es_pdf *p, const es_pdf_table *tb, size_t n)
{
    es_table_row row;
    size_t i = 0;
    int continued = 0;
    while (i < n && !p->failed) {
        size_t left = n - i, take = rows_fitting(p, tb);
        if (take < left) {
            /* the table continues past this page: at least MIN rows here
             * and at least MIN carried over */
            if (left < 2 * ES_TABLE_MIN_ROWS)
                take = 0; /* cannot split in two parts of MIN: all on the next page */
            else if (left - take < ES_TABLE_MIN_ROWS)
                take = left - ES_TABLE_MIN_ROWS;
            if (take < ES_TABLE_MIN_ROWS) {
                if (p->y < ES_PAGE_H - ES_MARGIN - 40) { /* not already a fresh page */
                    es_pdf_new_page(p, 0);
                    continue;
                }
                take = rows_fitting(p, tb); /* a page cannot hold MIN rows: draw what fits */
                if (take == 0)
                    take = 1;
            }
        }
        caption(p, tb, continued);
        header(p, tb);
        for (size_t k = 0; k < take && i < n; k++, i++) {
            memset(&row, 0, sizeof row);
            tb->row(tb->ctx, i, &row);
            draw_row(p, tb, &row);
        }
        continued = 1;
        if (i < n)
            es_pdf_new_page(p, 0);
    }
    es_pdf_fill_color(p, black);
}

double es_pdf_table_lead_height(es_pdf *p, const es_pdf_table *tb, size_t n)
{
    size_t rows = n < ES_TABLE_MIN_ROWS ? n : ES_TABLE_MIN_ROWS;
    return caption_height(tb) + header_height(p, tb) + (double)rows * tb->row_h;
}
