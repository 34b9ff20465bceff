/* sections.c - an indicator's rows, scale and charts (see
 * sections_internal.h). */
#include "sections_internal.h"
#include "charts_internal.h"
#include "error_internal.h"
#include "ticks_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t count_districts(const es_table *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (i == a || strcmp(t->rows[i].district, t->rows[i - 1].district) != 0)
            n++; /* rows are ordered by district within an indicator */
    return n;
}

void es_generation_date(long long epoch, char *out, size_t cap)
{
    time_t when = epoch >= 0 ? (time_t)epoch : time(NULL);
    struct tm tmv;
    if (gmtime_r(&when, &tmv) == NULL || strftime(out, cap, "%Y-%m-%d", &tmv) == 0)
        snprintf(out, cap, "-");
}

es_status es_sections_build(const es_table *t, int all, es_section **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (t->n_rows == 0)
        return ES_OK;
    es_section *secs = calloc(t->n_rows, sizeof *secs);
    if (secs == NULL)
        return ES_ERR_NOMEM;
    size_t n = 0;
    int number = 0;
    for (size_t i = 0; i < t->n_rows;) {
        size_t j = i;
        while (j < t->n_rows && t->rows[j].indicator == t->rows[i].indicator)
            j++;
        es_section sec = {0};
        sec.ind = t->rows[i].indicator;
        sec.first = i;
        sec.end = j;
        int years[ES_SECTION_MAX_YEARS];
        sec.n_years = es_table_years(t, i, j, years, ES_SECTION_MAX_YEARS);
        sec.latest_year = years[sec.n_years - 1];
        sec.n_districts = count_districts(t, i, j);
        int compared = sec.n_years >= 2 || sec.n_districts >= 2;
        if (compared || all) {
            double max_abs = 0;
            for (size_t k = i; k < j; k++)
                if (es_chartable(t->rows[k].value)) /* the scale of what is drawn */
                    max_abs = fmax(max_abs, fabs(t->rows[k].value));
            es_value_scale(t->rows[i].unit, max_abs, &sec.divisor, sec.unit, sizeof sec.unit);
            sec.number = compared ? ++number : 0;
            secs[n++] = sec;
        }
        i = j;
    }
    *out = secs;
    *count = n;
    return ES_OK;
}

void es_section_value_text(const es_section *s, double v, char *out, size_t cap)
{
    char num[48];
    es_format_number(v / s->divisor, 2, num, sizeof num);
    if (strcmp(s->unit, ":1") == 0)
        snprintf(out, cap, "%s:1", num);
    else
        snprintf(out, cap, "%s %s", num, s->unit);
}

void es_section_fact_text(const es_section *s, const es_fact *x, char *out, size_t cap)
{
    if (s != NULL && strcmp(x->unit, s->ind->units[0]) == 0) {
        es_section_value_text(s, x->value, out, cap);
    } else {
        char num[48];
        es_format_number(x->value, 2, num, sizeof num);
        snprintf(out, cap, "%s %s", num, x->unit);
    }
}

const char *es_qualifier_words(es_qualifier q)
{
    switch (q) {
    case ES_QUALIFIER_MORE_THAN: return "以上";
    case ES_QUALIFIER_APPROX: return "左右";
    case ES_QUALIFIER_AT_LEAST: return "（不少于）";
    case ES_QUALIFIER_AT_MOST: return "（不超过）";
    case ES_QUALIFIER_EXACT: break;
    }
    return "";
}

const char *const es_reason_words[ES_N_REASONS][2] = {
    {"target", "计划或目标数"},   {"cumulative", "多年累计数"}, {"wider", "全市、全省等更大范围的数"},
    {"part", "局部数（其中、某校、某类学校或人员）"}, {"no_district", "无法确定区县"},
    {"no_year", "无法确定年份"}, {"other_unit", "单位与指标不符"}};

size_t es_unplaced_count(const es_table *t, const char *reason)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_unplaced; i++)
        if (reason == NULL || strcmp(t->unplaced[i].reason, reason) == 0)
            n += t->unplaced[i].count;
    return n;
}

const char *es_section_axis_unit(const es_section *s)
{
    return strcmp(s->unit, ":1") == 0 ? "比值（X:1）" : s->unit;
}

double es_section_bars_height(const es_section *s)
{
    return s->n_districts > 12 ? 230 : 200;
}

double es_section_lines_height(const es_section *s)
{
    size_t nd = s->n_districts;
    return 190 + (nd > 1 ? 11.0 * ((double)nd / 5 + 1) : 0);
}

static int cmp_bar(const void *a, const void *b)
{
    const es_bar *x = a, *y = b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->label, y->label);
}

int es_section_bars(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                    double w, double h)
{
    size_t n = 0;
    for (size_t i = s->first; i < s->end; i++)
        n += t->rows[i].year == s->latest_year;
    es_bar *bars = malloc((n ? n : 1) * sizeof *bars);
    if (bars == NULL)
        return -1;
    n = 0;
    for (size_t i = s->first; i < s->end; i++)
        if (t->rows[i].year == s->latest_year && es_chartable(t->rows[i].value))
            bars[n++] = (es_bar){t->rows[i].district, t->rows[i].value};
    qsort(bars, n, sizeof *bars, cmp_bar);
    es_chart_bars(c, x, y, w, h, bars, n, s->divisor, es_section_axis_unit(s));
    free(bars);
    return 0;
}

int es_section_lines(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                     double w, double h)
{
    size_t nd = s->n_districts, rows = s->end - s->first;
    es_series *ser = calloc(nd ? nd : 1, sizeof *ser);
    int *years = malloc((rows ? rows : 1) * sizeof *years);
    double *values = malloc((rows ? rows : 1) * sizeof *values);
    if (ser == NULL || years == NULL || values == NULL) {
        free(ser);
        free(years);
        free(values);
        return -1;
    }
    size_t k = 0, d = 0;
    for (size_t i = s->first; i < s->end; i++) {
        const es_row *r = &t->rows[i];
        if (i == s->first || strcmp(r->district, t->rows[i - 1].district) != 0) {
            ser[d].name = r->district;
            ser[d].years = years + k;
            ser[d].values = values + k;
            d++;
        }
        if (!es_chartable(r->value))
            continue; /* listed on the data-quality page */
        years[k] = r->year;
        values[k] = r->value;
        ser[d - 1].n++;
        k++;
    }
    es_chart_lines(c, x, y, w, h, ser, d, s->divisor, es_section_axis_unit(s));
    free(ser);
    free(years);
    free(values);
    return 0;
}
