/* json_emit.c - JSON straight into a buffer (see json_emit_internal.h). */
#include "json_emit_internal.h"
#include "number_internal.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

bool es_jb_grow(es_jbuf *b, size_t n)
{
    if (b->oom)
        return false;
    size_t cap = b->cap ? b->cap : 512;
    while (cap < b->n + n + 1)
        cap *= 2;
    char *q = realloc(b->p, cap);
    if (q == NULL) {
        b->oom = 1;
        return false;
    }
    b->p = q;
    b->cap = cap;
    return true;
}

/* Bytes cJSON escapes in a string: controls, '"' and '\\' (and NUL, where
 * its C string ends). */
static const unsigned char json_special[256] = {
    [0] = 1,  [1] = 1,  [2] = 1,  [3] = 1,  [4] = 1,  [5] = 1,  [6] = 1,  [7] = 1,
    [8] = 1,  [9] = 1,  [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
    [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
    [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
    ['"'] = 1, ['\\'] = 1,
};

void es_jb_string(es_jbuf *b, const char *s, size_t n)
{
    if (s == NULL) {
        es_jb_put(b, "null", 4);
        return;
    }
    es_jb_put(b, "\"", 1);
    size_t from = 0, i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!json_special[c])
            continue;
        if (c == '\0')
            break;
        es_jb_put(b, s + from, i - from);
        from = i + 1;
        char esc[8];
        switch (c) {
        case '"': es_jb_put(b, "\\\"", 2); break;
        case '\\': es_jb_put(b, "\\\\", 2); break;
        case '\b': es_jb_put(b, "\\b", 2); break;
        case '\f': es_jb_put(b, "\\f", 2); break;
        case '\n': es_jb_put(b, "\\n", 2); break;
        case '\r': es_jb_put(b, "\\r", 2); break;
        case '\t': es_jb_put(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            es_jb_put(b, esc, 6);
        }
    }
    es_jb_put(b, s + from, i - from);
    es_jb_put(b, "\"", 1);
}

void es_jb_cstr(es_jbuf *b, const char *s)
{
    es_jb_string(b, s, s ? strlen(s) : 0);
}

void es_jb_number(es_jbuf *b, double v)
{
    char digits[64];
    if (!isfinite(v)) {
        es_jb_put(b, "null", 4);
        return;
    }
    /* whole numbers below 2^53 exactly, in digits (1000000000000000, not
     * 1e+15; 0, not -0) */
    if (v == floor(v) && fabs(v) < 9007199254740992.0) {
        char *p = digits + sizeof digits;
        long long x = (long long)v;
        unsigned long long u = x < 0 ? (unsigned long long)(-x) : (unsigned long long)x;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u > 0);
        if (x < 0)
            *--p = '-';
        es_jb_put(b, p, (size_t)(digits + sizeof digits - p));
        return;
    }
    size_t quick = es_short_decimal(v, digits);
    if (quick > 0) {
        es_jb_put(b, digits, quick);
        return;
    }
    /* the shortest of 15, 16 and 17 significant digits that reads back as
     * the same double (cJSON accepts 15 within an epsilon: not exact) */
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(digits, sizeof digits, "%1.*g", prec, v);
        if (prec == 17 || strtod(digits, NULL) == v) /* read back in the same locale */
            break;
    }
    /* printf wrote the locale's decimal point: JSON's is '.' */
    const char *dp = localeconv()->decimal_point;
    if (dp != NULL && dp[0] != '\0' && strcmp(dp, ".") != 0) {
        char *at = strstr(digits, dp);
        if (at != NULL) {
            size_t dl = strlen(dp);
            *at = '.';
            memmove(at + 1, at + dl, strlen(at + dl) + 1);
            n -= (int)dl - 1;
        }
    }
    es_jb_put(b, digits, (size_t)n);
}

void es_jb_key_n(es_jbuf *b, const char *k, size_t n, int first)
{
    es_jb_put(b, first ? "{\"" : ",\"", 2);
    es_jb_put(b, k, n);
    es_jb_put(b, "\":", 2);
}

int es_jb_flush(es_jbuf *b, FILE *out)
{
    if (b->oom)
        return -1;
    int ok = b->n == 0 || fwrite(b->p, 1, b->n, out) == b->n;
    b->n = 0;
    return ok ? 0 : -1;
}
