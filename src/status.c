/* status.c - status names and the error record helpers. */
#include "error_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *es_status_name(es_status status)
{
    switch (status) {
    case ES_OK: return "ok";
    case ES_ERR_NOMEM: return "out of memory";
    case ES_ERR_IO: return "input/output error";
    case ES_ERR_ENCODING: return "not text in a known encoding";
    case ES_ERR_EMPTY: return "empty input";
    case ES_ERR_FORMAT: return "malformed input";
    case ES_ERR_USAGE: return "invalid argument";
    case ES_ERR_LIMIT: return "input exceeds a limit";
    case ES_ERR_WRITE: return "cannot write the output";
    }
    return "unknown error";
}

void es_error_clear(es_error *err)
{
    if (err == NULL)
        return;
    err->status = ES_OK;
    err->line = 0;
    err->file[0] = '\0';
    err->message[0] = '\0';
}

es_status es_error_set(es_error *err, es_status status, const char *file,
                       long line, const char *fmt, ...)
{
    if (err == NULL)
        return status;
    err->status = status;
    err->line = line;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}
