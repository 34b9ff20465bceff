/* classify.c - indicator of a quantity from the cues in its clause
 * (see classify.h). */
#include "edustat/classify.h"
#include "acmatch_internal.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <stdlib.h>
#include <string.h>

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

static int is_break(uint32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == ',' ||
           cp == ';' || cp == ':' || cp == '\n' || cp == '\r' || cp == 0xFF01 || cp == 0xFF1F ||
           cp == '!' || cp == '?';
}

static int is_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == '\n' || cp == '\r' || cp == 0xFF01 ||
           cp == 0xFF1F || cp == '!' || cp == '?';
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
    int left_score, left_len;
    size_t left_end;
    /* the head noun right after it, and one a little further on (taken
     * only when nothing nearer speaks: 18位已达退休年龄的教职工) */
    head_pick head, far;
} pick;

static void on_cue(size_t end_in_window, size_t cue_len, uint32_t id, void *user)
{
    pick *p = user;
    const es_indicator *ind = es_lexicon_at(p->c->lx, id >> 16);
    const es_cue *cue = &ind->cues[id & 0xFFFF];
    if (!es_indicator_accepts(ind, p->unit))
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

const es_indicator *es_classify(const es_classifier *c, const char *text, size_t len, size_t start,
                                size_t end, const char *unit)
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
        if (is_break(cp))
            break;
        a = st;
    }
    size_t b = end;
    for (int n = 0; b < len && n < ES_CLASSIFY_CLAUSE_CHARS; n++) {
        size_t k = es_utf8_decode(t + b, len - b, &cp);
        if (is_break(cp))
            break;
        b += k;
    }
    /* 80%的小学教师: a share of something, not a rate of its own */
    if (strcmp(unit, "%") == 0 && end + 3 <= len && memcmp(text + end, "的", 3) == 0)
        return NULL;
    pick p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.text = text;
    p.text_len = len;
    p.base = a;
    p.start = start;
    p.end = end;
    p.unit = unit;
    p.allow_head = strcmp(unit, "%") != 0 && strcmp(unit, "ratio") != 0;
    p.head_only = default_for_unit(c, unit);
    es_acmatch_scan(c->ac, text + a, b - a, on_cue, &p);
    if (p.left == NULL && p.head.ind == NULL)
        p.head = p.far;
    if (p.left == NULL && p.head.ind == NULL && a > 0) {
        /* Nothing in the clause (专科毕业生34人 after 安置了...14人): the
         * sentence's earlier clauses set the topic. */
        size_t s0 = a;
        for (int n = 0; s0 > 0 && n < ES_CLASSIFY_SENTENCE_CHARS; n++) {
            size_t st;
            cp = es_utf8_decode_before(t, s0, &st);
            if (is_sentence_end(cp)) {
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
    if (best == NULL)
        best = p.head_only; /* no cue: the unit's own indicator (所: schools) */
    return best == c->other ? NULL : best;
}
