/*
 * json_read.h - reading records back: records.json or JSON Lines written
 * by `edustat extract`, handed to an es_extract_sink exactly as extraction
 * would hand them (each document before its records). This is how shards
 * extracted separately are merged by `edustat run --from-records`.
 */
#ifndef EDUSTAT_JSON_READ_H
#define EDUSTAT_JSON_READ_H

#include "edustat/export.h"

#include "edustat/extract.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest records.json (object form) read whole; JSON Lines stream. */
#define ES_MAX_RECORDS_JSON_BYTES ((size_t)2 << 30)

ES_API es_status es_read_records_file(const char *path, const es_extract_sink *sink, es_error *err);

#ifdef __cplusplus
}
#endif

#endif
