/*
 * side_file_internal.h - reading the files a user gives beside the
 * documents (the manifest, a lexicon) the way documents are read: UTF-8
 * with or without a byte-order mark, GB18030 (Excel's "CSV" on a Chinese
 * Windows), UTF-16 with a mark (Excel's "Unicode text"). Anything else is
 * refused with the file and the line of the first bad byte, so no invalid
 * UTF-8 reaches the outputs.
 */
#ifndef EDUSTAT_SIDE_FILE_INTERNAL_H
#define EDUSTAT_SIDE_FILE_INTERNAL_H

#include <stddef.h>

#include "edustat/status.h"

/* The whole of path (at most max bytes) as UTF-8 in *text (NUL ended,
 * caller frees), its length in *len. */
es_status es_side_file_read(const char *path, size_t max, char **text, size_t *len, es_error *err);

#endif
