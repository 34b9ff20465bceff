/* ticks.c - axis ticks and value labels (see ticks_internal.h). */
#include "ticks_internal.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void es_nice_ticks(double min, double max, int want, double *lo, double *hi, double *step)
{
    if (!isfinite(min) || !isfinite(max)) {
        min = 0;
        max = 1;
    }
    if (min > max) {
        double t = min;
        min = max;
        max = t;
    }
    if (want < 2)
        want = 2;
    double range = max - min;
    if (range == 0) { /* one value, or all equal: give it room */
        range = fabs(max) > 0 ? fabs(max) : 1;
        if (min >= 0 && max > 0)
            min = 0;
        else
            max = min + range;
        range = max - min;
    }
    double raw = range / (want - 1);
    double mag = pow(10, floor(log10(raw)));
    /* Of the 1-2-5 steps, the one whose tick count is nearest to `want`
     * (on a tie, the larger step: fewer, rounder labels). */
    static const double nice[] = {1, 2, 5, 10};
    int best_gap = -1;
    for (size_t i = 0; i < sizeof nice / sizeof nice[0]; i++) {
        double st = nice[i] * mag;
        double l = floor(min / st + 1e-9) * st, h = ceil(max / st - 1e-9) * st;
        int ticks = (int)llround((h - l) / st) + 1;
        int gap = abs(ticks - want);
        if (best_gap < 0 || gap <= best_gap) {
            best_gap = gap;
            *step = st;
            *lo = l;
            *hi = h;
        }
    }
    if (*hi <= *lo)
        *hi = *lo + *step;
    /* -0 looks odd on an axis */
    if (*lo == 0)
        *lo = 0;
}

static void format_number(double v, int decimals, int trim, char *out, size_t cap);

void es_format_number(double v, int decimals, char *out, size_t cap)
{
    format_number(v, decimals, 1, out, cap);
}

void es_format_fixed(double v, int decimals, char *out, size_t cap)
{
    format_number(v, decimals, 0, out, cap);
}

static void format_number(double v, int decimals, int trim, char *out, size_t cap)
{
    if (!isfinite(v)) {
        snprintf(out, cap, "-");
        return;
    }
    if (fabs(v) >= ES_PLAIN_MAX_ABS) {
        snprintf(out, cap, "%.3g", v);
        return;
    }
    char digits[64];
    snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
    /* drop trailing zeros of the fraction */
    char *dot = strchr(digits, '.');
    if (dot && trim) {
        char *e = digits + strlen(digits) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
    /* thousands separators in the integer part */
    dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    char buf[96];
    size_t w = 0;
    int negative = v < 0 && strspn(digits, "0.") != strlen(digits); /* no "-0.0" */
    if (negative)
        buf[w++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        buf[w++] = digits[i];
        size_t left = int_len - i - 1;
        if (left > 0 && left % 3 == 0)
            buf[w++] = ',';
    }
    snprintf(buf + w, sizeof buf - w, "%s", dot ? dot : "");
    snprintf(out, cap, "%s", buf);
}

int es_chartable(double v)
{
    return isfinite(v) && fabs(v) <= ES_CHART_MAX_ABS;
}
