/*
 * value_scale.h - the one way edustat shows a unit's values to people (the
 * briefing, the review page, the workbook and `edustat compare`): which
 * scale, which unit and how many decimals.
 */
#ifndef EDUSTAT_VALUE_SCALE_H
#define EDUSTAT_VALUE_SCALE_H

#include "edustat/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How to show values of unit whose largest magnitude is max_abs: divide by
 * *divisor, print *decimals decimals and append suffix: 亿元 with 2, 万元 and
 * 元 as whole numbers, rates ("%") and ratios (":1") with 1, counts and
 * areas as whole numbers in their own unit. */
ES_API void es_value_scale(const char *unit, double max_abs, double *divisor, char *suffix, size_t cap,
                           int *decimals);


#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_VALUE_SCALE_H */
