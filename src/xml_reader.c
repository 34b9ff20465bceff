/* xml_reader.c - opening libxml2's reader (see xml_reader_internal.h). */
#include "xml_reader_internal.h"

#include <pthread.h>

/* libxml2 sets up its global tables (encodings among them) on first use;
 * two threads of -j reading a .docx and a .xlsx at once both set them up
 * and one copy leaks. Its documentation asks for xmlInitParser before
 * threads use it: once per process, here. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void)
{
    xmlInitParser();
}

xmlTextReaderPtr es_xml_open(const char *data, size_t len)
{
    pthread_once(&xml_once, init_xml);
    if (len > (size_t)0x7FFFFFFF)
        return NULL;
    return xmlReaderForMemory(data, (int)len, NULL, "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
}
