/* ticks_internal.h - "nice" axis ticks in 1-2-5 steps and number labels
 * for charts; the value scaling they use (元 as 万元/亿元) is shared with
 * the workbook, in number_internal.h. Pure functions. */
#ifndef EDUSTAT_TICKS_INTERNAL_H
#define EDUSTAT_TICKS_INTERNAL_H

#include <stddef.h>

#include "number_internal.h" /* es_value_scale */

/* An axis covering [min, max] with about `want` ticks: *lo, *hi and *step,
 * the step 1, 2 or 5 times a power of ten. lo <= min, hi >= max, lo < hi. */
void es_nice_ticks(double min, double max, int want, double *lo, double *hi, double *step);

/* v as text with at most `decimals` decimals, trailing zeros dropped,
 * thousands separated by commas; "-" for NaN; from ES_PLAIN_MAX_ABS on in
 * scientific notation (1.7e+308), never a string of dozens of digits. */
void es_format_number(double v, int decimals, char *out, size_t cap);
/* The same with exactly `decimals` decimals (16.20, 99.0): a table's
 * column reads alike. */
void es_format_fixed(double v, int decimals, char *out, size_t cap);

/* Magnitudes written out in full digits; beyond, scientific notation. */
#define ES_PLAIN_MAX_ABS 1e16

/* The largest magnitude a chart draws (in the unit's base, 元, 人...):
 * 10^16 元 is beyond any education budget. A value beyond it, or not
 * finite, is left out of the charts and listed on the data-quality page. */
#define ES_CHART_MAX_ABS 1e16
int es_chartable(double v);

#endif
