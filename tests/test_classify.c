/* test_classify.c - indicators of figures in sentences of our own: for
 * every indicator one sentence it must be given and one where it must not. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include "edustat/classify.h"
#include "edustat/lexicon.h"
#include "edustat/scan.h"

typedef struct classify_case {
    const char *sentence;
    const char *raw;       /* the figure to look at */
    const char *indicator; /* what it must be given ... */
    int must;              /* 1: must be; 0: must not be */
} classify_case;

static const classify_case cases[] = {
    {"全年教育经费总投入12.6亿元。", "12.6亿元", "funding.investment", 1},
    {"发放学生资助资金1860万元。", "1860万元", "funding.investment", 0},
    {"发放学生资助资金1860万元。", "1860万元", "funding.student_aid", 1},
    {"社会各界捐资300万元。", "300万元", "funding.student_aid", 0},
    {"社会各界捐资300万元。", "300万元", "funding.other", 1},
    {"全年投入建设资金5亿元。", "5亿元", "funding.other", 0},
    {"学前三年毛入园率达98.6%。", "98.6%", "enrollment.rate.preschool", 1},
    {"小学入学率达100%。", "100%", "enrollment.rate.preschool", 0},
    {"小学适龄儿童入学率100%。", "100%", "enrollment.rate.primary", 1},
    {"初中入学率99.8%。", "99.8%", "enrollment.rate.primary", 0},
    {"初中阶段毛入学率102.3%。", "102.3%", "enrollment.rate.junior", 1},
    {"高中阶段毛入学率97.2%。", "97.2%", "enrollment.rate.junior", 0},
    {"高中阶段毛入学率97.2%。", "97.2%", "enrollment.rate.senior", 1},
    {"小学入学率100%。", "100%", "enrollment.rate.senior", 0},
    {"残疾儿童少年入学率96.5%。", "96.5%", "enrollment.rate.special", 1},
    {"残疾儿童少年入学率96.5%。", "96.5%", "enrollment.rate.primary", 0},
    {"小学学龄儿童入学率100%。", "100%", "enrollment.rate.special", 0},
    {"全区在校学生10.8万名。", "10.8万名", "enrollment.students", 1},
    {"全区专任教师7650名。", "7650名", "enrollment.students", 0},
    {"组织全区3万多名中小学生参加演出。", "3万多名", "enrollment.students", 1},
    {"新增公办学位4200个。", "4200个", "enrollment.places", 1},
    {"学前三年毛入园率比全省平均水平低2.1个百分点。", "2.1个百分点", "enrollment.rate.preschool", 0},
    {"学前三年毛入园率98.6%。", "98.6%", "enrollment.rate.preschool", 1},
    {"新建实验室12个。", "12个", "enrollment.places", 0},
    {"九年义务教育巩固率99.7%。", "99.7%", "completion.rate", 1},
    {"毕业生就业率98%。", "98%", "completion.rate", 0},
    {"中职毕业生就业率98%。", "98%", "outcome.employment_rate", 1},
    {"学生体质健康合格率95%。", "95%", "outcome.employment_rate", 0},
    {"学生体质健康达标率95%以上。", "95%", "outcome.pass_rate", 1},
    {"中考优秀率38.5%。", "38.5%", "outcome.pass_rate", 0},
    {"中考优秀率38.5%。", "38.5%", "outcome.excellent_rate", 1},
    {"高考本科上线率68.4%。", "68.4%", "outcome.excellent_rate", 0},
    {"高考本科上线率68.4%。", "68.4%", "outcome.admission_rate", 1},
    {"义务教育巩固率99%。", "99%", "outcome.admission_rate", 0},
    {"全区现有专任教师7250名。", "7250名", "staff.teachers", 1},
    {"公开招聘教师312名。", "312名", "staff.teachers", 0},
    {"公开招聘教师312名。", "312名", "staff.recruitment", 1},
    {"组织教师培训2.4万人次。", "2.4万人次", "staff.recruitment", 0},
    {"组织教师培训2.4万人次。", "2.4万人次", "staff.training", 1},
    {"选派骨干教师40人参加了省级研修班培训。", "40人", "staff.training", 1},
    {"全区专任教师7650名，组织教师培训2.4万人次。", "7650名", "staff.training", 0},
    {"全区共有幼儿园58所。", "58所", "schools.count", 1},
    {"比上年减少3所。", "3所", "schools.count", 0},
    {"加快完成9所学校建设项目。", "9所", "schools.count", 1},
    {"全区生师比为13.6:1。", "13.6:1", "staff.student_teacher_ratio", 1},
    {"中小学计算机机生比达到1:5.8。", "1:5.8", "staff.student_teacher_ratio", 0},
    {"中小学计算机机生比达到1:5.8。", "1:5.8", "facilities.computer_ratio", 1},
    {"普高、职高招生之比保持在5:5左右。", "5:5", "facilities.computer_ratio", 0},
    {"建成创新实验室42间。", "42间", "facilities.rooms", 1},
    {"增设2间资源教室。", "2间", "facilities.rooms", 1},
    {"更新教学电脑1500余台。", "1500余台", "facilities.rooms", 0},
    {"更新教学电脑1500余台。", "1500余台", "facilities.equipment", 1},
    {"新建教室30间。", "30间", "facilities.equipment", 0},
    {"新增校舍建筑面积2.8万平方米。", "2.8万平方米", "facilities.area", 1},
    {"比上年增加5.7万平方米。", "5.7万平方米", "facilities.area", 0},
    /* changes against last year, shares and other rates are `other` */
    {"在校生9.3万名，比上年增加1800人。", "1800人", "enrollment.students", 0},
    {"全年教育经费投入14.1亿元，比上年增长3.5%。", "3.5%", "other", 1},
    {"初中入学率比上年提高0.6个百分点。", "0.6个百分点", "other", 1},
    {"有80%的小学专任教师参加了培训。", "80%", "other", 1},
    {"课后服务参与率达96%。", "96%", "other", 1},
    {"有12名同志向党组织递交了申请。", "12名", "other", 1},
    {"高等教育毛入学率达到59.6%。", "59.6%", "enrollment.rate.primary", 0},
    {"城镇调查失业率为5.2%。", "5.2%", "outcome.employment_rate", 0},
    {"普通高中新招生2.1万人。", "2.1万人", "staff.recruitment", 0},
    {"普通高中新招生2.1万人。", "2.1万人", "enrollment.students", 1},
    {"累计招收新生413万人、培训教师8300万人次。", "413万人", "staff.training", 0},
    {"新建塑胶运动场12个，新建学校食堂15个。", "12个", "schools.count", 0},
    {"新建塑胶运动场12个，新建学校食堂15个。", "15个", "facilities.rooms", 1},
    /* graduates of a stage */
    {"全镇初中毕业生1420人顺利完成学业。", "1420人", "enrollment.graduates", 1},
    {"今年小学毕业生共计2630名。", "2630名", "enrollment.graduates", 1},
    {"公开招聘应届毕业生56名充实教师队伍。", "56名", "enrollment.graduates", 0},
    {"公开招聘应届毕业生56名充实教师队伍。", "56名", "staff.recruitment", 1},
    /* money per student is never the total invested */
    {"落实生均公用经费标准，小学每生每年720元。", "720元", "funding.per_student", 1},
    {"全年生均经费达到1.35万元。", "1.35万元", "funding.per_student", 1},
    {"落实生均公用经费标准，小学每生每年720元。", "720元", "funding.investment", 0},
    {"全年教育经费投入8.2亿元。", "8.2亿元", "funding.per_student", 0},
    /* the value of teaching equipment and books */
    {"全区中小学教学仪器设备值达到2.6亿元。", "2.6亿元", "facilities.equipment_value", 1},
    {"新增图书价值380万元。", "380万元", "facilities.equipment_value", 1},
    {"投入资金380万元改造校舍。", "380万元", "facilities.equipment_value", 0},
    /* money that does not measure education */
    {"全县实现地区生产总值312.5亿元。", "312.5亿元", "other", 1},
    {"一般公共预算收入完成21.3亿元。", "21.3亿元", "funding.investment", 0},
    {"城镇居民人均可支配收入4.2万元。", "4.2万元", "other", 1},
    /* progression rates */
    {"全镇小升初比例达100%。", "100%", "outcome.admission_rate", 1},
    {"初中毕业生升入高中的比例为91.3%。", "91.3%", "outcome.admission_rate", 1},
    {"初中毕业生升入高中的比例为91.3%。", "91.3%", "enrollment.rate.senior", 0},
    /* the stage of an enrolment rate from the nearest stage word */
    {"全县初中阶段入学率为99.1%。", "99.1%", "enrollment.rate.junior", 1},
    {"高中段毛入学率稳定在93.7%。", "93.7%", "enrollment.rate.senior", 1},
    {"三残儿童入学率达到96.2%。", "96.2%", "enrollment.rate.special", 1},
    {"高中段毛入学率稳定在93.7%。", "93.7%", "enrollment.rate.primary", 0},
    /* 分别为A和B pairs names and numbers; 均达 gives the first named */
    {"全镇小学、初中入学率分别为100%和98.9%。", "100%", "enrollment.rate.primary", 1},
    {"全镇小学、初中入学率分别为100%和98.9%。", "98.9%", "enrollment.rate.junior", 1},
    {"入园率、巩固率分别达到92.5%、99.4%。", "99.4%", "enrollment.rate.preschool", 0},
    {"小学入学率、初中巩固率均达100%。", "100%", "enrollment.rate.primary", 1},
    {"义务教育巩固率、毕业率均保持在99%以上。", "99%", "completion.rate", 1},
    {"全县平均合格率达97%。", "97%", "outcome.pass_rate", 1},
    /* a bracketed part counts what the total before it counts */
    {"全县有残疾学生212人（其中送教上门37人）。", "37人", "enrollment.students", 1},
    {"全区专任教师5300人（其中研究生学历420人）。", "420人", "staff.teachers", 1},
    {"全县有残疾学生212人（其中送教上门37人）。", "37人", "other", 0},
    /* teachers counted by an honour or programme */
    {"全区共有市级骨干教师320名。", "320名", "staff.teachers", 1},
    {"新增省级领军人才6人。", "6人", "staff.teachers", 1},
    {"引进优秀校长和骨干教师十二名。", "十二名", "staff.teachers", 0},
    /* a verb before a list governs its items */
    {"安置师范类本科毕业生22人，专科毕业生41人。", "41人", "staff.recruitment", 1},
    {"面向社会招聘教师60名，特岗教师25名。", "25名", "staff.recruitment", 1},
    {"招聘教师120名，全区共有教师3200名。", "3200名", "staff.recruitment", 0},
    /* 由A提高到B gives two levels; only the difference is a change */
    {"巩固率由96.2%提高到97.4%，提高了1.2个百分点。", "96.2%", "completion.rate", 1},
    {"巩固率由96.2%提高到97.4%，提高了1.2个百分点。", "97.4%", "completion.rate", 1},
    {"巩固率由96.2%提高到97.4%，提高了1.2个百分点。", "1.2个百分点", "completion.rate", 0},
    {"专任教师增加了120人。", "120人", "staff.teachers", 0},
    {"生均公用经费补助标准分别再提高30元和50元。", "30元", "funding.per_student", 0},
    /* a figure opening a line continues the phrase the line before ends in */
    {"全区专任教师\n6710名。", "6710名", "staff.teachers", 1},
    {"全区在校学生\n9.3万名，教师7100名。", "9.3万名", "enrollment.students", 1},
    {"全区专任教师。\n6710名学生参加活动。", "6710名", "staff.teachers", 0},
};

static const es_lexicon *lexicon;
static es_classifier *classifier;

static int setup(void **state)
{
    (void)state;
    es_lexicon *lx = NULL;
    es_error err;
    if (es_lexicon_new_builtin(&lx, &err) != ES_OK || es_classifier_new(lx, &classifier, &err) != ES_OK)
        return -1;
    lexicon = lx;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    es_classifier_free(classifier);
    es_lexicon_free((es_lexicon *)lexicon);
    return 0;
}

typedef struct finder {
    const char *text;
    const char *raw;
    es_quantity q;
    int found;
} finder;

static int find_raw(const es_quantity *q, void *user)
{
    finder *f = user;
    size_t n = strlen(f->raw);
    if (q->end - q->start == n && memcmp(f->text + q->start, f->raw, n) == 0 && !f->found) {
        f->q = *q;
        f->found = 1;
    }
    return 0;
}

static const char *indicator_of(const char *sentence, const char *raw)
{
    finder f = {sentence, raw, {0}, 0};
    es_scan_callbacks cb = {find_raw, NULL, &f};
    es_scan_text(sentence, strlen(sentence), NULL, 0, &cb);
    if (!f.found)
        return NULL;
    const es_indicator *ind = es_classify(classifier, sentence, strlen(sentence), f.q.start, f.q.end, f.q.unit);
    return ind ? ind->id : "other";
}

static void every_indicator_has_a_positive_and_a_negative_case(void **state)
{
    (void)state;
    for (size_t i = 0; i < es_lexicon_count(lexicon); i++) {
        const char *id = es_lexicon_at(lexicon, i)->id;
        int pos = 0, neg = 0;
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
            if (strcmp(cases[k].indicator, id) == 0) {
                if (cases[k].must)
                    pos++;
                else
                    neg++;
            }
        if (pos == 0 || (neg == 0 && strcmp(id, "other") != 0)) {
            print_error("indicator %s lacks a %s case\n", id, pos ? "negative" : "positive");
            fail();
        }
    }
}

static void classifier_gives_each_figure_its_indicator(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const classify_case *c = &cases[k];
        const char *got = indicator_of(c->sentence, c->raw);
        if (got == NULL) {
            print_error("'%s': figure '%s' not found\n", c->sentence, c->raw);
            bad++;
        } else if ((strcmp(got, c->indicator) == 0) != c->must) {
            print_error("'%s' %s: got %s, %s %s\n", c->sentence, c->raw, got,
                        c->must ? "want" : "must not be", c->indicator);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
}

/* Found by fuzzing: a list of counts whose first clause opens the text
 * (在校生伍名，3名) made the list reading step back before the text. */
static void count_list_at_the_start_of_the_text_stays_inside_it(void **state)
{
    (void)state;
    assert_non_null(indicator_of("在校生伍名，3名", "3名"));
    assert_non_null(indicator_of("教师伍名，3名，4名", "4名"));
}

static void user_lexicon_overrides_an_indicator(void **state)
{
    (void)state;
    es_lexicon *lx = NULL;
    es_classifier *c = NULL;
    es_error err;
    assert_int_equal(es_lexicon_new_builtin(&lx, &err), ES_OK);
    size_t n = es_lexicon_count(lx);
    const char *extra = "# ours\n"
                        "facilities.library\t图书\tcount\t册\t\t图书:9|藏书:9\n"
                        "staff.teachers\t教师数\tcount\t人\t\t教师:6|教员:8\n";
    assert_int_equal(es_lexicon_add_text(lx, "extra.tsv", extra, strlen(extra), &err), ES_OK);
    assert_int_equal(es_lexicon_count(lx), n + 1);
    assert_non_null(es_lexicon_find(lx, "facilities.library"));
    assert_int_equal(es_lexicon_find(lx, "staff.teachers")->n_cues, 2);
    assert_int_equal(es_classifier_new(lx, &c, &err), ES_OK);
    const char *t = "馆藏图书12万册。";
    finder f = {t, "12万册", {0}, 0};
    es_scan_callbacks cb = {find_raw, NULL, &f};
    es_scan_text(t, strlen(t), NULL, 0, &cb);
    assert_true(f.found);
    const es_indicator *ind = es_classify(c, t, strlen(t), f.q.start, f.q.end, f.q.unit);
    assert_non_null(ind);
    assert_string_equal(ind->id, "facilities.library");
    es_classifier_free(c);
    es_lexicon_free(lx);
}

static void malformed_lexicon_line_is_reported_with_file_and_line(void **state)
{
    (void)state;
    es_lexicon *lx = NULL;
    es_error err;
    assert_int_equal(es_lexicon_new_builtin(&lx, &err), ES_OK);
    size_t n = es_lexicon_count(lx);
    static const struct {
        const char *text;
        long line;
        const char *message;
    } bad[] = {
        {"# a comment\nx.y\t标签\tcount\n", 2, "expected 6 to 8 tab-separated fields"},
        {"x.y\t标签\tsize\t人\t\t人:3\n", 1, "kind must be"},
        {"x.y\t标签\tcount\t人\t\t人3\n", 1, "a cue is word:weight"},
        {"x.y\t标签\tcount\t人\t\t人:0\n", 1, "weight is a whole number"},
        {"X Y\t标签\tcount\t人\t\t人:3\n", 1, "indicator id may hold only"},
        {"x.y\t标签\tcount\t\t\t人:3\n", 1, "at least one unit"},
        {"x.y\t标签\tcount\t人\t所\t人:3\n", 1, "default unit must be"},
        {"x.y\t标签\tratio\tratio\t\t比:3\tless\n", 1, "better must be higher or lower"},
        {"x.y\t标签\trate\t%\t\t率:3\thigher\t1e2\n", 1, "a ceiling is a whole number"},
        {"x.y\t标签\trate\t%\t\t率:3\thigher\t100\textra\n", 1, "expected 6 to 8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        es_error_clear(&err);
        assert_int_equal(es_lexicon_add_text(lx, "mine.tsv", bad[i].text, strlen(bad[i].text), &err),
                         ES_ERR_FORMAT);
        assert_string_equal(err.file, "mine.tsv");
        assert_int_equal(err.line, bad[i].line);
        assert_non_null(strstr(err.message, bad[i].message));
        assert_int_equal(es_lexicon_count(lx), n); /* nothing of a bad file is kept */
    }
    es_lexicon_free(lx);
}

/* The optional columns: which way is better, and a ceiling; the built-in
 * lexicon says 生师比 is better lower and a net rate stops at 100. */
static void lexicon_carries_direction_and_ceiling(void **state)
{
    (void)state;
    es_lexicon *lx = NULL;
    es_error err;
    assert_int_equal(es_lexicon_new_builtin(&lx, &err), ES_OK);
    const es_indicator *str = es_lexicon_find(lx, "staff.student_teacher_ratio");
    assert_true(str->lower_is_better);
    assert_false(es_lexicon_find(lx, "staff.teachers")->lower_is_better);
    const es_indicator *primary = es_lexicon_find(lx, "enrollment.rate.primary");
    assert_true(primary->has_ceiling);
    assert_true(primary->ceiling == 100.0);
    assert_false(es_lexicon_find(lx, "enrollment.rate.preschool")->has_ceiling); /* a gross rate */
    const char *mine = "x.y\t班额\tcount\t人\t\t班额:5\tlower\n"
                       "x.z\t达标率\trate\t%\t\t达标:5\t\t100\n";
    assert_int_equal(es_lexicon_add_text(lx, "mine.tsv", mine, strlen(mine), &err), ES_OK);
    assert_true(es_lexicon_find(lx, "x.y")->lower_is_better);
    assert_false(es_lexicon_find(lx, "x.y")->has_ceiling);
    assert_false(es_lexicon_find(lx, "x.z")->lower_is_better);
    assert_true(es_lexicon_find(lx, "x.z")->ceiling == 100.0);
    es_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_indicator_has_a_positive_and_a_negative_case),
        cmocka_unit_test(classifier_gives_each_figure_its_indicator),
        cmocka_unit_test(count_list_at_the_start_of_the_text_stays_inside_it),
        cmocka_unit_test(user_lexicon_overrides_an_indicator),
        cmocka_unit_test(malformed_lexicon_line_is_reported_with_file_and_line),
        cmocka_unit_test(lexicon_carries_direction_and_ceiling),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
