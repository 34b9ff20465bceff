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
