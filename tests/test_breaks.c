/* test_breaks.c - the one table of break characters: its byte-wise readers
 * agree with it everywhere, and each user's notion of a clause is a level
 * of it. */
#include "test_util.h"

#include <string.h>

#include "breaks_internal.h"
#include "edustat/scan.h"

static size_t encode(uint32_t cp, unsigned char *b)
{
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | cp >> 6);
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    b[0] = (unsigned char)(0xE0 | cp >> 12);
    b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    b[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
}

static void byte_readers_agree_with_the_table(void **state)
{
    (void)state;
    int breaks = 0;
    for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        unsigned char b[4] = {0};
        size_t n = encode(cp, b);
        int want = es_break_level(cp);
        int got = n == 1 ? es_break_level_ascii(b[0]) : n == 3 ? es_break_level_utf8_3(b) : -1;
        if (got != want) {
            print_error("U+%04X: byte-wise level %d, table %d\n", (unsigned)cp, got, want);
            fail();
        }
        breaks += want >= 0;
    }
    assert_int_equal(breaks, 14); /* \n \r 。！？!? ；; ，：,: 、 */
}

static void levels_nest(void **state)
{
    (void)state;
    assert_true(es_is_sentence_break(0x3002) && es_is_sentence_break(0xFF1B) && es_is_sentence_break('\n'));
    assert_false(es_is_sentence_break(0xFF0C));
    assert_true(es_is_comma_break(0xFF0C) && es_is_comma_break(0xFF1A) && es_is_comma_break(0x3002));
    assert_false(es_is_comma_break(0x3001)); /* 、 joins list items within a clause */
    assert_false(es_is_comma_break('5'));
}

/* The scanner's context stops at ， and 。 but keeps 1,234 and a label's colon. */
static void scan_context_is_a_clause(void **state)
{
    (void)state;
    const char *t = "去年如此。全区学校：1,234所，教师5000人";
    const char *num = strstr(t, "1,234");
    size_t cs, ce;
    es_scan_context(t, strlen(t), (size_t)(num - t), (size_t)(num - t) + strlen("1,234所"), &cs, &ce);
    assert_int_equal(cs, (size_t)(strstr(t, "全区") - t));
    assert_int_equal(ce, (size_t)(strstr(t, "，") - t));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(byte_readers_agree_with_the_table),
        cmocka_unit_test(levels_nest),
        cmocka_unit_test(scan_context_is_a_clause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
