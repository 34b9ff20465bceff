/* pipeline.c - what every command that extracts needs: the lexicon (built
 * in, plus --lexicon), the classifier, the gazetteer and a manifest. */
#include "cli.h"

#include <string.h>

int cli_pipeline_open(cli_pipeline *p, const char *lexicon_path, const char *manifest_path)
{
    es_error err;
    memset(p, 0, sizeof *p);
    es_error_clear(&err);
    if (es_lexicon_new_builtin(&p->lexicon, &err) != ES_OK ||
        (lexicon_path && es_lexicon_add_file(p->lexicon, lexicon_path, &err) != ES_OK) ||
        es_classifier_new(p->lexicon, &p->classifier, &err) != ES_OK ||
        es_gazetteer_new_builtin(&p->gazetteer, &err) != ES_OK ||
        (manifest_path && es_manifest_load(manifest_path, &p->manifest, &err) != ES_OK)) {
        cli_report(&err);
        cli_pipeline_close(p);
        return -1;
    }
    return 0;
}

void cli_pipeline_close(cli_pipeline *p)
{
    es_manifest_free(p->manifest);
    es_gazetteer_free(p->gazetteer);
    es_classifier_free(p->classifier);
    es_lexicon_free(p->lexicon);
    memset(p, 0, sizeof *p);
}
