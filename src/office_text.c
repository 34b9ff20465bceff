/* office_text.c - tables and paragraphs of Word and Excel files as text
 * (office_internal.h). */
#include "office_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

es_status es_grid_init(es_grid *g, size_t rows, size_t cols)
{
    memset(g, 0, sizeof *g);
    if (rows == 0 || cols == 0)
        return ES_OK;
    if (rows > ES_MAX_GRID_CELLS / cols)
        return ES_ERR_LIMIT;
    g->cells = calloc(rows * cols, sizeof *g->cells);
    if (g->cells == NULL)
        return ES_ERR_NOMEM;
    g->n_rows = rows;
    g->n_cols = cols;
    return ES_OK;
}

void es_grid_free(es_grid *g)
{
    if (g->cells != NULL)
        for (size_t i = 0; i < g->n_rows * g->n_cols; i++)
            free(g->cells[i].text);
    free(g->cells);
    memset(g, 0, sizeof *g);
}

int es_grid_merge(es_grid *g, size_t r0, size_t c0, size_t r1, size_t c1)
{
    if (r0 >= g->n_rows || c0 >= g->n_cols)
        return 0;
    if (r1 >= g->n_rows)
        r1 = g->n_rows - 1;
    if (c1 >= g->n_cols)
        c1 = g->n_cols - 1;
    const es_grid_cell *first = ES_GRID_AT(g, r0, c0);
    for (size_t r = r0; r <= r1; r++)
        for (size_t c = c0; c <= c1; c++) {
            es_grid_cell *x = ES_GRID_AT(g, r, c);
            if (x == first || x->covered)
                continue;
            free(x->text);
            x->text = first->text ? strdup(first->text) : NULL;
            if (first->text != NULL && x->text == NULL)
                return -1;
            x->number = false; /* a merged figure counts once, in its first cell */
            x->error = false;
            x->covered = true;
        }
    return 0;
}

/* ---- the text ------------------------------------------------------- */

static void append(es_office_text *o, const char *s, size_t n)
{
    if (!o->failed && es_growbuf_append(&o->text, s, n) != 0)
        o->failed = 1;
}

static void locate(es_office_text *o, const es_locator *loc)
{
    if (o->failed)
        return;
    if (es_grow_array((void **)&o->spans, &o->cap_spans, o->n_spans, sizeof *o->spans) != 0) {
        o->failed = 1;
        return;
    }
    es_loc_span *s = &o->spans[o->n_spans++];
    s->start = o->text.len;
    if (loc != NULL)
        s->loc = *loc;
    else
        memset(&s->loc, 0, sizeof s->loc);
}

void es_office_line(es_office_text *o, const char *s, size_t n, const es_locator *loc)
{
    /* a line of spaces alone says nothing */
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    if (k == n)
        return;
    locate(o, loc);
    append(o, s, n);
    append(o, "\n", 1);
}

int es_office_note(es_office_text *o, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **p = realloc(o->notes, (o->n_notes + 1) * sizeof *p);
    if (p == NULL)
        return -1;
    o->notes = p;
    if ((p[o->n_notes] = strdup(buf)) == NULL)
        return -1;
    o->n_notes++;
    return 0;
}

void es_office_append(es_office_text *o, const char *s, size_t n, const es_locator *loc)
{
    if (loc != NULL)
        locate(o, loc);
    append(o, s, n);
}

const char *es_office_keep_sheet(es_office_text *o, const char *name)
{
    char **p = realloc(o->sheets, (o->n_sheets + 1) * sizeof *p);
    if (p == NULL)
        return NULL;
    o->sheets = p;
    if ((p[o->n_sheets] = strdup(name)) == NULL)
        return NULL;
    return p[o->n_sheets++];
}

static void add_cell(es_office_text *o, size_t start, size_t end, const char *header, const char *row_label)
{
    if (o->failed)
        return;
    if (es_grow_array((void **)&o->cells, &o->cap_cells, o->n_cells, sizeof *o->cells) != 0) {
        o->failed = 1;
        return;
    }
    es_table_cell *c = &o->cells[o->n_cells];
    c->start = start;
    c->end = end;
    c->header = strdup(header);
    c->row_label = strdup(row_label);
    if (c->header == NULL || c->row_label == NULL) {
        free(c->header);
        free(c->row_label);
        o->failed = 1;
        return;
    }
    o->n_cells++;
}

void es_office_text_free(es_office_text *o)
{
    free(o->text.data);
    free(o->title);
    free(o->publisher);
    for (size_t i = 0; i < o->n_cells; i++) {
        free(o->cells[i].header);
        free(o->cells[i].row_label);
    }
    free(o->cells);
    free(o->spans);
    for (size_t i = 0; i < o->n_sheets; i++)
        free(o->sheets[i]);
    free(o->sheets);
    for (size_t i = 0; i < o->n_notes; i++)
        free(o->notes[i]);
    free(o->notes);
    memset(o, 0, sizeof *o);
}

void es_office_cell_ref(size_t row, size_t col, char *out, size_t cap)
{
    char letters[4];
    int n = 0;
    col++;
    while (col > 0 && n < 3) { /* XFD, the last of Excel's 16,384 columns */
        letters[2 - n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    snprintf(out, cap, "%.*s%lu", n, letters + 3 - n, (unsigned long)(row + 1));
}

/* ---- numbers as cells show them ------------------------------------- */

bool es_office_is_number(const char *s)
{
    size_t i = 0, digits = 0;
    while (s[i] == ' ')
        i++;
    bool paren = s[i] == '(' || (unsigned char)s[i] == 0xEF; /* （ is EF BC 88 */
    if (s[i] == '(')
        i++;
    else if (paren && strncmp(s + i, "\xEF\xBC\x88", 3) == 0)
        i += 3;
    else
        paren = false;
    if (s[i] == '-' || s[i] == '+')
        i++;
    for (; s[i]; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != ',' && s[i] != '.')
            break;
    }
    if (s[i] == '%')
        i++;
    if (paren) {
        if (s[i] == ')')
            i++;
        else if (strncmp(s + i, "\xEF\xBC\x89", 3) == 0)
            i += 3;
        else
            return false;
    }
    while (s[i] == ' ')
        i++;
    return digits > 0 && s[i] == '\0';
}

/* ---- tables ----------------------------------------------------------- */

static bool is_blank(const es_grid_cell *c)
{
    return c->text == NULL || c->text[0] == '\0';
}

/* The unit a note row gives (单位：万元, 单位:人), copied to out; false if none. */
static bool unit_note(const es_grid *g, size_t r, char *out, size_t cap)
{
    for (size_t c = 0; c < g->n_cols; c++) {
        const es_grid_cell *x = ES_GRID_AT(g, r, c);
        if (is_blank(x) || x->covered)
            continue;
        const char *u = strstr(x->text, "单位");
        if (u == NULL)
            continue;
        u += strlen("单位");
        if (strncmp(u, "：", strlen("：")) == 0)
            u += strlen("：");
        else if (*u == ':')
            u++;
        else
            continue;
        while (*u == ' ')
            u++;
        size_t n = strcspn(u, " ，,;；）)");
        if (n == 0 || n >= cap)
            continue;
        memcpy(out, u, n);
        out[n] = '\0';
        return true;
    }
    return false;
}

/* A row with figures in it (a column of sequence numbers aside). */
static bool has_figures(const es_grid *g, size_t r, const bool *seq_col)
{
    for (size_t c = 0; c < g->n_cols; c++)
        if (!seq_col[c] && (ES_GRID_AT(g, r, c)->number || ES_GRID_AT(g, r, c)->error))
            return true;
    return false;
}

/* Distinct texts of a row, merged ranges counted once. */
static size_t n_texts(const es_grid *g, size_t r)
{
    size_t n = 0;
    for (size_t c = 0; c < g->n_cols; c++) {
        const es_grid_cell *x = ES_GRID_AT(g, r, c);
        n += !is_blank(x) && !x->covered;
    }
    return n;
}

static void cell_locator(const es_grid *g, size_t r, size_t c, es_locator *loc)
{
    memset(loc, 0, sizeof *loc);
    const es_grid_cell *x = ES_GRID_AT(g, r, c);
    if (g->sheet != NULL) {
        loc->sheet = g->sheet;
        snprintf(loc->cell, sizeof loc->cell, "%s", x->ref);
    } else {
        loc->table = g->table;
        loc->row = (int)r + 1;
        loc->column = (int)c + 1;
    }
}

static void text_row(es_office_text *o, const es_grid *g, size_t r)
{
    for (size_t c = 0; c < g->n_cols; c++) {
        const es_grid_cell *x = ES_GRID_AT(g, r, c);
        if (is_blank(x) || x->covered)
            continue;
        es_locator loc;
        cell_locator(g, r, c, &loc);
        es_office_line(o, x->text, strlen(x->text), &loc);
    }
}

#define HEADER_MAX 512

/* Does a header or label name a unit in brackets (经费（万元）)? */
static bool names_unit(const char *s)
{
    return strstr(s, "（") != NULL || strchr(s, '(') != NULL;
}

void es_office_table(es_office_text *o, const es_grid *g)
{
    if (g->n_rows == 0 || g->n_cols == 0)
        return;
    /* columns of sequence numbers (序号) are labels, not figures */
    bool *seq_col = calloc(g->n_cols, sizeof *seq_col);
    char (*header)[HEADER_MAX] = calloc(g->n_cols, sizeof *header);
    if (seq_col == NULL || header == NULL) {
        free(seq_col);
        free(header);
        o->failed = 1;
        return;
    }
    for (size_t r = 0; r < g->n_rows && r < 8; r++)
        for (size_t c = 0; c < g->n_cols; c++) {
            const es_grid_cell *x = ES_GRID_AT(g, r, c);
            if (!is_blank(x) && (strstr(x->text, "序号") || strcmp(x->text, "编号") == 0))
                seq_col[c] = true;
        }
    /* the first row with figures; the rows above it are titles, unit notes
     * and header rows */
    size_t first_data = g->n_rows;
    for (size_t r = 0; r < g->n_rows && first_data == g->n_rows; r++)
        if (has_figures(g, r, seq_col))
            first_data = r;
    char unit[64] = "";
    size_t first_header = first_data;
    for (size_t r = 0; r < first_data; r++) {
        char u[64];
        if (unit_note(g, r, u, sizeof u)) {
            snprintf(unit, sizeof unit, "%s", u);
            text_row(o, g, r);
        } else if (n_texts(g, r) <= 1 && first_header == first_data) {
            text_row(o, g, r); /* a title above the header */
        } else {
            if (first_header == first_data)
                first_header = r;
            /* a header row: its texts join those above, column by column
             * (a vertically merged header is not repeated) */
            for (size_t c = 0; c < g->n_cols; c++) {
                const es_grid_cell *x = ES_GRID_AT(g, r, c);
                if (is_blank(x))
                    continue;
                if (x->covered && r > 0 && ES_GRID_AT(g, r - 1, c)->text != NULL &&
                    strcmp(ES_GRID_AT(g, r - 1, c)->text, x->text) == 0)
                    continue;
                size_t have = strlen(header[c]);
                snprintf(header[c] + have, HEADER_MAX - have, "%s", x->text);
            }
        }
    }
    if (first_data == g->n_rows) { /* a table of words: each cell a line */
        for (size_t r = first_header; r < g->n_rows; r++)
            text_row(o, g, r);
        free(seq_col);
        free(header);
        return;
    }
    /* A unit from a note applies to the headers that name none. */
    if (unit[0] != '\0')
        for (size_t c = 0; c < g->n_cols; c++)
            if (!names_unit(header[c])) {
                size_t have = strlen(header[c]);
                snprintf(header[c] + have, HEADER_MAX - have, "（%s）", unit);
            }
    /* The label columns: those left of the first column with a figure. */
    size_t first_value_col = g->n_cols;
    for (size_t r = first_data; r < g->n_rows; r++)
        for (size_t c = 0; c < first_value_col; c++)
            if (!seq_col[c] && ES_GRID_AT(g, r, c)->number)
                first_value_col = c;
    for (size_t r = first_data; r < g->n_rows; r++) {
        /* the row label: the last label cell with words (福州市 | 鼓楼区: 鼓楼区) */
        const char *label = "";
        for (size_t c = 0; c < first_value_col; c++) {
            const es_grid_cell *x = ES_GRID_AT(g, r, c);
            if (!is_blank(x) && !seq_col[c] && !x->number)
                label = x->text;
        }
        for (size_t c = 0; c < g->n_cols; c++) {
            const es_grid_cell *x = ES_GRID_AT(g, r, c);
            es_locator loc;
            cell_locator(g, r, c, &loc);
            if (seq_col[c] || (x->covered && !x->number))
                continue;
            if (c >= first_value_col && (x->error || (is_blank(x) && header[c][0] != '\0'))) {
                o->gaps += x->error || label[0] != '\0'; /* an empty cell of a labelled row */
                continue;
            }
            if (is_blank(x))
                continue;
            if (!x->number || c < first_value_col) {
                es_office_line(o, x->text, strlen(x->text), &loc);
                continue;
            }
            /* A table of indicators down and years across (学校数（所） | 80 | 81):
             * the row label names what the column header does not. */
            char both[2 * HEADER_MAX];
            const char *head = header[c];
            if (!names_unit(header[c]) && names_unit(label)) {
                snprintf(both, sizeof both, "%s%s", label, header[c]);
                head = both;
            }
            locate(o, &loc);
            size_t start = o->text.len;
            append(o, x->text, strlen(x->text));
            add_cell(o, start, o->text.len, head, label);
            append(o, "\n", 1);
        }
    }
    free(seq_col);
    free(header);
}
