/*
 * acmatch_internal.h - Aho-Corasick multi-pattern matching over bytes, as a
 * full DFA (one table lookup per byte), for the lexicon's cue words.
 * Patterns are added, then the automaton is built once; matching is
 * reentrant and allocates nothing.
 */
#ifndef EDUSTAT_ACMATCH_INTERNAL_H
#define EDUSTAT_ACMATCH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "edustat/status.h"

typedef struct es_acmatch es_acmatch;

es_acmatch *es_acmatch_new(void);
void es_acmatch_free(es_acmatch *ac);

/* Add a pattern with an id; before es_acmatch_build. */
es_status es_acmatch_add(es_acmatch *ac, const char *pattern, size_t len, uint32_t id);

es_status es_acmatch_build(es_acmatch *ac);

/* Call fn(end, pattern_len, id, user) for every occurrence of every
 * pattern in text[0..len) (end = offset just after it), in order of end. */
void es_acmatch_scan(const es_acmatch *ac, const char *text, size_t len,
                     void (*fn)(size_t end, size_t pattern_len, uint32_t id, void *user),
                     void *user);

#endif
