/* number_text.c - numbers in machine-readable outputs (see number_internal.h). */
#include "number_internal.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double pow10_exact[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* The decimal r / 10^k (r < 10^15, k <= 15 the least) whose nearest
 * double is a > 0, if there is one. r and 10^k are exact doubles, so the
 * division is correctly rounded: it gives the nearest double of the
 * decimal, which is what reading its text gives. */
static int short_decimal(double a, unsigned long long *r, int *k)
{
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    for (int i = 0; i <= 15; i++) {
        double m = a * pow10_exact[i];
        if (m >= 1e15)
            return 0;
        double whole = floor(m + 0.5);
        if (whole / pow10_exact[i] == a) {
            *r = (unsigned long long)whole;
            *k = i;
            return 1;
        }
    }
    return 0;
}

/* r / 10^k as text, with '-' when negative; its length. */
static size_t decimal_text(unsigned long long r, int k, int negative, char *out)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + r % 10);
        r /= 10;
    } while (r > 0);
    while (n <= k)
        digits[n++] = '0'; /* 0.05: the zeros before the first digit */
    size_t o = 0;
    if (negative)
        out[o++] = '-';
    for (int i = n - 1; i >= 0; i--) {
        out[o++] = digits[i];
        if (i == k && k > 0)
            out[o++] = '.';
    }
    out[o] = '\0';
    return o;
}

size_t es_short_decimal(double v, char *out)
{
    unsigned long long r;
    int k;
    return short_decimal(fabs(v), &r, &k) ? decimal_text(r, k, v < 0, out) : 0;
}

size_t es_tidy_text(double v, char *out)
{
    unsigned long long r;
    int k;
    return short_decimal(fabs(v), &r, &k) && r < 1000000000000ULL ? decimal_text(r, k, v < 0, out) : 0;
}

double es_tidy_number(double v)
{
    if (!isfinite(v) || v == 0.0)
        return v;
    /* already a decimal of at most 12 significant digits: nothing to round
     * (and no log10 or pow, which cost a million-row table a second) */
    unsigned long long whole;
    int k;
    if (short_decimal(fabs(v), &whole, &k) && whole < 1000000000000ULL)
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
    char quick[32];
    size_t n = es_tidy_text(v, quick); /* the usual case: nothing to tidy */
    if (n > 0 && n < cap) {
        memcpy(out, quick, n + 1);
        return;
    }
    v = es_tidy_number(v);
    if (!isfinite(v)) {
        out[0] = '\0';
        return;
    }
    n = es_short_decimal(v, quick); /* what %.15g writes, without printf */
    if (n > 0 && n < cap) {
        memcpy(out, quick, n + 1);
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
