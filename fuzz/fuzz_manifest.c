/* fuzz_manifest.c - the manifest reader (`--manifest FILE`): load, then
 * look up a few documents as extraction would. */
#include "fuzz_util.h"

#include "edustat/manifest.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return fuzz_scratch(".json") == NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_scratch(".json");
    if (path == NULL || fuzz_write_scratch(path, data, size) != 0)
        return 0;
    es_manifest *m = NULL;
    es_error err;
    if (es_manifest_load(path, &m, &err) != ES_OK) {
        fuzz_refused("manifest", &err);
        return 0;
    }
    static const char *const files[] = {"a.txt", "", "examples/a.txt", "甲.html"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        for (int doc = -1; doc <= 2; doc++)
            (void)es_manifest_find(m, files[i], doc);
    es_manifest_free(m);
    return 0;
}
