/* stats.c - summaries and comparisons with GSL (see stats.h). */
#include "edustat/stats.h"
#include "error_internal.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void es_summary_free(es_summary *s)
{
    if (s == NULL)
        return;
    free(s->by_year);
    free(s->comparisons);
    free(s->by_district);
    free(s);
}

/* x / y, or NAN when y is 0 or either is not finite. */
static double safe_div(double x, double y)
{
    if (y == 0.0 || !isfinite(x) || !isfinite(y))
        return NAN;
    double r = x / y;
    return isfinite(r) ? r : NAN;
}

static void year_stats(const es_row *const *rows, size_t n, double *sorted, es_year_stats *ys)
{
    for (size_t i = 0; i < n; i++)
        sorted[i] = rows[i]->value;
    gsl_sort(sorted, 1, n);
    ys->n = n;
    ys->mean = gsl_stats_mean(sorted, 1, n);
    ys->sd = n >= 2 ? gsl_stats_sd_m(sorted, 1, n, ys->mean) : NAN; /* sample sd, n - 1 */
    ys->min = sorted[0];
    ys->max = sorted[n - 1];
    ys->q1 = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.25);
    ys->median = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.5);
    ys->q3 = gsl_stats_quantile_from_sorted_data(sorted, 1, n, 0.75);
    /* cv is null when it says nothing: all values equal (sd 0) or mean 0 */
    ys->cv = (isnan(ys->sd) || ys->sd == 0.0) ? NAN : safe_div(ys->sd, ys->mean);
}

/* Rows sorted by indicator, year, then value descending (for ranks). */
static int cmp_row_year(const void *pa, const void *pb)
{
    const es_row *a = *(const es_row *const *)pa, *b = *(const es_row *const *)pb;
    if (a->indicator != b->indicator)
        return a < b ? -1 : 1; /* rows of one indicator are contiguous in the table */
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return strcmp(a->district, b->district);
}

es_status es_summary_compute(const es_table *t, es_summary **out, es_error *err)
{
    gsl_set_error_handler_off();
    *out = NULL;
    es_summary *s = calloc(1, sizeof *s);
    size_t n = t->n_rows;
    const es_row **by = malloc((n ? n : 1) * sizeof *by);
    double *buf = malloc((n ? n : 1) * sizeof *buf);
    double *xs = malloc((n ? n : 1) * sizeof *xs);
    if (s == NULL || by == NULL || buf == NULL || xs == NULL)
        goto nomem;
    s->by_year = calloc(n ? n : 1, sizeof *s->by_year);
    s->comparisons = calloc(n ? n : 1, sizeof *s->comparisons);
    s->by_district = calloc(n ? n : 1, sizeof *s->by_district);
    if (s->by_year == NULL || s->comparisons == NULL || s->by_district == NULL)
        goto nomem;

    /* Comparisons are reported in table order; index them by row. */
    for (size_t i = 0; i < n; i++)
        s->comparisons[i].row = &t->rows[i];
    s->n_comparisons = n;

    /* By indicator and year: statistics and ranks across districts. */
    for (size_t i = 0; i < n; i++)
        by[i] = &t->rows[i];
    qsort(by, n, sizeof *by, cmp_row_year);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && by[j]->indicator == by[i]->indicator && by[j]->year == by[i]->year)
            j++;
        es_year_stats *ys = &s->by_year[s->n_by_year++];
        ys->indicator = by[i]->indicator;
        ys->year = by[i]->year;
        year_stats(by + i, j - i, buf, ys);
        /* by[i..j) runs from the highest value down; ties share the lower
         * rank: 1 + the number strictly better (higher, or lower where the
         * lexicon says lower is better) */
        bool lower_better = by[i]->indicator->lower_is_better;
        for (size_t run = i; run < j;) {
            size_t run_end = run + 1;
            while (run_end < j && by[run_end]->value == by[run]->value)
                run_end++;
            size_t better = lower_better ? j - run_end : run - i;
            for (size_t k = run; k < run_end; k++) {
                es_comparison *c = &s->comparisons[by[k] - t->rows];
                c->rank = (int)(better + 1);
                c->of = (int)(j - i);
                c->ratio_to_median = safe_div(by[k]->value, ys->median);
                c->z = (isnan(ys->sd) || ys->sd == 0.0) ? NAN : safe_div(by[k]->value - ys->mean, ys->sd);
                c->diff_to_best = by[k]->value - (lower_better ? ys->min : ys->max);
            }
            run = run_end;
        }
        i = j;
    }
    /* by_year is thus in table order: indicator (lexicon order), then year. */

    /* By indicator and district: the table is sorted so, years ascending. */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t->rows[j].indicator == t->rows[i].indicator &&
               strcmp(t->rows[j].district, t->rows[i].district) == 0)
            j++;
        for (size_t k = i; k < j; k++) {
            es_comparison *c = &s->comparisons[k];
            if (k == i) {
                c->yoy_change = c->yoy_pct = NAN;
                continue;
            }
            const es_row *prev = &t->rows[k - 1], *cur = &t->rows[k];
            c->previous_year = prev->year;
            c->yoy_change = cur->value - prev->value;
            c->yoy_pct = safe_div(cur->value - prev->value, prev->value) * 100.0;
        }
        es_district_trend *d = &s->by_district[s->n_by_district++];
        const es_row *first = &t->rows[i], *last = &t->rows[j - 1];
        size_t m = j - i;
        d->indicator = first->indicator;
        d->district = first->district;
        d->district_code = first->district_code;
        d->n_years = m;
        d->first_year = first->year;
        d->last_year = last->year;
        d->first = first->value;
        d->last = last->value;
        d->change = d->growth_pct = d->cagr_pct = d->slope = d->slope_se = d->r2 = NAN;
        if (m >= 2) {
            d->change = last->value - first->value;
            d->growth_pct = safe_div(d->change, first->value) * 100.0;
            double ratio = safe_div(last->value, first->value);
            if (isfinite(ratio) && ratio > 0.0)
                d->cagr_pct = (pow(ratio, 1.0 / (last->year - first->year)) - 1.0) * 100.0;
            for (size_t k = 0; k < m; k++) {
                xs[k] = t->rows[i + k].year;
                buf[k] = t->rows[i + k].value;
            }
            double c0, c1, cov00, cov01, cov11, sumsq;
            if (gsl_fit_linear(xs, 1, buf, 1, m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq) == GSL_SUCCESS) {
                d->slope = c1;
                /* gsl's cov11 is sumsq / (n - 2) scaled: defined from 3 points */
                d->slope_se = m >= 3 ? sqrt(cov11) : NAN;
                double mean = gsl_stats_mean(buf, 1, m);
                double tss = gsl_stats_tss_m(buf, 1, m, mean);
                d->r2 = tss > 0.0 ? 1.0 - sumsq / tss : NAN;
            }
            if (!isfinite(d->slope))
                d->slope = NAN;
            if (!isfinite(d->slope_se))
                d->slope_se = NAN;
        }
        i = j;
    }
    free(by);
    free(buf);
    free(xs);
    *out = s;
    return ES_OK;
nomem:
    free(by);
    free(buf);
    free(xs);
    es_summary_free(s);
    return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
}

bool es_comparison_selected(const es_comparison *c, const es_indicator *ind,
                            const char *const *districts, size_t n_districts, int year)
{
    if (c->row->indicator != ind || (year && c->row->year != year))
        return false;
    if (n_districts == 0)
        return true;
    for (size_t k = 0; k < n_districts; k++)
        if (strcmp(districts[k], c->row->district) == 0)
            return true;
    return false;
}

const es_comparison *es_summary_comparison(const es_summary *s, const es_table *t, const es_row *r)
{
    size_t i = (size_t)(r - t->rows);
    return i < s->n_comparisons ? &s->comparisons[i] : NULL;
}
