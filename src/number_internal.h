/*
 * number_internal.h - how machine-readable outputs (JSON, CSV) print
 * numbers: derived statistics to 12 significant digits (1.3, not
 * 1.3000000000000114), a '.' whatever LC_NUMERIC says, nothing for NaN
 * and infinities (null in JSON, an empty field in CSV); and the scale and
 * decimals values of a unit are shown in (the briefing, the review page
 * and the workbook alike).
 */
#ifndef EDUSTAT_NUMBER_INTERNAL_H
#define EDUSTAT_NUMBER_INTERNAL_H

#include <stddef.h>

#include "edustat/value_scale.h"

double es_tidy_number(double v);

/* v in plain decimal notation as printf("%.15g") writes it, when v is the
 * double nearest a decimal of at most 15 significant digits and 1e-4 <=
 * |v| < 1e15: the length written to out (32 bytes suffice), else 0 (and
 * printf must decide). Exact, and without printf's cost; '.' always. */
size_t es_short_decimal(double v, char *out);

/* es_tidy_number(v) as es_short_decimal writes it, when tidying leaves v
 * as it is (a decimal of at most 12 significant digits): its length, else
 * 0. One pass for the usual number, where tidying and then printing would
 * look for its decimal twice. */
size_t es_tidy_text(double v, char *out);

/* v tidied, as text; "" when not finite. */
void es_number_text(double v, char *out, size_t cap);

#endif
