/* fuzz_util.h - what the harnesses share: the readers under test take a
 * path, so each harness writes its input to one scratch file of its own
 * (in TMPDIR), and builds the table and summary the way `edustat run`
 * does. Fuzz-only code: static functions in a header, one copy per
 * harness binary. */
#ifndef EDUSTAT_FUZZ_UTIL_H
#define EDUSTAT_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edustat/corpus.h"
#include "edustat/extract.h"
#include "edustat/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A scratch file (suffix for the reader's eyes only), made once per process and removed at
 * exit. NULL if it cannot be made. */
static char fuzz_scratch_path[4096];

static inline void fuzz_remove_scratch(void)
{
    if (fuzz_scratch_path[0] != '\0')
        unlink(fuzz_scratch_path);
}

static inline const char *fuzz_scratch(const char *suffix)
{
    if (fuzz_scratch_path[0] != '\0')
        return fuzz_scratch_path;
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    int n = snprintf(fuzz_scratch_path, sizeof fuzz_scratch_path, "%s/edustat-fuzz-%s-XXXXXX",
                     dir, suffix + (suffix[0] == '.'));
    if (n < 0 || (size_t)n >= sizeof fuzz_scratch_path)
        return fuzz_scratch_path[0] = '\0', NULL;
    int fd = mkstemp(fuzz_scratch_path);
    if (fd < 0)
        return fuzz_scratch_path[0] = '\0', NULL;
    close(fd);
    atexit(fuzz_remove_scratch);
    return fuzz_scratch_path;
}

/* Replace the scratch file's content with data. */
static inline int fuzz_write_scratch(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t put = size ? fwrite(data, 1, size, f) : 0;
    return (fclose(f) == 0 && put == size) ? 0 : -1;
}

/* With EDUSTAT_FUZZ_VERBOSE set, say why an input was refused: a harness
 * whose seeds are all refused tests nothing. */
static inline void fuzz_refused(const char *stage, const es_error *err)
{
    if (getenv("EDUSTAT_FUZZ_VERBOSE") != NULL)
        fprintf(stderr, "fuzz: %s: %s:%ld: %s\n", stage, err->file, err->line, err->message);
}

/* The sink of `edustat run`: every document into the corpus, every record
 * into the facts and the corpus. */
typedef struct fuzz_collect {
    es_facts *facts;
    es_corpus *corpus;
} fuzz_collect;

static inline es_status fuzz_collect_document(const es_doc_info *d, void *user)
{
    return es_corpus_add_document(((fuzz_collect *)user)->corpus, d);
}

static inline es_status fuzz_collect_record(const es_record *r, void *user)
{
    fuzz_collect *c = user;
    es_error err;
    es_status st = es_facts_add(c->facts, r, &err);
    return st == ES_OK ? es_corpus_add_record(c->corpus, r) : st;
}

static inline es_extract_sink fuzz_collect_sink(fuzz_collect *c)
{
    es_extract_sink sink = {fuzz_collect_document, fuzz_collect_record, NULL, c};
    return sink;
}

#endif
