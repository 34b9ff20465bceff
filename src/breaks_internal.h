/*
 * breaks_internal.h - where text breaks into paragraphs, sentences and
 * clauses: one table of break characters for the scanner's context, the
 * classifier's clauses and the situator's sentences (docs/contract.md,
 * "Time, basis and scope"). Each level includes the ones before it: a
 * comma-clause ends at a comma, a semicolon or a sentence end.
 */
#ifndef EDUSTAT_BREAKS_INTERNAL_H
#define EDUSTAT_BREAKS_INTERNAL_H

#include <stdint.h>

enum es_break_level {
    ES_BREAK_PARAGRAPH, /* \n \r */
    ES_BREAK_SENTENCE,  /* 。！？ ! ? */
    ES_BREAK_SEMICOLON, /* ； ; */
    ES_BREAK_COMMA,     /* ，： , : */
    ES_BREAK_CLAUSE     /* 、 */
};

/* The level of code point cp as a break, or -1. */
static inline int es_break_level(uint32_t cp)
{
    switch (cp) {
    case '\n': case '\r': return ES_BREAK_PARAGRAPH;
    case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?': return ES_BREAK_SENTENCE;
    case 0xFF1B: case ';': return ES_BREAK_SEMICOLON;
    case 0xFF0C: case 0xFF1A: case ',': case ':': return ES_BREAK_COMMA;
    case 0x3001: return ES_BREAK_CLAUSE;
    default: return -1;
    }
}

/* The same, read byte-wise without decoding, for scans over every byte:
 * of an ASCII byte c, and of the three bytes at t (these byte patterns
 * occur in valid UTF-8 only as these characters). test_breaks checks both
 * against es_break_level over the whole Basic Multilingual Plane. */
static inline int es_break_level_ascii(unsigned char c)
{
    static const signed char level_plus_1[128] = {
        ['\n'] = ES_BREAK_PARAGRAPH + 1, ['\r'] = ES_BREAK_PARAGRAPH + 1, ['!'] = ES_BREAK_SENTENCE + 1,
        ['?'] = ES_BREAK_SENTENCE + 1,    [';'] = ES_BREAK_SEMICOLON + 1,  [','] = ES_BREAK_COMMA + 1,
        [':'] = ES_BREAK_COMMA + 1,
    };
    return c < 0x80 ? level_plus_1[c] - 1 : -1;
}

static inline int es_break_level_utf8_3(const unsigned char *t)
{
    if (t[0] == 0xE3 && t[1] == 0x80)
        return t[2] == 0x82 ? ES_BREAK_SENTENCE : t[2] == 0x81 ? ES_BREAK_CLAUSE : -1;
    if (t[0] == 0xEF && t[1] == 0xBC) {
        switch (t[2]) {
        case 0x81: case 0x9F: return ES_BREAK_SENTENCE;
        case 0x9B: return ES_BREAK_SEMICOLON;
        case 0x8C: case 0x9A: return ES_BREAK_COMMA;
        default: return -1;
        }
    }
    return -1;
}

/* A break that ends a comma-clause (，：,: and every stronger one). */
static inline int es_is_comma_break(uint32_t cp)
{
    int b = es_break_level(cp);
    return b >= 0 && b <= ES_BREAK_COMMA;
}

/* A break that ends a sentence or its ；-part. */
static inline int es_is_sentence_break(uint32_t cp)
{
    int b = es_break_level(cp);
    return b >= 0 && b <= ES_BREAK_SEMICOLON;
}

#endif
