/*
 * zip_part_internal.h - the parts of an Office Open XML package (.docx,
 * .xlsx), read from memory with Debian's libzip. Only this module talks to
 * libzip. Every part is read whole but bounded: a part that unpacks beyond
 * ES_MAX_PART_BYTES, or a package beyond ES_MAX_PACKAGE_BYTES in all, is
 * refused (a zip bomb unpacks a few kilobytes into gigabytes).
 */
#ifndef EDUSTAT_ZIP_PART_INTERNAL_H
#define EDUSTAT_ZIP_PART_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "edustat/status.h"

#define ES_MAX_PART_BYTES ((size_t)256 << 20)
#define ES_MAX_PACKAGE_BYTES ((size_t)1 << 30)

typedef struct es_zip es_zip;

/* Open the package in bytes[0, len) (not copied: it must outlive the
 * package). Errors name the file. */
es_status es_zip_open(const char *name, const void *bytes, size_t len, es_zip **out, es_error *err);
void es_zip_close(es_zip *z);

/* Does the package hold a part of that name? */
bool es_zip_has(const es_zip *z, const char *part);

/* The part's bytes, NUL ended (*len without the NUL; free() them), or an
 * error naming the file and the part: ES_ERR_FORMAT when it is missing or
 * cannot be unpacked, ES_ERR_LIMIT beyond the limits above. */
es_status es_zip_read(es_zip *z, const char *part, char **data, size_t *len, es_error *err);

#endif
