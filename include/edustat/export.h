/*
 * export.h - ES_API marks the functions of the public API: the shared
 * library is built with -fvisibility=hidden, so only these are exported
 * (the helpers the modules share stay private to the library).
 */
#ifndef EDUSTAT_EXPORT_H
#define EDUSTAT_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define ES_API __attribute__((visibility("default")))
#else
#define ES_API
#endif

#endif
