/*
 * document.h - splitting a source into the documents it holds.
 *
 * A line `第N篇 TITLE` (optionally ending in a word count `NNNN字`) starts a
 * new document; text before the first such heading is page furniture and
 * belongs to no document. A source without headings, or split with
 * ES_SPLIT_NONE, is one document whose title is the HTML page's heading or
 * the first non-empty line.
 */
#ifndef EDUSTAT_DOCUMENT_H
#define EDUSTAT_DOCUMENT_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/source.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_split_mode {
    ES_SPLIT_AUTO = 0, /* split at 第N篇 headings when there are any */
    ES_SPLIT_NONE      /* the whole source is one document */
} es_split_mode;

/* Longest line taken for a heading, in bytes; longer lines are prose. */
#define ES_MAX_HEADING_BYTES 600
#define ES_MAX_TITLE_BYTES 300

typedef struct es_document {
    int index;               /* 1-based, in file order */
    char title[ES_MAX_TITLE_BYTES + 1]; /* UTF-8, may be empty */
    size_t body_start;       /* text offsets of the body (after the heading) */
    size_t body_end;
    long start_line;         /* line of the heading, or 1 */
    long end_line;           /* last line before the next heading, or the file's last */
} es_document;

/* Split src. *docs (caller frees with free()) receives *n documents. */
ES_API es_status es_split_documents(const es_source *src, es_split_mode mode, es_document **docs,
                             size_t *n, es_error *err);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_DOCUMENT_H */
