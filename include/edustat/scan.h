/*
 * scan.h - finding every numeric quantity in a run of UTF-8 text.
 *
 * The scanner reads numbers in all the forms of the annotation contract
 * (Arabic and full-width digits, Chinese numerals, 万/亿 magnitudes,
 * percentages, ratios, ranges, qualifiers) and keeps only those that
 * measure something: a number with a measure word, a percentage, a ratio,
 * or a bare number in a table cell whose column header gives the unit.
 * Years, dates, times, ordinals, list markers, slogans and names are
 * rejected; blanked numbers (__所, XX%) are reported as redactions.
 *
 * It allocates nothing: quantities are handed to a callback one by one, in
 * text order. Offsets are byte offsets into the text passed in.
 */
#ifndef EDUSTAT_SCAN_H
#define EDUSTAT_SCAN_H

#include "edustat/export.h"

#include <stdbool.h>
#include <stddef.h>

#include "edustat/qualifier.h"
#include "edustat/status.h"
#include "edustat/table_cell.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct es_quantity {
    size_t start, end;      /* the raw span: number, 多/余, magnitude, unit */
    double value;           /* normalised value in the base unit; 0 if redacted */
    const char *unit;       /* normalised unit ("元", "%", "人", "ratio"...); static */
    es_qualifier qualifier;
    bool redacted;          /* a blanked number such as __所 */
    const es_table_cell *cell; /* the table cell it came from, or NULL */
} es_quantity;

/* Why the scanner set a number aside without it being a quantity, for
 * numbers the user may want to hear about. */
typedef enum es_scan_note_kind {
    ES_SCAN_NOTE_OVERFLOW = 1 /* a number too long or too large to hold */
} es_scan_note_kind;

typedef struct es_scan_callbacks {
    /* Called for each quantity and redaction; return non-zero to stop. */
    int (*quantity)(const es_quantity *q, void *user);
    /* Optional: called for numbers set aside with a note. */
    void (*note)(es_scan_note_kind kind, size_t start, size_t end, void *user);
    void *user;
} es_scan_callbacks;

/* Scan text[0..len). cells (sorted by start, may be NULL) are the table
 * cells within it. Returns ES_OK, or ES_OK early if a callback stopped. */
ES_API es_status es_scan_text(const char *text, size_t len, const es_table_cell *cells, size_t n_cells,
                       const es_scan_callbacks *cb);

/* Scan only the numbers that start in [from, to) of text[0..len); the text
 * around them is still read for units, qualifiers and names. */
ES_API es_status es_scan_range(const char *text, size_t len, size_t from, size_t to,
                        const es_table_cell *cells, size_t n_cells, const es_scan_callbacks *cb);

/* The clause around [start, end): back to the previous clause break
 * (。；！？ or a line break, and ，：、 after a few characters) and on to the
 * next one, at most ES_CONTEXT_MAX_CHARS characters each side. */
#define ES_CONTEXT_MAX_CHARS 60
ES_API void es_scan_context(const char *text, size_t len, size_t start, size_t end, size_t *ctx_start,
                     size_t *ctx_end);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_SCAN_H */
