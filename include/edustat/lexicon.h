/*
 * lexicon.h - the indicator lexicon: each indicator id of ANNOTATION.md
 * section 4 with its Chinese label, kind, accepted units and cue words.
 *
 * The lexicon is data (data/indicators.tsv), built into the binary; a
 * user's file in the same format adds indicators or replaces one by id.
 * An es_lexicon owns all its strings.
 */
#ifndef EDUSTAT_LEXICON_H
#define EDUSTAT_LEXICON_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ES_MAX_CUE_BYTES 64

typedef enum es_indicator_kind {
    ES_KIND_AMOUNT, /* money, in 元 */
    ES_KIND_COUNT,
    ES_KIND_RATE,   /* percent */
    ES_KIND_RATIO,
    ES_KIND_AREA,
    ES_KIND_OTHER
} es_indicator_kind;

typedef struct es_cue {
    char *word;
    int weight;
    bool before_only; /* counts only before the number (a verb: 招聘) */
    bool predicate;   /* counts after the number up to the end of its clause
                         (N名干部参加…培训): what the counted people do */
} es_cue;

typedef struct es_indicator {
    char *id;
    char *label;          /* Chinese, for reports */
    es_indicator_kind kind;
    char **units;         /* accepted normalised units */
    size_t n_units;
    char **default_units; /* chosen for these units when no cue is found */
    size_t n_default_units;
    es_cue *cues;
    size_t n_cues;
    bool lower_is_better; /* ranks ascend: 生师比, 机生比 (students per one) */
    bool has_ceiling;     /* values above ceiling cannot be right (a net */
    double ceiling;       /* rate above 100%): flagged, still shown */
} es_indicator;

typedef struct es_lexicon es_lexicon;

/* The lexicon built into the binary. */
ES_API es_status es_lexicon_new_builtin(es_lexicon **out, es_error *err);

/* Add the indicators of a lexicon file (same format as data/indicators.tsv);
 * an id already present is replaced in place. A malformed line is reported
 * with its file and line, and nothing of the file is kept. */
ES_API es_status es_lexicon_add_file(es_lexicon *lx, const char *path, es_error *err);

/* The same from text in memory; name is used in messages. */
ES_API es_status es_lexicon_add_text(es_lexicon *lx, const char *name, const char *text, size_t len,
                              es_error *err);

ES_API void es_lexicon_free(es_lexicon *lx);

ES_API size_t es_lexicon_count(const es_lexicon *lx);
ES_API const es_indicator *es_lexicon_at(const es_lexicon *lx, size_t i);
ES_API const es_indicator *es_lexicon_find(const es_lexicon *lx, const char *id);
/* Position of an indicator in report order, or -1. */
ES_API long es_lexicon_order(const es_lexicon *lx, const char *id);
/* The position of entry ind in lx, or -1 when ind is not one of lx's
 * entries (another lexicon's, or NULL). */
ES_API long es_lexicon_index_of(const es_lexicon *lx, const es_indicator *ind);

ES_API bool es_indicator_accepts(const es_indicator *ind, const char *unit);
ES_API const char *es_indicator_kind_name(es_indicator_kind kind);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_LEXICON_H */
