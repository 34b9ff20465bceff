/* xlsx_read.c - an Excel workbook (.xlsx) as text (office_internal.h):
 * every visible sheet, its cells' cached values (never a formula's text),
 * shared and inline strings, percent formats shown as percentages, merged
 * ranges spread over the cells they cover. */
#include "office_internal.h"
#include "error_internal.h"
#include "growbuf_internal.h"
#include "number_internal.h"
#include "xml_reader_internal.h"
#include "zip_part_internal.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct strings {
    char **items;
    size_t n, cap;
} strings;

static int strings_push(strings *s, char *v)
{
    if (es_grow_array((void **)&s->items, &s->cap, s->n, sizeof *s->items) != 0)
        return -1;
    s->items[s->n++] = v;
    return 0;
}

static void strings_free(strings *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->items[i]);
    free(s->items);
    memset(s, 0, sizeof *s);
}

/* The text of the element the reader is on (<t>), "" if empty. */
static char *element_text(xmlTextReaderPtr r)
{
    if (xmlTextReaderIsEmptyElement(r))
        return strdup("");
    xmlChar *v = xmlTextReaderReadString(r);
    char *s = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* xl/sharedStrings.xml: each <si>, its runs joined, phonetic guides (<rPh>) left out. */
static int read_shared(const char *data, size_t len, strings *out)
{
    xmlTextReaderPtr r = es_xml_open(data, len);
    if (r == NULL)
        return -1;
    es_growbuf cur = {0};
    int in_si = 0, in_rph = 0, bad = 0, rc;
    while (!bad && (rc = xmlTextReaderRead(r)) == 1) {
        bool empty_si = false;
        if (es_xml_start(r, "si")) {
            in_si = 1;
            cur.len = 0;
            empty_si = xmlTextReaderIsEmptyElement(r);
        } else if (es_xml_start(r, "rPh") && !xmlTextReaderIsEmptyElement(r)) {
            in_rph = 1;
        } else if (es_xml_end(r, "rPh")) {
            in_rph = 0;
        } else if (in_si && !in_rph && es_xml_start(r, "t")) {
            char *t = element_text(r);
            bad = t == NULL || es_growbuf_append(&cur, t, strlen(t)) != 0;
            free(t);
        }
        if (!bad && (empty_si || es_xml_end(r, "si"))) {
            char *s = strndup(cur.data ? cur.data : "", cur.len);
            bad = s == NULL || strings_push(out, s) != 0;
            if (bad)
                free(s);
            in_si = 0;
        }
    }
    free(cur.data);
    xmlFreeTextReader(r);
    return bad || rc < 0 ? -1 : 0;
}

/* How a style shows numbers: 0 as they are, 1 a percentage, 2 a date or time. */
typedef struct styles {
    unsigned char *shows; /* by cellXfs index */
    size_t n;
} styles;

static int code_shows(const char *code)
{
    int quoted = 0, bracket = 0, pct = 0, date = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (*p == '[')
            bracket = 1;
        else if (*p == ']')
            bracket = 0;
        else if (bracket)
            continue;
        else if (*p == '\\' && p[1])
            p++;
        else if (*p == '%')
            pct = 1;
        else if (strchr("yYdDhHsS", *p) != NULL || strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0)
            date = 1;
    }
    return pct ? 1 : date ? 2 : 0;
}

static int builtin_shows(long id)
{
    if (id == 9 || id == 10)
        return 1;
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return 2;
    return 0;
}

static int read_styles(const char *data, size_t len, styles *out)
{
    xmlTextReaderPtr r = es_xml_open(data, len);
    if (r == NULL)
        return -1;
    long ids[512];
    int shows[512];
    size_t n_custom = 0;
    int in_xfs = 0, bad = 0, rc;
    size_t cap = 0;
    while (!bad && (rc = xmlTextReaderRead(r)) == 1) {
        if (es_xml_start(r, "numFmt") && n_custom < 512) {
            char *id = es_xml_attr(r, "numFmtId"), *code = es_xml_attr(r, "formatCode");
            if (id && code) {
                ids[n_custom] = strtol(id, NULL, 10);
                shows[n_custom++] = code_shows(code);
            }
            xmlFree(id);
            xmlFree(code);
        } else if (es_xml_start(r, "cellXfs")) {
            in_xfs = !xmlTextReaderIsEmptyElement(r);
        } else if (es_xml_end(r, "cellXfs")) {
            in_xfs = 0;
        } else if (in_xfs && es_xml_start(r, "xf")) {
            char *id = es_xml_attr(r, "numFmtId");
            long fid = id ? strtol(id, NULL, 10) : 0;
            xmlFree(id);
            int how = builtin_shows(fid);
            for (size_t i = 0; i < n_custom; i++)
                if (ids[i] == fid)
                    how = shows[i];
            if (es_grow_array((void **)&out->shows, &cap, out->n, 1) != 0) {
                bad = 1;
                break;
            }
            out->shows[out->n++] = (unsigned char)how;
        }
    }
    xmlFreeTextReader(r);
    return bad || rc < 0 ? -1 : 0;
}

/* "C7" -> row 6, column 2; -1 when not a reference. */
static int parse_ref(const char *ref, size_t *row, size_t *col)
{
    size_t c = 0, r = 0, i = 0;
    while (ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
        c = c * 26 + (size_t)(ref[i++] - 'A' + 1);
    if (i == 0 || c > 16384)
        return -1;
    size_t d = 0;
    while (ref[i] >= '0' && ref[i] <= '9' && d < 8) {
        r = r * 10 + (size_t)(ref[i++] - '0');
        d++;
    }
    if (d == 0 || r == 0 || r > 1048576 || ref[i] != '\0')
        return -1;
    *row = r - 1;
    *col = c - 1;
    return 0;
}

/* A number as the file writes it ("1234.5", "1E-3"), whatever LC_NUMERIC says. */
static int parse_number(const char *s, double *out)
{
    char buf[64];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof buf)
        return -1;
    char dp = localeconv()->decimal_point[0];
    for (size_t i = 0; i <= n; i++)
        buf[i] = s[i] == '.' ? dp : s[i];
    char *end;
    *out = strtod(buf, &end);
    return *end == '\0' && isfinite(*out) ? 0 : -1;
}

typedef struct raw_cell {
    size_t row, col;
    char *text;
    bool number, error;
} raw_cell;

typedef struct sheet_cells {
    raw_cell *items;
    size_t n, cap, rows, cols;
    size_t merges[256][4];
    size_t n_merges;
} sheet_cells;

static int push_cell(sheet_cells *s, size_t row, size_t col, char *text, bool number, bool error)
{
    if (es_grow_array((void **)&s->items, &s->cap, s->n, sizeof *s->items) != 0)
        return -1;
    s->items[s->n++] = (raw_cell){row, col, text, number, error};
    if (row + 1 > s->rows)
        s->rows = row + 1;
    if (col + 1 > s->cols)
        s->cols = col + 1;
    return 0;
}

/* One worksheet's cells and merged ranges. -1 out of memory or bad XML. */
static int read_sheet(const char *data, size_t len, const strings *shared, const styles *st, sheet_cells *out)
{
    xmlTextReaderPtr r = es_xml_open(data, len);
    if (r == NULL)
        return -1;
    int bad = 0, rc;
    size_t row = 0, col = 0;
    char type[16] = "";
    long style = 0;
    es_growbuf value = {0}; /* the cell's <v>, or its inline string's runs */
    bool has_value = false;
    int in_cell = 0;
    while (!bad && (rc = xmlTextReaderRead(r)) == 1) {
        if (es_xml_start(r, "row")) {
            char *rr = es_xml_attr(r, "r");
            long v = rr ? strtol(rr, NULL, 10) : 0;
            if (v > 0 && v <= 1048576)
                row = (size_t)v - 1;
            xmlFree(rr);
            col = 0;
        } else if (es_xml_end(r, "row")) {
            row++;
        } else if (es_xml_start(r, "c")) {
            char *ref = es_xml_attr(r, "r"), *t = es_xml_attr(r, "t"), *s = es_xml_attr(r, "s");
            size_t rr, cc;
            if (ref && parse_ref(ref, &rr, &cc) == 0) {
                row = rr;
                col = cc;
            }
            snprintf(type, sizeof type, "%s", t ? t : "n");
            style = s ? strtol(s, NULL, 10) : 0;
            xmlFree(ref);
            xmlFree(t);
            xmlFree(s);
            value.len = 0;
            has_value = false;
            in_cell = !xmlTextReaderIsEmptyElement(r);
            if (!in_cell)
                col++;
        } else if (in_cell && (es_xml_start(r, "v") || (strcmp(type, "inlineStr") == 0 && es_xml_start(r, "t")))) {
            char *t = element_text(r); /* inline rich text: its runs joined */
            bad = t == NULL || es_growbuf_append(&value, t, strlen(t)) != 0;
            has_value = true;
            free(t);
        } else if (es_xml_end(r, "c")) {
            in_cell = 0;
            const char *raw = has_value ? (value.data ? value.data : "") : NULL;
            char *text = NULL;
            bool number = false, error = false;
            if (raw != NULL && strcmp(type, "s") == 0) {
                long i = strtol(raw, NULL, 10);
                if (i >= 0 && (size_t)i < shared->n)
                    text = strdup(shared->items[i]);
            } else if (raw != NULL && strcmp(type, "e") == 0) {
                error = true;
                text = strdup(raw);
            } else if (raw != NULL && strcmp(type, "n") == 0) {
                double v;
                int how = style >= 0 && (size_t)style < st->n ? st->shows[style] : 0;
                if (how != 2 && parse_number(raw, &v) == 0) {
                    char num[48];
                    es_number_text(how == 1 ? v * 100 : v, num, sizeof num);
                    if (how == 1) {
                        size_t k = strlen(num);
                        snprintf(num + k, sizeof num - k, "%%");
                    }
                    text = strdup(num);
                    number = true;
                }
            } else if (raw != NULL && strcmp(type, "b") != 0) { /* str, inlineStr */
                text = strdup(raw);
            }
            if (text != NULL) {
                if (!number && !error && es_office_is_number(text))
                    number = true; /* a figure typed as text */
                if (push_cell(out, row, col, text, number, error) != 0) {
                    free(text);
                    bad = 1;
                }
            }
            col++;
        } else if (es_xml_start(r, "mergeCell") && out->n_merges < 256) {
            char *ref = es_xml_attr(r, "ref");
            char *colon = ref ? strchr(ref, ':') : NULL;
            if (colon != NULL) {
                *colon = '\0';
                size_t *m = out->merges[out->n_merges];
                if (parse_ref(ref, &m[0], &m[1]) == 0 && parse_ref(colon + 1, &m[2], &m[3]) == 0 && m[2] >= m[0] &&
                    m[3] >= m[1])
                    out->n_merges++;
            }
            xmlFree(ref);
        }
    }
    free(value.data);
    xmlFreeTextReader(r);
    return bad || rc < 0 ? -1 : 0;
}

/* The part a relationship's target names, from xl/. */
static void part_of(const char *target, char *out, size_t cap)
{
    if (target[0] == '/')
        snprintf(out, cap, "%s", target + 1);
    else
        snprintf(out, cap, "xl/%s", target);
}

/* Each `element` of the XML part that has both attributes, in order: the
first into keys, the second into values. An element hidden by
state="hidden" (a sheet) is left out. */
static es_status read_pairs(es_zip *z, const char *name, const char *part, const char *element,
                            const char *key_attr, const char *value_attr, strings *keys, strings *values,
                            es_error *err)
{
    char *data = NULL;
    size_t dlen;
    es_status st = es_zip_read(z, part, &data, &dlen, err);
    if (st != ES_OK)
        return st;
    xmlTextReaderPtr r = es_xml_open(data, dlen);
    int bad = r == NULL, rc = 0;
    while (!bad && (rc = xmlTextReaderRead(r)) == 1)
        if (es_xml_start(r, element)) {
            char *k = es_xml_attr(r, key_attr), *v = es_xml_attr(r, value_attr), *state = es_xml_attr(r, "state");
            if (k && v && !(state && strcmp(state, "visible") != 0)) {
                char *a = strdup(k), *b = strdup(v);
                bad = a == NULL || b == NULL || strings_push(keys, a) != 0 || strings_push(values, b) != 0;
            }
            xmlFree(k);
            xmlFree(v);
            xmlFree(state);
        }
    if (r != NULL)
        xmlFreeTextReader(r);
    free(data);
    if (bad || rc < 0)
        return es_error_set(err, ES_ERR_FORMAT, name, 0, "%s is not well-formed XML", part);
    return ES_OK;
}

es_status es_xlsx_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err)
{
    memset(out, 0, sizeof *out);
    es_zip *z;
    es_status st = es_zip_open(name, bytes, len, &z, err);
    if (st != ES_OK)
        return st;
    strings shared = {0}, sheet_names = {0}, sheet_rels = {0}, rel_ids = {0}, rel_targets = {0};
    styles sty = {0};
    char *data = NULL;
    size_t dlen;
    /* the sheets, in the workbook's order, and where each one's part is */
    if ((st = read_pairs(z, name, "xl/workbook.xml", "sheet", "name", "id", &sheet_names, &sheet_rels, err)) !=
            ES_OK ||
        (st = read_pairs(z, name, "xl/_rels/workbook.xml.rels", "Relationship", "Id", "Target", &rel_ids,
                         &rel_targets, err)) != ES_OK)
        goto done;
    if (es_zip_has(z, "xl/sharedStrings.xml")) {
        if ((st = es_zip_read(z, "xl/sharedStrings.xml", &data, &dlen, err)) != ES_OK)
            goto done;
        if (read_shared(data, dlen, &shared) != 0) {
            st = es_error_set(err, ES_ERR_FORMAT, name, 0, "xl/sharedStrings.xml is not well-formed XML");
            goto done;
        }
        free(data);
        data = NULL;
    }
    if (es_zip_has(z, "xl/styles.xml")) {
        if ((st = es_zip_read(z, "xl/styles.xml", &data, &dlen, err)) != ES_OK)
            goto done;
        if (read_styles(data, dlen, &sty) != 0) {
            st = es_error_set(err, ES_ERR_FORMAT, name, 0, "xl/styles.xml is not well-formed XML");
            goto done;
        }
        free(data);
        data = NULL;
    }
    for (size_t i = 0; i < sheet_names.n; i++) {
        const char *target = NULL;
        for (size_t k = 0; k < rel_ids.n && target == NULL; k++)
            if (strcmp(rel_ids.items[k], sheet_rels.items[i]) == 0)
                target = rel_targets.items[k];
        char part[512];
        if (target == NULL)
            continue;
        part_of(target, part, sizeof part);
        if ((st = es_zip_read(z, part, &data, &dlen, err)) != ES_OK)
            goto done;
        sheet_cells cells = {0};
        int read_rc = read_sheet(data, dlen, &shared, &sty, &cells);
        free(data);
        data = NULL;
        es_grid g;
        es_status gs = read_rc != 0 ? ES_ERR_FORMAT : es_grid_init(&g, cells.rows, cells.cols);
        if (gs == ES_OK) {
            g.sheet = es_office_keep_sheet(out, sheet_names.items[i]);
            if (g.sheet == NULL)
                gs = ES_ERR_NOMEM;
        }
        for (size_t k = 0; k < cells.n; k++) {
            raw_cell *c = &cells.items[k];
            if (gs == ES_OK) {
                es_grid_cell *x = ES_GRID_AT(&g, c->row, c->col);
                free(x->text);
                x->text = c->text;
                x->number = c->number;
                x->error = c->error;
            } else {
                free(c->text);
            }
        }
        free(cells.items);
        if (gs == ES_OK) {
            for (size_t rr = 0; rr < g.n_rows; rr++)
                for (size_t cc = 0; cc < g.n_cols; cc++) {
                    es_office_cell_ref(rr, cc, ES_GRID_AT(&g, rr, cc)->ref, sizeof g.cells[0].ref);
                }
            for (size_t m = 0; m < cells.n_merges && gs == ES_OK; m++)
                if (es_grid_merge(&g, cells.merges[m][0], cells.merges[m][1], cells.merges[m][2],
                                  cells.merges[m][3]) != 0)
                    gs = ES_ERR_NOMEM;
            es_office_table(out, &g);
            es_grid_free(&g);
        }
        if (gs == ES_ERR_LIMIT) {
            st = es_error_set(err, ES_ERR_LIMIT, name, 0,
                              "sheet '%s' spans %zu rows x %zu columns, beyond edustat's limit of %zu cells",
                              sheet_names.items[i], cells.rows, cells.cols, ES_MAX_GRID_CELLS);
            goto done;
        }
        if (gs != ES_OK) {
            st = gs == ES_ERR_NOMEM ? es_error_set(err, gs, name, 0, "out of memory")
                                    : es_error_set(err, gs, name, 0, "sheet '%s' (%s) is not well-formed XML",
                                                   sheet_names.items[i], part);
            goto done;
        }
    }
    if (out->failed)
        st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
done:
    free(data);
    strings_free(&shared);
    strings_free(&sheet_names);
    strings_free(&sheet_rels);
    strings_free(&rel_ids);
    strings_free(&rel_targets);
    free(sty.shows);
    es_zip_close(z);
    if (st != ES_OK)
        es_office_text_free(out);
    return st;
}
