/* ticks_internal.h - "nice" axis ticks in 1-2-5 steps, and value scaling
 * for labels (元 as 万元/亿元, large counts with 万). Pure functions. */
#ifndef EDUSTAT_TICKS_INTERNAL_H
#define EDUSTAT_TICKS_INTERNAL_H

#include <stddef.h>

/* An axis covering [min, max] with about `want` ticks: *lo, *hi and *step,
 * the step 1, 2 or 5 times a power of ten. lo <= min, hi >= max, lo < hi. */
void es_nice_ticks(double min, double max, int want, double *lo, double *hi, double *step);

/* How to show values of unit whose largest magnitude is max_abs: divide by
 * *divisor, print *decimals decimals and append suffix: 亿元 with 2, 万元 and
 * 元 as whole numbers, rates ("%") and ratios (":1") with 1, counts and
 * areas as whole numbers in their own unit. */
void es_value_scale(const char *unit, double max_abs, double *divisor, char *suffix, size_t cap,
                    int *decimals);

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
