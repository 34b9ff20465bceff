/*
 * qualifier.h - how exact a figure is by its own words: 余/多/以上 (more
 * than), 近/约/左右 (about), 不少于 (at least), 不超过 (at most). One
 * definition for the scanner that reads them, the records that carry them
 * and the outputs that write them back in Chinese.
 */
#ifndef EDUSTAT_QUALIFIER_H
#define EDUSTAT_QUALIFIER_H

#include "edustat/export.h"

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_qualifier {
    ES_QUALIFIER_EXACT = 0,
    ES_QUALIFIER_MORE_THAN, /* 余, 多, 以上, 超过 */
    ES_QUALIFIER_APPROX,    /* 近, 约, 左右, 大约 */
    ES_QUALIFIER_AT_LEAST,  /* 不少于, 至少 */
    ES_QUALIFIER_AT_MOST    /* 不超过 */
} es_qualifier;

/* "exact", "more_than", "approx", "at_least", "at_most": the records' names. */
ES_API const char *es_qualifier_name(es_qualifier q);
/* The qualifier of such a name; false if it is none of them. */
ES_API bool es_qualifier_parse(const char *name, es_qualifier *q);
/* As a reader writes it before a number ("超过", "约", "不少于", "不超过"),
 * and after one ("以上", "左右", "（不少于）", "（不超过）"); "" when exact. */
ES_API const char *es_qualifier_prefix(es_qualifier q);
ES_API const char *es_qualifier_words(es_qualifier q);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_QUALIFIER_H */
