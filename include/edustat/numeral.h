/*
 * numeral.h - reading one numeral: Arabic (ASCII or full-width digits,
 * thousands separators, decimals) or Chinese (零〇一二两三四五六七八九十百千万亿,
 * 点 decimals, and digit-by-digit forms such as 二〇〇五 or 二oo五).
 *
 * The parser only reads numbers; deciding whether a number is a quantity
 * (unit, year, ordinal...) is the scanner's job. It never allocates.
 */
#ifndef EDUSTAT_NUMERAL_H
#define EDUSTAT_NUMERAL_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Longest numeral run read as one number, in characters; a longer run is
 * consumed whole and flagged as overflow. */
#define ES_MAX_NUMERAL_LEN 64
/* Significant digits kept exactly; more digits (or a value above
 * ES_MAX_NUMERAL_VALUE) is an overflow, never a wrapped value. */
#define ES_MAX_NUMERAL_DIGITS 18
#define ES_MAX_NUMERAL_VALUE 1e18

typedef enum es_numeral_kind {
    ES_NUMERAL_NONE = 0,
    ES_NUMERAL_ARABIC,         /* 21, ２１, 12,804, 99.53 */
    ES_NUMERAL_CHINESE,        /* 一百二十, 三万二千, 九十八点五 */
    ES_NUMERAL_CHINESE_DIGITS  /* 二〇〇五, 一九九八, 二oo五: digit by digit */
} es_numeral_kind;

typedef struct es_numeral {
    es_numeral_kind kind;  /* NONE when no numeral starts here */
    size_t len;            /* bytes of the whole run, also when not valid */
    bool valid;            /* the run is one well-formed number */
    bool overflow;         /* too many digits or too large: value unset */
    uint64_t mantissa;     /* value = mantissa * 10^exp10 */
    int exp10;
    int int_digits;        /* digits before the decimal point (Arabic, digit-by-digit) */
    int frac_digits;       /* digits after it */
    bool leading_zero;     /* "08", "0591": written with a leading zero */
    bool grouped;          /* thousands separators were used */
    int n_chars;           /* characters in the run */
} es_numeral;

/* Read the numeral that starts at s[0..len). Sets out->kind to
 * ES_NUMERAL_NONE (and len 0) when s does not start with a digit or a
 * Chinese numeral character. Reentrant; never reads past len. */
ES_API void es_numeral_parse(const char *s, size_t len, es_numeral *out);

/* The numeral's value as a double; magnitude_pow10 multiplies it exactly
 * (4 for 万, 8 for 亿). */
ES_API double es_numeral_value(const es_numeral *n, int magnitude_pow10);

/* If s starts with a magnitude word (万, 亿, 千, 百, 万亿, 千万, 百万), its power
 * of ten; *used receives its length in bytes. Returns 0 when none. */
ES_API int es_magnitude_parse(const char *s, size_t len, size_t *used);

/* True for the code points that can start a Chinese numeral. */
ES_API bool es_is_chinese_numeral_char(uint32_t cp);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_NUMERAL_H */
