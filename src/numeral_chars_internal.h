/*
 * numeral_chars_internal.h - every Chinese numeral character, indexed by
 * the low byte of its code point: the low bytes of these 28 characters are
 * all different, so one table lookup and one compare classify any code
 * point. The scanner asks this for every character of every document, so
 * the lookup is inline here (the table is numeral.c's).
 */
#ifndef EDUSTAT_NUMERAL_CHARS_INTERNAL_H
#define EDUSTAT_NUMERAL_CHARS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

typedef struct es_numeral_char {
    uint32_t cp;
    signed char digit;   /* 0-9, or -1 for 十百千 */
    unsigned short unit; /* 10, 100, 1000 for 十百千, else 0 */
} es_numeral_char;

extern const es_numeral_char es_numeral_chars[256];

/* The entry of cp, or NULL when cp is no Chinese numeral. */
static inline const es_numeral_char *es_numeral_char_of(uint32_t cp)
{
    const es_numeral_char *c = &es_numeral_chars[cp & 0xFF];
    return (c->cp == cp && cp != 0) ? c : NULL;
}

#endif
