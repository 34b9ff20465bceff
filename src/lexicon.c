/* lexicon.c - reading and holding the indicator lexicon (see lexicon.h). */
#include "edustat/lexicon.h"
#include "side_file_internal.h"
#include "error_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Generated at build time from data/indicators.tsv by tools/embed.c. */
extern const unsigned char es_builtin_indicators[];
extern const size_t es_builtin_indicators_len;

#define ES_MAX_LEXICON_FILE ((size_t)16 << 20)

struct es_lexicon {
    es_indicator *items;
    size_t n, cap;
};

const char *es_indicator_kind_name(es_indicator_kind kind)
{
    switch (kind) {
    case ES_KIND_AMOUNT: return "amount";
    case ES_KIND_COUNT: return "count";
    case ES_KIND_RATE: return "rate";
    case ES_KIND_RATIO: return "ratio";
    case ES_KIND_AREA: return "area";
    case ES_KIND_OTHER: return "other";
    }
    return "other";
}

static int kind_from_name(const char *s, es_indicator_kind *k)
{
    static const es_indicator_kind all[] = {ES_KIND_AMOUNT, ES_KIND_COUNT, ES_KIND_RATE,
                                            ES_KIND_RATIO, ES_KIND_AREA, ES_KIND_OTHER};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(s, es_indicator_kind_name(all[i])) == 0) {
            *k = all[i];
            return 1;
        }
    return 0;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void indicator_clear(es_indicator *ind)
{
    free(ind->id);
    free(ind->label);
    free_list(ind->units, ind->n_units);
    free_list(ind->default_units, ind->n_default_units);
    for (size_t i = 0; i < ind->n_cues; i++)
        free(ind->cues[i].word);
    free(ind->cues);
    memset(ind, 0, sizeof *ind);
}

void es_lexicon_free(es_lexicon *lx)
{
    if (lx == NULL)
        return;
    for (size_t i = 0; i < lx->n; i++)
        indicator_clear(&lx->items[i]);
    free(lx->items);
    free(lx);
}

size_t es_lexicon_count(const es_lexicon *lx) { return lx->n; }
const es_indicator *es_lexicon_at(const es_lexicon *lx, size_t i) { return i < lx->n ? &lx->items[i] : NULL; }

const es_indicator *es_lexicon_find(const es_lexicon *lx, const char *id)
{
    long i = es_lexicon_order(lx, id);
    return i < 0 ? NULL : &lx->items[i];
}

long es_lexicon_order(const es_lexicon *lx, const char *id)
{
    for (size_t i = 0; i < lx->n; i++)
        if (strcmp(lx->items[i].id, id) == 0)
            return (long)i;
    return -1;
}

long es_lexicon_index_of(const es_lexicon *lx, const es_indicator *ind)
{
    /* compared as addresses: ind may point anywhere */
    uintptr_t p = (uintptr_t)ind, lo = (uintptr_t)lx->items, hi = (uintptr_t)(lx->items + lx->n);
    if (ind == NULL || p < lo || p >= hi || (p - lo) % sizeof *ind != 0)
        return -1;
    return (long)((p - lo) / sizeof *ind);
}

bool es_indicator_accepts(const es_indicator *ind, const char *unit)
{
    for (size_t i = 0; i < ind->n_units; i++)
        if (strcmp(ind->units[i], unit) == 0)
            return true;
    return false;
}

/* Split field on '|' into a new array of strings. Empty field: no items. */
static int split_list(const char *field, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (*field == '\0')
        return 1;
    size_t count = 1;
    for (const char *p = field; *p; p++)
        count += *p == '|';
    char **v = calloc(count, sizeof *v);
    if (v == NULL)
        return 0;
    const char *p = field;
    for (size_t i = 0; i < count; i++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        v[i] = strndup(p, len);
        if (v[i] == NULL) {
            free_list(v, i);
            return 0;
        }
        p = bar ? bar + 1 : p + len;
    }
    *out = v;
    *n = count;
    return 1;
}

/* Parse one non-comment line into ind. Returns NULL or a message. */
static const char *parse_line(char *line, es_indicator *ind, int *nomem)
{
    memset(ind, 0, sizeof *ind); /* the caller clears it on any failure */
    char *fields[8] = {0};
    size_t nf = 0;
    char *p = line;
    while (nf < 8) {
        fields[nf++] = p;
        char *tab = strchr(p, '\t');
        if (tab == NULL || nf == 8)
            break; /* a tab left in the last field: too many fields */
        *tab = '\0';
        p = tab + 1;
    }
    if (nf < 6 || strchr(fields[nf - 1], '\t') != NULL)
        return "expected 6 to 8 tab-separated fields: id label kind units default_units cues [better [ceiling]]";
    if (fields[0][0] == '\0')
        return "empty indicator id";
    for (const char *c = fields[0]; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '.' || *c == '_'))
            return "indicator id may hold only a-z, 0-9, '.' and '_'";
    if (!kind_from_name(fields[2], &ind->kind))
        return "kind must be amount, count, rate, ratio, area or other";
    const char *better = nf > 6 ? fields[6] : "";
    if (strcmp(better, "lower") == 0)
        ind->lower_is_better = true;
    else if (*better != '\0' && strcmp(better, "higher") != 0)
        return "better must be higher or lower (or empty: higher)";
    if (nf > 7 && fields[7][0] != '\0') {
        char *end;
        errno = 0;
        long c = strtol(fields[7], &end, 10); /* a whole number: no locale in the way */
        if (errno || *end != '\0' || end == fields[7])
            return "a ceiling is a whole number (100 for a rate that cannot exceed 100%)";
        ind->has_ceiling = true;
        ind->ceiling = (double)c;
    }
    ind->id = strdup(fields[0]);
    ind->label = strdup(fields[1]);
    if (ind->id == NULL || ind->label == NULL || !split_list(fields[3], &ind->units, &ind->n_units) ||
        !split_list(fields[4], &ind->default_units, &ind->n_default_units)) {
        *nomem = 1;
        return "out of memory";
    }
    if (ind->n_units == 0)
        return "an indicator needs at least one unit";
    for (size_t i = 0; i < ind->n_default_units; i++)
        if (!es_indicator_accepts(ind, ind->default_units[i]))
            return "a default unit must be one of the indicator's units";
    char **cues;
    size_t n_cues;
    if (!split_list(fields[5], &cues, &n_cues)) {
        *nomem = 1;
        return "out of memory";
    }
    ind->cues = calloc(n_cues ? n_cues : 1, sizeof *ind->cues);
    if (ind->cues == NULL) {
        free_list(cues, n_cues);
        *nomem = 1;
        return "out of memory";
    }
    const char *bad = NULL;
    for (size_t i = 0; i < n_cues; i++) {
        char *c = cues[i];
        es_cue *cue = &ind->cues[ind->n_cues];
        char *colon = strrchr(c, ':');
        if (colon == NULL || colon == c) {
            bad = "a cue is word:weight";
            break;
        }
        *colon = '\0';
        char *end;
        errno = 0;
        long w = strtol(colon + 1, &end, 10);
        if (*end == '<') {
            cue->before_only = true;
            end++;
        } else if (*end == '>') {
            cue->predicate = true;
            end++;
        }
        if (errno || *end != '\0' || w < 1 || w > 100) {
            bad = "a cue's weight is a whole number from 1 to 100 (optionally followed by '<' or '>')";
            break;
        }
        if (strlen(c) > ES_MAX_CUE_BYTES) {
            bad = "a cue word is too long";
            break;
        }
        cue->word = strdup(c);
        if (cue->word == NULL) {
            *nomem = 1;
            bad = "out of memory";
            break;
        }
        cue->weight = (int)w;
        ind->n_cues++;
    }
    free_list(cues, n_cues);
    return bad;
}

/* Parse all of text into a temporary list, then merge: a bad line leaves
 * the lexicon as it was. */
es_status es_lexicon_add_text(es_lexicon *lx, const char *name, const char *text, size_t len,
                              es_error *err)
{
    es_indicator *parsed = NULL;
    size_t n = 0, cap = 0;
    es_status st = ES_OK;
    const char *p = text, *end = text + len;
    long line_no = 0;
    while (p < end && st == ES_OK) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line_no++;
        if (ll > 0 && p[ll - 1] == '\r')
            ll--;
        if (ll > 0 && p[0] != '#') {
            char *line = strndup(p, ll);
            if (line == NULL) {
                st = es_error_set(err, ES_ERR_NOMEM, name, line_no, "out of memory");
                break;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 32;
                es_indicator *q = realloc(parsed, cap * sizeof *q);
                if (q == NULL) {
                    free(line);
                    st = es_error_set(err, ES_ERR_NOMEM, name, line_no, "out of memory");
                    break;
                }
                parsed = q;
            }
            int nomem = 0;
            const char *msg = parse_line(line, &parsed[n], &nomem);
            free(line);
            if (msg != NULL) {
                indicator_clear(&parsed[n]);
                st = es_error_set(err, nomem ? ES_ERR_NOMEM : ES_ERR_FORMAT, name, line_no, "%s", msg);
                break;
            }
            n++;
        }
        p = nl ? nl + 1 : end;
    }
    if (st == ES_OK && lx->n + n > lx->cap) {
        size_t ncap = lx->n + n + 8;
        es_indicator *q = realloc(lx->items, ncap * sizeof *q);
        if (q == NULL)
            st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
        else {
            lx->items = q;
            lx->cap = ncap;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (st != ES_OK) {
            indicator_clear(&parsed[i]);
            continue;
        }
        long at = es_lexicon_order(lx, parsed[i].id);
        if (at >= 0) {
            indicator_clear(&lx->items[at]);
            lx->items[at] = parsed[i];
        } else {
            lx->items[lx->n++] = parsed[i];
        }
    }
    free(parsed);
    return st;
}

es_status es_lexicon_new_builtin(es_lexicon **out, es_error *err)
{
    *out = NULL;
    es_lexicon *lx = calloc(1, sizeof *lx);
    if (lx == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    es_status st = es_lexicon_add_text(lx, "data/indicators.tsv", (const char *)es_builtin_indicators,
                                       es_builtin_indicators_len, err);
    if (st != ES_OK) {
        es_lexicon_free(lx);
        return st;
    }
    *out = lx;
    return ES_OK;
}

es_status es_lexicon_add_file(es_lexicon *lx, const char *path, es_error *err)
{
    /* decoded as documents are (a BOM, GB18030 from Excel, UTF-16) */
    char *text = NULL;
    size_t len = 0;
    es_status st = es_side_file_read(path, ES_MAX_LEXICON_FILE, &text, &len, err);
    if (st == ES_OK)
        st = es_lexicon_add_text(lx, path, text, len, err);
    free(text);
    return st;
}
