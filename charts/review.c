/* review.c - the review page (see review.h). The page is built in memory
 * and written in one go: tables and charts as HTML and SVG made here, the
 * evidence as JSON for the page's script (charts/review.js, built in like
 * the lexicon), the style from charts/review.css. */
#include "edustat/review.h"
#include "error_internal.h"
#include "growbuf_internal.h"
#include "sections_internal.h"
#include "svg_internal.h"
#include "ticks_internal.h"

#include <cJSON.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern const unsigned char es_builtin_review_js[];
extern const size_t es_builtin_review_js_len;
extern const unsigned char es_builtin_review_css[];
extern const size_t es_builtin_review_css_len;

#define CHART_W 360.0 /* narrower than the PDF's: its 7-point labels stay legible when the SVG is scaled to the column */

typedef struct page {
    es_growbuf b;
    int failed;
} page;

static void put_n(page *p, const char *s, size_t n)
{
    if (p->failed || es_growbuf_append(&p->b, s, n) != 0)
        p->failed = 1;
}

static void put(page *p, const char *s)
{
    put_n(p, s, strlen(s));
}

/* Formatted text whose arguments are numbers or our own words, never
 * document text (that goes through esc). */
static void putf(page *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        p->failed = 1;
    else
        put_n(p, buf, (size_t)n);
}

static void esc(page *p, const char *s)
{
    if (!p->failed && es_html_escape(&p->b, s ? s : "", s ? strlen(s) : 0) != 0)
        p->failed = 1;
}

/* JSON inside <script>: besides what JSON escapes, no '<', '>' or '&' (no
 * "</script>", no "<!--") and no U+2028/U+2029 (line ends to older
 * scripts). They only occur inside strings, where \uXXXX means the same. */
static void put_script_json(page *p, const char *json)
{
    for (const char *s = json; *s && !p->failed; s++) {
        const unsigned char *u = (const unsigned char *)s;
        if (*s == '<')
            put(p, "\\u003c");
        else if (*s == '>')
            put(p, "\\u003e");
        else if (*s == '&')
            put(p, "\\u0026");
        else if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
            put(p, u[2] == 0xA8 ? "\\u2028" : "\\u2029");
            s += 2;
        } else
            put_n(p, s, 1);
    }
}

/* The key of a cell, as the URL fragment writes it. */
static void cell_key(const es_row *r, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s/%d", r->indicator->id, r->district, r->year);
}

/* Words the page shows, sent once and referred to by index from each
 * mention: the page carries thousands of mentions. */
static const char *const basis_words[] = {"实际数", "计划或目标数", "多年累计数"};
static const char *const scope_words[] = {"本区县", "更大范围（全市、全省等）", "局部（其中、某校、某类）"};
static const char *const year_from_words[] = {"文件所报告的年度", "句中写明的年份", "由“上年”“去年”等推算"};
/* Why a mention is or is not the cell's value: the pick rule's words,
 * then table.h's reasons (es_reason_words) from WHY_REASONS on. */
enum { WHY_CHOSEN, WHY_PICK_RULE, WHY_FIRST_RATE, WHY_LARGEST, WHY_OTHER_DOCUMENT, WHY_BLANK,
       WHY_UNCHARTABLE, WHY_REASONS };
static const char *const why_words[WHY_REASONS] = {
    "表中取值", "按所选的取值规则（--pick）未被选中", "同一文件中取第一次提及的比率",
    "同一文件中取总量（较大的数）", "另一文件：取报告该年度的文件，否则取最新的文件",
    "数字空缺（如“__所”）", "数值超出图表可显示的范围或不是有限数，未画入图表"};

static int why_of_reason(const char *code)
{
    for (int i = 0; i < ES_N_REASONS; i++)
        if (code != NULL && strcmp(es_reason_words[i][0], code) == 0)
            return WHY_REASONS + i;
    return WHY_PICK_RULE;
}

/* Files by index: the facts' file names are interned, so the pointer
 * names the file. Open addressing, grown at half full. */
typedef struct file_index {
    const char **keys;
    size_t *slots;
    size_t cap;
    cJSON *names; /* the page's list, in first-seen order */
    size_t n;
} file_index;

static int file_index_grow(file_index *fi)
{
    size_t cap = fi->cap ? fi->cap * 2 : 1024;
    const char **keys = calloc(cap, sizeof *keys);
    size_t *slots = calloc(cap, sizeof *slots);
    if (keys == NULL || slots == NULL) {
        free(keys);
        free(slots);
        return -1;
    }
    for (size_t i = 0; i < fi->cap; i++) {
        if (fi->keys[i] == NULL)
            continue;
        size_t h = ((uintptr_t)fi->keys[i] >> 3) % cap;
        while (keys[h] != NULL)
            h = (h + 1) % cap;
        keys[h] = fi->keys[i];
        slots[h] = fi->slots[i];
    }
    free(fi->keys);
    free(fi->slots);
    fi->keys = keys;
    fi->slots = slots;
    fi->cap = cap;
    return 0;
}

/* The index of file in the page's list, added if new; -1 out of memory. */
static long file_index_of(file_index *fi, const char *file)
{
    if ((fi->n + 1) * 2 > fi->cap && file_index_grow(fi) != 0)
        return -1;
    size_t h = ((uintptr_t)file >> 3) % fi->cap;
    while (fi->keys[h] != NULL) {
        if (fi->keys[h] == file)
            return (long)fi->slots[h];
        h = (h + 1) % fi->cap;
    }
    cJSON *name = cJSON_CreateString(file);
    if (name == NULL || !cJSON_AddItemToArray(fi->names, name)) {
        cJSON_Delete(name);
        return -1;
    }
    fi->keys[h] = file;
    fi->slots[h] = fi->n;
    return (long)fi->n++;
}

/* Append items to array a, deleting them (and reporting 0) once one
 * cannot be made or added. */
static int append_all(cJSON *a, cJSON **items, size_t n)
{
    int ok = a != NULL;
    for (size_t i = 0; i < n; i++) {
        if (items[i] == NULL || !ok || !cJSON_AddItemToArray(a, items[i])) {
            cJSON_Delete(items[i]);
            ok = 0;
        }
    }
    return ok;
}

/* One mention as the script reads it: [quote, raw, file, line, value,
 * qualifier, year (0 unknown), year_from, basis, scope, district, why];
 * NULL when out of memory. */
static cJSON *evidence(file_index *fi, const es_fact *x, const es_section *sec, int why)
{
    char val[96];
    if (why == WHY_BLANK)
        snprintf(val, sizeof val, "（空缺）");
    else
        es_section_fact_text(sec, x, val, sizeof val);
    long file = file_index_of(fi, x->file);
    cJSON *e = cJSON_CreateArray();
    if (e == NULL || file < 0) {
        cJSON_Delete(e);
        return NULL;
    }
    cJSON *parts[] = {cJSON_CreateString(x->quote),
                      cJSON_CreateString(x->raw),
                      cJSON_CreateNumber((double)file),
                      cJSON_CreateNumber((double)x->line),
                      cJSON_CreateString(val),
                      cJSON_CreateString(es_qualifier_words(x->qualifier)),
                      cJSON_CreateNumber(x->year),
                      cJSON_CreateNumber(x->year_from),
                      cJSON_CreateNumber(x->basis),
                      cJSON_CreateNumber(x->scope),
                      cJSON_CreateString(x->district ? x->district : ""),
                      cJSON_CreateNumber(why),
                      cJSON_CreateString(x->where ? x->where : "")};
    if (!append_all(e, parts, sizeof parts / sizeof *parts)) {
        cJSON_Delete(e);
        return NULL;
    }
    return e;
}

static int same_document(const es_fact *a, const es_fact *b)
{
    return a->doc_index == b->doc_index && strcmp(a->file, b->file) == 0;
}

/* Why a placed mention is not the cell's value: the pick rule in words. */
static int not_picked(const es_row *r, const es_fact *x)
{
    if (r->pick != ES_PICK_DEFAULT)
        return WHY_PICK_RULE;
    if (same_document(x, r->chosen))
        return (r->indicator->kind == ES_KIND_RATE || r->indicator->kind == ES_KIND_RATIO)
                   ? WHY_FIRST_RATE
                   : WHY_LARGEST;
    return WHY_OTHER_DOCUMENT;
}

/* The evidence of one cell: [[the figure taken, then the others], value,
 * qualifier, conflict, documents, more]. */
static cJSON *cell_evidence(file_index *fi, const es_row *r, const es_section *sec)
{
    cJSON *c = cJSON_CreateArray(), *list = cJSON_CreateArray();
    if (c == NULL || list == NULL || !cJSON_AddItemToArray(c, list)) {
        cJSON_Delete(c);
        cJSON_Delete(list);
        return NULL;
    }
    cJSON *chosen = evidence(fi, r->chosen, sec, WHY_CHOSEN);
    int ok = append_all(list, &chosen, 1);
    /* What a reader needs first: the mentions set aside (a part, a target...),
     * then other values, then the restatements of the same value. */
    size_t shown = 0, more = 0;
    for (int pass = 0; pass < 3 && ok; pass++) {
        size_t n = pass == 0 ? r->n_set_aside : r->n_mentions;
        for (size_t k = 0; k < n && ok; k++) {
            const es_fact *x = pass == 0 ? r->set_aside[k] : r->sources[k];
            if (x == r->chosen || (pass > 0 && (x->value == r->chosen->value) != (pass == 2)))
                continue;
            if (shown == ES_REVIEW_MAX_OTHERS) {
                more++;
                continue;
            }
            cJSON *e = evidence(fi, x, sec,
                                pass == 0 ? why_of_reason(es_fact_unplaced_reason(x, r->unit)) : not_picked(r, x));
            ok = append_all(list, &e, 1);
            shown++;
        }
    }
    char val[96];
    es_section_value_text(sec, r->value, val, sizeof val);
    cJSON *parts[] = {cJSON_CreateString(val), cJSON_CreateString(es_qualifier_words(r->qualifier)),
                      cJSON_CreateNumber(r->conflict), cJSON_CreateNumber((double)r->n_sources),
                      cJSON_CreateNumber((double)more)};
    if (!ok) {
        for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
            cJSON_Delete(parts[i]);
    } else {
        ok = append_all(c, parts, sizeof parts / sizeof *parts);
    }
    if (!ok) {
        cJSON_Delete(c);
        return NULL;
    }
    return c;
}

static const es_section *section_of(const es_section *secs, size_t n, const es_indicator *ind)
{
    for (size_t i = 0; i < n; i++)
        if (secs[i].ind == ind)
            return &secs[i];
    return NULL;
}

static void chart(page *p, const es_table *t, const es_section *s, int lines)
{
    es_svg svg;
    double h = lines ? es_section_lines_height(s) : es_section_bars_height(s);
    char title[256];
    if (lines)
        snprintf(title, sizeof title, "%s：历年变化", s->ind->label);
    else
        snprintf(title, sizeof title, "%s：各区县比较（%d 年）", s->ind->label, s->latest_year);
    put(p, lines ? "<figure class=\"chart lines\">" : "<figure class=\"chart bars\">");
    if (es_svg_begin(&svg, &p->b, CHART_W, h, title) != 0) {
        p->failed = 1;
        return;
    }
    es_canvas canvas = es_svg_canvas(&svg);
    int rc = lines ? es_section_lines(&canvas, t, s, 0, 0, CHART_W, h)
                   : es_section_bars(&canvas, t, s, 0, 0, CHART_W, h);
    if (rc != 0 || es_svg_end(&svg) != 0)
        p->failed = 1;
    put(p, "<figcaption>");
    esc(p, title);
    put(p, "</figcaption></figure>");
}

/* One indicator: heading, charts, the districts x years grid of buttons. */
static void section_html(page *p, const es_table *t, const es_section *s, file_index *fi, cJSON *cells)
{
    int years[ES_SECTION_MAX_YEARS];
    size_t ny = es_table_years(t, s->first, s->end, years, ES_SECTION_MAX_YEARS);
    put(p, "<section class=\"ind\" data-ind=\"");
    esc(p, s->ind->id);
    put(p, "\" id=\"ind-");
    esc(p, s->ind->id);
    put(p, "\"><h2>");
    esc(p, s->ind->label);
    put(p, "<small>（");
    esc(p, es_section_axis_unit(s));
    put(p, "）</small></h2><p class=\"meta\">");
    putf(p, "%zu 个区县，%zu 个年份", s->n_districts, s->n_years);
    put(p, " · <code>");
    esc(p, s->ind->id);
    put(p, "</code></p>");
    if (s->number > 0) {
        put(p, "<div class=\"charts\">");
        chart(p, t, s, 0);
        if (s->n_years >= 2)
            chart(p, t, s, 1);
        put(p, "</div>");
    }
    put(p, "<div class=\"scroll\"><table class=\"grid\"><thead><tr><th scope=\"col\">区县</th>");
    for (size_t k = 0; k < ny; k++)
        putf(p, "<th scope=\"col\" data-year=\"%d\">%d</th>", years[k], years[k]);
    put(p, "</tr></thead><tbody>");
    for (size_t i = s->first; i < s->end;) {
        const char *d = t->rows[i].district;
        put(p, "<tr data-district=\"");
        esc(p, d);
        put(p, "\"><th scope=\"row\">");
        esc(p, d);
        put(p, "</th>");
        for (size_t k = 0; k < ny; k++) {
            putf(p, "<td data-year=\"%d\">", years[k]);
            if (i < s->end && strcmp(t->rows[i].district, d) == 0 && t->rows[i].year == years[k]) {
                const es_row *r = &t->rows[i];
                char key[512], num[64];
                cell_key(r, key, sizeof key);
                es_section_number_text(s, r->value, num, sizeof num); /* as the briefing shows it */
                put(p, "<button type=\"button\" class=\"cell");
                put(p, r->conflict ? " conflict\"" : "\"");
                put(p, " data-key=\"");
                esc(p, key);
                put(p, "\">");
                if (r->qualifier != ES_QUALIFIER_EXACT) { /* 约6,000: before the number */
                    put(p, "<span class=\"q\">");
                    esc(p, es_qualifier_prefix(r->qualifier));
                    put(p, "</span>");
                }
                esc(p, num);
                if (r->conflict)
                    put(p, "<span class=\"flag\" title=\"文件之间数值不同\">≠</span>");
                put(p, "</button>");
                cJSON *ev = cell_evidence(fi, r, s);
                if (ev == NULL || !cJSON_AddItemToObject(cells, key, ev)) {
                    cJSON_Delete(ev);
                    p->failed = 1;
                }
                i++;
            } else {
                put(p, "<span class=\"none\" title=\"无数据\">-</span>");
            }
            put(p, "</td>");
        }
        put(p, "</tr>");
        while (i < s->end && strcmp(t->rows[i].district, d) == 0)
            i++; /* years past the 512 shown */
    }
    put(p, "</tbody></table></div></section>");
}

/* A listed figure outside the table: a button keyed "x/N" to its evidence. */
static void listed_fact(page *p, file_index *fi, const es_fact *x, const es_section *sec, int why,
                        cJSON *items, size_t *n_items)
{
    char key[32];
    snprintf(key, sizeof key, "x/%zu", (*n_items)++);
    cJSON *e = evidence(fi, x, sec, why);
    if (e == NULL || !cJSON_AddItemToObject(items, key, e)) {
        cJSON_Delete(e);
        p->failed = 1;
        return;
    }
    put(p, "<li><button type=\"button\" class=\"item\" data-key=\"");
    put(p, key);
    put(p, "\">");
    esc(p, x->raw);
    put(p, "</button> <span class=\"ctx\">");
    esc(p, x->quote);
    put(p, "</span></li>");
}

/* What stayed out: figures by reason, blanked figures, documents without
 * district or year, conflicts. */
static void left_out_html(page *p, const es_table *t, const es_corpus *c, const es_section *secs,
                          size_t n_secs, file_index *fi, cJSON *items)
{
    const es_facts *f = t->facts;
    const es_lexicon *lx = es_facts_lexicon(f);
    size_t n_items = 0;
    put(p, "<section id=\"left-out\" class=\"left-out\"><h2>未进入表格的内容</h2>");
    put(p, "<p class=\"meta\">表格只收各区县当年的实际数。以下数字按原因列出，点击可看原句。</p>");
    /* The facts are in arrival order (document order): list by reason. */
    size_t n_facts = es_facts_count(f);
    for (size_t r = 0; r < ES_N_REASONS; r++) {
        size_t total = es_unplaced_count(t, es_reason_words[r][0]);
        if (total == 0)
            continue;
        putf(p, "<details class=\"reason\" data-reason=\"%s\"><summary>", es_reason_words[r][0]);
        esc(p, es_reason_words[r][1]);
        putf(p, "：%zu 个</summary><ul>", total);
        size_t listed = 0;
        for (size_t i = 0; i < n_facts && listed < ES_REVIEW_MAX_LISTED; i++) {
            const es_fact *x = es_facts_at(f, i);
            const es_indicator *ind = es_lexicon_at(lx, x->indicator);
            const char *code = es_fact_unplaced_reason(x, ind->units[0]);
            if (code == NULL || strcmp(code, es_reason_words[r][0]) != 0)
                continue;
            listed_fact(p, fi, x, section_of(secs, n_secs, ind), WHY_REASONS + (int)r, items, &n_items);
            listed++;
        }
        if (listed < total)
            putf(p, "<li class=\"more\">另有 %zu 个未列出</li>", total - listed);
        put(p, "</ul></details>");
    }
    if (c != NULL && c->n_redactions > 0) {
        putf(p, "<details class=\"reason\" data-reason=\"blank\"><summary>空缺的数字（如“__所”）：%zu 个</summary><ul>",
             c->n_redactions);
        for (size_t i = 0; i < c->n_blanks; i++) {
            const es_corpus_blank *b = &c->blanks[i];
            es_fact x = {0};
            x.file = b->file;
            x.line = b->line;
            x.quote = b->context;
            x.raw = b->raw;
            listed_fact(p, fi, &x, NULL, WHY_BLANK, items, &n_items);
        }
        if (c->n_blanks < c->n_redactions)
            putf(p, "<li class=\"more\">另有 %zu 个未列出</li>", c->n_redactions - c->n_blanks);
        put(p, "</ul></details>");
    }
    if (c != NULL && c->n_unplaced_docs > 0) {
        putf(p, "<details class=\"reason\" data-reason=\"documents\"><summary>无法确定区县或年份的文件：%zu 个</summary><ul>",
             c->n_unplaced_docs);
        size_t listed = c->n_unplaced_docs < ES_CORPUS_MAX_LISTED ? c->n_unplaced_docs : ES_CORPUS_MAX_LISTED;
        for (size_t i = 0; i < listed; i++) {
            const es_corpus_doc *d = &c->unplaced_docs[i];
            put(p, "<li><span class=\"loc\">");
            esc(p, d->id);
            put(p, "</span> ");
            esc(p, d->title);
            put(p, d->missing_district && d->missing_year ? "（区县、年份均不明）"
                   : d->missing_district                ? "（区县不明）"
                                                        : "（年份不明）");
            put(p, "</li>");
        }
        put(p, "</ul></details>");
    }
    size_t n_conflicts = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n_conflicts += t->rows[i].conflict;
    if (n_conflicts > 0) {
        putf(p, "<details class=\"reason\" data-reason=\"conflict\"><summary>文件之间数值不同的单元格：%zu 个</summary><ul>",
             n_conflicts);
        for (size_t i = 0; i < t->n_rows; i++) {
            if (!t->rows[i].conflict)
                continue;
            char key[512];
            cell_key(&t->rows[i], key, sizeof key);
            put(p, "<li><button type=\"button\" class=\"item\" data-key=\"");
            esc(p, key);
            put(p, "\">");
            esc(p, t->rows[i].indicator->label);
            put(p, " · ");
            esc(p, t->rows[i].district);
            putf(p, " · %d</button></li>", t->rows[i].year);
        }
        put(p, "</ul></details>");
    }
    size_t n_wild = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n_wild += !es_chartable(t->rows[i].value);
    if (n_wild > 0) {
        putf(p, "<details class=\"reason\" data-reason=\"unchartable\"><summary>%s：%zu 个</summary><ul>",
             why_words[WHY_UNCHARTABLE], n_wild);
        for (size_t i = 0; i < t->n_rows; i++)
            if (!es_chartable(t->rows[i].value))
                listed_fact(p, fi, t->rows[i].chosen, section_of(secs, n_secs, t->rows[i].indicator),
                            WHY_UNCHARTABLE, items, &n_items);
        put(p, "</ul></details>");
    }
    put(p, "</section>");
}

static void filters_html(page *p, const es_table *t, const es_section *secs, size_t n_secs)
{
    put(p, "<form class=\"filters\" role=\"search\" onsubmit=\"return false\">"
           "<label>指标 <select id=\"f-ind\"><option value=\"\">全部</option>");
    for (size_t i = 0; i < n_secs; i++) {
        put(p, "<option value=\"");
        esc(p, secs[i].ind->id);
        put(p, "\">");
        esc(p, secs[i].ind->label);
        put(p, "</option>");
    }
    put(p, "</select></label> <label>区县 <select id=\"f-district\"><option value=\"\">全部</option>");
    /* districts in name order, once each */
    const char **names = malloc((t->n_rows ? t->n_rows : 1) * sizeof *names);
    int years[ES_SECTION_MAX_YEARS];
    size_t nn = 0, ny = es_table_years(t, 0, t->n_rows, years, ES_SECTION_MAX_YEARS);
    if (names == NULL) {
        p->failed = 1;
        return;
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        size_t k = 0;
        while (k < nn && strcmp(names[k], t->rows[i].district) < 0)
            k++;
        if (k < nn && strcmp(names[k], t->rows[i].district) == 0)
            continue;
        memmove(names + k + 1, names + k, (nn - k) * sizeof *names);
        names[k] = t->rows[i].district;
        nn++;
    }
    for (size_t i = 0; i < nn; i++) {
        put(p, "<option>");
        esc(p, names[i]);
        put(p, "</option>");
    }
    free(names);
    put(p, "</select></label> <label>年份 <select id=\"f-year\"><option value=\"\">全部</option>");
    for (size_t k = 0; k < ny; k++)
        putf(p, "<option>%d</option>", years[k]);
    put(p, "</select></label> <label>查找 <input id=\"q\" type=\"search\" "
           "placeholder=\"原句中的数字或词语\" autocomplete=\"off\"></label></form>"
           "<div id=\"results\" class=\"results\" aria-live=\"polite\"></div>");
}

es_status es_review_write(const es_table *t, const es_corpus *c, const es_review_options *o,
                          FILE *out, es_error *err)
{
    const char *title = o && o->title && *o->title ? o->title : "教育指标核对";
    char date[32];
    es_generation_date(o ? o->date_epoch : -1, date, sizeof date);
    es_section *secs = NULL;
    size_t n_secs = 0;
    if (es_sections_build(t, 1, &secs, &n_secs) != ES_OK)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    page p = {{0}, 0};
    cJSON *data = cJSON_CreateObject();
    cJSON *cells = cJSON_AddObjectToObject(data, "cells");
    cJSON *items = cJSON_AddObjectToObject(data, "items");
    file_index fi = {NULL, NULL, 0, cJSON_AddArrayToObject(data, "files"), 0};
    cJSON *words = cJSON_AddObjectToObject(data, "words");
    cJSON *labels = cJSON_AddObjectToObject(data, "labels");
    if (cells == NULL || items == NULL || fi.names == NULL || words == NULL || labels == NULL ||
        cJSON_AddItemToObject(words, "basis", cJSON_CreateStringArray(basis_words, 3)) == 0 ||
        cJSON_AddItemToObject(words, "scope", cJSON_CreateStringArray(scope_words, 3)) == 0 ||
        cJSON_AddItemToObject(words, "year_from", cJSON_CreateStringArray(year_from_words, 3)) == 0)
        p.failed = 1;
    if (cJSON_AddNumberToObject(words, "first_reason", WHY_REASONS) == NULL)
        p.failed = 1;
    cJSON *why = cJSON_AddArrayToObject(words, "why");
    for (int i = 0; i < WHY_REASONS + ES_N_REASONS && why != NULL; i++) {
        cJSON *w = cJSON_CreateString(i < WHY_REASONS ? why_words[i] : es_reason_words[i - WHY_REASONS][1]);
        if (w == NULL || !cJSON_AddItemToArray(why, w)) {
            cJSON_Delete(w);
            p.failed = 1;
        }
    }
    for (size_t i = 0; i < n_secs; i++)
        if (cJSON_AddStringToObject(labels, secs[i].ind->id, secs[i].ind->label) == NULL)
            p.failed = 1;
    if (why == NULL)
        p.failed = 1;
    put(&p, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"generator\" content=\"edustat\"><title>");
    esc(&p, title);
    put(&p, "</title><style>");
    put_n(&p, (const char *)es_builtin_review_css, es_builtin_review_css_len);
    put(&p, "</style></head><body><header><h1>");
    esc(&p, title);
    put(&p, "</h1><p class=\"meta\">");
    putf(&p, "生成于 %s · %zu 个指标 · %zu 个单元格", date, n_secs, t->n_rows);
    if (c != NULL)
        putf(&p, " · 读取 %zu 个文件、%zu 篇文档、%zu 个数字", c->n_files, c->n_documents, c->n_records);
    put(&p, " · 点击或用 Tab、回车选中表中数字，查看其原句与取舍理由。</p>");
    filters_html(&p, t, secs, n_secs);
    put(&p, "</header><div class=\"layout\"><main>");
    if (n_secs == 0)
        put(&p, "<p class=\"empty\">没有可列入表格的数字。</p>");
    for (size_t i = 0; i < n_secs && !p.failed; i++)
        section_html(&p, t, &secs[i], &fi, cells);
    left_out_html(&p, t, c, secs, n_secs, &fi, items);
    put(&p, "</main><aside id=\"evidence\" class=\"evidence\" tabindex=\"-1\" aria-live=\"polite\">"
            "<p class=\"hint\">点击表格中的数字，这里显示它的来源句子。</p></aside></div>"
            "<script type=\"application/json\" id=\"edustat-data\">");
    char *json = p.failed ? NULL : cJSON_PrintUnformatted(data);
    if (json == NULL)
        p.failed = 1;
    else
        put_script_json(&p, json);
    free(json);
    cJSON_Delete(data);
    free(fi.keys);
    free(fi.slots);
    put(&p, "</script><script>");
    put_n(&p, (const char *)es_builtin_review_js, es_builtin_review_js_len);
    put(&p, "</script></body></html>\n");
    free(secs);
    if (p.failed) {
        free(p.b.data);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    size_t put_n_bytes = fwrite(p.b.data, 1, p.b.len, out);
    free(p.b.data);
    if (put_n_bytes != p.b.len)
        return es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the review page");
    return ES_OK;
}
