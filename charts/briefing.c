/* briefing.c - the PDF briefing's pages (see briefing.h): the cover with
 * its table of contents, 要点 (key findings and a table of ranks), one
 * section per compared indicator, and two appendices (data quality, the
 * sources of every number). */
#include "edustat/briefing.h"
#include "edustat/plausibility.h"
#include "charts_internal.h"
#include "pdf_internal.h"
#include "pdf_table_internal.h"
#include "sections_internal.h"
#include "error_internal.h"
#include "ticks_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_SIZE 24.0
#define H1_SIZE 14.0
#define H2_SIZE 10.5
#define BODY_SIZE 9.5
#define SMALL_SIZE 8.0
#define TINY_SIZE 6.5
#define TEXT_W (ES_PAGE_W - 2 * ES_MARGIN)

/* The most flags, conflicts and targets listed one by one. */
#define MAX_LISTED 60
/* Flags listed one by one per rule. */
#define MAX_FLAGS_LISTED 30
/* Indicators side by side in one table of ranks. */
#define RANK_COLS 15

static const es_rgb black = {0, 0, 0}, muted = {0.35, 0.35, 0.35};

typedef es_section section;

/* Characters the font lacks, drawn as □. */
typedef struct missing_chars {
    uint32_t cp[ES_PDF_MAX_MISSING];
    size_t n;
} missing_chars;

/* A line of the table of contents: its words and the page it starts on. */
typedef struct toc_entry {
    char words[160];
    int page;
} toc_entry;

/* Everything the pages are drawn from. */
typedef struct brief {
    es_pdf *p;
    const es_table *t;
    const es_summary *s;
    const es_corpus *c;
    const es_lexicon *lx;
    const section *secs; /* compared indicators, numbered */
    size_t n_secs;
    const section *all;  /* every indicator of the table */
    size_t n_all;
    const missing_chars *listed;
    int figure, table;   /* numbers given so far */
    toc_entry *toc;
    size_t n_toc;
    HPDF_Page cover;
    double toc_top;      /* where the contents start on the cover */
} brief;

static void heading(es_pdf *p, const char *text, double size, double space_after)
{
    es_pdf_need(p, size + space_after + 40);
    es_pdf_fill_color(p, black);
    es_pdf_text(p, ES_MARGIN, p->y - size, size, text);
    p->y -= size + space_after;
}

static void body(es_pdf *p, const char *text)
{
    es_pdf_need(p, BODY_SIZE * 2);
    es_pdf_fill_color(p, black);
    es_pdf_paragraph(p, ES_MARGIN, p->y, TEXT_W, BODY_SIZE, BODY_SIZE * 1.6, text);
    p->y -= 4;
}

/* A small grey paragraph, indented by indent points. */
static void note(es_pdf *p, double indent, double leading, const char *text)
{
    es_pdf_fill_color(p, muted);
    es_pdf_need(p, SMALL_SIZE * 2);
    es_pdf_paragraph(p, ES_MARGIN + indent, p->y, TEXT_W - indent, SMALL_SIZE, SMALL_SIZE * leading, text);
}

/* A section of the document: a line of the contents, a bookmark. */
static void start_part(brief *b, const char *words)
{
    es_pdf *p = b->p;
    toc_entry *e = &b->toc[b->n_toc++];
    snprintf(e->words, sizeof e->words, "%s", words);
    e->page = p->page_no;
    /* the outline's title in UTF-16, as the document information is */
    HPDF_Outline o = HPDF_CreateOutline(p->doc, NULL, words, HPDF_GetEncoder(p->doc, "UTF-8"));
    HPDF_Destination d = o ? HPDF_Page_CreateDestination(p->page) : NULL;
    if (d == NULL || HPDF_Destination_SetFitH(d, (HPDF_REAL)fmin(p->y + 20, ES_PAGE_H)) != HPDF_OK ||
        HPDF_Outline_SetDestination(o, d) != HPDF_OK)
        p->failed = 1;
}

static const es_year_stats *year_stats(const es_summary *s, const section *sec, int year)
{
    for (size_t i = 0; i < s->n_by_year; i++)
        if (s->by_year[i].indicator == sec->ind && s->by_year[i].year == year)
            return &s->by_year[i];
    return NULL;
}

/* A row's change from the year before as the section says it. */
static void change_text(const brief *b, const section *sec, const es_row *r, char *out, size_t cap)
{
    const es_comparison *c = es_summary_comparison(b->s, b->t, r);
    if (c == NULL) {
        snprintf(out, cap, "-");
        return;
    }
    es_section_change_text(sec, r, c->previous_year, c->yoy_change, c->yoy_pct, out, cap);
}

/* The size of a change as the section shows it (个百分点 or %), for
 * finding the largest; NAN when there is none. */
static double change_size(const brief *b, const section *sec, const es_row *r)
{
    const es_comparison *c = es_summary_comparison(b->s, b->t, r);
    if (c == NULL || c->previous_year == 0)
        return NAN;
    double v = es_section_is_rate(sec) || strcmp(sec->unit, ":1") == 0 ? c->yoy_change : c->yoy_pct;
    return isfinite(v) ? fabs(v) : NAN;
}

static void place(const section *sec, const es_row *r, char *out, size_t cap)
{
    es_section_place(sec, r->district, r->city, out, cap);
}

/* "仓山区、鼓楼区等5个区县", from the rows' districts */
static void district_list(const section *sec, const es_row *const *rows, size_t n, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 3 && len < cap; i++) {
        char name[128];
        place(sec, rows[i], name, sizeof name);
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "、" : "", name);
    }
    if (n > 3 && len < cap)
        snprintf(out + len, cap - len, "等%zu个区县", n);
}

/* Documents that gave rows [first, end) of year (0: every year), counted
 * once each. */
static size_t count_documents(const es_table *t, const section *sec, int year)
{
    size_t n = 0;
    for (size_t i = sec->first; i < sec->end; i++) {
        const es_fact *x = t->rows[i].chosen;
        if (year && t->rows[i].year != year)
            continue;
        int seen = 0;
        for (size_t k = sec->first; k < i && !seen; k++) {
            const es_fact *y = t->rows[k].chosen;
            seen = (!year || t->rows[k].year == year) && y->doc_index == x->doc_index &&
                   strcmp(y->file, x->file) == 0;
        }
        n += !seen;
    }
    return n;
}

/* ---- the cover ------------------------------------------------------------------------ */

static void cover(brief *b, const char *title, const char *date)
{
    es_pdf *p = b->p;
    const es_corpus *c = b->c;
    es_pdf_new_page(p, 1);
    b->cover = p->page;
    es_pdf_fill_color(p, (es_rgb){0.0, 0.447, 0.698});
    es_pdf_rect(p, ES_MARGIN, ES_PAGE_H - 190, TEXT_W, 4, 1, 0);
    es_pdf_fill_color(p, black);
    es_pdf_text(p, ES_MARGIN, ES_PAGE_H - 170, TITLE_SIZE, title);
    es_pdf_fill_color(p, muted);
    es_pdf_text(p, ES_MARGIN, ES_PAGE_H - 215, BODY_SIZE, "由 edustat 从教育局工作总结、计划与统计公报中提取");
    p->y = ES_PAGE_H - 250;
    char line[1024];
    heading(p, "数据概况", H2_SIZE, 8);
    snprintf(line, sizeof line, "文件%zu个，文档%zu篇，涉及区县%zu个。", c->n_files, c->n_documents,
             c->n_districts);
    body(p, line);
    if (c->first_year)
        snprintf(line, sizeof line, "年份：%d年至%d年。", c->first_year, c->last_year);
    else
        snprintf(line, sizeof line, "年份：未能识别。");
    body(p, line);
    if (c->n_districts > 0) {
        size_t len = (size_t)snprintf(line, sizeof line, "区县：");
        for (size_t i = 0; i < c->n_districts && len < sizeof line - 64; i++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", i ? "、" : "", c->districts[i].name);
        snprintf(line + len, sizeof line - len, "。");
        body(p, line);
    }
    snprintf(line, sizeof line, "提取数字%zu个，其中被隐去的数字（如“__所”）%zu个；可比较的指标%zu项，数据表%zu行。",
             c->n_records + c->n_redactions, c->n_redactions, b->n_secs, b->t->n_rows);
    body(p, line);
    snprintf(line, sizeof line, "生成日期：%s", date);
    body(p, line);
    p->y -= 10;
    heading(p, "目录", H2_SIZE, 8);
    b->toc_top = p->y; /* filled in once the pages are known */
}

/* The contents on the cover, with page numbers and dotted leaders; in two
 * columns when one does not hold them. */
static void contents(brief *b)
{
    es_pdf *p = b->p;
    HPDF_Page current = p->page;
    p->page = b->cover;
    double leading = 14, room = b->toc_top - ES_MARGIN;
    size_t per_col = (size_t)fmax(1, floor(room / leading));
    int cols = b->n_toc > per_col ? 2 : 1;
    double col_w = cols == 2 ? TEXT_W / 2 - 10 : TEXT_W;
    for (size_t i = 0; i < b->n_toc; i++) {
        size_t col = i / per_col;
        if (col >= (size_t)cols)
            break; /* more than two columns hold: cannot happen with a lexicon of 60 */
        double x = ES_MARGIN + (double)col * (col_w + 20), y = b->toc_top - BODY_SIZE - (double)(i % per_col) * leading;
        char num[16], cut[256];
        snprintf(num, sizeof num, "%d", b->toc[i].page);
        double nw = es_pdf_text_width(p, num, BODY_SIZE);
        es_pdf_fit(p, b->toc[i].words, BODY_SIZE, col_w - nw - 30, cut, sizeof cut);
        double ww = es_pdf_text_width(p, cut, BODY_SIZE);
        es_pdf_fill_color(p, black);
        es_pdf_text(p, x, y, BODY_SIZE, cut);
        es_pdf_text(p, x + col_w - nw, y, BODY_SIZE, num);
        es_pdf_fill_color(p, (es_rgb){0.6, 0.6, 0.6});
        for (double dx = x + ww + 6; dx < x + col_w - nw - 6; dx += 4)
            es_pdf_rect(p, dx, y + 1, 0.8, 0.8, 1, 0);
    }
    p->page = current;
}

/* ---- 要点 ---------------------------------------------------------------------------- */

/* One sentence on a section's latest year: best, worst, median, largest
 * change. */
static void finding(const brief *b, const section *sec, char *out, size_t cap)
{
    size_t n;
    const es_row **rows = es_section_latest_rows(b->t, sec, &n);
    if (rows == NULL || n == 0) {
        snprintf(out, cap, "%d. %s：无数据。", sec->number, sec->ind->label);
        free(rows);
        return;
    }
    char v[96], w[96], name[128], best[512], worst[512];
    int len = snprintf(out, cap, "%d. %s：", sec->number, sec->ind->label);
    if (n == 1) {
        place(sec, rows[0], name, sizeof name);
        es_section_row_text(sec, rows[0], v, sizeof v);
        len += snprintf(out + len, cap - (size_t)len, "%d年仅%s有数据，为%s", sec->latest_year, name, v);
    } else if (rows[0]->value == rows[n - 1]->value) {
        es_section_row_text(sec, rows[0], v, sizeof v);
        len += snprintf(out + len, cap - (size_t)len, "%d年%zu个区县均为%s", sec->latest_year, n, v);
    } else {
        size_t nb = 1, nw = 1;
        while (nb < n && rows[nb]->value == rows[0]->value)
            nb++;
        while (nw < n && rows[n - 1 - nw]->value == rows[n - 1]->value)
            nw++;
        const es_row **tail = malloc(nw * sizeof *tail);
        if (tail == NULL) {
            free(rows);
            snprintf(out, cap, "%d. %s。", sec->number, sec->ind->label);
            return;
        }
        for (size_t k = 0; k < nw; k++)
            tail[k] = rows[n - 1 - k];
        district_list(sec, rows, nb, best, sizeof best);
        district_list(sec, tail, nw, worst, sizeof worst);
        free(tail);
        es_section_row_text(sec, rows[0], v, sizeof v);
        es_section_row_text(sec, rows[n - 1], w, sizeof w);
        /* where lower is better the first named is the lowest */
        int low = sec->ind->lower_is_better;
        len += snprintf(out + len, cap - (size_t)len, "%d年%zu个区县中，%s%s%s（%s），%s%s%s（%s）",
                        sec->latest_year, n, best, nb > 1 ? "并列" : "", low ? "最低" : "最高", v, worst,
                        nw > 1 ? "并列" : "", low ? "最高" : "最低", w);
        const es_year_stats *ys = year_stats(b->s, sec, sec->latest_year);
        if (ys != NULL && len > 0 && (size_t)len < cap) {
            es_section_value_text(sec, ys->median, v, sizeof v);
            len += snprintf(out + len, cap - (size_t)len, "，中位数%s", v);
        }
    }
    /* the largest change from the year before */
    const es_row *most = NULL;
    double most_size = -1;
    for (size_t i = 0; i < n; i++) {
        double z = change_size(b, sec, rows[i]);
        if (isfinite(z) && z > most_size) {
            most_size = z;
            most = rows[i];
        }
    }
    if (most != NULL && len > 0 && (size_t)len < cap) {
        change_text(b, sec, most, v, sizeof v);
        place(sec, most, name, sizeof name);
        len += snprintf(out + len, cap - (size_t)len, "；比上年变化最大的是%s（%s）", name, v);
    }
    if (len > 0 && (size_t)len < cap)
        snprintf(out + len, cap - (size_t)len, "。");
    free(rows);
}

/* The table of ranks: districts down, indicators across, each cell the
 * rank in the indicator's latest year, shaded darker the better. */
typedef struct rank_table {
    const brief *b;
    const section *cols[RANK_COLS];
    int n_cols;
    const es_row **names; /* one row per district (any of its rows) */
    const section *name_sec;
} rank_table;

static const es_row *row_of(const es_table *t, const section *sec, const char *district)
{
    for (size_t i = sec->first; i < sec->end; i++)
        if (t->rows[i].year == sec->latest_year && strcmp(t->rows[i].district, district) == 0)
            return &t->rows[i];
    return NULL;
}

static void rank_row(void *ctx, size_t i, es_table_row *out)
{
    const rank_table *rt = ctx;
    const es_row *who = rt->names[i];
    out->ink = black;
    place(rt->name_sec, who, out->cells[0], sizeof out->cells[0]);
    for (int k = 0; k < rt->n_cols; k++) {
        const es_row *r = row_of(rt->b->t, rt->cols[k], who->district);
        const es_comparison *c = r ? es_summary_comparison(rt->b->s, rt->b->t, r) : NULL;
        if (c == NULL || c->of < 1) {
            snprintf(out->cells[k + 1], ES_TABLE_CELL, "-");
            continue;
        }
        snprintf(out->cells[k + 1], ES_TABLE_CELL, "%d", c->rank);
        double f = c->of > 1 ? (double)(c->rank - 1) / (c->of - 1) : 0; /* 0 best, 1 worst */
        es_rgb dark = {0.13, 0.40, 0.67}, light = {0.92, 0.95, 0.98};
        out->shaded[k + 1] = 1;
        out->shade[k + 1] = (es_rgb){dark.r + (light.r - dark.r) * f, dark.g + (light.g - dark.g) * f,
                                     dark.b + (light.b - dark.b) * f};
        out->cell_ink[k + 1] = f < 0.5 ? (es_rgb){1, 1, 1} : black;
    }
}

static int cmp_row_district(const void *a, const void *b)
{
    const es_row *x = *(const es_row *const *)a, *y = *(const es_row *const *)b;
    return strcmp(x->district, y->district);
}

static void rank_tables(brief *b)
{
    es_pdf *p = b->p;
    /* indicators with two districts or more in their latest year */
    const section **ranked = malloc((b->n_secs ? b->n_secs : 1) * sizeof *ranked);
    const es_row **names = malloc((b->t->n_rows ? b->t->n_rows : 1) * sizeof *names);
    if (ranked == NULL || names == NULL) {
        free(ranked);
        free(names);
        p->failed = 1;
        return;
    }
    size_t n_ranked = 0, n_names = 0;
    for (size_t k = 0; k < b->n_secs; k++) {
        const section *sec = &b->secs[k];
        if (sec->n_bars < 2)
            continue;
        ranked[n_ranked++] = sec;
        for (size_t i = sec->first; i < sec->end; i++)
            if (b->t->rows[i].year == sec->latest_year)
                names[n_names++] = &b->t->rows[i];
    }
    qsort(names, n_names, sizeof *names, cmp_row_district);
    size_t u = 0;
    for (size_t i = 0; i < n_names; i++)
        if (u == 0 || strcmp(names[u - 1]->district, names[i]->district) != 0)
            names[u++] = names[i];
    n_names = u;
    if (n_ranked > 0) {
        p->y -= 6;
        b->table++;
        int first_table = b->table;
        double name_w = ranked[0]->with_city ? 120 : 90;
        double col_w = fmin(36, (TEXT_W - name_w) / RANK_COLS);
        /* parts of even width: 13 indicators as 7 and 6, not 12 and 1 */
        size_t parts = (n_ranked + RANK_COLS - 1) / RANK_COLS, per = (n_ranked + parts - 1) / parts;
        for (size_t k0 = 0; k0 < n_ranked; k0 += per) {
            rank_table rt = {b, {0}, 0, names, ranked[0]};
            const char *heads[RANK_COLS + 1] = {"区县"};
            double widths[RANK_COLS + 1] = {name_w};
            char labels[RANK_COLS][160];
            for (size_t k = k0; k < n_ranked && (size_t)rt.n_cols < per; k++) {
                snprintf(labels[rt.n_cols], sizeof labels[0], "%d. %s", ranked[k]->number, ranked[k]->ind->label);
                heads[rt.n_cols + 1] = labels[rt.n_cols];
                widths[rt.n_cols + 1] = col_w;
                rt.cols[rt.n_cols++] = ranked[k];
            }
            char cap[160];
            if (n_ranked > RANK_COLS)
                snprintf(cap, sizeof cap, "表%d 各区县排名（各指标最新年份，1为最优）之%zu", first_table,
                         k0 / per + 1);
            else
                snprintf(cap, sizeof cap, "表%d 各区县排名（各指标最新年份，1为最优）", first_table);
            es_pdf_table tb = {cap, heads, widths, rt.n_cols + 1, "lccccccccccccccc", 1, SMALL_SIZE - 0.5, 13, rank_row, &rt};
            es_pdf_need(p, es_pdf_table_lead_height(p, &tb, n_names));
            es_pdf_table_draw(p, &tb, n_names);
            p->y -= 8;
        }
        note(p, 0, 1.5, "注：颜色越深，排名越前；生师比、机生比等以数值低者为优。“-”表示该区县该年无此项数据。");
    }
    free(ranked);
    free(names);
}

static void key_findings(brief *b)
{
    es_pdf *p = b->p;
    es_pdf_new_page(p, 0);
    start_part(b, "要点");
    heading(p, "要点", H1_SIZE, 8);
    note(p, 0, 1.5,
         "以下概括每项指标最新年份的区县比较：最高与最低的区县、中位数，以及与上年相比变化最大的区县。"
         "比率的变化以“个百分点”计，金额与人数等以增长百分比计；表中“-”表示无上年数据、无法比较。");
    p->y -= 6;
    char line[2048];
    for (size_t i = 0; i < b->n_secs; i++) {
        finding(b, &b->secs[i], line, sizeof line);
        es_pdf_need(p, BODY_SIZE * 3);
        es_pdf_fill_color(p, black);
        es_pdf_paragraph(p, ES_MARGIN, p->y, TEXT_W, BODY_SIZE, BODY_SIZE * 1.55, line);
        p->y -= 3;
    }
    rank_tables(b);
}

/* ---- one section per indicator ---------------------------------------------------------- */

/* "资料来源：" under a chart: whose documents, which years, how many. */
static void source_line(const brief *b, const section *sec, int year)
{
    char line[1024], years[64];
    size_t n_docs = count_documents(b->t, sec, year);
    if (year)
        snprintf(years, sizeof years, "%d年", year);
    else {
        int y[ES_SECTION_MAX_YEARS];
        size_t ny = es_table_years(b->t, sec->first, sec->end, y, ES_SECTION_MAX_YEARS);
        snprintf(years, sizeof years, ny > 1 ? "%d—%d年" : "%d年", y[0], y[ny - 1]);
    }
    snprintf(line, sizeof line, "资料来源：%zu个区县教育部门%s的工作总结、计划与统计公报等文件%zu篇，逐条出处见附录二。",
             year ? sec->n_bars : sec->n_districts, years, n_docs);
    note(b->p, 0, 1.4, line);
}

/* "注：湖里区2024年无数据。": districts of the section without a row in
 * its latest year. */
static void missing_note(const brief *b, const section *sec)
{
    char line[1024];
    size_t len = 0, n = 0;
    for (size_t i = sec->first; i < sec->end; i++) {
        const es_row *r = &b->t->rows[i];
        if (i + 1 < sec->end && strcmp(b->t->rows[i + 1].district, r->district) == 0)
            continue; /* the district's last row: is it of the latest year? */
        if (r->year == sec->latest_year)
            continue;
        char name[128];
        place(sec, r, name, sizeof name);
        if (n < 8 && len < sizeof line - 160)
            len += (size_t)snprintf(line + len, sizeof line - len, "%s%s", n ? "、" : "注：", name);
        n++;
    }
    if (n == 0)
        return;
    if (n > 8)
        len += (size_t)snprintf(line + len, sizeof line - len, "等%zu个区县", n);
    snprintf(line + len, sizeof line - len, "%d年无数据，未列入上图。", sec->latest_year);
    note(b->p, 0, 1.4, line);
}

typedef struct ranking {
    const brief *b;
    const section *sec;
    const es_row **rows;
} ranking;

static void ranking_row(void *ctx, size_t i, es_table_row *out)
{
    const ranking *rk = ctx;
    const es_row *r = rk->rows[i];
    const es_comparison *c = es_summary_comparison(rk->b->s, rk->b->t, r);
    out->ink = black;
    place(rk->sec, r, out->cells[0], ES_TABLE_CELL);
    es_section_row_text(rk->sec, r, out->cells[1], ES_TABLE_CELL);
    snprintf(out->cells[2], ES_TABLE_CELL, "%d/%d", c ? c->rank : 0, c ? c->of : 0);
    if (c && isfinite(c->ratio_to_median))
        es_format_fixed(c->ratio_to_median, 2, out->cells[3], ES_TABLE_CELL);
    else
        snprintf(out->cells[3], ES_TABLE_CELL, "-");
    change_text(rk->b, rk->sec, r, out->cells[4], ES_TABLE_CELL);
}

static void ranking_table(brief *b, const section *sec)
{
    es_pdf *p = b->p;
    size_t n;
    const es_row **rows = es_section_latest_rows(b->t, sec, &n);
    if (rows == NULL) {
        p->failed = 1;
        return;
    }
    const char *heads[] = {"区县", "数值", "排名", "与中位数之比", es_section_change_head(sec)};
    const double widths[] = {165, 110, 55, 75, 90};
    char cap[256];
    snprintf(cap, sizeof cap, "表%d %d年各区县%s排名与变化%s", ++b->table, sec->latest_year, sec->ind->label,
             sec->ind->lower_is_better ? "（数值越低排名越前）" : "");
    ranking rk = {b, sec, rows};
    es_pdf_table tb = {cap, heads, widths, 5, "lrrrr", 0, SMALL_SIZE, 15, ranking_row, &rk};
    es_pdf_need(p, es_pdf_table_lead_height(p, &tb, n));
    es_pdf_table_draw(p, &tb, n);
    free(rows);
    const es_year_stats *y = year_stats(b->s, sec, sec->latest_year);
    if (y != NULL) {
        char mean[64], median[64], sd[64], line[512];
        es_section_value_text(sec, y->mean, mean, sizeof mean);
        es_section_value_text(sec, y->median, median, sizeof median);
        if (isfinite(y->sd))
            es_section_spread_text(sec, y->sd, sd, sizeof sd);
        else
            snprintf(sd, sizeof sd, "-");
        snprintf(line, sizeof line, "%d年：%zu个区县，均值%s，中位数%s，标准差%s。", y->year, y->n, mean, median, sd);
        p->y -= 4;
        note(p, 0, 1.5, line);
    }
}

/* Targets the documents set for this indicator: beside the table, never in
 * it (a plan is not what a district reached). */
static void targets_note(brief *b, const section *sec)
{
    const es_table *t = b->t;
    char line[1024], val[64];
    size_t n = 0;
    for (size_t i = 0; i < t->n_targets; i++)
        n += es_lexicon_at(b->lx, t->targets[i]->indicator) == sec->ind;
    if (n == 0)
        return;
    es_pdf *p = b->p;
    p->y -= 6;
    heading(p, "目标（文件中的计划数，不计入上表）", H2_SIZE, 4);
    size_t shown = 0;
    for (size_t i = 0; i < t->n_targets && shown < MAX_LISTED; i++) {
        const es_fact *x = t->targets[i];
        if (es_lexicon_at(b->lx, x->indicator) != sec->ind)
            continue;
        es_section_fact_text(sec, x, val, sizeof val);
        /* a goal named for a year (到2025年) says so; else the plan's year */
        char when[48] = "", name[128];
        if (x->year && x->year != x->doc_year)
            snprintf(when, sizeof when, "到%d年", x->year);
        else if (x->doc_year)
            snprintf(when, sizeof when, "（%d年的文件）", x->doc_year);
        es_section_place(sec, x->district, x->city, name, sizeof name);
        snprintf(line, sizeof line, "· %s%s目标%s%s：“%s”", name, when, es_qualifier_prefix(x->qualifier), val,
                 x->quote);
        note(p, 10, 1.5, line);
        shown++;
    }
    if (n > shown) {
        snprintf(line, sizeof line, "· 另有%zu条。", n - shown);
        note(p, 10, 1.5, line);
    }
    es_pdf_fill_color(p, black);
}

/* "（%）" after a figure's title; nothing for a ratio, which reads X:1 */
static const char *caption_unit(const section *sec, char *out, size_t cap)
{
    if (strcmp(sec->unit, ":1") == 0)
        snprintf(out, cap, "%s", "");
    else
        snprintf(out, cap, "（%s）", sec->unit);
    return out;
}

static int draw_section(brief *b, const section *sec)
{
    es_pdf *p = b->p;
    char line[512], unit[64];
    double bh = es_section_bars_height(sec);
    /* a small section shares the page when its first chart fits */
    es_pdf_need(p, H1_SIZE + 30 + H2_SIZE + 14 + bh + 30);
    if (p->y < ES_PAGE_H - ES_MARGIN - 40)
        p->y -= 14; /* space after the section before */
    snprintf(line, sizeof line, "%d. %s", sec->number, sec->ind->label);
    start_part(b, line);
    heading(p, line, H1_SIZE, 4);
    es_pdf_fill_color(p, muted);
    snprintf(line, sizeof line, "%zu个区县，%zu个年份；单位：%s%s。", sec->n_districts, sec->n_years,
             es_section_axis_unit(sec), sec->ind->lower_is_better ? "；数值越低越好" : "");
    es_pdf_text(p, ES_MARGIN, p->y - SMALL_SIZE, SMALL_SIZE, line);
    p->y -= SMALL_SIZE + 14;

    es_canvas canvas = es_pdf_canvas(p);
    snprintf(line, sizeof line, "图%d %d年各区县%s%s", ++b->figure, sec->latest_year, sec->ind->label,
             caption_unit(sec, unit, sizeof unit));
    heading(p, line, H2_SIZE, 10);
    es_pdf_need(p, bh);
    if (es_section_bars(&canvas, b->t, sec, ES_MARGIN, p->y - bh, TEXT_W, bh) != 0)
        return -1;
    p->y -= bh + 6;
    source_line(b, sec, sec->latest_year);
    missing_note(b, sec);
    p->y -= 12;
    if (sec->n_years >= 2) {
        double lh = es_section_lines_height(sec);
        es_pdf_need(p, H2_SIZE + 14 + lh);
        int y[ES_SECTION_MAX_YEARS];
        size_t ny = es_table_years(b->t, sec->first, sec->end, y, ES_SECTION_MAX_YEARS);
        snprintf(line, sizeof line, "图%d %d—%d年各区县%s%s", ++b->figure, y[0], y[ny - 1], sec->ind->label,
                 caption_unit(sec, unit, sizeof unit));
        heading(p, line, H2_SIZE, 10);
        if (es_section_lines(&canvas, b->t, sec, ES_MARGIN, p->y - lh, TEXT_W, lh) != 0)
            return -1;
        p->y -= lh + 6;
        source_line(b, sec, 0);
        p->y -= 12;
    }
    ranking_table(b, sec);
    targets_note(b, sec);
    return p->failed ? -1 : 0;
}

/* ---- appendix 1: data quality -------------------------------------------------------- */

/* The section of an indicator, or NULL when it has none. */
static const section *section_of(const section *secs, size_t n_secs, const es_indicator *ind)
{
    for (size_t i = 0; i < n_secs; i++)
        if (secs[i].ind == ind)
            return &secs[i];
    return NULL;
}

/* Cells the plausibility rules flag, by rule, each listed. */
static void plausibility(brief *b)
{
    es_pdf *p = b->p;
    es_flag *flags = NULL;
    size_t n = 0;
    es_error err;
    if (es_plausibility_check(b->t, &flags, &n, &err) != ES_OK) {
        p->failed = 1;
        return;
    }
    static const char *const rule_words[ES_N_FLAG_RULES] = {
        "超过上限的数值（如净入学率超过100%）", "不是整数的个数、人数", "与上年相比变化超过50%",
        "不同文件给出不同数值的单元格（表中取报告当年的文件，否则取最新的文件）"};
    char line[2048], val[96], prev[96];
    snprintf(line, sizeof line, n ? "需要核对的数值：%zu处（按以下规则检出，数值仍照原文列入表中）。"
                                  : "需要核对的数值：%zu处（按以下规则检查）。", n);
    body(p, line);
    for (int rule = 0; rule < ES_N_FLAG_RULES; rule++) {
        size_t count = 0, shown = 0;
        for (size_t i = 0; i < n; i++)
            count += flags[i].rule == (es_flag_rule)rule;
        snprintf(line, sizeof line, "%s：%zu处", rule_words[rule], count);
        note(p, 10, 1.5, line);
        for (size_t i = 0; i < n && shown < MAX_FLAGS_LISTED; i++) {
            if (flags[i].rule != (es_flag_rule)rule)
                continue;
            const es_row *r = flags[i].row;
            const section *sec = section_of(b->all, b->n_all, r->indicator);
            char name[128];
            es_section_place(sec, r->district, r->city, name, sizeof name);
            if (flags[i].rule == ES_FLAG_FRACTIONAL_COUNT) { /* the fraction is the point: unrounded */
                char num[48];
                es_format_number(r->value, 4, num, sizeof num);
                snprintf(val, sizeof val, "%s%s", num, r->unit);
            } else {
                es_section_row_text(sec, r, val, sizeof val);
            }
            int len = snprintf(line, sizeof line, "· %s %d年 %s：%s", name, r->year, r->indicator->label, val);
            if (flags[i].rule == ES_FLAG_JUMP && flags[i].previous != NULL) {
                es_section_row_text(sec, flags[i].previous, prev, sizeof prev);
                len += snprintf(line + len, sizeof line - (size_t)len, "（%d年%s）", flags[i].previous->year, prev);
            }
            if (flags[i].rule == ES_FLAG_CONFLICT)
                for (size_t k = 0; k < r->n_sources && len > 0 && (size_t)len < sizeof line; k++) {
                    const es_fact *x = r->doc_picks[k];
                    es_section_fact_text(sec, x, prev, sizeof prev);
                    len += snprintf(line + len, sizeof line - (size_t)len, "%s%s（%s 第%ld行）", k ? "；" : "；各文件：",
                                    prev, x->file, x->line);
                }
            if (len > 0 && (size_t)len < sizeof line - (size_t)32 && flags[i].rule != ES_FLAG_CONFLICT)
                snprintf(line + len, sizeof line - (size_t)len, "（%s 第%ld行）", r->chosen->file, r->chosen->line);
            note(p, 20, 1.5, line);
            shown++;
        }
        if (count > shown) {
            snprintf(line, sizeof line, "· 另有%zu处。", count - shown);
            note(p, 20, 1.5, line);
        }
    }
    free(flags);
    p->y -= 6;
}

/* Indicators with figures that are not compared: one district and one
 * year only. */
static void left_out(brief *b)
{
    char line[512];
    size_t n = 0;
    for (size_t i = 0; i < b->n_all; i++)
        n += b->all[i].number == 0;
    snprintf(line, sizeof line, "未作比较的指标：%zu项（只有一个区县一个年份的数，无从比较）。", n);
    body(b->p, line);
    for (size_t i = 0; i < b->n_all; i++) {
        const section *sec = &b->all[i];
        if (sec->number != 0)
            continue;
        const es_row *r = &b->t->rows[sec->first];
        char name[128], val[96];
        place(sec, r, name, sizeof name);
        es_section_row_text(sec, r, val, sizeof val);
        snprintf(line, sizeof line, "· %s：%s %d年 %s", sec->ind->label, name, r->year, val);
        note(b->p, 10, 1.5, line);
    }
    b->p->y -= 6;
}

/* Figures left out by reason. */
static void unplaced(brief *b)
{
    char line[1024];
    size_t total = es_unplaced_count(b->t, NULL);
    snprintf(line, sizeof line, "未进入比较的数字：%zu个。表中每格只取该区县当年实际达到的数。", total);
    body(b->p, line);
    for (size_t r = 0; r < ES_N_REASONS; r++) {
        size_t n = es_unplaced_count(b->t, es_reason_words[r][0]);
        if (n == 0)
            continue;
        snprintf(line, sizeof line, "· %s：%zu个", es_reason_words[r][1], n);
        note(b->p, 10, 1.5, line);
    }
    b->p->y -= 6;
}

/* Values a chart cannot show (not finite, or beyond ES_CHART_MAX_ABS):
 * left out of the charts, listed here. */
static void unchartable(brief *b)
{
    const es_table *t = b->t;
    char line[512], val[64];
    size_t n = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n += !es_chartable(t->rows[i].value);
    if (n == 0)
        return;
    snprintf(line, sizeof line, "超出图表范围的数值：%zu个（未画入图中，请核对原文）。", n);
    body(b->p, line);
    for (size_t i = 0; i < t->n_rows; i++) {
        const es_row *r = &t->rows[i];
        if (es_chartable(r->value))
            continue;
        es_format_number(r->value, 2, val, sizeof val);
        snprintf(line, sizeof line, "· %s %d年 %s：%s %s", r->district, r->year, r->indicator->label, val, r->unit);
        note(b->p, 10, 1.5, line);
    }
    b->p->y -= 6;
}

/* The line on characters the font lacks. */
static void missing_chars_note(brief *b)
{
    const missing_chars *m = b->listed;
    if (m == NULL || m->n == 0)
        return;
    char line[1024];
    int len = snprintf(line, sizeof line, "字体中没有的字符：%zu个，文中以 □ 代替（", m->n);
    for (size_t i = 0; i < m->n && len > 0 && (size_t)len < sizeof line - 16; i++)
        len += snprintf(line + len, sizeof line - (size_t)len, "%sU+%04X", i ? "、" : "", (unsigned)m->cp[i]);
    if (len > 0 && (size_t)len < sizeof line - 8)
        snprintf(line + len, sizeof line - (size_t)len, "）。");
    body(b->p, line);
    b->p->y -= 6;
}

static void data_quality(brief *b)
{
    es_pdf *p = b->p;
    const es_corpus *c = b->c;
    char line[1024];
    es_pdf_new_page(p, 0);
    start_part(b, "附录一 数据质量");
    heading(p, "附录一 数据质量", H1_SIZE, 10);
    unchartable(b);
    missing_chars_note(b);
    plausibility(b);
    left_out(b);
    unplaced(b);
    snprintf(line, sizeof line, "缺少区县或年份的文档：%zu篇（其数字不进入比较）。", c->n_unplaced_docs);
    body(p, line);
    for (size_t i = 0; i < c->n_unplaced_docs && i < ES_CORPUS_MAX_LISTED; i++) {
        const es_corpus_doc *d = &c->unplaced_docs[i];
        snprintf(line, sizeof line, "· %s《%s》：缺%s%s", d->id, d->title, d->missing_district ? "区县" : "",
                 d->missing_year ? (d->missing_district ? "、年份" : "年份") : "");
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
    snprintf(line, sizeof line, "被隐去的数字：%zu个（原文以 __、XX、** 等代替数字）。", c->n_redactions);
    body(p, line);
    for (size_t i = 0; i < c->n_redaction_kinds; i++) {
        const es_indicator *ind = es_lexicon_find(b->lx, c->redactions[i].name);
        snprintf(line, sizeof line, "· %s：%zu个", ind ? ind->label : c->redactions[i].name, c->redactions[i].count);
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
    size_t approx = 0;
    for (size_t i = 0; i < c->n_qualifier_kinds; i++)
        approx += c->qualifiers[i].count;
    snprintf(line, sizeof line, "带约数限定的数字（余、多、以上、近、约、至少等）：%zu个。", approx);
    body(p, line);
    for (size_t i = 0; i < c->n_qualifier_kinds; i++) {
        const char *q = c->qualifiers[i].name;
        const char *zh = strcmp(q, "more_than") == 0 ? "超过（余、多、以上）" :
                         strcmp(q, "approx") == 0 ? "约（近、约、左右）" :
                         strcmp(q, "at_least") == 0 ? "不少于（至少）" : "不超过（至多）";
        snprintf(line, sizeof line, "· %s：%zu个", zh, c->qualifiers[i].count);
        note(p, 10, 1.5, line);
    }
    es_pdf_fill_color(p, black);
}

/* ---- appendix 2: the source of every number --------------------------------------------- */

typedef struct source_rows {
    const brief *b;
    const es_row **rows;
    const section **secs;
} source_rows;

static void source_row(void *ctx, size_t i, es_table_row *out)
{
    const source_rows *sr = ctx;
    const es_row *r = sr->rows[i];
    const section *sec = sr->secs[i];
    out->ink = (es_rgb){0.25, 0.25, 0.25};
    snprintf(out->cells[0], ES_TABLE_CELL, "%s", sec->ind->label);
    place(sec, r, out->cells[1], ES_TABLE_CELL);
    snprintf(out->cells[2], ES_TABLE_CELL, "%d", r->year);
    es_section_row_text(sec, r, out->cells[3], ES_TABLE_CELL);
    snprintf(out->cells[4], ES_TABLE_CELL, "%s", r->chosen->quote);
    snprintf(out->cells[5], ES_TABLE_CELL, "%s", r->chosen->file);
    /* a Word or Excel file: its sheet and cell, paragraph or table cell */
    if (r->chosen->where != NULL)
        snprintf(out->cells[6], ES_TABLE_CELL, "%s", r->chosen->where);
    else
        snprintf(out->cells[6], ES_TABLE_CELL, "%ld", r->chosen->line);
}

static void sources(brief *b)
{
    es_pdf *p = b->p;
    es_pdf_new_page(p, 0);
    start_part(b, "附录二 数据来源");
    heading(p, "附录二 数据来源", H1_SIZE, 6);
    note(p, 0, 1.5, "图表和表格中每个数字的原文与出处（文件与行号；Word、Excel 与 PDF 文件为段落、表格单元格、工作表单元格或页与行），供核对。原文过长时截断，全文见 review.html 与 table.json。");
    p->y -= 6;
    size_t n = 0;
    for (size_t k = 0; k < b->n_secs; k++)
        n += b->secs[k].end - b->secs[k].first;
    source_rows sr = {b, malloc((n ? n : 1) * sizeof *sr.rows), malloc((n ? n : 1) * sizeof *sr.secs)};
    if (sr.rows == NULL || sr.secs == NULL) {
        free(sr.rows);
        free(sr.secs);
        p->failed = 1;
        return;
    }
    n = 0;
    for (size_t k = 0; k < b->n_secs; k++)
        for (size_t i = b->secs[k].first; i < b->secs[k].end; i++) {
            sr.rows[n] = &b->t->rows[i];
            sr.secs[n++] = &b->secs[k];
        }
    /* Word, Excel and PDF files are found by a locator (学校与学生!D5,
     * 第1页第5行), wider than a line number: the column makes room for it */
    int located = 0;
    for (size_t i = 0; i < n && !located; i++)
        located = sr.rows[i]->chosen->where != NULL;
    static const char *const heads[] = {"指标", "区县", "年份", "数值", "原文", "文件", "行"};
    static const char *const heads_located[] = {"指标", "区县", "年份", "数值", "原文", "文件", "行或位置"};
    static const double widths[] = {62, 60, 26, 54, 170, 98, 25};
    static const double widths_located[] = {58, 56, 26, 54, 138, 88, 75};
    char cap[64];
    snprintf(cap, sizeof cap, "附表 数据来源（%zu条）", n);
    es_pdf_table tb = {cap, located ? heads_located : heads, located ? widths_located : widths, 7, "lllrlll",
                       0, TINY_SIZE, 10, source_row, &sr};
    es_pdf_table_draw(p, &tb, n);
    free(sr.rows);
    free(sr.secs);
}

/* ---- the document --------------------------------------------------------------------- */

/* Draw the briefing and save it to out, setting *saved; except on a first
 * pass (listed NULL) that found characters the font lacks: then *found
 * holds them and nothing is saved, for a second pass that names them on
 * the data-quality page. */
static es_status render(brief *b, const es_briefing_options *o, const char *title, const char *date,
                        FILE *out, missing_chars *found, int *saved, es_error *err)
{
    es_pdf p;
    if (es_pdf_open(&p, o ? o->font_path : NULL, err) != 0)
        return err->status ? err->status : ES_ERR_IO;
    b->p = &p;
    b->figure = b->table = 0;
    b->n_toc = 0;
    char header[256];
    snprintf(header, sizeof header, "%s · %s", title, date);
    p.header = header;
    /* with the UTF-8 encoder current, libharu writes the document
     * information as UTF-16 with a byte-order mark: viewers show the
     * Chinese title (in PDFDocEncoding it came out as mojibake) */
    HPDF_SetCurrentEncoder(p.doc, "UTF-8");
    HPDF_SetInfoAttr(p.doc, HPDF_INFO_TITLE, title);
    HPDF_SetInfoAttr(p.doc, HPDF_INFO_SUBJECT, "教育统计指标的区县比较");
    HPDF_SetInfoAttr(p.doc, HPDF_INFO_CREATOR, "edustat");
    HPDF_SetPageMode(p.doc, HPDF_PAGE_MODE_USE_OUTLINE);
    es_pdf_set_language(&p, "zh-CN");
    cover(b, title, date);
    int rc = 0;
    if (b->n_secs == 0) {
        es_pdf_new_page(&p, 0);
        start_part(b, "没有可比较的数据");
        heading(&p, "没有可比较的数据", H1_SIZE, 10);
        body(&p, "没有一项指标在至少两个区县或两个年份都有数字，因此无从比较。请检查文档的区县和年份"
                 "是否识别（见附录一），或用 --district、--year、--manifest 补充。");
    } else {
        key_findings(b);
        es_pdf_new_page(&p, 0);
    }
    for (size_t i = 0; i < b->n_secs && rc == 0; i++)
        rc = draw_section(b, &b->secs[i]);
    if (rc == 0) {
        data_quality(b);
        sources(b);
        contents(b);
        if (b->listed != NULL || p.n_missing == 0) { /* the second pass always saves */
            rc = es_pdf_save(&p, out);
            *saved = rc == 0;
        }
    }
    found->n = p.n_missing;
    memcpy(found->cp, p.missing, p.n_missing * sizeof *p.missing);
    es_status st = ES_OK;
    if (rc != 0 || p.failed)
        st = err->status != ES_OK ? err->status : es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    es_pdf_close(&p);
    b->p = NULL;
    return st;
}

es_status es_briefing_write(const es_table *t, const es_summary *s, const es_corpus *c,
                            const es_briefing_options *o, FILE *out, es_error *err)
{
    const char *title = o && o->title && *o->title ? o->title : ES_BRIEFING_DEFAULT_TITLE;
    char date[32];
    es_generation_date(o ? o->date_epoch : -1, date, sizeof date);

    /* Every indicator, and of them the compared: two districts or two
     * years at least. */
    section *all = NULL, *secs = NULL;
    size_t n_all = 0, n_secs = 0;
    if (es_sections_build(t, 1, &all, &n_all) != ES_OK)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    secs = malloc((n_all ? n_all : 1) * sizeof *secs);
    toc_entry *toc = malloc((n_all + 4) * sizeof *toc);
    if (secs == NULL || toc == NULL) {
        free(all);
        free(secs);
        free(toc);
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    }
    for (size_t i = 0; i < n_all; i++)
        if (all[i].number != 0)
            secs[n_secs++] = all[i];
    brief b = {NULL, t, s, c, es_facts_lexicon(t->facts), secs, n_secs, all, n_all, NULL, 0, 0, toc, 0, NULL, 0};

    /* Drawn once; when the font lacks characters, drawn again with them
     * listed on the data-quality page (they are found while drawing). */
    missing_chars found = {{0}, 0}, listed;
    int saved = 0;
    es_status st = render(&b, o, title, date, out, &found, &saved, err);
    if (st == ES_OK && !saved) {
        listed = found;
        b.listed = &listed;
        st = render(&b, o, title, date, out, &found, &saved, err);
    }
    free(all);
    free(secs);
    free(toc);
    return st;
}

es_status es_briefing_glyph_sheet(const char *font_path, const char *chars, int cols, double size,
                                  double cell, double margin, FILE *out, es_error *err)
{
    es_pdf p;
    if (es_pdf_open(&p, font_path, err) != 0)
        return err->status ? err->status : ES_ERR_IO;
    es_pdf_new_page(&p, 1);
    const unsigned char *u = (const unsigned char *)chars;
    size_t len = strlen(chars), i = 0;
    int k = 0;
    while (i < len) {
        size_t start = i;
        i++;
        while (i < len && (u[i] & 0xC0) == 0x80)
            i++;
        char ch[8];
        snprintf(ch, sizeof ch, "%.*s", (int)(i - start), chars + start);
        double x = margin + (k % cols) * cell, y = ES_PAGE_H - margin - (k / cols + 1) * cell;
        es_pdf_text(&p, x + (cell - size) / 2, y + (cell - size) / 2 + size * 0.12, size, ch);
        k++;
    }
    int rc = es_pdf_save(&p, out);
    es_pdf_close(&p);
    return rc == 0 ? ES_OK : (err->status ? err->status : ES_ERR_IO);
}
