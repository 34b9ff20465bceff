/* plausibility.c - the rules that flag cells (see plausibility.h). */
#include "edustat/plausibility.h"
#include "error_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *es_flag_rule_name(es_flag_rule rule)
{
    switch (rule) {
    case ES_FLAG_ABOVE_CEILING: return "above_ceiling";
    case ES_FLAG_FRACTIONAL_COUNT: return "fractional_count";
    case ES_FLAG_JUMP: return "jump";
    case ES_FLAG_CONFLICT: return "conflict";
    }
    return "?";
}

/* The row before r in the table when it is the same indicator and
 * district (rows run by indicator, district, year). */
static const es_row *previous_year_row(const es_table *t, const es_row *r)
{
    if (r == t->rows)
        return NULL;
    const es_row *q = r - 1;
    return q->indicator == r->indicator && strcmp(q->district, r->district) == 0 ? q : NULL;
}

static int breaks(const es_table *t, const es_row *r, es_flag_rule rule)
{
    switch (rule) {
    case ES_FLAG_ABOVE_CEILING:
        return r->indicator->has_ceiling && r->value > r->indicator->ceiling;
    case ES_FLAG_FRACTIONAL_COUNT:
        return r->indicator->kind == ES_KIND_COUNT && isfinite(r->value) && r->value != floor(r->value);
    case ES_FLAG_JUMP: {
        const es_row *q = previous_year_row(t, r);
        return q != NULL && q->value != 0 && isfinite(q->value) && isfinite(r->value) &&
               fabs((r->value - q->value) / q->value) * 100.0 > ES_JUMP_LIMIT_PCT;
    }
    case ES_FLAG_CONFLICT:
        return r->conflict;
    }
    return 0;
}

es_status es_plausibility_check(const es_table *t, es_flag **out, size_t *count, es_error *err)
{
    *out = NULL;
    *count = 0;
    size_t n = 0, cap = 0;
    es_flag *flags = NULL;
    for (size_t i = 0; i < t->n_rows; i++)
        for (int rule = 0; rule < ES_N_FLAG_RULES; rule++) {
            const es_row *r = &t->rows[i];
            if (!breaks(t, r, (es_flag_rule)rule))
                continue;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                es_flag *q = realloc(flags, ncap * sizeof *q);
                if (q == NULL) {
                    free(flags);
                    return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
                }
                flags = q;
                cap = ncap;
            }
            flags[n++] = (es_flag){(es_flag_rule)rule, r,
                                   rule == ES_FLAG_JUMP ? previous_year_row(t, r) : NULL};
        }
    *out = flags;
    *count = n;
    return ES_OK;
}
