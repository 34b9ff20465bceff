/* growbuf.c - reading a whole stream into a growing buffer (see
 * growbuf_internal.h). */
#include "growbuf_internal.h"
#include "error_internal.h"

#include <errno.h>
#include <string.h>

es_status es_growbuf_read_stream(es_growbuf *g, FILE *f, size_t max, const char *path,
                                 const char *too_large, es_error *err)
{
    for (;;) {
        if (g->len > max)
            return es_error_set(err, ES_ERR_LIMIT, path, 0, "%s", too_large);
        if (g->len + 1 >= g->cap && es_growbuf_reserve(g, g->cap ? g->cap : (size_t)1 << 16) != 0)
            return es_error_set(err, ES_ERR_NOMEM, path, 0, "out of memory");
        size_t room = g->cap - 1 - g->len;
        if (room > max + 1 - g->len) /* one byte past max tells a longer stream */
            room = max + 1 - g->len;
        size_t got = fread(g->data + g->len, 1, room, f);
        g->len += got;
        g->data[g->len] = '\0';
        if (got == 0)
            return ferror(f) ? es_error_set(err, ES_ERR_IO, path, 0, "read error: %s", strerror(errno))
                             : ES_OK;
    }
}
