/* situate.c - a figure's year, basis, scope and district from the cues of
 * its clause, sentence, section and document (see situate.h). */
#include "edustat/situate.h"
#include "acmatch_internal.h"
#include "breaks_internal.h"
#include "arena_internal.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char es_builtin_situation[];
extern const size_t es_builtin_situation_len;

/* The classes of data/situation.tsv, in the order of class_names. */
enum cue_class {
    CUE_TARGET,
    CUE_PLAN,
    CUE_PLAN_TITLE,
    CUE_SUMMARY,
    CUE_CUMULATIVE,
    CUE_WITHIN_YEAR,
    CUE_WIDER,
    CUE_OWN_AREA,
    CUE_EVENT,
    CUE_PART,
    CUE_HONOUR,
    CUE_MONEY_PART,
    CUE_SUBTOTAL,
    CUE_SHARE,
    CUE_SUB_UNIT,
    CUE_SCHOOL,
    CUE_GENERIC,
    CUE_MASK,
    CUE_YEAR_MINUS_1,
    CUE_YEAR_MINUS_2,
    CUE_YEAR_PLUS_1,
    CUE_N_CLASSES
};

static const char *const class_names[CUE_N_CLASSES] = {
    "target", "plan", "plan_title", "summary",  "cumulative", "within_year", "wider", "own_area", "event",  "part",
    "honour", "money_part", "subtotal", "share", "sub_unit", "school", "generic", "mask", "year-1", "year-2", "year+1"};

/* Longest heading line, in bytes (a heading is short and has no full stop). */
#define HEADING_MAX_BYTES 120
/* How far after a figure a change phrase 提高到 is looked for, in bytes. */
#define FROM_TO_WINDOW 24
/* How far after a count its noun is read for a part (30名骨干教师), and
 * what is said of the counted (4所学校被评为…), in characters. */
#define PART_HEAD_CHARS 6
#define HONOUR_AFTER_CHARS 24
/* A clause that opens with one school's name speaks of it this far on. */
#define SCHOOL_NAME_REACH_CHARS 10
/* A clause after a 其中 still lists parts while it is this short before
 * its figure (其中小学645人，中学104人), in characters. */
#define LIST_ITEM_CHARS 10

/* The most generic characters (各, 全, 乡...) the cue table may list. */
#define MAX_GENERIC 64

/* A cue word and its class; the matcher's ids index them. */
typedef struct cue {
    const char *word; /* in the situator's arena */
    int cls;
} cue;

struct es_situator {
    es_acmatch *ac;
    es_arena *arena;
    cue *cues;
    size_t n, cap;
    const char *generic[MAX_GENERIC]; /* characters that are not part of a name */
    size_t n_generic;
};

/* The names of each enum, in its order (a record writes them, a reader
 * parses them back). */
static const char *const basis_names[] = {"actual", "target", "cumulative"};
static const char *const scope_names[] = {"own", "wider", "part"};
static const char *const year_source_names[] = {"document", "clause", "relative"};

static const char *name_of(const char *const *names, size_t n, int v)
{
    return v >= 0 && (size_t)v < n ? names[v] : names[0];
}

static bool parse_name(const char *const *names, size_t n, const char *name, int *out)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (int)i;
            return true;
        }
    return false;
}

#define COUNT_OF(a) (sizeof a / sizeof a[0])

const char *es_basis_name(es_basis b) { return name_of(basis_names, COUNT_OF(basis_names), (int)b); }
const char *es_scope_name(es_scope s) { return name_of(scope_names, COUNT_OF(scope_names), (int)s); }
const char *es_year_source_name(es_year_source y)
{
    return name_of(year_source_names, COUNT_OF(year_source_names), (int)y);
}

bool es_basis_parse(const char *name, es_basis *out)
{
    int v;
    if (!parse_name(basis_names, COUNT_OF(basis_names), name, &v))
        return false;
    *out = (es_basis)v;
    return true;
}

bool es_scope_parse(const char *name, es_scope *out)
{
    int v;
    if (!parse_name(scope_names, COUNT_OF(scope_names), name, &v))
        return false;
    *out = (es_scope)v;
    return true;
}

bool es_year_source_parse(const char *name, es_year_source *out)
{
    int v;
    if (!parse_name(year_source_names, COUNT_OF(year_source_names), name, &v))
        return false;
    *out = (es_year_source)v;
    return true;
}

void es_situator_free(es_situator *s)
{
    if (s == NULL)
        return;
    es_acmatch_free(s->ac);
    es_arena_free(s->arena);
    free(s->cues);
    free(s);
}

/* Add a cue word; generic characters are kept apart (compared with the
 * character before a name, never matched). */
static es_status add_word(es_situator *s, int cls, const char *w, size_t n)
{
    const char *copy = es_arena_strndup(s->arena, w, n);
    if (copy == NULL)
        return ES_ERR_NOMEM;
    if (cls == CUE_GENERIC) {
        if (s->n_generic == MAX_GENERIC)
            return ES_ERR_LIMIT;
        s->generic[s->n_generic++] = copy;
        return ES_OK;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        cue *c = realloc(s->cues, cap * sizeof *c);
        if (c == NULL)
            return ES_ERR_NOMEM;
        s->cues = c;
        s->cap = cap;
    }
    s->cues[s->n] = (cue){copy, cls};
    return es_acmatch_add(s->ac, copy, n, (uint32_t)s->n++);
}

es_status es_situator_new_from_text(const char *name, const char *text, size_t len,
                                    es_situator **out, es_error *err)
{
    *out = NULL;
    es_situator *s = calloc(1, sizeof *s);
    if (s == NULL || (s->ac = es_acmatch_new()) == NULL || (s->arena = es_arena_new()) == NULL) {
        es_situator_free(s);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    long line = 0;
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        size_t le = e;
        if (le > i && text[le - 1] == '\r')
            le--;
        if (le > i && text[i] != '#') {
            const char *tab = memchr(text + i, '\t', le - i);
            int cls = -1;
            if (tab != NULL)
                for (int c = 0; c < CUE_N_CLASSES; c++)
                    if ((size_t)(tab - (text + i)) == strlen(class_names[c]) &&
                        memcmp(text + i, class_names[c], strlen(class_names[c])) == 0)
                        cls = c;
            size_t wn = tab ? (size_t)(text + le - (tab + 1)) : 0;
            if (cls < 0 || wn == 0 || wn > 64 || memchr(tab + 1, '\t', wn) != NULL) {
                es_situator_free(s);
                return es_error_set(err, ES_ERR_FORMAT, name, line,
                                    "expected a class and a word separated by a tab");
            }
            es_status st = add_word(s, cls, tab + 1, wn);
            if (st != ES_OK) {
                es_situator_free(s);
                return st == ES_ERR_LIMIT
                           ? es_error_set(err, st, name, line, "more than %d generic characters", MAX_GENERIC)
                           : es_error_set(err, st, name, line, "out of memory");
            }
        }
        i = e + 1;
    }
    if (es_acmatch_build(s->ac) != ES_OK) {
        es_situator_free(s);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    *out = s;
    return ES_OK;
}

es_status es_situator_new_builtin(es_situator **out, es_error *err)
{
    return es_situator_new_from_text("data/situation.tsv", (const char *)es_builtin_situation,
                                     es_builtin_situation_len, out, err);
}

/* ---- text helpers ---------------------------------------------------- */

/* Just after the nearest break of at most `level` before pos, not before lo. */
static size_t back_to(const char *text, size_t lo, size_t pos, int level)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t floor = pos > ES_SITUATE_MAX_SENTENCE_BYTES ? pos - ES_SITUATE_MAX_SENTENCE_BYTES : 0;
    if (floor > lo)
        lo = floor;
    if (level == ES_BREAK_PARAGRAPH) {
        while (pos > lo && t[pos - 1] != '\n' && t[pos - 1] != '\r')
            pos--;
        lo = pos; /* then only the character boundary below */
    }
    while (pos > lo) {
        unsigned char c = t[pos - 1];
        int b = es_break_level_ascii(c);
        /* the last bytes of 。！？；，：、 */
        if (b < 0 && pos >= lo + 3 && (c == 0x82 || c == 0x81 || c == 0x9F || c == 0x9B || c == 0x8C || c == 0x9A))
            b = es_break_level_utf8_3(t + pos - 3);
        if (b >= 0 && b <= level)
            return pos;
        pos--;
    }
    while (pos < lo + 4 && (t[pos] & 0xC0) == 0x80) /* a cut window starts on a character */
        pos++;
    return pos;
}

/* At the nearest break of at most `level` at or after pos, not after hi. */
static size_t forward_to(const char *text, size_t pos, size_t hi, int level)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t end = hi;
    if (hi - pos > ES_SITUATE_MAX_SENTENCE_BYTES)
        hi = pos + ES_SITUATE_MAX_SENTENCE_BYTES;
    if (level == ES_BREAK_PARAGRAPH) {
        const unsigned char *nl = memchr(t + pos, '\n', hi - pos);
        size_t stop = nl ? (size_t)(nl - t) : hi;
        const unsigned char *cr = memchr(t + pos, '\r', stop - pos);
        pos = cr ? (size_t)(cr - t) : stop;
        if (cr || nl)
            return pos;
    } else {
        while (pos < hi) {
            int b = es_break_level_ascii(t[pos]);
            if (b < 0 && pos + 3 <= end && (t[pos] == 0xE3 || t[pos] == 0xEF))
                b = es_break_level_utf8_3(t + pos);
            if (b >= 0 && b <= level)
                return pos;
            pos++;
        }
    }
    while (pos < end && pos > 0 && (t[pos] & 0xC0) == 0x80) /* a cut window ends on a character */
        pos--;
    return pos;
}

static inline bool lit_at(const char *text, size_t hi, size_t pos, const char *lit)
{
    size_t n = strlen(lit);
    return pos + n <= hi && memcmp(text + pos, lit, n) == 0;
}

static inline bool lit_before(const char *text, size_t lo, size_t pos, const char *lit)
{
    size_t n = strlen(lit);
    return pos >= lo + n && memcmp(text + pos - n, lit, n) == 0;
}

/* Does one of lits[0..n) stand at pos, or end just before it? */
static bool any_at(const char *text, size_t hi, size_t pos, const char *const *lits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lit_at(text, hi, pos, lits[i]))
            return true;
    return false;
}

static bool any_before(const char *text, size_t lo, size_t pos, const char *const *lits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lit_before(text, lo, pos, lits[i]))
            return true;
    return false;
}

/* Words that make a time after them a base of comparison (比2020年, 比上年). */
static const char *const compare_words[] = {"比", "较", "与", "同"};
/* Marks that make a year after them the end of a range (2018-2022年). */
static const char *const range_marks[] = {"-", "—", "~", "～"};

/* The first occurrence of lit in text[lo, hi) at or after lo, or SIZE_MAX.
 * Searched by its last byte: in Chinese text the first byte of a character
 * (E4-E9) is nearly every third byte, the last one far rarer. */
static inline size_t find_lit(const char *text, size_t lo, size_t hi, const char *lit)
{
    size_t n = strlen(lit);
    if (lo + n > hi)
        return SIZE_MAX;
    size_t at = lo + n - 1; /* where the last byte may stand */
    while (at < hi) {
        const char *p = memchr(text + at, lit[n - 1], hi - at);
        if (p == NULL)
            return SIZE_MAX;
        at = (size_t)(p - text);
        if (memcmp(text + at + 1 - n, lit, n) == 0)
            return at + 1 - n;
        at++;
    }
    return SIZE_MAX;
}

/* Skip spaces (ASCII, U+3000) and quotes from pos. */
static size_t skip_blank(const char *text, size_t hi, size_t pos)
{
    for (;;) {
        if (pos < hi && (text[pos] == ' ' || text[pos] == '\t'))
            pos++;
        else if (lit_at(text, hi, pos, "\xE3\x80\x80") || lit_at(text, hi, pos, "\xE2\x80\x9C"))
            pos += 3;
        else
            return pos;
    }
}

static bool is_han(uint32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

/* ---- cue matches of a sentence ---------------------------------------- */

typedef struct collect {
    const es_situator *s;
    size_t base;
    es_situate_match *m;
    size_t n, max;
} collect;

static void on_match(size_t end, size_t len, uint32_t id, void *user)
{
    collect *c = user;
    if (c->n == c->max)
        return;
    const cue *k = &c->s->cues[id];
    c->m[c->n++] = (es_situate_match){c->base + end - len, c->base + end, k->cls, k->word};
}

/* Every cue in text[lo, hi), in order of its end; the masks and the cues
 * inside them dropped. Returns the count. */
static size_t find_cues(const es_situator *s, const char *text, size_t lo, size_t hi,
                        es_situate_match *m, size_t max)
{
    collect c = {s, lo, m, 0, max};
    es_acmatch_scan(s->ac, text + lo, hi - lo, on_match, &c);
    size_t n = 0;
    for (size_t i = 0; i < c.n; i++) {
        bool masked = m[i].cls == CUE_MASK;
        for (size_t k = 0; k < c.n && !masked; k++)
            masked = m[k].cls == CUE_MASK && m[k].start <= m[i].start && m[i].end <= m[k].end;
        if (!masked)
            m[n++] = m[i];
    }
    return n;
}

/* The last cue of class cls in [lo, hi), or NULL. */
static const es_situate_match *last_cue(const es_situate_doc *d, int cls, size_t lo, size_t hi)
{
    const es_situate_match *r = NULL;
    for (size_t i = 0; i < d->n_matches; i++)
        if (d->matches[i].cls == cls && d->matches[i].start >= lo && d->matches[i].end <= hi)
            r = &d->matches[i];
    return r;
}

static bool has_cue(const es_situate_doc *d, int cls, size_t lo, size_t hi)
{
    return last_cue(d, cls, lo, hi) != NULL;
}

/* ---- years written in the text ---------------------------------------- */

/* Does text[pos..] open a clause (after 如, 在, 截至...)? */
static bool opens_clause(const char *text, size_t clause_lo, size_t pos)
{
    static const char *const lead[] = {"如", "在", "于", "截至", "截止", "至", "到", "自", "从", "而"};
    size_t p = skip_blank(text, pos, clause_lo);
    if (p == pos)
        return true;
    for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
        if (p + strlen(lead[i]) == pos && lit_at(text, pos, p, lead[i]))
            return true;
    return false;
}

/* Does a period start at the time word ending at end (2019年以来,
 * 去年7月以来)? 以来 within the next few characters. */
static bool opens_period(const char *text, size_t hi, size_t end)
{
    size_t until = end + 12 + 6 < hi ? end + 12 + 6 : hi;
    return find_lit(text, end, until, "以来") != SIZE_MAX;
}

/* Is a year mention at [start, end) (end after 年) a tie? Not a period's
 * start (2018年以来), a comparison (比2020年), a range (2018-2022年). */
static bool year_is_tie(const char *text, size_t lo, size_t hi, size_t start, size_t end)
{
    /* 比2020年增长5%: a base, not the figure's year; but 较2022年的16.9亿元
     * names the year of the figure that follows */
    if (any_before(text, lo, start, range_marks, COUNT_OF(range_marks)) ||
        (any_before(text, lo, start, compare_words, COUNT_OF(compare_words)) && !lit_at(text, hi, end, "的")))
        return false;
    /* 2018至2022年 */
    if (lit_before(text, lo, start, "至") && start >= lo + 4 && text[start - 4] >= '0' &&
        text[start - 4] <= '9')
        return false;
    size_t p = end;
    if (lit_at(text, hi, p, "度"))
        p += 3;
    if (lit_at(text, hi, p, "来") || lit_at(text, hi, p, "-") || lit_at(text, hi, p, "—") ||
        lit_at(text, hi, p, "级"))
        return false;
    return !opens_period(text, hi, end);
}

/* A digit of a written year: Arabic, full-width, or Chinese (二〇二三年,
 * 一九八五年); -1 for anything else. */
static int year_digit(uint32_t cp)
{
    static const uint32_t han[10] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                     0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    int d = es_arabic_digit(cp);
    if (d >= 0)
        return d;
    if (cp == 0x25CB || cp == 0x96F6 || cp == 'o' || cp == 'O') /* ○ 零 and the o of 二oo五 */
        return 0;
    for (int k = 0; k < 10; k++)
        if (han[k] == cp)
            return k;
    return -1;
}

/* Back over the spaces (ASCII, ideographic, no-break) before pos. */
static size_t spaces_back(const char *text, size_t lo, size_t pos)
{
    size_t k;
    while ((k = es_space_before((const unsigned char *)text, lo, pos)) > 0)
        pos -= k;
    return pos;
}

/* Written and relative years in text[lo, hi) that tie a figure. */
static size_t find_years(const es_situate_doc *d, size_t lo, size_t hi, es_situate_year *out,
                         size_t max)
{
    const unsigned char *t = (const unsigned char *)d->text;
    size_t n = 0;
    /* every year ends in 年: find those, then read the digits before */
    for (size_t at = find_lit(d->text, lo, hi, "年"); at != SIZE_MAX && n < max;
         at = find_lit(d->text, at + 3, hi, "年")) {
        size_t start = at;
        int value = 0, digits = 0, scale = 1;
        start = spaces_back(d->text, lo, start); /* 2023 年: text from PDF */
        while (start > lo && digits < 5) {
            size_t st;
            int dg = year_digit(es_utf8_decode_before(t, start, &st));
            if (dg < 0)
                break;
            if (digits < 4) {
                value += dg * scale;
                scale *= 10;
            }
            digits++;
            start = st;
        }
        /* part of a longer number (12.4法制宣传日 has no 年; 1.2024年 never) */
        bool inside = start > lo && (t[start - 1] == '.' || (t[start - 1] >= '0' && t[start - 1] <= '9'));
        if (digits == 0 || inside)
            continue;
        int year = 0;
        if (digits == 4 && value >= 1900 && value <= 2100)
            year = value;
        else if (digits == 2 && lit_at(d->text, hi, at + 3, "度"))
            year = value < 50 ? 2000 + value : 1900 + value; /* 08年度 */
        if (year == 0 || !year_is_tie(d->text, lo, hi, start, at + 3))
            continue;
        size_t clause_lo = back_to(d->text, lo, start, ES_BREAK_CLAUSE);
        size_t lead = spaces_back(d->text, lo, start); /* 到 2027 年 */
        es_situate_year *y = &out[n++];
        *y = (es_situate_year){start, at + 3, year, 0, opens_clause(d->text, clause_lo, lead), false};
        y->to = lit_before(d->text, lo, lead, "到") || lit_before(d->text, lo, lead, "至");
    }
    /* 上年, 去年, 明年 from the cue table */
    for (size_t m = 0; m < d->n_matches && n < max; m++) {
        const es_situate_match *c = &d->matches[m];
        int shift = c->cls == CUE_YEAR_MINUS_1 ? -1 : c->cls == CUE_YEAR_MINUS_2 ? -2
                                                   : c->cls == CUE_YEAR_PLUS_1 ? 1 : 0;
        if (shift == 0 || c->start < lo || c->end > hi)
            continue;
        /* 比上年 compares; 去年以来 opens a period; 上年同期 is a base */
        if (any_before(d->text, lo, c->start, compare_words, COUNT_OF(compare_words)) ||
            lit_at(d->text, hi, c->end, "同期"))
            continue;
        if (opens_period(d->text, hi, c->end))
            continue;
        size_t clause_lo = back_to(d->text, lo, c->start, ES_BREAK_CLAUSE);
        out[n++] = (es_situate_year){c->start, c->end, d->doc_year ? d->doc_year + shift : 0, shift,
                                  opens_clause(d->text, clause_lo, c->start), false};
    }
    /* in text order */
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0 && out[b - 1].start > out[b].start; b--) {
            es_situate_year tmp = out[b];
            out[b] = out[b - 1];
            out[b - 1] = tmp;
        }
    return n;
}

/* ---- headings, plan sections and the paragraph's district -------------- */

/* Enumerator level of a heading: （一） 2; 1、 1. 3; 一、 or none 1. */
static int heading_level(const char *text, size_t a, size_t b)
{
    uint32_t cp;
    es_utf8_decode((const unsigned char *)text + a, b - a, &cp);
    if (cp == 0xFF08 || cp == '(')
        return 2;
    if (es_arabic_digit(cp) >= 0)
        return 3;
    return 1;
}

/* What a title or heading says of its text: a plan (计划, 打算...), a plan
 * by genre (工作要点), a summary (总结...). */
typedef struct heading_words {
    bool plan, plan_genre, summary;
} heading_words;

static heading_words read_heading(const es_situator *s, const char *text, size_t lo, size_t hi)
{
    es_situate_match m[16];
    size_t n = find_cues(s, text, lo, hi, m, 16);
    heading_words h = {false, false, false};
    for (size_t i = 0; i < n; i++) {
        h.plan |= m[i].cls == CUE_PLAN;
        h.plan_genre |= m[i].cls == CUE_PLAN_TITLE;
        h.summary |= m[i].cls == CUE_SUMMARY;
    }
    return h;
}

/* Read the heading lines in [d->headings_to, upto): a heading with a plan
 * cue opens a plan section; one of the same or a higher level closes it. */
static void advance_headings(es_situate_doc *d, size_t upto)
{
    size_t a = d->headings_to;
    while (a < upto) {
        const char *nl = memchr(d->text + a, '\n', upto - a);
        size_t b = nl ? (size_t)(nl - d->text) : upto;
        size_t ta = skip_blank(d->text, b, a), tb = b;
        while (tb > ta && (d->text[tb - 1] == '\r' || d->text[tb - 1] == ' '))
            tb--;
        if (tb > ta && tb - ta <= HEADING_MAX_BYTES && find_lit(d->text, ta, tb, "。") == SIZE_MAX) {
            heading_words h = read_heading(d->s, d->text, ta, tb);
            int level = heading_level(d->text, ta, tb);
            if (h.plan && !h.summary) {
                if (!d->plan_section || level <= d->plan_level) {
                    d->plan_section = true;
                    d->plan_level = level;
                }
            } else if (d->plan_section && level <= d->plan_level) {
                d->plan_section = false;
            }
        }
        a = b < upto ? b + 1 : b;
    }
    if (upto > d->headings_to)
        d->headings_to = upto;
}

/* A district of the gazetteer that opens the paragraph at lo (after a list
 * marker) and is followed by ：，。 or 的: 思明区：全年教育投入… Only
 * another district than the document's, of the same city. */
static const es_division *paragraph_district(const es_situate_doc *d, size_t lo, size_t hi)
{
    if (d->g == NULL)
        return NULL;
    const unsigned char *t = (const unsigned char *)d->text;
    size_t p = skip_blank(d->text, hi, lo);
    /* a list marker: 一、 （一） 1. 一是 */
    size_t q = p;
    for (int n = 0; q < hi && n < 6; n++) {
        uint32_t cp;
        size_t k = es_utf8_decode(t + q, hi - q, &cp);
        if (cp == 0x3001 || cp == 0xFF09 || cp == ')' || cp == '.' || cp == 0xFF0E) {
            p = q + k;
            break;
        }
        q += k;
    }
    if (lit_at(d->text, hi, p, "一是") || lit_at(d->text, hi, p, "二是") || lit_at(d->text, hi, p, "三是"))
        p += 6;
    p = skip_blank(d->text, hi, p);
    size_t e = p;
    for (int n = 0; e < hi && n < ES_MAX_DIVISION_CHARS; n++) {
        uint32_t cp;
        e += es_utf8_decode(t + e, hi - e, &cp);
        size_t start;
        const es_division *div = es_gazetteer_name_ending_at(d->g, d->text, e, &start);
        if (div == NULL || start != p || div->level != ES_DIVISION_COUNTY)
            continue;
        uint32_t next = 0;
        if (e < hi)
            es_utf8_decode(t + e, hi - e, &next);
        if (next != 0xFF1A && next != ':' && next != 0xFF0C && next != ',' && next != 0x3002 &&
            next != 0x7684 /* 的 */)
            continue;
        if (d->doc_district != NULL && strcmp(d->doc_district, div->name) == 0)
            return NULL;
        /* a district of another city is not part of this document's comparison */
        if (d->doc_city != NULL && div->city[0] && strcmp(div->city, d->doc_city) != 0)
            continue;
        return div;
    }
    return NULL;
}

void es_situate_doc_init(es_situate_doc *d, const es_situator *s, const es_gazetteer *g,
                         const char *text, size_t body_start, size_t body_end,
                         const char *title, int doc_year, const char *doc_district,
                         const char *doc_city)
{
    memset(d, 0, sizeof *d);
    d->s = s;
    d->g = g;
    d->text = text;
    d->body_start = body_start;
    d->body_end = body_end;
    d->headings_to = body_start;
    d->doc_year = doc_year;
    d->doc_district = doc_district;
    d->doc_city = doc_city;
    d->city_document = doc_district == NULL && doc_city != NULL;
    if (title != NULL && s != NULL) {
        heading_words h = read_heading(s, title, 0, strlen(title));
        d->plan_document = h.plan_genre || (h.plan && !h.summary);
    }
}

/* ---- the figure -------------------------------------------------------- */

static bool opens_with_subtotal(const es_situate_doc *d, size_t sentence, size_t hi)
{
    return lit_at(d->text, hi, skip_blank(d->text, hi, sentence), "其中");
}

/* Where the sentence at lo really starts: a sentence that opens with 其中
 * continues the one before it, and so does a short list item after such a
 * sentence (其中，…139人，…137人。研究生253人，…). */
static size_t continued_sentence(const es_situate_doc *d, size_t para_lo, size_t lo, size_t fs)
{
    for (int step = 0; step < 2 && lo > para_lo; step++) {
        bool subtotal = opens_with_subtotal(d, lo, fs);
        bool list_item = false;
        if (!subtotal && step == 0) {
            /* a short first clause with a figure in it */
            size_t first = forward_to(d->text, lo, d->body_end, ES_BREAK_COMMA);
            for (size_t k = lo; k < first && !list_item; k++)
                list_item = d->text[k] >= '0' && d->text[k] <= '9';
            list_item = list_item && es_utf8_count_chars(d->text, lo, first) <= 2 * LIST_ITEM_CHARS;
        }
        if (!subtotal && !list_item)
            break;
        size_t prev_end;
        es_utf8_decode_before((const unsigned char *)d->text, lo, &prev_end);
        size_t prev_lo = back_to(d->text, para_lo, prev_end, ES_BREAK_SENTENCE);
        if (!subtotal && !opens_with_subtotal(d, prev_lo, prev_end))
            break;
        lo = prev_lo;
    }
    return lo;
}

/* 由96.2%提高到97.4%: is the figure at [start, end) the starting level?
 * Returns where its 由/从 stands, or (size_t)-1. */
static size_t from_figure(const es_situate_doc *d, size_t clause_lo, size_t start, size_t end,
                          size_t hi)
{
    size_t from = (size_t)-1;
    static const char *const marks[] = {"由", "从"};
    for (size_t i = 0; i < 2; i++)
        for (size_t p = find_lit(d->text, clause_lo, start, marks[i]); p != SIZE_MAX;
             p = find_lit(d->text, p + 3, start, marks[i]))
            if (from == (size_t)-1 || p > from)
                from = p;
    if (from == (size_t)-1)
        return from;
    static const char *const verbs[] = {"提高", "提升", "增", "上升", "下降", "降", "减少",
                                        "扩大", "跃升", "攀升", "到", "至"};
    size_t p = end;
    if (lit_at(d->text, hi, p, "的水平"))
        p += 9;
    else if (lit_at(d->text, hi, p, "水平"))
        p += 6;
    bool verb = any_at(d->text, hi, p, verbs, COUNT_OF(verbs));
    size_t until = p + FROM_TO_WINDOW + 2 < hi ? p + FROM_TO_WINDOW + 2 : hi;
    if (verb && (find_lit(d->text, p, until, "到") != SIZE_MAX || find_lit(d->text, p, until, "至") != SIZE_MAX))
        return from;
    return (size_t)-1;
}

/* 比上年增加412人: a change of the figure before it, with no subject of its own. */
static bool is_change_clause(const char *text, size_t clause_lo, size_t start)
{
    static const char *const lead[] = {"比", "较", "同比", "增长", "下降", "增加", "减少", "提高",
                                       "降低", "上升", "净增", "增幅"};
    return any_at(text, start, skip_blank(text, start, clause_lo), lead, COUNT_OF(lead));
}

/* Is cp a Han character that may start or carry a name (not 全, 各, 的...)? */
static bool name_char(const es_situate_doc *d, uint32_t cp)
{
    if (!is_han(cp))
        return false;
    char ch[8];
    size_t n = es_utf8_encode(cp, ch);
    ch[n] = '\0';
    for (size_t g = 0; g < d->s->n_generic; g++)
        if (strcmp(d->s->generic[g], ch) == 0)
            return false;
    return true;
}

/* A name of a unit inside the area just before the figure (罡杨镇5所中小学),
 * or a clause that opens with one named school (江州路小学三幢教学楼; not a
 * count of schools: 初中学校21所). */
static bool named_sub_unit(const es_situate_doc *d, size_t lo, size_t start, const char *unit)
{
    const unsigned char *t = (const unsigned char *)d->text;
    size_t open = skip_blank(d->text, start, lo);
    for (size_t i = 0; i < d->n_matches; i++) {
        const es_situate_match *m = &d->matches[i];
        if (m->start <= lo || m->end > start)
            continue;
        size_t ps;
        uint32_t cp = es_utf8_decode_before(t, m->start, &ps);
        if (m->cls == CUE_SUB_UNIT && name_char(d, cp))
            return true;
        if (m->cls == CUE_SCHOOL && strcmp(unit, "所") != 0 && m->start >= open + 6 &&
            es_utf8_count_chars(d->text, m->end, start) <= SCHOOL_NAME_REACH_CHARS) {
            uint32_t first;
            es_utf8_decode(t + open, start - open, &first);
            /* a name holds no digits nor full-width forms (EF ..) */
            bool digits = false;
            for (size_t k = open; k < m->start && !digits; k++)
                digits = (t[k] >= '0' && t[k] <= '9') || t[k] >= 0xEF;
            if (name_char(d, first) && name_char(d, cp) && !digits)
                return true;
        }
    }
    return false;
}

/* A sub-total after 其中: the figure in 其中's own clause, the first figure
 * after a 其中 that stands alone (其中，985高校139人), and the short list
 * items in the same unit that follow (其中小学645人，中学104人). */
static bool subtotal_item(const es_situate_doc *d, size_t s_lo, size_t c_lo, size_t fs, const char *unit)
{
    if (has_cue(d, CUE_SUBTOTAL, c_lo, fs))
        return true;
    const es_situate_match *m = last_cue(d, CUE_SUBTOTAL, s_lo, c_lo);
    if (m == NULL || es_utf8_count_chars(d->text, c_lo, fs) > LIST_ITEM_CHARS)
        return false;
    if (!d->have_prev || d->prev_end <= m->start)
        return true; /* nothing counted since 其中 */
    return d->list_sentence == s_lo && d->list_unit != NULL && strcmp(d->list_unit, unit) == 0;
}

/* The end of the comma-clause after the one ending at clause_end (at its
 * break), or clause_end when the sentence ends there. */
static size_t next_clause_end(const char *text, size_t clause_end, size_t hi)
{
    if (clause_end >= hi)
        return clause_end;
    size_t next = clause_end + ((unsigned char)text[clause_end] < 0x80 ? 1 : 3);
    return next < hi ? forward_to(text, next, hi, ES_BREAK_COMMA) : hi;
}

/* Money named for one purpose: 普法经费, 公用经费 (经费 or 资金 after a word
 * that is not 教育, 总 or a verb such as 投入); or money not called
 * education money whose next clause says what it paid for (投入资金1.35亿元，
 * 完成36所学校校舍维修). */
static bool purpose_money(const es_situate_doc *d, size_t lo, size_t start, size_t end, size_t next_hi)
{
    static const char *const money[] = {"经费", "资金"};
    static const char *const general[] = {"教育", "总", "投入", "各级", "全年", "共", "财政"};
    for (size_t i = 0; i < 2; i++)
        for (size_t p = find_lit(d->text, lo, start, money[i]); p != SIZE_MAX;
             p = find_lit(d->text, p + 6, start, money[i])) {
            if (p > lo && !any_before(d->text, lo, p, general, COUNT_OF(general)))
                return true;
        }
    /* spent (投入, 安排…) and not given as education money, nor a total
     * whose sub-total follows (其中…) */
    static const char *const spent[] = {"投入", "安排", "拨付", "支出", "筹措"};
    bool spending = false;
    for (size_t k = 0; k < sizeof spent / sizeof spent[0] && !spending; k++)
        spending = find_lit(d->text, lo, start, spent[k]) != SIZE_MAX;
    size_t next = skip_blank(d->text, next_hi, end);
    while (next < next_hi && ((unsigned char)d->text[next] < 0x80 || lit_at(d->text, next_hi, next, "，")))
        next += (unsigned char)d->text[next] < 0x80 ? 1 : 3;
    return spending && find_lit(d->text, lo, start, "教育") == SIZE_MAX &&
           !lit_at(d->text, next_hi, next, "其中") && has_cue(d, CUE_MONEY_PART, end, next_hi);
}

/* Units a part counts: people, schools, places, money, rooms, area. */
static bool part_unit(const char *unit)
{
    static const char *const units[] = {"人", "人次", "所", "个", "元", "间", "台", "㎡", "次", "幢", "栋"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i]) == 0)
            return true;
    return false;
}

/* Characters from pos on, up to max, never past hi; returns the byte end. */
static size_t chars_after(const char *text, size_t pos, size_t hi, int max)
{
    const unsigned char *t = (const unsigned char *)text;
    for (int n = 0; n < max && pos < hi; n++) {
        uint32_t cp;
        pos += es_utf8_decode(t + pos, hi - pos, &cp);
    }
    return pos;
}


/* “四五”普法期间，…: where a plan period opens a sentence of the paragraph
 * text[lo, hi), which speaks for the rest of the paragraph; SIZE_MAX if
 * none does. */
static size_t period_opening(const es_situate_doc *d, size_t lo, size_t hi)
{
    static const char period[] = "期间";
    const char *t = d->text;
    /* most paragraphs have no 期间: find it first, read cues only near it */
    for (const char *p = memchr(t + lo, period[0], hi - lo); p != NULL;
         p = memchr(p + 1, period[0], (size_t)(t + hi - (p + 1)))) {
        size_t at = (size_t)(p - t);
        if (!lit_at(t, hi, at, period))
            continue;
        size_t sentence = back_to(t, lo, at, ES_BREAK_SENTENCE);
        if (back_to(t, lo, at, ES_BREAK_COMMA) != sentence || es_utf8_count_chars(t, sentence, at) > 10)
            continue;
        /* a plan for the period (“十四五”期间，全区计划…) is no total */
        size_t sentence_end = forward_to(t, at, hi, ES_BREAK_SENTENCE);
        es_situate_match m[16];
        size_t n = find_cues(d->s, t, sentence, sentence_end, m, 16);
        size_t opening = SIZE_MAX;
        bool plan = false;
        for (size_t i = 0; i < n; i++) {
            if (m[i].cls == CUE_CUMULATIVE && m[i].end == at + sizeof period - 1)
                opening = m[i].start;
            plan |= m[i].cls == CUE_TARGET;
        }
        if (opening != SIZE_MAX && !plan)
            return opening;
        if (p + 1 >= t + hi)
            break;
    }
    return SIZE_MAX;
}

/* 去年7月以来, 2019年以来: a period that began before the document's year. */
static bool period_since_before(const es_situate_doc *d, size_t lo, size_t start)
{
    for (size_t p = find_lit(d->text, lo, start, "以来"); p != SIZE_MAX;
         p = find_lit(d->text, p + 6, start, "以来")) {
        size_t c = back_to(d->text, lo, p, ES_BREAK_CLAUSE);
        for (size_t k = c; k + 6 <= p; k++) {
            if (lit_at(d->text, p, k, "去年") || lit_at(d->text, p, k, "上年") || lit_at(d->text, p, k, "前年"))
                return true;
            if (d->doc_year && k + 7 <= p && d->text[k] >= '1' && d->text[k] <= '2' &&
                lit_at(d->text, p, k + 4, "年")) {
                int y = 0;
                for (int j = 0; j < 4; j++)
                    y = y * 10 + (d->text[k + j] - '0');
                if (y > 1900 && y < d->doc_year)
                    return true;
            }
        }
    }
    return false;
}

/* The first year written in a header or row label (2023年在校生), or 0. */
static int year_in_label(const char *s)
{
    size_t n = strlen(s);
    for (size_t p = 0; p + 7 <= n; p++) {
        if (p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9')
            continue;
        int y = 0, k = 0;
        while (k < 4 && s[p + k] >= '0' && s[p + k] <= '9')
            y = y * 10 + (s[p + k++] - '0');
        if (k == 4 && lit_at(s, n, p + 4, "年") && y >= 1900 && y <= 2100)
            return y;
    }
    return 0;
}

/* A table cell: its row label and column header speak for it. */
static void situate_cell(es_situate_doc *d, const es_table_cell *cell, es_situation *out)
{
    const char *labels[2] = {cell->header ? cell->header : "", cell->row_label ? cell->row_label : ""};
    for (int i = 0; i < 2 && out->year_from == ES_YEAR_DOCUMENT; i++) {
        int y = year_in_label(labels[i]);
        if (y) {
            out->year = y;
            out->year_from = ES_YEAR_CLAUSE;
        }
    }
    const char *row = labels[1];
    size_t rn = strlen(row);
    if (rn == 0)
        return;
    if (d->g != NULL) {
        size_t start;
        const es_division *div = es_gazetteer_name_ending_at(d->g, row, rn, &start);
        if (div != NULL && start == 0 && div->level == ES_DIVISION_COUNTY) {
            if (d->doc_district == NULL || strcmp(d->doc_district, div->name) != 0)
                out->district = div;
            return;
        }
    }
    if (strstr(row, "合计") || strstr(row, "总计") || strstr(row, "小计") || strstr(row, "全区") ||
        strstr(row, "全县")) {
        if (d->sub_unit_rows && !strstr(row, "全区") && !strstr(row, "全县"))
            out->scope = ES_SCOPE_PART;
        return;
    }
    es_situate_match m[16];
    size_t n = find_cues(d->s, row, 0, rn, m, 16);
    /* a row of one school (…小学) or of a named town or street (…街道) */
    bool sub = false;
    for (size_t i = 0; i < n && !sub; i++)
        sub = (m[i].cls == CUE_SCHOOL && m[i].end == rn) || (m[i].cls == CUE_SUB_UNIT && m[i].start > 0);
    if (sub) {
        d->sub_unit_rows = true;
        out->scope = ES_SCOPE_PART;
    }
}

/* Where a figure stands in its text. */
typedef struct figure_span {
    size_t fs, fe;       /* the figure */
    size_t c_lo, c_hi;   /* its clause (to a comma or 、) */
    size_t s_lo;         /* where its ；-part of the sentence starts */
    size_t xs_lo, xs_hi; /* its sentence, carried back over 其中 */
} figure_span;

/* The figure's year: a written or relative year before it in its clause
 * (from its 由/从 on, for the start of 由A提高到B, else none), or a year that
 * opened an earlier clause of its sentence; else the document's. */
static void figure_year(const es_situate_doc *d, const figure_span *f, es_situation *out)
{
    const es_situate_year *years = d->years;
    size_t n_years = d->n_years;
    size_t from = from_figure(d, f->c_lo, f->fs, f->fe, f->c_hi);
    const es_situate_year *tie = NULL;
    bool stopped = false;
    if (from != (size_t)-1) {
        for (size_t i = 0; i < n_years; i++)
            if (years[i].start >= from && years[i].end <= f->fs)
                tie = &years[i];
        out->year = tie ? tie->year : 0;
        out->year_from = tie && tie->shift ? ES_YEAR_RELATIVE : ES_YEAR_CLAUSE;
    } else {
        for (size_t i = 0; i < n_years; i++)
            if (years[i].start >= f->c_lo && years[i].end <= f->fs)
                tie = &years[i];
        /* 由上年的12.1万人增至14.3万人: 上年 dates the start, not the level
         * reached after 至/到 */
        if (tie != NULL && !tie->to &&
            (find_lit(d->text, f->c_lo, tie->start, "由") != SIZE_MAX ||
             find_lit(d->text, f->c_lo, tie->start, "从") != SIZE_MAX) &&
            (find_lit(d->text, tie->end, f->fs, "至") != SIZE_MAX ||
             find_lit(d->text, tie->end, f->fs, "到") != SIZE_MAX))
            return;
        if (tie == NULL) {
            /* A year that opened an earlier clause of the sentence holds until
             * another time is named (几年来, 近两年 end it). */
            const es_situate_match *cum = last_cue(d, CUE_CUMULATIVE, f->xs_lo, f->c_lo);
            for (size_t i = n_years; i-- > 0;) {
                if (years[i].end > f->c_lo)
                    continue;
                if (cum != NULL && cum->start > years[i].start) {
                    stopped = true;
                    break;
                }
                if (years[i].topic) {
                    tie = &years[i];
                    break;
                }
            }
        }
        if (tie != NULL && !stopped) {
            out->year = tie->year;
            out->year_from = tie->shift ? ES_YEAR_RELATIVE : ES_YEAR_CLAUSE;
        }
    }
}

/* The figure's basis: a target by its section or document, or by a plan
 * cue before it in its sentence; a total over years by a cumulative cue. */
static void figure_basis(const es_situate_doc *d, const figure_span *f, es_situation *out)
{
    const es_situate_year *years = d->years;
    size_t n_years = d->n_years;
    if (out->basis != ES_BASIS_TARGET) {
        if (has_cue(d, CUE_TARGET, f->s_lo, f->fs))
            out->basis = ES_BASIS_TARGET;
        for (size_t i = 0; i < n_years; i++)
            if (years[i].start >= f->s_lo && years[i].end <= f->fs &&
                ((years[i].to && d->doc_year && years[i].year > d->doc_year) || years[i].shift > 0))
                out->basis = ES_BASIS_TARGET;
    }
    if (out->basis == ES_BASIS_ACTUAL) {
        for (size_t i = 0; i < d->n_matches; i++) {
            const es_situate_match *m = &d->matches[i];
            if (m->cls != CUE_CUMULATIVE || m->start < f->s_lo || m->end > f->fs)
                continue;
            /* 累计 within a term or a month is still that year's */
            if (strcmp(m->word, "累计") == 0 && has_cue(d, CUE_WITHIN_YEAR, f->xs_lo, f->xs_hi))
                continue;
            /* a plan period (“十三五”期间) holds for its own clause only */
            if (strstr(m->word, "期间") != NULL && m->start < f->c_lo)
                continue;
            out->basis = ES_BASIS_CUMULATIVE;
        }
        if (d->period_at < f->c_lo)
            out->basis = ES_BASIS_CUMULATIVE;
        if (period_since_before(d, f->s_lo, f->fs))
            out->basis = ES_BASIS_CUMULATIVE;
    }
}

/* The figure's scope: own, wider or part (the first rule that holds). */
static void figure_scope(es_situate_doc *d, const figure_span *f, const char *unit, const char *indicator,
                         es_situation *out)
{
    const char *text = d->text;
    bool percent = strcmp(unit, "%") == 0;
    const es_situate_match *wider = last_cue(d, CUE_WIDER, f->c_lo, f->fs);
    if (wider == NULL) {
        /* a wider area that opens the sentence speaks for its clauses until
         * the document's own area is named */
        const es_situate_match *w = last_cue(d, CUE_WIDER, f->s_lo, f->c_lo);
        if (w != NULL && skip_blank(text, w->start, f->s_lo) == w->start &&
            !has_cue(d, CUE_OWN_AREA, w->end, f->fs))
            wider = w;
    }
    /* an amount per student (小学每生每年800元) is a standard of the area,
     * whatever school level it names: never a part of anything */
    bool per_student = indicator != NULL && strcmp(indicator, "funding.per_student") == 0;
    if ((percent && has_cue(d, CUE_SHARE, f->c_lo, f->fs)) || (per_student && wider == NULL)) {
        out->scope = ES_SCOPE_OWN; /* a share of the whole */
    } else if (d->have_prev && d->prev_sentence == f->s_lo && d->prev_end <= f->fs &&
               is_change_clause(text, f->c_lo, f->fs)) {
        out->scope = d->prev_scope;
    } else if (wider != NULL && (d->doc_district != NULL || d->doc_city != NULL) &&
               !has_cue(d, CUE_EVENT, wider->end, f->fs) &&
               !(d->city_document && strcmp(wider->word, "全市") == 0)) {
        out->scope = ES_SCOPE_WIDER;
    } else if (subtotal_item(d, f->s_lo, f->c_lo, f->fs, unit)) {
        out->scope = ES_SCOPE_PART;
        d->list_sentence = f->s_lo;
        d->list_unit = unit;
    } else if (part_unit(unit) && (has_cue(d, CUE_PART, f->c_lo, f->fs) ||
                                   has_cue(d, CUE_PART, f->fe, chars_after(text, f->fe, f->c_hi, PART_HEAD_CHARS)))) {
        out->scope = ES_SCOPE_PART;
    } else if ((strcmp(unit, "人") == 0 || strcmp(unit, "所") == 0 || strcmp(unit, "人次") == 0) &&
               has_cue(d, CUE_HONOUR, f->fe, chars_after(text, f->fe, forward_to(text, f->fe, f->xs_hi, ES_BREAK_COMMA),
                                                      HONOUR_AFTER_CHARS))) {
        out->scope = ES_SCOPE_PART;
    } else if (indicator != NULL && strcmp(indicator, "funding.investment") == 0 &&
               (has_cue(d, CUE_MONEY_PART, f->c_lo, f->c_hi) ||
                purpose_money(d, f->c_lo, f->fs, f->fe, next_clause_end(text, f->c_hi, f->xs_hi)))) {
        out->scope = ES_SCOPE_PART;
    } else if ((lit_before(text, f->c_lo, f->fs, "等") && (strcmp(unit, "所") == 0 || strcmp(unit, "人") == 0)) ||
               (part_unit(unit) && named_sub_unit(d, f->c_lo, f->fs, unit))) {
        out->scope = ES_SCOPE_PART;
    }
}

void es_situate(es_situate_doc *d, size_t fs, size_t fe, const char *unit, const char *indicator,
                const es_table_cell *cell, es_situation *out)
{
    memset(out, 0, sizeof *out);
    out->year = d->doc_year;
    out->year_from = ES_YEAR_DOCUMENT;
    if (d->s == NULL)
        return;
    const char *text = d->text;
    if (!d->have_para || fs < d->para_lo || fe > d->para_hi) {
        d->para_lo = back_to(text, d->body_start, fs, ES_BREAK_PARAGRAPH);
        d->para_hi = forward_to(text, fe, d->body_end, ES_BREAK_PARAGRAPH);
        d->period_at = period_opening(d, d->para_lo, d->para_hi);
        d->para_district = paragraph_district(d, d->para_lo, d->para_hi);
        d->have_para = true;
        d->have_sentence = false;
    }
    size_t para_lo = d->para_lo, para_hi = d->para_hi;
    advance_headings(d, para_lo);
    if (d->plan_document || d->plan_section)
        out->basis = ES_BASIS_TARGET;
    if (cell != NULL) {
        situate_cell(d, cell, out);
        d->have_prev = false;
        return;
    }
    /* The sentence (to 。), carried back over a sentence that opens with
     * 其中, which continues the one before it. */
    if (!d->have_sentence || fs < d->sent_lo || fe > d->sent_hi) {
        d->sent_lo = back_to(text, para_lo, fs, ES_BREAK_SENTENCE);
        d->sent_hi = forward_to(text, fe, para_hi, ES_BREAK_SENTENCE);
        d->xs_lo = continued_sentence(d, para_lo, d->sent_lo, fs);
        d->n_matches = find_cues(d->s, text, d->xs_lo, d->sent_hi, d->matches, ES_SITUATE_MAX_MATCHES);
        d->n_years = find_years(d, d->xs_lo, d->sent_hi, d->years, ES_SITUATE_MAX_YEARS);
        d->have_sentence = true;
    }
    size_t xs_lo = d->xs_lo, xs_hi = d->sent_hi;
    /* the ；-part of the sentence: the previous figure's, when no ； stands
     * between them (figures of a sentence come one after another) */
    size_t s_lo;
    if (d->have_prev && d->prev_sentence >= xs_lo && d->prev_start <= fs &&
        find_lit(text, d->prev_start, fs, "；") == SIZE_MAX &&
        memchr(text + d->prev_start, ';', fs - d->prev_start) == NULL)
        s_lo = d->prev_sentence;
    else
        s_lo = back_to(text, xs_lo, fs, ES_BREAK_SEMICOLON);
    size_t c_lo = back_to(text, s_lo, fs, ES_BREAK_CLAUSE);
    size_t c_hi = forward_to(text, fe, xs_hi, ES_BREAK_CLAUSE);
    figure_span span = {fs, fe, c_lo, c_hi, s_lo, xs_lo, xs_hi};
    figure_year(d, &span, out);
    figure_basis(d, &span, out);
    figure_scope(d, &span, unit, indicator, out);

    out->district = d->para_district;
    d->have_prev = true;
    d->prev_start = fs;
    d->prev_end = fe;
    d->prev_sentence = s_lo;
    d->prev_scope = out->scope;
}
