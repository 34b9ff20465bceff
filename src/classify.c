/* classify.c - indicator of a quantity from the cues in its clause
 * (see classify.h). */
#include "edustat/classify.h"
#include "acmatch_internal.h"
#include "breaks_internal.h"
#include "edustat/numeral.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Cues before a number kept for lists. */
#define MAX_ITEMS 12

/* Right-after nouns are the head of "N名学生": worth this much more. */
#define HEAD_BONUS 6

/* The most default units a lexicon may name. */
#define ES_MAX_DEFAULT_UNITS 32

struct es_classifier {
    const es_lexicon *lx;
    es_acmatch *ac;
    const es_indicator *other;
    /* each unit's own indicator (所: schools.count), looked up per figure */
    const char *default_unit[ES_MAX_DEFAULT_UNITS];
    const es_indicator *default_ind[ES_MAX_DEFAULT_UNITS];
    size_t n_defaults;
};

/* The indicator that is the default for a unit (所: schools.count), or NULL. */
static const es_indicator *default_for_unit(const es_classifier *c, const char *unit)
{
    for (size_t i = 0; i < c->n_defaults; i++)
        if (strcmp(c->default_unit[i], unit) == 0)
            return c->default_ind[i];
    return NULL;
}

es_status es_classifier_new(const es_lexicon *lx, es_classifier **out, es_error *err)
{
    *out = NULL;
    es_classifier *c = calloc(1, sizeof *c);
    if (c == NULL || (c->ac = es_acmatch_new()) == NULL) {
        free(c);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    c->lx = lx;
    c->other = es_lexicon_find(lx, "other");
    size_t n = es_lexicon_count(lx);
    if (n > 0xFFFF) {
        es_classifier_free(c);
        return es_error_set(err, ES_ERR_LIMIT, "", 0, "too many indicators");
    }
    for (size_t i = 0; i < n; i++) {
        const es_indicator *ind = es_lexicon_at(lx, i);
        for (size_t k = 0; k < ind->n_cues && k <= 0xFFFF; k++) {
            const char *w = ind->cues[k].word;
            if (es_acmatch_add(c->ac, w, strlen(w), (uint32_t)(i << 16 | k)) != ES_OK) {
                es_classifier_free(c);
                return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
            }
        }
    }
    /* the first indicator naming a unit as its default keeps it */
    for (size_t i = 0; i < n; i++) {
        const es_indicator *ind = es_lexicon_at(lx, i);
        for (size_t k = 0; k < ind->n_default_units; k++) {
            if (default_for_unit(c, ind->default_units[k]) != NULL)
                continue;
            if (c->n_defaults == ES_MAX_DEFAULT_UNITS) {
                es_classifier_free(c);
                return es_error_set(err, ES_ERR_LIMIT, "", 0, "too many default units in the lexicon");
            }
            c->default_unit[c->n_defaults] = ind->default_units[k];
            c->default_ind[c->n_defaults++] = ind;
        }
    }
    if (es_acmatch_build(c->ac) != ES_OK) {
        es_classifier_free(c);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    *out = c;
    return ES_OK;
}

void es_classifier_free(es_classifier *c)
{
    if (c == NULL)
        return;
    es_acmatch_free(c->ac);
    free(c);
}

typedef struct head_pick {
    const es_indicator *ind;
    size_t end;
    int score, len;
} head_pick;

/* The head is the word that ends last (优秀党员教师: 教师), and of the words
 * ending there the longest (资源教室, not 室). */
static void consider_head(head_pick *h, const es_indicator *ind, size_t cue_end, size_t cue_len,
                          int score)
{
    if (h->ind == NULL || cue_end > h->end || (cue_end == h->end && (int)cue_len > h->len)) {
        h->ind = ind;
        h->end = cue_end;
        h->score = score;
        h->len = (int)cue_len;
    }
}

typedef struct pick {
    const es_classifier *c;
    const char *text;
    size_t text_len;
    int topic_only;      /* reading earlier clauses for the sentence's topic */
    size_t base;         /* offset of the window in text */
    size_t start, end;   /* the quantity */
    const char *unit;
    int allow_head;
    /* 所, 间, 台 count only their own kind of thing (9所学校建设项目 counts
     * schools): the indicator a head noun must belong to, or NULL. */
    const es_indicator *head_only;
    const es_indicator *predicate;
    int predicate_score;
    /* best cue before the number */
    const es_indicator *left;
    const es_cue *left_cue;
    int left_score, left_len;
    size_t left_end;
    /* the cues before the number in the clause, longest of overlapping
     * ones, for lists (小学、初中入学率分别为…) */
    struct item { const es_indicator *ind; const es_cue *cue; size_t start, end; } items[MAX_ITEMS];
    size_t n_items;
    /* the head noun right after it, and one a little further on (taken
     * only when nothing nearer speaks: 18位已达退休年龄的教职工) */
    head_pick head, far;
} pick;

/* A pick of the cues in a window of text starting at base, for the
 * quantity at [start, end) in unit. */
static void pick_init(pick *p, const es_classifier *c, const char *text, size_t len, size_t base,
                      size_t start, size_t end, const char *unit)
{
    memset(p, 0, sizeof *p);
    p->c = c;
    p->text = text;
    p->text_len = len;
    p->base = base;
    p->start = start;
    p->end = end;
    p->unit = unit;
}

/* Note a cue before the number; of overlapping cues the longer stays
 * (初中入学率 over 入学率). */
static void add_item(pick *p, const es_indicator *ind, const es_cue *cue, size_t start, size_t end)
{
    for (size_t i = 0; i < p->n_items; i++) {
        struct item *it = &p->items[i];
        if (start < it->end && it->start < end) {
            if (end - start > it->end - it->start)
                *it = (struct item){ind, cue, start, end};
            return;
        }
    }
    if (p->n_items < MAX_ITEMS)
        p->items[p->n_items++] = (struct item){ind, cue, start, end};
}

static void on_cue(size_t end_in_window, size_t cue_len, uint32_t id, void *user)
{
    pick *p = user;
    const es_indicator *ind = es_lexicon_at(p->c->lx, id >> 16);
    const es_cue *cue = &ind->cues[id & 0xFFFF];
    if (!es_indicator_accepts(ind, p->unit))
        return;
    /* a share (占比) or a change said earlier is its own figure's, not the
     * topic of the clauses after it */
    if (p->topic_only && ind == p->c->other)
        return;
    /* A measure word with a class of its own (所: schools) is changed only
     * by a change against last year (比上年减少3所), not by other nouns. */
    if (p->head_only != NULL && ind == p->c->other && !cue->before_only)
        return;
    size_t cue_end = p->base + end_in_window, cue_start = cue_end - cue_len;
    if (ind == p->c->other && cue->before_only) {
        /* 提高到98.4%, 增至30.6亿元: the level reached, not a change */
        if (cue_end + 3 <= p->text_len &&
            (memcmp(p->text + cue_end, "到", 3) == 0 || memcmp(p->text + cue_end, "至", 3) == 0))
            return;
        /* a change (比上年增长6.6%) is its own figure's, not the topic of
         * the clauses after it */
        if (p->topic_only)
            return;
    }
    if (cue->predicate) {
        /* What the counted do, later in the clause: 26人参加了…培训 */
        if (cue_start < p->end || !p->allow_head)
            return;
        /* 扩招413万人、培训8300万人次: after 、 comes another item */
        for (size_t i = p->end; i + 3 <= cue_start; i++)
            if (memcmp(p->text + i, "、", 3) == 0)
                return;
        int score = 2 * cue->weight + HEAD_BONUS - es_utf8_count_chars(p->text, p->end, cue_start) / 4;
        if (p->predicate == NULL || score > p->predicate_score) {
            p->predicate = ind;
            p->predicate_score = score;
        }
        return;
    }
    if (cue_end <= p->start && !p->topic_only)
        add_item(p, ind, cue, cue_start, cue_end);
    if (cue_end <= p->start) {
        /* A verb (招聘, 引进) governs the whole clause; a noun only what
         * stands next to it. */
        int dist = es_utf8_count_chars(p->text, cue_end, p->start);
        int score = 2 * cue->weight - (cue->before_only ? dist / 3 : dist);
        /* the best score; on a tie the cue nearer the number, then the longer */
        if (p->left == NULL || score > p->left_score ||
            (score == p->left_score &&
             (cue_end > p->left_end || (cue_end == p->left_end && (int)cue_len > p->left_len)))) {
            p->left = ind;
            p->left_cue = cue;
            p->left_score = score;
            p->left_len = (int)cue_len;
            p->left_end = cue_end;
        }
    } else if (cue_start >= p->end && p->allow_head && !cue->before_only &&
               (p->head_only == NULL || p->head_only == ind)) {
        int dist = es_utf8_count_chars(p->text, p->end, cue_start);
        int score = 2 * cue->weight - dist + HEAD_BONUS;
        if (dist <= ES_CLASSIFY_HEAD_CHARS)
            consider_head(&p->head, ind, cue_end, cue_len, score);
        else if (dist <= ES_CLASSIFY_RIGHT_CHARS)
            consider_head(&p->far, ind, cue_end, cue_len, score);
    }
}

/* ---- lists, levels and brackets ------------------------------------- */

/* Start of the last occurrence of word in text[lo, hi), or SIZE_MAX. */
static size_t last_find(const char *text, size_t lo, size_t hi, const char *word)
{
    size_t n = strlen(word);
    char last = word[n - 1];
    for (size_t p = hi; p >= lo + n; p--)
        if (text[p - 1] == last && memcmp(text + p - n, word, n) == 0)
            return p - n;
    return SIZE_MAX;
}

/* Words that name the stage of an enrolment rate (初中入学率, 高中段毛入学率,
 * 三残儿童入学率): the nearest before a rate's name decides its indicator. */
static const struct {
    const char *word, *id;
} rate_levels[] = {
    {"学前", "enrollment.rate.preschool"}, {"幼儿", "enrollment.rate.preschool"},
    {"小学", "enrollment.rate.primary"},   {"初中", "enrollment.rate.junior"},
    {"高中", "enrollment.rate.senior"},    {"普高", "enrollment.rate.senior"},
    {"残疾", "enrollment.rate.special"},   {"三残", "enrollment.rate.special"},
    {"特殊教育", "enrollment.rate.special"}, {"随班就读", "enrollment.rate.special"},
};

static bool is_enrolment_rate(const es_indicator *ind)
{
    return ind != NULL && strncmp(ind->id, "enrollment.rate.", 16) == 0;
}

/* Does the cue word name no stage of its own (入学率, 毛入学率)? */
static bool generic_rate_word(const char *word)
{
    for (size_t i = 0; i < COUNT_OF(rate_levels); i++)
        if (strstr(word, rate_levels[i].word) != NULL)
            return false;
    return true;
}

/* The indicator of the stage word nearest before pos in text[lo, pos), or
 * NULL when there is none. */
static const char *nearest_level(const char *text, size_t lo, size_t pos)
{
    const char *id = NULL;
    size_t best = 0;
    for (size_t i = 0; i < COUNT_OF(rate_levels); i++) {
        size_t q = last_find(text, lo, pos, rate_levels[i].word);
        if (q != SIZE_MAX && (id == NULL || q > best)) {
            best = q;
            id = rate_levels[i].id;
        }
    }
    return id;
}

/* How many numbers start in text[lo, hi). */
static int count_numbers(const char *text, size_t lo, size_t hi)
{
    const unsigned char *t = (const unsigned char *)text;
    int n = 0;
    uint32_t prev = 0, cp;
    for (size_t i = lo; i < hi;) {
        size_t k = es_utf8_decode(t + i, hi - i, &cp);
        if (es_arabic_digit(cp) >= 0 && !(es_arabic_digit(prev) >= 0 || prev == '.' || prev == ','))
            n++;
        prev = cp;
        i += k;
    }
    return n;
}

/* The names of a list before 分别/均 at text[lo, mark): one per item, a
 * rate's name standing for each stage word before it (小学、初中入学率). */
static size_t list_names(const es_classifier *c, const pick *p, const char *text, size_t lo,
                         size_t mark, const es_indicator **names, size_t max)
{
    /* items in text order */
    size_t order[MAX_ITEMS], n = 0;
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].end <= mark && p->items[i].start >= lo && p->items[i].ind != c->other)
            order[n++] = i;
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0 && p->items[order[b - 1]].start > p->items[order[b]].start; b--) {
            size_t tmp = order[b];
            order[b] = order[b - 1];
            order[b - 1] = tmp;
        }
    size_t out = 0, from = lo;
    for (size_t k = 0; k < n && out < max; k++) {
        const struct item *it = &p->items[order[k]];
        if (is_enrolment_rate(it->ind)) {
            /* every stage word between the previous name and this one
             * (小学、初中入学率: 小学 and 初中; a name with its own stage
             * stands for the last of them) */
            bool generic = generic_rate_word(it->cue->word);
            size_t before = out;
            for (size_t q = from; q < it->start && out < max;) {
                size_t next = SIZE_MAX;
                const char *id = NULL;
                for (size_t i = 0; i < COUNT_OF(rate_levels); i++) {
                    const char *w = rate_levels[i].word;
                    size_t wl = strlen(w);
                    for (size_t r = q; r + wl <= it->start; r++)
                        if (memcmp(text + r, w, wl) == 0) {
                            if (r < next) {
                                next = r;
                                id = rate_levels[i].id;
                            }
                            break;
                        }
                }
                if (id == NULL)
                    break;
                const es_indicator *ind = es_lexicon_find(c->lx, id);
                if (ind != NULL && es_indicator_accepts(ind, p->unit))
                    names[out++] = ind;
                q = next + 3;
            }
            if ((out == before || !generic) && out < max)
                names[out++] = it->ind;
        } else {
            names[out++] = it->ind;
        }
        from = it->end;
    }
    return out;
}

/* A figure in a bracket that opens right after another figure and says 其中
 * (残疾学生186人（其中送教上门42人）) counts part of the same thing: the
 * span of that figure, or false. */
static bool bracketed_part(const char *text, size_t start, size_t *ostart, size_t *oend)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t lo = start > 24 * 3 ? start - 24 * 3 : 0;
    if (last_find(text, lo, start, "其中") == SIZE_MAX)
        return false;
    size_t p = start;
    for (int n = 0; p > 0 && n < 24; n++) {
        size_t st;
        uint32_t cp = es_utf8_decode_before(t, p, &st);
        if (cp == 0xFF09 || cp == ')' || es_is_sentence_break(cp))
            return false;
        if (cp == 0xFF08 || cp == '(') {
            size_t inner = p;
            if (inner + 6 > start || memcmp(text + inner, "其中", 6) != 0)
                return false;
            /* back over the unit (at most 3 characters) to the number */
            size_t q = st, e = st;
            for (int u = 0; u < 3 && q > 0; u++) {
                size_t s2;
                uint32_t c2 = es_utf8_decode_before(t, q, &s2);
                if (es_arabic_digit(c2) >= 0)
                    break;
                q = s2;
            }
            size_t num_end = q;
            while (q > 0) {
                size_t s2;
                uint32_t c2 = es_utf8_decode_before(t, q, &s2);
                if (!(es_arabic_digit(c2) >= 0 || c2 == '.' || c2 == ','))
                    break;
                q = s2;
            }
            if (q == num_end)
                return false;
            *ostart = q;
            *oend = e;
            return true;
        }
        p = st;
    }
    return false;
}

/* The words of lists and parts end in 别 (分别), 均 and 中 (其中): which of
 * those last bytes (AB, 87, AD after E5 88, E5 9D, E4 B8) occur in
 * text[lo, hi), one pass for the three, so that most figures skip them. */
enum { MARK_FENBIE = 1, MARK_JUN = 2, MARK_QIZHONG = 4 };
static unsigned list_marks(const char *text, size_t lo, size_t hi)
{
    const unsigned char *t = (const unsigned char *)text;
    unsigned m = 0;
    for (size_t p = lo + 2; p < hi; p++) {
        if (t[p] == 0xAB && t[p - 1] == 0x88 && t[p - 2] == 0xE5)
            m |= MARK_FENBIE;
        else if (t[p] == 0x87 && t[p - 1] == 0x9D && t[p - 2] == 0xE5)
            m |= MARK_JUN;
        else if (t[p] == 0xAD && t[p - 1] == 0xB8 && t[p - 2] == 0xE4)
            m |= MARK_QIZHONG;
    }
    return m;
}

/* Does the clause before a break at clause_lo end with a count (…本科毕业生14人，)? */
static bool after_count_clause(const char *text, size_t clause_lo)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t st;
    if (clause_lo == 0) /* the clause opens the text: nothing before it */
        return false;
    uint32_t cp = es_utf8_decode_before(t, clause_lo, &st);
    if (cp != 0xFF0C && cp != ',')
        return false;
    size_t q = st;
    for (int n = 0; n < 4 && q > 0; n++) {
        cp = es_utf8_decode_before(t, q, &st);
        if (es_arabic_digit(cp) >= 0 || es_is_chinese_numeral_char(cp))
            return n > 0;
        q = st;
    }
    return false;
}

/* Nouns of people a verb earlier in the sentence may govern. */
static bool people_noun(const es_indicator *ind)
{
    return ind != NULL && (strcmp(ind->id, "enrollment.graduates") == 0 ||
                           strcmp(ind->id, "staff.teachers") == 0 || strcmp(ind->id, "enrollment.students") == 0);
}

static const es_indicator *classify_at(const es_classifier *c, const char *text, size_t len,
                                       size_t start, size_t end, const char *unit, int depth);

/* The name a figure takes in a list: 小学、初中入学率分别为100%和99.8%
 * pairs names and numbers in order; 入学率、巩固率均达100% gives the first
 * named. NULL when the figure is in no such list, or is a change
 * (分别再提高30元和5元). */
static const es_indicator *paired_name(const es_classifier *c, const pick *p, const char *text,
                                       size_t a, size_t start, unsigned marks)
{
    if (p->left == c->other && p->left_cue != NULL && p->left_cue->before_only)
        return NULL;
    const es_indicator *names[MAX_ITEMS];
    size_t mark = (marks & MARK_FENBIE) ? last_find(text, a, start, "分别") : SIZE_MAX;
    if (mark != SIZE_MAX) {
        size_t n = list_names(c, p, text, a, mark, names, MAX_ITEMS);
        int k = count_numbers(text, mark, start);
        return n >= 2 && (size_t)k < n ? names[k] : NULL;
    }
    mark = (marks & MARK_JUN) ? last_find(text, a, start, "均") : SIZE_MAX;
    /* 均 of 平均 is an average, and 均 before the number only */
    if (mark == SIZE_MAX || (mark >= a + 3 && memcmp(text + mark - 3, "平", 3) == 0) ||
        count_numbers(text, mark, start) != 0)
        return NULL;
    size_t n = list_names(c, p, text, a, mark, names, MAX_ITEMS);
    return n >= 2 ? names[0] : NULL;
}

/* The verb of a list of counts (安置了本科毕业生14人，专科毕业生34人) for a
 * figure whose clause at text[a, start) is only a noun of best and its
 * number: found in the clauses before, each ending in a count, back to a
 * verb or to a clause about something else. NULL if none. */
static const es_indicator *list_verb(const es_classifier *c, const pick *p,
                                     const es_indicator *best, const char *text, size_t len,
                                     size_t a, size_t start)
{
    const unsigned char *t = (const unsigned char *)text;
    for (size_t i = 0; i < p->n_items; i++)
        if (p->items[i].cue->before_only || p->items[i].ind != best ||
            es_utf8_count_chars(text, a, p->items[i].start) > 4)
            return NULL;
    static const char *const subjects[] = {"全区", "全县", "全市", "共有", "现有", "其中"};
    for (size_t i = 0; i < COUNT_OF(subjects); i++)
        if (last_find(text, a, start, subjects[i]) != SIZE_MAX)
            return NULL;
    for (size_t lo = a, hops = 0; hops < 6 && after_count_clause(text, lo); hops++) {
        size_t comma, pc;
        es_utf8_decode_before(t, lo, &comma);
        pc = comma;
        for (int n = 0; pc > 0 && n < ES_CLASSIFY_LEFT_CHARS; n++) {
            size_t st;
            if (es_is_comma_break(es_utf8_decode_before(t, pc, &st)))
                break;
            pc = st;
        }
        pick v;
        pick_init(&v, c, text, len, pc, comma, comma, p->unit);
        es_acmatch_scan(c->ac, text + pc, comma - pc, on_cue, &v);
        /* the verb of the list, or a clause of something else that ends it
         * (组织教师培训2.1万人次) */
        bool other_item = false;
        for (size_t i = 0; i < v.n_items; i++) {
            if (v.items[i].cue->before_only && v.items[i].ind != c->other)
                return v.items[i].ind;
            other_item |= v.items[i].ind != best && v.items[i].ind != c->other;
        }
        if (other_item)
            return NULL;
        lo = pc;
    }
    return NULL;
}


const es_indicator *es_classify(const es_classifier *c, const char *text, size_t len, size_t start,
                                size_t end, const char *unit)
{
    return classify_at(c, text, len, start, end, unit, 0);
}

static const es_indicator *classify_at(const es_classifier *c, const char *text, size_t len,
                                       size_t start, size_t end, const char *unit, int depth)
{
    /* 提高0.6个百分点, 低2.1个百分点: a difference, never a rate's level */
    if (end - start >= 12 && memcmp(text + end - 12, "个百分点", 12) == 0)
        return NULL;

    const unsigned char *t = (const unsigned char *)text;
    uint32_t cp;
    size_t a = start;
    for (int n = 0; a > 0 && n < ES_CLASSIFY_LEFT_CHARS; n++) {
        size_t st;
        cp = es_utf8_decode_before(t, a, &st);
        /* 专任教师\n6710名: a figure opening a line after a line that ends
         * inside a phrase continues that line */
        if (cp == '\n' && a == start && st > 0) {
            size_t q = st, st2;
            if (q > 0 && t[q - 1] == '\r')
                q--;
            uint32_t before = q > 0 ? es_utf8_decode_before(t, q, &st2) : 0;
            if (before >= 0x4E00 && before <= 0x9FFF) {
                a = q;
                continue;
            }
        }
        if (es_is_comma_break(cp))
            break;
        a = st;
    }
    /* 残疾学生186人（其中送教上门42人）: the part counts what the total counts */
    unsigned marks = list_marks(text, a, start);
    size_t os, oe;
    if (depth == 0 && (marks & MARK_QIZHONG) && bracketed_part(text, start, &os, &oe)) {
        const es_indicator *outer = classify_at(c, text, len, os, oe, unit, 1);
        if (outer != NULL)
            return outer;
    }
    size_t b = end;
    for (int n = 0; b < len && n < ES_CLASSIFY_CLAUSE_CHARS; n++) {
        size_t k = es_utf8_decode(t + b, len - b, &cp);
        if (es_is_comma_break(cp))
            break;
        b += k;
    }
    /* 80%的小学教师: a share of something, not a rate of its own */
    if (strcmp(unit, "%") == 0 && end + 3 <= len && memcmp(text + end, "的", 3) == 0)
        return NULL;
    pick p;
    pick_init(&p, c, text, len, a, start, end, unit);
    p.allow_head = strcmp(unit, "%") != 0 && strcmp(unit, "ratio") != 0;
    p.head_only = default_for_unit(c, unit);
    es_acmatch_scan(c->ac, text + a, b - a, on_cue, &p);
    const es_indicator *named = paired_name(c, &p, text, a, start, marks);
    if (named != NULL)
        return named;
    if (p.left == NULL && p.head.ind == NULL)
        p.head = p.far;
    if (p.left == NULL && p.head.ind == NULL && a > 0) {
        /* Nothing in the clause (专科毕业生34人 after 安置了...14人): the
         * sentence's earlier clauses set the topic. */
        size_t s0 = a;
        for (int n = 0; s0 > 0 && n < ES_CLASSIFY_SENTENCE_CHARS; n++) {
            size_t st;
            cp = es_utf8_decode_before(t, s0, &st);
            if (es_is_sentence_break(cp)) {
                /* A sentence that opens with 其中 continues the one before. */
                if (s0 + 6 <= a && memcmp(text + s0, "其中", 6) == 0 && n < ES_CLASSIFY_SENTENCE_CHARS / 2) {
                    s0 = st;
                    continue;
                }
                break;
            }
            s0 = st;
        }
        if (s0 < a) {
            p.base = s0;
            p.topic_only = 1;
            es_acmatch_scan(c->ac, text + s0, a - s0, on_cue, &p);
        }
    }
    const es_indicator *best = p.left;
    int best_score = p.left_score;
    if (p.head.ind != NULL && (best == NULL || p.head.score > best_score)) {
        best = p.head.ind;
        best_score = p.head.score;
    }
    if (p.predicate != NULL && (best == NULL || p.predicate_score > best_score))
        best = p.predicate;
    /* 高中段毛入学率: a rate named without its stage takes the nearest
     * stage word before it */
    if (best == p.left && is_enrolment_rate(best) && p.left_cue != NULL && generic_rate_word(p.left_cue->word)) {
        const char *id = nearest_level(text, a, p.left_end - strlen(p.left_cue->word));
        const es_indicator *level = id ? es_lexicon_find(c->lx, id) : NULL;
        if (level != NULL)
            best = level;
    }
    /* 安置了本科毕业生14人，专科毕业生34人: the verb of a list of counts
     * governs each item that is only a noun and its number */
    if (people_noun(best) && strcmp(unit, "人") == 0 && p.predicate == NULL && a > 0 &&
        es_utf8_count_chars(text, a, start) <= 10) {
        const es_indicator *verb = list_verb(c, &p, best, text, len, a, start);
        if (verb != NULL)
            best = verb;
    }
    if (best == NULL)
        best = p.head_only; /* no cue: the unit's own indicator (所: schools) */
    return best == c->other ? NULL : best;
}
