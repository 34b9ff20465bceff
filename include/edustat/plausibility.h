/*
 * plausibility.h - rules that flag table cells a reader should check
 * before using them, each rule written once here:
 *   above_ceiling     a value above the indicator's ceiling in the lexicon
 *                     (a net rate above 100%);
 *   fractional_count  a count that is not a whole number (2.5所);
 *   jump              a change of more than ES_JUMP_LIMIT_PCT percent from
 *                     the district's previous year with data;
 *   conflict          two documents give the cell different values.
 * A flag never changes the table: the cell keeps its value.
 */
#ifndef EDUSTAT_PLAUSIBILITY_H
#define EDUSTAT_PLAUSIBILITY_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/status.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ES_JUMP_LIMIT_PCT 50.0

typedef enum es_flag_rule {
    ES_FLAG_ABOVE_CEILING,
    ES_FLAG_FRACTIONAL_COUNT,
    ES_FLAG_JUMP,
    ES_FLAG_CONFLICT
} es_flag_rule;

#define ES_N_FLAG_RULES 4

typedef struct es_flag {
    es_flag_rule rule;
    const es_row *row;
    const es_row *previous; /* jump: the year it is compared with */
} es_flag;

/* The flags of t's rows, in table order (rule order within a row);
 * *out is NULL when there are none. Free with free(). */
ES_API es_status es_plausibility_check(const es_table *t, es_flag **out, size_t *n, es_error *err);

/* "above_ceiling", "fractional_count", "jump", "conflict". */
ES_API const char *es_flag_rule_name(es_flag_rule rule);

#ifdef __cplusplus
}
#endif

#endif
