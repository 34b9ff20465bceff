/* test_metadata.c - district, city and year of documents of our own, and
 * the gazetteer's refusal of words that only look like districts. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include "edustat/gazetteer.h"
#include "edustat/metadata.h"

static es_gazetteer *gaz;

static int setup(void **state)
{
    (void)state;
    es_error err;
    return es_gazetteer_new_builtin(&gaz, &err) == ES_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    es_gazetteer_free(gaz);
    return 0;
}

static es_doc_meta detect(const char *title, const char *body)
{
    es_doc_meta m;
    es_detect_metadata(gaz, title, body, 0, strlen(body), &m);
    return m;
}

static void gazetteer_knows_districts_and_their_cities(void **state)
{
    (void)state;
    const es_division *d[8];
    assert_int_equal(es_gazetteer_lookup(gaz, "海沧区", strlen("海沧区"), d, 8), 1);
    assert_string_equal(d[0]->code, "350205");
    assert_string_equal(d[0]->city, "厦门市");
    assert_int_equal(d[0]->level, ES_DIVISION_COUNTY);
    assert_true(es_gazetteer_lookup(gaz, "鼓楼区", strlen("鼓楼区"), d, 8) >= 3); /* 福州, 南京, 徐州, 开封 */
    assert_int_equal(es_gazetteer_lookup(gaz, "万州区", strlen("万州区"), d, 8), 1);
    assert_string_equal(d[0]->city, "重庆市"); /* a municipality is its districts' city */
    assert_int_equal(es_gazetteer_lookup(gaz, "厦门市", strlen("厦门市"), d, 8), 1);
    assert_int_equal(d[0]->level, ES_DIVISION_CITY);
}

static void words_that_end_like_districts_are_never_districts(void **state)
{
    (void)state;
    static const char *const words[] = {"示范区", "样板区", "创新区", "学区", "片区", "社区",
                                        "城区", "校区", "园区", "景区", "主城区", "老城区"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char text[64];
        snprintf(text, sizeof text, "推进%s建设", words[i]);
        size_t end = strlen("推进") + strlen(words[i]), start;
        if (es_gazetteer_name_ending_at(gaz, text, end, &start) != NULL) {
            print_error("'%s' taken for a district\n", words[i]);
            fail();
        }
    }
    es_doc_meta m = detect("区教育局工作总结", "全区创建优质均衡示范区，优化学区划分，老城区学位紧张，社区教育稳步推进。");
    assert_string_equal(m.district, "");
    size_t start;
    const char *t = "我们在新城区工作";
    const es_division *d = es_gazetteer_name_ending_at(gaz, t, strlen("我们在新城区"), &start);
    assert_non_null(d); /* 新城区 is a real district, though it ends in 城区 */
    assert_string_equal(d->name, "新城区");
}

static void blanked_names_give_no_district(void **state)
{
    (void)state;
    static const char *const bodies[] = {"__区教育局认真落实。", "##区全区学校稳步发展。",
                                         "??区教育事业发展。", "XX区各校积极参与。", "**区教育局。"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        es_doc_meta m = detect("区教育局工作总结", bodies[i]);
        assert_string_equal(m.district, "");
        assert_null(m.district_from);
    }
}

static void district_comes_from_the_title_first(void **state)
{
    (void)state;
    es_doc_meta m = detect("厦门市思明区教育局2023年工作总结", "我们赴湖里区学习，湖里区经验丰富，湖里区成效显著。");
    assert_string_equal(m.district, "思明区");
    assert_string_equal(m.district_from, "title");
    assert_string_equal(m.district_code, "350203");
    assert_string_equal(m.city, "厦门市");
    assert_string_equal(m.city_from, "title");
}

static void district_from_the_body_is_the_one_the_report_is_about(void **state)
{
    (void)state;
    /* 仓山区 in the opening and in sentences about 我区; 鼓楼区 named more
     * often, but only in passing, at the end. */
    es_doc_meta m = detect("区教育局2020年工作总结",
                           "2020年，福州市仓山区教育局统筹推进各项工作。全区教育事业健康发展。\n"
                           "我区仓山区新建学校5所。\n"
                           "组织教师赴鼓楼区交流，鼓楼区名校结对，与鼓楼区共建。\n");
    assert_string_equal(m.district, "仓山区");
    assert_string_equal(m.district_from, "body");
    assert_string_equal(m.city, "福州市");
    assert_string_equal(m.district_code, "350104");
}

static void city_is_the_one_named_alongside(void **state)
{
    (void)state;
    /* the district's own city is not named: no city */
    es_doc_meta m = detect("2023年度区教育局工作总结", "2023年，锦江区教育局在区委领导下推进工作。");
    assert_string_equal(m.district, "锦江区");
    assert_string_equal(m.city, "");
    /* a city and no district */
    m = detect("区教育局党政领导班子工作总结", "在泰州市教育局指导下，泰州市各项工作稳步推进。");
    assert_string_equal(m.district, "");
    assert_string_equal(m.city, "泰州市");
    /* 鼓楼区 of 南京 when the text names 南京市 */
    m = detect("南京市鼓楼区教育局工作总结", "全区学校稳步发展。");
    assert_string_equal(m.district_code, "320106");
}

static void years_in_every_form(void **state)
{
    (void)state;
    size_t end;
    static const struct {
        const char *text;
        int year;
    } forms[] = {
        {"2024年工作总结", 2024},     {"２０２２年工作总结", 2022}, {"二〇〇五年五月八日", 2005},
        {"二oo五年五月", 2005},       {"二00三年元月", 2003},       {"一九九八年", 1998},
        {"20__年工作总结", -1},       {"20XX年工作总结", -1},       {"XX年在区委领导下", -1},
        {"__年是重要之年", -1},       {"区教育局工作总结", 0},      {"共有学校2024所", 0},
        {"12024年", 0},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        int y = es_find_year(forms[i].text, strlen(forms[i].text), &end);
        if (y != forms[i].year) {
            print_error("'%s': year %d, want %d\n", forms[i].text, y, forms[i].year);
            fail();
        }
    }
}

static void year_from_title_then_opening_then_closing_date(void **state)
{
    (void)state;
    es_doc_meta m = detect("开福区教育局2024年工作总结和2025年工作计划", "2025年，我们将继续努力。");
    assert_int_equal(m.year, 2024);
    assert_string_equal(m.year_from, "title");
    m = detect("新城区教育局年度工作总结", "2019年，新城区教育局坚持优先发展。\n一、基本情况\n\n新城区教育局\n2020年1月6日\n");
    assert_int_equal(m.year, 2019);
    assert_string_equal(m.year_from, "body");
    m = detect("区教育局先进性教育活动总结", "第一部分 基本情况\n局党委高度重视。\n\n2024年6月6日\n");
    assert_int_equal(m.year, 2024);
    m = detect("区教育局普法工作总结", "普法工作开展以来成效明显。\n\n二oo五年五月八日\n");
    assert_int_equal(m.year, 2005);
    m = detect("20__年区教育局工作总结", "2023年，全区教育稳步发展。");
    assert_int_equal(m.year, 0); /* the title blanks it: unknown */
    assert_null(m.year_from);
    m = detect("区教育局行政许可法贯彻执行情况工作总结", "《行政许可法》颁布以来，我局认真贯彻。");
    assert_int_equal(m.year, 0);
}

/* Years written as text from PDF has them, without 年, as school years. */
static void years_spaced_bare_and_of_school_years(void **state)
{
    (void)state;
    es_doc_meta m = detect("2023 年区教育局工作总结", "全区学校稳步发展。");
    assert_int_equal(m.year, 2023);
    m = detect("2019县教育局年终工作总结", "全县学校稳步发展。");
    assert_int_equal(m.year, 2019);
    m = detect("县教育局2021-2022学年度工作总结", "全县学校稳步发展。");
    assert_int_equal(m.year, 2021);
    m = detect("县教育局2021—22学年工作总结", "全县学校稳步发展。");
    assert_int_equal(m.year, 2021);
    /* counts and amounts of four digits are no years */
    m = detect("投入2000万元改善办学条件工作总结", "全县学校稳步发展。");
    assert_int_equal(m.year, 0);
    m = detect("新建校舍2019平方米情况汇报", "全县学校稳步发展。");
    assert_int_equal(m.year, 0);
}

/* A file of one document has its title as its first line: the opening
 * sentence is the line after it, and a year compared with is not it. */
static void opening_year_skips_the_title_line_and_comparison_years(void **state)
{
    (void)state;
    es_doc_meta m = detect("县教育局工作总结", "县教育局工作总结\n2022年，全县教育事业稳步发展。\n");
    assert_int_equal(m.year, 2022);
    assert_string_equal(m.year_from, "body");
    m = detect("县教育局工作总结", "一年来，全县新建学校3所，比2021年增加1所。\n\n县教育局\n2023年12月28日\n");
    assert_int_equal(m.year, 2023);
    m = detect("县教育局工作总结", "自2020年以来，全县新建学校12所。\n");
    assert_int_equal(m.year, 0);
}

/* The closing date is a date on a line of its own, not one inside the
 * last sentence. */
static void closing_date_is_a_signature_line(void **state)
{
    (void)state;
    es_doc_meta m = detect("县教育局工作总结", "一年来成效明显。\n\n县教育局\n  2021年12月30日  \n");
    assert_int_equal(m.year, 2021);
    m = detect("县教育局工作总结", "一年来成效明显。\n\n县教育局\n2021-12-30\n");
    assert_int_equal(m.year, 2021);
    m = detect("县教育局工作总结", "一年来成效明显。下一步将于2022年3月完成验收。\n");
    assert_int_equal(m.year, 0);
}

/* A name of two characters counts only where it stands as a name. */
static void short_names_count_only_as_names(void **state)
{
    (void)state;
    es_doc_meta m = detect("县教育局工作总结", "全县各级学校和县直单位认真落实，全县共有中小学45所。");
    assert_string_equal(m.district, "");
    m = detect("县教育局工作总结", "和县教育局认真落实各项工作，全县共有中小学45所。");
    assert_string_equal(m.district, "和县");
    m = detect("县教育局工作总结", "安徽省泾县全县共有中小学45所。");
    assert_string_equal(m.district, "泾县");
    /* the publishing organisation's line of a government page is body */
    m = detect("教育工作总结", "发布时间：2024-01-10　发布机构：泾县教育局\n全县共有中小学45所。");
    assert_string_equal(m.district, "泾县");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gazetteer_knows_districts_and_their_cities),
        cmocka_unit_test(words_that_end_like_districts_are_never_districts),
        cmocka_unit_test(blanked_names_give_no_district),
        cmocka_unit_test(district_comes_from_the_title_first),
        cmocka_unit_test(district_from_the_body_is_the_one_the_report_is_about),
        cmocka_unit_test(city_is_the_one_named_alongside),
        cmocka_unit_test(years_in_every_form),
        cmocka_unit_test(year_from_title_then_opening_then_closing_date),
        cmocka_unit_test(years_spaced_bare_and_of_school_years),
        cmocka_unit_test(opening_year_skips_the_title_line_and_comparison_years),
        cmocka_unit_test(closing_date_is_a_signature_line),
        cmocka_unit_test(short_names_count_only_as_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
