/* csv_tables.c - the table and the summaries as CSV (see csv_tables.h). */
#include "edustat/csv_tables.h"
#include "columns_internal.h"
#include "error_internal.h"
#include "number_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A CSV being written: one row at a time, fields separated as they come. */
typedef struct csv {
    FILE *out;
    int fields; /* in the current row */
    int failed;
} csv;

static void put(csv *c, const char *s, size_t n)
{
    if (!c->failed && n > 0 && fwrite(s, 1, n, c->out) != n)
        c->failed = 1;
}

static void separator(csv *c)
{
    if (c->fields++ > 0)
        put(c, ",", 1);
}

/* Text: quoted when it holds a comma, quote or line break (RFC 4180);
 * an apostrophe first when it starts like a spreadsheet formula. */
static void text(csv *c, const char *s)
{
    separator(c);
    if (s == NULL)
        return;
    size_t n = strlen(s);
    int formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        put(c, "\"", 1);
    if (formula)
        put(c, "'", 1);
    for (const char *p = s; *p; p++) {
        const char *q = strchr(p, '"');
        size_t run = q ? (size_t)(q - p) : strlen(p);
        put(c, p, run);
        if (q == NULL)
            break;
        put(c, "\"\"", 2);
        p = q;
    }
    if (quote)
        put(c, "\"", 1);
}

static void number(csv *c, double v)
{
    char buf[64];
    separator(c);
    es_number_text(v, buf, sizeof buf);
    put(c, buf, strlen(buf));
}

static void integer(csv *c, long long v)
{
    char buf[32];
    separator(c);
    snprintf(buf, sizeof buf, "%lld", v);
    put(c, buf, strlen(buf));
}

/* An integer that may be unknown (0): an empty field then. */
static void integer_or_empty(csv *c, long long v)
{
    if (v == 0)
        separator(c);
    else
        integer(c, v);
}

static void end_row(csv *c)
{
    put(c, "\r\n", 2);
    c->fields = 0;
}

/* The byte-order mark and the header row. */
static void begin(csv *c, FILE *out, const es_column *cols, size_t n)
{
    c->out = out;
    c->fields = 0;
    c->failed = 0;
    put(c, "\xEF\xBB\xBF", 3);
    for (size_t i = 0; i < n; i++)
        text(c, cols[i].name);
    end_row(c);
}

static es_status finish(csv *c, es_error *err)
{
    if (c->failed || fflush(c->out) != 0)
        return es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
    return ES_OK;
}

static void indicator_fields(csv *c, const es_indicator *ind)
{
    text(c, ind->id);
    text(c, ind->label);
    text(c, ind->units[0]);
}

es_status es_write_table_csv(const es_table *t, FILE *out, es_error *err)
{
    csv c;
    begin(&c, out, es_table_columns, es_n_table_columns);
    for (size_t i = 0; i < t->n_rows && !c.failed; i++) {
        const es_row *r = &t->rows[i];
        char period[16];
        snprintf(period, sizeof period, "%04d-01-01", r->year);
        text(&c, r->indicator->id);
        text(&c, r->indicator->label);
        text(&c, es_indicator_kind_name(r->indicator->kind));
        text(&c, r->unit);
        text(&c, r->district);
        text(&c, r->district_code);
        text(&c, r->city);
        integer(&c, r->year);
        text(&c, period);
        number(&c, r->value);
        text(&c, es_qualifier_name(r->qualifier));
        text(&c, es_pick_name(r->pick));
        integer(&c, (long long)r->n_mentions);
        /* sources: the record ids joined with ';' */
        size_t len = 1;
        for (size_t k = 0; k < r->n_mentions; k++)
            len += strlen(r->sources[k]->id) + 1;
        char *joined = malloc(len);
        if (joined == NULL)
            return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
        size_t at = 0;
        for (size_t k = 0; k < r->n_mentions; k++) {
            size_t n = strlen(r->sources[k]->id);
            if (k)
                joined[at++] = ';';
            memcpy(joined + at, r->sources[k]->id, n);
            at += n;
        }
        joined[at] = '\0';
        text(&c, joined);
        free(joined);
        text(&c, r->chosen->quote);
        text(&c, r->chosen->file);
        integer(&c, r->chosen->line);
        integer(&c, (long long)r->n_sources);
        text(&c, r->conflict ? "true" : "false");
        end_row(&c);
    }
    return finish(&c, err);
}

es_status es_write_by_year_csv(const es_summary *s, FILE *out, es_error *err)
{
    csv c;
    begin(&c, out, es_by_year_columns, es_n_by_year_columns);
    for (size_t i = 0; i < s->n_by_year && !c.failed; i++) {
        const es_year_stats *y = &s->by_year[i];
        indicator_fields(&c, y->indicator);
        integer(&c, y->year);
        integer(&c, (long long)y->n);
        number(&c, y->mean);
        number(&c, y->sd);
        number(&c, y->min);
        number(&c, y->q1);
        number(&c, y->median);
        number(&c, y->q3);
        number(&c, y->max);
        number(&c, y->cv);
        end_row(&c);
    }
    return finish(&c, err);
}

es_status es_write_by_district_csv(const es_summary *s, FILE *out, es_error *err)
{
    csv c;
    begin(&c, out, es_by_district_columns, es_n_by_district_columns);
    for (size_t i = 0; i < s->n_by_district && !c.failed; i++) {
        const es_district_trend *d = &s->by_district[i];
        indicator_fields(&c, d->indicator);
        text(&c, d->district);
        text(&c, d->district_code);
        integer(&c, (long long)d->n_years);
        integer(&c, d->first_year);
        integer(&c, d->last_year);
        number(&c, d->first);
        number(&c, d->last);
        number(&c, d->change);
        number(&c, d->growth_pct);
        number(&c, d->cagr_pct);
        number(&c, d->slope);
        number(&c, d->slope_se);
        number(&c, d->r2);
        end_row(&c);
    }
    return finish(&c, err);
}

es_status es_write_comparisons_csv(const es_summary *s, const es_indicator *ind,
                                   const char *const *districts, size_t n_districts, int year,
                                   FILE *out, es_error *err)
{
    csv c;
    begin(&c, out, es_comparison_columns, es_n_comparison_columns);
    for (size_t i = 0; i < s->n_comparisons && !c.failed; i++) {
        const es_comparison *k = &s->comparisons[i];
        if (ind != NULL && !es_comparison_selected(k, ind, districts, n_districts, year))
            continue;
        const es_row *r = k->row;
        indicator_fields(&c, r->indicator);
        text(&c, r->district);
        text(&c, r->district_code);
        integer(&c, r->year);
        number(&c, r->value);
        integer(&c, k->rank);
        integer(&c, k->of);
        number(&c, k->ratio_to_median);
        number(&c, k->z);
        number(&c, k->diff_to_best);
        integer_or_empty(&c, k->previous_year);
        number(&c, k->yoy_change);
        number(&c, k->yoy_pct);
        end_row(&c);
    }
    return finish(&c, err);
}
