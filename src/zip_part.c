/* zip_part.c - parts of an Office Open XML package (zip_part_internal.h). */
#include "zip_part_internal.h"
#include "error_internal.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

struct es_zip {
    zip_t *zip;
    char *name;
    size_t unpacked; /* bytes read so far, against ES_MAX_PACKAGE_BYTES */
};

es_status es_zip_open(const char *name, const void *bytes, size_t len, es_zip **out, es_error *err)
{
    *out = NULL;
    es_zip *z = calloc(1, sizeof *z);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = z ? zip_source_buffer_create(bytes, len, 0, &ze) : NULL;
    if (z == NULL || src == NULL || (z->name = strdup(name)) == NULL) {
        if (src != NULL)
            zip_source_free(src);
        free(z);
        zip_error_fini(&ze);
        return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    }
    z->zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (z->zip == NULL) {
        es_error_set(err, ES_ERR_FORMAT, name, 0, "not a readable ZIP package (truncated or damaged?): %s",
                     zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        free(z->name);
        free(z);
        return ES_ERR_FORMAT;
    }
    zip_error_fini(&ze);
    *out = z;
    return ES_OK;
}

void es_zip_close(es_zip *z)
{
    if (z == NULL)
        return;
    zip_discard(z->zip); /* read only: nothing to write back */
    free(z->name);
    free(z);
}

bool es_zip_has(const es_zip *z, const char *part)
{
    return zip_name_locate(z->zip, part, 0) >= 0;
}

es_status es_zip_read(es_zip *z, const char *part, char **data, size_t *len, es_error *err)
{
    *data = NULL;
    *len = 0;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z->zip, part, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return es_error_set(err, ES_ERR_FORMAT, z->name, 0, "the package has no part %s", part);
    if (st.size > ES_MAX_PART_BYTES || z->unpacked + st.size > ES_MAX_PACKAGE_BYTES)
        return es_error_set(err, ES_ERR_LIMIT, z->name, 0,
                            "part %s unpacks to %llu MB, beyond edustat's limit of %zu MB for a part "
                            "and %zu MB for a package (a zip bomb?)",
                            part, (unsigned long long)(st.size >> 20), ES_MAX_PART_BYTES >> 20,
                            ES_MAX_PACKAGE_BYTES >> 20);
    char *buf = malloc((size_t)st.size + 1);
    if (buf == NULL)
        return es_error_set(err, ES_ERR_NOMEM, z->name, 0, "out of memory");
    zip_file_t *f = zip_fopen(z->zip, part, 0);
    if (f == NULL) {
        free(buf);
        return es_error_set(err, ES_ERR_FORMAT, z->name, 0, "cannot unpack part %s: %s", part,
                            zip_strerror(z->zip));
    }
    /* read no more than the directory promised, whatever the stream holds */
    zip_int64_t got = 0, n = 0;
    while ((zip_uint64_t)got < st.size && (n = zip_fread(f, buf + got, st.size - (zip_uint64_t)got)) > 0)
        got += n;
    int bad = n < 0 || (zip_uint64_t)got != st.size;
    if (bad)
        es_error_set(err, ES_ERR_FORMAT, z->name, 0, "cannot unpack part %s (truncated or damaged): %s", part,
                     zip_file_strerror(f));
    zip_fclose(f);
    if (bad) {
        free(buf);
        return ES_ERR_FORMAT;
    }
    buf[got] = '\0';
    z->unpacked += (size_t)got;
    *data = buf;
    *len = (size_t)got;
    return ES_OK;
}
