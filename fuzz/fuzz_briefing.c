/* fuzz_briefing.c - the briefing fed random table data: each 11 bytes of
 * input are one figure (indicator, district, year, basis and scope, and a
 * value that is either 8 raw bytes of a double, so NaN, infinities,
 * subnormals and 1e308 all occur, or one of a list of extremes). The font
 * is a small cut (EDUSTAT_FUZZ_FONT, built by `make fuzz`) so that each
 * run takes milliseconds. */
#include <float.h>
#include <math.h>

#include "fuzz_util.h"

#include "edustat/briefing.h"
#include "edustat/lexicon.h"
#include "edustat/stats.h"

#ifndef EDUSTAT_FUZZ_FONT
#define EDUSTAT_FUZZ_FONT NULL
#endif

#define FIGURE_BYTES 11
#define MAX_FIGURES 400

static es_lexicon *lexicon;
static FILE *devnull;

static const char *const districts[] = {"思明区", "湖里区", "集美区", "海沧区", "鼓楼区",
                                        "某某县", "䶮城区", "A区"};
static const double extremes[] = {0.0, -0.0, 1e300, -1e300, 1e308, DBL_MAX, -DBL_MAX, DBL_MIN,
                                  1e16, 9.999e15, 1e-300, 0.5, 100.0, 250.0, -3.0, 1e60};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    es_error err;
    devnull = fopen("/dev/null", "w");
    return devnull == NULL || es_lexicon_new_builtin(&lexicon, &err) != ES_OK;
}

static double figure_value(const uint8_t *p)
{
    if (p[0] & 0x80) {
        double v;
        memcpy(&v, p + 1, sizeof v);
        return v;
    }
    if (p[0] & 0x40)
        return (double)(p[1] | p[2] << 8) / ((p[3] & 3) ? 10.0 : 1.0);
    return extremes[p[1] % (sizeof extremes / sizeof *extremes)];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size / FIGURE_BYTES;
    if (n == 0 || n > MAX_FIGURES)
        return 0;
    fuzz_collect c = {es_facts_new(lexicon), es_corpus_new()};
    es_table *table = NULL;
    es_summary *summary = NULL;
    es_error err;
    if (c.facts == NULL || c.corpus == NULL)
        goto done;
    size_t n_ind = es_lexicon_count(lexicon);
    es_doc_info doc = {"fuzz.txt#0", "fuzz.txt", 0, "某某区教育局工作总结", 1, 100, NULL,
                       NULL, "某某市", 2024, NULL, NULL, "title"};
    if (es_corpus_add_document(c.corpus, &doc) != ES_OK)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = data + i * FIGURE_BYTES;
        const es_indicator *ind = es_lexicon_at(lexicon, p[0] % n_ind);
        char id[64];
        snprintf(id, sizeof id, "fuzz.txt#0@%zu", i);
        es_record r = {0};
        r.id = id;
        r.doc = &doc;
        r.line = (long)i + 1;
        r.start = i * 10;
        r.end = r.start + 4;
        r.raw = "12.5";
        r.raw_len = 4;
        r.value = figure_value(p + 2);
        r.unit = ind->n_units ? ind->units[p[1] % ind->n_units] : "";
        r.qualifier = (es_qualifier)(p[1] >> 5 & 3);
        r.indicator = ind->id;
        r.label = ind->label;
        r.context = "全区教育经费投入12.5亿元";
        r.context_len = strlen(r.context);
        r.year = 2018 + (p[1] >> 2 & 7);
        r.year_from = ES_YEAR_CLAUSE;
        r.district = districts[(p[0] >> 4 ^ p[1]) % (sizeof districts / sizeof *districts)];
        r.city = "某某市";
        r.basis = (p[1] & 0x80) ? ES_BASIS_TARGET : ES_BASIS_ACTUAL;
        r.scope = ES_SCOPE_OWN;
        if (fuzz_collect_record(&r, &c) != ES_OK)
            goto done;
    }
    if (es_table_build(c.facts, ES_PICK_DEFAULT, &table, &err) != ES_OK ||
        es_summary_compute(table, &summary, &err) != ES_OK) {
        fuzz_refused("table", &err);
        goto done;
    }
    es_corpus_finish(c.corpus);
    es_briefing_options o = {NULL, EDUSTAT_FUZZ_FONT, 0};
    if (es_briefing_write(table, summary, c.corpus, &o, devnull, &err) != ES_OK)
        fuzz_refused("briefing", &err);
done:
    es_summary_free(summary);
    es_table_free(table);
    es_corpus_free(c.corpus);
    es_facts_free(c.facts);
    return 0;
}
