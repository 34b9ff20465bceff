/*
 * pdf_table_internal.h - tables in the briefing that may run over pages:
 * a shaded header row (level or turned text), rows drawn with their own
 * colours (a new page resets none of them), and page breaks that never
 * leave fewer than ES_TABLE_MIN_ROWS rows of a continuing table on a page.
 * A continued table repeats its caption with "（续）" and its header.
 */
#ifndef EDUSTAT_PDF_TABLE_INTERNAL_H
#define EDUSTAT_PDF_TABLE_INTERNAL_H

#include <stddef.h>

#include "pdf_internal.h"

#define ES_TABLE_MIN_ROWS 5
#define ES_TABLE_MAX_COLS 16
#define ES_TABLE_CELL 256

typedef struct es_table_row {
    char cells[ES_TABLE_MAX_COLS][ES_TABLE_CELL];
    es_rgb ink;                         /* text colour of the row */
    int shaded[ES_TABLE_MAX_COLS];      /* a cell with a background */
    es_rgb shade[ES_TABLE_MAX_COLS];
    es_rgb cell_ink[ES_TABLE_MAX_COLS]; /* text colour of a shaded cell */
} es_table_row;

typedef struct es_pdf_table {
    const char *caption;     /* "表3 排名与变化（2024年）", or NULL */
    const char *const *heads;
    const double *widths;    /* points, n_cols of them */
    int n_cols;
    const char *align;       /* per column: 'l'eft, 'r'ight or 'c'entre */
    int turn_heads;          /* headers of the columns not aligned left turned 90 degrees */
    double size, row_h;
    /* fill row i (cells are "" when called) */
    void (*row)(void *ctx, size_t i, es_table_row *out);
    void *ctx;
} es_pdf_table;

/* The height of the table's start: caption, header and its first rows
 * (as many as a page must hold), for keeping a heading with it. */
double es_pdf_table_lead_height(es_pdf *p, const es_pdf_table *tb, size_t n);

/* Draw the table's n rows from p->y down, over as many pages as needed. */
void es_pdf_table_draw(es_pdf *p, const es_pdf_table *tb, size_t n);

#endif
