/*
 * unwrap.c - line breaks that only wrap a paragraph (see unwrap_internal.h).
 *
 * Text taken from PDF or Word is cut into lines of one width: a figure may
 * start on one line and end on the next (增至 / 14.3万人), and the words
 * that tell what it counts stand on the line before. Such a file is
 * recognised by its lines: many share one width W, and almost none is
 * wider. A break after a line of about W that does not end a sentence, and
 * before a line that does not open a paragraph (indent, list marker), only
 * wraps: the paragraph is read without it, and an offset map leads every
 * offset of the joined text back to the file's (line numbers, byte ranges
 * and raw spans stay the file's).
 */
#include "unwrap_internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Widths are counted in columns: a character of three or four UTF-8
 * bytes (Han, full-width forms) takes two, any other one. */
#define MAX_WIDTH 240
/* Lines shorter than this never wrap a paragraph (PDF pages hold about 35
 * Han characters a line, Word's text export 72 columns). */
#define MIN_WRAP_WIDTH 40
/* A wrapped line may fall this many columns short of the width (a wide
 * character that did not fit, narrow digits). */
#define WIDTH_SLACK 5
/* At least this many lines, and this share of the long ones, share the width. */
#define MIN_WRAPPED_LINES 2

typedef struct line_info {
    size_t start, end; /* end: at the line break, trailing spaces excluded */
    int width;
} line_info;

static int columns(const unsigned char *t, size_t a, size_t b)
{
    /* One per character (a byte that is not 10xxxxxx), one more if wide
     * (a lead byte 111xxxxx); eight bytes at a time. */
    const uint64_t high = 0x8080808080808080ull;
    int w = 0;
    size_t i = a;
    for (; i + 8 <= b; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t b7 = x & high, b6 = (x << 1) & high, b5 = (x << 2) & high;
        /* a 1 in each byte that is a continuation, and in each wide lead;
         * the multiplication sums the bytes into the top one */
        uint64_t cont = (b7 & ~b6) >> 7, wide = (b7 & b6 & b5) >> 7;
        w += 8 - (int)((cont * 0x0101010101010101ull) >> 56) + (int)((wide * 0x0101010101010101ull) >> 56);
    }
    for (; i < b; i++)
        w += ((t[i] & 0xC0) != 0x80) + (t[i] >= 0xE0);
    return w;
}

/* The line starting at pos: its end without trailing spaces (ASCII, CR,
 * ideographic) and where the next line starts. */
static size_t line_end(const unsigned char *t, size_t len, size_t pos, size_t *next)
{
    const unsigned char *nl = memchr(t + pos, '\n', len - pos);
    size_t e = nl ? (size_t)(nl - t) : len;
    *next = nl ? e + 1 : len;
    while (e > pos) {
        if (t[e - 1] == ' ' || t[e - 1] == '\r' || t[e - 1] == '\t')
            e--;
        else if (e >= pos + 3 && t[e - 3] == 0xE3 && t[e - 2] == 0x80 && t[e - 1] == 0x80)
            e -= 3;
        else
            break;
    }
    return e;
}

/* Does the line end a sentence or lead into a list (。！？：and closing
 * quotes)? A semicolon or comma at the end of a full line is only where
 * the line happened to end. */
static int ends_sentence(const unsigned char *t, size_t a, size_t e)
{
    if (e == a)
        return 1;
    unsigned char c = t[e - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':')
        return 1;
    if (e >= a + 3) {
        static const char *const marks[] = {"。", "！", "？", "：", "…", "”", "」", "』"};
        for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
            if (memcmp(t + e - 3, marks[i], 3) == 0)
                return 1;
    }
    return 0;
}

/* Does the line at a open a paragraph: an indent, a list marker (一、
 * （一） 1. 1、 第一), or nothing at all? */
static int opens_paragraph(const unsigned char *t, size_t a, size_t e)
{
    if (a >= e)
        return 1;
    if (t[a] == ' ' || t[a] == '\t' || (e >= a + 3 && memcmp(t + a, "\xE3\x80\x80", 3) == 0))
        return 1;
    if (t[a] == '(' || (e >= a + 3 && memcmp(t + a, "（", 3) == 0) ||
        (e >= a + 3 && memcmp(t + a, "第", 3) == 0))
        return 1;
    size_t p = a;
    if (t[p] >= '0' && t[p] <= '9') {
        while (p < e && t[p] >= '0' && t[p] <= '9')
            p++;
        /* 1. 1、 1． but not a decimal (98.1%) */
        if (p < e && t[p] == '.')
            return !(p + 1 < e && t[p + 1] >= '0' && t[p + 1] <= '9');
        return p + 3 <= e && (memcmp(t + p, "、", 3) == 0 || memcmp(t + p, "．", 3) == 0);
    }
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
        if (e >= a + 6 && memcmp(t + a, numerals[i], 3) == 0 &&
            (memcmp(t + a + 3, "、", 3) == 0 || memcmp(t + a + 3, "是", 3) == 0))
            return 1;
    return 0;
}

/* The width the file's lines are wrapped at, or 0 when they are not. One
 * pass: widths of all lines, and of those that do not end a sentence. */
static int wrap_width(const unsigned char *t, size_t len)
{
    unsigned soft[MAX_WIDTH + 2] = {0}, all[MAX_WIDTH + 2] = {0};
    size_t pos = 0, long_lines = 0;
    while (pos < len) {
        size_t next, e = line_end(t, len, pos, &next);
        /* a line of more than 2 * MAX_WIDTH bytes is wider than MAX_WIDTH
         * columns (no character takes more than two bytes a column): a
         * paragraph on one line, not counted character by character */
        int w = e - pos > 2 * (size_t)MAX_WIDTH ? MAX_WIDTH + 1 : columns(t, pos, e);
        if (w > MAX_WIDTH)
            w = MAX_WIDTH + 1;
        if (w >= MIN_WRAP_WIDTH) {
            long_lines++;
            all[w]++;
            soft[w] += !ends_sentence(t, pos, e);
        }
        pos = next;
    }
    int best = 0;
    unsigned best_n = 0;
    for (int w = MIN_WRAP_WIDTH; w <= MAX_WIDTH; w++) {
        unsigned n = 0;
        for (int k = 0; k <= WIDTH_SLACK && w - k >= MIN_WRAP_WIDTH; k++)
            n += soft[w - k];
        if (n >= best_n) {
            best_n = n;
            best = w;
        }
    }
    if (best_n < MIN_WRAPPED_LINES || best_n * 3 < long_lines)
        return 0;
    /* Wrapped text has almost no line wider than its width. */
    size_t wider = 0;
    for (int w = best + 3; w <= MAX_WIDTH + 1; w++)
        wider += all[w];
    return wider * 20 <= best_n ? best : 0;
}

es_status es_unwrap_lines(const char *text, size_t len, char **out, size_t *out_len,
                          es_offmap *map)
{
    *out = NULL;
    *out_len = 0;
    const unsigned char *t = (const unsigned char *)text;
    int width = wrap_width(t, len);
    if (width == 0)
        return ES_OK;
    char *u = malloc(len + 1);
    if (u == NULL || es_offmap_add(map, 0, 0) != ES_OK) {
        free(u);
        return ES_ERR_NOMEM;
    }
    size_t n = 0, pos = 0;
    bool joined = false;
    while (pos < len) {
        size_t next, e = line_end(t, len, pos, &next);
        size_t next_next, ne = next < len ? line_end(t, len, next, &next_next) : next;
        bool soft = next < len && columns(t, pos, e) >= width - WIDTH_SLACK &&
                    !ends_sentence(t, pos, e) && !opens_paragraph(t, next, ne);
        size_t keep = soft ? e : next;
        memcpy(u + n, text + pos, keep - pos);
        n += keep - pos;
        if (soft) {
            /* Between Han characters the break goes (增至14.3万人次); between
             * two Latin words it is a space. */
            if (t[e - 1] < 0x80 && t[next] < 0x80)
                u[n++] = ' ';
            if (es_offmap_add(map, n, next) != ES_OK) {
                free(u);
                es_offmap_free(map);
                return ES_ERR_NOMEM;
            }
            joined = true;
        }
        pos = next;
    }
    if (!joined) {
        free(u);
        es_offmap_free(map);
        return ES_OK;
    }
    u[n] = '\0';
    *out = u;
    *out_len = n;
    return ES_OK;
}
