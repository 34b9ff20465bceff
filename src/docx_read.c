/* docx_read.c - a Word document (.docx) as text (office_internal.h):
 * the body's paragraphs in order, each a line; its tables cell by cell
 * with their headers, merged cells (gridSpan, vMerge) giving every covered
 * cell its header. Footnotes, comments and deleted text are left out (they
 * live in other parts, or in w:delText). The first heading, else the
 * first paragraph, is the title. */
#include "office_internal.h"
#include "error_internal.h"
#include "growbuf_internal.h"
#include "xml_reader_internal.h"
#include "zip_part_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tcell {
    char *text;
    size_t span;
    int vmerge; /* 0 none, 1 restart, 2 continue */
} tcell;

typedef struct trow {
    tcell *cells;
    size_t n, cap;
} trow;

typedef struct table {
    trow *rows;
    size_t n, cap;
} table;

static void table_free(table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < t->rows[i].n; k++)
            free(t->rows[i].cells[k].text);
        free(t->rows[i].cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

static trow *new_row(table *t)
{
    if (es_grow_array((void **)&t->rows, &t->cap, t->n, sizeof *t->rows) != 0)
        return NULL;
    trow *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    return r;
}

static tcell *new_cell(trow *r)
{
    if (es_grow_array((void **)&r->cells, &r->cap, r->n, sizeof *r->cells) != 0)
        return NULL;
    tcell *c = &r->cells[r->n++];
    memset(c, 0, sizeof *c);
    c->span = 1;
    return c;
}

/* The table as a grid, then as text. */
static es_status emit_table(es_office_text *o, const table *t, int number)
{
    size_t cols = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t w = 0;
        for (size_t k = 0; k < t->rows[i].n; k++)
            w += t->rows[i].cells[k].span;
        if (w > cols)
            cols = w;
    }
    es_grid g;
    es_status st = es_grid_init(&g, t->n, cols);
    if (st != ES_OK)
        return st;
    g.table = number;
    for (size_t i = 0; i < t->n && st == ES_OK; i++) {
        size_t c = 0;
        for (size_t k = 0; k < t->rows[i].n && st == ES_OK; k++) {
            const tcell *x = &t->rows[i].cells[k];
            if (c >= cols)
                break;
            es_grid_cell *gc = ES_GRID_AT(&g, i, c);
            const es_grid_cell *above = i > 0 ? ES_GRID_AT(&g, i - 1, c) : NULL;
            if (x->vmerge == 2 && above != NULL) { /* continues the cell above */
                gc->text = above->text ? strdup(above->text) : NULL;
                gc->covered = true;
                if (above->text != NULL && gc->text == NULL)
                    st = ES_ERR_NOMEM;
            } else if (x->text != NULL && x->text[0] != '\0') {
                gc->text = strdup(x->text);
                gc->number = es_office_is_number(x->text);
                if (gc->text == NULL)
                    st = ES_ERR_NOMEM;
            }
            if (st == ES_OK && x->span > 1 && es_grid_merge(&g, i, c, i, c + x->span - 1) != 0)
                st = ES_ERR_NOMEM;
            c += x->span;
        }
    }
    if (st == ES_OK)
        es_office_table(o, &g);
    es_grid_free(&g);
    return st;
}

static void trim(es_growbuf *b)
{
    while (b->len > 0 && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\t'))
        b->data[--b->len] = '\0';
}

/* Empty b for the next paragraph or cell, keeping its memory. */
static void clear(es_growbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

/* The text of the first element named local in a small XML part, or NULL. */
static char *first_text(es_zip *z, const char *part, const char *local)
{
    char *data = NULL, *v = NULL;
    size_t n;
    es_error ignored;
    if (!es_zip_has(z, part) || es_zip_read(z, part, &data, &n, &ignored) != ES_OK)
        return NULL;
    xmlTextReaderPtr r = es_xml_open(data, n);
    while (r != NULL && v == NULL && xmlTextReaderRead(r) == 1)
        if (es_xml_start(r, local) && !xmlTextReaderIsEmptyElement(r)) {
            xmlChar *s = xmlTextReaderReadString(r);
            if (s != NULL && s[0] != '\0')
                v = strdup((const char *)s);
            xmlFree(s);
        }
    if (r != NULL)
        xmlFreeTextReader(r);
    free(data);
    return v;
}

es_status es_docx_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err)
{
    memset(out, 0, sizeof *out);
    es_zip *z;
    es_status st = es_zip_open(name, bytes, len, &z, err);
    if (st != ES_OK)
        return st;
    char *data = NULL;
    size_t dlen;
    if ((st = es_zip_read(z, "word/document.xml", &data, &dlen, err)) != ES_OK) {
        es_zip_close(z);
        return st;
    }
    xmlTextReaderPtr r = es_xml_open(data, dlen);
    es_growbuf para = {0}, cell = {0};
    table t = {0};
    trow *row = NULL;
    tcell *tc = NULL;
    int depth = 0;            /* tables open: 1 in a table, 2 in a table in a cell... */
    int n_para = 0, n_table = 0, heading = 0, bad = r == NULL, rc = 0;
    char *first_para = NULL;
    while (!bad && (rc = xmlTextReaderRead(r)) == 1) {
        if (es_xml_start(r, "tbl")) {
            depth++;
            if (depth == 1) {
                table_free(&t);
                n_table++;
            }
        } else if (es_xml_end(r, "tbl")) {
            if (depth == 1) {
                es_status ts = emit_table(out, &t, n_table);
                table_free(&t);
                row = NULL;
                tc = NULL;
                if (ts != ES_OK) {
                    st = ts == ES_ERR_LIMIT ? es_error_set(err, ts, name, 0, "table %d is beyond edustat's limit of %zu cells",
                                                           n_table, ES_MAX_GRID_CELLS)
                                            : es_error_set(err, ts, name, 0, "out of memory");
                    break;
                }
            }
            depth--;
        } else if (depth == 1 && es_xml_start(r, "tr")) {
            row = new_row(&t);
            bad = row == NULL;
        } else if (depth == 1 && row != NULL && es_xml_start(r, "tc")) {
            tc = new_cell(row);
            bad = tc == NULL;
            clear(&cell);
        } else if (depth == 1 && tc != NULL && es_xml_end(r, "tc")) {
            trim(&cell);
            tc->text = strdup(cell.data ? cell.data : "");
            bad = tc->text == NULL;
            tc = NULL;
        } else if (depth == 1 && tc != NULL && es_xml_start(r, "gridSpan")) {
            char *v = es_xml_attr(r, "val");
            long n = v ? strtol(v, NULL, 10) : 1;
            tc->span = n > 1 && n < 64 ? (size_t)n : 1;
            xmlFree(v);
        } else if (depth == 1 && tc != NULL && es_xml_start(r, "vMerge")) {
            char *v = es_xml_attr(r, "val");
            tc->vmerge = v && strcmp(v, "restart") == 0 ? 1 : 2;
            xmlFree(v);
        } else if (depth == 0 && es_xml_start(r, "pStyle")) {
            char *v = es_xml_attr(r, "val");
            heading = v && (strncmp(v, "Heading", 7) == 0 || strcmp(v, "Title") == 0 || strcmp(v, "1") == 0 ||
                            strstr(v, "标题") != NULL);
            xmlFree(v);
        } else if (es_xml_start(r, "t")) {
            if (!xmlTextReaderIsEmptyElement(r)) {
                xmlChar *v = xmlTextReaderReadString(r);
                const char *s = v ? (const char *)v : "";
                bad = es_growbuf_append(depth > 0 ? &cell : &para, s, strlen(s)) != 0;
                xmlFree(v);
            }
        } else if (es_xml_start(r, "tab") || es_xml_start(r, "br")) {
            bad = es_growbuf_append(depth > 0 ? &cell : &para, " ", 1) != 0;
        } else if (depth > 0 && es_xml_end(r, "p")) {
            bad = es_growbuf_append(&cell, " ", 1) != 0; /* paragraphs of a cell, on one line */
        } else if (depth == 0 && es_xml_end(r, "p")) {
            n_para++;
            trim(&para);
            if (para.len > 0) {
                es_locator loc = {0};
                loc.paragraph = n_para;
                es_office_line(out, para.data, para.len, &loc);
                if (heading && out->title == NULL)
                    bad = (out->title = strdup(para.data)) == NULL;
                if (first_para == NULL && !bad)
                    bad = (first_para = strdup(para.data)) == NULL;
            }
            clear(&para);
            heading = 0;
        }
    }
    if (r != NULL)
        xmlFreeTextReader(r);
    if (st == ES_OK && (bad || rc < 0))
        st = bad && r != NULL && rc >= 0 ? es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory")
                                         : es_error_set(err, ES_ERR_FORMAT, name, 0,
                                                        "word/document.xml is not well-formed XML");
    if (st == ES_OK && out->failed)
        st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    if (st == ES_OK && out->title == NULL && first_para != NULL) {
        out->title = first_para;
        first_para = NULL;
    }
    /* the document's properties, below what the document itself says: its
     * title when it has no paragraph, its organisation as the publisher */
    if (st == ES_OK && out->title == NULL)
        out->title = first_text(z, "docProps/core.xml", "title");
    if (st == ES_OK) {
        out->publisher = first_text(z, "docProps/app.xml", "Company");
        char *created = first_text(z, "docProps/core.xml", "created");
        if (created != NULL && strlen(created) >= 4) {
            int y = 0, k = 0;
            while (k < 4 && created[k] >= '0' && created[k] <= '9')
                y = y * 10 + (created[k++] - '0');
            out->year = k == 4 ? y : 0;
        }
        free(created);
    }
    free(first_para);
    free(para.data);
    free(cell.data);
    table_free(&t);
    free(data);
    es_zip_close(z);
    if (st != ES_OK)
        es_office_text_free(out);
    return st;
}
