/* error_internal.h - filling an es_error from library code. */
#ifndef EDUSTAT_ERROR_INTERNAL_H
#define EDUSTAT_ERROR_INTERNAL_H

#include "edustat/status.h"

/* Record a failure in err (if not NULL) and return status, so a caller can
 * write `return es_error_set(err, ES_ERR_IO, path, 0, "...")`. */
es_status es_error_set(es_error *err, es_status status, const char *file,
                       long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
