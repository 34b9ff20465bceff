/*
 * csv_tables.h - the table and the summaries as CSV for Excel, WPS,
 * pandas and Miller: UTF-8 with a byte-order mark (so Excel and WPS read
 * Chinese right), RFC 4180 quoting, CRLF line ends, a header row of the
 * column names datapackage.json describes. Numbers as in JSON (12
 * significant digits, '.' whatever the locale); an unknown value is an
 * empty field. A text field that starts like a formula (= + - @) gets a
 * leading apostrophe, so a sentence from a document cannot run in a
 * spreadsheet. The table's sources are joined with ';'.
 */
#ifndef EDUSTAT_CSV_TABLES_H
#define EDUSTAT_CSV_TABLES_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/stats.h"
#include "edustat/status.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

ES_API es_status es_write_table_csv(const es_table *t, FILE *out, es_error *err);
ES_API es_status es_write_by_year_csv(const es_summary *s, FILE *out, es_error *err);
ES_API es_status es_write_by_district_csv(const es_summary *s, FILE *out, es_error *err);
/* The comparisons es_comparison_selected keeps (ind NULL, no districts and
 * year 0: all of them). */
ES_API es_status es_write_comparisons_csv(const es_summary *s, const es_indicator *ind,
                                   const char *const *districts, size_t n_districts, int year,
                                   FILE *out, es_error *err);

#ifdef __cplusplus
}
#endif

#endif
