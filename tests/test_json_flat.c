/* test_json_flat.c - the in-place parser of flat JSON lines against cJSON:
 * every value the same on a fuzzed set of objects, and what it refuses
 * (left to cJSON) refused. */
#include "test_util.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_flat_internal.h"

static unsigned long long rng = 88172645463325252ull;
static unsigned long long next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* A random string: ASCII, controls, quotes, backslashes, Chinese, emoji. */
static void random_text(char *out, size_t cap)
{
    static const char *const parts[] = {"a", "Z", "\"", "\\", "/", "\n", "\t", "\x01", "\x1f", "学校",
                                        "，", "😀", " ", "0", "{", "}", "[", ":", ","};
    size_t n = 0, k = next_random() % 12;
    out[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        const char *p = parts[next_random() % (sizeof parts / sizeof parts[0])];
        size_t len = strlen(p);
        if (n + len + 1 >= cap)
            break;
        memcpy(out + n, p, len + 1);
        n += len;
    }
}

static void flat_objects_read_as_cjson_reads_them(void **state)
{
    (void)state;
    for (int round = 0; round < 20000; round++) {
        cJSON *o = cJSON_CreateObject();
        int fields = (int)(next_random() % 20);
        for (int i = 0; i < fields; i++) {
            char key[64], text[128];
            random_text(key, sizeof key);
            switch (next_random() % 5) {
            case 0: random_text(text, sizeof text); cJSON_AddStringToObject(o, key, text); break;
            case 1: {
                double v;
                unsigned long long x = next_random();
                memcpy(&v, &x, sizeof v);
                if (!isfinite(v))
                    v = (double)(x % 1000000) / 1000.0 - 500;
                cJSON_AddNumberToObject(o, key, v);
                break;
            }
            case 2: cJSON_AddNullToObject(o, key); break;
            case 3: cJSON_AddBoolToObject(o, key, next_random() & 1); break;
            default: cJSON_AddNumberToObject(o, key, (double)(next_random() % 100000)); break;
            }
        }
        char *text = cJSON_PrintUnformatted(o);
        size_t len = strlen(text);
        char *line = malloc(len + 1);
        memcpy(line, text, len + 1);
        es_flat f = {0};
        assert_int_equal(es_flat_parse(&f, line, len), 0);
        cJSON *back = cJSON_Parse(text);
        /* each key finds what cJSON finds (the first of duplicates) */
        for (const cJSON *v = back->child; v != NULL; v = v->next) {
            es_flat_value got = es_flat_get(&f, v->string);
            const cJSON *want = cJSON_GetObjectItemCaseSensitive(back, v->string);
            if (cJSON_IsString(want)) {
                assert_int_equal(got.type, ES_FLAT_STRING);
                assert_string_equal(got.s, want->valuestring);
            } else if (cJSON_IsNumber(want)) {
                assert_int_equal(got.type, ES_FLAT_NUMBER);
                assert_true(got.d == want->valuedouble);
            } else if (cJSON_IsNull(want)) {
                assert_int_equal(got.type, ES_FLAT_NULL);
            } else {
                assert_int_equal(got.type, ES_FLAT_BOOL);
                assert_true(got.d == (cJSON_IsTrue(want) ? 1 : 0));
            }
        }
        assert_int_equal(es_flat_get(&f, "no such key at all").type, ES_FLAT_ABSENT);
        cJSON_Delete(back);
        cJSON_Delete(o);
        free(text);
        free(line);
    }
}

static void escapes_and_refusals(void **state)
{
    (void)state;
    char ok[] = "{\"a\":\"\\u5b66\\ud83d\\ude00\\/x\",\"b\":-1.5e2 , \"c\" : true}";
    es_flat f = {0};
    assert_int_equal(es_flat_parse(&f, ok, strlen(ok)), 0);
    assert_string_equal(es_flat_get(&f, "a").s, "学😀/x");
    assert_true(es_flat_get(&f, "b").d == -150);
    assert_int_equal(es_flat_get(&f, "c").type, ES_FLAT_BOOL);
    /* left to cJSON: nesting, a NUL escape, a lone surrogate, bad syntax */
    static const char *const refused[] = {
        "{\"a\":[1]}", "{\"a\":{}}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\x\"}",
        "{\"a\" 1}", "{\"a\":1,}", "[1]", "{\"a\":\"open", "{\"a\":-}", "{\"a\":1 \"b\":2}", "",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", refused[i]);
        assert_int_equal(es_flat_parse(&f, buf, strlen(buf)), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(flat_objects_read_as_cjson_reads_them),
        cmocka_unit_test(escapes_and_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
