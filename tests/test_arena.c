/* test_arena.c - the string arena: copies stay whole across blocks, interned
 * strings are shared, and an arena reset for the next file hands out its
 * kept blocks again without mixing old strings with new. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include "arena_internal.h"

/* Many strings, some longer than a block, each read back intact. */
static void copies_survive_many_blocks(void **state)
{
    (void)state;
    es_arena *a = es_arena_new();
    assert_non_null(a);
    static char big[200000];
    memset(big, 'x', sizeof big - 1);
    const char *kept[5000];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 5000; i++) {
            char s[32];
            int n = snprintf(s, sizeof s, "r%d-s%d", round, i);
            kept[i] = es_arena_strndup(a, s, (size_t)n);
            assert_non_null(kept[i]);
            if (i % 1000 == 0)
                assert_non_null(es_arena_strndup(a, big, sizeof big - 1));
        }
        for (int i = 0; i < 5000; i++) {
            char s[32];
            snprintf(s, sizeof s, "r%d-s%d", round, i);
            assert_string_equal(kept[i], s);
        }
        /* interning: equal contents, one pointer */
        const char *d1 = es_arena_intern(a, "思明区");
        const char *d2 = es_arena_intern(a, "思明区");
        assert_ptr_equal(d1, d2);
        assert_ptr_not_equal(es_arena_intern(a, "湖里区"), d1);
        es_arena_reset(a); /* the next "file" */
    }
    es_arena_free(a);
}

/* After a reset, intern forgets what it held: a string interned before is
 * copied again (its old copy may be overwritten), never returned stale. */
static void reset_forgets_interned_strings(void **state)
{
    (void)state;
    es_arena *a = es_arena_new();
    const char *before = es_arena_intern(a, "集美区");
    assert_non_null(before);
    es_arena_reset(a);
    /* fill the reused block with other bytes where 集美区 was */
    assert_non_null(es_arena_strndup(a, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 33));
    const char *after = es_arena_intern(a, "集美区");
    assert_string_equal(after, "集美区");
    assert_ptr_not_equal(after, before);
    es_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(copies_survive_many_blocks),
        cmocka_unit_test(reset_forgets_interned_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
