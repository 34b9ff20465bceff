/*
 * xlsx_tables.h - the table as an Excel workbook (libxlsxwriter), for the
 * analysts who work in Excel or WPS: a sheet 指标表 with the long table
 * (one row per indicator, district and year, as table.csv), then one sheet
 * per indicator with districts down and years across. Values are numbers
 * with the format of their kind: 亿元 with 2 decimals, rates and ratios
 * with 1, counts, areas and 万元 as whole numbers with separators.
 */
#ifndef EDUSTAT_XLSX_TABLES_H
#define EDUSTAT_XLSX_TABLES_H

#include "edustat/export.h"
#include "edustat/status.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Write the workbook to path (libxlsxwriter writes files by name: give a
 * temporary path and rename it when done). The workbook's creation time is
 * created (seconds since 1970, as SOURCE_DATE_EPOCH), or today at 00:00
 * UTC when created < 0: the same table gives the same bytes that day, as
 * the briefing and the review page, which show the date alone. */
ES_API es_status es_write_table_xlsx(const es_table *t, const char *path, long long created, es_error *err);

#ifdef __cplusplus
}
#endif

#endif
