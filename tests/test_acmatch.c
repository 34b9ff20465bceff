/* test_acmatch.c - the Aho-Corasick matcher finds exactly what a naive
 * search finds, with the compact 16-bit table (few states) and the 32-bit
 * one (more than 32767 states). */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acmatch_internal.h"

typedef struct hits {
    size_t n;
    unsigned long long sum; /* of (end * 1000003 + id): order-free fingerprint */
} hits;

static void on_hit(size_t end, size_t len, uint32_t id, void *user)
{
    hits *h = user;
    (void)len;
    h->n++;
    h->sum += (unsigned long long)end * 1000003ULL + id;
}

/* Patterns of `plen` bytes over a small alphabet, a text over the same. */
static void check_against_naive(size_t n_patterns, size_t plen)
{
    unsigned seed = 12345;
    char *pats = malloc(n_patterns * plen);
    assert_non_null(pats);
    es_acmatch *ac = es_acmatch_new();
    assert_non_null(ac);
    for (size_t i = 0; i < n_patterns; i++) {
        for (size_t k = 0; k < plen; k++) {
            seed = seed * 1103515245u + 12345u;
            pats[i * plen + k] = (char)("abcdefgh\xe4\xb8\xad"[(seed >> 16) % 11]);
        }
        assert_int_equal(es_acmatch_add(ac, pats + i * plen, plen, (uint32_t)i), ES_OK);
    }
    assert_int_equal(es_acmatch_build(ac), ES_OK);
    char text[4000];
    for (size_t k = 0; k < sizeof text; k++) {
        seed = seed * 1103515245u + 12345u;
        text[k] = (char)("abcdefgh\xe4\xb8\xadxyz"[(seed >> 16) % 14]);
    }
    /* plant some patterns so there is something to find */
    for (size_t i = 0; i < 20 && i < n_patterns; i++)
        memcpy(text + i * 150, pats + (i * 7 % n_patterns) * plen, plen);
    hits got = {0, 0}, want = {0, 0};
    es_acmatch_scan(ac, text, sizeof text, on_hit, &got);
    for (size_t e = plen; e <= sizeof text; e++)
        for (size_t i = 0; i < n_patterns; i++)
            if (memcmp(text + e - plen, pats + i * plen, plen) == 0)
                on_hit(e, plen, (uint32_t)i, &want);
    assert_true(want.n >= 20);
    assert_int_equal(got.n, want.n);
    assert_true(got.sum == want.sum);
    es_acmatch_free(ac);
    free(pats);
}

static void few_states_match_like_a_naive_search(void **state)
{
    (void)state;
    check_against_naive(200, 4);
}

static void many_states_match_like_a_naive_search(void **state)
{
    (void)state;
    check_against_naive(9000, 10); /* over 50,000 states: past 32767 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(few_states_match_like_a_naive_search),
        cmocka_unit_test(many_states_match_like_a_naive_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
