/*
 * json_lexicon.h - the indicator lexicon as JSON (for `edustat indicators
 * --format json`): an array of {id, label, kind, units, default_units,
 * cues: [{word, weight, before_only}]} in report order.
 */
#ifndef EDUSTAT_JSON_LEXICON_H
#define EDUSTAT_JSON_LEXICON_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/lexicon.h"
#include "edustat/status.h"

ES_API es_status es_lexicon_write_json(const es_lexicon *lx, FILE *out, es_error *err);

#endif
