/* table.c - facts and the (indicator, district, year) table (see table.h). */
#include "edustat/table.h"
#include "arena_internal.h"
#include "error_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct es_facts {
    const es_lexicon *lx;
    es_arena *arena;
    es_fact *items;
    size_t n, cap;
};

const char *es_pick_name(es_pick pick)
{
    switch (pick) {
    case ES_PICK_MAX: return "max";
    case ES_PICK_FIRST: return "first";
    case ES_PICK_MEDIAN: return "median";
    case ES_PICK_DEFAULT: break;
    }
    return "total";
}

es_facts *es_facts_new(const es_lexicon *lx)
{
    es_facts *f = calloc(1, sizeof *f);
    if (f == NULL)
        return NULL;
    f->lx = lx;
    f->arena = es_arena_new();
    if (f->arena == NULL) {
        free(f);
        return NULL;
    }
    return f;
}

void es_facts_free(es_facts *f)
{
    if (f == NULL)
        return;
    es_arena_free(f->arena);
    free(f->items);
    free(f);
}

size_t es_facts_count(const es_facts *f) { return f->n; }
const es_fact *es_facts_at(const es_facts *f, size_t i) { return &f->items[i]; }
const es_lexicon *es_facts_lexicon(const es_facts *f) { return f->lx; }

static const char *intern_or_null(es_arena *a, const char *s, int *oom)
{
    if (s == NULL)
        return NULL;
    const char *r = es_arena_intern(a, s);
    if (r == NULL)
        *oom = 1;
    return r;
}

es_status es_facts_add(es_facts *f, const es_record *r, es_error *err)
{
    if (r->redacted || r->indicator == NULL)
        return ES_OK;
    long at = es_lexicon_order(f->lx, r->indicator);
    if (at < 0 || strcmp(r->indicator, "other") == 0)
        return ES_OK;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 1024;
        es_fact *p = realloc(f->items, cap * sizeof *p);
        if (p == NULL)
            return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
        f->items = p;
        f->cap = cap;
    }
    const es_doc_info *d = r->doc;
    int oom = 0;
    es_fact *x = &f->items[f->n];
    memset(x, 0, sizeof *x);
    x->id = es_arena_strndup(f->arena, r->id, strlen(r->id));
    x->quote = es_arena_strndup(f->arena, r->context ? r->context : "", r->context ? r->context_len : 0);
    x->raw = es_arena_strndup(f->arena, r->raw ? r->raw : "", r->raw ? r->raw_len : 0);
    x->file = intern_or_null(f->arena, d->file, &oom);
    x->unit = intern_or_null(f->arena, r->unit, &oom);
    x->district = intern_or_null(f->arena, es_record_district(r), &oom);
    x->district_code = intern_or_null(f->arena, es_record_district_code(r), &oom);
    x->city = intern_or_null(f->arena, es_record_city(r), &oom);
    if (oom || x->id == NULL || x->quote == NULL || x->raw == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    x->doc_index = d->index;
    x->start = r->start;
    x->line = r->line;
    x->indicator = (size_t)at;
    x->year = es_record_year(r);
    x->year_from = r->year_from;
    x->doc_year = d->year;
    x->value = r->value;
    x->qualifier = r->qualifier;
    x->basis = r->basis;
    x->scope = r->scope;
    f->n++;
    return ES_OK;
}

static int cmp_str_null_first(const char *a, const char *b)
{
    if (a == b) /* interned: the same name is the same pointer */
        return 0;
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* Indicator, district, year, then document order. */
static int cmp_fact(const void *pa, const void *pb)
{
    const es_fact *a = *(const es_fact *const *)pa, *b = *(const es_fact *const *)pb;
    if (a->indicator != b->indicator)
        return a->indicator < b->indicator ? -1 : 1;
    int c = cmp_str_null_first(a->district, b->district);
    if (c)
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->file != b->file && (c = strcmp(a->file, b->file)) != 0)
        return c;
    if (a->doc_index != b->doc_index)
        return a->doc_index < b->doc_index ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int cmp_value(const void *pa, const void *pb)
{
    const es_fact *a = *(const es_fact *const *)pa, *b = *(const es_fact *const *)pb;
    return (a->value > b->value) - (a->value < b->value);
}

/* Why a fact has no cell, or NULL when it has one. */
size_t es_table_years(const es_table *t, size_t first, size_t end, int *years, size_t cap)
{
    size_t n = 0;
    for (size_t i = first; i < end; i++) {
        int y = t->rows[i].year;
        size_t k = n;
        while (k > 0 && years[k - 1] > y) /* rows run by year within a district */
            k--;
        if ((k > 0 && years[k - 1] == y) || n == cap)
            continue;
        memmove(years + k + 1, years + k, (n - k) * sizeof *years);
        years[k] = y;
        n++;
    }
    return n;
}

const char *es_fact_unplaced_reason(const es_fact *x, const char *own_unit)
{
    if (x->basis == ES_BASIS_TARGET)
        return "target";
    if (x->basis == ES_BASIS_CUMULATIVE)
        return "cumulative";
    if (x->scope == ES_SCOPE_WIDER)
        return "wider";
    if (x->scope == ES_SCOPE_PART)
        return "part";
    if (x->district == NULL)
        return "no_district";
    if (x->year == 0)
        return "no_year";
    if (strcmp(x->unit, own_unit) != 0)
        return "other_unit";
    return NULL;
}

static bool same_document(const es_fact *a, const es_fact *b)
{
    return a->doc_index == b->doc_index && strcmp(a->file, b->file) == 0;
}

static bool same_value(double a, double b)
{
    double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= 1e-9 * (m > 1 ? m : 1);
}

/* Each document's figure for a cell: the mention that states the total
 * level (largest for amounts, counts and areas; first for rates and
 * ratios). src is in document order; picks receives one per document. */
static size_t document_picks(const es_fact **src, size_t n, bool first, const es_fact **picks)
{
    size_t np = 0;
    for (size_t k = 0; k < n; k++) {
        if (np > 0 && same_document(picks[np - 1], src[k])) {
            if (!first && src[k]->value > picks[np - 1]->value)
                picks[np - 1] = src[k];
            continue;
        }
        picks[np++] = src[k];
    }
    return np;
}

/* Of the documents' figures, the one of a document reporting on the
 * cell's year, else of the latest document. */
static const es_fact *choose_document(const es_fact **picks, size_t np, int year)
{
    const es_fact *best = picks[0];
    for (size_t k = 0; k < np; k++) {
        const es_fact *p = picks[k];
        if (p->doc_year == year)
            return p;
        if (p->doc_year > best->doc_year)
            best = p;
    }
    return best;
}

void es_table_free(es_table *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->n_rows; i++)
        free(t->rows[i].sources);
    free(t->rows);
    free(t->unplaced);
    free(t->targets);
    free(t);
}

static es_status add_unplaced(es_table *t, size_t *cap, const es_indicator *ind, const es_fact *x,
                              const char *reason)
{
    for (size_t i = t->n_unplaced; i-- > 0;) {
        es_unplaced *u = &t->unplaced[i];
        if (u->indicator != ind)
            break;
        if (strcmp(u->reason, reason) == 0 && cmp_str_null_first(u->district, x->district) == 0 &&
            u->year == x->year) {
            u->count++;
            return ES_OK;
        }
    }
    if (t->n_unplaced == *cap) {
        size_t n = *cap ? *cap * 2 : 64;
        es_unplaced *p = realloc(t->unplaced, n * sizeof *p);
        if (p == NULL)
            return ES_ERR_NOMEM;
        t->unplaced = p;
        *cap = n;
    }
    t->unplaced[t->n_unplaced++] = (es_unplaced){ind, x->district, x->year, reason, 1};
    return ES_OK;
}

static int cmp_unplaced(const void *pa, const void *pb)
{
    const es_unplaced *a = pa, *b = pb;
    int c = strcmp(a->reason, b->reason);
    if (c)
        return c;
    if ((c = cmp_str_null_first(a->district, b->district)) != 0)
        return c;
    return (a->year > b->year) - (a->year < b->year);
}

es_status es_table_build(const es_facts *f, es_pick pick, es_table **out, es_error *err)
{
    *out = NULL;
    es_table *t = calloc(1, sizeof *t);
    const es_fact **idx = malloc((f->n ? f->n : 1) * sizeof *idx);
    size_t cap_rows = 0, cap_unplaced = 0, cap_targets = 0;
    if (t == NULL || idx == NULL)
        goto nomem;
    t->facts = f;
    for (size_t i = 0; i < f->n; i++)
        idx[i] = &f->items[i];
    qsort(idx, f->n, sizeof *idx, cmp_fact);
    size_t i = 0;
    while (i < f->n) {
        const es_fact *x = idx[i];
        const es_indicator *ind = es_lexicon_at(f->lx, x->indicator);
        const char *own = ind->units[0];
        /* The run of facts for this (indicator, district, year). */
        size_t j = i;
        while (j < f->n && idx[j]->indicator == x->indicator &&
               cmp_str_null_first(idx[j]->district, x->district) == 0 && idx[j]->year == x->year)
            j++;
        /* src: the placed mentions, then each document's pick, then the
         * mentions set aside */
        size_t n = 0, n_aside = 0;
        const es_fact **src = malloc((j - i) * 3 * sizeof *src);
        if (src == NULL)
            goto nomem;
        const es_fact **aside = src + (j - i) * 2;
        for (size_t k = i; k < j; k++) {
            const char *reason = es_fact_unplaced_reason(idx[k], own);
            if (reason == NULL) {
                src[n++] = idx[k];
                continue;
            }
            aside[n_aside++] = idx[k];
            if (add_unplaced(t, &cap_unplaced, ind, idx[k], reason) != ES_OK) {
                free(src);
                goto nomem;
            }
            if (idx[k]->basis == ES_BASIS_TARGET && idx[k]->scope == ES_SCOPE_OWN && idx[k]->district) {
                if (t->n_targets == cap_targets) {
                    size_t c = cap_targets ? cap_targets * 2 : 64;
                    const es_fact **p = realloc(t->targets, c * sizeof *p);
                    if (p == NULL) {
                        free(src);
                        goto nomem;
                    }
                    t->targets = p;
                    cap_targets = c;
                }
                t->targets[t->n_targets++] = idx[k];
            }
        }
        if (n == 0) {
            free(src);
            i = j;
            continue;
        }
        bool first = ind->kind == ES_KIND_RATE || ind->kind == ES_KIND_RATIO;
        const es_fact **picks = src + n; /* the second half of src */
        size_t np = document_picks(src, n, first, picks);
        bool conflict = false;
        for (size_t k = 1; k < np; k++)
            conflict |= !same_value(picks[k]->value, picks[0]->value);
        es_pick rule = pick;
        const es_fact *chosen = src[0];
        if (rule == ES_PICK_DEFAULT) {
            chosen = choose_document(picks, np, x->year);
        } else if (rule == ES_PICK_MAX) {
            for (size_t k = 1; k < n; k++)
                if (src[k]->value > chosen->value)
                    chosen = src[k];
        } else if (rule == ES_PICK_MEDIAN) {
            const es_fact **by_value = malloc(n * sizeof *by_value);
            if (by_value == NULL) {
                free(src);
                goto nomem;
            }
            memcpy(by_value, src, n * sizeof *by_value);
            qsort(by_value, n, sizeof *by_value, cmp_value); /* stable enough: ties keep value */
            chosen = by_value[(n - 1) / 2];                   /* the lower middle mention */
            free(by_value);
        }
        if (t->n_rows == cap_rows) {
            size_t c = cap_rows ? cap_rows * 2 : 64;
            es_row *p = realloc(t->rows, c * sizeof *p);
            if (p == NULL) {
                free(src);
                goto nomem;
            }
            t->rows = p;
            cap_rows = c;
        }
        es_row *row = &t->rows[t->n_rows++];
        memset(row, 0, sizeof *row);
        row->indicator = ind;
        row->unit = own;
        row->district = x->district;
        row->year = x->year;
        row->value = chosen->value;
        row->qualifier = chosen->qualifier;
        row->pick = rule;
        row->n_mentions = n;
        row->sources = src;
        row->chosen = chosen;
        row->n_sources = np;
        row->doc_picks = picks;
        row->conflict = conflict;
        row->set_aside = aside;
        row->n_set_aside = n_aside;
        row->city = chosen->city;
        row->district_code = chosen->district_code;
        for (size_t k = 0; k < n && (row->city == NULL || row->district_code == NULL); k++) {
            if (row->city == NULL)
                row->city = src[k]->city;
            if (row->district_code == NULL)
                row->district_code = src[k]->district_code;
        }
        i = j;
    }
    /* Unplaced counts: by indicator (already in order), then reason, district, year. */
    for (size_t a = 0; a < t->n_unplaced;) {
        size_t b = a;
        while (b < t->n_unplaced && t->unplaced[b].indicator == t->unplaced[a].indicator)
            b++;
        qsort(t->unplaced + a, b - a, sizeof *t->unplaced, cmp_unplaced);
        a = b;
    }
    free(idx);
    *out = t;
    return ES_OK;
nomem:
    free(idx);
    es_table_free(t);
    return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
}
