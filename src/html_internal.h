/*
 * html_internal.h - HTML to plain text with Debian's libgumbo: entities
 * decoded, script/style/head dropped, block elements and <br> and table
 * cells as line breaks. Every text offset maps back to the HTML source, and
 * each table cell remembers its column header so a bare number can take
 * the header's unit. Only this module talks to gumbo.
 */
#ifndef EDUSTAT_HTML_INTERNAL_H
#define EDUSTAT_HTML_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "edustat/scan.h"
#include "edustat/status.h"
#include "offmap_internal.h"

/* Elements deeper than this are read as running text (their text and line
 * breaks, without table structure) by a loop instead of recursion, so the
 * stack stays bounded on hostile input. */
#define ES_MAX_HTML_DEPTH 256
/* Pages nested deeper than this are refused (ES_ERR_LIMIT): gumbo's time
 * grows with the square of the nesting (100,000 levels take 20 s), and no
 * real page comes near it. */
#define ES_MAX_HTML_NESTING 10000

typedef struct es_html_text {
    char *text;            /* UTF-8, NUL terminated */
    size_t len;
    es_offmap map;         /* text offset -> offset in the HTML given */
    char *title;           /* <meta name="ArticleTitle">, else the first <h1>, else <title>; NULL if none */
    char *publisher;       /* <meta name="ContentSource">, the publishing office; NULL if none */
    int year;              /* the year of <meta name="PubDate">; 0 if none */
    es_table_cell *cells;  /* body cells of tables, in text order */
    size_t n_cells;
} es_html_text;

/* True if path ends in .html/.htm or the text starts like an HTML page. */
bool es_html_detect(const char *path, const char *text, size_t len);

/* Convert html[0..len) (UTF-8) to text. ES_ERR_LIMIT when the page nests
 * elements deeper than ES_MAX_HTML_NESTING (counted from its tags before
 * parsing), ES_ERR_NOMEM when out of memory. */
es_status es_html_to_text(const char *html, size_t len, es_html_text *out);

void es_html_text_free(es_html_text *h);

#endif
