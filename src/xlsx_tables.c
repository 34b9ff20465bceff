/* xlsx_tables.c - the table as an Excel workbook (see xlsx_tables.h). The
 * only module that calls libxlsxwriter. */
#include "edustat/xlsx_tables.h"
#include "xlsx_internal.h"
#include "error_internal.h"
#include "number_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

/* How an indicator's values are shown: divided by divisor, in unit, with
 * an Excel number format (es_value_scale's scale and decimals, as the
 * briefing shows them). */
typedef struct value_style {
    double divisor;
    char unit[32];
    lxw_format *format;
} value_style;

typedef struct formats {
    lxw_format *head, *rate, *yi, *whole, *text;
} formats;

static value_style style_of(const formats *f, const es_table *t, size_t first, size_t end)
{
    double max_abs = 0;
    for (size_t i = first; i < end; i++)
        if (isfinite(t->rows[i].value))
            max_abs = fmax(max_abs, fabs(t->rows[i].value));
    value_style st;
    int decimals;
    es_value_scale(t->rows[first].unit, max_abs, &st.divisor, st.unit, sizeof st.unit, &decimals);
    if (strcmp(st.unit, ":1") == 0)
        snprintf(st.unit, sizeof st.unit, "X:1");
    st.format = decimals >= 2 ? f->yi : decimals == 1 ? f->rate : f->whole;
    return st;
}

/* An Excel sheet name from a label: at most 31 characters (UTF-8 kept
 * whole), none of []:*?/\ , unique among the names given so far. */
static void sheet_name(const char *label, char names[][128], size_t n_names, char *out, size_t cap)
{
    size_t chars = 0, o = 0;
    for (const unsigned char *p = (const unsigned char *)label; *p && chars < 28 && o + 5 < cap;) {
        size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        if (len == 1 && strchr("[]:*?/\\'", *p) != NULL) {
            out[o++] = '_';
            p++;
        } else {
            for (size_t k = 0; k < len && p[k]; k++)
                out[o++] = (char)p[k];
            p += len;
        }
        chars++;
    }
    out[o] = '\0';
    for (int k = 2; k < 100; k++) {
        int taken = 0;
        for (size_t i = 0; i < n_names && !taken; i++)
            taken = strcmp(names[i], out) == 0;
        if (!taken)
            return;
        snprintf(out + o, cap - o, "_%d", k);
    }
}

/* Excel's rows per sheet, the header included. */
#define SHEET_ROWS 1048576

/* Rows [from, to) of the long table, under a header row. */
static int write_long_table(lxw_worksheet *ws, const es_table *t, size_t from, size_t to, const formats *f)
{
    static const char *const heads[] = {"指标", "指标代码", "区县", "城市", "年份", "数值", "单位", "限定",
                                        "来源文件", "行", "原文"};
    for (int c = 0; c < 11; c++)
        if (worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], f->head) != LXW_NO_ERROR)
            return -1;
    for (size_t i = from; i < to; i++) {
        const es_row *r = &t->rows[i];
        lxw_row_t row = (lxw_row_t)(i - from + 1);
        worksheet_write_string(ws, row, 0, r->indicator->label, NULL);
        worksheet_write_string(ws, row, 1, r->indicator->id, NULL);
        worksheet_write_string(ws, row, 2, r->district, NULL);
        if (r->city)
            worksheet_write_string(ws, row, 3, r->city, NULL);
        worksheet_write_number(ws, row, 4, r->year, NULL);
        if (isfinite(r->value))
            worksheet_write_number(ws, row, 5, r->value, strcmp(r->unit, "%") == 0 ? f->rate : NULL);
        worksheet_write_string(ws, row, 6, strcmp(r->unit, "ratio") == 0 ? "X:1" : r->unit, NULL);
        worksheet_write_string(ws, row, 7, es_qualifier_name(r->qualifier), NULL);
        worksheet_write_string(ws, row, 8, r->chosen->file, NULL);
        worksheet_write_number(ws, row, 9, (double)r->chosen->line, NULL);
        if (worksheet_write_string(ws, row, 10, r->chosen->quote, f->text) != LXW_NO_ERROR)
            return -1;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 26, NULL);
    worksheet_set_column(ws, 2, 3, 12, NULL);
    worksheet_set_column(ws, 5, 5, 14, NULL);
    worksheet_set_column(ws, 8, 8, 28, NULL);
    worksheet_set_column(ws, 10, 10, 60, NULL);
    return 0;
}

/* Districts down, years across, for rows [first, end) of one indicator. */
static int write_indicator(lxw_worksheet *ws, const es_table *t, size_t first, size_t end, const formats *f,
                           int *years, size_t cap_years)
{
    value_style st = style_of(f, t, first, end);
    size_t ny = es_table_years(t, first, end, years, cap_years);
    char head[256];
    snprintf(head, sizeof head, "%s（%s）", t->rows[first].indicator->label, st.unit);
    worksheet_write_string(ws, 0, 0, head, f->head);
    worksheet_write_string(ws, 1, 0, "区县", f->head);
    for (size_t y = 0; y < ny; y++) {
        char yy[16];
        snprintf(yy, sizeof yy, "%d年", years[y]);
        worksheet_write_string(ws, 1, (lxw_col_t)(y + 1), yy, f->head);
    }
    lxw_row_t row = 1;
    for (size_t i = first; i < end;) {
        size_t e = i;
        while (e < end && strcmp(t->rows[e].district, t->rows[i].district) == 0)
            e++;
        row++;
        if (worksheet_write_string(ws, row, 0, t->rows[i].district, NULL) != LXW_NO_ERROR)
            return -1;
        for (size_t k = i; k < e; k++) {
            size_t y = 0;
            while (y < ny && years[y] != t->rows[k].year)
                y++;
            if (y < ny && isfinite(t->rows[k].value))
                worksheet_write_number(ws, row, (lxw_col_t)(y + 1), t->rows[k].value / st.divisor, st.format);
        }
        i = e;
    }
    worksheet_freeze_panes(ws, 2, 1);
    worksheet_set_column(ws, 0, 0, 16, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)(ny ? ny : 1), 12, NULL);
    return 0;
}

es_status es_write_table_xlsx(const es_table *t, const char *path, long long created, es_error *err)
{
    return es_write_table_xlsx_sheets(t, path, created, SHEET_ROWS - 1, err);
}

es_status es_write_table_xlsx_sheets(const es_table *t, const char *path, long long created, size_t rows_per_sheet,
                                     es_error *err)
{
    /* rows go straight to temporary files as they are written (each sheet
     * is written row by row, left to right): memory stays flat however
     * long the table */
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &options);
    if (wb == NULL)
        return es_error_set(err, ES_ERR_WRITE, path, 0, "cannot create the workbook");
    if (created < 0) {
        time_t now = time(NULL);
        created = (long long)(now - now % 86400);
    }
    lxw_doc_properties props = {0};
    props.title = (char *)"教育指标数据";
    props.comments = (char *)"edustat: figures from education-bureau reports, one row per indicator, district and year";
    props.created = (time_t)created;
    workbook_set_properties(wb, &props);
    formats f;
    f.head = workbook_add_format(wb);
    f.rate = workbook_add_format(wb);
    f.yi = workbook_add_format(wb);
    f.whole = workbook_add_format(wb);
    f.text = workbook_add_format(wb);
    format_set_bold(f.head);
    format_set_bg_color(f.head, 0xEDF0F5);
    format_set_num_format(f.rate, "0.0");
    format_set_num_format(f.yi, "#,##0.00");
    format_set_num_format(f.whole, "#,##0");
    format_set_text_wrap(f.text);
    int rc = 0;
    /* the long table on as many sheets as Excel's row limit asks:
     * 指标表, 指标表2, ... */
    if (rows_per_sheet == 0 || rows_per_sheet > SHEET_ROWS - 1)
        rows_per_sheet = SHEET_ROWS - 1;
    size_t n_long = t->n_rows ? (t->n_rows - 1) / rows_per_sheet + 1 : 1; /* an empty table: its header */
    for (size_t part = 0; part < n_long && rc == 0; part++) {
        char name[32];
        snprintf(name, sizeof name, part ? "指标表%zu" : "指标表", part + 1);
        size_t from = part * rows_per_sheet, to = from + rows_per_sheet;
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        if (ws == NULL || write_long_table(ws, t, from, to < t->n_rows ? to : t->n_rows, &f) != 0)
            rc = -1;
    }
    size_t n_ind = 0;
    for (size_t i = 0; i < t->n_rows; i++)
        n_ind += i == 0 || t->rows[i].indicator != t->rows[i - 1].indicator;
    char (*names)[128] = calloc(n_ind + 1, sizeof *names);
    int *years = malloc((t->n_rows ? t->n_rows : 1) * sizeof *years);
    if (names == NULL || years == NULL)
        rc = -2;
    if (names != NULL)
        snprintf(names[0], sizeof names[0], "指标表");
    size_t k = 1;
    for (size_t i = 0; i < t->n_rows && rc == 0;) {
        size_t j = i;
        while (j < t->n_rows && t->rows[j].indicator == t->rows[i].indicator)
            j++;
        sheet_name(t->rows[i].indicator->label, names, k, names[k], sizeof names[k]);
        lxw_worksheet *s = workbook_add_worksheet(wb, names[k]);
        k++;
        if (s == NULL || write_indicator(s, t, i, j, &f, years, t->n_rows) != 0)
            rc = -1;
        i = j;
    }
    free(names);
    free(years);
    lxw_error closed = workbook_close(wb); /* writes the file; frees wb either way */
    if (rc == -2)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    if (rc != 0 || closed != LXW_NO_ERROR)
        return es_error_set(err, ES_ERR_WRITE, path, 0, "cannot write the workbook: %s",
                            closed != LXW_NO_ERROR ? lxw_strerror(closed) : "a sheet failed");
    return ES_OK;
}
