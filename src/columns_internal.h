/*
 * columns_internal.h - the columns of the tables edustat writes, once:
 * name, Table Schema type, Chinese title and description. The CSV files
 * take their header from here and datapackage.json its schemas, so the
 * two cannot drift apart.
 */
#ifndef EDUSTAT_COLUMNS_INTERNAL_H
#define EDUSTAT_COLUMNS_INTERNAL_H

#include <stddef.h>

typedef struct es_column {
    const char *name, *type, *title, *description;
} es_column;

/* table.csv / table.json rows (value's description lists the units by
 * indicator and is written by the caller; sources is an array in JSON, a
 * ';'-joined string in CSV). */
extern const es_column es_table_columns[];
extern const size_t es_n_table_columns;
extern const es_column es_by_year_columns[];
extern const size_t es_n_by_year_columns;
extern const es_column es_by_district_columns[];
extern const size_t es_n_by_district_columns;
extern const es_column es_comparison_columns[];
extern const size_t es_n_comparison_columns;

#endif
