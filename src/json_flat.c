/* json_flat.c - a flat JSON object parsed in place (see
 * json_flat_internal.h). */
#include "json_flat_internal.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && (unsigned char)*p <= 32) /* as cJSON skips */
        p++;
    return p;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* The string whose opening quote is at p, decoded in place (the decoded
 * text is never longer); *next after its closing quote. NULL: not one
 * this parser takes. */
static char *string_at(char *p, const char *end, char **next)
{
    char *out = ++p, *start = p;
    while (p < end && *p != '"') {
        if (*p != '\\') {
            *out++ = *p++;
            continue;
        }
        if (end - p < 2)
            return NULL;
        char e = p[1];
        p += 2;
        switch (e) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (end - p < 4 || hex4(p, &cp) != 0)
                return NULL;
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, &lo) != 0 || lo < 0xDC00 ||
                    lo > 0xDFFF)
                    return NULL;
                p += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
                return NULL; /* a lone low surrogate, or NUL: cJSON's way */
            }
            if (cp < 0x80) {
                *out++ = (char)cp;
            } else if (cp < 0x800) {
                *out++ = (char)(0xC0 | cp >> 6);
                *out++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *out++ = (char)(0xE0 | cp >> 12);
                *out++ = (char)(0x80 | (cp >> 6 & 0x3F));
                *out++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *out++ = (char)(0xF0 | cp >> 18);
                *out++ = (char)(0x80 | (cp >> 12 & 0x3F));
                *out++ = (char)(0x80 | (cp >> 6 & 0x3F));
                *out++ = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default:
            return NULL;
        }
    }
    if (p >= end)
        return NULL;
    *out = '\0'; /* over a byte already read: the closing quote at the latest */
    *next = p + 1;
    return start;
}

/* A number at p, read as cJSON reads one (its characters, then strtod in
 * the locale, whose decimal point is dp); *next after it. -1: not one. */
static int number_at(const char *p, const char *end, char dp, double *out, const char **next)
{
    char buf[64];
    size_t n = 0;
    while (p + n < end && n < sizeof buf - 1 && strchr("0123456789+-eE.", p[n]) != NULL && p[n] != '\0') {
        buf[n] = p[n] == '.' ? dp : p[n];
        n++;
    }
    if (n == 0 || n == sizeof buf - 1)
        return -1;
    buf[n] = '\0';
    char *stop;
    *out = strtod(buf, &stop);
    if (stop == buf)
        return -1;
    *next = p + (stop - buf);
    return 0;
}

int es_flat_parse(es_flat *f, char *line, size_t len)
{
    const char *end = line + len;
    f->n = 0;
    if (f->decimal_point == '\0') {
        const char *dp = localeconv()->decimal_point;
        f->decimal_point = dp && dp[0] && !dp[1] ? dp[0] : '.';
    }
    char *p = (char *)skip_space(line, end);
    if (p >= end || *p != '{')
        return -1;
    p = (char *)skip_space(p + 1, end);
    if (p < end && *p == '}')
        return 0;
    for (;;) {
        if (p >= end || *p != '"' || f->n == ES_FLAT_MAX_FIELDS)
            return -1;
        char *next;
        char *key = string_at(p, end, &next);
        size_t key_len = key ? strlen(key) : 0;
        if (key == NULL || key_len > 255)
            return -1;
        p = (char *)skip_space(next, end);
        if (p >= end || *p != ':')
            return -1;
        p = (char *)skip_space(p + 1, end);
        if (p >= end)
            return -1;
        es_flat_value v = {ES_FLAT_NULL, NULL, 0};
        if (*p == '"') {
            v.type = ES_FLAT_STRING;
            v.s = string_at(p, end, &next);
            if (v.s == NULL)
                return -1;
            p = next;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            const char *after;
            v.type = ES_FLAT_NUMBER;
            if (number_at(p, end, f->decimal_point, &v.d, &after) != 0)
                return -1;
            p = (char *)after;
        } else if (end - p >= 4 && memcmp(p, "null", 4) == 0) {
            p += 4;
        } else if (end - p >= 4 && memcmp(p, "true", 4) == 0) {
            v.type = ES_FLAT_BOOL;
            v.d = 1;
            p += 4;
        } else if (end - p >= 5 && memcmp(p, "false", 5) == 0) {
            v.type = ES_FLAT_BOOL;
            p += 5;
        } else {
            return -1; /* an object or array inside: cJSON's job */
        }
        f->keys[f->n] = key;
        f->key_len[f->n] = (unsigned char)key_len;
        f->values[f->n++] = v;
        p = (char *)skip_space(p, end);
        if (p < end && *p == ',') {
            p = (char *)skip_space(p + 1, end);
            continue;
        }
        return p < end && *p == '}' ? 0 : -1;
    }
}

es_flat_value es_flat_get(const es_flat *f, const char *k)
{
    size_t n = strlen(k);
    for (size_t i = 0; i < f->n; i++)
        if (f->key_len[i] == n && memcmp(f->keys[i], k, n) == 0)
            return f->values[i];
    return (es_flat_value){ES_FLAT_ABSENT, NULL, 0};
}
