/* test_scan.c - the scanner on sentences of our own, one class of writing
 * per test. */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "edustat/scan.h"

#define MAX_FOUND 32

typedef struct found {
    size_t n;
    char raw[MAX_FOUND][64];
    double value[MAX_FOUND];
    const char *unit[MAX_FOUND];
    es_qualifier q[MAX_FOUND];
    int redacted[MAX_FOUND];
    const char *text;
} found;

static int collect(const es_quantity *q, void *user)
{
    found *f = user;
    if (f->n >= MAX_FOUND)
        return 1;
    snprintf(f->raw[f->n], sizeof f->raw[0], "%.*s", (int)(q->end - q->start), f->text + q->start);
    f->value[f->n] = q->value;
    f->unit[f->n] = q->unit;
    f->q[f->n] = q->qualifier;
    f->redacted[f->n] = q->redacted;
    f->n++;
    return 0;
}

static found scan(const char *text)
{
    found f;
    memset(&f, 0, sizeof f);
    f.text = text;
    es_scan_callbacks cb = {collect, NULL, &f};
    es_scan_text(text, strlen(text), NULL, 0, &cb);
    return f;
}

/* Assert the i-th quantity's raw, value and unit. */
static void expect(const found *f, size_t i, const char *raw, double value, const char *unit)
{
    if (i >= f->n) {
        print_error("expected quantity %zu '%s' in '%s', found only %zu\n", i, raw, f->text, f->n);
        fail();
    }
    if (strcmp(f->raw[i], raw) != 0 || strcmp(f->unit[i], unit) != 0 ||
        fabs(f->value[i] - value) > 1e-9 * fmax(1.0, fabs(value))) {
        print_error("quantity %zu in '%s': got '%s' %.17g %s, want '%s' %.17g %s\n", i, f->text,
                    f->raw[i], f->value[i], f->unit[i], raw, value, unit);
        fail();
    }
}

static void expect_none(const char *text)
{
    found f = scan(text);
    if (f.n != 0) {
        print_error("'%s': expected no quantity, found '%s'\n", text, f.raw[0]);
        fail();
    }
}

static void scan_reads_arabic_counts_and_money(void **state)
{
    (void)state;
    found f = scan("全区共有小学21所，投入资金39.072万元，学费12,804元。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "21所", 21, "所");
    expect(&f, 1, "39.072万元", 390720, "元");
    expect(&f, 2, "12,804元", 12804, "元");
}

static void scan_reads_fullwidth_digits(void **state)
{
    (void)state;
    found f = scan("新建学校１２所，合格率９９．２％，生师比１３．６∶１。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "１２所", 12, "所");
    expect(&f, 1, "９９．２％", 99.2, "%");
    expect(&f, 2, "１３．６∶１", 13.6, "ratio");
}

static void scan_reads_chinese_numerals_with_measure_words(void **state)
{
    (void)state;
    found f = scan("现有学校一百二十六所，在校生三万二千余名，拨付两千万元，开展两次检查。");
    assert_int_equal(f.n, 4);
    expect(&f, 0, "一百二十六所", 126, "所");
    expect(&f, 1, "三万二千余名", 32000, "人");
    assert_int_equal(f.q[1], ES_QUALIFIER_MORE_THAN);
    expect(&f, 2, "两千万元", 20000000, "元");
    expect(&f, 3, "两次", 2, "次");
}

static void scan_reads_percentages_in_words(void **state)
{
    (void)state;
    found f = scan("巩固率达到百分之九十八点五，入学率百分之百。");
    assert_int_equal(f.n, 2);
    expect(&f, 0, "百分之九十八点五", 98.5, "%");
    expect(&f, 1, "百分之百", 100, "%");
    expect_none("覆盖面达百分之七八十。"); /* a range, left out */
}

static void scan_reads_mixed_magnitudes(void **state)
{
    (void)state;
    found f = scan("组织3万多名学生，新增近1.5万个学位，总投资5.092亿元，累计300多万元。");
    assert_int_equal(f.n, 4);
    expect(&f, 0, "3万多名", 30000, "人");
    assert_int_equal(f.q[0], ES_QUALIFIER_MORE_THAN);
    expect(&f, 1, "1.5万个", 15000, "个");
    assert_int_equal(f.q[1], ES_QUALIFIER_APPROX);
    expect(&f, 2, "5.092亿元", 509200000, "元");
    expect(&f, 3, "300多万元", 3000000, "元");
}

static void scan_reads_ratios_larger_over_smaller(void **state)
{
    (void)state;
    found f = scan("机生比达到1:6.3，生师比为15.2:1，男女比例5:5左右。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "1:6.3", 6.3, "ratio");
    expect(&f, 1, "15.2:1", 15.2, "ratio");
    expect(&f, 2, "5:5", 1, "ratio");
    assert_int_equal(f.q[2], ES_QUALIFIER_APPROX);
}

static void scan_splits_ranges_into_two_mentions(void **state)
{
    (void)state;
    found f = scan("每校配备3-5名心理教师，成绩分为80-89分两档。");
    assert_int_equal(f.n, 4);
    expect(&f, 0, "3", 3, "人");
    expect(&f, 1, "5名", 5, "人");
    expect(&f, 2, "80", 80, "分");
    expect(&f, 3, "89分", 89, "分");
}

static void scan_reads_every_qualifier(void **state)
{
    (void)state;
    found f = scan("收到建议近30条，约200人参加，超过2万字，95%以上，450名左右，不少于2小时，"
                   "至少3次，不超过40人，4300余台。");
    es_qualifier want[] = {ES_QUALIFIER_APPROX,    ES_QUALIFIER_APPROX,   ES_QUALIFIER_MORE_THAN,
                           ES_QUALIFIER_MORE_THAN, ES_QUALIFIER_APPROX,   ES_QUALIFIER_AT_LEAST,
                           ES_QUALIFIER_AT_LEAST,  ES_QUALIFIER_AT_MOST,  ES_QUALIFIER_MORE_THAN};
    assert_int_equal(f.n, 9);
    expect(&f, 0, "30条", 30, "条");
    expect(&f, 3, "95%", 95, "%");
    expect(&f, 5, "2小时", 2, "学时");
    for (size_t i = 0; i < 9; i++)
        assert_int_equal(f.q[i], want[i]);
    found g = scan("节约3000元，突破2万人。");
    assert_int_equal(g.n, 2);
    assert_int_equal(g.q[0], ES_QUALIFIER_EXACT);
    assert_int_equal(g.q[1], ES_QUALIFIER_EXACT);
}

static void scan_reads_percentage_points_as_percent(void **state)
{
    (void)state;
    found f = scan("优秀率提高2.1个百分点。");
    assert_int_equal(f.n, 1);
    expect(&f, 0, "2.1个百分点", 2.1, "%");
}

static void scan_normalises_units(void **state)
{
    (void)state;
    found f = scan("培训1200人次，新建5座，教室8间，电脑40台，面积3000平方米，上课750余节，"
                   "受理信访11起，5幢楼，举办3场。");
    assert_int_equal(f.n, 9);
    expect(&f, 0, "1200人次", 1200, "人次");
    expect(&f, 1, "5座", 5, "个");
    expect(&f, 4, "3000平方米", 3000, "㎡");
    expect(&f, 5, "750余节", 750, "学时");
    expect(&f, 6, "11起", 11, "件");
    expect(&f, 8, "3场", 3, "次");
}

static void scan_rejects_years_and_dates(void **state)
{
    (void)state;
    expect_none("2024年，我局于3月23日召开会议。");
    expect_none("二〇〇五年五月八日");
    expect_none("二oo五年");
    expect_none("二00三年元月");
    expect_none("11月9-10日举行培训。");
    expect_none("2001-2002学年度");
    expect_none("对08年度的工作进行了总结。");
    expect_none("会议于09:30开始。");
    found f = scan("连续4年获评先进，连续两年领先。");
    assert_int_equal(f.n, 2);
    expect(&f, 0, "4年", 4, "年");
    expect(&f, 1, "两年", 2, "年");
    expect_none("近两年来成效明显，一年来稳步推进。");
}

static void scan_rejects_ordinals_and_list_markers(void **state)
{
    (void)state;
    expect_none("第3篇");
    expect_none("一是加强领导，二是完善制度。");
    expect_none("（三）强化督导");
    expect_none("1.教育科研；3、安全工作");
    expect_none("获得全市第二名，第二批名单，第三届比赛。");
    expect_none("荣获一等奖。");
}

static void scan_rejects_slogans_and_names(void **state)
{
    (void)state;
    expect_none("践行“三个代表”重要思想，学习十六大精神。");
    expect_none("编制“十四五”规划和十三五总结。");
    expect_none("推进“2+2”项目和5112工程。");
    expect_none("与985高校合作，建设5G校园，48中表现突出。");
    expect_none("提出了四个加强，处理好五个关系，做到三个到位。");
    expect_none("普及学前三年教育，巩固九年义务教育。");
    expect_none("制定《三年行动计划》。");
    expect_none("小学一年级新生入学。");
    expect_none("开设“三点半课堂”。");
    expect_none("十分重要。");
    expect_none("一校一品，一次性告知。");
    expect_none("严格落实中央八项规定精神，统筹国内国际两个大局。");
    expect_none("坚持和平共处五项原则，实现四个现代化。");
}

static void scan_keeps_counts_that_look_like_slogans(void **state)
{
    (void)state;
    found f = scan("开好了三个会，设立两个培训点，观音桥等五个街道。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "三个", 3, "个");
    expect(&f, 2, "五个", 5, "个");
}

static void scan_reports_placeholders_as_redactions(void **state)
{
    (void)state;
    found f = scan("投入__亿元，新建_所，合格率XX%，招聘**人，经费xxx万元，学位__万座。");
    assert_int_equal(f.n, 6);
    for (size_t i = 0; i < f.n; i++)
        assert_true(f.redacted[i]);
    expect(&f, 0, "__亿元", 0, "元");
    expect(&f, 1, "_所", 0, "所");
    expect(&f, 2, "XX%", 0, "%");
    expect(&f, 3, "**人", 0, "人");
    expect(&f, 4, "xxx万元", 0, "元");
    expect(&f, 5, "__万座", 0, "个");
    expect_none("20__年工作总结，XX小学，__区教育局，XX年");
}

static void scan_never_reads_codes(void **state)
{
    (void)state;
    expect_none("版本V2.3，型号MP3，G20峰会");
    expect_none("电话023-67851234，邮编400020，备案号05003300号");
}

/* Text from PDF and Word: a space (ASCII, no-break, thin, ideographic) or
 * a line break between number, magnitude and unit. */
static void scan_reads_figures_apart_from_their_units(void **state)
{
    (void)state;
    found f = scan("在校学生12056 人，总投入27.6 亿元，建设资金2,318.4\u00A0万元。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "12056 人", 12056, "人");
    expect(&f, 1, "27.6 亿元", 2760000000.0, "元");
    expect(&f, 2, "2,318.4\u00A0万元", 23184000, "元");
    f = scan("新增学位3.8\u2009万个，培训4.6\u3000万人次，达到100 %以上。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "3.8\u2009万个", 38000, "个");
    expect(&f, 1, "4.6\u3000万人次", 46000, "人次");
    expect(&f, 2, "100 %", 100, "%");
    assert_int_equal(f.q[2], ES_QUALIFIER_MORE_THAN);
    f = scan("学生总数达到12.3\n万人，教师总数增至\n5120 人。");
    assert_int_equal(f.n, 2);
    expect(&f, 0, "12.3\n万人", 123000, "人");
    expect(&f, 1, "5120 人", 5120, "人");
    f = scan("每校培养 3-5 名骨干教师，共 12 所学校。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "3", 3, "人");
    expect(&f, 1, "5 名", 5, "人");
    expect(&f, 2, "12 所", 12, "所");
}

/* Not over-reaching: two numbers apart are two, a word after a space is
 * not a unit, a section number keeps to itself, a year stays a year. */
static void scan_keeps_spaced_numbers_apart(void **state)
{
    (void)state;
    found f = scan("编号 12 34人。");
    assert_int_equal(f.n, 1);
    expect(&f, 0, "34人", 34, "人");
    expect_none("共 3 个人 工作。");
    expect_none("1 人员配置情况");
    expect_none("2024 年 3 月，第 3 名。");
    expect_none("二 00 三年元月。");
    expect_none("引进 12 人才。");
    expect_none("3 0 0 多个城市，覆盖率8 5 ％以上。"); /* digits set apart one by one */
}

/* Ordinals without 第 and enumerations of abstract items are no counts;
 * zero with a measure word is one. */
static void scan_rejects_ordinals_without_di_and_abstract_items(void **state)
{
    (void)state;
    expect_none("学习十九届六中全会和区委五届二次全会精神。");
    expect_none("区七届人大三次会议召开。");
    expect_none("围绕六项任务，建立三项制度，落实五项措施。");
    found f = scan("建成三项工程，共12个项目，制定26项制度。");
    assert_int_equal(f.n, 3);
    expect(&f, 0, "三项", 3, "项");
    expect(&f, 2, "26项", 26, "项");
    expect_none("全县无一名学生失学。"); /* a zero written as a word of negation */
    f = scan("全年辍学0人，发生安全事故0起。");
    assert_int_equal(f.n, 2);
    expect(&f, 0, "0人", 0, "人");
    expect(&f, 1, "0起", 0, "件");
}

static void scan_context_is_the_clause(void **state)
{
    (void)state;
    const char *t = "全区教育稳步发展，小学入学率达99.53%，初中入学率100%。";
    const char *num = strstr(t, "99.53");
    size_t cs, ce;
    es_scan_context(t, strlen(t), (size_t)(num - t), (size_t)(num - t) + 6, &cs, &ce);
    char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(ce - cs), t + cs);
    assert_string_equal(buf, "小学入学率达99.53%");
}

static void scan_reads_a_bare_number_in_a_table_cell(void **state)
{
    (void)state;
    const char *t = "学校A\n38650\n14\n";
    es_table_cell cells[2] = {{8, 13, "经费（万元）", "学校A"}, {14, 16, "学校数", "学校A"}};
    found f;
    memset(&f, 0, sizeof f);
    f.text = t;
    es_scan_callbacks cb = {collect, NULL, &f};
    es_scan_text(t, strlen(t), cells, 2, &cb);
    assert_int_equal(f.n, 2);
    expect(&f, 0, "38650", 386500000, "元");
    expect(&f, 1, "14", 14, "所");
    expect_none("学校A\n38650\n"); /* outside a table a bare number is nothing */
}

/* A sheet's decrease: -1200 and (350) are negative as whole cells, and
 * nothing else is (a dash or a parenthesis inside running text is not a sign). */
static void scan_reads_negative_table_cells(void **state)
{
    (void)state;
    const char *t = "甲\n-1200\n(350)\n（80）\n-5万\n";
    es_table_cell cells[4] = {{4, 9, "经费（万元）", "甲"}, {10, 15, "经费（万元）", "甲"},
                              {16, 24, "经费（万元）", "甲"}, {25, 30, "经费（万元）", "甲"}};
    found f;
    memset(&f, 0, sizeof f);
    f.text = t;
    es_scan_callbacks cb = {collect, NULL, &f};
    es_scan_text(t, strlen(t), cells, 4, &cb);
    assert_int_equal(f.n, 3);
    expect(&f, 0, "-1200", -12000000, "元");
    expect(&f, 1, "(350)", -3500000, "元");
    expect(&f, 2, "（80）", -800000, "元");
    expect_none("增减\n-1200\n"); /* outside a table: nothing */
}

static void scan_survives_truncated_utf8(void **state)
{
    (void)state;
    const char t[] = {'3', '\xE4', '\xB8', '5', '\xE6', 0};
    found f = scan(t);
    assert_int_equal(f.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scan_reads_arabic_counts_and_money),
        cmocka_unit_test(scan_reads_fullwidth_digits),
        cmocka_unit_test(scan_reads_chinese_numerals_with_measure_words),
        cmocka_unit_test(scan_reads_percentages_in_words),
        cmocka_unit_test(scan_reads_mixed_magnitudes),
        cmocka_unit_test(scan_reads_ratios_larger_over_smaller),
        cmocka_unit_test(scan_reads_negative_table_cells),
        cmocka_unit_test(scan_splits_ranges_into_two_mentions),
        cmocka_unit_test(scan_reads_every_qualifier),
        cmocka_unit_test(scan_reads_percentage_points_as_percent),
        cmocka_unit_test(scan_normalises_units),
        cmocka_unit_test(scan_rejects_years_and_dates),
        cmocka_unit_test(scan_rejects_ordinals_and_list_markers),
        cmocka_unit_test(scan_rejects_slogans_and_names),
        cmocka_unit_test(scan_keeps_counts_that_look_like_slogans),
        cmocka_unit_test(scan_reports_placeholders_as_redactions),
        cmocka_unit_test(scan_never_reads_codes),
        cmocka_unit_test(scan_reads_figures_apart_from_their_units),
        cmocka_unit_test(scan_keeps_spaced_numbers_apart),
        cmocka_unit_test(scan_rejects_ordinals_without_di_and_abstract_items),
        cmocka_unit_test(scan_context_is_the_clause),
        cmocka_unit_test(scan_reads_a_bare_number_in_a_table_cell),
        cmocka_unit_test(scan_survives_truncated_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
