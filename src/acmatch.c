/* acmatch.c - Aho-Corasick as a byte DFA (see acmatch_internal.h). */
#include "acmatch_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct ac_output {
    uint32_t id;
    uint32_t len;
    int32_t next; /* next output of the same state (via failure links), or -1 */
} ac_output;

struct es_acmatch {
    int32_t *delta;   /* states x 256: next state */
    int32_t *fail;
    int32_t *out;     /* first output of each state, or -1 */
    size_t n_states, cap_states;
    ac_output *outputs;
    size_t n_out, cap_out;
    int built;
    /* After the build, bytes that no pattern uses share class 0 and the
     * table holds one column per class, not 256: a smaller table stays in
     * cache (the cue words are Chinese, so few byte values occur). */
    uint16_t byte_class[256];
    size_t n_classes;
    uint16_t *delta16; /* the same table in 16 bits when the states fit (bit 15: has outputs) */
    unsigned char used[256];
};

static int grow_states(es_acmatch *ac)
{
    if (ac->n_states < ac->cap_states)
        return 1;
    size_t cap = ac->cap_states ? ac->cap_states * 2 : 64;
    int32_t *d = realloc(ac->delta, cap * 256 * sizeof *d);
    if (d == NULL)
        return 0;
    ac->delta = d;
    int32_t *f = realloc(ac->fail, cap * sizeof *f);
    if (f == NULL)
        return 0;
    ac->fail = f;
    int32_t *o = realloc(ac->out, cap * sizeof *o);
    if (o == NULL)
        return 0;
    ac->out = o;
    ac->cap_states = cap;
    return 1;
}

static int32_t new_state(es_acmatch *ac)
{
    if (!grow_states(ac))
        return -1;
    int32_t s = (int32_t)ac->n_states++;
    for (int b = 0; b < 256; b++)
        ac->delta[(size_t)s * 256 + b] = -1;
    ac->fail[s] = 0;
    ac->out[s] = -1;
    return s;
}

es_acmatch *es_acmatch_new(void)
{
    es_acmatch *ac = calloc(1, sizeof *ac);
    if (ac == NULL)
        return NULL;
    if (new_state(ac) < 0) {
        es_acmatch_free(ac);
        return NULL;
    }
    return ac;
}

void es_acmatch_free(es_acmatch *ac)
{
    if (ac == NULL)
        return;
    free(ac->delta);
    free(ac->delta16);
    free(ac->fail);
    free(ac->out);
    free(ac->outputs);
    free(ac);
}

es_status es_acmatch_add(es_acmatch *ac, const char *pattern, size_t len, uint32_t id)
{
    if (ac->built || len == 0)
        return ES_ERR_USAGE;
    int32_t s = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)pattern[i];
        ac->used[b] = 1;
        int32_t nx = ac->delta[(size_t)s * 256 + b];
        if (nx < 0) {
            nx = new_state(ac);
            if (nx < 0)
                return ES_ERR_NOMEM;
            ac->delta[(size_t)s * 256 + b] = nx;
        }
        s = nx;
    }
    if (ac->n_out == ac->cap_out) {
        size_t cap = ac->cap_out ? ac->cap_out * 2 : 64;
        ac_output *o = realloc(ac->outputs, cap * sizeof *o);
        if (o == NULL)
            return ES_ERR_NOMEM;
        ac->outputs = o;
        ac->cap_out = cap;
    }
    ac->outputs[ac->n_out] = (ac_output){id, (uint32_t)len, ac->out[s]};
    ac->out[s] = (int32_t)ac->n_out++;
    return ES_OK;
}

/* Breadth-first: failure links, then complete every transition, and chain
 * each state's outputs to those of its failure state. */
es_status es_acmatch_build(es_acmatch *ac)
{
    int32_t *queue = malloc(ac->n_states * sizeof *queue);
    if (queue == NULL)
        return ES_ERR_NOMEM;
    size_t head = 0, tail = 0;
    for (int b = 0; b < 256; b++) {
        int32_t nx = ac->delta[b];
        if (nx < 0) {
            ac->delta[b] = 0;
        } else {
            ac->fail[nx] = 0;
            queue[tail++] = nx;
        }
    }
    while (head < tail) {
        int32_t s = queue[head++];
        /* Append the failure state's outputs after this state's own. */
        int32_t f = ac->fail[s];
        if (ac->out[s] < 0) {
            ac->out[s] = ac->out[f];
        } else {
            int32_t o = ac->out[s];
            while (ac->outputs[o].next >= 0 && ac->outputs[o].next != ac->out[f])
                o = ac->outputs[o].next;
            if (ac->outputs[o].next < 0)
                ac->outputs[o].next = ac->out[f];
        }
        for (int b = 0; b < 256; b++) {
            int32_t nx = ac->delta[(size_t)s * 256 + b];
            if (nx < 0) {
                ac->delta[(size_t)s * 256 + b] = ac->delta[(size_t)f * 256 + b];
            } else {
                ac->fail[nx] = ac->delta[(size_t)f * 256 + b];
                queue[tail++] = nx;
            }
        }
    }
    free(queue);
    /* Compress the columns: class 0 for unused bytes, one class per used byte. */
    size_t n = 1;
    for (int b = 0; b < 256; b++)
        ac->byte_class[b] = ac->used[b] ? (uint16_t)n++ : 0;
    int32_t *small = malloc(ac->n_states * n * sizeof *small);
    if (small == NULL)
        return ES_ERR_NOMEM;
    for (size_t st = 0; st < ac->n_states; st++) {
        /* a byte no pattern holds leads back to the root from any state */
        small[st * n] = 0;
        for (int b = 0; b < 256; b++)
            if (ac->used[b])
                small[st * n + ac->byte_class[b]] = ac->delta[st * 256 + (size_t)b];
    }
    free(ac->delta);
    ac->delta = small;
    ac->n_classes = n;
    if (ac->n_states <= 0x7FFF) {
        /* half the table, twice as much of it in cache */
        ac->delta16 = malloc(ac->n_states * n * sizeof *ac->delta16);
        if (ac->delta16 == NULL)
            return ES_ERR_NOMEM;
        /* bit 15 marks a state with outputs, so a scan reads out[] only there */
        for (size_t i = 0; i < ac->n_states * n; i++)
            ac->delta16[i] = (uint16_t)(small[i] | (ac->out[small[i]] >= 0 ? 0x8000 : 0));
        free(ac->delta);
        ac->delta = NULL;
    }
    ac->built = 1;
    return ES_OK;
}

void es_acmatch_scan(const es_acmatch *ac, const char *text, size_t len,
                     void (*fn)(size_t end, size_t pattern_len, uint32_t id, void *user), void *user)
{
    const unsigned char *t = (const unsigned char *)text;
    const size_t n = ac->n_classes;
    if (ac->delta16 != NULL) {
        size_t s = 0;
        for (size_t i = 0; i < len; i++) {
            uint16_t v = ac->delta16[s * n + ac->byte_class[t[i]]];
            s = v & 0x7FFF;
            if (v & 0x8000)
                for (int32_t o = ac->out[s]; o >= 0; o = ac->outputs[o].next)
                    fn(i + 1, ac->outputs[o].len, ac->outputs[o].id, user);
        }
        return;
    }
    int32_t s = 0;
    for (size_t i = 0; i < len; i++) {
        s = ac->delta[(size_t)s * n + ac->byte_class[t[i]]];
        for (int32_t o = ac->out[s]; o >= 0; o = ac->outputs[o].next)
            fn(i + 1, ac->outputs[o].len, ac->outputs[o].id, user);
    }
}
