/*
 * status.h - status codes and the error record every library call fills.
 *
 * Library functions never print and never exit: they return an es_status
 * and, where they take an es_error *, describe the failure there (message,
 * the file it concerns, and a 1-based line when one helps, else 0).
 * The caller owns the es_error; it holds no pointers and needs no freeing.
 */
#ifndef EDUSTAT_STATUS_H
#define EDUSTAT_STATUS_H

#include "edustat/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_status {
    ES_OK = 0,           /* done */
    ES_ERR_NOMEM,        /* an allocation failed */
    ES_ERR_IO,           /* a file could not be opened, read or written */
    ES_ERR_ENCODING,     /* not text in a known encoding */
    ES_ERR_EMPTY,        /* the input holds no text */
    ES_ERR_FORMAT,       /* malformed input (a lexicon line, a manifest...) */
    ES_ERR_USAGE,        /* an argument the caller should not have passed */
    ES_ERR_LIMIT,        /* an input exceeds a named limit */
    ES_ERR_WRITE         /* the output could not be written (a full disk...) */
} es_status;

#define ES_ERROR_MESSAGE_MAX 512
#define ES_ERROR_FILE_MAX 1024

typedef struct es_error {
    es_status status;
    long line;                          /* 1-based; 0 when not known */
    char file[ES_ERROR_FILE_MAX];       /* "" when no file is concerned */
    char message[ES_ERROR_MESSAGE_MAX];
} es_error;

/* A short English name for a status ("out of memory"...). Never NULL. */
ES_API const char *es_status_name(es_status status);

/* Reset an error record to "no error". Accepts NULL. */
ES_API void es_error_clear(es_error *err);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_STATUS_H */
