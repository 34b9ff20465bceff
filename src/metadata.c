/* metadata.c - district, city and year of a document (see metadata.h). */
#include "edustat/metadata.h"
#include "edustat/numeral.h"
#include "utf8_internal.h"

#include <stdio.h>
#include <string.h>

#define YEAR_WORD "年"
#define MAX_CANDIDATES 64

static int is_placeholder_char(uint32_t cp)
{
    cp = es_ascii_twin(cp);
    return cp == '_' || cp == 'x' || cp == 'X' || cp == '*' || cp == '#' || cp == '?';
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    size_t k;
    while (i < len && (k = es_space_at((const unsigned char *)s, len, i)) > 0)
        i += k;
    return i;
}

/* After a first year at i: -2022学年 or -2022学年度 (also with — ~ 至),
 * returns the end; 0 if the text is not a school year. */
static size_t school_year_end(const char *s, size_t len, size_t i)
{
    static const char *const seps[] = {"-", "—", "~", "～", "至", "－", "–"};
    size_t sep = 0;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0] && sep == 0; k++)
        if (i + strlen(seps[k]) <= len && memcmp(s + i, seps[k], strlen(seps[k])) == 0)
            sep = strlen(seps[k]);
    if (sep == 0)
        return 0;
    size_t p = i + sep, digits = 0;
    while (p < len && s[p] >= '0' && s[p] <= '9' && digits < 5) {
        p++;
        digits++;
    }
    if (digits != 4 && digits != 2)
        return 0;
    p = skip_spaces(s, len, p);
    if (p + 6 > len || memcmp(s + p, "学年", 6) != 0)
        return 0;
    p += 6;
    if (p + 3 <= len && memcmp(s + p, "度", 3) == 0)
        p += 3;
    return p;
}

/* A year expression starting at s[i]: returns its value (0 none, -1
 * placeholder) and sets *end. */
static int year_at(const char *s, size_t len, size_t i, size_t *end)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp;
    es_utf8_decode(u + i, len - i, &cp);
    if (es_arabic_digit(cp) >= 0 || es_is_chinese_numeral_char(cp)) {
        es_numeral n;
        es_numeral_parse(s + i, len - i, &n);
        size_t e = i + n.len;
        int placeholder = 0;
        /* 20__年, 20XX年: digits then blanks */
        while (e < len) {
            uint32_t c2;
            size_t k = es_utf8_decode(u + e, len - e, &c2);
            if (!is_placeholder_char(c2))
                break;
            placeholder = 1;
            e += k;
        }
        size_t digits_end = e;
        e = skip_spaces(s, len, e); /* 2023 年: text from PDF */
        /* 2021-2022学年度: a school year gives its first year */
        size_t school_end = school_year_end(s, len, e);
        if (school_end == 0 && (e + 3 > len || memcmp(s + e, YEAR_WORD, 3) != 0))
            return 0;
        if (school_end != 0 && (placeholder || e != digits_end || n.kind != ES_NUMERAL_ARABIC))
            return 0;
        *end = school_end ? school_end : e + 3;
        if (placeholder)
            return n.int_digits <= 3 ? -1 : 0;
        if (!n.valid || n.frac_digits)
            return 0;
        double v = es_numeral_value(&n, 0);
        int digits_form = n.kind == ES_NUMERAL_ARABIC || n.kind == ES_NUMERAL_CHINESE_DIGITS;
        if (digits_form && n.int_digits == 4 && v >= 1900 && v <= 2099)
            return (int)v;
        return 0;
    }
    if (is_placeholder_char(cp)) {
        size_t e = i;
        int count = 0;
        while (e < len) {
            uint32_t c2;
            size_t k = es_utf8_decode(u + e, len - e, &c2);
            if (!is_placeholder_char(c2))
                break;
            count++;
            e += k;
        }
        if (count >= 1 && e + 3 <= len && memcmp(s + e, YEAR_WORD, 3) == 0) {
            *end = e + 3;
            return -1;
        }
    }
    return 0;
}

int es_find_year(const char *s, size_t len, size_t *end)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp, prev = 0;
        size_t st;
        if (i > 0)
            prev = es_utf8_decode_before(u, i, &st);
        size_t k = es_utf8_decode(u + i, len - i, &cp);
        int starts = !(es_arabic_digit(prev) >= 0 || es_is_chinese_numeral_char(prev) ||
                       is_placeholder_char(prev));
        if (starts) {
            size_t e;
            int y = year_at(s, len, i, &e);
            if (y != 0) {
                *end = e;
                return y;
            }
        }
        i += k;
    }
    return 0;
}

/* If s[0..len) is a date and nothing else (2023年12月28日, 二〇二三年十二月,
 * 2023-12-28), its year; else 0. */
static int date_line_year(const char *s, size_t len)
{
    size_t e;
    int y = year_at(s, len, 0, &e);
    if (y > 0) {
        e = skip_spaces(s, len, e);
        es_numeral m;
        es_numeral_parse(s + e, len - e, &m);
        if (m.kind != ES_NUMERAL_NONE && m.valid) {
            e = skip_spaces(s, len, e + m.len);
            if (e + 3 > len || memcmp(s + e, "月", 3) != 0)
                return 0;
            e = skip_spaces(s, len, e + 3);
            es_numeral dd;
            es_numeral_parse(s + e, len - e, &dd);
            if (dd.kind != ES_NUMERAL_NONE && dd.valid) {
                e = skip_spaces(s, len, e + dd.len);
                if (e + 3 <= len && (memcmp(s + e, "日", 3) == 0 || memcmp(s + e, "号", 3) == 0))
                    e += 3;
            }
        } else if (e + 6 <= len && memcmp(s + e, "元月", 6) == 0) {
            e += 6;
        } else {
            return 0;
        }
        return skip_spaces(s, len, e) == len ? y : 0;
    }
    /* 2023-12-28, 2023.12.28, 2023/12/28 */
    size_t i = 0;
    int v = 0;
    while (i < len && i < 4 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i != 4 || v < 1900 || v > 2099 || i >= len || (s[i] != '-' && s[i] != '.' && s[i] != '/'))
        return 0;
    char sep = s[i++];
    size_t d1 = i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i - d1 < 1 || i - d1 > 2 || i >= len || s[i] != sep)
        return 0;
    size_t d2 = ++i;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i - d2 < 1 || i - d2 > 2)
        return 0;
    return skip_spaces(s, len, i) == len ? v : 0;
}

/* The year of the last line in s[0..len) that is a date on its own: the
 * closing date of a report, under its signature. A date inside a sentence
 * does not count. 0 if none. */
static int last_dated_year(const char *s, size_t len)
{
    int found = 0;
    size_t a = 0;
    while (a < len) {
        const char *nl = memchr(s + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - s) : len;
        size_t la = skip_spaces(s, b, a), lb = b;
        while (lb > la && (s[lb - 1] == '\r' || s[lb - 1] == ' ' || s[lb - 1] == '\t'))
            lb--;
        int y = lb > la ? date_line_year(s + la, lb - la) : 0;
        if (y > 0)
            found = y;
        a = b + 1;
    }
    return found;
}

/* A year written without 年 in a title (2019县教育局年终工作总结): a
 * number of four digits from 1990 to 2099 standing alone, not a count or
 * an amount (2000万元, 2019所). 0 if none. */
static int bare_title_year(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i + 4 <= len; i++) {
        if (!(u[i] >= '0' && u[i] <= '9') || (i > 0 && ((u[i - 1] >= '0' && u[i - 1] <= '9') ||
                                                        u[i - 1] == '.' || es_is_ascii_letter(u[i - 1]))))
            continue;
        size_t e = i;
        int v = 0;
        while (e < len && u[e] >= '0' && u[e] <= '9' && e - i < 5)
            v = v * 10 + (u[e++] - '0');
        if (e - i != 4 || v < 1990 || v > 2099)
            continue;
        if (e < len && (u[e] == '.' || u[e] == '%' || (u[e] >= '0' && u[e] <= '9') || es_is_ascii_letter(u[e])))
            continue;
        static const char *const not_after[] = {"万", "亿", "千", "余", "多", "个", "所", "人", "名", "元",
                                                "台", "间", "项", "次", "平方", "％", "月", "号"};
        size_t f = skip_spaces(s, len, e);
        int unit = 0;
        for (size_t k = 0; k < sizeof not_after / sizeof not_after[0] && !unit; k++)
            unit = f + strlen(not_after[k]) <= len && memcmp(s + f, not_after[k], strlen(not_after[k])) == 0;
        if (!unit)
            return v;
    }
    return 0;
}

static void copy_name(char *dst, const char *src)
{
    snprintf(dst, ES_MAX_PLACE_BYTES, "%s", src);
}

typedef struct place_count {
    const es_division *d;
    int score;
    size_t first;
} place_count;

static void tally(place_count *c, size_t *n, const es_division *d, int score, size_t at)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(c[i].d->name, d->name) == 0) {
            c[i].score += score;
            return;
        }
    if (*n < MAX_CANDIDATES)
        c[(*n)++] = (place_count){d, score, at};
}

static const place_count *best_of(const place_count *c, size_t n)
{
    const place_count *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (best == NULL || c[i].score > best->score ||
            (c[i].score == best->score && c[i].first < best->first))
            best = &c[i];
    return best;
}

/* Does the sentence around text[at] speak of "our" district (我区, 全区...)? */
static int in_home_sentence(const char *t, size_t lo, size_t hi, size_t at)
{
    size_t a = at, b = at;
    while (a > lo && !(a >= 3 && memcmp(t + a - 3, "。", 3) == 0) && t[a - 1] != '\n' &&
           at - a < 300)
        a--;
    while (b < hi && !(b + 3 <= hi && memcmp(t + b, "。", 3) == 0) && t[b] != '\n' && b - at < 300)
        b++;
    static const char *const home[] = {"我区", "全区", "本区", "我县", "全县", "本县"};
    for (size_t i = 0; i < sizeof home / sizeof home[0]; i++)
        for (size_t p = a; p + 6 <= b; p++)
            if (memcmp(t + p, home[i], 6) == 0)
                return 1;
    return 0;
}

/* Is the three-byte character at t one that place names end with:
 * 区 县 市 州 (E5 ..), 旗 (E6 97 97), 盟 省 (E7 ..)? */
static int ends_place(const unsigned char *t)
{
    switch (t[0]) {
    case 0xE5:
        return (t[1] == 0x8C && t[2] == 0xBA) || (t[1] == 0x8E && t[2] == 0xBF) ||
               (t[1] == 0xB8 && t[2] == 0x82) || (t[1] == 0xB7 && t[2] == 0x9E);
    case 0xE6:
        return t[1] == 0x97 && t[2] == 0x97;
    case 0xE7:
        return (t[1] == 0x9B && t[2] == 0x9F) || (t[1] == 0x9C && t[2] == 0x81);
    default:
        return 0;
    }
}

/* Is a name of two characters at t[start, end) written as a name: after
 * a province or city, or a break, and before a break or an office of the
 * area (和县教育局, 安徽省和县)? Such names are also pairs of ordinary words
 * (学校和县直单位). */
static int stands_as_name(const char *t, size_t lo, size_t hi, size_t start, size_t end)
{
    const unsigned char *u = (const unsigned char *)t;
    static const char *const offices[] = {"教育", "人民", "政府", "县委", "区委", "人大", "政协",
                                          "党委", "财政", "委员会", "境内", "全县", "全区", "城区"};
    for (size_t k = 0; k < sizeof offices / sizeof offices[0]; k++) {
        size_t n = strlen(offices[k]);
        if (end + n <= hi && memcmp(t + end, offices[k], n) == 0)
            return 1;
    }
    if (start >= lo + 3 && (memcmp(t + start - 3, "省", 3) == 0 || memcmp(t + start - 3, "市", 3) == 0 ||
                            memcmp(t + start - 3, "州", 3) == 0 || memcmp(t + start - 3, "盟", 3) == 0))
        return 1;
    /* a Han character on either side joins it to other words */
    uint32_t before = 0, after = 0;
    size_t st;
    if (start > lo)
        before = es_utf8_decode_before(u, start, &st);
    if (end < hi)
        es_utf8_decode(u + end, hi - end, &after);
    int han_before = before >= 0x4E00 && before <= 0x9FFF;
    int han_after = after >= 0x4E00 && after <= 0x9FFF;
    return !han_before && !han_after;
}

/* Count the divisions named in t[lo, hi): counties in *counties, cities and
 * municipalities in *cities. weight_home: weigh opening and 我区 sentences. */
static void count_places(const es_gazetteer *g, const char *t, size_t lo, size_t hi, int weigh,
                         place_count *counties, size_t *n_counties, place_count *cities,
                         size_t *n_cities)
{
    const unsigned char *u = (const unsigned char *)t;
    if (hi - lo > ES_PLACE_SCAN_BYTES)
        hi = lo + ES_PLACE_SCAN_BYTES;
    /* The opening paragraphs: the first two non-empty lines, at most
     * ES_OPENING_BYTES. */
    size_t opening_end = lo;
    for (int lines = 0; opening_end < hi && lines < 2;) {
        while (opening_end < hi && (t[opening_end] == '\n' || t[opening_end] == '\r'))
            opening_end++;
        while (opening_end < hi && t[opening_end] != '\n' && t[opening_end] != '\r')
            opening_end++;
        lines++;
    }
    if (opening_end - lo > ES_OPENING_BYTES)
        opening_end = lo + ES_OPENING_BYTES;
    for (size_t i = lo; i + 3 <= hi; i++) {
        if (u[i] < 0xE5 || u[i] > 0xE7) {
            if (u[i] >= 0xE0) /* another three-byte character */
                i += 2;
            continue;
        }
        if (!ends_place(u + i)) {
            i += 2;
            continue;
        }
        size_t start;
        const es_division *d = es_gazetteer_name_ending_at(g, t, i + 3, &start);
        if (d == NULL || start < lo)
            continue;
        if (weigh && i + 3 - start <= 6 && !stands_as_name(t, lo, hi, start, i + 3)) {
            i += 2; /* 学校和县直单位: not 和县 */
            continue;
        }
        if (d->level == ES_DIVISION_COUNTY) {
            int score = 1;
            if (weigh && start < opening_end)
                score += 2;
            if (weigh && in_home_sentence(t, lo, hi, start))
                score += 2;
            tally(counties, n_counties, d, score, start);
        } else if (d->level == ES_DIVISION_CITY || es_division_is_municipality(d)) {
            tally(cities, n_cities, d, 1, start);
        }
        i += 2;
    }
}

/* The year of an opening sentence: its first year that is not a base of
 * comparison (比2021年增加) nor the start of a period (2022年12月以来). 0 if
 * none, -1 if it is blanked. */
static int opening_year(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t end;
        int y = es_find_year(s + i, len - i, &end);
        if (y == 0)
            return 0;
        size_t e = i + end;
        /* where the year's digits start: just before its end, back over digits */
        size_t ys = e - 3;
        while (ys > i && (((unsigned char)s[ys - 1] >= '0' && (unsigned char)s[ys - 1] <= '9') || s[ys - 1] == ' '))
            ys--;
        int base = (ys >= 3 && (memcmp(s + ys - 3, "比", 3) == 0 || memcmp(s + ys - 3, "较", 3) == 0)) ||
                   (ys >= 6 && memcmp(s + ys - 6, "同比", 6) == 0);
        /* 2022年以来, 2022年12月以来 */
        size_t look = e + 15 < len ? e + 15 : len;
        int since = 0;
        for (size_t q = e; q + 6 <= look && !since; q++)
            since = memcmp(s + q, "以来", 6) == 0;
        if (!base && !since)
            return y;
        i = e;
    }
    return 0;
}

/* The first line of the body that is not the title itself (a file of one
 * document has its title as its first line). */
static size_t skip_title_line(const char *text, size_t a, size_t hi, const char *title, size_t tlen)
{
    for (int pass = 0; pass < 2; pass++) {
        while (a < hi && (text[a] == '\n' || text[a] == '\r'))
            a++;
        a = skip_spaces(text, hi, a);
        if (pass == 1 || tlen == 0 || a + tlen > hi || memcmp(text + a, title, tlen) != 0)
            break;
        size_t e = skip_spaces(text, hi, a + tlen);
        while (e < hi && text[e] == '\r')
            e++;
        if (e < hi && text[e] != '\n')
            break;
        a = e;
    }
    return a;
}

/* The document's district, or city, and where it was found. */
static void set_district(es_doc_meta *out, const es_division *d, const char *from)
{
    copy_name(out->district, d->name);
    snprintf(out->district_code, sizeof out->district_code, "%s", d->code);
    out->district_from = from;
}

static void set_city(es_doc_meta *out, const es_division *d, const char *from)
{
    copy_name(out->city, d->name);
    out->city_from = from;
}

void es_detect_metadata(const es_gazetteer *g, const char *title, const char *text,
                        size_t body_start, size_t body_end, es_doc_meta *out)
{
    es_detect_metadata_published(g, title, NULL, 0, text, body_start, body_end, out);
}

void es_detect_metadata_published(const es_gazetteer *g, const char *title, const char *publisher,
                                  int published_year, const char *text, size_t body_start, size_t body_end,
                                  es_doc_meta *out)
{
    memset(out, 0, sizeof *out);
    size_t tlen = strlen(title), end;

    /* Year: the title's first year; else the opening sentence's; else the
     * closing date's. A blanked year (20__年) means unknown. */
    int y = es_find_year(title, tlen, &end);
    if (y == 0)
        y = bare_title_year(title, tlen);
    if (y != 0) {
        if (y > 0) {
            out->year = y;
            out->year_from = "title";
        }
    } else {
        size_t a = skip_title_line(text, body_start, body_end, title, tlen);
        size_t b = a;
        while (b < body_end && text[b] != '\n' && text[b] != '\r' &&
               !(b + 3 <= body_end && memcmp(text + b, "。", 3) == 0))
            b++;
        y = opening_year(text + a, b - a);
        if (y > 0) {
            out->year = y;
            out->year_from = "body";
        } else if (y == 0) {
            size_t c = body_end > body_start + ES_CLOSING_BYTES ? body_end - ES_CLOSING_BYTES : body_start;
            while (c < body_end && ((unsigned char)text[c] & 0xC0) == 0x80)
                c++;
            y = last_dated_year(text + c, body_end - c);
            if (y > 0) {
                out->year = y;
                out->year_from = "body";
            }
        }
    }

    /* The year it was published or created: a last resort (a summary of
     * 2023 is often published in 2024, and its title says 2023). */
    if (out->year == 0 && y == 0 && published_year >= 1949 && published_year <= 2100) {
        out->year = published_year;
        out->year_from = "source";
    }

    /* District and city: the title's, else the body's most named. */
    place_count counties[MAX_CANDIDATES], cities[MAX_CANDIDATES];
    size_t nc = 0, ny = 0;
    count_places(g, title, 0, tlen, 0, counties, &nc, cities, &ny);
    const place_count *county = best_of(counties, nc);
    const place_count *city = best_of(cities, ny);
    if (county != NULL)
        set_district(out, county->d, "title");
    if (city != NULL)
        set_city(out, city->d, "title");
    /* Then the office that published it (厦门市思明区教育局), which a
     * government page names in its metadata or its header block. */
    if (publisher != NULL && (out->district[0] == '\0' || out->city[0] == '\0')) {
        place_count pc[MAX_CANDIDATES], py[MAX_CANDIDATES];
        size_t npc = 0, npy = 0;
        count_places(g, publisher, 0, strlen(publisher), 0, pc, &npc, py, &npy);
        const place_count *pcounty = best_of(pc, npc), *pcity = best_of(py, npy);
        if (out->district[0] == '\0' && pcounty != NULL) {
            county = pcounty;
            set_district(out, county->d, "source");
        }
        if (out->city[0] == '\0' && pcity != NULL)
            set_city(out, pcity->d, "source");
    }
    size_t nbc = 0, nby = 0;
    place_count bcounties[MAX_CANDIDATES], bcities[MAX_CANDIDATES];
    /* the body only for what the title and the publisher left open:
     * counting its places costs a scan of up to 16 KB per document */
    if (out->district[0] == '\0' || out->city[0] == '\0')
        count_places(g, text, body_start, body_end, 1, bcounties, &nbc, bcities, &nby);
    /* A city's document that speaks of several of its districts (a city's
     * bulletin comparing them) is the city's, not one district's. */
    size_t own_counties = 0;
    for (size_t i = 0; i < nbc && out->city[0] && out->district[0] == '\0'; i++)
        own_counties += strcmp(bcounties[i].d->city, out->city) == 0;
    if (out->district[0] == '\0' && own_counties < 2 && (county = best_of(bcounties, nbc)) != NULL) {
        set_district(out, county->d, "body");
    }
    if (out->city[0] == '\0') {
        /* The district's own city when the document names it, else the
         * city it names most. */
        const place_count *own = NULL;
        for (size_t i = 0; i < nby && out->district[0]; i++)
            if (county && strcmp(bcities[i].d->name, county->d->city) == 0)
                own = &bcities[i];
        city = own ? own : best_of(bcities, nby);
        if (city != NULL) {
            set_city(out, city->d, "body");
        }
    }
    /* Several counties share a name (鼓楼区): take the one in the city named. */
    if (out->district[0] && out->city[0]) {
        const es_division *d = es_gazetteer_county(g, out->district, out->city);
        if (d != NULL && strcmp(d->city, out->city) == 0)
            snprintf(out->district_code, sizeof out->district_code, "%s", d->code);
    }
}
