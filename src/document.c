/* document.c - splitting a source at 第N篇 headings (see document.h). */
#include "edustat/document.h"
#include "edustat/numeral.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <stdlib.h>
#include <string.h>

static int is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF;
}

static int is_blank_or_thin(uint32_t cp)
{
    return is_blank(cp) || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A);
}

/* Copy t[a..b) into out, trimmed of blanks, cut at a character boundary. */
static void copy_trimmed(const char *t, size_t a, size_t b, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)t;
    uint32_t cp;
    while (a < b) {
        size_t k = es_utf8_decode(u + a, b - a, &cp);
        if (!is_blank(cp) && cp != '\r' && cp != '\n')
            break;
        a += k;
    }
    while (b > a) {
        size_t st;
        cp = es_utf8_decode_before(u, b, &st);
        if (!is_blank(cp) && cp != '\r' && cp != '\n')
            break;
        b = st;
    }
    size_t n = b - a;
    if (n > cap - 1) {
        n = cap - 1;
        while (n > 0 && (u[a + n] & 0xC0) == 0x80)
            n--; /* do not cut a character in half */
    }
    memcpy(out, t + a, n);
    out[n] = '\0';
}

/* If the line [a, b) is a heading `第N篇 TITLE [NNNN字]`, copy the title
 * and return 1. */
static int parse_heading(const char *t, size_t a, size_t b, char *title, size_t cap)
{
    const unsigned char *u = (const unsigned char *)t;
    uint32_t cp;
    if (b - a > ES_MAX_HEADING_BYTES)
        return 0;
    size_t p = a, k;
    while (p < b && (k = es_utf8_decode(u + p, b - p, &cp)) && is_blank(cp))
        p += k;
    if (b - p < 3 || memcmp(t + p, "第", 3) != 0)
        return 0;
    p += 3;
    /* 第 2 篇: text from PDF has spaces around numbers */
    while (p < b && (k = es_utf8_decode(u + p, b - p, &cp)) && is_blank_or_thin(cp))
        p += k;
    es_numeral n;
    es_numeral_parse(t + p, b - p, &n);
    if (n.kind == ES_NUMERAL_NONE || !n.valid)
        return 0;
    p += n.len;
    while (p < b && (k = es_utf8_decode(u + p, b - p, &cp)) && is_blank_or_thin(cp))
        p += k;
    if (b - p < 3 || memcmp(t + p, "篇", 3) != 0)
        return 0;
    p += 3;
    if (p < b) {
        es_utf8_decode(u + p, b - p, &cp);
        if (!is_blank(cp) && cp != ':' && cp != 0xFF1A && cp != '\r' && cp != 0x3001)
            return 0; /* 第二篇章... is prose */
        if (cp == ':' || cp == 0xFF1A || cp == 0x3001)
            p += es_utf8_decode(u + p, b - p, &cp);
    }
    /* Drop a trailing word count: blanks, digits, 字. */
    size_t e = b;
    while (e > p && (t[e - 1] == '\r' || t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    if (e - p >= 3 && memcmp(t + e - 3, "字", 3) == 0) {
        size_t d = e - 3;
        size_t st;
        while (d > p && is_blank_or_thin(es_utf8_decode_before(u, d, &st)))
            d = st; /* 1800 字 */
        size_t digits = 0;
        while (d > p && t[d - 1] >= '0' && t[d - 1] <= '9') {
            d--;
            digits++;
        }
        if (digits > 0 && (d == p || t[d - 1] == ' ' || t[d - 1] == '\t' ||
                           (d >= 3 && memcmp(t + d - 3, "\xE3\x80\x80", 3) == 0)))
            e = d;
    }
    copy_trimmed(t, p, e, title, cap);
    return 1;
}

static size_t line_end(const char *t, size_t len, size_t a)
{
    const char *nl = memchr(t + a, '\n', len - a);
    const char *cr = memchr(t + a, '\r', (size_t)((nl ? nl : t + len) - (t + a)));
    const char *brk = cr ? cr : nl;
    return brk ? (size_t)(brk - t) : len;
}

static size_t next_line(const char *t, size_t len, size_t e)
{
    if (e < len && t[e] == '\r')
        e++;
    if (e < len && t[e] == '\n')
        e++;
    return e;
}

es_status es_split_documents(const es_source *src, es_split_mode mode, es_document **docs,
                             size_t *n, es_error *err)
{
    size_t len;
    const char *t = es_source_text(src, &len);
    size_t cap = 16, count = 0;
    es_document *d = malloc(cap * sizeof *d);
    if (d == NULL)
        return es_error_set(err, ES_ERR_NOMEM, es_source_name(src), 0, "out of memory");
    *docs = NULL;
    *n = 0;
    char title[ES_MAX_TITLE_BYTES + 1];
    if (mode == ES_SPLIT_AUTO) {
        size_t a = 0;
        while (a < len) {
            size_t e = line_end(t, len, a);
            size_t nx = next_line(t, len, e);
            if (e - a >= 6 && parse_heading(t, a, e, title, sizeof title)) {
                if (count == cap) {
                    cap *= 2;
                    es_document *p = realloc(d, cap * sizeof *p);
                    if (p == NULL) {
                        free(d);
                        return es_error_set(err, ES_ERR_NOMEM, es_source_name(src), 0,
                                            "out of memory");
                    }
                    d = p;
                }
                es_document *doc = &d[count];
                if (count > 0)
                    d[count - 1].body_end = a;
                doc->index = (int)count + 1;
                memcpy(doc->title, title, sizeof title);
                doc->body_start = nx;
                doc->body_end = len;
                doc->start_line = es_source_line(src, a);
                count++;
            }
            if (nx == a)
                break;
            a = nx;
        }
    }
    if (count == 0) {
        d[0].index = 1;
        d[0].body_start = 0;
        d[0].body_end = len;
        d[0].start_line = 1;
        d[0].title[0] = '\0';
        const char *ht = es_source_html_title(src);
        if (ht != NULL && ht[0] != '\0') {
            copy_trimmed(ht, 0, strlen(ht), d[0].title, sizeof d[0].title);
        } else {
            size_t a = 0;
            while (a < len) {
                size_t e = line_end(t, len, a);
                copy_trimmed(t, a, e, d[0].title, sizeof d[0].title);
                if (d[0].title[0] != '\0')
                    break;
                size_t nx = next_line(t, len, e);
                if (nx == a)
                    break;
                a = nx;
            }
        }
        count = 1;
    }
    for (size_t i = 0; i < count; i++)
        d[i].end_line = i + 1 < count ? d[i + 1].start_line - 1 : es_source_line_count(src);
    *docs = d;
    *n = count;
    return ES_OK;
}
