/* growbuf_internal.h - a byte buffer that grows by doubling, always with
 * room for a closing NUL; and reading a whole stream into one. */
#ifndef EDUSTAT_GROWBUF_INTERNAL_H
#define EDUSTAT_GROWBUF_INTERNAL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/status.h"

typedef struct es_growbuf {
    char *data;
    size_t len, cap;
} es_growbuf;

/* Make room for extra more bytes (and a NUL): 0, or -1 when out of memory
 * (the buffer is unchanged). */
static inline int es_growbuf_reserve(es_growbuf *g, size_t extra)
{
    if (g->len + extra + 1 <= g->cap)
        return 0;
    size_t cap = g->cap ? g->cap : 4096;
    while (cap < g->len + extra + 1)
        cap *= 2;
    char *d = realloc(g->data, cap);
    if (d == NULL)
        return -1;
    g->data = d;
    g->cap = cap;
    return 0;
}

/* Append n bytes (NUL ended): 0, or -1 when out of memory. */
static inline int es_growbuf_append(es_growbuf *g, const char *s, size_t n)
{
    if (es_growbuf_reserve(g, n) != 0)
        return -1;
    memcpy(g->data + g->len, s, n);
    g->len += n;
    g->data[g->len] = '\0';
    return 0;
}

/* Room in the array *items (of *cap elements of size bytes, n of them in
 * use) for one more: doubled when full, from 16. 0, or -1 when out of memory
 * (the array unchanged). The one growing array of the office readers and
 * the batch logs: call as es_grow_array((void **)&a, &cap, n, sizeof *a). */
static inline int es_grow_array(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t grown = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, grown * size);
    if (p == NULL)
        return -1;
    *items = p;
    *cap = grown;
    return 0;
}

/* Append the rest of stream f to g (NUL ended), at most max bytes in all.
 * On failure err names path and says why: too_large when there is more
 * than max, out of memory, or the system's read error. */
es_status es_growbuf_read_stream(es_growbuf *g, FILE *f, size_t max, const char *path,
                                 const char *too_large, es_error *err);

#endif
