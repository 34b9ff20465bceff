/*
 * table_cell.h - a cell of a table in a document (an HTML table today):
 * where its text lies, its column header and its row label. A bare number
 * in a cell takes its unit from the header (经费（万元）) and, in a table of
 * districts, its district from the row label.
 */
#ifndef EDUSTAT_TABLE_CELL_H
#define EDUSTAT_TABLE_CELL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_table_cell {
    size_t start, end; /* byte offsets of the cell's text in the document */
    char *header;      /* the column header, e.g. "经费（万元）"; may be NULL */
    char *row_label;   /* the row's first cell; may be NULL */
} es_table_cell;

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_TABLE_CELL_H */
