/*
 * units_internal.h - the measure words a quantity may carry and the unit
 * each normalises to (ANNOTATION.md section 3). The table lives in
 * units.c; this header only declares how to look it up.
 */
#ifndef EDUSTAT_UNITS_INTERNAL_H
#define EDUSTAT_UNITS_INTERNAL_H

#include <stddef.h>

enum {
    ES_UNIT_ARABIC_ONLY = 1u << 0, /* 分: 十分 means "very", 3分 is a score */
    ES_UNIT_YEAR = 1u << 1,        /* 年: a duration, unless the number is a year */
    ES_UNIT_PERCENT = 1u << 2,     /* %, ％, 个百分点 */
    ES_UNIT_ORDINAL_PRONE = 1u << 3, /* 届: 十六届 names a congress */
    /* after a Chinese numeral: */
    ES_UNIT_REFERS = 1u << 4,      /* 校: 两校 are the schools just named, not a count */
    ES_UNIT_PHASE = 1u << 5,       /* 期: 二期、 is a project's phase */
    ES_UNIT_ENUMERATES = 1u << 6   /* 个: 四个加强 enumerates ideas */
};

typedef struct es_unit {
    const char *surface;     /* as written: "平方米" */
    const char *unit;        /* normalised: "㎡" */
    unsigned flags;
    /* '|'-separated words that, right after the surface, make it part of
     * another word (个 before 月 is a duration, 部 before 分 is 部分). */
    const char *not_before;
} es_unit;

/* The longest measure word at s[0..len) that is not the start of one of
 * its not_before words; NULL if none. *used receives its length. */
const es_unit *es_unit_match(const char *s, size_t len, size_t *used);

/* The unit and power of ten a table column header implies: "经费（万元）"
 * gives 元 and 4, "学校数" gives 所 and 0. NULL when it implies none. */
const char *es_unit_from_header(const char *header, int *magnitude);

/* True if s[0..len) starts with one of the '|'-separated words. */
int es_starts_with_any(const char *s, size_t len, const char *words);

/* True if text ending at s[0..end) ends with one of the '|'-separated words. */
int es_ends_with_any(const char *s, size_t end, const char *words);

#endif
