/*
 * charset.c - encoding detection (byte-order marks, a UTF-8 check, then
 * Debian's libuchardet) and conversion to UTF-8 with iconv, character by
 * character so each character keeps its offset in the file.
 */
#include "charset_internal.h"
#include "growbuf_internal.h"
#include "utf8_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet.h>

const char *es_charset_name(es_charset cs)
{
    switch (cs) {
    case ES_CHARSET_UTF8: return "UTF-8";
    case ES_CHARSET_UTF8_LOSSY: return "UTF-8";
    case ES_CHARSET_GB18030: return "GB18030";
    case ES_CHARSET_UTF16LE: return "UTF-16LE";
    case ES_CHARSET_UTF16BE: return "UTF-16BE";
    case ES_CHARSET_UNKNOWN: break;
    }
    return "unknown";
}

/* Length of the GB18030 character at b (1, 2 or 4), or 0 if invalid. */
static size_t gb18030_char_len(const unsigned char *b, size_t n)
{
    if (b[0] < 0x80)
        return 1;
    if (b[0] == 0x80 || b[0] == 0xFF || n < 2)
        return 0;
    if (b[1] >= 0x30 && b[1] <= 0x39)
        return (n >= 4 && b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39) ? 4 : 0;
    if ((b[1] >= 0x40 && b[1] <= 0x7E) || (b[1] >= 0x80 && b[1] <= 0xFE))
        return 2;
    return 0;
}

static int gb18030_strictly_valid(const unsigned char *b, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = gb18030_char_len(b + i, n - i);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

static size_t count_invalid_utf8(const unsigned char *b, size_t n, size_t *multibyte)
{
    size_t bad = 0, i = 0;
    *multibyte = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = es_utf8_decode(b + i, n - i, &cp);
        if (cp == ES_UTF8_REPLACEMENT && k == 1 && b[i] >= 0x80)
            bad++;
        else if (k > 1)
            (*multibyte)++;
        i += k;
    }
    return bad;
}

es_charset es_charset_detect(const unsigned char *b, size_t len, size_t *bom_len)
{
    *bom_len = 0;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        *bom_len = 3;
        return es_utf8_valid_prefix(b + 3, len - 3) == len - 3 ? ES_CHARSET_UTF8
                                                                : ES_CHARSET_UTF8_LOSSY;
    }
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        *bom_len = 2;
        return ES_CHARSET_UTF16LE;
    }
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        *bom_len = 2;
        return ES_CHARSET_UTF16BE;
    }
    if (memchr(b, '\0', len) != NULL) {
        /* UTF-16 without a byte-order mark: the zero bytes of its ASCII
         * characters (digits, punctuation) all on one side */
        size_t odd = 0, even = 0;
        for (size_t i = 0; i < len; i++)
            if (b[i] == 0) {
                if (i & 1)
                    odd++;
                else
                    even++;
            }
        /* (一 U+4E00 puts a zero on the other side: a few are allowed) */
        if (len % 2 == 0 && odd >= 4 && even * 8 <= odd)
            return ES_CHARSET_UTF16LE;
        if (len % 2 == 0 && even >= 4 && odd * 8 <= even)
            return ES_CHARSET_UTF16BE;
        /* text with a few stray zero bytes: read it, the zeros replaced
         * (and reported); more is binary data */
        size_t multibyte = 0, bad = count_invalid_utf8(b, len, &multibyte);
        size_t zeros = odd + even;
        return (zeros <= 8 || zeros * 1000 <= len) && multibyte > 0 && bad * 50 <= multibyte
                   ? ES_CHARSET_UTF8_LOSSY
                   : ES_CHARSET_UNKNOWN;
    }
    size_t valid = es_utf8_valid_prefix(b, len);
    if (valid == len)
        return ES_CHARSET_UTF8;

    /* Not valid UTF-8: ask the detector. */
    es_charset guess = ES_CHARSET_UNKNOWN;
    uchardet_t ud = uchardet_new();
    if (ud != NULL) {
        if (uchardet_handle_data(ud, (const char *)b, len) == 0) {
            uchardet_data_end(ud);
            const char *name = uchardet_get_charset(ud);
            if (name != NULL) {
                if (strncmp(name, "GB", 2) == 0 || strcmp(name, "HZ-GB-2312") == 0)
                    guess = ES_CHARSET_GB18030;
                else if (strcmp(name, "UTF-8") == 0 || strcmp(name, "ASCII") == 0)
                    guess = ES_CHARSET_UTF8_LOSSY;
            }
        }
        uchardet_delete(ud);
    }
    if (guess == ES_CHARSET_GB18030)
        return guess;
    /* Mostly UTF-8 with a few broken bytes: keep it, replacing those. */
    size_t multibyte = 0;
    size_t bad = count_invalid_utf8(b, len, &multibyte);
    if (guess == ES_CHARSET_UTF8_LOSSY || (multibyte > 0 && bad * 50 <= multibyte))
        return ES_CHARSET_UTF8_LOSSY;
    if (gb18030_strictly_valid(b, len))
        return ES_CHARSET_GB18030;
    return ES_CHARSET_UNKNOWN;
}

/* Bytes of the next character in a multi-byte encoding; 0 when invalid. */
static size_t next_char_len(es_charset cs, const unsigned char *b, size_t n)
{
    switch (cs) {
    case ES_CHARSET_GB18030:
        return gb18030_char_len(b, n);
    case ES_CHARSET_UTF16LE:
    case ES_CHARSET_UTF16BE: {
        if (n < 2)
            return 0;
        unsigned hi = cs == ES_CHARSET_UTF16LE ? b[1] : b[0];
        if (hi >= 0xD8 && hi <= 0xDB) {
            if (n < 4)
                return 0;
            unsigned hi2 = cs == ES_CHARSET_UTF16LE ? b[3] : b[2];
            return (hi2 >= 0xDC && hi2 <= 0xDF) ? 4 : 0;
        }
        return (hi >= 0xDC && hi <= 0xDF) ? 0 : 2;
    }
    default:
        return 0;
    }
}

es_status es_charset_to_utf8(const unsigned char *b, size_t len, size_t start, es_charset cs,
                             char **out, size_t *out_len, es_offmap *map, size_t *n_invalid,
                             size_t *first_invalid)
{
    es_growbuf g = {0};
    iconv_t cd = (iconv_t)-1;
    es_status st = ES_ERR_NOMEM;
    *n_invalid = 0;
    *first_invalid = 0;

    if (cs == ES_CHARSET_GB18030 || cs == ES_CHARSET_UTF16LE || cs == ES_CHARSET_UTF16BE) {
        cd = iconv_open("UTF-8", es_charset_name(cs));
        if (cd == (iconv_t)-1) {
            /* glibc always converts GB18030 and UTF-16: failing, it could
             * not load its converter (no file descriptor left under a low
             * ulimit -n, no memory), whatever errno says: the system's
             * fault, not the file's */
            st = ES_ERR_IO;
            goto cleanup;
        }
    }
    if (es_growbuf_reserve(&g, len - start + 16) != 0)
        goto cleanup;

    size_t i = start;
    while (i < len) {
        if (es_offmap_add(map, g.len, i) != ES_OK)
            goto cleanup;
        size_t k;
        char tmp[8];
        size_t produced = 0;
        if (cs == ES_CHARSET_UTF8 || cs == ES_CHARSET_UTF8_LOSSY) {
            uint32_t cp;
            k = es_utf8_decode(b + i, len - i, &cp);
            if ((cp == ES_UTF8_REPLACEMENT && k == 1 && b[i] >= 0x80) || b[i] == 0) {
                produced = es_utf8_encode(ES_UTF8_REPLACEMENT, tmp);
                if ((*n_invalid)++ == 0)
                    *first_invalid = i;
            } else {
                memcpy(tmp, b + i, k);
                produced = k;
            }
        } else if (cs == ES_CHARSET_GB18030 && b[i] < 0x80) {
            k = 1;
            tmp[0] = (char)b[i];
            produced = 1;
        } else {
            k = next_char_len(cs, b + i, len - i);
            int ok = 0;
            if (k > 0) {
                char *inp = (char *)(b + i);
                size_t inleft = k, outleft = sizeof tmp;
                char *outp = tmp;
                iconv(cd, NULL, NULL, NULL, NULL);
                ok = iconv(cd, &inp, &inleft, &outp, &outleft) != (size_t)-1 && inleft == 0;
                produced = sizeof tmp - outleft;
            }
            if (!ok) {
                if (k == 0)
                    k = (cs == ES_CHARSET_GB18030 || len - i < 2) ? 1 : 2;
                produced = es_utf8_encode(ES_UTF8_REPLACEMENT, tmp);
                if ((*n_invalid)++ == 0)
                    *first_invalid = i;
            }
        }
        if (es_growbuf_reserve(&g, produced) != 0)
            goto cleanup;
        memcpy(g.data + g.len, tmp, produced);
        g.len += produced;
        i += k;
    }
    if (es_offmap_add(map, g.len, len) != ES_OK)
        goto cleanup;
    g.data[g.len] = '\0';
    *out = g.data;
    *out_len = g.len;
    g.data = NULL;
    st = ES_OK;
cleanup:
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    free(g.data);
    return st;
}
