/*
 * utf8_internal.h - one small reentrant UTF-8 step decoder and the code
 * point classes the scanner needs. Inline because the scanner calls it for
 * every character of every document.
 */
#ifndef EDUSTAT_UTF8_INTERNAL_H
#define EDUSTAT_UTF8_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define ES_UTF8_REPLACEMENT 0xFFFDu

/* Decode the code point at s[0..len) (len > 0). Returns the bytes it
 * takes (1-4). An invalid or truncated sequence yields U+FFFD and takes
 * one byte, so a caller always makes progress. */
static inline size_t es_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF && len >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
            *cp = v;
            return 3;
        }
    }
    if (c >= 0xF0 && c <= 0xF4 && len >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                     ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        if (v >= 0x10000 && v <= 0x10FFFF) {
            *cp = v;
            return 4;
        }
    }
    *cp = ES_UTF8_REPLACEMENT;
    return 1;
}

/* The code point that ends just before s[pos] (pos > 0); *start receives
 * its first byte. Invalid bytes come back one at a time as U+FFFD. */
static inline uint32_t es_utf8_decode_before(const unsigned char *s, size_t pos, size_t *start)
{
    size_t b = pos - 1;
    int steps = 0;
    while (b > 0 && steps < 3 && (s[b] & 0xC0) == 0x80) {
        b--;
        steps++;
    }
    uint32_t cp;
    size_t n = es_utf8_decode(s + b, pos - b, &cp);
    if (b + n != pos) { /* not one whole character: take the last byte alone */
        *start = pos - 1;
        return ES_UTF8_REPLACEMENT;
    }
    *start = b;
    return cp;
}

/* Characters (not bytes) in text[a, b). */
static inline int es_utf8_count_chars(const char *text, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* Encode cp into out (room for 4 bytes); returns the length. */
size_t es_utf8_encode(uint32_t cp, char *out);

/* Length in bytes of the longest valid UTF-8 prefix of s[0..len). */
size_t es_utf8_valid_prefix(const unsigned char *s, size_t len);

/* 0-9 for ASCII and full-width digits, else -1. */
static inline int es_arabic_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

/* Full-width ASCII forms (U+FF01..U+FF5E) as their ASCII twins; others unchanged. */
static inline uint32_t es_ascii_twin(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + 0x21;
    if (cp == 0x3000)
        return ' ';
    return cp;
}

static inline int es_is_ascii_letter(uint32_t cp)
{
    cp = es_ascii_twin(cp);
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Spaces within a line as text from PDF and Word has them: ASCII space and
 * tab, no-break (U+00A0), the typographic spaces U+2000-200A, narrow
 * no-break (U+202F) and ideographic (U+3000). Read byte-wise: they run on
 * every number. */

/* Bytes of such a space starting at s[pos] (pos < len), or 0. */
static inline size_t es_space_at(const unsigned char *s, size_t len, size_t pos)
{
    unsigned char c = s[pos];
    if (c == ' ' || c == '\t')
        return 1;
    if (c == 0xC2)
        return pos + 2 <= len && s[pos + 1] == 0xA0 ? 2 : 0;
    if (pos + 3 > len)
        return 0;
    if (c == 0xE2 && s[pos + 1] == 0x80 && (s[pos + 2] <= 0x8A || s[pos + 2] == 0xAF))
        return 3;
    if (c == 0xE3 && s[pos + 1] == 0x80 && s[pos + 2] == 0x80)
        return 3;
    return 0;
}

/* Bytes of such a space ending at s[pos - 1] (not before lo), or 0. */
static inline size_t es_space_before(const unsigned char *s, size_t lo, size_t pos)
{
    if (pos <= lo)
        return 0;
    unsigned char c = s[pos - 1];
    if (c == ' ' || c == '\t')
        return 1;
    if (c == 0xA0)
        return pos >= lo + 2 && s[pos - 2] == 0xC2 ? 2 : 0;
    if (pos < lo + 3 || s[pos - 2] != 0x80)
        return 0;
    if (s[pos - 3] == 0xE2 && (c <= 0x8A || c == 0xAF))
        return 3;
    return s[pos - 3] == 0xE3 && c == 0x80 ? 3 : 0;
}

#endif
