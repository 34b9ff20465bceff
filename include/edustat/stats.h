/*
 * stats.h - summaries and comparisons of the table, computed with GSL (the
 * only module that calls it).
 *
 * A statistic that cannot be computed (sd of one value, growth from 0,
 * a trend of one year) is NAN here and null in JSON; nothing is ever Inf.
 *   by_year:     per indicator and year, across districts: n, mean, sample
 *                sd (n - 1), min, q1, median, q3, max (quartiles by linear
 *                interpolation), cv = sd / mean.
 *   comparisons: per indicator, district and year: rank (1 = best: the
 *                highest, or the lowest where the lexicon says lower is
 *                better; ties share the lower rank) of `of`, ratio_to_median,
 *                z, diff_to_best (value minus the best value),
 *                yoy_change and yoy_pct against the district's previous year
 *                with data.
 *   by_district: per indicator and district across years: first and last
 *                year and value, change, growth_pct, cagr_pct, and the least-
 *                squares trend of value on year (slope, slope_se from 3
 *                points, r2).
 */
#ifndef EDUSTAT_STATS_H
#define EDUSTAT_STATS_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_year_stats {
    const es_indicator *indicator;
    int year;
    size_t n;
    double mean, sd, min, q1, median, q3, max, cv;
} es_year_stats;

typedef struct es_comparison {
    const es_row *row;    /* indicator, district, year, value */
    int rank, of;
    double ratio_to_median, z, diff_to_best, yoy_change, yoy_pct;
    int previous_year;    /* 0 when none */
} es_comparison;

typedef struct es_district_trend {
    const es_indicator *indicator;
    const char *district;
    const char *district_code;
    size_t n_years;
    int first_year, last_year;
    double first, last, change, growth_pct, cagr_pct, slope, slope_se, r2;
} es_district_trend;

typedef struct es_summary {
    es_year_stats *by_year;
    size_t n_by_year;
    es_comparison *comparisons; /* in table order */
    size_t n_comparisons;
    es_district_trend *by_district;
    size_t n_by_district;
} es_summary;

ES_API es_status es_summary_compute(const es_table *t, es_summary **out, es_error *err);

/* Is comparison c of indicator ind, of year (0: any), and of one of the
 * districts (none given: any)? For `edustat compare` and its JSON. */
ES_API bool es_comparison_selected(const es_comparison *c, const es_indicator *ind,
                            const char *const *districts, size_t n_districts, int year);

/* The comparison of row r of t (comparisons are in table order). */
ES_API const es_comparison *es_summary_comparison(const es_summary *s, const es_table *t, const es_row *r);
ES_API void es_summary_free(es_summary *s);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_STATS_H */
