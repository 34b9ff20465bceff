/*
 * json_tables.h - the files dashboards read (cJSON): table.json (schema
 * edustat.table/2: flat rows in long form plus the unplaced counts and targets),
 * summary.json (edustat.summary/1: by_year, by_district, comparisons),
 * datapackage.json (a Frictionless Data Package v2 describing both) and
 * echarts.json (an Apache ECharts dataset per indicator: district x year).
 * Output is deterministic; statistics that cannot be computed are null.
 */
#ifndef EDUSTAT_JSON_TABLES_H
#define EDUSTAT_JSON_TABLES_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/stats.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

ES_API es_status es_write_table_json(const es_table *t, FILE *out, es_error *err);
ES_API es_status es_write_summary_json(const es_summary *s, FILE *out, es_error *err);
ES_API es_status es_write_datapackage_json(const es_table *t, FILE *out, es_error *err);
ES_API es_status es_write_echarts_json(const es_table *t, FILE *out, es_error *err);

/* The summary, or one of its parts, for `edustat compare --format json`. */
ES_API es_status es_write_comparisons_json(const es_summary *s, const es_indicator *ind,
                                    const char *const *districts, size_t n_districts, int year,
                                    FILE *out, es_error *err);

#ifdef __cplusplus
}
#endif

#endif
