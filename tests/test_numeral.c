/* test_numeral.c - the numeral parser, case by case. */
#include "test_util.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/numeral.h"

typedef struct numeral_case {
    const char *text;    /* input (may continue past the numeral) */
    const char *numeral; /* the part that must be consumed */
    int valid;
    double value;
    es_numeral_kind kind;
} numeral_case;

#define A ES_NUMERAL_ARABIC
#define C ES_NUMERAL_CHINESE
#define D ES_NUMERAL_CHINESE_DIGITS

static const numeral_case cases[] = {
    /* Arabic, ASCII */
    {"21所", "21", 1, 21, A},
    {"0", "0", 1, 0, A},
    {"7", "7", 1, 7, A},
    {"99.53%", "99.53", 1, 99.53, A},
    {"39.072万元", "39.072", 1, 39.072, A},
    {"12,804元", "12,804", 1, 12804, A},
    {"1,234,567人", "1,234,567", 1, 1234567, A},
    {"68,680", "68,680", 1, 68680, A},
    {"0.05", "0.05", 1, 0.05, A},
    {"1.50", "1.50", 1, 1.5, A},
    {"3.教育", "3", 1, 3, A},
    {"3、", "3", 1, 3, A},
    {"16,8个", "16", 1, 16, A},       /* not a thousands group */
    {"1,2345", "1", 1, 1, A},         /* four digits after the comma */
    {"1234,567", "1234", 1, 1234, A}, /* first group too long */
    {"1.2.3节", "1.2.3", 0, 0, A},    /* a section number */
    {"2024年", "2024", 1, 2024, A},
    {"08年度", "08", 1, 8, A},
    {"100-117分", "100", 1, 100, A},
    {"1:6.3", "1", 1, 1, A},
    {"5G", "5", 1, 5, A},
    {"123456789012345678", "123456789012345678", 1, 123456789012345678.0, A},
    /* Arabic, full-width */
    {"２１所", "２１", 1, 21, A},
    {"９９．２％", "９９．２", 1, 99.2, A},
    {"１３．６∶１", "１３．６", 1, 13.6, A},
    {"２０２２年", "２０２２", 1, 2022, A},
    /* Chinese, structural */
    {"一", "一", 1, 1, C},
    {"两件", "两", 1, 2, C},
    {"十", "十", 1, 10, C},
    {"十二", "十二", 1, 12, C},
    {"二十", "二十", 1, 20, C},
    {"九十五", "九十五", 1, 95, C},
    {"一百", "一百", 1, 100, C},
    {"百", "百", 1, 100, C},
    {"一百二十所", "一百二十", 1, 120, C},
    {"一百二十六所", "一百二十六", 1, 126, C},
    {"一百零五", "一百零五", 1, 105, C},
    {"一百二", "一百二", 1, 120, C},
    {"两千元", "两千", 1, 2000, C},
    {"三千零六", "三千零六", 1, 3006, C},
    {"三万", "三万", 1, 30000, C},
    {"三万二千余名", "三万二千", 1, 32000, C},
    {"三万二", "三万二", 1, 32000, C},
    {"八千六百余人", "八千六百", 1, 8600, C},
    {"两千万元", "两千万", 1, 20000000, C},
    {"一亿二千万", "一亿二千万", 1, 120000000, C},
    {"五亿", "五亿", 1, 500000000, C},
    {"三万亿", "三万亿", 1, 3e12, C},
    {"十万", "十万", 1, 100000, C},
    {"一百万", "一百万", 1, 1000000, C},
    {"九十八点五", "九十八点五", 1, 98.5, C},
    {"三点一四", "三点一四", 1, 3.14, C},
    {"一点五万", "一点五万", 1, 15000, C},
    {"三点半", "三", 1, 3, C}, /* 点 not followed by a digit: a time of day */
    {"壹佰贰拾", "壹佰贰拾", 1, 120, C},
    {"三万多名", "三万", 1, 30000, C},
    /* Chinese, digit by digit */
    {"二〇〇五年", "二〇〇五", 1, 2005, D},
    {"二oo五年", "二oo五", 1, 2005, D},
    {"二00三年", "二00三", 1, 2003, D},
    {"一九九八年", "一九九八", 1, 1998, D},
    {"二零二三年", "二零二三", 1, 2023, D},
    /* Chinese runs that are not one number */
    {"十四五", "十四五", 0, 0, C},
    {"十三五规划", "十三五", 0, 0, C},
    {"七八十", "七八十", 0, 0, C},
    {"二三十人", "二三十", 0, 0, C},
    {"七八", "七八", 0, 0, C},
    {"十百", "十百", 0, 0, C},
    {"三千百", "三千百", 0, 0, C},
    {"亿亿", "", 0, 0, ES_NUMERAL_NONE}, /* 亿 cannot start a numeral */
    {"万州区", "", 0, 0, ES_NUMERAL_NONE},
    {"学校", "", 0, 0, ES_NUMERAL_NONE},
    {"", "", 0, 0, ES_NUMERAL_NONE},
};

static void parser_reads_every_table_case(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const numeral_case *c = &cases[i];
        es_numeral n;
        es_numeral_parse(c->text, strlen(c->text), &n);
        if (n.kind != c->kind || n.len != strlen(c->numeral) || (int)n.valid != c->valid ||
            (c->valid && fabs(es_numeral_value(&n, 0) - c->value) > 1e-9 * fmax(1, c->value))) {
            print_error("case %zu '%s': kind %d len %zu valid %d value %.17g\n", i, c->text, n.kind,
                        n.len, n.valid, es_numeral_value(&n, 0));
            fail();
        }
    }
    assert_true(sizeof cases / sizeof cases[0] >= 60);
}

static void magnitude_scales_exactly(void **state)
{
    (void)state;
    es_numeral n;
    es_numeral_parse("39.072", 6, &n);
    /* 39.072 * 10^4 must be exactly 390720, not 390719.99999999994 */
    assert_true(es_numeral_value(&n, 4) == 390720.0);
    es_numeral_parse("5.092", 5, &n);
    assert_true(es_numeral_value(&n, 8) == 509200000.0);
    es_numeral_parse("1.5", 3, &n);
    assert_true(es_numeral_value(&n, 4) == 15000.0);
}

static void forty_digit_number_is_reported_as_overflow(void **state)
{
    (void)state;
    const char *big = "1234567890123456789012345678901234567890元";
    es_numeral n;
    es_numeral_parse(big, strlen(big), &n);
    assert_true(n.overflow);
    assert_false(n.valid);
    assert_int_equal(n.len, 40); /* consumed whole, never wrapped */
    es_numeral_parse("1234567890123456789", 19, &n); /* 19 digits: one too many */
    assert_true(n.overflow);
}

static void huge_chinese_numerals_overflow(void **state)
{
    (void)state;
    es_numeral n;
    const char *s = "九千万亿亿";
    es_numeral_parse(s, strlen(s), &n);
    assert_false(n.valid);
    const char *s2 = "九千九百万亿"; /* 9.9e15: still in range */
    es_numeral_parse(s2, strlen(s2), &n);
    assert_true(n.valid);
    assert_true(es_numeral_value(&n, 0) == 9.9e15);
}

static void million_character_run_is_consumed_once(void **state)
{
    (void)state;
    size_t count = 1000000, one = strlen("一");
    char *s = malloc(count * one + 1);
    assert_non_null(s);
    for (size_t i = 0; i < count; i++)
        memcpy(s + i * one, "一", one);
    s[count * one] = '\0';
    es_numeral n;
    es_numeral_parse(s, count * one, &n);
    assert_int_equal(n.len, count * one);
    assert_false(n.valid);
    assert_true(n.overflow);
    free(s);
}

static void magnitude_words_are_read(void **state)
{
    (void)state;
    size_t used = 0;
    assert_int_equal(es_magnitude_parse("万元", strlen("万元"), &used), 4);
    assert_int_equal(used, strlen("万"));
    assert_int_equal(es_magnitude_parse("亿元", strlen("亿元"), &used), 8);
    assert_int_equal(es_magnitude_parse("万亿元", strlen("万亿元"), &used), 12);
    assert_int_equal(used, strlen("万亿"));
    assert_int_equal(es_magnitude_parse("千万", strlen("千万"), &used), 7);
    assert_int_equal(es_magnitude_parse("百万", strlen("百万"), &used), 6);
    assert_int_equal(es_magnitude_parse("元", strlen("元"), &used), 0);
}

static void parsing_ignores_a_comma_decimal_locale(void **state)
{
    (void)state;
    /* The parser must not depend on LC_NUMERIC. */
    const char *loc = setlocale(LC_NUMERIC, "de_DE.UTF-8");
    if (loc == NULL)
        loc = setlocale(LC_NUMERIC, "fr_FR.UTF-8");
    es_numeral n;
    es_numeral_parse("99.53", 5, &n);
    assert_true(n.valid);
    assert_true(es_numeral_value(&n, 0) == 99.53);
    setlocale(LC_NUMERIC, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parser_reads_every_table_case),
        cmocka_unit_test(magnitude_scales_exactly),
        cmocka_unit_test(forty_digit_number_is_reported_as_overflow),
        cmocka_unit_test(huge_chinese_numerals_overflow),
        cmocka_unit_test(million_character_run_is_consumed_once),
        cmocka_unit_test(magnitude_words_are_read),
        cmocka_unit_test(parsing_ignores_a_comma_decimal_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
