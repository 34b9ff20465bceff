/* side_file.c - manifest and lexicon files in any encoding documents may
 * be in (see side_file_internal.h). */
#include "side_file_internal.h"
#include "charset_internal.h"
#include "error_internal.h"
#include "growbuf_internal.h"

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
    es_growbuf g = {0};
    es_status st = es_growbuf_read_stream(&g, f, max, path, "file too large", err);
    fclose(f);
    if (st != ES_OK) {
        free(g.data);
        return st;
    }
    const unsigned char *buf = (const unsigned char *)g.data;
    size_t n = g.len;
    size_t bom = 0;
    es_charset cs = n ? es_charset_detect(buf, n, &bom) : ES_CHARSET_UTF8;
    es_offmap map = {0};
    size_t n_invalid = 0, first_invalid = 0;
    char *out = NULL;
    size_t out_len = 0;
    if (cs == ES_CHARSET_UNKNOWN) { /* binary, or some other encoding: from its first such byte */
        n_invalid = 1;
        while (first_invalid < n && buf[first_invalid] < 0x80 && buf[first_invalid] != 0)
            first_invalid++;
    } else {
        /* UTF-8 with bad bytes converts with them counted, the first placed */
        st = es_charset_to_utf8(buf, n, bom, cs, &out, &out_len, &map, &n_invalid, &first_invalid);
        es_offmap_free(&map);
    }
    if (st == ES_OK && n_invalid > 0)
        st = es_error_set(err, ES_ERR_ENCODING, path, line_of(buf, first_invalid),
                          "not UTF-8, GB18030 or UTF-16 text (save it as UTF-8)");
    else if (st != ES_OK)
        st = es_error_set(err, st, path, 0, st == ES_ERR_NOMEM ? "out of memory" : "cannot decode the file");
    free(g.data);
    if (st != ES_OK) {
        free(out);
        return st;
    }
    *text = out;
    *len = out_len;
    return ES_OK;
}
