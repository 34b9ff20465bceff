/* number_text.c - numbers in machine-readable outputs (see number_internal.h). */
#include "number_internal.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

double es_tidy_number(double v)
{
    if (!isfinite(v) || v == 0.0)
        return v;
    int mag = (int)floor(log10(fabs(v)));
    int digits = 11 - mag;
    if (digits < -300 || digits > 300)
        return v;
    double scale = pow(10.0, digits);
    double r = round(v * scale) / scale;
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
