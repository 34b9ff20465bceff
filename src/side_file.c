/* side_file.c - manifest and lexicon files in any encoding documents may
 * be in (see side_file_internal.h). */
#include "side_file_internal.h"
#include "charset_internal.h"
#include "error_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long line_of(const unsigned char *b, size_t at)
{
    long line = 1;
    for (size_t i = 0; i < at; i++)
        line += b[i] == '\n';
    return line;
}

es_status es_side_file_read(const char *path, size_t max, char **text, size_t *len, es_error *err)
{
    *text = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return es_error_set(err, ES_ERR_IO, path, 0, "%s", strerror(errno));
    size_t cap = 1 << 14, n = 0;
    unsigned char *buf = malloc(cap);
    es_status st = ES_OK;
    while (buf != NULL) {
        if (n == cap) {
            if (cap >= max) {
                st = es_error_set(err, ES_ERR_LIMIT, path, 0, "file too large (over %zu bytes)", max);
                break;
            }
            unsigned char *q = realloc(buf, cap * 2);
            if (q == NULL)
                break;
            buf = q;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad_read = ferror(f);
    fclose(f);
    if (st != ES_OK) {
        free(buf);
        return st;
    }
    if (buf == NULL || n == cap) { /* a realloc failed */
        free(buf);
        return es_error_set(err, ES_ERR_NOMEM, path, 0, "out of memory");
    }
    if (bad_read) {
        free(buf);
        return es_error_set(err, ES_ERR_IO, path, 0, "read error");
    }
    size_t bom = 0;
    es_charset cs = n ? es_charset_detect(buf, n, &bom) : ES_CHARSET_UTF8;
    if (cs == ES_CHARSET_UTF8_LOSSY || cs == ES_CHARSET_UNKNOWN) {
        /* where the text stops being UTF-8 */
        size_t at = 0;
        while (at < n && buf[at] < 0x80 && buf[at] != 0)
            at++;
        long line = line_of(buf, at);
        free(buf);
        return es_error_set(err, ES_ERR_ENCODING, path, line,
                            "not UTF-8, GB18030 or UTF-16 text (save it as UTF-8)");
    }
    es_offmap map = {0};
    size_t n_invalid = 0, first_invalid = 0;
    char *out = NULL;
    size_t out_len = 0;
    st = es_charset_to_utf8(buf, n, bom, cs, &out, &out_len, &map, &n_invalid, &first_invalid);
    es_offmap_free(&map);
    if (st == ES_OK && n_invalid > 0) {
        long line = line_of(buf, first_invalid);
        free(out);
        free(buf);
        return es_error_set(err, ES_ERR_ENCODING, path, line, "bytes that are not %s text",
                            es_charset_name(cs));
    }
    free(buf);
    if (st != ES_OK)
        return es_error_set(err, st, path, 0, st == ES_ERR_NOMEM ? "out of memory" : "cannot decode the file");
    *text = out;
    *len = out_len;
    return ES_OK;
}
