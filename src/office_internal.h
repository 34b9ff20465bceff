/*
 * office_internal.h - Word and Excel files as text edustat reads: each
 * paragraph a line, each table cell a line that remembers its column
 * header (rows of a multi-row header joined, 2023年 over 在校生（人）) and
 * its row label, as HTML tables do, and where it stands in the file (a
 * locator). The readers (docx_read.c, xlsx_read.c) fill a grid per table;
 * office_text.c decides which rows are titles, unit notes, headers and
 * data, and writes the text.
 */
#ifndef EDUSTAT_OFFICE_INTERNAL_H
#define EDUSTAT_OFFICE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "edustat/locator.h"
#include "edustat/status.h"
#include "edustat/table_cell.h"
#include "growbuf_internal.h"

/* A table larger than this many cells (rows x columns of its used range)
 * is refused: a sheet whose one cell stands at XFD1048576 would ask for
 * 17 billion. */
#define ES_MAX_GRID_CELLS ((size_t)4 << 20)

typedef struct es_loc_span {
    size_t start;   /* text offset where the locator starts to apply */
    es_locator loc; /* loc.sheet points into es_office_text.sheets */
} es_loc_span;

typedef struct es_office_text {
    es_growbuf text; /* UTF-8, NUL ended */
    char *title; /* the document's title, or NULL */
    char *publisher; /* the organisation a Word file names (docProps/app.xml Company), or NULL */
    int year;        /* the year a Word file was created (docProps/core.xml), or 0 */
    es_table_cell *cells; /* numeric cells of tables, in text order */
    size_t n_cells, cap_cells;
    es_loc_span *spans; /* in text order */
    size_t n_spans, cap_spans;
    char **sheets; /* sheet names, owned */
    size_t n_sheets;
    size_t gaps; /* empty or error (#DIV/0!) cells among the figures */
    char **notes; /* what the reader could not read (a PDF page without text...) */
    size_t n_notes;
    int failed; /* out of memory on the way */
} es_office_text;

typedef struct es_grid_cell {
    char *text;    /* as shown; NULL when empty */
    bool number;   /* a figure (text then holds it as shown: 3450, 95.3%) */
    bool error;    /* #DIV/0!, #N/A...: a gap */
    bool covered;  /* inside a merged range, not its first cell: text is the range's */
    char ref[16];  /* the sheet's reference (C7), or "" */
} es_grid_cell;

typedef struct es_grid {
    size_t n_rows, n_cols;
    es_grid_cell *cells; /* row-major */
    const char *sheet;   /* a workbook's sheet, or NULL */
    int table;           /* a Word document's table number, or 0 */
} es_grid;

#define ES_GRID_AT(g, r, c) (&(g)->cells[(r) * (g)->n_cols + (c)])

/* A grid of rows x cols empty cells; ES_ERR_LIMIT beyond ES_MAX_GRID_CELLS. */
es_status es_grid_init(es_grid *g, size_t rows, size_t cols);
void es_grid_free(es_grid *g);
/* Spread a merged range's text over the cells it covers (marked covered). */
int es_grid_merge(es_grid *g, size_t r0, size_t c0, size_t r1, size_t c1);

/* Append text that continues the line (no newline added), its locator
 * starting where it does (loc NULL: the one before goes on). */
void es_office_append(es_office_text *o, const char *s, size_t n, const es_locator *loc);
/* Append a line of text (a paragraph) with its locator (NULL: none). */
void es_office_line(es_office_text *o, const char *s, size_t n, const es_locator *loc);
/* Append a table: titles and notes as lines, each figure a line with its
 * header and row label. */
void es_office_table(es_office_text *o, const es_grid *g);
/* A sheet name kept for the text's locators; NULL when out of memory. */
const char *es_office_keep_sheet(es_office_text *o, const char *name);
void es_office_text_free(es_office_text *o);

/* A sheet's reference of row and column (0-based): C7. */
void es_office_cell_ref(size_t row, size_t col, char *out, size_t cap);

/* Is s (as a cell shows it) a figure: digits with , . % and a sign or
 * parentheses? */
bool es_office_is_number(const char *s);

/* The readers: bytes[0, len) of a .docx or .xlsx file to text. Errors
 * name the file (and the part or sheet). */
es_status es_docx_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err);
es_status es_xlsx_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err);
/* An Excel 97-2003 workbook (xls_read.c, libfreexl). ES_ERR_FORMAT with
 * err untouched when the file holds no workbook (a .doc or .wps). */
es_status es_xls_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err);
/* A PDF's text, page by page (pdf_read.c, poppler-glib). */
es_status es_pdf_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err);
/* Add a note on what could not be read; -1 when out of memory. */
int es_office_note(es_office_text *o, const char *fmt, ...);

#endif
