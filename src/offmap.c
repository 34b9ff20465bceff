/* offmap.c - anchored offset maps (see offmap_internal.h). */
#include "offmap_internal.h"

#include <stdlib.h>

es_status es_offmap_add(es_offmap *m, size_t dst, size_t src)
{
    if (m->n > 0) {
        size_t last = m->n - 1;
        /* Redundant when the last anchor already predicts this one. */
        if (m->src[last] + (dst - m->dst[last]) == src)
            return ES_OK;
        if (m->dst[last] == dst) {
            m->src[last] = src;
            return ES_OK;
        }
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 256;
        size_t *d = realloc(m->dst, cap * sizeof *d);
        if (d == NULL)
            return ES_ERR_NOMEM;
        m->dst = d;
        size_t *s = realloc(m->src, cap * sizeof *s);
        if (s == NULL)
            return ES_ERR_NOMEM;
        m->src = s;
        m->cap = cap;
    }
    m->dst[m->n] = dst;
    m->src[m->n] = src;
    m->n++;
    return ES_OK;
}

size_t es_offmap_lookup(const es_offmap *m, size_t dst)
{
    if (m == NULL || m->n == 0)
        return dst;
    if (dst < m->dst[0])
        return m->src[0];
    size_t lo = 0, hi = m->n; /* last anchor with dst <= the offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->dst[mid] <= dst)
            lo = mid;
        else
            hi = mid;
    }
    return m->src[lo] + (dst - m->dst[lo]);
}

void es_offmap_free(es_offmap *m)
{
    if (m == NULL)
        return;
    free(m->dst);
    free(m->src);
    m->dst = m->src = NULL;
    m->n = m->cap = 0;
}
