/* fuzz_extract.c - libFuzzer harness over ingest + split + scan + JSON.
 * The first byte picks how the input is named (.txt or .html), the rest
 * is the file. Build and run with `make fuzz`. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "edustat/extract.h"
#include "edustat/records_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Built once for the whole run (a harness may keep state; the library
 * does not). */
static es_lexicon *lexicon;
static es_classifier *classifier;
static es_gazetteer *gazetteer;
static es_situator *situator;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    es_error err;
    if (es_lexicon_new_builtin(&lexicon, &err) != ES_OK ||
        es_classifier_new(lexicon, &classifier, &err) != ES_OK ||
        es_gazetteer_new_builtin(&gazetteer, &err) != ES_OK ||
        es_situator_new_builtin(&situator, &err) != ES_OK)
        return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *name = (data[0] & 1) ? "fuzz.html" : "fuzz.txt";
    es_split_mode split = (data[0] & 2) ? ES_SPLIT_NONE : ES_SPLIT_AUTO;
    es_source *src = NULL;
    es_error err;
    if (es_source_from_bytes(name, (const char *)data + 1, size - 1, &src, &err) != ES_OK)
        return 0;
    FILE *out = fopen("/dev/null", "w");
    es_records_writer *w = NULL;
    if (out != NULL && es_records_writer_new(out, (data[0] & 4) ? ES_RECORDS_JSONL : ES_RECORDS_JSON,
                                             &w, &err) == ES_OK) {
        es_extract_sink sink = es_records_writer_sink(w);
        es_extract_options opt = {split, NULL, NULL, 0, classifier, gazetteer, NULL, situator};
        if (es_extract_source(src, &opt, &sink, &err) == ES_OK)
            es_records_writer_finish(w, &err);
        es_records_writer_free(w);
    }
    if (out)
        fclose(out);
    es_source_free(src);
    return 0;
}
