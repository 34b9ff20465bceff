/*
 * batch.h - extracting many files on several threads with output exactly
 * as one thread gives it: the sink sees every document, record and warning
 * of the first file, then of the second..., all on the calling thread, so
 * a sink needs no locks and the output is byte-identical to a run with one
 * thread.
 *
 * Workers extract files ahead into private copies, at most 2 per thread at
 * a time (memory stays flat in the number of files); a file larger than
 * ES_BATCH_STREAM_BYTES is extracted on the calling thread when its turn
 * comes, straight to the sink, so memory stays near the largest file.
 */
#ifndef EDUSTAT_BATCH_H
#define EDUSTAT_BATCH_H

#include "edustat/export.h"

#include <stddef.h>

#include "edustat/extract.h"
#include "edustat/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ES_BATCH_STREAM_BYTES ((long long)32 << 20)

/* Told of each file in input order once its output went to the sink:
 * status and err as es_extract_file would return them. Return non-zero to
 * stop (no later file reaches the sink). */
typedef int (*es_batch_done)(size_t index, es_status status, const es_error *err, void *user);

/* Extract paths[0..n) on n_threads threads (1 or less: the calling thread
 * alone, es_extract_file in turn). The options (classifier, gazetteer,
 * situator, manifest) are only read, by every thread at once. Returns ES_OK,
 * or ES_ERR_NOMEM when the workers cannot be set up. */
ES_API es_status es_extract_files(const char *const *paths, size_t n, const es_extract_options *opt, int n_threads,
                           const es_extract_sink *sink, es_batch_done done, void *user);

/* The number of online processors (at least 1): the default thread count. */
ES_API int es_batch_default_threads(void);

#ifdef __cplusplus
}
#endif

#endif
