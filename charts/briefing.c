/* briefing.c - the PDF briefing's pages (see briefing.h). */
#include "edustat/briefing.h"
#include "charts_internal.h"
#include "pdf_internal.h"
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
#define TEXT_W (ES_PAGE_W - 2 * ES_MARGIN)

static const es_rgb black = {0, 0, 0}, muted = {0.35, 0.35, 0.35}, shade = {0.93, 0.94, 0.96};

typedef es_section section;

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

/* One table row: the first cell left-aligned, the others right-aligned. */
static void table_row(es_pdf *p, const char *const *cells, const double *widths, int n, double row_h)
{
    double x = ES_MARGIN + 4;
    for (int k = 0; k < n; k++) {
        double w = es_pdf_text_width(p, cells[k], SMALL_SIZE);
        es_pdf_text(p, k == 0 ? x : x + widths[k] - 8 - w, p->y - row_h + 4.5, SMALL_SIZE, cells[k]);
        x += widths[k];
    }
}

static int cmp_row_value(const void *a, const void *b)
{
    const es_row *x = *(const es_row *const *)a, *y = *(const es_row *const *)b;
    if (x->value != y->value)
        return x->value > y->value ? -1 : 1;
    return strcmp(x->district, y->district);
}

static void cover(es_pdf *p, const es_table *t, const es_corpus *c, const section *secs, size_t n_secs,
                  const char *title, const char *date)
{
    es_pdf_new_page(p, 1);
    es_pdf_fill_color(p, (es_rgb){0.0, 0.447, 0.698});
    es_pdf_rect(p, ES_MARGIN, ES_PAGE_H - 190, TEXT_W, 4, 1, 0);
    es_pdf_fill_color(p, black);
    es_pdf_text(p, ES_MARGIN, ES_PAGE_H - 170, TITLE_SIZE, title);
    es_pdf_fill_color(p, muted);
    es_pdf_text(p, ES_MARGIN, ES_PAGE_H - 215, BODY_SIZE, "由 edustat 从教育局工作总结、计划与统计公报中提取");
    p->y = ES_PAGE_H - 250;
    char line[1024];
    heading(p, "数据概况", H2_SIZE, 8);
    snprintf(line, sizeof line, "文件 %zu 个，文档 %zu 篇，涉及区县 %zu 个。", c->n_files, c->n_documents,
             c->n_districts);
    body(p, line);
    if (c->first_year)
        snprintf(line, sizeof line, "年份：%d 年至 %d 年。", c->first_year, c->last_year);
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
    snprintf(line, sizeof line, "提取数字 %zu 个，其中被隐去的数字（如“__所”）%zu 个；可比较的指标 %zu 项，数据表 %zu 行。",
             c->n_records + c->n_redactions, c->n_redactions, n_secs, t->n_rows);
    body(p, line);
    snprintf(line, sizeof line, "生成日期：%s", date);
    body(p, line);
    p->y -= 10;
    heading(p, "目录", H2_SIZE, 8);
    if (n_secs == 0)
        body(p, "没有可比较的指标。");
    for (size_t i = 0; i < n_secs; i++) {
        snprintf(line, sizeof line, "%d. %s", secs[i].number, secs[i].ind->label);
        body(p, line);
    }
    snprintf(line, sizeof line, "%zu. 数据质量", n_secs + 1);
    body(p, line);
    snprintf(line, sizeof line, "%zu. 数据来源", n_secs + 2);
    body(p, line);
}

static void draw_table(es_pdf *p, const es_table *t, const es_summary *s, const section *sec)
{
    static const char *const heads[] = {"区县", "数值", "排名", "与中位数之比", "同比变化"};
    const double widths[] = {170, 110, 55, 80, 80};
    const double row_h = 15;
    char cell[5][256];
    int first = 1;
    /* the latest year's rows, best first */
    size_t n_rows = 0;
    const es_row **rows = malloc((sec->end - sec->first) * sizeof *rows);
    if (rows == NULL) {
        p->failed = 1;
        return;
    }
    for (size_t i = sec->first; i < sec->end; i++)
        if (t->rows[i].year == sec->latest_year)
            rows[n_rows++] = &t->rows[i];
    qsort(rows, n_rows, sizeof *rows, cmp_row_value);
    for (size_t i = 0; i < n_rows; i++) {
        const es_row *r = rows[i];
        if (first || p->y - row_h < ES_MARGIN) {
            if (!first)
                es_pdf_new_page(p, 0);
            es_pdf_need(p, row_h * 2);
            es_pdf_fill_color(p, shade);
            es_pdf_rect(p, ES_MARGIN, p->y - row_h, TEXT_W, row_h, 1, 0);
            es_pdf_fill_color(p, black);
            table_row(p, heads, widths, 5, row_h);
            p->y -= row_h;
            first = 0;
        }
        const es_comparison *c = es_summary_comparison(s, t, r);
        es_pdf_fit(p, r->district, SMALL_SIZE, widths[0] - 8, cell[0], sizeof cell[0]);
        es_section_value_text(sec, r->value, cell[1], sizeof cell[1]);
        if (r->qualifier != ES_QUALIFIER_EXACT) {
            size_t n = strlen(cell[1]);
            snprintf(cell[1] + n, sizeof cell[1] - n, "%s",
                     r->qualifier == ES_QUALIFIER_APPROX ? " 约" :
                     r->qualifier == ES_QUALIFIER_MORE_THAN ? " 以上" :
                     r->qualifier == ES_QUALIFIER_AT_LEAST ? " 至少" : " 至多");
        }
        snprintf(cell[2], sizeof cell[2], "%d/%d", c ? c->rank : 0, c ? c->of : 0);
        if (c && isfinite(c->ratio_to_median))
            snprintf(cell[3], sizeof cell[3], "%.2f", c->ratio_to_median);
        else
            snprintf(cell[3], sizeof cell[3], "-");
        if (c && isfinite(c->yoy_pct))
            snprintf(cell[4], sizeof cell[4], "%+.1f%%", c->yoy_pct);
        else
            snprintf(cell[4], sizeof cell[4], "-");
        es_pdf_fill_color(p, black);
        const char *const row_cells[5] = {cell[0], cell[1], cell[2], cell[3], cell[4]};
        table_row(p, row_cells, widths, 5, row_h);
        es_pdf_stroke_color(p, (es_rgb){0.85, 0.85, 0.85});
        es_pdf_line(p, ES_MARGIN, p->y - row_h, ES_MARGIN + TEXT_W, p->y - row_h, 0.4);
        p->y -= row_h;
    }
    free(rows);
    /* the summary line of the year */
    for (size_t i = 0; i < s->n_by_year; i++) {
        const es_year_stats *y = &s->by_year[i];
        if (y->indicator != sec->ind || y->year != sec->latest_year)
            continue;
        char mean[64], median[64], sd[64], line[512];
        es_section_value_text(sec, y->mean, mean, sizeof mean);
        es_section_value_text(sec, y->median, median, sizeof median);
        if (isfinite(y->sd))
            es_section_value_text(sec, y->sd, sd, sizeof sd);
        else
            snprintf(sd, sizeof sd, "-");
        snprintf(line, sizeof line, "%d 年：n = %zu，均值 %s，中位数 %s，标准差 %s。", y->year, y->n, mean, median, sd);
        p->y -= 4;
        note(p, 0, 1.5, line);
        es_pdf_fill_color(p, black);
    }
}

/* The most targets listed under one indicator's table. */
#define MAX_TARGETS_LISTED 12

/* Targets the documents set for this indicator: beside the table, never in
 * it (a plan is not what a district reached). */
static void targets_note(es_pdf *p, const es_table *t, const section *sec)
{
    char line[1024], val[64];
    size_t n = 0;
    for (size_t i = 0; i < t->n_targets; i++)
        n += es_lexicon_at(es_facts_lexicon(t->facts), t->targets[i]->indicator) == sec->ind;
    if (n == 0)
        return;
    p->y -= 6;
    heading(p, "目标（文件中的计划数，不计入上表）", H2_SIZE, 4);
    size_t shown = 0;
    for (size_t i = 0; i < t->n_targets && shown < MAX_TARGETS_LISTED; i++) {
        const es_fact *x = t->targets[i];
        if (es_lexicon_at(es_facts_lexicon(t->facts), x->indicator) != sec->ind)
            continue;
        es_section_fact_text(sec, x, val, sizeof val);
        /* a goal named for a year (到2025年) says so; else the plan's document */
        char when[48] = "";
        if (x->year && x->year != x->doc_year)
            snprintf(when, sizeof when, " %d 年", x->year);
        else if (x->doc_year)
            snprintf(when, sizeof when, "（%d 年的文件）", x->doc_year);
        snprintf(line, sizeof line, "· %s%s目标 %s%s：“%s”（%s 第 %ld 行）", x->district, when, val,
                 es_qualifier_words(x->qualifier), x->quote, x->file, x->line);
        note(p, 10, 1.5, line);
        shown++;
    }
    if (n > shown) {
        snprintf(line, sizeof line, "· 另有 %zu 条，见 table.json 的 targets。", n - shown);
        note(p, 10, 1.5, line);
    }
    es_pdf_fill_color(p, black);
}

static int draw_section(es_pdf *p, const es_table *t, const es_summary *s, const section *sec)
{
    char line[512];
    es_pdf_new_page(p, 0);
    snprintf(line, sizeof line, "%d. %s", sec->number, sec->ind->label);
    heading(p, line, H1_SIZE, 4);
    es_pdf_fill_color(p, muted);
    snprintf(line, sizeof line, "指标 %s；%zu 个区县，%zu 个年份；单位 %s。", sec->ind->id, sec->n_districts,
             sec->n_years, sec->unit);
    es_pdf_text(p, ES_MARGIN, p->y - SMALL_SIZE, SMALL_SIZE, line);
    p->y -= SMALL_SIZE + 14;

    /* bar chart of the latest year, sorted; lines across years, one per district */
    es_canvas canvas = es_pdf_canvas(p);
    snprintf(line, sizeof line, "各区县比较（%d 年）", sec->latest_year);
    heading(p, line, H2_SIZE, 14);
    double bh = es_section_bars_height(sec);
    es_pdf_need(p, bh);
    if (es_section_bars(&canvas, t, sec, ES_MARGIN, p->y - bh, TEXT_W, bh) != 0)
        return -1;
    p->y -= bh + 16;
    if (sec->n_years >= 2) {
        heading(p, "历年变化", H2_SIZE, 14);
        double lh = es_section_lines_height(sec);
        es_pdf_need(p, lh);
        if (es_section_lines(&canvas, t, sec, ES_MARGIN, p->y - lh, TEXT_W, lh) != 0)
            return -1;
        p->y -= lh + 12;
    }
    snprintf(line, sizeof line, "排名与变化（%d 年）", sec->latest_year);
    heading(p, line, H2_SIZE, 4);
    draw_table(p, t, s, sec);
    targets_note(p, t, sec);
    return p->failed ? -1 : 0;
}

/* The section of an indicator, or NULL when it has none. */
static const section *section_of(const section *secs, size_t n_secs, const es_indicator *ind)
{
    for (size_t i = 0; i < n_secs; i++)
        if (secs[i].ind == ind)
            return &secs[i];
    return NULL;
}

/* Figures left out by reason, and cells two documents give differently. */
static void table_quality(es_pdf *p, const es_table *t, const section *secs, size_t n_secs)
{
    char line[1024];
    size_t total = es_unplaced_count(t, NULL);
    snprintf(line, sizeof line, "未进入比较的数字：%zu 个。表中每格只取该区县当年实际达到的数。", total);
    body(p, line);
    for (size_t r = 0; r < ES_N_REASONS; r++) {
        size_t n = es_unplaced_count(t, es_reason_words[r][0]);
        if (n == 0)
            continue;
        snprintf(line, sizeof line, "· %s：%zu 个", es_reason_words[r][1], n);
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
    size_t n_conflicts = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n_conflicts += t->rows[i].conflict;
    snprintf(line, sizeof line, "不同文件给出不同数值的单元格：%zu 个（表中取报告当年的文件，否则取最新的文件）。",
             n_conflicts);
    body(p, line);
    for (size_t i = 0; i < t->n_rows; i++) {
        const es_row *r = &t->rows[i];
        if (!r->conflict)
            continue;
        const section *sec = section_of(secs, n_secs, r->indicator);
        int len = snprintf(line, sizeof line, "· %s %d 年 %s：", r->district, r->year, r->indicator->label);
        for (size_t k = 0; k < r->n_sources && len > 0 && (size_t)len < sizeof line; k++) {
            const es_fact *x = r->doc_picks[k];
            char val[64];
            es_section_fact_text(sec, x, val, sizeof val);
            len += snprintf(line + len, sizeof line - (size_t)len, "%s%s（%s 第 %ld 行）", k ? "；" : "", val,
                            x->file, x->line);
        }
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
}

/* Values a chart cannot show (not finite, or beyond ES_CHART_MAX_ABS):
 * left out of the charts, listed here. */
static void unchartable(es_pdf *p, const es_table *t)
{
    char line[512], val[64];
    size_t n = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n += !es_chartable(t->rows[i].value);
    if (n == 0)
        return;
    snprintf(line, sizeof line, "超出图表范围的数值：%zu 个（未画入图中，请核对原文）。", n);
    body(p, line);
    for (size_t i = 0; i < t->n_rows; i++) {
        const es_row *r = &t->rows[i];
        if (es_chartable(r->value))
            continue;
        es_format_number(r->value, 2, val, sizeof val);
        snprintf(line, sizeof line, "· %s %d 年 %s：%s %s", r->district, r->year, r->indicator->label, val,
                 r->unit);
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
}

/* Characters the font lacks, drawn as □. */
typedef struct missing_chars {
    uint32_t cp[ES_PDF_MAX_MISSING];
    size_t n;
} missing_chars;

/* The line of the data-quality page on them. */
static void missing_note(es_pdf *p, const missing_chars *m)
{
    if (m == NULL || m->n == 0)
        return;
    char line[1024];
    int len = snprintf(line, sizeof line, "字体中没有的字符：%zu 个，文中以 □ 代替（", m->n);
    for (size_t i = 0; i < m->n && len > 0 && (size_t)len < sizeof line - 16; i++)
        len += snprintf(line + len, sizeof line - (size_t)len, "%sU+%04X", i ? "、" : "", (unsigned)m->cp[i]);
    if (len > 0 && (size_t)len < sizeof line - 8)
        snprintf(line + len, sizeof line - (size_t)len, "）。");
    body(p, line);
    p->y -= 6;
}

static void data_quality(es_pdf *p, const es_table *t, const section *secs, size_t n_secs,
                         const es_corpus *c, const es_lexicon *lx, int number, const missing_chars *missing)
{
    char line[1024];
    es_pdf_new_page(p, 0);
    snprintf(line, sizeof line, "%d. 数据质量", number);
    heading(p, line, H1_SIZE, 10);
    unchartable(p, t);
    missing_note(p, missing);
    table_quality(p, t, secs, n_secs);
    snprintf(line, sizeof line, "缺少区县或年份的文档：%zu 篇（其数字不进入比较，计入 table.json 的 unplaced）。",
             c->n_unplaced_docs);
    body(p, line);
    for (size_t i = 0; i < c->n_unplaced_docs && i < ES_CORPUS_MAX_LISTED; i++) {
        const es_corpus_doc *d = &c->unplaced_docs[i];
        snprintf(line, sizeof line, "· %s《%s》：缺%s%s", d->id, d->title, d->missing_district ? "区县" : "",
                 d->missing_year ? (d->missing_district ? "、年份" : "年份") : "");
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
    snprintf(line, sizeof line, "被隐去的数字：%zu 个（原文以 __、XX、** 等代替数字）。", c->n_redactions);
    body(p, line);
    for (size_t i = 0; i < c->n_redaction_kinds; i++) {
        const es_indicator *ind = es_lexicon_find(lx, c->redactions[i].name);
        snprintf(line, sizeof line, "· %s：%zu 个", ind ? ind->label : c->redactions[i].name, c->redactions[i].count);
        note(p, 10, 1.5, line);
    }
    p->y -= 6;
    size_t approx = 0;
    for (size_t i = 0; i < c->n_qualifier_kinds; i++)
        approx += c->qualifiers[i].count;
    snprintf(line, sizeof line, "带约数限定的数字（余、多、以上、近、约、至少等）：%zu 个。", approx);
    body(p, line);
    for (size_t i = 0; i < c->n_qualifier_kinds; i++) {
        const char *q = c->qualifiers[i].name;
        const char *zh = strcmp(q, "more_than") == 0 ? "以上（余、多、超过）" :
                         strcmp(q, "approx") == 0 ? "约（近、约、左右）" :
                         strcmp(q, "at_least") == 0 ? "至少（不少于）" : "至多（不超过）";
        snprintf(line, sizeof line, "· %s：%zu 个", zh, c->qualifiers[i].count);
        note(p, 10, 1.5, line);
    }
    es_pdf_fill_color(p, black);
}

static void sources(es_pdf *p, const es_table *t, const section *secs, size_t n_secs, int number)
{
    char line[2048], val[96];
    es_pdf_new_page(p, 0);
    snprintf(line, sizeof line, "%d. 数据来源", number);
    heading(p, line, H1_SIZE, 6);
    body(p, "图表和表格中每个数字的原文、文件与行号，供核对。");
    for (size_t k = 0; k < n_secs; k++) {
        const section *sec = &secs[k];
        snprintf(line, sizeof line, "%d. %s", sec->number, sec->ind->label);
        heading(p, line, H2_SIZE, 4);
        for (size_t i = sec->first; i < sec->end; i++) {
            const es_row *r = &t->rows[i];
            es_section_value_text(sec, r->value, val, sizeof val);
            snprintf(line, sizeof line, "%s %d 年 %s：“%s”（%s 第 %ld 行）", r->district, r->year, val,
                     r->chosen->quote, r->chosen->file, r->chosen->line);
            note(p, 0, 1.45, line);
        }
        p->y -= 4;
    }
    es_pdf_fill_color(p, black);
}

/* Draw the briefing and save it to out, setting *saved; except on a first
 * pass (listed NULL) that found characters the font lacks: then *found
 * holds them and nothing is saved, for a second pass that names them on
 * the data-quality page. */
static es_status render(const es_table *t, const es_summary *s, const es_corpus *c, const es_lexicon *lx,
                        const section *secs, size_t n_secs, const es_briefing_options *o, const char *title,
                        const char *date, const missing_chars *listed, FILE *out, missing_chars *found,
                        int *saved, es_error *err)
{
    es_pdf p;
    if (es_pdf_open(&p, o ? o->font_path : NULL, err) != 0)
        return err->status ? err->status : ES_ERR_IO;
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
    es_pdf_set_language(&p, "zh-CN");
    cover(&p, t, c, secs, n_secs, title, date);
    if (n_secs == 0) {
        es_pdf_new_page(&p, 0);
        heading(&p, "没有可比较的数据", H1_SIZE, 10);
        body(&p, "没有一项指标在至少两个区县或两个年份都有数字，因此无从比较。请检查文档的区县和年份"
                 "是否识别（见数据质量一节），或用 --district、--year、--manifest 补充。");
    }
    int rc = 0;
    for (size_t i = 0; i < n_secs && rc == 0; i++)
        rc = draw_section(&p, t, s, &secs[i]);
    if (rc == 0) {
        data_quality(&p, t, secs, n_secs, c, lx, (int)n_secs + 1, listed);
        sources(&p, t, secs, n_secs, (int)n_secs + 2);
        if (listed != NULL || p.n_missing == 0) { /* the second pass always saves */
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
    return st;
}

es_status es_briefing_write(const es_table *t, const es_summary *s, const es_corpus *c,
                            const es_briefing_options *o, FILE *out, es_error *err)
{
    const es_lexicon *lx = es_facts_lexicon(t->facts);
    const char *title = o && o->title && *o->title ? o->title : ES_BRIEFING_DEFAULT_TITLE;
    char date[32];
    es_generation_date(o ? o->date_epoch : -1, date, sizeof date);

    /* Sections: indicators with at least two districts or two years. */
    section *secs = NULL;
    size_t n_secs = 0;
    if (es_sections_build(t, 0, &secs, &n_secs) != ES_OK)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");

    /* Drawn once; when the font lacks characters, drawn again with them
     * listed on the data-quality page (they are found while drawing). */
    missing_chars found = {{0}, 0};
    int saved = 0;
    es_status st = render(t, s, c, lx, secs, n_secs, o, title, date, NULL, out, &found, &saved, err);
    if (st == ES_OK && !saved) {
        missing_chars listed = found;
        st = render(t, s, c, lx, secs, n_secs, o, title, date, &listed, out, &found, &saved, err);
    }
    free(secs);
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
