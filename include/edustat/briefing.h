/*
 * briefing.h - the PDF briefing: cover, one section per indicator (bar
 * chart of districts for the latest year, line chart across years, table
 * with ranks and changes), data quality and sources, in Chinese, on A4.
 * Drawn with libharu; all drawing code lives under charts/.
 *
 * Fonts: libharu 2.3 silently drops glyphs whose index is above 32767, so
 * the default font is a CJK font cut down to GBK + ASCII at build time;
 * any other font (--font, EDUSTAT_FONT, or the best fontconfig match for
 * :lang=zh) is checked with FreeType and refused when libharu would draw it
 * wrongly.
 */
#ifndef EDUSTAT_BRIEFING_H
#define EDUSTAT_BRIEFING_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/corpus.h"
#include "edustat/lexicon.h"
#include "edustat/stats.h"
#include "edustat/table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ES_BRIEFING_DEFAULT_TITLE "教育指标简报"

typedef struct es_briefing_options {
    const char *title;     /* NULL: ES_BRIEFING_DEFAULT_TITLE */
    const char *font_path; /* NULL: EDUSTAT_FONT, the bundled font, fontconfig */
    long long date_epoch;  /* generation date (seconds since 1970); < 0: now */
} es_briefing_options;

/* Write the briefing as PDF to out. */
ES_API es_status es_briefing_write(const es_table *t, const es_summary *s, const es_corpus *c,
                            const es_briefing_options *o, FILE *out, es_error *err);

/* A proof sheet: the characters of chars (UTF-8) in a grid of cols columns
 * at size points, one character per cell of cell points, starting at the
 * top left of an A4 page at (margin, margin). For testing that glyphs
 * render. font_path as in es_briefing_options. */
ES_API es_status es_briefing_glyph_sheet(const char *font_path, const char *chars, int cols, double size,
                                  double cell, double margin, FILE *out, es_error *err);

/* The font a briefing would use (for messages and tests); NULL if none. */
ES_API const char *es_briefing_font_path(const char *font_path, char *buf, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
