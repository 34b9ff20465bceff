/* source.c - reading, decoding and mapping one input file (see source.h). */
#include "edustat/source.h"
#include "charset_internal.h"
#include "error_internal.h"
#include "growbuf_internal.h"
#include "html_internal.h"
#include "office_internal.h"
#include "offmap_internal.h"
#include "unwrap_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct es_source {
    char *name;
    char *text;         /* decoded UTF-8 (after HTML conversion) */
    size_t text_len;
    es_charset charset;
    size_t bom_len;
    es_offmap charset_map; /* decoded offset -> file offset; empty = identity after BOM */
    bool transcoded;
    bool is_html;
    es_html_text html;     /* html.map: text offset -> decoded offset */
    const char *format;    /* "text", "html", "docx", "xlsx", "pdf" */
    char *publisher_line;  /* 发布机构：… or 来源：… of an HTML page's header block */
    bool is_office;        /* a Word or Excel file: text offsets are the file's "offsets" */
    es_office_text office;
    size_t *line_starts;   /* file offsets where lines start */
    size_t n_lines;
    size_t n_invalid;
    size_t first_invalid;  /* file offset */
    char *wrapped;         /* the decoded text when text is it unwrapped, else NULL */
    es_offmap unwrap_map;  /* text offset -> decoded offset, when unwrapped */
};

static size_t decoded_to_file(const es_source *s, size_t off)
{
    if (s->transcoded)
        return es_offmap_lookup(&s->charset_map, off);
    return off + s->bom_len;
}

size_t es_source_offset(const es_source *s, size_t off)
{
    if (s->is_office)
        return off;
    if (s->is_html)
        off = es_offmap_lookup(&s->html.map, off);
    else if (s->wrapped != NULL)
        off = es_offmap_lookup(&s->unwrap_map, off);
    return decoded_to_file(s, off);
}

static long line_of_file_offset(const es_source *s, size_t fo)
{
    size_t lo = 0, hi = s->n_lines; /* last line start <= fo */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->line_starts[mid] <= fo)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo + 1;
}

long es_source_line(const es_source *s, size_t off)
{
    return line_of_file_offset(s, es_source_offset(s, off));
}

long es_source_line_count(const es_source *s)
{
    return (long)s->n_lines;
}

const char *es_source_name(const es_source *s) { return s->name; }
const char *es_source_encoding(const es_source *s) { return es_charset_name(s->charset); }
bool es_source_is_html(const es_source *s) { return s->is_html; }
const char *es_source_html_title(const es_source *s)
{
    return s->is_html ? s->html.title : s->is_office ? s->office.title : NULL;
}
const char *es_source_format(const es_source *s) { return s->format ? s->format : "text"; }

const char *es_source_publisher(const es_source *s)
{
    if (s->is_html && s->html.publisher != NULL)
        return s->html.publisher;
    if (s->is_office && s->office.publisher != NULL)
        return s->office.publisher;
    return s->publisher_line;
}

int es_source_published_year(const es_source *s)
{
    return s->is_html ? s->html.year : s->is_office ? s->office.year : 0;
}

/* A government page's header block (索引号 发布机构 成文日期 发布日期 来源)
 * names the office: the rest of its 发布机构： or 来源： line, near the top. */
static char *header_publisher(const char *t, size_t n)
{
    static const char *const keys[] = {"发布机构：", "发布机构:", "来源：", "来源:", "信息来源："};
    size_t look = n < 4096 ? n : 4096;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t m = strlen(keys[k]);
        for (size_t i = 0; i + m <= look; i++) {
            if (memcmp(t + i, keys[k], m) != 0 || (i > 0 && t[i - 1] != '\n' && t[i - 1] != ' '))
                continue;
            size_t a = i + m, e = a;
            while (e < n && e - a < 120 && t[e] != '\n' && t[e] != '\r' && t[e] != ' ')
                e++;
            return e > a ? strndup(t + a, e - a) : NULL;
        }
    }
    return NULL;
}
size_t es_source_gaps(const es_source *s) { return s->is_office ? s->office.gaps : 0; }

const char *const *es_source_notes(const es_source *s, size_t *n)
{
    *n = s->is_office ? s->office.n_notes : 0;
    return s->is_office ? (const char *const *)s->office.notes : NULL;
}

const es_locator *es_source_locator(const es_source *s, size_t off)
{
    if (!s->is_office || s->office.n_spans == 0 || off < s->office.spans[0].start)
        return NULL;
    size_t lo = 0, hi = s->office.n_spans; /* the last span starting at or before off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->office.spans[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    const es_locator *l = &s->office.spans[lo].loc;
    return l->sheet || l->page || l->paragraph || l->table ? l : NULL;
}

const char *es_source_text(const es_source *s, size_t *len)
{
    if (len)
        *len = s->text_len;
    return s->text;
}

const es_table_cell *es_source_cells(const es_source *s, size_t *n)
{
    if (s->is_office) {
        *n = s->office.n_cells;
        return s->office.cells;
    }
    *n = s->is_html ? s->html.n_cells : 0;
    return s->is_html ? s->html.cells : NULL;
}

const char *es_source_original(const es_source *s, size_t a, size_t b, size_t *len)
{
    if (s->wrapped == NULL || b <= a)
        return NULL;
    size_t da = es_offmap_lookup(&s->unwrap_map, a);
    /* the end of the last byte, so a break just after the span stays out */
    size_t db = es_offmap_lookup(&s->unwrap_map, b - 1) + 1;
    if (db - da == b - a)
        return NULL;
    *len = db - da;
    return s->wrapped + da;
}

size_t es_source_invalid_bytes(const es_source *s, long *first_line)
{
    if (first_line)
        *first_line = s->n_invalid ? line_of_file_offset(s, s->first_invalid) : 0;
    return s->n_invalid;
}

void es_source_free(es_source *s)
{
    if (s == NULL)
        return;
    free(s->name);
    free(s->publisher_line);
    if (s->is_office) {
        es_office_text_free(&s->office); /* text is office.text.data */
    } else if (s->is_html) {
        es_html_text_free(&s->html);
        /* the decoded text was freed after conversion */
    } else {
        free(s->text);
        free(s->wrapped);
    }
    es_offmap_free(&s->charset_map);
    es_offmap_free(&s->unwrap_map);
    free(s->line_starts);
    free(s);
}

/* Line starts, in file offsets, from the decoded text (before HTML). */
static es_status index_lines(es_source *s, const char *t, size_t n)
{
    size_t cap = 1024, count = 0;
    size_t *ls = malloc(cap * sizeof *ls);
    if (ls == NULL)
        return ES_ERR_NOMEM;
    ls[count++] = 0; /* line 1 starts at the file's first byte, BOM included */
    const char *p = t, *end = t + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *cr = memchr(p, '\r', (size_t)((nl ? nl : end) - p));
        const char *brk = cr ? cr : nl;
        if (brk == NULL)
            break;
        const char *next = brk + 1;
        if (brk == cr && next < end && *next == '\n')
            next++;
        if (count == cap) {
            cap *= 2;
            size_t *q = realloc(ls, cap * sizeof *q);
            if (q == NULL) {
                free(ls);
                return ES_ERR_NOMEM;
            }
            ls = q;
        }
        ls[count++] = decoded_to_file(s, (size_t)(next - t));
        p = next;
    }
    /* A final line break does not open another line. */
    if (count > 1 && ls[count - 1] >= decoded_to_file(s, n))
        count--;
    s->line_starts = ls;
    s->n_lines = count;
    return ES_OK;
}

static int contains(const unsigned char *b, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (b[i] == (unsigned char)needle[0] && memcmp(b + i, needle, k) == 0)
            return 1;
    return 0;
}

/* Office documents and PDF, told by their first bytes whatever the file is
 * named: .docx and .xlsx are read (office_internal.h); the others are not
 * yet, and a PDF's mostly ASCII bytes would otherwise pass for text and
 * give numbers out of its streams: the message says how to convert them. */
typedef enum binary_kind { NOT_BINARY, KIND_PDF, KIND_OLE, KIND_DOCX, KIND_XLSX, KIND_ZIP } binary_kind;

static binary_kind binary_format(const unsigned char *b, size_t len)
{
    if (len >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return KIND_PDF;
    if (len >= 8 && memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return KIND_OLE;
    if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0) {
        /* an Office Open XML package names its parts near the start */
        size_t look = len < 65536 ? len : 65536;
        return contains(b, look, "word/") ? KIND_DOCX : contains(b, look, "xl/") ? KIND_XLSX : KIND_ZIP;
    }
    return NOT_BINARY;
}

/* The message for a file of a kind edustat does not read, with the command
 * that converts it. */
static es_status binary_error(es_error *err, const char *name, binary_kind kind)
{
    switch (kind) {
    case KIND_ZIP:
        return es_error_set(err, ES_ERR_FORMAT, name, 0, "a ZIP archive: unpack it and give edustat the files inside");
    default:
        return es_error_set(err, ES_ERR_FORMAT, name, 0,
                            "a binary Word or WPS file (.doc, .wps), not a workbook: edustat does not read "
                            "it; convert it: libreoffice --headless --convert-to docx '%s'",
                            name);
    }
}

/* The files read through a reader of office_internal.h: the format the
 * source reports, and what a person calls the file. */
typedef struct office_reader {
    binary_kind kind;
    const char *format, *called;
    es_status (*read)(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err);
} office_reader;

static const office_reader office_readers[] = {
    {KIND_DOCX, "docx", "Word", es_docx_to_text},
    {KIND_XLSX, "xlsx", "Excel", es_xlsx_to_text},
    {KIND_OLE, "xls", "Excel", es_xls_to_text}, /* a .doc or .wps fails it: binary_error */
    {KIND_PDF, "pdf", "PDF", es_pdf_to_text},
};

/* The source of bytes; *take, when not NULL, is bytes itself in a malloc'd
 * buffer of len + 1 that UTF-8 text is used in place of a copy (then
 * *take is set to NULL: the source owns it). */
static es_status from_buffer(const char *name, const char *bytes, size_t len, char **take, es_source **out,
                             es_error *err)
{
    *out = NULL;
    if (len == 0)
        return es_error_set(err, ES_ERR_EMPTY, name, 0, "empty file");
    const unsigned char *b = (const unsigned char *)bytes;
    es_source *s = calloc(1, sizeof *s);
    if (s == NULL)
        return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    es_status st = ES_ERR_NOMEM;
    char *decoded = NULL;
    size_t decoded_len = 0;
    s->name = strdup(name);
    if (s->name == NULL)
        goto fail;
    binary_kind kind = binary_format(b, len);
    const office_reader *reader = NULL;
    for (size_t i = 0; i < sizeof office_readers / sizeof office_readers[0]; i++)
        if (office_readers[i].kind == kind)
            reader = &office_readers[i];
    if (reader != NULL) {
        es_error_clear(err);
        st = reader->read(name, bytes, len, &s->office, err);
        /* a compound file that holds no workbook: a .doc or .wps */
        if (st == ES_ERR_FORMAT && kind == KIND_OLE && err->message[0] == '\0')
            st = binary_error(err, name, kind);
        if (st != ES_OK)
            goto fail_reported;
        s->is_office = true;
        s->format = reader->format;
        s->text = s->office.text.data;
        s->text_len = s->office.text.len;
        if (s->text == NULL || s->text_len == 0) {
            st = es_error_set(err, ES_ERR_EMPTY, name, 0, "no text in the %s file", reader->called);
            goto fail_reported;
        }
        /* lines are the text's: a paragraph or a cell each */
        if (index_lines(s, s->text, s->text_len) != ES_OK)
            goto fail;
        *out = s;
        return ES_OK;
    }
    if (kind != NOT_BINARY) {
        st = binary_error(err, name, kind);
        goto fail_reported;
    }
    s->charset = es_charset_detect(b, len, &s->bom_len);
    if (s->charset == ES_CHARSET_UNKNOWN) {
        st = es_error_set(err, ES_ERR_ENCODING, name, 0, "not text in a known encoding");
        goto fail_reported;
    }
    if (s->charset == ES_CHARSET_UTF8) {
        decoded_len = len - s->bom_len;
        if (take != NULL && *take != NULL) { /* no second copy of a large file */
            decoded = *take;
            *take = NULL;
            memmove(decoded, decoded + s->bom_len, decoded_len);
        } else {
            decoded = malloc(decoded_len + 1);
            if (decoded == NULL)
                goto fail;
            memcpy(decoded, bytes + s->bom_len, decoded_len);
        }
        decoded[decoded_len] = '\0';
    } else {
        s->transcoded = true;
        st = es_charset_to_utf8(b, len, s->bom_len, s->charset, &decoded, &decoded_len,
                                &s->charset_map, &s->n_invalid, &s->first_invalid);
        if (st != ES_OK) {
            if (st == ES_ERR_ENCODING) {
                es_error_set(err, st, name, 0, "not text in a known encoding");
                goto fail_reported;
            }
            if (st == ES_ERR_IO) {
                es_error_set(err, st, name, 0,
                             "cannot load the %s converter (iconv: %s); out of file descriptors "
                             "(ulimit -n) or memory?",
                             es_charset_name(s->charset), strerror(errno));
                goto fail_reported;
            }
            goto fail;
        }
    }
    if (index_lines(s, decoded, decoded_len) != ES_OK)
        goto fail;
    if (decoded_len == 0 || strspn(decoded, " \t\r\n") == decoded_len) {
        st = es_error_set(err, ES_ERR_EMPTY, name, 0, "empty file");
        goto fail_reported;
    }
    if (es_html_detect(name, decoded, decoded_len)) {
        s->is_html = true;
        s->format = "html";
        st = es_html_to_text(decoded, decoded_len, &s->html);
        if (st == ES_ERR_LIMIT) {
            es_error_set(err, st, name, 0,
                         "the page nests elements more than %d deep; edustat does not read "
                         "it (parsing time grows with the square of the depth)",
                         ES_MAX_HTML_NESTING);
            goto fail_reported;
        }
        if (st != ES_OK)
            goto fail;
        free(decoded);
        decoded = NULL;
        s->text = s->html.text;
        s->text_len = s->html.len;
        if (s->html.publisher == NULL)
            s->publisher_line = header_publisher(s->text, s->text_len);
    } else {
        s->text = decoded;
        s->text_len = decoded_len;
        decoded = NULL;
        /* Paragraphs wrapped at one width are read joined; the line index
         * above counts the file's own lines. */
        char *joined = NULL;
        size_t joined_len = 0;
        if (es_unwrap_lines(s->text, s->text_len, &joined, &joined_len, &s->unwrap_map) != ES_OK)
            goto fail;
        if (joined != NULL) {
            s->wrapped = s->text;
            s->text = joined;
            s->text_len = joined_len;
        }
    }
    *out = s;
    return ES_OK;
fail:
    es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    st = ES_ERR_NOMEM;
fail_reported:
    free(decoded);
    es_source_free(s);
    return st;
}

es_status es_source_from_bytes(const char *name, const char *bytes, size_t len, es_source **out,
                               es_error *err)
{
    return from_buffer(name, bytes, len, NULL, out, err);
}

es_status es_source_load(const char *path, es_source **out, es_error *err)
{
    *out = NULL;
    FILE *f;
    int is_stdin = strcmp(path, "-") == 0;
    es_growbuf buf = {0};
    if (is_stdin) {
        f = stdin;
    } else {
        struct stat sb;
        if (stat(path, &sb) != 0)
            return es_error_set(err, ES_ERR_IO, path, 0, "%s", strerror(errno));
        if (S_ISDIR(sb.st_mode))
            return es_error_set(err, ES_ERR_IO, path, 0, "is a directory");
        f = fopen(path, "rb");
        if (f == NULL)
            return es_error_set(err, ES_ERR_IO, path, 0, "%s", strerror(errno));
        /* one buffer of the file's size (and one byte to see its end), not
         * one grown by doubling: memory stays near the file's size */
        if (S_ISREG(sb.st_mode) && sb.st_size > 0 && (unsigned long long)sb.st_size <= ES_MAX_FILE_BYTES) {
            buf.data = malloc((size_t)sb.st_size + 2);
            buf.cap = buf.data ? (size_t)sb.st_size + 2 : 0;
        }
    }
    char too_large[64];
    snprintf(too_large, sizeof too_large, "file larger than %zu MB", ES_MAX_FILE_BYTES >> 20);
    es_status st = es_growbuf_read_stream(&buf, f, ES_MAX_FILE_BYTES, path, too_large, err);
    if (st == ES_OK)
        st = buf.data ? from_buffer(path, buf.data, buf.len, &buf.data, out, err)
                      : es_source_from_bytes(path, "", 0, out, err);
    free(buf.data);
    if (!is_stdin)
        fclose(f);
    return st;
}
