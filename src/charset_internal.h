/*
 * charset_internal.h - which encoding a file is in, and turning it into
 * UTF-8 with a map back to the file's bytes. Only this module talks to
 * uchardet and iconv.
 */
#ifndef EDUSTAT_CHARSET_INTERNAL_H
#define EDUSTAT_CHARSET_INTERNAL_H

#include <stddef.h>

#include "edustat/status.h"
#include "offmap_internal.h"

typedef enum es_charset {
    ES_CHARSET_UTF8,       /* valid UTF-8 (a BOM is skipped) */
    ES_CHARSET_UTF8_LOSSY, /* UTF-8 with some invalid bytes: replaced by U+FFFD */
    ES_CHARSET_GB18030,    /* GB18030, GBK, GB2312 */
    ES_CHARSET_UTF16LE,
    ES_CHARSET_UTF16BE,
    ES_CHARSET_UNKNOWN
} es_charset;

/* Decide the encoding of bytes[0..len); *bom_len receives the length of a
 * byte-order mark to skip. ES_CHARSET_UNKNOWN for binary data (NUL bytes
 * without a UTF-16 BOM) or text in some other encoding. */
es_charset es_charset_detect(const unsigned char *bytes, size_t len, size_t *bom_len);

const char *es_charset_name(es_charset cs);

/* Convert bytes[start..len) from cs to UTF-8 in a new buffer (*out, NUL
 * terminated, caller frees) and add anchors to map (text offset -> file
 * offset). *n_invalid counts bytes that could not be decoded (replaced by
 * U+FFFD) and *first_invalid is the file offset of the first. */
es_status es_charset_to_utf8(const unsigned char *bytes, size_t len, size_t start, es_charset cs,
                             char **out, size_t *out_len, es_offmap *map, size_t *n_invalid,
                             size_t *first_invalid);

#endif
