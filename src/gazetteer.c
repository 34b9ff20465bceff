/* gazetteer.c - the built-in table of administrative divisions and name
 * lookup by hashing (see gazetteer.h). */
#include "edustat/gazetteer.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Generated at build time from data/divisions.tsv by tools/embed.c. */
extern const unsigned char es_builtin_divisions[];
extern const size_t es_builtin_divisions_len;

/* Slots of the set of last-two-character pairs (a power of two). */
#define ES_TAIL_PAIR_SLOTS 16384

static void add_tail_pair(struct es_gazetteer *g, uint32_t a, uint32_t b);

struct es_gazetteer {
    char *text;            /* a private copy of the table, cut into strings */
    es_division *items;
    size_t *name_len;      /* bytes of each name */
    size_t n;
    /* The last two characters of every name (沧区, 门市): most places where
     * 区 or 市 ends a word (全区, 市委) are ruled out by one lookup. */
    uint64_t *tail_pairs;
    int32_t *next_same;    /* next division with the same name, or -1 */
    int32_t *slots;        /* open-addressing hash of names -> first division */
    size_t n_slots;
};

/* Words ending in 区 that are never districts, even where a real district
 * has the same name (山西 has districts called 城区). */
static const char *const false_districts[] = {
    "示范区", "样板区", "创新区", "学区", "片区", "社区", "城区", "校区", "园区", "景区",
    "开发区", "新区", "保护区", "试验区", "实验区", "功能区", "辖区", "市区", "郊区",
    "老区", "山区", "灾区", "矿区", "牧区", "街区", "小区", "城市区", "主城区", "老城区",
};

static uint64_t pair_key(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32 | b) + 1; /* never 0, the empty slot */
}

static size_t pair_slot(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 50) & (ES_TAIL_PAIR_SLOTS - 1);
}

static void add_tail_pair(es_gazetteer *g, uint32_t a, uint32_t b)
{
    uint64_t key = pair_key(a, b);
    size_t h = pair_slot(key);
    while (g->tail_pairs[h] != 0 && g->tail_pairs[h] != key)
        h = (h + 1) & (ES_TAIL_PAIR_SLOTS - 1);
    g->tail_pairs[h] = key;
}

static int has_tail_pair(const es_gazetteer *g, uint32_t a, uint32_t b)
{
    uint64_t key = pair_key(a, b);
    size_t h = pair_slot(key);
    while (g->tail_pairs[h] != 0) {
        if (g->tail_pairs[h] == key)
            return 1;
        h = (h + 1) & (ES_TAIL_PAIR_SLOTS - 1);
    }
    return 0;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

void es_gazetteer_free(es_gazetteer *g)
{
    if (g == NULL)
        return;
    free(g->text);
    free(g->items);
    free(g->name_len);
    free(g->tail_pairs);
    free(g->next_same);
    free(g->slots);
    free(g);
}

static int level_of(const char *s, es_division_level *lv)
{
    if (strcmp(s, "province") == 0)
        *lv = ES_DIVISION_PROVINCE;
    else if (strcmp(s, "city") == 0)
        *lv = ES_DIVISION_CITY;
    else if (strcmp(s, "county") == 0)
        *lv = ES_DIVISION_COUNTY;
    else
        return 0;
    return 1;
}

es_status es_gazetteer_new_builtin(es_gazetteer **out, es_error *err)
{
    *out = NULL;
    const char *name = "data/divisions.tsv";
    es_gazetteer *g = calloc(1, sizeof *g);
    if (g == NULL)
        return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    g->text = malloc(es_builtin_divisions_len + 1);
    size_t lines = 1;
    for (size_t i = 0; i < es_builtin_divisions_len; i++)
        lines += es_builtin_divisions[i] == '\n';
    g->items = calloc(lines, sizeof *g->items);
    if (g->text == NULL || g->items == NULL)
        goto nomem;
    memcpy(g->text, es_builtin_divisions, es_builtin_divisions_len);
    g->text[es_builtin_divisions_len] = '\0';
    char *p = g->text;
    long line_no = 0;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        line_no++;
        if (*p != '#' && *p != '\0') {
            char *f[5];
            int nf = 0;
            char *q = p;
            while (nf < 5) {
                f[nf++] = q;
                char *tab = strchr(q, '\t');
                if (tab == NULL)
                    break;
                *tab = '\0';
                q = tab + 1;
            }
            es_division *d = &g->items[g->n];
            if (nf != 5 || !level_of(f[2], &d->level) || strlen(f[0]) != 6) {
                es_gazetteer_free(g);
                return es_error_set(err, ES_ERR_FORMAT, name, line_no, "malformed gazetteer line");
            }
            d->code = f[0];
            d->name = f[1];
            d->city = f[3];
            d->province = f[4];
            g->n++;
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    g->name_len = malloc((g->n ? g->n : 1) * sizeof *g->name_len);
    g->tail_pairs = calloc(ES_TAIL_PAIR_SLOTS, sizeof *g->tail_pairs);
    if (g->name_len == NULL || g->tail_pairs == NULL)
        goto nomem;
    for (size_t k = 0; k < g->n; k++) {
        const char *nm = g->items[k].name;
        size_t len = strlen(nm), st1, st2;
        g->name_len[k] = len;
        if (len < 2)
            continue;
        uint32_t last = es_utf8_decode_before((const unsigned char *)nm, len, &st1);
        if (st1 == 0)
            continue;
        uint32_t before = es_utf8_decode_before((const unsigned char *)nm, st1, &st2);
        add_tail_pair(g, before, last);
    }
    g->n_slots = 1;
    while (g->n_slots < g->n * 2 + 2)
        g->n_slots <<= 1;
    g->slots = malloc(g->n_slots * sizeof *g->slots);
    g->next_same = malloc((g->n ? g->n : 1) * sizeof *g->next_same);
    if (g->slots == NULL || g->next_same == NULL)
        goto nomem;
    for (size_t i = 0; i < g->n_slots; i++)
        g->slots[i] = -1;
    /* Insert in reverse so each chain lists divisions in table order. */
    for (size_t k = g->n; k-- > 0;) {
        const char *nm = g->items[k].name;
        size_t len = strlen(nm);
        size_t h = hash_bytes(nm, len) & (g->n_slots - 1);
        g->next_same[k] = -1;
        while (g->slots[h] >= 0 && strcmp(g->items[g->slots[h]].name, nm) != 0)
            h = (h + 1) & (g->n_slots - 1);
        if (g->slots[h] >= 0)
            g->next_same[k] = g->slots[h];
        g->slots[h] = (int32_t)k;
    }
    *out = g;
    return ES_OK;
nomem:
    es_gazetteer_free(g);
    return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
}

static int32_t first_named(const es_gazetteer *g, const char *name, size_t len)
{
    size_t h = hash_bytes(name, len) & (g->n_slots - 1);
    while (g->slots[h] >= 0) {
        int32_t k = g->slots[h];
        if (g->name_len[k] == len && memcmp(g->items[k].name, name, len) == 0)
            return k;
        h = (h + 1) & (g->n_slots - 1);
    }
    return -1;
}

size_t es_gazetteer_lookup(const es_gazetteer *g, const char *name, size_t len,
                           const es_division **out, size_t max)
{
    size_t n = 0;
    for (int32_t k = first_named(g, name, len); k >= 0; k = g->next_same[k]) {
        if (n < max)
            out[n] = &g->items[k];
        n++;
    }
    return n;
}

const es_division *es_gazetteer_county(const es_gazetteer *g, const char *name, const char *city)
{
    const es_division *first = NULL;
    for (int32_t k = first_named(g, name, strlen(name)); k >= 0; k = g->next_same[k]) {
        const es_division *d = &g->items[k];
        if (d->level != ES_DIVISION_COUNTY)
            continue;
        if (city != NULL && strcmp(d->city, city) == 0)
            return d;
        if (first == NULL)
            first = d;
    }
    return first;
}

static int is_false_district(const char *text, size_t start, size_t end)
{
    for (size_t i = 0; i < sizeof false_districts / sizeof false_districts[0]; i++) {
        size_t n = strlen(false_districts[i]);
        /* the name itself, or the name as the tail of such a word (主城区) */
        if (end - start == n && memcmp(text + start, false_districts[i], n) == 0)
            return 1;
        if (end >= n && end - n < start && memcmp(text + end - n, false_districts[i], n) == 0)
            return 1;
    }
    return 0;
}

const es_division *es_gazetteer_name_ending_at(const es_gazetteer *g, const char *text,
                                               size_t end, size_t *start)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t pos = end, best_start = 0, st1, st2;
    int32_t best = -1;
    if (end == 0)
        return NULL;
    uint32_t last = es_utf8_decode_before(t, end, &st1);
    if (st1 == 0 || !has_tail_pair(g, es_utf8_decode_before(t, st1, &st2), last))
        return NULL;
    for (int chars = 1; chars <= ES_MAX_DIVISION_CHARS && pos > 0; chars++) {
        size_t st;
        uint32_t cp = es_utf8_decode_before(t, pos, &st);
        if (cp < 0x2E80) /* names are all CJK */
            break;
        pos = st;
        if (chars < 2)
            continue;
        int32_t k = first_named(g, text + pos, end - pos);
        if (k >= 0) {
            best = k;
            best_start = pos;
        }
    }
    if (best < 0)
        return NULL;
    if (is_false_district(text, best_start, end))
        return NULL;
    *start = best_start;
    return &g->items[best];
}

bool es_division_is_municipality(const es_division *d)
{
    return d->level == ES_DIVISION_PROVINCE && strcmp(d->city, "") == 0 &&
           (strcmp(d->name, "北京市") == 0 || strcmp(d->name, "天津市") == 0 ||
            strcmp(d->name, "上海市") == 0 || strcmp(d->name, "重庆市") == 0);
}
