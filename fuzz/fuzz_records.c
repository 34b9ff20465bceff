/* fuzz_records.c - the records reader (`run --from-records`) into the
 * table, the summary and every JSON output. The input is a records file,
 * JSON or JSON Lines. */
#include "fuzz_util.h"

#include "edustat/json_read.h"
#include "edustat/json_tables.h"
#include "edustat/lexicon.h"
#include "edustat/stats.h"

static es_lexicon *lexicon;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    es_error err;
    devnull = fopen("/dev/null", "w");
    if (devnull == NULL || es_lexicon_new_builtin(&lexicon, &err) != ES_OK ||
        fuzz_scratch(".jsonl") == NULL)
        return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_scratch(".jsonl");
    if (path == NULL || fuzz_write_scratch(path, data, size) != 0)
        return 0;
    fuzz_collect c = {es_facts_new(lexicon), es_corpus_new()};
    es_error err;
    es_table *table = NULL;
    es_summary *summary = NULL;
    if (c.facts != NULL && c.corpus != NULL) {
        es_extract_sink sink = fuzz_collect_sink(&c);
        if (es_read_records_file(path, &sink, &err) == ES_OK &&
            es_table_build(c.facts, (es_pick)(size % 4), &table, &err) == ES_OK &&
            es_summary_compute(table, &summary, &err) == ES_OK) {
            es_corpus_finish(c.corpus);
            es_write_table_json(table, devnull, &err);
            es_write_summary_json(summary, devnull, &err);
            es_write_datapackage_json(table, devnull, &err);
            es_write_echarts_json(table, devnull, &err);
        } else {
            fuzz_refused("records", &err);
        }
    }
    es_summary_free(summary);
    es_table_free(table);
    es_corpus_free(c.corpus);
    es_facts_free(c.facts);
    return 0;
}
