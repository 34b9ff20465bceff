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

/* Terminal columns of a UTF-8 string: East Asian wide characters count two. */
static int display_width(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        w += *p >= 0xE1 ? 2 : 1; /* CJK (U+1100 up) is three bytes or more */
    }
    return w;
}

void cli_print_cell(FILE *to, const char *s, int width, int right)
{
    int pad = width - display_width(s);
    if (right)
        fprintf(to, "%*s%s", pad > 0 ? pad : 0, "", s);
    else
        fprintf(to, "%s%*s", s, pad > 0 ? pad : 0, "");
}
