/* xls_read.c - an Excel 97-2003 workbook (.xls, BIFF) as text
 * (office_internal.h), with Debian's libfreexl. Only this module talks to
 * FreeXL. FreeXL opens files by name, so the bytes go to a temporary file,
 * removed as soon as FreeXL has read it. It gives each cell's value and
 * type but no merged ranges and no number formats: a percentage stored as
 * 0.053 reads 0.053, and a merged title is one cell. */
#include "office_internal.h"
#include "error_internal.h"
#include "number_internal.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write bytes to a temporary file; its path in path. -1 on failure. */
static int to_temp(const void *bytes, size_t len, char *path, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, cap, "%s/edustat-xls-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    const char *p = bytes;
    size_t left = len;
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n <= 0) {
            close(fd);
            unlink(path);
            return -1;
        }
        p += n;
        left -= (size_t)n;
    }
    if (close(fd) != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

es_status es_xls_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err)
{
    memset(out, 0, sizeof *out);
    char path[4096];
    if (to_temp(bytes, len, path, sizeof path) != 0)
        return es_error_set(err, ES_ERR_IO, name, 0, "cannot write a temporary copy for FreeXL in %s",
                            getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    const void *h = NULL;
    int rc = freexl_open(path, &h);
    unlink(path);
    if (rc != FREEXL_OK) {
        if (h != NULL)
            freexl_close(h);
        return ES_ERR_FORMAT; /* no workbook: the caller names the file's kind */
    }
    unsigned int n_sheets = 0;
    es_status st = ES_OK;
    if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK)
        n_sheets = 0;
    for (unsigned short s = 0; s < n_sheets && st == ES_OK; s++) {
        const char *sheet = NULL;
        unsigned int rows = 0;
        unsigned short cols = 0;
        if (freexl_get_worksheet_name(h, s, &sheet) != FREEXL_OK || freexl_select_active_worksheet(h, s) != FREEXL_OK ||
            freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
            continue;
        es_grid g;
        es_status gs = es_grid_init(&g, rows, cols);
        if (gs == ES_ERR_LIMIT) {
            st = es_error_set(err, gs, name, 0, "sheet '%s' spans %u rows x %u columns, beyond edustat's limit of %zu cells",
                              sheet ? sheet : "?", rows, cols, ES_MAX_GRID_CELLS);
            break;
        }
        if (gs != ES_OK || (g.sheet = es_office_keep_sheet(out, sheet ? sheet : "")) == NULL) {
            es_grid_free(&g);
            st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
            break;
        }
        for (unsigned int r = 0; r < rows && st == ES_OK; r++)
            for (unsigned short c = 0; c < cols; c++) {
                es_grid_cell *x = ES_GRID_AT(&g, r, c);
                es_office_cell_ref(r, c, x->ref, sizeof x->ref);
                FreeXL_CellValue v;
                if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
                    continue;
                char num[48];
                const char *text = NULL;
                if (v.type == FREEXL_CELL_INT || v.type == FREEXL_CELL_DOUBLE) {
                    es_number_text(v.type == FREEXL_CELL_INT ? (double)v.value.int_value : v.value.double_value, num,
                                   sizeof num);
                    text = num;
                    x->number = true;
                } else if (v.type == FREEXL_CELL_TEXT || v.type == FREEXL_CELL_SST_TEXT) {
                    text = v.value.text_value;
                    x->number = text != NULL && es_office_is_number(text);
                }
                if (text != NULL && text[0] != '\0' && (x->text = strdup(text)) == NULL)
                    st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
            }
        if (st == ES_OK)
            es_office_table(out, &g);
        es_grid_free(&g);
    }
    freexl_close(h);
    if (st == ES_OK && out->failed)
        st = es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    if (st != ES_OK)
        es_office_text_free(out);
    return st;
}
