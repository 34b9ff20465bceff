/* pdf_read.c - a PDF's text, page by page, with Debian's poppler-glib
 * (office_internal.h). Only this module talks to poppler.
 *
 * Why poppler and not MuPDF (measured on PDFs we make, tests/e2e/make_pdf.py
 * and the briefing; README "Formats"): both read text whose fonts carry a
 * Unicode map alike. Where a font has none, MuPDF gives U+FFFD and poppler
 * gives the glyph numbers as code points (U+0123 U+0456...): a page of
 * that must be refused here rather than trusted. But poppler-glib is a
 * shared library with a stable API, where Debian ships MuPDF only as a
 * static archive built without -fPIC, which libedustat.so cannot link.
 *
 * Each page's text comes in poppler's reading order; lines that reach the
 * right margin are joined to the next inside a sentence, and each line
 * keeps its page and its line in the page's text as a locator. A page whose
 * text cannot be decoded (replacement characters, private-use or control
 * code points, or glyph numbers read as letters of scripts a Chinese
 * report does not use) is left out and reported, never read as numbers;
 * a page with no text says so (edustat does no OCR).
 *
 * poppler-glib is opened with dlopen on the first PDF, not linked: loading
 * it and the 40 libraries it pulls in (cairo, glib, the C++ runtime, NSS)
 * cost every run of edustat about 21 ms of its start, PDF or not. */
#include "office_internal.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <dlfcn.h>
#include <poppler.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ES_POPPLER_GLIB_SONAME
#define ES_POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#endif

/* The functions of poppler-glib (and of glib, through it) this module calls. */
typedef struct poppler_api {
    GBytes *(*bytes_new_static)(gconstpointer, gsize);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(GError *);
    void (*free)(gpointer);
    void (*object_unref)(gpointer);
    GQuark (*error_quark)(void);
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, GError **);
    gchar *(*document_get_title)(PopplerDocument *);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    char *(*page_get_text)(PopplerPage *);
    gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
} poppler_api;

/* Resolved once per process and never changed after (pthread_once): the
 * table is shared by the threads of -j, read-only once written. */
static pthread_once_t poppler_once = PTHREAD_ONCE_INIT;
static poppler_api poppler;
static char poppler_failure[256];

static void *resolve(void *lib, const char *name)
{
    void *f = dlsym(lib, name);
    if (f == NULL && poppler_failure[0] == '\0')
        snprintf(poppler_failure, sizeof poppler_failure, "%s lacks %s", ES_POPPLER_GLIB_SONAME, name);
    return f;
}

static void load_poppler(void)
{
    void *lib = dlopen(ES_POPPLER_GLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        snprintf(poppler_failure, sizeof poppler_failure,
                 "reading PDF needs poppler-glib (%s): apt-get install libpoppler-glib8",
                 ES_POPPLER_GLIB_SONAME);
        return;
    }
    /* dlsym's void * to a function pointer, the way POSIX allows */
#define RESOLVE(field, symbol)                                                                      \
    do {                                                                                           \
        void *f_ = resolve(lib, symbol);                                                           \
        memcpy(&api.field, &f_, sizeof f_);                                                        \
    } while (0)
    poppler_api api;
    RESOLVE(bytes_new_static, "g_bytes_new_static");
    RESOLVE(bytes_unref, "g_bytes_unref");
    RESOLVE(error_free, "g_error_free");
    RESOLVE(free, "g_free");
    RESOLVE(object_unref, "g_object_unref");
    RESOLVE(error_quark, "poppler_error_quark");
    RESOLVE(document_new_from_bytes, "poppler_document_new_from_bytes");
    RESOLVE(document_get_title, "poppler_document_get_title");
    RESOLVE(document_get_n_pages, "poppler_document_get_n_pages");
    RESOLVE(document_get_page, "poppler_document_get_page");
    RESOLVE(page_get_text, "poppler_page_get_text");
    RESOLVE(page_get_text_layout, "poppler_page_get_text_layout");
#undef RESOLVE
    if (poppler_failure[0] != '\0') {
        dlclose(lib);
        return;
    }
    poppler = api; /* the library stays open for the life of the process */
}

/* Code points a Chinese report's text is made of: ASCII, Latin-1 signs,
 * general punctuation, CJK symbols, ideographs, full-width forms. */
static bool usual(uint32_t cp)
{
    bool bidi_mark = cp >= 0x202A && cp <= 0x202E; /* poppler's, around glyph numbers */
    return cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2000 && cp <= 0x206F && !bidi_mark) ||
           (cp >= 0x2100 && cp <= 0x27BF) /* letterlike, arrows, ①, box drawing */ ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* Share of a page's visible characters that are not text a report holds. */
static double unusual_share(const char *t, size_t n)
{
    size_t all = 0, odd = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = es_utf8_decode((const unsigned char *)t + i, n - i, &cp);
        i += k ? k : 1;
        if (cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == '\f')
            continue;
        all++;
        odd += !usual(cp) || (cp < 0x20);
    }
    return all ? (double)odd / (double)all : 0;
}

/* Does a line end a sentence or a heading, so that the next starts anew? */
static bool ends_sentence(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    static const char *const ends[] = {"。", "！", "？", "；", "：", ".", "!", "?", ";", ":"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t m = strlen(ends[k]);
        if (n >= m && memcmp(s + n - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* Does a line open a heading or a list item (一、 （二） 3.)? */
static bool opens_item(const char *s, size_t n)
{
    static const char *const marks[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
                                        "（", "("};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t m = strlen(marks[k]);
        if (n >= m && memcmp(s, marks[k], m) == 0)
            return true;
    }
    return false;
}

typedef struct line_span {
    size_t a, e;   /* bytes of the line in the page text */
    double right;  /* its right edge on the page, from poppler's layout */
} line_span;

/* Append the page's text a line at a time. A line that reaches the right
 * margin and ends no sentence runs on into the next (PDF text is wrapped
 * by width): they are joined, so that 39 | 60名 is read 3960名. Each joined
 * line keeps its page and the page line it starts on. */
static int add_page(es_office_text *o, PopplerPage *page, const char *t, size_t n, int page_no)
{
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (!poppler.page_get_text_layout(page, &rects, &n_rects))
        n_rects = 0;
    size_t n_lines = 1;
    for (size_t k = 0; k < n; k++)
        n_lines += t[k] == '\n';
    line_span *ls = malloc(n_lines * sizeof *ls);
    if (ls == NULL) {
        poppler.free(rects);
        return -1;
    }
    /* lines, and their right edges: rectangle i is character i of the text */
    size_t nl = 0, ch = 0;
    double max_right = 0;
    for (size_t a = 0; a <= n && nl < n_lines;) {
        size_t e = a;
        double right = 0;
        while (e < n && t[e] != '\n') {
            uint32_t cp;
            size_t k = es_utf8_decode((const unsigned char *)t + e, n - e, &cp);
            if (ch < n_rects && cp != ' ' && rects[ch].x2 > right)
                right = rects[ch].x2;
            e += k ? k : 1;
            ch++;
        }
        ch++; /* the newline's own rectangle */
        ls[nl++] = (line_span){a, e, right};
        a = e + 1;
    }
    poppler.free(rects);
    /* the right margin: the edge most lines reach (a centred title or a
     * short last line does not move it) */
    size_t best = 0;
    for (size_t i = 0; i < nl && i < 400; i++) {
        size_t near = 0;
        for (size_t k = 0; k < nl && k < 400; k++)
            near += ls[k].right > 0 && ls[k].right >= ls[i].right - 10 && ls[k].right <= ls[i].right + 10;
        if (near > best || (near == best && ls[i].right > max_right)) {
            best = near;
            max_right = ls[i].right;
        }
    }
    for (size_t i = 0; i < nl && !o->failed; i++) {
        size_t m = ls[i].e - ls[i].a;
        es_locator loc = {0};
        loc.page = page_no;
        loc.line = (int)i + 1;
        bool full = n_rects > 0 && ls[i].right >= max_right - 20; /* within about a character */
        bool runs_on = i + 1 < nl && full && !ends_sentence(t + ls[i].a, m) && ls[i + 1].e > ls[i + 1].a &&
                       !opens_item(t + ls[i + 1].a, ls[i + 1].e - ls[i + 1].a);
        /* each page line keeps its own locator inside the joined line */
        es_office_append(o, t + ls[i].a, m, &loc);
        if (!runs_on)
            es_office_append(o, "\n", 1, NULL);
    }
    free(ls);
    return o->failed ? -1 : 0;
}

es_status es_pdf_to_text(const char *name, const void *bytes, size_t len, es_office_text *out, es_error *err)
{
    memset(out, 0, sizeof *out);
    pthread_once(&poppler_once, load_poppler);
    if (poppler.document_new_from_bytes == NULL)
        return es_error_set(err, ES_ERR_IO, name, 0, "%s", poppler_failure);
    GBytes *gb = poppler.bytes_new_static(bytes, len);
    GError *ge = NULL;
    PopplerDocument *doc = poppler.document_new_from_bytes(gb, NULL, &ge);
    poppler.bytes_unref(gb); /* the document holds its own reference */
    if (doc == NULL) {
        es_status st = ge != NULL && ge->domain == poppler.error_quark() && ge->code == POPPLER_ERROR_ENCRYPTED
                           ? es_error_set(err, ES_ERR_FORMAT, name, 0,
                                          "an encrypted PDF: edustat cannot read it without its password "
                                          "(qpdf --decrypt --password=... in.pdf out.pdf)")
                           : es_error_set(err, ES_ERR_FORMAT, name, 0, "not a readable PDF (truncated or damaged?): %s",
                                          ge ? ge->message : "unknown error");
        if (ge)
            poppler.error_free(ge);
        return st;
    }
    char *title = poppler.document_get_title(doc);
    if (title != NULL && title[0] != '\0')
        out->title = strdup(title);
    poppler.free(title);
    int pages = poppler.document_get_n_pages(doc), bad = 0, empty = 0, text_pages = 0;
    for (int i = 0; i < pages && !out->failed; i++) {
        PopplerPage *page = poppler.document_get_page(doc, i);
        char *t = page ? poppler.page_get_text(page) : NULL;
        size_t n = t ? strlen(t) : 0;
        size_t vis = 0;
        for (size_t k = 0; k < n; k++)
            vis += t[k] != ' ' && t[k] != '\n' && t[k] != '\f' && t[k] != '\r';
        if (vis == 0) {
            empty++;
            if (es_office_note(out, "page %d has no text (a scanned image? edustat does no OCR)", i + 1) != 0)
                out->failed = 1;
        } else if (unusual_share(t, n) > 0.2) {
            bad++;
            if (es_office_note(out, "page %d: text that cannot be decoded (fonts without a Unicode map): left out, "
                                    "not read as numbers", i + 1) != 0)
                out->failed = 1;
        } else {
            text_pages++;
            if (add_page(out, page, t, n, i + 1) != 0)
                out->failed = 1;
        }
        poppler.free(t);
        if (page)
            poppler.object_unref(page);
    }
    poppler.object_unref(doc);
    if (out->failed) {
        es_office_text_free(out);
        return es_error_set(err, ES_ERR_NOMEM, name, 0, "out of memory");
    }
    if (text_pages == 0) {
        es_status st = es_error_set(err, ES_ERR_EMPTY, name, 0,
                                    "no page of the PDF has text edustat can read (%d without text, %d that "
                                    "cannot be decoded)", empty, bad);
        es_office_text_free(out);
        return st;
    }
    return ES_OK;
}
