/* qualifier.c - the qualifier's names in records and in Chinese
 * (include/edustat/qualifier.h). */
#include "edustat/qualifier.h"

#include <stddef.h>
#include <string.h>

const char *es_qualifier_name(es_qualifier q)
{
    switch (q) {
    case ES_QUALIFIER_EXACT: return "exact";
    case ES_QUALIFIER_MORE_THAN: return "more_than";
    case ES_QUALIFIER_APPROX: return "approx";
    case ES_QUALIFIER_AT_LEAST: return "at_least";
    case ES_QUALIFIER_AT_MOST: return "at_most";
    }
    return "exact";
}

bool es_qualifier_parse(const char *name, es_qualifier *q)
{
    static const es_qualifier all[] = {ES_QUALIFIER_EXACT, ES_QUALIFIER_MORE_THAN, ES_QUALIFIER_APPROX,
                                       ES_QUALIFIER_AT_LEAST, ES_QUALIFIER_AT_MOST};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, es_qualifier_name(all[i])) == 0) {
            *q = all[i];
            return true;
        }
    return false;
}

const char *es_qualifier_prefix(es_qualifier q)
{
    switch (q) {
    case ES_QUALIFIER_MORE_THAN: return "超过";
    case ES_QUALIFIER_APPROX: return "约";
    case ES_QUALIFIER_AT_LEAST: return "不少于";
    case ES_QUALIFIER_AT_MOST: return "不超过";
    case ES_QUALIFIER_EXACT: break;
    }
    return "";
}

const char *es_qualifier_words(es_qualifier q)
{
    switch (q) {
    case ES_QUALIFIER_MORE_THAN: return "以上";
    case ES_QUALIFIER_APPROX: return "左右";
    case ES_QUALIFIER_AT_LEAST: return "（不少于）";
    case ES_QUALIFIER_AT_MOST: return "（不超过）";
    case ES_QUALIFIER_EXACT: break;
    }
    return "";
}
