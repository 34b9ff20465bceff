/* manifest.c - user-supplied document metadata from CSV (see manifest.h). */
#include "edustat/manifest.h"
#include "side_file_internal.h"
#include "error_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ES_MAX_MANIFEST_LINE 4096
#define ES_MAX_MANIFEST_FILE ((size_t)256 << 20)

struct es_manifest {
    es_manifest_entry *items;
    size_t n, cap;
};

void es_manifest_free(es_manifest *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->items[i].file);
        free(m->items[i].district);
        free(m->items[i].city);
    }
    free(m->items);
    free(m);
}

/* Split one CSV line into at most max fields (double quotes allowed,
 * "" inside quotes is a quote). Fields are written into line itself. */
static int split_csv(char *line, char **fields, int max)
{
    int n = 0;
    char *r = line, *w = line;
    while (n < max) {
        fields[n++] = w;
        int quoted = *r == '"';
        if (quoted)
            r++;
        for (;;) {
            if (*r == '\0')
                break;
            if (quoted && *r == '"') {
                if (r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                    continue;
                }
                quoted = 0;
                r++;
                continue;
            }
            if (!quoted && *r == ',')
                break;
            *w++ = *r++;
        }
        int more = *r == ',';
        *w++ = '\0';
        if (!more)
            return n;
        r++;
    }
    return -1; /* too many fields */
}

static char *dup_or_null(const char *s)
{
    return *s ? strdup(s) : NULL;
}

es_status es_manifest_load(const char *path, es_manifest **out, es_error *err)
{
    *out = NULL;
    /* decoded as documents are (a BOM, GB18030 from Excel, UTF-16) */
    char *text = NULL;
    size_t text_len = 0;
    es_status st = es_side_file_read(path, ES_MAX_MANIFEST_FILE, &text, &text_len, err);
    if (st != ES_OK)
        return st;
    es_manifest *m = calloc(1, sizeof *m);
    char line[ES_MAX_MANIFEST_LINE];
    long line_no = 0;
    if (m == NULL) {
        free(text);
        return es_error_set(err, ES_ERR_NOMEM, path, 0, "out of memory");
    }
    for (size_t at = 0; at < text_len;) {
        const char *nl = memchr(text + at, '\n', text_len - at);
        size_t len = nl ? (size_t)(nl - (text + at)) : text_len - at;
        line_no++;
        if (len >= sizeof line) {
            st = es_error_set(err, ES_ERR_FORMAT, path, line_no, "line too long");
            break;
        }
        memcpy(line, text + at, len);
        line[len] = '\0';
        at += len + (nl != NULL);
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *fld[5];
        int nf = split_csv(line, fld, 5);
        if (line_no == 1 && nf >= 1 && strcmp(fld[0], "file") == 0)
            continue; /* the header */
        if (nf != 5) {
            st = es_error_set(err, ES_ERR_FORMAT, path, line_no,
                              "expected 5 fields: file,doc_index,district,city,year");
            break;
        }
        char *end;
        long idx = *fld[1] ? strtol(fld[1], &end, 10) : 0;
        if (*fld[1] && (*end != '\0' || idx < 0 || idx > 1000000)) {
            st = es_error_set(err, ES_ERR_FORMAT, path, line_no, "doc_index must be a number");
            break;
        }
        long year = *fld[4] ? strtol(fld[4], &end, 10) : 0;
        if (*fld[4] && (*end != '\0' || year < 1000 || year > 9999)) {
            st = es_error_set(err, ES_ERR_FORMAT, path, line_no, "year must be four digits");
            break;
        }
        if (*fld[0] == '\0') {
            st = es_error_set(err, ES_ERR_FORMAT, path, line_no, "file is empty");
            break;
        }
        if (m->n == m->cap) {
            size_t cap = m->cap ? m->cap * 2 : 16;
            es_manifest_entry *q = realloc(m->items, cap * sizeof *q);
            if (q == NULL) {
                st = es_error_set(err, ES_ERR_NOMEM, path, line_no, "out of memory");
                break;
            }
            m->items = q;
            m->cap = cap;
        }
        es_manifest_entry *e = &m->items[m->n];
        e->file = strdup(fld[0]);
        e->doc_index = (int)idx;
        e->district = dup_or_null(fld[2]);
        e->city = dup_or_null(fld[3]);
        e->year = (int)year;
        e->line = line_no;
        m->n++;
        if (e->file == NULL || (*fld[2] && e->district == NULL) || (*fld[3] && e->city == NULL)) {
            st = es_error_set(err, ES_ERR_NOMEM, path, line_no, "out of memory");
            break;
        }
    }
    free(text);
    if (st != ES_OK) {
        es_manifest_free(m);
        return st;
    }
    *out = m;
    return ES_OK;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

size_t es_manifest_count(const es_manifest *m)
{
    return m ? m->n : 0;
}

const es_manifest_entry *es_manifest_entry_at(const es_manifest *m, size_t i)
{
    return m && i < m->n ? &m->items[i] : NULL;
}

const es_manifest_entry *es_manifest_find(const es_manifest *m, const char *file, int doc_index)
{
    const es_manifest_entry *any = NULL;
    for (size_t i = 0; m && i < m->n; i++) {
        const es_manifest_entry *e = &m->items[i];
        if (strcmp(e->file, file) != 0 && strcmp(e->file, base_name(file)) != 0)
            continue;
        if (e->doc_index == doc_index)
            return e;
        if (e->doc_index == 0)
            any = e;
    }
    return any;
}
