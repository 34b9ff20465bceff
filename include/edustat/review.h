/*
 * review.h - the review page (review.html): one self-contained HTML file
 * to check every number of the table against its sentence, offline in any
 * current browser. Per indicator, the table of districts by years and the
 * briefing's two charts as inline SVG; clicking a cell (or Tab and Enter,
 * or a link to #indicator/district/year) shows the sentence with the
 * figure marked, its file and line, year, basis and scope and how the year
 * was found, and every other mention of the cell with the reason it was
 * not taken. A panel lists what stayed out of the table. Filters by
 * indicator, district and year, and a search over the sentences. Text
 * from documents is escaped for HTML and for the script's JSON alike.
 */
#ifndef EDUSTAT_REVIEW_H
#define EDUSTAT_REVIEW_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/corpus.h"
#include "edustat/status.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Other mentions shown per cell, and figures listed per reason for
 * leaving the table, at most: the page carries sentences, not documents. */
#define ES_REVIEW_MAX_OTHERS 20
#define ES_REVIEW_MAX_LISTED 200

typedef struct es_review_options {
    const char *title;    /* NULL: "教育指标核对" */
    long long date_epoch; /* generation date (seconds since 1970); < 0: now */
} es_review_options;

ES_API es_status es_review_write(const es_table *t, const es_corpus *c, const es_review_options *o,
                          FILE *out, es_error *err);

#ifdef __cplusplus
}
#endif

#endif
