/*
 * locator.h - where a figure stands in a file that has no lines of its
 * own: a workbook's sheet and cell (Sheet1!C7), a Word document's paragraph
 * or table cell, a PDF's page. Text and HTML files need none: their line
 * and byte offsets say it.
 */
#ifndef EDUSTAT_LOCATOR_H
#define EDUSTAT_LOCATOR_H

#include "edustat/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_locator {
    const char *sheet; /* a workbook's sheet name, or NULL */
    char cell[16];     /* the sheet's cell reference ("C7"), or "" */
    int page;          /* a PDF's page, 1-based; 0: none */
    int line;          /* the line of that page's text, 1-based */
    int paragraph;     /* a Word document's paragraph, in body order, 1-based; 0: none */
    int table;         /* a Word document's table, in body order, 1-based; 0: none */
    int row, column;   /* the cell of that table, 1-based */
} es_locator;

/* The locator as a person reads it: "Sheet1!C7", "第3页第5行", "第12段",
 * "表2第3行第4列"; "" for an empty one. Returns the length it needed. */
ES_API size_t es_locator_text(const es_locator *l, char *out, size_t cap);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_LOCATOR_H */
