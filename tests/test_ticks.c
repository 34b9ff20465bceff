/* test_ticks.c - axis ticks in 1-2-5 steps and value labels. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "sections_internal.h"
#include "ticks_internal.h"

static void ticks_are_nice_and_cover_the_data(void **state)
{
    (void)state;
    static const struct {
        double min, max, lo, hi, step;
    } cases[] = {
        {0, 16.2, 0, 20, 5},        {0, 99.3, 0, 100, 20},   {0, 7650, 0, 8000, 2000},
        {-264.5, 264, -400, 400, 200}, {97.2, 99.3, 97, 100, 1}, {0, 1e15, 0, 1e15, 2e14},
        {5, 5, 0, 6, 2},            {0, 0, 0, 1, 0.2},       {-3, -1, -3, -1, 0.5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double lo, hi, step;
        es_nice_ticks(cases[i].min, cases[i].max, 5, &lo, &hi, &step);
        if (fabs(lo - cases[i].lo) > 1e-9 * fmax(1, fabs(lo)) || fabs(hi - cases[i].hi) > 1e-9 * fmax(1, hi) ||
            fabs(step - cases[i].step) > 1e-9 * step) {
            print_error("[%g, %g]: got %g..%g step %g, want %g..%g step %g\n", cases[i].min, cases[i].max, lo,
                        hi, step, cases[i].lo, cases[i].hi, cases[i].step);
            fail();
        }
        /* the step is 1, 2 or 5 times a power of ten */
        double m = step / pow(10, floor(log10(step)));
        assert_true(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 5) < 1e-9);
        assert_true(lo <= cases[i].min && hi >= cases[i].max && lo < hi);
    }
}

/* Each kind of value in a fixed number of decimals: 亿元 2, 万元 and counts
 * whole, rates and ratios 1; counts stay in their own unit (人, not 万人). */
static void money_is_shown_in_wan_and_yi_yuan(void **state)
{
    (void)state;
    double div;
    char suffix[32];
    int dec;
    es_value_scale("元", 1.26e9, &div, suffix, sizeof suffix, &dec);
    assert_true(div == 1e8);
    assert_string_equal(suffix, "亿元");
    assert_int_equal(dec, 2);
    es_value_scale("元", 1.86e7, &div, suffix, sizeof suffix, &dec);
    assert_true(div == 1e4);
    assert_string_equal(suffix, "万元");
    assert_int_equal(dec, 0);
    es_value_scale("元", 800, &div, suffix, sizeof suffix, &dec);
    assert_true(div == 1);
    es_value_scale("元", 120000, &div, suffix, sizeof suffix, &dec); /* 12万元: in 元, not "12万元" rounded */
    assert_true(div == 1);
    es_value_scale("人", 126000, &div, suffix, sizeof suffix, &dec);
    assert_string_equal(suffix, "人");
    assert_true(div == 1);
    assert_int_equal(dec, 0);
    es_value_scale("%", 99.5, &div, suffix, sizeof suffix, &dec);
    assert_string_equal(suffix, "%");
    assert_int_equal(dec, 1);
    es_value_scale("ratio", 13.5, &div, suffix, sizeof suffix, &dec);
    assert_string_equal(suffix, ":1");
    assert_int_equal(dec, 1);
}

static void numbers_read_well(void **state)
{
    (void)state;
    char s[64];
    es_format_number(1234567.891, 2, s, sizeof s);
    assert_string_equal(s, "1,234,567.89");
    es_format_number(12.60, 2, s, sizeof s);
    assert_string_equal(s, "12.6");
    es_format_number(-250.5, 2, s, sizeof s);
    assert_string_equal(s, "-250.5");
    es_format_number(100, 2, s, sizeof s);
    assert_string_equal(s, "100");
    es_format_number(-0.001, 2, s, sizeof s);
    assert_string_equal(s, "0");
    es_format_number(NAN, 2, s, sizeof s);
    assert_string_equal(s, "-");
    es_format_number(1e15, 2, s, sizeof s);
    assert_string_equal(s, "1,000,000,000,000,000");
    /* beyond, scientific notation: never dozens of digits */
    es_format_number(1e60, 2, s, sizeof s);
    assert_string_equal(s, "1e+60");
    es_format_number(-1.7e308, 2, s, sizeof s);
    assert_string_equal(s, "-1.7e+308");
    /* fixed decimals keep their zeros; a negative that rounds to zero is 0 */
    es_format_fixed(16.2, 2, s, sizeof s);
    assert_string_equal(s, "16.20");
    es_format_fixed(99, 1, s, sizeof s);
    assert_string_equal(s, "99.0");
    es_format_fixed(6000.4, 0, s, sizeof s);
    assert_string_equal(s, "6,000");
    es_format_fixed(-0.04, 1, s, sizeof s);
    assert_string_equal(s, "0.0");
    assert_true(es_chartable(1e15));
    assert_false(es_chartable(1e300));
    assert_false(es_chartable(INFINITY));
}

/* A section's numbers as a bulletin writes them: fixed decimals, no space
 * before the unit, qualifiers in front, rates changing in 个百分点, other
 * kinds in per cent, a gap in the years named. */
static void section_texts_follow_bulletin_conventions(void **state)
{
    (void)state;
    es_indicator rate_ind = {.id = "r", .label = "入学率", .kind = ES_KIND_RATE};
    es_indicator count_ind = {.id = "c", .label = "学位数", .kind = ES_KIND_COUNT};
    es_section rate = {.ind = &rate_ind, .divisor = 1, .unit = "%", .decimals = 1};
    es_section count = {.ind = &count_ind, .divisor = 1, .unit = "个", .decimals = 0};
    es_section yi = {.ind = &count_ind, .divisor = 1e8, .unit = "亿元", .decimals = 2};
    es_section ratio = {.ind = &count_ind, .divisor = 1, .unit = ":1", .decimals = 1};
    char s[128];
    es_row r = {.value = 6000, .qualifier = ES_QUALIFIER_APPROX, .year = 2024};
    es_section_row_text(&count, &r, s, sizeof s);
    assert_string_equal(s, "约6,000个");
    es_section_value_text(&rate, 99.71, s, sizeof s);
    assert_string_equal(s, "99.7%");
    es_section_value_text(&yi, 1.62e9, s, sizeof s);
    assert_string_equal(s, "16.20亿元");
    es_section_value_text(&ratio, 13.5, s, sizeof s);
    assert_string_equal(s, "13.5:1");
    es_section_spread_text(&ratio, 1.26, s, sizeof s); /* a standard deviation is no ratio */
    assert_string_equal(s, "1.3");
    /* 90.87% -> 99.71%: +8.8 个百分点, not +9.7% */
    es_section_change_text(&rate, &r, 2023, 99.71 - 90.87, (99.71 - 90.87) / 90.87 * 100, s, sizeof s);
    assert_string_equal(s, "+8.8个百分点");
    assert_string_equal(es_section_change_head(&rate), "比上年");
    es_section_change_text(&count, &r, 2023, 500, 9.09, s, sizeof s);
    assert_string_equal(s, "+9.1%");
    assert_string_equal(es_section_change_head(&count), "比上年增长");
    es_section_change_text(&count, &r, 2021, -500, -7.69, s, sizeof s);
    assert_string_equal(s, "-7.7%（较2021年）");
    es_section_change_text(&count, &r, 0, NAN, NAN, s, sizeof s);
    assert_string_equal(s, "-");
    es_section_change_text(&rate, &r, 2023, 0.01, 0.01, s, sizeof s); /* rounds to nothing: no sign */
    assert_string_equal(s, "0.0个百分点");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(section_texts_follow_bulletin_conventions),
        cmocka_unit_test(ticks_are_nice_and_cover_the_data),
        cmocka_unit_test(money_is_shown_in_wan_and_yi_yuan),
        cmocka_unit_test(numbers_read_well),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
