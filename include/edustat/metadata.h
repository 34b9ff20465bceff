/*
 * metadata.h - which district, city and year a document reports on
 * (ANNOTATION.md section 6), from its title and body, checked against the
 * gazetteer; and where each answer came from.
 */
#ifndef EDUSTAT_METADATA_H
#define EDUSTAT_METADATA_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/gazetteer.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ES_MAX_PLACE_BYTES 96
/* Most bytes of a body read as its opening paragraphs (its first two
 * non-empty lines). */
#define ES_OPENING_BYTES 600
/* Bytes of a body searched for place names: a report names its district
 * early, and long reports are not read to the end for it. */
#define ES_PLACE_SCAN_BYTES 16384
/* Bytes at the end of a body searched for the closing date. */
#define ES_CLOSING_BYTES 400

typedef struct es_doc_meta {
    char district[ES_MAX_PLACE_BYTES]; /* "" when unknown */
    char district_code[8];             /* GB/T 2260, "" when unknown */
    char city[ES_MAX_PLACE_BYTES];
    int year;                          /* 0 when unknown */
    /* "title", "source" (the publishing office), "body", "option" or
     * "manifest"; NULL when unknown */
    const char *district_from, *city_from, *year_from;
} es_doc_meta;

/* Detect the metadata of the document titled title whose body is
 * text[body_start, body_end). Never fails: unknown fields stay empty. */
ES_API void es_detect_metadata(const es_gazetteer *g, const char *title, const char *text,
                        size_t body_start, size_t body_end, es_doc_meta *out);

/* The same, with the office that published the document (a government
 * page's ContentSource or 发布机构, a Word file's company; NULL if unknown)
 * read after the title and before the body for its district and city; and
 * the year it was published or created (0 if unknown), the year's last
 * resort when neither title nor body names one (year_from "source"). */
ES_API void es_detect_metadata_published(const es_gazetteer *g, const char *title, const char *publisher,
                                         int published_year, const char *text, size_t body_start,
                                         size_t body_end, es_doc_meta *out);

/* The year of the first year expression in s[0..len) (2024年, ２０２２年,
 * 二〇〇五年, 二oo五年); 0 if none; -1 if the first one is a placeholder
 * (20__年, 20XX年, XX年). *end receives the offset after it. */
ES_API int es_find_year(const char *s, size_t len, size_t *end);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_METADATA_H */
