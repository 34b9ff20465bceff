/* arena.c - string arena with interning (see arena_internal.h). */
#include "arena_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_BYTES ((size_t)1 << 16)

typedef struct block {
    struct block *next;
    size_t used, cap;
    char data[];
} block;

struct es_arena {
    block *head;
    block *spare; /* kept by es_arena_reset, used before malloc */
    const char **slots; /* interned strings, open addressing */
    size_t n_slots, n_used;
};

es_arena *es_arena_new(void)
{
    return calloc(1, sizeof(es_arena));
}

static void free_blocks(block *b)
{
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
}

void es_arena_free(es_arena *a)
{
    if (a == NULL)
        return;
    free_blocks(a->head);
    free_blocks(a->spare);
    free(a->slots);
    free(a);
}

#define KEEP_BYTES ((size_t)1 << 18)

void es_arena_reset(es_arena *a)
{
    size_t kept = 0;
    for (block *b = a->spare; b; b = b->next)
        kept += b->cap;
    for (block *b = a->head; b;) {
        block *next = b->next;
        if (b->cap == BLOCK_BYTES && kept < KEEP_BYTES) {
            b->used = 0;
            b->next = a->spare;
            a->spare = b;
            kept += b->cap;
        } else {
            free(b);
        }
        b = next;
    }
    a->head = NULL;
    if (a->slots != NULL)
        memset(a->slots, 0, a->n_slots * sizeof *a->slots);
    a->n_used = 0;
}

const char *es_arena_strndup(es_arena *a, const char *s, size_t len)
{
    if (a->head == NULL || a->head->cap - a->head->used < len + 1) {
        size_t cap = len + 1 > BLOCK_BYTES ? len + 1 : BLOCK_BYTES;
        block *b;
        if (cap == BLOCK_BYTES && a->spare != NULL) {
            b = a->spare;
            a->spare = b->next;
        } else if ((b = malloc(sizeof *b + cap)) == NULL) {
            return NULL;
        }
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    char *p = a->head->data + a->head->used;
    memcpy(p, s, len);
    p[len] = '\0';
    a->head->used += len + 1;
    return p;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static int grow(es_arena *a)
{
    size_t n = a->n_slots ? a->n_slots * 2 : 256;
    const char **slots = calloc(n, sizeof *slots);
    if (slots == NULL)
        return 0;
    for (size_t i = 0; i < a->n_slots; i++) {
        const char *s = a->slots[i];
        if (s == NULL)
            continue;
        size_t h = hash_str(s) & (n - 1);
        while (slots[h] != NULL)
            h = (h + 1) & (n - 1);
        slots[h] = s;
    }
    free(a->slots);
    a->slots = slots;
    a->n_slots = n;
    return 1;
}

const char *es_arena_intern(es_arena *a, const char *s)
{
    if ((a->n_used + 1) * 2 > a->n_slots && !grow(a))
        return NULL;
    size_t h = hash_str(s) & (a->n_slots - 1);
    while (a->slots[h] != NULL) {
        if (strcmp(a->slots[h], s) == 0)
            return a->slots[h];
        h = (h + 1) & (a->n_slots - 1);
    }
    const char *copy = es_arena_strndup(a, s, strlen(s));
    if (copy == NULL)
        return NULL;
    a->slots[h] = copy;
    a->n_used++;
    return copy;
}
