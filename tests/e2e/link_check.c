/* link_check.c - a program of a library user, built against an installed
 * edustat with `pkg-config --cflags --libs edustat` and run from that
 * tree's bin/ (make install-check): extract a summary we wrote, print
 * what it found and the font a briefing would use. */
#include <stdio.h>
#include <string.h>

#include <edustat/classify.h>
#include <edustat/briefing.h>
#include <edustat/extract.h>
#include <edustat/gazetteer.h>
#include <edustat/lexicon.h>
#include <edustat/situate.h>
#include <edustat/source.h>

static es_status on_record(const es_record *r, void *user)
{
    printf("%s %g %s %s\n", r->indicator, r->value, r->unit, r->district ? r->district : r->doc->district);
    (*(int *)user)++;
    return ES_OK;
}

int main(void)
{
    static const char text[] = "鼓楼区教育局2024年工作总结\n\n全区共有中小学45所，专任教师6200人，教育经费投入12.5亿元。\n";
    es_error err;
    es_lexicon *lx = NULL;
    es_classifier *cl = NULL;
    es_gazetteer *gz = NULL;
    es_situator *si = NULL;
    es_source *src = NULL;
    if (es_lexicon_new_builtin(&lx, &err) != ES_OK || es_classifier_new(lx, &cl, &err) != ES_OK ||
        es_gazetteer_new_builtin(&gz, &err) != ES_OK || es_situator_new_builtin(&si, &err) != ES_OK ||
        es_source_from_bytes("summary.txt", text, sizeof text - 1, &src, &err) != ES_OK) {
        fprintf(stderr, "link_check: %s\n", err.message);
        return 1;
    }
    es_extract_options opt;
    memset(&opt, 0, sizeof opt);
    opt.classifier = cl;
    opt.gazetteer = gz;
    opt.situator = si;
    int n = 0;
    es_extract_sink sink = {NULL, on_record, NULL, &n};
    es_status st = es_extract_source(src, &opt, &sink, &err);
    char font[4096];
    printf("records %d\nfont %s\n", n, es_briefing_font_path(NULL, font, sizeof font) ? font : "(none)");
    es_source_free(src);
    es_situator_free(si);
    es_gazetteer_free(gz);
    es_classifier_free(cl);
    es_lexicon_free(lx);
    return st == ES_OK && n == 3 ? 0 : 1;
}
