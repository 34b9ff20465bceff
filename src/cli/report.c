/* report.c - the one format for messages: `edustat: FILE:LINE: message`. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

void cli_report(const es_error *err)
{
    if (err->file[0] != '\0' && err->line > 0)
        fprintf(stderr, "edustat: %s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0] != '\0')
        fprintf(stderr, "edustat: %s: %s\n", err->file, err->message);
    else
        fprintf(stderr, "edustat: %s\n", err->message);
}

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("edustat: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}
