/* corpus.c - counts of what a run read (see corpus.h). */
#include "edustat/corpus.h"
#include "arena_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct corpus_store {
    es_arena *arena;
    const char *last_file;
    size_t cap_d, cap_u, cap_r, cap_q, cap_b;
} corpus_store;

es_corpus *es_corpus_new(void)
{
    es_corpus *c = calloc(1, sizeof *c);
    corpus_store *s = calloc(1, sizeof *s);
    if (c == NULL || s == NULL || (s->arena = es_arena_new()) == NULL) {
        free(c);
        free(s);
        return NULL;
    }
    c->priv = s;
    return c;
}

void es_corpus_free(es_corpus *c)
{
    if (c == NULL)
        return;
    corpus_store *s = c->priv;
    es_arena_free(s->arena);
    free(s);
    free(c->districts);
    free(c->unplaced_docs);
    free(c->redactions);
    free(c->blanks);
    free(c->qualifiers);
    free(c);
}

/* Room for one more item of size bytes in the array whose pointer is at
 * items (n in use, *cap held): 1, or 0 on allocation failure. The pointer
 * is read and written with memcpy, whatever its item type. */
static int room_for_one(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 16;
    void *old;
    memcpy(&old, items, sizeof old);
    void *p = realloc(old, nc * size);
    if (p == NULL)
        return 0;
    memcpy(items, &p, sizeof p);
    *cap = nc;
    return 1;
}

/* Add one to name's count in a list; 0 on allocation failure. */
static int bump(es_arena *a, es_corpus_count **list, size_t *n, size_t *cap, const char *name)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i].name, name) == 0) {
            (*list)[i].count++;
            return 1;
        }
    if (!room_for_one(list, *n, cap, sizeof **list))
        return 0;
    const char *copy = es_arena_intern(a, name);
    if (copy == NULL)
        return 0;
    (*list)[(*n)++] = (es_corpus_count){copy, 1};
    return 1;
}

es_status es_corpus_add_document(es_corpus *c, const es_doc_info *d)
{
    corpus_store *s = c->priv;
    c->n_documents++;
    const char *file = es_arena_intern(s->arena, d->file);
    if (file == NULL)
        return ES_ERR_NOMEM;
    if (file != s->last_file) { /* documents of one file arrive together */
        c->n_files++;
        s->last_file = file;
    }
    if (d->year > 0) {
        if (c->first_year == 0 || d->year < c->first_year)
            c->first_year = d->year;
        if (d->year > c->last_year)
            c->last_year = d->year;
    }
    if (d->district && !bump(s->arena, &c->districts, &c->n_districts, &s->cap_d, d->district))
        return ES_ERR_NOMEM;
    if (d->district == NULL || d->year == 0) {
        if (c->n_unplaced_docs < ES_CORPUS_MAX_LISTED) {
            if (!room_for_one(&c->unplaced_docs, c->n_unplaced_docs, &s->cap_u, sizeof *c->unplaced_docs))
                return ES_ERR_NOMEM;
            es_corpus_doc *u = &c->unplaced_docs[c->n_unplaced_docs];
            u->id = es_arena_intern(s->arena, d->id);
            u->title = es_arena_intern(s->arena, d->title ? d->title : "");
            u->file = file;
            if (u->id == NULL || u->title == NULL)
                return ES_ERR_NOMEM;
            u->missing_district = d->district == NULL;
            u->missing_year = d->year == 0;
        }
        c->n_unplaced_docs++;
    }
    return ES_OK;
}

es_status es_corpus_add_record(es_corpus *c, const es_record *r)
{
    corpus_store *s = c->priv;
    if (r->redacted) {
        c->n_redactions++;
        if (!bump(s->arena, &c->redactions, &c->n_redaction_kinds, &s->cap_r, r->indicator))
            return ES_ERR_NOMEM;
        if (c->n_blanks < ES_CORPUS_MAX_LISTED) {
            if (!room_for_one(&c->blanks, c->n_blanks, &s->cap_b, sizeof *c->blanks))
                return ES_ERR_NOMEM;
            es_corpus_blank *b = &c->blanks[c->n_blanks];
            b->file = es_arena_intern(s->arena, r->doc->file);
            b->line = r->line;
            b->raw = es_arena_strndup(s->arena, r->raw ? r->raw : "", r->raw ? r->raw_len : 0);
            b->context = es_arena_strndup(s->arena, r->context ? r->context : "",
                                          r->context ? r->context_len : 0);
            b->indicator = es_arena_intern(s->arena, r->indicator ? r->indicator : "other");
            if (b->file == NULL || b->raw == NULL || b->context == NULL || b->indicator == NULL)
                return ES_ERR_NOMEM;
            c->n_blanks++;
        }
        return ES_OK;
    }
    c->n_records++;
    if (r->qualifier != ES_QUALIFIER_EXACT &&
        !bump(s->arena, &c->qualifiers, &c->n_qualifier_kinds, &s->cap_q, es_qualifier_name(r->qualifier)))
        return ES_ERR_NOMEM;
    return ES_OK;
}

static int cmp_count(const void *a, const void *b)
{
    return strcmp(((const es_corpus_count *)a)->name, ((const es_corpus_count *)b)->name);
}

void es_corpus_finish(es_corpus *c)
{
    /* qsort must not be given a NULL array, even of length 0 */
    if (c->n_districts)
        qsort(c->districts, c->n_districts, sizeof *c->districts, cmp_count);
    if (c->n_redaction_kinds)
        qsort(c->redactions, c->n_redaction_kinds, sizeof *c->redactions, cmp_count);
    if (c->n_qualifier_kinds)
        qsort(c->qualifiers, c->n_qualifier_kinds, sizeof *c->qualifiers, cmp_count);
}
