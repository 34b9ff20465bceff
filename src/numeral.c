/*
 * numeral.c - Arabic and Chinese numerals to numbers (see numeral.h).
 *
 * A value is kept as an exact decimal (mantissa * 10^exp10) so that
 * 39.072 with 万 becomes 390720 exactly, not 390719.99999999994.
 */
#include "edustat/numeral.h"
#include "numeral_chars_internal.h"
#include "utf8_internal.h"

#include <math.h>
#include <string.h>

/* The table of numeral_chars_internal.h. */
const es_numeral_char es_numeral_chars[256] = {
    [0xF6] = {0x96F6, 0, 0},    /* 零 */
    [0x07] = {0x3007, 0, 0},    /* 〇 */
    [0xCB] = {0x25CB, 0, 0},    /* ○ */
    [0x00] = {0x4E00, 1, 0},    /* 一 */
    [0xF9] = {0x58F9, 1, 0},    /* 壹 */
    [0x8C] = {0x4E8C, 2, 0},    /* 二 */
    [0x24] = {0x4E24, 2, 0},    /* 两 */
    [0x30] = {0x8D30, 2, 0},    /* 贰 */
    [0x09] = {0x4E09, 3, 0},    /* 三 */
    [0xC1] = {0x53C1, 3, 0},    /* 叁 */
    [0xDB] = {0x56DB, 4, 0},    /* 四 */
    [0x86] = {0x8086, 4, 0},    /* 肆 */
    [0x94] = {0x4E94, 5, 0},    /* 五 */
    [0x0D] = {0x4F0D, 5, 0},    /* 伍 */
    [0x6D] = {0x516D, 6, 0},    /* 六 */
    [0x46] = {0x9646, 6, 0},    /* 陆 */
    [0x03] = {0x4E03, 7, 0},    /* 七 */
    [0xD2] = {0x67D2, 7, 0},    /* 柒 */
    [0x6B] = {0x516B, 8, 0},    /* 八 */
    [0x4C] = {0x634C, 8, 0},    /* 捌 */
    [0x5D] = {0x4E5D, 9, 0},    /* 九 */
    [0x96] = {0x7396, 9, 0},    /* 玖 */
    [0x41] = {0x5341, -1, 10},  /* 十 */
    [0xFE] = {0x62FE, -1, 10},  /* 拾 */
    [0x7E] = {0x767E, -1, 100}, /* 百 */
    [0x70] = {0x4F70, -1, 100}, /* 佰 */
    [0x43] = {0x5343, -1, 1000}, /* 千 */
    [0xDF] = {0x4EDF, -1, 1000}, /* 仟 */
};

/* Chinese digit value (0-9) or -1. 零 and 〇 are 0; 两 is 2. */
static int chinese_digit(uint32_t cp)
{
    const es_numeral_char *c = es_numeral_char_of(cp);
    return c ? c->digit : -1;
}

/* 十 百 千 as 10, 100, 1000; 0 otherwise. */
static unsigned chinese_small_unit(uint32_t cp)
{
    const es_numeral_char *c = es_numeral_char_of(cp);
    return c ? c->unit : 0;
}

#define CP_WAN 0x4E07   /* 万 */
#define CP_YI 0x4EBF    /* 亿 */
#define CP_DIAN 0x70B9  /* 点 */

bool es_is_chinese_numeral_char(uint32_t cp)
{
    return es_numeral_char_of(cp) != NULL;
}

/* Zero written inside a digit-by-digit year: o, O, Ｏ, and Arabic digits. */
static int digitwise_extra_digit(uint32_t cp)
{
    if (cp == 'o' || cp == 'O' || cp == 0xFF2F || cp == 0xFF4F)
        return 0;
    return es_arabic_digit(cp);
}

static const double pow10_table[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double es_numeral_value(const es_numeral *n, int magnitude_pow10)
{
    if (n->overflow || !n->valid)
        return 0.0;
    int e = n->exp10 + magnitude_pow10;
    double m = (double)n->mantissa;
    if (e >= 0)
        return e <= 22 ? m * pow10_table[e] : m * pow(10.0, e);
    return -e <= 22 ? m / pow10_table[-e] : m / pow(10.0, -e);
}

/* Append one decimal digit to the mantissa, noting overflow. */
static void push_digit(es_numeral *n, int d, int *significant)
{
    if (n->overflow)
        return;
    if (*significant == 0 && d == 0) {
        return; /* leading zeros carry no precision */
    }
    if (*significant >= ES_MAX_NUMERAL_DIGITS) {
        n->overflow = true;
        return;
    }
    n->mantissa = n->mantissa * 10u + (uint64_t)d;
    (*significant)++;
}

static void parse_arabic(const unsigned char *s, size_t len, es_numeral *n)
{
    size_t i = 0;
    int significant = 0;
    int group_len = 0; /* digits in the current group, for separator checks */
    uint32_t cp;
    n->kind = ES_NUMERAL_ARABIC;
    n->valid = true;
    while (i < len) {
        size_t k = es_utf8_decode(s + i, len - i, &cp);
        int d = es_arabic_digit(cp);
        if (d >= 0) {
            if (n->int_digits == 0 && d == 0)
                n->leading_zero = true;
            push_digit(n, d, &significant);
            n->int_digits++;
            n->n_chars++;
            group_len++;
            i += k;
            continue;
        }
        /* A thousands separator: ',' then exactly three digits. */
        if (cp == ',' && group_len >= 1 && (n->grouped || group_len <= 3) && i + 4 <= len) {
            int ok = 1;
            for (int j = 1; j <= 3; j++)
                ok &= (s[i + j] >= '0' && s[i + j] <= '9');
            if (ok && (i + 4 == len || !(s[i + 4] >= '0' && s[i + 4] <= '9'))) {
                n->grouped = true;
                group_len = 0;
                i += 1;
                n->n_chars++;
                continue;
            }
        }
        break;
    }
    /* Decimal part: '.' or full-width '．' followed by a digit. */
    if (i < len) {
        size_t k = es_utf8_decode(s + i, len - i, &cp);
        if ((cp == '.' || cp == 0xFF0E) && i + k < len) {
            uint32_t next;
            es_utf8_decode(s + i + k, len - i - k, &next);
            if (es_arabic_digit(next) >= 0) {
                i += k;
                n->n_chars++;
                while (i < len) {
                    size_t k2 = es_utf8_decode(s + i, len - i, &cp);
                    int d = es_arabic_digit(cp);
                    if (d < 0)
                        break;
                    push_digit(n, d, &significant); /* 0.05: 5 * 10^-2 */
                    n->exp10--;
                    n->frac_digits++;
                    n->n_chars++;
                    i += k2;
                }
                /* 1.2.3 is a section or version number, not a value. */
                if (i < len) {
                    size_t k3 = es_utf8_decode(s + i, len - i, &cp);
                    if ((cp == '.' || cp == 0xFF0E) && i + k3 < len) {
                        uint32_t next2;
                        es_utf8_decode(s + i + k3, len - i - k3, &next2);
                        if (es_arabic_digit(next2) >= 0) {
                            n->valid = false;
                            i += k3;
                            while (i < len) {
                                size_t k4 = es_utf8_decode(s + i, len - i, &cp);
                                if (es_arabic_digit(cp) < 0 && cp != '.' && cp != 0xFF0E)
                                    break;
                                i += k4;
                                n->n_chars++;
                            }
                        }
                    }
                }
            }
        }
    }
    n->len = i;
    if (n->n_chars > ES_MAX_NUMERAL_LEN)
        n->overflow = true;
}

/* Chinese numerals. The whole run of numeral characters is consumed; the
 * result is valid only if the run reads as one number (十四五 and 七八 are
 * not: they are a name and an approximate range). */
static void parse_chinese(const unsigned char *s, size_t len, es_numeral *n)
{
    size_t i = 0;
    uint32_t cp;
    /* First pass: find the run and whether it is digit by digit. */
    int only_digits = 1, has_zero_form = 0, chars = 0;
    size_t run_end = 0, int_end = 0;
    int seen_dian = 0;
    while (i < len) {
        size_t k = es_utf8_decode(s + i, len - i, &cp);
        int is_num = chinese_digit(cp) >= 0 || chinese_small_unit(cp) || cp == CP_WAN ||
                     cp == CP_YI;
        if (!is_num && only_digits && chars > 0 && !seen_dian && digitwise_extra_digit(cp) >= 0) {
            has_zero_form = 1;
            is_num = 1;
        }
        if (!is_num && cp == CP_DIAN && !seen_dian && chars > 0 && i + k < len) {
            uint32_t next;
            es_utf8_decode(s + i + k, len - i - k, &next);
            if (chinese_digit(next) >= 0) {
                seen_dian = 1;
                int_end = i;
                i += k;
                chars++;
                continue;
            }
        }
        if (!is_num)
            break;
        if (chinese_digit(cp) < 0 && digitwise_extra_digit(cp) < 0)
            only_digits = 0;
        if (cp == 0x96F6 || cp == 0x3007 || cp == 0x25CB)
            has_zero_form = 1;
        i += k;
        chars++;
    }
    run_end = i;
    if (!seen_dian)
        int_end = run_end;
    n->len = run_end;
    n->n_chars = chars;
    n->kind = ES_NUMERAL_CHINESE;
    if (chars > ES_MAX_NUMERAL_LEN) {
        n->overflow = true;
        n->valid = false;
        return;
    }

    int significant = 0;
    /* Count the integer part's characters to decide the form. */
    int int_chars = 0, int_only_digits = 1;
    for (size_t j = 0; j < int_end;) {
        size_t k = es_utf8_decode(s + j, int_end - j, &cp);
        if (chinese_digit(cp) < 0 && digitwise_extra_digit(cp) < 0)
            int_only_digits = 0;
        int_chars++;
        j += k;
    }
    if (int_only_digits && int_chars >= 2) {
        /* 二〇〇五, 一九九八: digit by digit. Two plain digits (七八) are a
         * range ("seven or eight"), not 78. */
        if (int_chars == 2 && !has_zero_form) {
            n->valid = false;
            return;
        }
        n->kind = ES_NUMERAL_CHINESE_DIGITS;
        for (size_t j = 0; j < int_end;) {
            size_t k = es_utf8_decode(s + j, int_end - j, &cp);
            int d = chinese_digit(cp);
            if (d < 0)
                d = digitwise_extra_digit(cp);
            if (cp == 0x4E24) { /* 两 is never a digit of a written-out number */
                n->valid = false;
                return;
            }
            if (n->int_digits == 0 && d == 0)
                n->leading_zero = true;
            push_digit(n, d, &significant);
            n->int_digits++;
            j += k;
        }
        n->valid = !n->overflow;
    } else {
        /* Structural: sections of 亿 and 万, each 千百十 digits. */
        uint64_t total = 0, section = 0, small = 0;
        int pending = -1, zero_since_unit = 0, valid = 1, first = 1;
        unsigned last_unit = 100000; /* units must fall within a section */
        unsigned last_big = 0;       /* 4 after 万, 8 after 亿 */
        const double limit = ES_MAX_NUMERAL_VALUE;
        for (size_t j = 0; j < int_end && valid;) {
            size_t k = es_utf8_decode(s + j, int_end - j, &cp);
            int d = chinese_digit(cp);
            unsigned u = chinese_small_unit(cp);
            if (d >= 0) {
                if (pending >= 0)
                    valid = 0; /* two digits in a row: 十四五, 二三十 */
                else if (d == 0)
                    zero_since_unit = 1;
                else
                    pending = d;
            } else if (u) {
                if (u >= last_unit || pending == 0)
                    valid = 0;
                else if (pending < 0 && !(first || u == 10))
                    valid = 0; /* 三千百 */
                else {
                    small += (uint64_t)(pending < 0 ? 1 : pending) * u;
                    pending = -1;
                    last_unit = u;
                    zero_since_unit = 0;
                }
            } else if (cp == CP_WAN) {
                uint64_t v = small + (uint64_t)(pending > 0 ? pending : 0);
                if (v == 0 || section != 0 || last_big == 4)
                    valid = 0;
                else {
                    section = v * 10000u;
                    small = 0;
                    pending = -1;
                    last_unit = 100000;
                    last_big = 4;
                    zero_since_unit = 0;
                }
            } else if (cp == CP_YI) {
                uint64_t v = section + small + (uint64_t)(pending > 0 ? pending : 0);
                if (v == 0 || total != 0 || (double)v * 1e8 > limit)
                    valid = 0;
                else {
                    total = v * 100000000u;
                    section = small = 0;
                    pending = -1;
                    last_unit = 100000;
                    last_big = 8;
                    zero_since_unit = 0;
                }
            } else {
                valid = 0;
            }
            first = 0;
            j += k;
        }
        if (!valid) {
            n->valid = false;
            return;
        }
        if (pending > 0) {
            /* 一百二 and 三万二 mean 120 and 32000; 一百零二 is 102. */
            if (!zero_since_unit && last_unit != 100000 && last_unit >= 100)
                small += (uint64_t)pending * (last_unit / 10);
            else if (!zero_since_unit && last_unit == 100000 && last_big == 4 && small == 0 &&
                     section > 0)
                small += (uint64_t)pending * 1000u;
            else
                small += (uint64_t)pending;
        }
        uint64_t v = total + section + small;
        if ((double)v > limit) {
            n->overflow = true;
            n->valid = false;
            return;
        }
        n->mantissa = v;
        n->int_digits = v == 0 ? 1 : (int)floor(log10((double)v)) + 1;
        n->valid = 1;
    }
    /* 点 decimals: digits one by one, then an optional 万/亿 scales all. */
    if (seen_dian) {
        size_t j = int_end;
        j += es_utf8_decode(s + j, run_end - j, &cp); /* 点 */
        int big = 0;
        while (j < run_end) {
            size_t k = es_utf8_decode(s + j, run_end - j, &cp);
            int d = chinese_digit(cp);
            if (d >= 0 && big == 0 && cp != 0x4E24) {
                if (n->mantissa > (UINT64_MAX - 9) / 10) {
                    n->overflow = true;
                    n->valid = false;
                    return;
                }
                n->mantissa = n->mantissa * 10u + (uint64_t)d;
                n->exp10--;
                n->frac_digits++;
            } else if ((cp == CP_WAN || cp == CP_YI) && big == 0) {
                big = cp == CP_WAN ? 4 : 8;
            } else if (cp == CP_YI && big == 4) {
                big = 12; /* 万亿 */
            } else {
                n->valid = false;
                return;
            }
            j += k;
        }
        n->exp10 += big;
        if (n->kind == ES_NUMERAL_CHINESE_DIGITS)
            n->kind = ES_NUMERAL_CHINESE;
    }
    if (es_numeral_value(n, 0) > ES_MAX_NUMERAL_VALUE) {
        n->overflow = true;
        n->valid = false;
    }
}

void es_numeral_parse(const char *text, size_t len, es_numeral *out)
{
    memset(out, 0, sizeof *out);
    if (len == 0)
        return;
    const unsigned char *s = (const unsigned char *)text;
    uint32_t cp;
    es_utf8_decode(s, len, &cp);
    if (es_arabic_digit(cp) >= 0)
        parse_arabic(s, len, out);
    else if (es_is_chinese_numeral_char(cp))
        parse_chinese(s, len, out);
    if (out->overflow)
        out->valid = false;
}

int es_magnitude_parse(const char *text, size_t len, size_t *used)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t a, b = 0;
    if (len == 0)
        return 0;
    size_t k1 = es_utf8_decode(s, len, &a);
    size_t k2 = 0;
    if (k1 < len)
        k2 = es_utf8_decode(s + k1, len - k1, &b);
    int first = a == CP_WAN ? 4 : a == CP_YI ? 8 : a == 0x5343 ? 3 : a == 0x767E ? 2 : 0;
    if (first == 0)
        return 0;
    int second = b == CP_WAN ? 4 : b == CP_YI ? 8 : 0;
    if (second > first || (first == 4 && second == 8)) {
        *used = k1 + k2; /* 千万, 百万, 万亿 */
        return first + second;
    }
    *used = k1;
    return first;
}
