/* json_lexicon.c - the lexicon as JSON with cJSON (see json_lexicon.h). */
#include "edustat/json_lexicon.h"
#include "error_internal.h"

#include <cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static cJSON *string_array(char **v, size_t n)
{
    cJSON *a = cJSON_CreateArray();
    for (size_t i = 0; a && i < n; i++) {
        cJSON *s = cJSON_CreateString(v[i]);
        if (s == NULL) {
            cJSON_Delete(a);
            return NULL;
        }
        cJSON_AddItemToArray(a, s);
    }
    return a;
}

es_status es_lexicon_write_json(const es_lexicon *lx, FILE *out, es_error *err)
{
    cJSON *root = cJSON_CreateArray();
    if (root == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    for (size_t i = 0; i < es_lexicon_count(lx); i++) {
        const es_indicator *ind = es_lexicon_at(lx, i);
        cJSON *o = cJSON_CreateObject();
        if (o == NULL)
            goto nomem;
        cJSON_AddItemToArray(root, o);
        cJSON *cues = cJSON_CreateArray();
        cJSON *units = string_array(ind->units, ind->n_units);
        cJSON *defaults = string_array(ind->default_units, ind->n_default_units);
        if (cues == NULL || units == NULL || defaults == NULL ||
            !cJSON_AddStringToObject(o, "id", ind->id) ||
            !cJSON_AddStringToObject(o, "label", ind->label) ||
            !cJSON_AddStringToObject(o, "kind", es_indicator_kind_name(ind->kind))) {
            cJSON_Delete(cues);
            cJSON_Delete(units);
            cJSON_Delete(defaults);
            goto nomem;
        }
        cJSON_AddItemToObject(o, "units", units);
        cJSON_AddItemToObject(o, "default_units", defaults);
        cJSON_AddItemToObject(o, "cues", cues);
        if (!cJSON_AddStringToObject(o, "better", ind->lower_is_better ? "lower" : "higher") ||
            !(ind->has_ceiling ? cJSON_AddNumberToObject(o, "ceiling", ind->ceiling)
                               : cJSON_AddNullToObject(o, "ceiling")))
            goto nomem;
        for (size_t k = 0; k < ind->n_cues; k++) {
            cJSON *c = cJSON_CreateObject();
            if (c == NULL)
                goto nomem;
            cJSON_AddItemToArray(cues, c);
            if (!cJSON_AddStringToObject(c, "word", ind->cues[k].word) ||
                !cJSON_AddNumberToObject(c, "weight", ind->cues[k].weight) ||
                !cJSON_AddBoolToObject(c, "before_only", ind->cues[k].before_only) ||
                !cJSON_AddBoolToObject(c, "predicate", ind->cues[k].predicate))
                goto nomem;
        }
    }
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    if (s == NULL)
        return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
    int ok = fputs(s, out) >= 0 && fputc('\n', out) != EOF;
    free(s);
    return ok ? ES_OK : es_error_set(err, ES_ERR_WRITE, "", 0, "cannot write the output: %s", strerror(errno));
nomem:
    cJSON_Delete(root);
    return es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
}
