/*
 * offmap_internal.h - a map from offsets in derived text back to offsets in
 * the text it came from, stored as anchors: between two anchors offsets
 * advance together, so an unchanged run costs one anchor.
 */
#ifndef EDUSTAT_OFFMAP_INTERNAL_H
#define EDUSTAT_OFFMAP_INTERNAL_H

#include <stddef.h>

#include "edustat/status.h"

typedef struct es_offmap {
    size_t *dst; /* offsets in the derived text, ascending */
    size_t *src; /* the matching offsets in the original */
    size_t n, cap;
} es_offmap;

/* Note that derived offset dst comes from original offset src. Anchors must
 * be added with non-decreasing dst. Returns ES_ERR_NOMEM on failure. */
es_status es_offmap_add(es_offmap *m, size_t dst, size_t src);

/* The original offset of derived offset dst (dst itself with no anchors). */
size_t es_offmap_lookup(const es_offmap *m, size_t dst);

void es_offmap_free(es_offmap *m);

#endif
