/* fuzz_lexicon.c - the lexicon reader (`--lexicon FILE`) into
 * classification: the built-in lexicon plus the input as a lexicon file,
 * then a short report extracted with it and the lexicon written as JSON. */
#include "fuzz_util.h"

#include "edustat/json_lexicon.h"
#include "edustat/lexicon.h"
#include "edustat/records_json.h"

static FILE *devnull;
static es_source *sample;

/* Written for this harness: every kind of figure the classifier tells
 * apart, so that a changed cue changes what is found. */
static const char sample_text[] =
    "某某区教育局2024年工作总结\n"
    "全区共有中小学42所，在校学生3.6万人，专任教师2815名。\n"
    "全年教育经费投入12.5亿元，比上年增长6.2%；生均公用经费1200元。\n"
    "学前三年毛入园率达到98.5%，义务教育巩固率100%，生师比13.2:1。\n"
    "新增学位1800个，校舍面积2.4万平方米，计划2025年再建3所学校。\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    es_error err;
    devnull = fopen("/dev/null", "w");
    return devnull == NULL || es_source_from_bytes("sample.txt", sample_text,
                                                   sizeof sample_text - 1, &sample,
                                                   &err) != ES_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    es_lexicon *lx = NULL;
    es_classifier *cl = NULL;
    es_error err;
    if (es_lexicon_new_builtin(&lx, &err) != ES_OK)
        return 0;
    if (es_lexicon_add_text(lx, "fuzz.tsv", (const char *)data, size, &err) == ES_OK &&
        es_classifier_new(lx, &cl, &err) == ES_OK) {
        es_lexicon_write_json(lx, devnull, &err);
        es_records_writer *w = NULL;
        if (es_records_writer_new(devnull, ES_RECORDS_JSONL, &w, &err) == ES_OK) {
            es_extract_sink sink = es_records_writer_sink(w);
            es_extract_options opt = {ES_SPLIT_AUTO, NULL, NULL, 0, cl, NULL, NULL, NULL};
            if (es_extract_source(sample, &opt, &sink, &err) == ES_OK)
                es_records_writer_finish(w, &err);
            es_records_writer_free(w);
        }
    }
    else
        fuzz_refused("lexicon", &err);
    es_classifier_free(cl);
    es_lexicon_free(lx);
    return 0;
}
