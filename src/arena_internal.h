/*
 * arena_internal.h - many small strings that live and die together (the
 * facts of a run): copied into large blocks, freed at once, with repeated
 * short strings (file names, districts) stored once.
 */
#ifndef EDUSTAT_ARENA_INTERNAL_H
#define EDUSTAT_ARENA_INTERNAL_H

#include <stddef.h>

typedef struct es_arena es_arena;

es_arena *es_arena_new(void);
void es_arena_free(es_arena *a);

/* Forget every string (pointers into the arena go stale) but keep up to
 * 256 KB of its blocks for the next strings: an arena used over and over
 * (one file's copies after another's) does not go back to malloc. */
void es_arena_reset(es_arena *a);

/* A copy of s[0..len) with a NUL; NULL when out of memory. */
const char *es_arena_strndup(es_arena *a, const char *s, size_t len);

/* The same string as an earlier call with equal contents returned, or a
 * new copy; NULL when out of memory. */
const char *es_arena_intern(es_arena *a, const char *s);

#endif
