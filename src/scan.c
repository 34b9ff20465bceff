/*
 * scan.c - every numeric quantity in a run of text (see scan.h).
 *
 * The scanner walks code points. At a digit, a Chinese numeral or a
 * placeholder it reads the number, then what follows it (多/余, 万/亿, the
 * measure word) and what precedes it (第, quotes, qualifier words), and
 * decides whether the whole is a quantity. The rules are classes of
 * writing (years, ordinals, names, enumerations), each a small function.
 */
#include "edustat/scan.h"
#include "edustat/numeral.h"
#include "breaks_internal.h"
#include "units_internal.h"
#include "numeral_chars_internal.h"
#include "utf8_internal.h"

#include <string.h>

#define CP_DI 0x7B2C    /* 第 */
#define CP_DUO 0x591A   /* 多 */
#define CP_YU 0x4F59    /* 余 */
#define CP_BAI 0x767E   /* 百 */
#define CP_YI1 0x4E00   /* 一 */
#define CP_GE 0x4E2A    /* 个 */

typedef struct scanner {
    const unsigned char *t;
    size_t len;
    const es_table_cell *cells;
    size_t n_cells, cell_i;
    const es_scan_callbacks *cb;
    int stopped;
} scanner;

static uint32_t cp_at(const scanner *s, size_t pos, size_t *k)
{
    uint32_t cp = 0;
    if (pos >= s->len) {
        *k = 0;
        return 0;
    }
    *k = es_utf8_decode(s->t + pos, s->len - pos, &cp);
    return cp;
}

static uint32_t cp_before(const scanner *s, size_t pos, size_t *start)
{
    if (pos == 0) {
        *start = 0;
        return 0;
    }
    return es_utf8_decode_before(s->t, pos, start);
}

static int starts_with(const scanner *s, size_t pos, const char *w)
{
    size_t n = strlen(w);
    return pos + n <= s->len && memcmp(s->t + pos, w, n) == 0;
}

static int follows_any(const scanner *s, size_t pos, const char *words)
{
    return es_starts_with_any((const char *)s->t + pos, s->len - pos, words);
}

static int preceded_by_any(const scanner *s, size_t pos, const char *words)
{
    return es_ends_with_any((const char *)s->t, pos, words);
}

/* ---- qualifiers ---------------------------------------------------- */

/* Qualifier words written before a number (近30条, 超过2万字). */
static es_qualifier qualifier_before(const scanner *s, size_t start)
{
    const char *t = (const char *)s->t;
    if (es_ends_with_any(t, start, "不少于|至少|不低于|最少"))
        return ES_QUALIFIER_AT_LEAST;
    if (es_ends_with_any(t, start, "不超过|不多于|最多|不高于"))
        return ES_QUALIFIER_AT_MOST;
    if (es_ends_with_any(t, start, "超过|超|逾|多达"))
        return ES_QUALIFIER_MORE_THAN;
    if (es_ends_with_any(t, start, "大约|约为|约有|约计|将近|接近|近"))
        return es_ends_with_any(t, start, "最近|附近|邻近|亲近|就近|走近|靠近|贴近|临近|拉近")
                   ? ES_QUALIFIER_EXACT
                   : ES_QUALIFIER_APPROX;
    if (es_ends_with_any(t, start, "约"))
        return es_ends_with_any(t, start, "节约|制约|合约|契约|公约|条约|预约|简约|特约|履约|签约|违约|邀约|相约")
                   ? ES_QUALIFIER_EXACT
                   : ES_QUALIFIER_APPROX;
    return ES_QUALIFIER_EXACT;
}

static size_t skip_gap(const scanner *s, size_t pos, size_t limit);

/* Qualifier words written after the quantity (95%以上, 450名左右). */
static es_qualifier qualifier_after(const scanner *s, size_t end)
{
    end = skip_gap(s, end, s->len);
    if (follows_any(s, end, "以上|有余|多"))
        return ES_QUALIFIER_MORE_THAN;
    if (follows_any(s, end, "左右|上下"))
        return ES_QUALIFIER_APPROX;
    if (follows_any(s, end, "以内|以下"))
        return ES_QUALIFIER_AT_MOST;
    return ES_QUALIFIER_EXACT;
}

/* The qualifier of a quantity at [start, end): words before it first,
 * then 多/余 inside it (more), then words after it. */
static es_qualifier qualifier_of(const scanner *s, size_t start, size_t end, int more)
{
    es_qualifier q = qualifier_before(s, start);
    if (q == ES_QUALIFIER_EXACT && more)
        q = ES_QUALIFIER_MORE_THAN;
    if (q == ES_QUALIFIER_EXACT)
        q = qualifier_after(s, end);
    return q;
}

/* ---- emitting ------------------------------------------------------- */

static void emit(scanner *s, size_t start, size_t end, double value, const char *unit,
                 es_qualifier q, int redacted, const es_table_cell *cell)
{
    if (s->stopped || s->cb->quantity == NULL)
        return;
    es_quantity out = {start, end, value, unit, q, redacted != 0, cell};
    if (s->cb->quantity(&out, s->cb->user) != 0)
        s->stopped = 1;
}

/* ---- rules for what a number is not -------------------------------- */

static int is_open_quote(uint32_t cp)
{
    return cp == 0x201C || cp == '"' || cp == 0x300C || cp == 0x300E || cp == 0x300A ||
           cp == 0x3008 || cp == 0x2018 || cp == '\'' || cp == 0xFF02 || cp == 0x3010;
}

/* Words after N个 that make it an enumeration of ideas (三个代表, 四个加强,
 * 五个关系), not a count of things. */
static const char *const abstract_after_ge =
    "代表|加强|关系|到位|满意|文明|转变|重点|常规|责任|一律|强化|严格|敏感|协同|字|党员|确保|"
    "结合|坚持|面向|服务|统一|优先|意识|自信|务必|必须|提升|聚焦|全面|坚定|维护|看|一|落实|突出|"
    "抓好|注重|着力|推进|第一|不|是|方面|层面|环节|维度|到底|自觉|有利于|更加|起来|体系|"
    "机制|理念|坚守|聚力|示范|目标|导向|提高|等级|档次|层次|大局|确立|一百年|毫不动摇|先行|基本点|现代化";

/* Words after N项 that make it an enumeration of abstract items (六项任务,
 * 三项制度), not a count of things (三项工程). */
static const char *const abstract_after_xiang =
    "任务|制度|措施|举措|要求|改革|机制|职能|承诺|行动|工作|内容|纪律|政策|重点|原则|标准|"
    "清单|权利|权力|职责|行动|理念|方针|战略|保障|服务|建设|机制|基本|主要任务|重点任务";

/* Words right before a number that make it part of a name or a stage. */
static int named_by_preceding(const scanner *s, size_t start, uint32_t prev)
{
    if (prev == CP_DI) /* 第三, 第3篇 */
        return 1;
    /* 初一, 高三, 周二, 星期五, 大一: grades and weekdays; 其三, 每两年 */
    if (preceded_by_any(s, start, "初|高|周|星期|礼拜|大|其|之|每") &&
        !preceded_by_any(s, start, "提高|升高|最高|增高|拔高|较高|更高|扩大|加大|最大|重大|大大|较大|更大|近一周|每周|上周|本周|下周"))
        return 2;
    return 0;
}

/* True if [start, end) lies between an opening and a closing delimiter
 * (“ ” or 《 》) each at most max_chars away, with no clause break between. */
static int inside_delimiters(const scanner *s, size_t start, size_t end, uint32_t open,
                             uint32_t close, int max_chars)
{
    size_t p = start, k;
    int found = 0;
    for (int n = 0; p > 0 && n < max_chars; n++) {
        size_t st;
        uint32_t cp = cp_before(s, p, &st);
        if (cp == open) {
            found = 1;
            break;
        }
        if (cp == close || cp == 0x3002 || cp == '\n' || cp == 0xFF1B)
            return 0;
        p = st;
    }
    if (!found)
        return 0;
    p = end;
    for (int n = 0; p < s->len && n < max_chars; n++) {
        uint32_t cp = cp_at(s, p, &k);
        if (cp == close)
            return 1;
        if (cp == open || cp == 0x3002 || cp == '\n' || cp == 0xFF1B)
            return 0;
        p += k;
    }
    return 0;
}

/* 年 after a number: a duration (连续4年) or part of a year, a stage or a
 * plan's name. */
static int year_unit_is_duration(const scanner *s, const es_numeral *n, size_t num_start,
                                 size_t unit_end)
{
    if (n->kind == ES_NUMERAL_CHINESE_DIGITS)
        return 0; /* 二〇〇五年 */
    if (n->kind == ES_NUMERAL_ARABIC && (n->leading_zero || n->int_digits >= 3 || n->frac_digits))
        return 0; /* 2024年, 08年度 */
    if (es_numeral_value(n, 0) >= 100)
        return 0;
    if (follows_any(s, unit_end,
                    "来|以来|制|级|义务|教育|规划|计划|行动|一贯|前|后|内|间|度|代|底|初|末|中|"
                    "里|之|时|开始|起|工作|发展|攻坚|建设|专项|周期|树|的"))
        return 0;
    if (preceded_by_any(s, num_start,
                        "近|这|那|前|后|每|最近|多|今|去|明|几|数|学前|高中|初中|小学|大学|本科|中职|"
                        "普及|年|《|“"))
        return 0;
    return 1;
}

/* ---- table cells ---------------------------------------------------- */

static int is_space_at(const scanner *s, size_t pos, size_t *k)
{
    uint32_t cp = cp_at(s, pos, k);
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

/* The table cell whose whole text is [start, end), if any. */
static const es_table_cell *cell_holding(scanner *s, size_t start, size_t end)
{
    while (s->cell_i < s->n_cells && s->cells[s->cell_i].end <= start)
        s->cell_i++;
    if (s->cell_i >= s->n_cells)
        return NULL;
    const es_table_cell *c = &s->cells[s->cell_i];
    if (c->start > start || c->end < end)
        return NULL;
    size_t k, p = c->start;
    while (p < start && is_space_at(s, p, &k))
        p += k;
    if (p != start)
        return NULL;
    p = end;
    while (p < c->end && is_space_at(s, p, &k))
        p += k;
    return p == c->end ? c : NULL;
}

/* The start of the spaces before pos (共有 12所: the words before the
 * number end before the space). Line breaks are not crossed. */
static size_t skip_spaces_back(const scanner *s, size_t pos)
{
    size_t k;
    while ((k = es_space_before(s->t, 0, pos)) > 0)
        pos -= k;
    return pos;
}

/* True if only spaces stand between the line's start and pos. */
static int at_line_start(const scanner *s, size_t pos)
{
    pos = skip_spaces_back(s, pos);
    return pos == 0 || s->t[pos - 1] == '\n' || s->t[pos - 1] == '\r';
}

/* The table cell that holds pos, if any (cells are visited in order). */
static const es_table_cell *cell_around(scanner *s, size_t pos)
{
    while (s->cell_i < s->n_cells && s->cells[s->cell_i].end <= pos)
        s->cell_i++;
    if (s->cell_i < s->n_cells && s->cells[s->cell_i].start <= pos)
        return &s->cells[s->cell_i];
    return NULL;
}

/* ---- the tail of a number: 多/余, magnitude, unit --------------------- */

typedef struct tail {
    size_t end;           /* after the unit (or the number when no unit) */
    int magnitude;        /* power of ten from 万/亿/千 */
    int more;             /* 多 or 余 inside the raw span */
    const es_unit *unit;  /* NULL when no measure word follows */
} tail;

/* A space inside a figure (12056 人, 27.6 亿元), as text taken from PDF
 * and Word has: ASCII, no-break, thin and ideographic spaces, and at most
 * one line break (a unit at the start of the next line). Returns where the
 * gap ends, or pos when there is none; never beyond limit. */
static size_t skip_gap(const scanner *s, size_t pos, size_t limit)
{
    size_t p = pos;
    int spaces = 0, breaks = 0;
    while (p < limit) {
        size_t k = es_space_at(s->t, limit, p);
        if (k == 0 && s->t[p] == '\r')
            k = 1;
        if (k > 0) {
            if (++spaces > 6)
                return pos;
        } else if (s->t[p] == '\n') {
            if (++breaks > 1)
                return pos;
            k = 1;
        } else {
            break;
        }
        p += k;
    }
    return p;
}

/* The tail of a number: 多/余, magnitude and unit, each perhaps after a
 * gap (gap_limit: how far a gap may reach; pos when none is allowed). */
static void read_tail(const scanner *s, size_t pos, int allow_magnitude, size_t gap_limit,
                      tail *out)
{
    size_t k, used = 0;
    memset(out, 0, sizeof *out);
    size_t g = skip_gap(s, pos, gap_limit);
    uint32_t cp = cp_at(s, g, &k);
    if (cp == CP_DUO || cp == CP_YU) {
        out->more = 1;
        pos = g + k;
    }
    if (allow_magnitude) {
        g = skip_gap(s, pos, gap_limit);
        int mag = es_magnitude_parse((const char *)s->t + g, s->len - g, &used);
        /* 百 before 分之 is not a magnitude; nor 千 before 米/克 */
        if (mag > 0 && !(mag == 2 && starts_with(s, g + used, "分")) &&
            !follows_any(s, g + used, "米|克|瓦|伏|字节")) {
            out->magnitude = mag;
            pos = g + used;
            cp = cp_at(s, pos, &k);
            if (!out->more && (cp == CP_DUO || cp == CP_YU)) {
                out->more = 1;
                pos += k;
            }
        }
    }
    g = skip_gap(s, pos, gap_limit);
    out->unit = es_unit_match((const char *)s->t + g, s->len - g, &used);
    out->end = out->unit ? g + used : pos;
}

/* ---- redactions ----------------------------------------------------- */

static int placeholder_char(uint32_t cp)
{
    cp = es_ascii_twin(cp);
    return cp == '_' || cp == 'x' || cp == 'X' || cp == '*' || cp == '?' || cp == '#';
}

/* A blanked number: __所, XX%, **人, xxx万元. Returns the end of what was
 * examined so the caller skips it. */
static size_t scan_placeholder(scanner *s, size_t start)
{
    size_t k, pos = start, count = 0;
    uint32_t first = es_ascii_twin(cp_at(s, start, &k));
    if (first == 'X')
        first = 'x';
    for (;;) {
        uint32_t cp = es_ascii_twin(cp_at(s, pos, &k));
        if (cp == 'X')
            cp = 'x';
        if (k == 0 || cp != first)
            break;
        pos += k;
        count++;
    }
    size_t prev_start;
    uint32_t prev = cp_before(s, start, &prev_start);
    /* 20__年 is a blanked year; abc_x is an identifier */
    if (es_arabic_digit(prev) >= 0 || es_is_ascii_letter(prev) || prev == '_' ||
        count > 12 || ((first == '*' || first == '?' || first == '#') && count < 2) ||
        (first == 'x' && count > 4))
        return pos;
    tail t;
    read_tail(s, pos, 1, s->len, &t);
    if (t.unit == NULL || (t.unit->flags & ES_UNIT_YEAR))
        return pos;
    if (first == 'x') { /* xx must stand alone: not part of a word */
        uint32_t after = cp_at(s, pos, &k);
        if (es_is_ascii_letter(after))
            return pos;
    }
    emit(s, start, t.end, 0.0, t.unit->unit, ES_QUALIFIER_EXACT, 1, NULL);
    return t.end;
}

/* ---- numbers -------------------------------------------------------- */

static int is_range_sep(uint32_t cp)
{
    return cp == '-' || cp == 0xFF0D || cp == '~' || cp == 0xFF5E || cp == 0x2014 ||
           cp == 0x2013 || cp == 0x81F3 /* 至 */ || cp == 0x5230 /* 到 */;
}

static int is_ratio_sep(uint32_t cp)
{
    return cp == ':' || cp == 0x2236 /* ∶ */ || cp == 0xFF1A /* ： */;
}

/* Numbers glued to letters or other digits are codes (G20, MP3, 5G...). */
static int glued_to_code(uint32_t prev)
{
    return es_is_ascii_letter(prev) || prev == '.' || prev == 0xFF0E || prev == '/' ||
           prev == '+' || prev == '@';
}

/* A ratio a:b at [start...]; returns the end when handled, else 0. */
static size_t scan_ratio(scanner *s, size_t start, const es_numeral *a, size_t sep_pos,
                         size_t sep_len)
{
    es_numeral b;
    size_t bpos = sep_pos + sep_len;
    es_numeral_parse((const char *)s->t + bpos, s->len - bpos, &b);
    if (b.kind != ES_NUMERAL_ARABIC)
        return 0;
    size_t end = bpos + b.len;
    if (!a->valid || !b.valid)
        return end;
    double va = es_numeral_value(a, 0), vb = es_numeral_value(&b, 0);
    /* 09:30 and 8:00 are times of day, 2:1 and 5:5 are ratios */
    if (a->frac_digits == 0 && b.frac_digits == 0 && b.int_digits == 2 && va <= 24)
        return end;
    /* a third term (1:2:3) or a digit glued on: not a simple ratio */
    size_t k;
    uint32_t after = cp_at(s, end, &k);
    if (is_ratio_sep(after) || es_is_ascii_letter(after))
        return end;
    if (va <= 0 || vb <= 0)
        return end;
    double v = va > vb ? va / vb : vb / va;
    emit(s, start, end, v, "ratio", qualifier_of(s, start, end, 0), 0, NULL);
    return end;
}

/* Decide and emit the quantity for numeral n at start, raw from raw_start
 * (百分之 may precede the numeral). Returns where scanning resumes. */
/* A table cell that shows a negative figure, -350 or (350) (the way a
 * sheet writes a decrease): the cell, with *raw_start at its sign and
 * *raw_end after its closing parenthesis; NULL when the number at
 * [start, end) is not such a cell's whole text. */
static const es_table_cell *negative_cell(scanner *s, size_t start, size_t end, size_t *raw_start, size_t *raw_end)
{
    size_t i = s->cell_i;
    while (i < s->n_cells && s->cells[i].end <= start)
        i++;
    if (i >= s->n_cells || s->cells[i].start > start || s->cells[i].end < end)
        return NULL;
    const es_table_cell *c = &s->cells[i];
    size_t k, p = c->start;
    while (p < start && is_space_at(s, p, &k))
        p += k;
    uint32_t sign = cp_at(s, p, &k);
    if (p + k != start || !(sign == '-' || sign == 0xFF0D || sign == 0x2212 || sign == '(' || sign == 0xFF08))
        return NULL;
    size_t q = end;
    if (sign == '(' || sign == 0xFF08) {
        uint32_t close = cp_at(s, q, &k);
        if (close != (sign == '(' ? (uint32_t)')' : 0xFF09u))
            return NULL;
        q += k;
    }
    size_t e = q;
    while (q < c->end && is_space_at(s, q, &k))
        q += k;
    if (q != c->end)
        return NULL;
    *raw_start = p;
    *raw_end = e;
    return c;
}

static size_t scan_number(scanner *s, size_t start)
{
    size_t k, prev_start;
    uint32_t prev = cp_before(s, start, &prev_start);
    es_numeral n;
    es_numeral_parse((const char *)s->t + start, s->len - start, &n);
    size_t num_end = start + n.len;
    if (n.kind == ES_NUMERAL_NONE || n.len == 0)
        return start + 1;
    if (n.overflow) {
        if (s->cb->note)
            s->cb->note(ES_SCAN_NOTE_OVERFLOW, start, num_end, s->cb->user);
        return num_end;
    }
    if (!n.valid)
        return num_end;
    int chinese = n.kind != ES_NUMERAL_ARABIC;

    /* 百分之九十五: a percentage written in words */
    size_t raw_start = start;
    int percent_words = 0;
    if (chinese && starts_with(s, start, "百分之")) {
        size_t p = start + strlen("百分之");
        es_numeral pn;
        es_numeral_parse((const char *)s->t + p, s->len - p, &pn);
        if (pn.kind == ES_NUMERAL_NONE || !pn.valid)
            return p + pn.len;
        n = pn;
        start = p;
        num_end = p + pn.len;
        percent_words = 1;
        chinese = n.kind != ES_NUMERAL_ARABIC;
    }

    if (glued_to_code(prev) || es_arabic_digit(prev) >= 0)
        return num_end;
    /* Words before the number are read across spaces (第 3 名, 近 30 条). */
    size_t lead = percent_words ? raw_start : skip_spaces_back(s, raw_start);
    if (lead != raw_start) {
        prev = cp_before(s, lead, &prev_start);
        if (chinese && es_arabic_digit(prev) >= 0)
            return num_end; /* 二 00 三年: a year cut by spaces */
    }
    if (!percent_words && named_by_preceding(s, lead, prev) == 1)
        return num_end;

    uint32_t next = cp_at(s, num_end, &k);
    if (!percent_words && !chinese && es_is_ascii_letter(next))
        return num_end; /* 5G, 3D */

    /* Ratios: 1:6.3, 1∶5.2, 15.2:1 */
    if (!percent_words && !chinese && is_ratio_sep(next)) {
        size_t e = scan_ratio(s, raw_start, &n, num_end, k);
        if (e)
            return e;
    }

    /* Arabic numbers may stand apart from their unit (12056 人), within
     * their table cell; a small whole number opening a line is a section
     * number (1 人员配置) and keeps its unit close. */
    size_t gap_limit = num_end;
    if (!chinese && !percent_words) {
        const es_table_cell *around = cell_around(s, raw_start);
        gap_limit = around ? around->end : s->len;
        if (n.frac_digits == 0 && es_numeral_value(&n, 0) < 100 && at_line_start(s, raw_start))
            gap_limit = num_end;
        /* 3 0 0 多个: digits set apart one by one are not read as a figure */
        if (lead != raw_start && es_arabic_digit(prev) >= 0)
            gap_limit = num_end;
    }
    tail t = {num_end, 0, 0, NULL}; /* 百分之 has its unit before the number */
    if (!percent_words)
        read_tail(s, num_end, 1, gap_limit, &t);

    /* Ranges: 100-117分, 3-5名, 3至5所: the first number takes the second's unit. */
    if (!percent_words && t.unit == NULL && !t.more && is_range_sep(next)) {
        size_t p2 = num_end + k;
        es_numeral n2;
        es_numeral_parse((const char *)s->t + p2, s->len - p2, &n2);
        if (n2.kind != ES_NUMERAL_NONE && n2.valid && (n2.kind == ES_NUMERAL_ARABIC) == !chinese) {
            /* 2001-2002学年度: two years */
            if (n.int_digits == 4 && n2.int_digits == 4 && !chinese)
                return p2 + n2.len;
            tail t2;
            read_tail(s, p2 + n2.len, 1, gap_limit > num_end ? gap_limit : p2 + n2.len, &t2);
            int ok = t2.unit != NULL && !(t2.unit->flags & ES_UNIT_YEAR) &&
                     !(chinese && (t2.unit->flags & ES_UNIT_ARABIC_ONLY));
            /* 11月9-10日 has no unit; 1-2节 after 第 is handled above */
            if (ok && named_by_preceding(s, lead, prev) == 0) {
                es_qualifier q = qualifier_before(s, lead);
                emit(s, raw_start, num_end, es_numeral_value(&n, t2.magnitude), t2.unit->unit, q, 0,
                     NULL);
            }
            return p2; /* the second number is scanned on its own */
        }
    }

    const es_unit *u = t.unit;
    const char *unit_name = u ? u->unit : NULL;
    int magnitude = t.magnitude;
    const es_table_cell *cell = NULL;
    double sign = 1;
    size_t emit_end = t.end;

    if (percent_words) {
        unit_name = "%";
    } else if (u == NULL) {
        /* A bare number is a quantity only as a table cell under a header
         * that names the unit. */
        if (t.magnitude != 0 || t.more)
            return t.end > num_end ? t.end : num_end;
        cell = cell_holding(s, raw_start, num_end);
        size_t neg_start, neg_end;
        if (cell == NULL && (cell = negative_cell(s, raw_start, num_end, &neg_start, &neg_end)) != NULL) {
            sign = -1;
            raw_start = neg_start;
            emit_end = neg_end;
        }
        if (cell == NULL)
            return num_end;
        int mag = 0;
        unit_name = es_unit_from_header(cell->header, &mag);
        if (unit_name == NULL)
            return num_end;
        magnitude = mag;
    } else {
        /* Rules that depend on the measure word. */
        if (chinese && (u->flags & (ES_UNIT_ARABIC_ONLY | ES_UNIT_ORDINAL_PRONE)))
            return t.end; /* 十分重要, 十六届 */
        if ((u->flags & ES_UNIT_YEAR) && !year_unit_is_duration(s, &n, lead, t.end))
            return t.end;
        if (!chinese && n.int_digits == 4 && n.frac_digits == 0 && t.magnitude == 0 &&
            (u->flags & ES_UNIT_ORDINAL_PRONE))
            return t.end; /* 2000届: a class year */
        if (named_by_preceding(s, lead, prev) == 2 && chinese)
            return t.end;
        if (chinese) {
            if ((u->flags & ES_UNIT_PHASE) && follows_any(s, t.end, "、"))
                return t.end; /* 二期、 */
            if (u->flags & ES_UNIT_REFERS)
                return t.end; /* 两校 */
            /* “两个转变，两个提高”: part of a quoted slogan */
            if (inside_delimiters(s, raw_start, t.end, 0x201C, 0x201D, 12))
                return t.end;
            /* 一 on its own is an article (一次性, 一名合格党员, 一个时期) */
            if (n.n_chars == 1 && n.mantissa == 1 && n.exp10 == 0 && t.magnitude == 0)
                return t.end;
            /* “四个一律”, 《三年行动计划》: numbers inside names */
            if (is_open_quote(prev))
                return t.end;
            uint32_t after = cp_at(s, t.end, &k);
            if ((u->flags & ES_UNIT_ENUMERATES) &&
                (is_open_quote(after) ||
                 follows_any(s, t.end, strcmp(u->surface, "项") == 0 ? abstract_after_xiang : abstract_after_ge)))
                return t.end;
            if (after == 0x201D || after == 0x300B) /* closing quote: “三名”工程 */
                return t.end;
        }
        /* 前三名, 前10名: a ranking, not a count */
        if (preceded_by_any(s, lead, "前|后") && strcmp(u->unit, "人") == 0 &&
            !preceded_by_any(s, lead, "目前|此前|以前|之前|提前|当前|日前|先前|前后"))
            return t.end;
        /* 学前三年: a stage of schooling */
        if (preceded_by_any(s, lead, "学前|义务教育|《"))
            return t.end;
    }

    /* 《...十五篇》: numbers inside a title are part of the name */
    if (inside_delimiters(s, raw_start, t.end, 0x300A, 0x300B, 40))
        return t.end;

    if (cell == NULL)
        cell = cell_holding(s, raw_start, t.end);
    emit(s, raw_start, emit_end > t.end ? emit_end : t.end, sign * es_numeral_value(&n, magnitude), unit_name,
         qualifier_of(s, lead, t.end, t.more), 0, cell);
    return emit_end > t.end ? emit_end : t.end;
}

es_status es_scan_text(const char *text, size_t len, const es_table_cell *cells, size_t n_cells,
                       const es_scan_callbacks *cb)
{
    return es_scan_range(text, len, 0, len, cells, n_cells, cb);
}

es_status es_scan_range(const char *text, size_t len, size_t from, size_t to,
                        const es_table_cell *cells, size_t n_cells, const es_scan_callbacks *cb)
{
    scanner s = {(const unsigned char *)text, len, cells, n_cells, 0, cb, 0};
    if (to > len)
        to = len;
    size_t i = from;
    while (i < to && !s.stopped) {
        unsigned char b = s.t[i];
        if (b < 0x80) {
            if (b >= '0' && b <= '9') {
                i = scan_number(&s, i);
            } else if (b == '_' || b == 'x' || b == 'X' || b == '*' || b == '?' || b == '#') {
                i = scan_placeholder(&s, i);
            } else {
                i++;
            }
            continue;
        }
        /* every character of every document: the checks are inline (no
         * call per character) */
        uint32_t cp;
        size_t k = es_utf8_decode(s.t + i, to - i, &cp);
        if (es_arabic_digit(cp) >= 0 || es_numeral_char_of(cp) != NULL) {
            size_t next = scan_number(&s, i);
            i = next > i ? next : i + k;
        } else if (placeholder_char(cp)) {
            i = scan_placeholder(&s, i);
        } else {
            i += k;
        }
    }
    return ES_OK;
}

/* ---- context ------------------------------------------------------- */

/* Where the context a person reads stops: a sentence or its ；-part, the
 * full-width comma and …; not the ASCII comma (1,234) nor a colon, so that
 * 学校：45所 keeps its label. */
static int is_clause_break(uint32_t cp)
{
    return es_is_sentence_break(cp) || cp == 0xFF0C /* ， */ || cp == 0x2026 /* … */;
}

void es_scan_context(const char *text, size_t len, size_t start, size_t end, size_t *cs,
                     size_t *ce)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t a = start;
    for (int n = 0; a > 0 && n < ES_CONTEXT_MAX_CHARS; n++) {
        size_t st;
        uint32_t cp = es_utf8_decode_before(t, a, &st);
        if (is_clause_break(cp))
            break;
        a = st;
    }
    size_t b = end;
    for (int n = 0; b < len && n < ES_CONTEXT_MAX_CHARS; n++) {
        uint32_t cp;
        size_t k = es_utf8_decode(t + b, len - b, &cp);
        if (is_clause_break(cp))
            break;
        b += k;
    }
    /* Trim spaces (ASCII, ideographic, no-break) at both ends. */
    for (;;) {
        uint32_t cp;
        if (a >= start)
            break;
        size_t k = es_utf8_decode(t + a, len - a, &cp);
        if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
            break;
        a += k;
    }
    while (b > end) {
        size_t st;
        uint32_t cp = es_utf8_decode_before(t, b, &st);
        if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
            break;
        b = st;
    }
    *cs = a;
    *ce = b;
}
