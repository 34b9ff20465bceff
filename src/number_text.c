/* number_text.c - numbers in machine-readable outputs (see number_internal.h). */
#include "number_internal.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double es_tidy_number(double v)
{
    if (!isfinite(v) || v == 0.0)
        return v;
    int mag = (int)floor(log10(fabs(v)));
    int digits = 11 - mag;
    if (digits < -300 || digits > 300)
        return v;
    /* the double nearest the 12-digit decimal: with an exact power of ten
     * (up to 10^22) one correctly rounded operation gives it, so it prints
     * in 12 digits and reads back exactly; beyond, through its text */
    double r;
    if (digits >= 0 && digits <= 22) {
        r = round(v * pow(10.0, digits)) / pow(10.0, digits);
    } else if (digits < 0 && digits >= -22) {
        r = round(v / pow(10.0, -digits)) * pow(10.0, -digits);
    } else {
        char text[40];
        snprintf(text, sizeof text, "%.11e", v); /* and read back in the same locale */
        r = strtod(text, NULL);
    }
    return isfinite(r) ? r : v;
}

void es_number_text(double v, char *out, size_t cap)
{
    if (cap == 0)
        return;
    v = es_tidy_number(v);
    if (!isfinite(v)) {
        out[0] = '\0';
        return;
    }
    snprintf(out, cap, "%.15g", v);
    /* printf writes the locale's decimal point: make it '.' */
    const char *dp = localeconv()->decimal_point;
    if (dp != NULL && strcmp(dp, ".") != 0 && dp[0] != '\0') {
        char *at = strstr(out, dp);
        if (at != NULL) {
            size_t dl = strlen(dp);
            *at = '.';
            memmove(at + 1, at + dl, strlen(at + dl) + 1);
        }
    }
}

void es_value_scale(const char *unit, double max_abs, double *divisor, char *suffix, size_t cap,
                    int *decimals)
{
    *divisor = 1;
    *decimals = 0; /* counts, areas, 元 and 万元: whole numbers */
    if (strcmp(unit, "元") == 0) {
        if (max_abs >= 1e8) {
            *divisor = 1e8;
            *decimals = 2;
            snprintf(suffix, cap, "亿元");
        } else if (max_abs >= 1e6) { /* below 100万元, 万元 in whole numbers would say 0 or 1 */
            *divisor = 1e4;
            snprintf(suffix, cap, "万元");
        } else {
            snprintf(suffix, cap, "元");
        }
    } else if (strcmp(unit, "ratio") == 0) {
        *decimals = 1;
        snprintf(suffix, cap, ":1");
    } else if (strcmp(unit, "%") == 0) {
        *decimals = 1;
        snprintf(suffix, cap, "%%");
    } else {
        snprintf(suffix, cap, "%s", unit);
    }
}
