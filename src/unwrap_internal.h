/*
 * unwrap_internal.h - reading a paragraph wrapped over several lines (text
 * from PDF or Word) as one.
 */
#ifndef EDUSTAT_UNWRAP_INTERNAL_H
#define EDUSTAT_UNWRAP_INTERNAL_H

#include <stddef.h>

#include "edustat/status.h"
#include "offmap_internal.h"

/* If text[0..len) is wrapped at one width, write the text with the breaks
 * inside its paragraphs taken out to *out (malloc'd, NUL-terminated) and
 * anchors from its offsets to text's into map. *out is NULL when the text
 * is not wrapped. */
es_status es_unwrap_lines(const char *text, size_t len, char **out, size_t *out_len,
                          es_offmap *map);

#endif
