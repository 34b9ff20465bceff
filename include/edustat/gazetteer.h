/*
 * gazetteer.h - China's administrative divisions (GB/T 2260 codes and
 * names: provinces, prefecture-level cities, county-level districts and
 * counties), built into the binary from data/divisions.tsv, for checking
 * the place names a document gives.
 */
#ifndef EDUSTAT_GAZETTEER_H
#define EDUSTAT_GAZETTEER_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Longest division name, in characters. */
#define ES_MAX_DIVISION_CHARS 16

typedef enum es_division_level {
    ES_DIVISION_PROVINCE,
    ES_DIVISION_CITY,   /* prefecture-level */
    ES_DIVISION_COUNTY  /* county-level: 区, 县, county-level 市, 旗 */
} es_division_level;

typedef struct es_division {
    const char *code;     /* 6 digits */
    const char *name;
    es_division_level level;
    const char *city;     /* the county's city (or municipality); "" if none */
    const char *province;
} es_division;

typedef struct es_gazetteer es_gazetteer;

ES_API es_status es_gazetteer_new_builtin(es_gazetteer **out, es_error *err);
ES_API void es_gazetteer_free(es_gazetteer *g);

/* The divisions named exactly name (several counties share a name: 鼓楼区);
 * writes up to max of them to out and returns how many there are. */
ES_API size_t es_gazetteer_lookup(const es_gazetteer *g, const char *name, size_t len,
                           const es_division **out, size_t max);

/* The county-level division named name, the one in city when several share
 * the name (鼓楼区 of 福州市, of 南京市...) and city names one of them, else the
 * first in the table; NULL when there is none. city may be NULL. */
ES_API const es_division *es_gazetteer_county(const es_gazetteer *g, const char *name, const char *city);

/* The longest division name that ends exactly at text[end] (a byte offset
 * after a character), or NULL; *start receives where it begins. Words that
 * end like districts but are not (示范区, 学区, 片区, 社区, 城区...) never match. */
ES_API const es_division *es_gazetteer_name_ending_at(const es_gazetteer *g, const char *text,
                                               size_t end, size_t *start);

/* True for province-level municipalities (北京市, 天津市, 上海市, 重庆市),
 * which play the part of a city for their districts. */
ES_API bool es_division_is_municipality(const es_division *d);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_GAZETTEER_H */
