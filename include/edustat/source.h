/*
 * source.h - one input file, read and decoded: UTF-8 text with a map back
 * to the file (byte offsets and 1-based lines).
 *
 * Loading detects the encoding (UTF-8 with or without BOM, GB18030/GBK,
 * UTF-16 with BOM), converts to UTF-8, and turns HTML into text. Line
 * endings (LF, CRLF, CR) are kept in the text; lines are counted in the
 * file as it was written. An es_source owns all its memory.
 */
#ifndef EDUSTAT_SOURCE_H
#define EDUSTAT_SOURCE_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/locator.h"
#include "edustat/table_cell.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest file read, in bytes. */
#define ES_MAX_FILE_BYTES ((size_t)1 << 30)

typedef struct es_source es_source;

/* Read and decode the file at path ("-" reads standard input). On failure
 * returns a status and describes it in err (naming the file; the line for
 * an invalid byte). Invalid bytes inside otherwise valid UTF-8 are not a
 * failure: they become U+FFFD and es_source_invalid_bytes() tells. */
ES_API es_status es_source_load(const char *path, es_source **out, es_error *err);

/* The same from bytes already in memory; name is used in messages and
 * records and decides HTML by its extension. */
ES_API es_status es_source_from_bytes(const char *name, const char *bytes, size_t len, es_source **out,
                               es_error *err);

ES_API void es_source_free(es_source *src);

ES_API const char *es_source_name(const es_source *src);
ES_API const char *es_source_text(const es_source *src, size_t *len);
ES_API const char *es_source_encoding(const es_source *src); /* "UTF-8", "GB18030"... */
ES_API bool es_source_is_html(const es_source *src);
/* The HTML page's <h1> or <title>, or NULL. */
ES_API const char *es_source_html_title(const es_source *src);
ES_API const es_table_cell *es_source_cells(const es_source *src, size_t *n);
/* The office that published the file, as it says: a government page's
 * <meta name="ContentSource"> or its header line 发布机构：/来源：, a Word
 * file's company; NULL when it says none. */
ES_API const char *es_source_publisher(const es_source *src);
/* The year the file says it was published (a government page's PubDate)
 * or created (a Word file's properties); 0 when it says none. */
ES_API int es_source_published_year(const es_source *src);
/* "text", "html", "docx", "xlsx" or "pdf": what the file was read as. */
ES_API const char *es_source_format(const es_source *src);
/* Where text offset off stands in a Word or Excel file (its sheet and
 * cell, its paragraph or table cell); NULL for text and HTML, whose line
 * and byte offsets say it. For those files the "file offsets" and lines
 * of the other functions are the extracted text's. */
ES_API const es_locator *es_source_locator(const es_source *src, size_t off);
/* Cells of a Word or Excel table where a figure should stand but none
 * does: empty, or an error such as #DIV/0!. Gaps, not zeros. */
ES_API size_t es_source_gaps(const es_source *src);
/* What the reader of a Word, Excel or PDF file could not read (a page
 * with no text, text without a Unicode map): *n notes, each a sentence. */
ES_API const char *const *es_source_notes(const es_source *src, size_t *n);

/* Byte offset in the file of text offset off. */
ES_API size_t es_source_offset(const es_source *src, size_t off);
/* 1-based line in the file of text offset off. */
ES_API long es_source_line(const es_source *src, size_t off);
/* Lines in the file (a last line without a newline counts). */
ES_API long es_source_line_count(const es_source *src);

/* The text is the file's, except that a paragraph wrapped over lines of
 * one width (text from PDF or Word) is read joined. When text[a, b) spans
 * such a break, this returns the file's (decoded) text for it and its
 * length; NULL when text[a, b) is the file's own. */
ES_API const char *es_source_original(const es_source *src, size_t a, size_t b, size_t *len);

/* Bytes that could not be decoded; *first_line is the line of the first. */
ES_API size_t es_source_invalid_bytes(const es_source *src, long *first_line);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_SOURCE_H */
