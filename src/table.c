/* table.c - facts and the (indicator, district, year) table (see table.h). */
#include "edustat/table.h"
#include "arena_internal.h"
#include "error_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The last string interned for each field: consecutive records mostly
 * share file, unit, district and city, and a compare is cheaper than a
 * lookup. */
enum { SLOT_FILE, SLOT_UNIT, SLOT_DISTRICT, SLOT_CODE, SLOT_CITY, N_SLOTS };

struct es_facts {
    const es_lexicon *lx;
    es_arena *arena;
    es_fact *items;
    size_t n, cap;
    const char *last[N_SLOTS];
    size_t last_indicator;
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

static const char *intern_cached(es_facts *f, int slot, const char *s, int *oom)
{
    if (s == NULL)
        return NULL;
    if (f->last[slot] != NULL && strcmp(f->last[slot], s) == 0)
        return f->last[slot];
    const char *r = intern_or_null(f->arena, s, oom);
    f->last[slot] = r;
    return r;
}

es_status es_facts_add(es_facts *f, const es_record *r, es_error *err)
{
    if (r->redacted || r->indicator == NULL)
        return ES_OK;
    /* the entry the record carries, else (records read from JSON) its id,
     * looked up unless it is the last one's */
    long at = es_lexicon_index_of(f->lx, r->indicator_entry);
    if (at < 0) {
        const es_indicator *last = es_lexicon_at(f->lx, f->last_indicator);
        at = last != NULL && strcmp(last->id, r->indicator) == 0 ? (long)f->last_indicator
                                                                 : es_lexicon_order(f->lx, r->indicator);
    }
    if (at < 0 || strcmp(r->indicator, "other") == 0)
        return ES_OK;
    f->last_indicator = (size_t)at;
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
    x->file = intern_cached(f, SLOT_FILE, d->file, &oom);
    x->unit = intern_cached(f, SLOT_UNIT, r->unit, &oom);
    x->district = intern_cached(f, SLOT_DISTRICT, es_record_district(r), &oom);
    x->district_code = intern_cached(f, SLOT_CODE, es_record_district_code(r), &oom);
    x->city = intern_cached(f, SLOT_CITY, es_record_city(r), &oom);
    if (oom || x->id == NULL || x->quote == NULL || x->raw == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    x->doc_index = d->index;
    x->start = r->start;
    x->line = r->line;
    x->indicator = (size_t)at;
    if (r->locator != NULL) {
        char where[96];
        es_locator_text(r->locator, where, sizeof where);
        if ((x->where = es_arena_strndup(f->arena, where, strlen(where))) == NULL)
            return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
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

/* ---- facts by indicator, district (NULL first), year, then document order
 * (file, document, offset, id), sorted on integer keys ---------------------------------
 * Names are interned (one pointer per distinct name), so each distinct
 * district and file gets its rank in strcmp order once; a million facts
 * then sort on integers, with a string compare only for ids the keys
 * leave tied. */

typedef struct name_rank {
    const char *name;
    uint32_t rank;
} name_rank;

static int cmp_name_addr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const name_rank *)a)->name, y = (uintptr_t)((const name_rank *)b)->name;
    return (x > y) - (x < y);
}

static int cmp_name_text(const void *a, const void *b)
{
    return strcmp(((const name_rank *)a)->name, ((const name_rank *)b)->name);
}

/* The distinct non-NULL names of field (an offset into es_fact), ranked in
 * strcmp order from 1 and sorted by address for lookup; *m of them. */
static name_rank *rank_names(const es_facts *f, size_t field, size_t *m)
{
    name_rank *v = malloc((f->n ? f->n : 1) * sizeof *v);
    if (v == NULL)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) {
        const char *s = *(const char *const *)((const char *)&f->items[i] + field);
        if (s != NULL && (n == 0 || v[n - 1].name != s))
            v[n++].name = s;
    }
    qsort(v, n, sizeof *v, cmp_name_addr);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || v[u - 1].name != v[i].name)
            v[u++] = v[i];
    qsort(v, u, sizeof *v, cmp_name_text);
    for (size_t i = 0; i < u; i++)
        v[i].rank = (uint32_t)(i + 1);
    qsort(v, u, sizeof *v, cmp_name_addr);
    *m = u;
    return v;
}

static uint32_t rank_of(const name_rank *v, size_t m, const char *s)
{
    if (s == NULL)
        return 0; /* NULL first, as cmp_str_null_first */
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)v[mid].name < (uintptr_t)s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return v[lo].rank;
}

typedef struct fact_key {
    uint64_t k1; /* indicator, district rank, year */
    uint64_t k2; /* file rank, document index */
    size_t start;
    const es_fact *fact;
} fact_key;

static int cmp_fact_key(const void *pa, const void *pb)
{
    const fact_key *a = pa, *b = pb;
    if (a->k1 != b->k1)
        return a->k1 < b->k1 ? -1 : 1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2 ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return strcmp(a->fact->id, b->fact->id);
}

/* idx[0..n): the facts in that order. -1 when out of memory. */
static int sort_facts(const es_facts *f, const es_fact **idx)
{
    size_t nd = 0, nf = 0;
    name_rank *districts = rank_names(f, offsetof(es_fact, district), &nd);
    name_rank *files = rank_names(f, offsetof(es_fact, file), &nf);
    fact_key *keys = malloc((f->n ? f->n : 1) * sizeof *keys);
    if (districts == NULL || files == NULL || keys == NULL) {
        free(districts);
        free(files);
        free(keys);
        return -1;
    }
    for (size_t i = 0; i < f->n; i++) {
        const es_fact *x = &f->items[i];
        /* years are 0..9999 and document indexes non-negative (the records
         * reader checks both): they order as the fields do */
        keys[i].k1 = (uint64_t)x->indicator << 48 | (uint64_t)rank_of(districts, nd, x->district) << 16 |
                     (uint64_t)(uint16_t)x->year;
        keys[i].k2 = (uint64_t)rank_of(files, nf, x->file) << 32 | (uint32_t)x->doc_index;
        keys[i].start = x->start;
        keys[i].fact = x;
    }
    qsort(keys, f->n, sizeof *keys, cmp_fact_key);
    for (size_t i = 0; i < f->n; i++)
        idx[i] = keys[i].fact;
    free(districts);
    free(files);
    free(keys);
    return 0;
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
    if (sort_facts(f, idx) != 0)
        goto nomem;
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
