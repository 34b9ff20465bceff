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

static int latest_bars(const es_table *t, const es_section *s, es_bar **out, size_t *count);

/* Are there districts of two cities or more? */
static int several_cities(const es_table *t)
{
    const char *first = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
        const char *city = t->rows[i].city;
        if (city == NULL || *city == '\0')
            continue;
        if (first == NULL)
            first = city;
        else if (strcmp(first, city) != 0)
            return 1;
    }
    return 0;
}

void es_section_place(const es_section *s, const char *district, const char *city, char *out, size_t cap)
{
    /* a district named with its city already ("福州市鼓楼区") is left so */
    if (s->with_city && city != NULL && *city != '\0' && strncmp(district, city, strlen(city)) != 0)
        snprintf(out, cap, "%s%s", city, district);
    else
        snprintf(out, cap, "%s", district);
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
    int number = 0, with_city = several_cities(t);
    for (size_t i = 0; i < t->n_rows;) {
        size_t j = i;
        while (j < t->n_rows && t->rows[j].indicator == t->rows[i].indicator)
            j++;
        es_section sec = {0};
        sec.ind = t->rows[i].indicator;
        sec.with_city = with_city;
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
            es_value_scale(t->rows[i].unit, max_abs, &sec.divisor, sec.unit, sizeof sec.unit, &sec.decimals);
            if (sec.ind->kind == ES_KIND_OTHER)
                sec.decimals = 2; /* durations, ages...: whatever they are written in */
            sec.number = compared ? ++number : 0;
            es_bar *bars;
            if (latest_bars(t, &sec, &bars, &sec.n_bars) != 0) {
                free(secs);
                return ES_ERR_NOMEM;
            }
            sec.bars_layout = es_bars_layout(bars, sec.n_bars);
            free(bars);
            secs[n++] = sec;
        }
        i = j;
    }
    *out = secs;
    *count = n;
    return ES_OK;
}

void es_section_number_text(const es_section *s, double v, char *out, size_t cap)
{
    es_format_fixed(v / s->divisor, s->decimals, out, cap);
}

void es_section_value_text(const es_section *s, double v, char *out, size_t cap)
{
    char num[32];
    es_section_number_text(s, v, num, sizeof num);
    snprintf(out, cap, "%s%s", num, s->unit); /* "99.7%", "13.5:1": no space */
}

void es_section_spread_text(const es_section *s, double v, char *out, size_t cap)
{
    if (strcmp(s->unit, ":1") == 0)
        es_section_number_text(s, v, out, cap);
    else
        es_section_value_text(s, v, out, cap);
}

void es_section_row_text(const es_section *s, const es_row *r, char *out, size_t cap)
{
    char val[64];
    es_section_value_text(s, r->value, val, sizeof val);
    snprintf(out, cap, "%s%s", es_qualifier_prefix(r->qualifier), val);
}

void es_section_fact_text(const es_section *s, const es_fact *x, char *out, size_t cap)
{
    if (s != NULL && strcmp(x->unit, s->ind->units[0]) == 0) {
        es_section_value_text(s, x->value, out, cap);
    } else {
        char num[48];
        es_format_number(x->value, 2, num, sizeof num);
        snprintf(out, cap, "%s%s", num, strcmp(x->unit, "ratio") == 0 ? ":1" : x->unit);
    }
}

int es_section_is_rate(const es_section *s)
{
    return strcmp(s->unit, "%") == 0;
}

const char *es_section_change_head(const es_section *s)
{
    return es_section_is_rate(s) || strcmp(s->unit, ":1") == 0 ? "比上年" : "比上年增长";
}

void es_section_change_text(const es_section *s, const es_row *r, int previous_year, double change,
                            double change_pct, char *out, size_t cap)
{
    char num[48];
    int rate = es_section_is_rate(s), ratio = strcmp(s->unit, ":1") == 0;
    double v = rate || ratio ? change / s->divisor : change_pct;
    if (previous_year == 0 || !isfinite(v)) {
        snprintf(out, cap, "-");
        return;
    }
    es_format_fixed(fabs(v), rate || ratio ? s->decimals : 1, num, sizeof num);
    /* the sign of what is printed: a change that rounds to 0 has none */
    const char *sign = strspn(num, "0.") == strlen(num) ? "" : v < 0 ? "-" : "+";
    char gap[48] = "";
    if (previous_year != r->year - 1)
        snprintf(gap, sizeof gap, "（较%d年）", previous_year);
    snprintf(out, cap, "%s%s%s%s", sign, num, rate ? "个百分点" : ratio ? "" : "%", gap);
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

/* Best first: the highest value, or the lowest where lower is better;
 * ties by district. */
static int cmp_row_value(const void *a, const void *b)
{
    const es_row *x = *(const es_row *const *)a, *y = *(const es_row *const *)b;
    if (x->value != y->value)
        return (x->value > y->value) != x->indicator->lower_is_better ? -1 : 1;
    return strcmp(x->district, y->district);
}

const es_row **es_section_latest_rows(const es_table *t, const es_section *s, size_t *n)
{
    const es_row **rows = malloc((s->end - s->first + 1) * sizeof *rows);
    *n = 0;
    if (rows == NULL)
        return NULL;
    for (size_t i = s->first; i < s->end; i++)
        if (t->rows[i].year == s->latest_year)
            rows[(*n)++] = &t->rows[i];
    qsort(rows, *n, sizeof *rows, cmp_row_value);
    return rows;
}

/* The latest year's chartable values, best first, labelled; *out is
 * malloc'd (NULL and -1 when out of memory). */
static int latest_bars(const es_table *t, const es_section *s, es_bar **out, size_t *count)
{
    size_t n_rows;
    const es_row **rows = es_section_latest_rows(t, s, &n_rows);
    es_bar *bars = rows ? malloc((n_rows ? n_rows : 1) * sizeof *bars) : NULL;
    *out = bars;
    *count = 0;
    if (bars == NULL) {
        free(rows);
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < n_rows; i++) {
        const es_row *r = rows[i];
        if (!es_chartable(r->value))
            continue; /* listed on the data-quality page */
        es_bar *b = &bars[n++];
        es_section_place(s, r->district, r->city, b->label, sizeof b->label);
        b->value = r->value;
        char num[32];
        es_section_number_text(s, r->value, num, sizeof num);
        snprintf(b->text, sizeof b->text, "%s%s", es_qualifier_prefix(r->qualifier), num);
    }
    free(rows);
    *count = n;
    return 0;
}

double es_section_bars_height(const es_section *s)
{
    return es_bars_height(s->bars_layout, s->n_bars);
}

double es_section_lines_height(const es_section *s)
{
    size_t nd = s->n_districts;
    size_t entries = nd > ES_BARS_MAX_VERTICAL ? 7 : nd;
    return 190 + (entries > 1 ? 11.0 * ((double)entries / 5 + 1) : 0);
}

int es_section_bars(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                    double w, double h)
{
    es_bar *bars;
    size_t n;
    if (latest_bars(t, s, &bars, &n) != 0)
        return -1;
    es_chart_bars(c, x, y, w, h, bars, n, s->bars_layout, s->divisor, es_section_axis_unit(s));
    free(bars);
    return 0;
}

/* Do two series draw the same line? */
static int same_line(const es_series *a, const es_series *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t k = 0; k < a->n; k++)
        if (a->years[k] != b->years[k] || a->values[k] != b->values[k])
            return 0;
    return 1;
}

static int cmp_last_value(const void *pa, const void *pb)
{
    const es_series *a = *(const es_series *const *)pa, *b = *(const es_series *const *)pb;
    double x = a->n ? a->values[a->n - 1] : -INFINITY, y = b->n ? b->values[b->n - 1] : -INFINITY;
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* Beyond ES_BARS_MAX_VERTICAL districts, all but the three highest and
 * three lowest of the last year are muted; series that draw the same line
 * are drawn once and named together. legends: n buffers of LEGEND_CAP. */
#define LEGEND_CAP 256
#define NAME_CAP 128 /* a district's name with its city */
static int mark_series(es_series *ser, size_t n, char *legends)
{
    if (n > ES_BARS_MAX_VERTICAL) {
        es_series **order = malloc(n * sizeof *order);
        if (order == NULL)
            return -1;
        for (size_t i = 0; i < n; i++)
            order[i] = &ser[i];
        qsort(order, n, sizeof *order, cmp_last_value);
        for (size_t i = 3; i + 3 < n; i++)
            order[i]->muted = 1;
        free(order);
    }
    for (size_t i = 0; i < n; i++) {
        if (ser[i].muted || ser[i].hidden)
            continue;
        size_t shared = 1;
        char *words = legends + i * LEGEND_CAP;
        int len = snprintf(words, LEGEND_CAP, "%s", ser[i].name);
        for (size_t j = i + 1; j < n; j++) {
            if (ser[j].muted || ser[j].hidden || !same_line(&ser[i], &ser[j]))
                continue;
            ser[j].hidden = 1;
            shared++;
            if (len > 0 && len < LEGEND_CAP)
                len += snprintf(words + len, LEGEND_CAP - (size_t)len, "、%s", ser[j].name);
        }
        if (shared > 1) {
            if (len > 0 && len < LEGEND_CAP)
                snprintf(words + len, LEGEND_CAP - (size_t)len, "（%zu个区县同一条线）", shared);
            ser[i].legend = words;
        }
    }
    return 0;
}

int es_section_lines(const es_canvas *c, const es_table *t, const es_section *s, double x, double y,
                     double w, double h)
{
    size_t nd = s->n_districts, rows = s->end - s->first;
    es_series *ser = calloc(nd ? nd : 1, sizeof *ser);
    int *years = malloc((rows ? rows : 1) * sizeof *years);
    double *values = malloc((rows ? rows : 1) * sizeof *values);
    char *names = malloc((nd ? nd : 1) * NAME_CAP);
    if (ser == NULL || years == NULL || values == NULL || names == NULL) {
        free(ser);
        free(years);
        free(values);
        free(names);
        return -1;
    }
    size_t k = 0, d = 0;
    for (size_t i = s->first; i < s->end; i++) {
        const es_row *r = &t->rows[i];
        if (i == s->first || strcmp(r->district, t->rows[i - 1].district) != 0) {
            es_section_place(s, r->district, r->city, names + d * NAME_CAP, NAME_CAP);
            ser[d].name = names + d * NAME_CAP;
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
    char *legends = malloc((d ? d : 1) * LEGEND_CAP);
    if (legends == NULL || mark_series(ser, d, legends) != 0) {
        free(legends);
        free(names);
        free(ser);
        free(years);
        free(values);
        return -1;
    }
    es_chart_lines(c, x, y, w, h, ser, d, s->divisor, es_section_axis_unit(s));
    free(legends);
    free(names);
    free(ser);
    free(years);
    free(values);
    return 0;
}
