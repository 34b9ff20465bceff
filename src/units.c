/*
 * units.c - the table of measure words (ANNOTATION.md section 3), in one
 * place: lookup, header parsing and tests all read it.
 */
#include "units_internal.h"
#include "edustat/numeral.h"

#include <string.h>

/* Longer surfaces first where one is a prefix of another (人次 before 人). */
static const es_unit units[] = {
    {"个百分点", "%", ES_UNIT_PERCENT, NULL},
    {"百分点", "%", ES_UNIT_PERCENT, NULL},
    {"%", "%", ES_UNIT_PERCENT, NULL},
    {"％", "%", ES_UNIT_PERCENT, NULL},
    {"元", "元", 0, "旦|素|件|宵|月|首|老|帅|气|年|音"},
    {"人次", "人次", 0, NULL},
    {"名", "人", 0, "单|额|称|字|义|片|誉|牌|列|著|言|胜|次|气|利|城|句|曰|录"},
    {"人", "人", 0, "民|大|文|工|事|社|类|格|性|际|们|士|口粮|情味|才|员"},
    {"位", "人", 0, "一体|置|于|数|列|居|移|次|置|面"},
    {"所", "所", 0, "有|以|在|属|谓|得|需|长|致|述|示|说|做|能|提|指|处|用|想|知|见|作|为|辖|学校的"},
    {"校", "所", ES_UNIT_REFERS, "园|长|区|外|内|本|级|训|际|风|友|庆|舍|医|车|服|对|正|验|方|领导|务|史"},
    {"个", "个", ES_UNIT_ENUMERATES, "月|别|体|性|人|案|头|中|把|税|股"},
    {"座", "个", 0, "谈|位|右|次|标|椅"},
    {"面", "个", 0, "向|积|对|貌|临|前|上|下|孔|试|谈|授|子|料|的|部|容|貌|板|粉"},
    {"部", "个", 0, "分|门|署|长|队|委|级|属|位|件|落|务|门"},
    {"间", "间", 0, "隔|断|接|或"},
    {"台", "台", 0, "阶|湾|账|帐|风|词|上|下|前|胞"},
    {"平方米", "㎡", 0, NULL},
    {"平米", "㎡", 0, NULL},
    {"㎡", "㎡", 0, NULL},
    {"m²", "㎡", 0, NULL},
    {"学时", "学时", 0, NULL},
    {"课时", "学时", 0, NULL},
    {"小时", "学时", 0, "候"},
    {"节", "学时", 0, "日|约|点|能|奏|假|目|水|电|俭|省|庆|制|余"},
    {"次", "次", 0, "性|全会|会议|序|数|要|级|第|日|年|月|生"},
    {"场", "次", 0, "所|地|馆|景|合|面|域|长|次|部|上|外|内"},
    {"期", "次", ES_UNIT_PHASE, "工程|项目|间|末|中|初|限|待|望|盼|刊|货|满|权|建设"},
    {"届", "次", ES_UNIT_ORDINAL_PRONE, "中|全会|人大|政协|毕业|党|市委|区委|县委|省委|代表"},
    {"起", "件", 0, "步|来|草|点|始|码|诉|飞|床|到|源|因|色|伏|身|跑|用|见|止|作|着|了"},
    {"项", "项", ES_UNIT_ENUMERATES, "目标|全|均|都|皆|规定|基本原则|原则|主张"},
    {"条", "条", 0, "例|件|龙|幅|理|款规定"},
    {"门", "门", 0, "类|诊|户|口|槛|卫|票|前|店|面|路|窗|下"},
    {"件", "件", 0, "套|下|实事"},
    {"份", "份", 0, "额|子|内"},
    {"册", "册", 0, "子"},
    {"本", "本", 0, "科|地|身|着|领|土|届|部|质|职|位|色|源|钱|来|次|人|年|月|期|轮|区|市|县|级|省|校|院|系|上线|线|单位|专科"},
    {"封", "封", 0, "闭|面|锁|存|顶|装"},
    {"篇", "篇", 0, "章|幅"},
    {"户", "户", 0, "口|籍|外|型"},
    {"幢", "幢", 0, NULL},
    {"栋", "栋", 0, "梁"},
    {"天", "天", 0, "然|下|地|津|空|河|气|才|真|使|堂|线|赋|生|鹅|府|水|文|坛"},
    {"年", "年", ES_UNIT_YEAR, NULL},
    {"分", "分", ES_UNIT_ARABIC_ONLY,
     "钟|之|别|为|类|配|享|工|布|析|批|组|数|校|局|会|管|散|期|段|层|级|流|解|担|红|头|成|清|娩|化|离|支|站|队|所|院|公司|行|享|摊|发|部|数"},
    {"字", "字", 0, "号|样|句|母|段|体|幕|迹|画|典"},
};

/* Both helpers walk a '|'-separated word list in place: they run for
 * every number, so they compare one byte before comparing a word. */
int es_starts_with_any(const char *s, size_t len, const char *words)
{
    if (words == NULL || len == 0)
        return 0;
    const char *w = words;
    for (;;) {
        const char *e = w;
        while (*e && *e != '|')
            e++;
        size_t n = (size_t)(e - w);
        if (n > 0 && n <= len && w[0] == s[0] && memcmp(s, w, n) == 0)
            return 1;
        if (*e == '\0')
            return 0;
        w = e + 1;
    }
}

int es_ends_with_any(const char *s, size_t end, const char *words)
{
    if (words == NULL || end == 0)
        return 0;
    const char *w = words;
    for (;;) {
        const char *e = w;
        while (*e && *e != '|')
            e++;
        size_t n = (size_t)(e - w);
        if (n > 0 && n <= end && e[-1] == s[end - 1] && memcmp(s + end - n, w, n) == 0)
            return 1;
        if (*e == '\0')
            return 0;
        w = e + 1;
    }
}

const es_unit *es_unit_match(const char *s, size_t len, size_t *used)
{
    const es_unit *best = NULL;
    size_t best_len = 0;
    if (len == 0)
        return NULL;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (units[i].surface[0] != s[0])
            continue;
        size_t n = strlen(units[i].surface);
        if (n > best_len && n <= len && memcmp(s, units[i].surface, n) == 0) {
            if (es_starts_with_any(s + n, len - n, units[i].not_before))
                continue;
            best = &units[i];
            best_len = n;
        }
    }
    if (best)
        *used = best_len;
    return best;
}

/* Header words that name a count without a bracketed unit. */
static const struct {
    const char *word;
    const char *unit;
} header_words[] = {
    {"率", "%"},    {"比例", "%"},  {"占比", "%"},  {"学校数", "所"}, {"校数", "所"},
    {"园数", "所"}, {"人数", "人"}, {"在校生", "人"}, {"学生", "人"}, {"教师", "人"},
    {"教职工", "人"}, {"幼儿", "人"}, {"毕业生", "人"}, {"招生", "人"}, {"班数", "个"},
    {"面积", "㎡"}, {"经费", "元"}, {"金额", "元"},   {"投入", "元"},
};

const char *es_unit_from_header(const char *h, int *magnitude)
{
    *magnitude = 0;
    size_t len = strlen(h);
    /* A bracketed unit: 经费（万元）, 面积(平方米), 比例(%) */
    static const char *const opens[] = {"（", "("};
    for (size_t k = 0; k < 2; k++) {
        const char *p = strstr(h, opens[k]);
        if (p == NULL)
            continue;
        p += strlen(opens[k]);
        size_t rest = len - (size_t)(p - h), used = 0;
        int mag = es_magnitude_parse(p, rest, &used);
        const es_unit *u = es_unit_match(p + used, rest - used, &used);
        if (u != NULL) {
            *magnitude = mag;
            return u->unit;
        }
    }
    for (size_t i = 0; i < sizeof header_words / sizeof header_words[0]; i++)
        if (strstr(h, header_words[i].word) != NULL)
            return header_words[i].unit;
    return NULL;
}
