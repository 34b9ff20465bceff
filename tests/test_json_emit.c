/* test_json_emit.c - the direct JSON emitter against cJSON's printer: the
 * same strings, and the same numbers except where the one policy differs
 * on purpose (whole numbers below 2^53 in digits, -0 as 0, exact read-back). */
#include "test_util.h"

#include <cJSON.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_emit_internal.h"
#include "number_internal.h"

static char *emitted_number(double v)
{
    es_jbuf b = {0};
    es_jb_number(&b, v);
    es_jb_put(&b, "", 0);
    assert_false(b.oom);
    b.p[b.n] = '\0';
    return b.p;
}

static char *cjson_number(double v)
{
    cJSON *n = cJSON_CreateNumber(v);
    char *s = cJSON_PrintUnformatted(n);
    cJSON_Delete(n);
    return s;
}

/* A fuzzed set of doubles: fractions, large and tiny magnitudes, values
 * that need 17 digits; each printed as cJSON prints it and read back to
 * the same double exactly. */
static void numbers_match_cjson_and_read_back(void **state)
{
    (void)state;
    unsigned long long x = 88172645463325252ull; /* xorshift64 */
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        switch (i % 4) {
        case 0: memcpy(&v, &x, sizeof v); break;                       /* any bit pattern */
        case 1: v = (double)(x % 100000000) / 100.0; break;            /* money, rates */
        case 2: v = (double)(x >> 11) * 0x1p-53 * pow(10, (int)(x % 40) - 20); break;
        default: v = -(double)(x % 1000000007) / 7.0; break;
        }
        char *ours = emitted_number(v);
        if (!isfinite(v)) {
            assert_string_equal(ours, "null");
        } else if (v == floor(v) && fabs(v) < 9007199254740992.0) {
            char want[32];
            snprintf(want, sizeof want, "%.0f", v == 0 ? 0.0 : v);
            assert_string_equal(ours, want);
        } else {
            /* as cJSON prints it where its 15 digits read back exactly;
             * elsewhere the fewest digits that do (cJSON takes 15 within an
             * epsilon, or 17) */
            char *theirs = cjson_number(v), fifteen[40];
            snprintf(fifteen, sizeof fifteen, "%1.15g", v);
            if (strcmp(theirs, fifteen) == 0 && strtod(theirs, NULL) == v)
                assert_string_equal(ours, theirs); /* 15 digits read back: the same text */
            free(theirs);
            assert_true(strtod(ours, NULL) == v);
        }
        free(ours);
    }
}

static void whole_numbers_are_exact_digits(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {0, "0"}, {-0.0, "0"}, {1e15, "1000000000000000"}, {9007199254740991.0, "9007199254740991"},
        {9007199254740992.0, "9007199254740992"}, {9007199254740994.0, "9007199254740994"}, {-2147483649.0, "-2147483649"}, {0.1, "0.1"},
        {1.0 / 3, "0.3333333333333333"}, {1e308, "1e+308"}, {NAN, "null"}, {-INFINITY, "null"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = emitted_number(cases[i].v);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

/* A tidied statistic prints in 12 significant digits at most, however
 * small or large (1.23069611929e-14, not 1.2306961192899999e-14). */
static void tidy_numbers_print_short(void **state)
{
    (void)state;
    unsigned long long x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v = (double)(x >> 11) * 0x1p-53 * pow(10, (int)(x % 80) - 40) * (x & 1 ? -1 : 1);
        char *s = emitted_number(es_tidy_number(v));
        size_t digits = 0;
        for (const char *p = s; *p && *p != 'e'; p++)
            digits += *p >= '0' && *p <= '9';
        const char *p = s + (s[0] == '-');
        while (*p == '0' || *p == '.') /* leading zeros are not significant */
            digits -= *p++ == '0';
        if (strpbrk(s, ".e") == NULL) /* nor a whole number's trailing ones */
            for (const char *q = s + strlen(s); q > p && q[-1] == '0'; q--)
                digits--;
        if (digits > 12)
            print_message("v=%.17g tidy -> %s\n", v, s);
        assert_true(digits <= 12);
        free(s);
    }
}

/* The old way, printf's: the fewest of 15, 16, 17 digits that read back. */
static void printf_shortest(double v, char *out, size_t cap)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, cap, "%1.*g", prec, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

/* es_short_decimal writes what printf writes, wherever it answers; and it
 * answers for every decimal of up to 15 digits in its range (money and
 * rates above all), the numbers a table holds. */
static void short_decimals_match_printf(void **state)
{
    (void)state;
    unsigned long long x = 0x2545F4914F6CDD1Dull;
    size_t answered = 0;
    for (int i = 0; i < 400000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        int must = 0;
        switch (i % 4) {
        case 0: memcpy(&v, &x, sizeof v); break;
        case 1: /* a decimal of 1 to 15 digits, 0 to 15 of them after the point */
            {
                int digits = 1 + (int)(x % 15), point = (int)((x >> 8) % 16);
                unsigned long long m = (x >> 16) % (unsigned long long)pow(10, digits);
                v = (double)m / pow(10, point) * (x >> 63 ? -1 : 1);
                must = fabs(v) >= 1e-4 && fabs(v) < 1e15;
            }
            break;
        case 2: v = (double)(x >> 11) * 0x1p-53 * pow(10, (int)(x % 30) - 10); break;
        default: v = (double)(x % 100000000) / 100.0; must = v >= 1e-4; break;
        }
        if (!isfinite(v))
            continue;
        char quick[32], slow[40];
        size_t n = es_short_decimal(v, quick);
        if (must && n == 0)
            print_message("v=%.17g not answered\n", v);
        assert_true(!must || n > 0);
        if (n == 0)
            continue;
        answered++;
        printf_shortest(v, slow, sizeof slow);
        if (strcmp(quick, slow) != 0)
            print_message("v=%.17g quick %s printf %s\n", v, quick, slow);
        assert_string_equal(quick, slow);
        assert_int_equal(n, strlen(quick));
        /* tidying a short decimal of 12 digits or fewer leaves it alone, as
         * rounding to 12 digits would */
        int mag = (int)floor(log10(fabs(v))), d = 11 - mag;
        if (d >= 0 && d <= 22)
            assert_true(es_tidy_number(v) == round(v * pow(10.0, d)) / pow(10.0, d));
    }
    assert_true(answered > 150000);
    static const struct {
        double v;
        const char *want;
    } cases[] = {{0.05, "0.05"}, {-0.0001, "-0.0001"}, {130.96, "130.96"}, {1e-5, ""},
                 {999999999999999.0, "999999999999999"}, {1e15, ""}, {0.1 + 0.2, ""}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[32] = "";
        size_t n = es_short_decimal(cases[i].v, out);
        assert_string_equal(n ? out : "", cases[i].want);
    }
}

/* Every byte 1..255 in a string, escaped as cJSON escapes it. */
static void strings_match_cjson(void **state)
{
    (void)state;
    char all[256];
    for (int i = 1; i < 256; i++)
        all[i - 1] = (char)i;
    all[255] = '\0';
    es_jbuf b = {0};
    es_jb_cstr(&b, all);
    es_jb_put(&b, "", 0);
    b.p[b.n] = '\0';
    cJSON *s = cJSON_CreateString(all);
    char *theirs = cJSON_PrintUnformatted(s);
    assert_string_equal(b.p, theirs);
    free(theirs);
    cJSON_Delete(s);
    free(b.p);
    b = (es_jbuf){0};
    es_jb_cstr(&b, NULL);
    es_jb_put(&b, "", 0);
    b.p[b.n] = '\0';
    assert_string_equal(b.p, "null");
    free(b.p);
}

/* Where a locale with a decimal comma is installed, JSON keeps '.'. */
static void decimal_point_is_a_dot_in_any_locale(void **state)
{
    (void)state;
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "ru_RU.UTF-8"};
    const char *set = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && set == NULL; i++)
        set = setlocale(LC_NUMERIC, names[i]);
    if (set == NULL || strcmp(localeconv()->decimal_point, ".") == 0) {
        setlocale(LC_NUMERIC, "C");
        skip(); /* no such locale here */
    }
    char *s = emitted_number(2.5);
    setlocale(LC_NUMERIC, "C");
    assert_string_equal(s, "2.5");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_match_cjson_and_read_back),
        cmocka_unit_test(whole_numbers_are_exact_digits),
        cmocka_unit_test(tidy_numbers_print_short),
        cmocka_unit_test(short_decimals_match_printf),
        cmocka_unit_test(strings_match_cjson),
        cmocka_unit_test(decimal_point_is_a_dot_in_any_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
