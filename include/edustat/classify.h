/*
 * classify.h - which indicator a quantity measures, from the cue words of
 * the lexicon found in its clause.
 *
 * The classifier reads the clause around the number (back to the previous
 * clause break, and a few characters after it), finds every cue with one
 * Aho-Corasick pass, keeps the cues whose indicator accepts the unit, and
 * picks the nearest, heaviest one; the noun right after a count
 * (21所小学) is its head and gets a bonus. It borrows the lexicon, which
 * must outlive it, and is read-only once built, so threads may share it.
 */
#ifndef EDUSTAT_CLASSIFY_H
#define EDUSTAT_CLASSIFY_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/lexicon.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Characters looked at before and after a number at most. */
#define ES_CLASSIFY_LEFT_CHARS 40
#define ES_CLASSIFY_RIGHT_CHARS 12
/* How far after a number a predicate cue (参加…培训) is looked for. */
#define ES_CLASSIFY_CLAUSE_CHARS 40
/* How far back a clause without cues looks for its sentence's topic. */
#define ES_CLASSIFY_SENTENCE_CHARS 80
/* A cue starting at most this many characters after a count is its noun. */
#define ES_CLASSIFY_HEAD_CHARS 4

typedef struct es_classifier es_classifier;

ES_API es_status es_classifier_new(const es_lexicon *lx, es_classifier **out, es_error *err);
ES_API void es_classifier_free(es_classifier *c);

/* The indicator of the quantity at text[start, end) whose normalised unit
 * is unit; NULL means `other`. */
ES_API const es_indicator *es_classify(const es_classifier *c, const char *text, size_t len, size_t start,
                                size_t end, const char *unit);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_CLASSIFY_H */
