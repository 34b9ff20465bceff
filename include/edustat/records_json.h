/*
 * records_json.h - writing records.json (schema edustat.records/2) or its
 * JSON Lines form, as DESIGN.md specifies. The only module that writes
 * record JSON (straight to a buffer: one object per figure is the hot path).
 *
 * JSON Lines is written as it comes, one object a line, each document
 * before its records. The JSON form collects records and redactions in
 * temporary files and assembles the object at es_records_writer_finish,
 * so memory stays flat however many records there are.
 */
#ifndef EDUSTAT_RECORDS_JSON_H
#define EDUSTAT_RECORDS_JSON_H

#include "edustat/export.h"

#include <stdio.h>

#include "edustat/extract.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum es_records_format {
    ES_RECORDS_JSON = 0,
    ES_RECORDS_JSONL
} es_records_format;

typedef struct es_records_writer es_records_writer;

/* A writer to out (not closed by the writer); out NULL: a writer that
 * only counts what it is given and prints nothing. */
ES_API es_status es_records_writer_new(FILE *out, es_records_format format, es_records_writer **w,
                                es_error *err);

ES_API es_status es_records_writer_document(es_records_writer *w, const es_doc_info *doc);
ES_API es_status es_records_writer_record(es_records_writer *w, const es_record *rec);

/* Finish the output (the JSON form is written here). */
ES_API es_status es_records_writer_finish(es_records_writer *w, es_error *err);

ES_API void es_records_writer_free(es_records_writer *w);

/* Counts so far. */
ES_API size_t es_records_writer_count(const es_records_writer *w, size_t *documents, size_t *redactions);

/* A sink that sends extraction output to the writer passed as user data. */
ES_API es_extract_sink es_records_writer_sink(es_records_writer *w);

#ifdef __cplusplus
}
#endif

#endif /* EDUSTAT_RECORDS_JSON_H */
