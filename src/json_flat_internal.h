/*
 * json_flat_internal.h - one JSON object whose values are all strings,
 * numbers, true, false or null (a line of records JSON Lines), parsed in
 * place without allocating a node per value: the records reader's hot
 * path. Anything else (a nested value, an escape it does not take, a
 * syntax error) is refused, and the caller parses the line with cJSON,
 * which says what is wrong in the same words as before.
 */
#ifndef EDUSTAT_JSON_FLAT_INTERNAL_H
#define EDUSTAT_JSON_FLAT_INTERNAL_H

#include <stddef.h>

#define ES_FLAT_MAX_FIELDS 48

typedef enum es_flat_type {
    ES_FLAT_ABSENT = 0,
    ES_FLAT_NULL,
    ES_FLAT_STRING,
    ES_FLAT_NUMBER,
    ES_FLAT_BOOL
} es_flat_type;

typedef struct es_flat_value {
    es_flat_type type;
    const char *s; /* a string, decoded and NUL-ended (in the line itself) */
    double d;      /* a number; a bool as 0 or 1 */
} es_flat_value;

typedef struct es_flat {
    const char *keys[ES_FLAT_MAX_FIELDS];
    unsigned char key_len[ES_FLAT_MAX_FIELDS];
    es_flat_value values[ES_FLAT_MAX_FIELDS];
    size_t n;
    char decimal_point; /* the locale's, for strtod */
} es_flat;

/* Parse the object in line[0..len) (line[len] must be writable: strings
 * are decoded in place). 0 when it is a flat object; -1 when not (the line
 * may then be changed: parse a copy, or parse it again from the file). */
int es_flat_parse(es_flat *f, char *line, size_t len);

/* The first value of key k (as cJSON finds it); type ABSENT when none. */
es_flat_value es_flat_get(const es_flat *f, const char *k);

#endif
