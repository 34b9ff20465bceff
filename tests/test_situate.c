/* test_situate.c - each figure's year, basis, scope and district on
 * sentences of our own: for every class at least two sentences where it
 * must hold and one where it must not. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/classify.h"
#include "edustat/extract.h"
#include "edustat/gazetteer.h"
#include "edustat/lexicon.h"
#include "edustat/situate.h"
#include "edustat/source.h"

#define DOC_YEAR 2023
#define ANY (-1)   /* year not checked */
#define NONE 0     /* year null */

typedef struct situate_case {
    const char *title; /* NULL: a district's 2023 summary */
    const char *body;
    const char *raw;   /* the figure (its first occurrence) */
    int year;          /* ANY, NONE or a year */
    es_basis basis;
    es_scope scope;
    const char *district; /* NULL: the document's own */
} situate_case;

static const char *const summary_title = "厦门市思明区教育局2023年工作总结";
static const char *const city_title = "厦门市2023年教育事业发展统计公报";

static const situate_case cases[] = {
    /* a year written in the clause, or opening an earlier clause */
    {NULL, "全区教育经费2020年为25.2亿元。", "25.2亿元", 2020, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "截至2021年底，全区共有各级各类学校120所。", "120所", 2021, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "对2021年分配的80名新教师进行考核。", "80名", 2021, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "在校生比2020年增长5.1%，达到4.2万人。", "4.2万人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "2021年举办培训班三期。全年招聘教师300名。", "300名", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "二〇二一年，全区新建学校12所。", "12所", 2021, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "2023年全区教育总投入18.6亿元，较2022年的16.9亿元增长10.1%。", "16.9亿元", 2022, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* relative years */
    {NULL, "全年教育投入10.6亿元，上年为9.75亿元。", "9.75亿元", 2022, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "去年全区招聘教师310名。", "310名", 2022, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "全区教职工1.52万人，比上年增加300人。", "1.52万人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "今年新增学位3000个。", "3000个", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* 由A提高到B: the start has no year unless one is written */
    {NULL, "学前三年毛入园率由96.2%提高到97.4%。", "96.2%", NONE, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "学前三年毛入园率由96.2%提高到97.4%。", "97.4%", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "教育投入由2018年的21.3亿元增至2022年的30.6亿元。", "21.3亿元", 2018, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "教育投入由2018年的21.3亿元增至2022年的30.6亿元。", "30.6亿元", 2022, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "由教育部门统一安排就学的学生1200人。", "1200人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* targets */
    {NULL, "计划新增学位5400个，新建学校6所。", "6所", ANY, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "力争高考本科上线率达到85%。", "85%", ANY, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "到2025年，学前三年毛入园率达到99%。", "99%", 2025, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "明年全区将新建学校8所。", "8所", 2024, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "一、工作成效\n\n全区新建学校9所。\n\n二、2024年工作计划\n\n新建学校6所，新增学位4000个。\n",
     "6所", ANY, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "一、工作成效\n\n全区新建学校9所。\n\n二、2024年工作计划\n\n新建学校6所。\n",
     "9所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {"思明区教育局2024年工作要点", "新建学校6所，新增学位4000个。", "4000个", ANY, ES_BASIS_TARGET, ES_SCOPE_OWN, NULL},
    {NULL, "计划生育家庭子女入学1200人。", "1200人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "将12所学校纳入改造计划，完成投资8600万元。", "8600万元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "全年完成年度计划投资的105%，投入资金共12亿元。", "105%", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* cumulative */
    {NULL, "“十三五”以来累计投入教育经费120亿元。", "120亿元", DOC_YEAR, ES_BASIS_CUMULATIVE, ES_SCOPE_OWN, NULL},
    {NULL, "五年来新建学校45所。", "45所", DOC_YEAR, ES_BASIS_CUMULATIVE, ES_SCOPE_OWN, NULL},
    {NULL, "近两年受理家长来信来访111件。", "111件", DOC_YEAR, ES_BASIS_CUMULATIVE, ES_SCOPE_OWN, NULL},
    {NULL, "去年7月以来，审批民办培训机构6所。", "6所", ANY, ES_BASIS_CUMULATIVE, ES_SCOPE_PART, NULL},
    {NULL, "2019年以来，全区新建学校30所。", "30所", DOC_YEAR, ES_BASIS_CUMULATIVE, ES_SCOPE_OWN, NULL},
    {NULL, "“十三五”期间，全区教育投入逐年增长。先后新建学校30所。", "30所", DOC_YEAR, ES_BASIS_CUMULATIVE, ES_SCOPE_OWN, NULL},
    {NULL, "“十四五”期间，全区计划新建学校30所。全年培训教师1.2万人次。", "1.2万人次", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "春季学期累计录制微课3600余节。", "3600余节", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "今年以来，全区新增学位3000个。", "3000个", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "2023年教师节期间，表彰优秀教师41名。", "41名", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    /* a wider area */
    {NULL, "全市共有中小学312所。", "312所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_WIDER, NULL},
    {NULL, "全省平均生师比为16.5:1。", "16.5:1", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_WIDER, NULL},
    {NULL, "我区在校学生约占全市在校学生的12%。", "12%", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "在全市统考中，小学生合格率98%。", "98%", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "我区中考成绩全市第一，全区招聘教师300名。", "300名", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {city_title, "全市教育经费投入50.2亿元。", "50.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* parts */
    {NULL, "全区共有中小学143所，其中小学78所、初中41所。", "41所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "在校生52310人（其中随迁子女9137人）。", "9137人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全区现有骨干教师42名。", "42名", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全区有民办学校3所。", "3所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全年教育经费投入16.2亿元，投入校舍建设资金2.65亿元。", "2.65亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全年教育经费投入16.2亿元，投入校舍建设资金2.65亿元。", "16.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "全年投入资金1.35亿元，完成36所学校校舍维修和操场改造。", "1.35亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全年投入普法经费5万元。", "5万元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全年投入资金2.4亿元，其中校舍建设资金0.8亿元。", "2.4亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "各级财政投入资金共计5.6亿元。", "5.6亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "全年教育投入15亿元，完成校舍改造12万平方米。", "15亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "城关镇中小学12所全部完成改造。", "12所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "实验小学在校生1200人。", "1200人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全区有4所学校被评为省级文明校园。", "4所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全区教职工1.52万人，其中专任教师11846人，比上年增加412人。", "412人", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_PART, NULL},
    {NULL, "全区共有小学41所，在校生3.2万人。", "41所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "新建、改扩建中小学和幼儿园17所。", "17所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "初中学校21所，在校生3.12万人。", "21所", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {NULL, "全区共有幼儿园132所，其中普惠性幼儿园113所，占幼儿园总数的85.6%。", "85.6%", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    /* another district's paragraph in a city's document */
    {city_title, "思明区：全年教育经费投入16.2亿元。\n\n湖里区：全年教育经费投入10.5亿元。\n", "10.5亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, "湖里区"},
    {city_title, "思明区：全年教育经费投入16.2亿元。\n\n湖里区：全年教育经费投入10.5亿元。\n", "16.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, "思明区"},
    {city_title, "全市教育经费投入50.2亿元。\n\n思明区：全年教育经费投入16.2亿元。\n\n湖里区：全年教育经费投入10.5亿元。\n", "50.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, NULL},
    {city_title, "（一）思明区。全年教育经费投入16.8亿元。\n\n（二）湖里区。全年教育经费投入11.2亿元。\n", "11.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, "湖里区"},
    {NULL, "思明区：全年教育经费投入16.2亿元。", "16.2亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, "思明区"},
    {NULL, "鼓楼区：全年教育经费投入13.4亿元。", "13.4亿元", DOC_YEAR, ES_BASIS_ACTUAL, ES_SCOPE_OWN, "思明区"},
};

typedef struct found {
    const char *raw;
    int year;
    es_basis basis;
    es_scope scope;
    char district[64];
    int hit;
} found;

static es_status on_record(const es_record *r, void *user)
{
    found *f = user;
    if (f->hit || r->raw_len != strlen(f->raw) || memcmp(r->raw, f->raw, r->raw_len) != 0)
        return ES_OK;
    f->hit = 1;
    f->year = es_record_year(r);
    f->basis = r->basis;
    f->scope = r->scope;
    const char *d = es_record_district(r);
    snprintf(f->district, sizeof f->district, "%s", d ? d : "");
    return ES_OK;
}

typedef struct fixture {
    es_lexicon *lx;
    es_classifier *cl;
    es_gazetteer *gz;
    es_situator *si;
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    es_error err;
    if (fx == NULL || es_lexicon_new_builtin(&fx->lx, &err) != ES_OK ||
        es_classifier_new(fx->lx, &fx->cl, &err) != ES_OK ||
        es_gazetteer_new_builtin(&fx->gz, &err) != ES_OK ||
        es_situator_new_builtin(&fx->si, &err) != ES_OK)
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    es_situator_free(fx->si);
    es_gazetteer_free(fx->gz);
    es_classifier_free(fx->cl);
    es_lexicon_free(fx->lx);
    free(fx);
    return 0;
}

static found run_case(const fixture *fx, const situate_case *c)
{
    char text[4096];
    snprintf(text, sizeof text, "%s\n\n%s\n", c->title ? c->title : summary_title, c->body);
    es_source *src = NULL;
    es_error err;
    assert_int_equal(es_source_from_bytes("case.txt", text, strlen(text), &src, &err), ES_OK);
    es_extract_options opt = {ES_SPLIT_NONE, NULL, NULL, 0, fx->cl, fx->gz, NULL, fx->si};
    found f = {c->raw, 0, 0, 0, "", 0};
    es_extract_sink sink = {NULL, on_record, NULL, &f};
    assert_int_equal(es_extract_source(src, &opt, &sink, &err), ES_OK);
    es_source_free(src);
    return f;
}

static void every_case_situates_its_figure(void **state)
{
    const fixture *fx = *state;
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const situate_case *c = &cases[i];
        found f = run_case(fx, c);
        const char *want_district = c->district ? c->district : "思明区";
        if (c->title == city_title && c->district == NULL)
            want_district = "";
        if (!f.hit) {
            print_error("case %zu: no figure '%s' in %s\n", i, c->raw, c->body);
            failures++;
            continue;
        }
        if ((c->year != ANY && f.year != c->year) || f.basis != c->basis || f.scope != c->scope ||
            strcmp(f.district, want_district) != 0) {
            print_error("case %zu '%s' in %s\n  got year %d %s %s '%s', want year %d %s %s '%s'\n", i,
                        c->raw, c->body, f.year, es_basis_name(f.basis), es_scope_name(f.scope),
                        f.district, c->year, es_basis_name(c->basis), es_scope_name(c->scope),
                        want_district);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void names_parse_back(void **state)
{
    (void)state;
    for (int b = ES_BASIS_ACTUAL; b <= ES_BASIS_CUMULATIVE; b++) {
        es_basis got;
        assert_true(es_basis_parse(es_basis_name((es_basis)b), &got));
        assert_int_equal(got, b);
    }
    for (int s = ES_SCOPE_OWN; s <= ES_SCOPE_PART; s++) {
        es_scope got;
        assert_true(es_scope_parse(es_scope_name((es_scope)s), &got));
        assert_int_equal(got, s);
    }
    es_year_source y;
    assert_true(es_year_source_parse("relative", &y));
    assert_int_equal(y, ES_YEAR_RELATIVE);
    es_basis b;
    assert_false(es_basis_parse("plan", &b));
}

static void malformed_cue_line_is_reported_with_its_line(void **state)
{
    (void)state;
    es_situator *s = NULL;
    es_error err;
    const char *text = "# cues\ntarget\t计划\nplanned 计划\n";
    assert_int_equal(es_situator_new_from_text("mine.tsv", text, strlen(text), &s, &err), ES_ERR_FORMAT);
    assert_null(s);
    assert_int_equal(err.line, 3);
    assert_string_equal(err.file, "mine.tsv");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_case_situates_its_figure),
        cmocka_unit_test(names_parse_back),
        cmocka_unit_test(malformed_cue_line_is_reported_with_its_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
