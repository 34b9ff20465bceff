/*
 * xml_reader_internal.h - libxml2's streaming reader as the Office readers
 * use it: no network, no external DTD, no entity expansion (an entity
 * stays a reference, so "billion laughs" and external entities give
 * nothing), errors kept quiet and reported by the caller.
 */
#ifndef EDUSTAT_XML_READER_INTERNAL_H
#define EDUSTAT_XML_READER_INTERNAL_H

#include <stdbool.h>
#include <string.h>

#include <libxml/xmlreader.h>

/* A reader over data[0..len), or NULL (xml_reader.c). */
xmlTextReaderPtr es_xml_open(const char *data, size_t len);

/* Is the reader on an opening (or empty) element of that local name? */
static inline bool es_xml_start(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(r), local) == 0;
}

/* ...on a closing element of that local name? */
static inline bool es_xml_end(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
           strcmp((const char *)xmlTextReaderConstLocalName(r), local) == 0;
}

/* An attribute by local name, whatever its prefix (w:val, r:id); free
 * with xmlFree. NULL when absent. */
static inline char *es_xml_attr(xmlTextReaderPtr r, const char *local)
{
    char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(r) == 1) {
        do {
            if (strcmp((const char *)xmlTextReaderConstLocalName(r), local) == 0) {
                v = (char *)xmlTextReaderValue(r);
                break;
            }
        } while (xmlTextReaderMoveToNextAttribute(r) == 1);
        xmlTextReaderMoveToElement(r);
    }
    return v;
}

#endif
