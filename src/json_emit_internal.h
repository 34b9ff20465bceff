/*
 * json_emit_internal.h - JSON written straight into a growing buffer, as
 * cJSON_PrintUnformatted prints the same values (numbers apart: see
 * es_jb_number), without a tree of nodes: the records writer (one object per figure) and the table and
 * summary writers (one object per row) are hot paths. The one policy for
 * numbers in JSON output lives here: es_jb_number.
 */
#ifndef EDUSTAT_JSON_EMIT_INTERNAL_H
#define EDUSTAT_JSON_EMIT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct es_jbuf {
    char *p;
    size_t n, cap;
    int oom; /* an allocation failed: later writes are dropped */
} es_jbuf;

bool es_jb_grow(es_jbuf *b, size_t n);

static inline void es_jb_put(es_jbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap && !es_jb_grow(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* s[0..n) (up to a NUL, as cJSON reads a C string) as a JSON string,
 * escaped as cJSON escapes: \" \\ \b \f \n \r \t, other control bytes as
 * \u00xx, everything else as it is; NULL as null. */
void es_jb_string(es_jbuf *b, const char *s, size_t n);
void es_jb_cstr(es_jbuf *b, const char *s);

/* A number, the one policy of every JSON output: a whole number below 2^53
 * in digits (exact: 1000000000000000, not 1e+15 as cJSON writes it; 0 for
 * -0), others in the fewest of 15, 16 or 17 significant digits that read
 * back as the same double;
 * '.' whatever LC_NUMERIC says; NaN and infinities as null. */
void es_jb_number(es_jbuf *b, double v);

/* ,"key": (the first key of an object opens it with '{'); k a literal */
#define es_jb_key(b, k, first) es_jb_key_n(b, k, sizeof(k) - 1, first)
void es_jb_key_n(es_jbuf *b, const char *k, size_t n, int first);

/* Write what b holds to out and empty it: 0, or -1 when out of memory
 * earlier or the write failed. */
int es_jb_flush(es_jbuf *b, FILE *out);

#endif
