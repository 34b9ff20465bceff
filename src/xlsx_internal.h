/*
 * xlsx_internal.h - the workbook with the long table cut into sheets of
 * rows_per_sheet rows (Excel's limit, 1,048,575 below the header, in
 * es_write_table_xlsx), so that tests can cut a small table.
 */
#ifndef EDUSTAT_XLSX_INTERNAL_H
#define EDUSTAT_XLSX_INTERNAL_H

#include <stddef.h>

#include "edustat/xlsx_tables.h"

es_status es_write_table_xlsx_sheets(const es_table *t, const char *path, long long created, size_t rows_per_sheet,
                                     es_error *err);

#endif
