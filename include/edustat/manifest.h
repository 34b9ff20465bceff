/*
 * manifest.h - metadata users know better than the detector: a CSV file
 * with columns file,doc_index,district,city,year (a header line first).
 * An empty field keeps what was detected; doc_index empty or 0 applies to
 * every document of the file. A file is matched by the path as given or by
 * its base name.
 */
#ifndef EDUSTAT_MANIFEST_H
#define EDUSTAT_MANIFEST_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_manifest_entry {
    char *file;
    int doc_index;  /* 0: every document of the file */
    char *district; /* NULL: keep the detected one */
    char *city;
    int year;       /* 0: keep */
    long line;      /* where the entry stands in the manifest file */
} es_manifest_entry;

typedef struct es_manifest es_manifest;

ES_API es_status es_manifest_load(const char *path, es_manifest **out, es_error *err);
ES_API void es_manifest_free(es_manifest *m);

/* The number of entries, and entry i (0 <= i < count) in file order. */
ES_API size_t es_manifest_count(const es_manifest *m);
ES_API const es_manifest_entry *es_manifest_entry_at(const es_manifest *m, size_t i);

/* The entry for document doc_index of file, or NULL. */
ES_API const es_manifest_entry *es_manifest_find(const es_manifest *m, const char *file, int doc_index);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_MANIFEST_H */
