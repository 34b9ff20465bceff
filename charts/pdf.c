/* pdf.c - the libharu layer of the briefing (see pdf_internal.h). */
#include "pdf_internal.h"
#include "edustat/briefing.h"
#include "error_internal.h"
#include "utf8_internal.h"

#include <fontconfig/fontconfig.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>
#include <sys/stat.h>
#include FT_OUTLINE_H
#include FT_FONT_FORMATS_H
#include <math.h>

#define HEADER_SIZE 8.0

/* libharu 2.3 writes glyph indices above this as nothing at all. */
#define ES_HPDF_MAX_GLYPH 32767

static void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    es_pdf *p = user;
    if (!p->failed)
        es_error_set(p->err, ES_ERR_IO, p->font_path, 0, "PDF library error 0x%04X (detail %u)",
                     (unsigned)code, (unsigned)detail);
    p->failed = 1;
}

static int file_exists(const char *path)
{
    struct stat sb;
    return path && *path && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static uint32_t be32(const unsigned char *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* 0 if every table of the font's first face lies inside the file; else -1
 * with *tag and *end saying which table runs past the end (a font cut
 * short by a failed copy, which FreeType opens and libharu then fails on
 * with only an error number). */
static int font_tables_complete(const char *path, char tag[12], unsigned long long *end,
                                unsigned long long *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    struct stat sb;
    unsigned char head[12], rec[16];
    int rc = -1;
    strcpy(tag, "(directory)");
    *end = *size = 0;
    if (fstat(fileno(f), &sb) != 0)
        goto done;
    *size = (unsigned long long)sb.st_size;
    if (fread(head, 1, sizeof head, f) != sizeof head)
        goto done;
    /* A collection ('ttcf', version, count) is followed by the offset of
     * each face's directory: read the first. */
    if (memcmp(head, "ttcf", 4) == 0 &&
        (fread(rec, 1, 4, f) != 4 || fseek(f, (long)be32(rec), SEEK_SET) != 0 ||
         fread(head, 1, sizeof head, f) != sizeof head))
        goto done;
    unsigned n = (unsigned)head[4] << 8 | head[5];
    for (unsigned i = 0; i < n; i++) {
        if (fread(rec, 1, sizeof rec, f) != sizeof rec)
            goto done;
        memcpy(tag, rec, 4);
        tag[4] = '\0';
        *end = (unsigned long long)be32(rec + 8) + be32(rec + 12);
        if (*end > *size)
            goto done;
    }
    rc = 0;
done:
    fclose(f);
    return rc;
}

/* The best fontconfig match for Chinese, if it really covers Chinese. */
static int fontconfig_cjk(char *buf, size_t cap)
{
    int found = 0;
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (cfg == NULL)
        return 0;
    FcPattern *pat = FcNameParse((const FcChar8 *)":lang=zh");
    if (pat) {
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern *m = FcFontMatch(cfg, pat, &res);
        if (m) {
            FcChar8 *file = NULL;
            FcLangSet *ls = NULL;
            if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
                FcPatternGetLangSet(m, FC_LANG, 0, &ls) == FcResultMatch &&
                FcLangSetHasLang(ls, (const FcChar8 *)"zh") != FcLangDifferentLang) {
                snprintf(buf, cap, "%s", (const char *)file);
                found = 1;
            }
            FcPatternDestroy(m);
        }
        FcPatternDestroy(pat);
    }
    FcConfigDestroy(cfg);
    return found;
}

/* PREFIX/share/edustat/edustat-cjk.ttf for the program running from
 * PREFIX/bin: an installed tree finds its font wherever it was copied
 * (make install DESTDIR=..., a relocated package). 1 when it exists. */
static int font_beside_program(char *buf, size_t cap)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return 0;
    *slash = '\0'; /* PREFIX/bin */
    int len = snprintf(buf, cap, "%s/../share/edustat/edustat-cjk.ttf", exe);
    return len > 0 && (size_t)len < cap && file_exists(buf);
}

const char *es_briefing_font_path(const char *font_path, char *buf, size_t cap)
{
    const char *env = getenv("EDUSTAT_FONT");
    if (font_path && *font_path)
        snprintf(buf, cap, "%s", font_path);
    else if (env && *env)
        snprintf(buf, cap, "%s", env);
    else if (font_beside_program(buf, cap))
        ;
#ifdef EDUSTAT_FONT_BUILD
    else if (file_exists(EDUSTAT_FONT_BUILD))
        snprintf(buf, cap, "%s", EDUSTAT_FONT_BUILD);
#endif
#ifdef EDUSTAT_FONT_INSTALLED
    else if (file_exists(EDUSTAT_FONT_INSTALLED))
        snprintf(buf, cap, "%s", EDUSTAT_FONT_INSTALLED);
#endif
    else if (!fontconfig_cjk(buf, cap))
        return NULL;
    return buf;
}

static void mark(uint8_t *bits, uint32_t cp) { bits[cp >> 3] |= (uint8_t)(1u << (cp & 7)); }
static int marked(const uint8_t *bits, uint32_t cp) { return bits[cp >> 3] & (1u << (cp & 7)); }

/* Can libharu 2.3 draw glyph gid, and every component of it? */
static int glyph_drawable(FT_Face face, FT_UInt gid, int depth, FT_UInt *bad)
{
    if (gid > ES_HPDF_MAX_GLYPH) {
        *bad = gid;
        return 0;
    }
    if (depth > 4 || FT_Load_Glyph(face, gid, FT_LOAD_NO_RECURSE | FT_LOAD_NO_SCALE) != 0)
        return 1;
    if (face->glyph->format != FT_GLYPH_FORMAT_COMPOSITE)
        return 1;
    FT_UInt n = face->glyph->num_subglyphs;
    FT_UInt subs[64];
    if (n > 64)
        n = 64;
    for (FT_UInt i = 0; i < n; i++) {
        FT_Int idx;
        FT_UInt flags;
        FT_Int a1, a2;
        FT_Matrix m;
        subs[i] = 0;
        if (FT_Get_SubGlyph_Info(face->glyph, i, &idx, &flags, &a1, &a2, &m) == 0)
            subs[i] = (FT_UInt)idx;
    }
    for (FT_UInt i = 0; i < n; i++)
        if (!glyph_drawable(face, subs[i], depth + 1, bad))
            return 0;
    return 1;
}

/* Check the characters of s not seen before; record failure in p. */
static int check_text(es_pdf *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp;
        i += es_utf8_decode(u + i, len - i, &cp);
        if (cp > 0xFFFF)
            continue;
        mark(p->drawn, cp);
        if (marked(p->checked, cp))
            continue;
        mark(p->checked, cp);
        FT_UInt gid = FT_Get_Char_Index(p->face, cp), bad = 0;
        if (gid == 0)
            continue; /* replaced before drawing (substitute) */
        if (gid != 0 && !glyph_drawable(p->face, gid, 0, &bad)) {
            char ch[8] = {0};
            es_utf8_encode(cp, ch);
            es_error_set(p->err, ES_ERR_FORMAT, p->font_path, 0,
                         "font cannot be used: the glyph of '%s' (index %u) is beyond what "
                         "libharu 2.3 draws (32767); use the bundled font (run make) or --font "
                         "with a font cut to GBK (scripts/make-font.py)",
                         ch, bad);
            p->failed = 1;
            return 0;
        }
    }
    return 1;
}

int es_pdf_open(es_pdf *p, const char *font_path, es_error *err)
{
    memset(p, 0, sizeof *p);
    p->err = err;
    if (es_briefing_font_path(font_path, p->font_path, sizeof p->font_path) == NULL) {
        es_error_set(err, ES_ERR_IO, "", 0,
                     "no Chinese font found: apt-get install fonts-wqy-zenhei and run make (the "
                     "briefing font is cut from it), or pass --font FILE (or set EDUSTAT_FONT)");
        return -1;
    }
    if (FT_Init_FreeType(&p->ft) != 0 || FT_New_Face(p->ft, p->font_path, 0, &p->face) != 0) {
        es_error_set(err, ES_ERR_IO, p->font_path, 0, "cannot read the font");
        es_pdf_close(p);
        return -1;
    }
    char tag[12];
    unsigned long long end = 0, size = 0;
    if (font_tables_complete(p->font_path, tag, &end, &size) != 0) {
        es_error_set(err, ES_ERR_FORMAT, p->font_path, 0,
                     "the font file is cut short: its table '%s' ends at byte %llu of %llu",
                     tag, end, size);
        es_pdf_close(p);
        return -1;
    }
    const char *fmt = FT_Get_Font_Format(p->face);
    if (fmt == NULL || strcmp(fmt, "TrueType") != 0) {
        es_error_set(err, ES_ERR_FORMAT, p->font_path, 0,
                     "font cannot be used: libharu embeds TrueType outlines only, this is %s",
                     fmt ? fmt : "unknown");
        es_pdf_close(p);
        return -1;
    }
    for (char d = '0'; d <= '9'; d++)
        if (FT_Get_Char_Index(p->face, (FT_ULong)d) == 0) {
            es_error_set(err, ES_ERR_FORMAT, p->font_path, 0,
                         "font cannot be used: it has no glyph for the digit '%c'", d);
            es_pdf_close(p);
            return -1;
        }
    p->doc = HPDF_New(on_hpdf_error, p);
    if (p->doc == NULL) {
        es_error_set(err, ES_ERR_NOMEM, "", 0, "out of memory");
        es_pdf_close(p);
        return -1;
    }
    HPDF_UseUTFEncodings(p->doc);
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    size_t n = strlen(p->font_path);
    const char *name = (n > 4 && strcasecmp(p->font_path + n - 4, ".ttc") == 0)
                           ? HPDF_LoadTTFontFromFile2(p->doc, p->font_path, 0, HPDF_TRUE)
                           : HPDF_LoadTTFontFromFile(p->doc, p->font_path, HPDF_TRUE);
    if (name != NULL)
        p->font = HPDF_GetFont(p->doc, name, "UTF-8");
    if (p->font == NULL || p->failed) {
        if (!p->failed)
            es_error_set(err, ES_ERR_FORMAT, p->font_path, 0, "libharu cannot load the font");
        es_pdf_close(p);
        return -1;
    }
    return 0;
}

void es_pdf_close(es_pdf *p)
{
    free(p->advance);
    p->advance = NULL;
    if (p->doc)
        HPDF_Free(p->doc);
    if (p->face)
        FT_Done_Face(p->face);
    if (p->ft)
        FT_Done_FreeType(p->ft);
    p->doc = NULL;
    p->face = NULL;
    p->ft = NULL;
}

static void note_missing(es_pdf *p, uint32_t cp)
{
    for (size_t i = 0; i < p->n_missing; i++)
        if (p->missing[i] == cp)
            return;
    if (p->n_missing < ES_PDF_MAX_MISSING)
        p->missing[p->n_missing++] = cp;
}

/* s with each character the font lacks (䶮, an emoji, 𠀀) as □: one
 * character outside the font must not cost the whole briefing. Returns s
 * itself when nothing is missing, else p->scratch. */
static const char *substitute(es_pdf *p, const char *s)
{
    if (s == p->scratch)
        return s;
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, o = 0;
    int replaced = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = es_utf8_decode(u + i, len - i, &cp);
        int lacking;
        if (cp > 0xFFFF) {
            lacking = 1;
        } else if (marked(p->absent, cp)) {
            lacking = 1;
        } else if (cp < 0x80 || marked(p->present, cp)) {
            lacking = 0;
        } else {
            lacking = FT_Get_Char_Index(p->face, cp) == 0 && cp != 0x3000 && cp != 0xA0;
            mark(lacking ? p->absent : p->present, cp);
        }
        if (lacking) {
            note_missing(p, cp);
            replaced = 1;
        }
        if (o + 4 >= sizeof p->scratch)
            break; /* a longer text is cut, not overrun */
        if (lacking) {
            memcpy(p->scratch + o, "\xE2\x96\xA1", 3); /* □ */
            o += 3;
        } else {
            memcpy(p->scratch + o, s + i, k);
            o += k;
        }
        i += k;
    }
    if (!replaced)
        return s;
    p->scratch[o] = '\0';
    return p->scratch;
}

/* The font and size, and the fill colour, only where they change: the page's
 * graphics state keeps them across text objects, and a table of 3,000 rows
 * otherwise repeats them in every cell (operators to write and compress). */
static void set_font_size(es_pdf *p, double size)
{
    if (HPDF_Page_GetCurrentFont(p->page) != p->font ||
        HPDF_Page_GetCurrentFontSize(p->page) != (HPDF_REAL)size)
        HPDF_Page_SetFontAndSize(p->page, p->font, (HPDF_REAL)size);
}

void es_pdf_text(es_pdf *p, double x, double y, double size, const char *s)
{
    if (s != NULL)
        s = substitute(p, s);
    if (p->failed || s == NULL || *s == '\0' || !check_text(p, s))
        return;
    HPDF_Page_BeginText(p->page);
    set_font_size(p, size);
    HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)y, s);
    HPDF_Page_EndText(p->page);
}

void es_pdf_text_rotated(es_pdf *p, double x, double y, double size, double deg, const char *s)
{
    if (s != NULL)
        s = substitute(p, s);
    if (p->failed || s == NULL || *s == '\0' || !check_text(p, s))
        return;
    double r = deg * 3.14159265358979323846 / 180.0;
    HPDF_Page_BeginText(p->page);
    set_font_size(p, size);
    HPDF_Page_SetTextMatrix(p->page, (HPDF_REAL)cos(r), (HPDF_REAL)sin(r), (HPDF_REAL)-sin(r),
                            (HPDF_REAL)cos(r), (HPDF_REAL)x, (HPDF_REAL)y);
    HPDF_Page_ShowText(p->page, s);
    HPDF_Page_EndText(p->page);
}

/* Widths come from a per-character cache: libharu looks each character
 * up in the font's cmap by a linear search, and layout measures the same
 * characters over and over. */
double es_pdf_text_width(es_pdf *p, const char *s, double size)
{
    if (s == NULL || *s == '\0')
        return 0;
    s = substitute(p, s);
    if (p->advance == NULL) {
        p->advance = malloc(65536 * sizeof *p->advance);
        if (p->advance == NULL) {
            HPDF_TextWidth tw = HPDF_Font_TextWidth(p->font, (const HPDF_BYTE *)s, (HPDF_UINT)strlen(s));
            return tw.width * size / 1000.0;
        }
        for (size_t i = 0; i < 65536; i++)
            p->advance[i] = -1;
    }
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0;
    double total = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = es_utf8_decode(u + i, len - i, &cp);
        if (cp < 65536 && p->advance[cp] >= 0) {
            total += p->advance[cp];
        } else {
            HPDF_TextWidth tw = HPDF_Font_TextWidth(p->font, u + i, (HPDF_UINT)k);
            if (cp < 65536)
                p->advance[cp] = (float)tw.width;
            total += tw.width;
        }
        i += k;
    }
    return total * size / 1000.0;
}

void es_pdf_fit(es_pdf *p, const char *s, double size, double width, char *out, size_t cap)
{
    es_canvas c = es_pdf_canvas(p);
    es_canvas_fit(&c, s, size, width, out, cap);
}

/* Part of a number or a Latin word: "98.9%", "2,150", "+0.7" stay whole. */
static int word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == ',' ||
           c == '%' || c == '+' || c == '-' || c == ':' || c == '_' || c == '/';
}

/* Punctuation that may not open a line (，。、；：）” and the like). */
static int closing_mark(const char *s, size_t at)
{
    static const char *const marks[] = {"，", "。", "、", "；", "：", "）", "”", "》", "！", "？", "％"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(s + at, marks[i], strlen(marks[i])) == 0)
            return 1;
    return 0;
}

/* Where a line that would end at `at` should end instead: not inside a
 * number or word, and not before a closing mark; never at or before
 * start (a line holds at least one character). */
static size_t break_before(const char *s, size_t start, size_t at)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t b = at;
    while (b > start) {
        if (word_byte(u[b]) && word_byte(u[b - 1])) {
            while (b > start && word_byte(u[b - 1]))
                b--;
        } else if (closing_mark(s, b)) {
            do /* the character before goes down with the mark: "5%）" */
                b--;
            while (b > start && (u[b] & 0xC0) == 0x80);
        } else if (b >= start + 3 && (strncmp(s + b - 3, "（", 3) == 0 || strncmp(s + b - 3, "“", 3) == 0 ||
                                      strncmp(s + b - 3, "《", 3) == 0)) {
            b -= 3; /* an opening mark goes down with what it opens */
        } else {
            break;
        }
    }
    return b > start ? b : at;
}

double es_pdf_paragraph(es_pdf *p, double x, double y, double width, double size, double leading,
                        const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), start = 0, lines = 0;
    char line[2048];
    while (start < len) {
        /* the longest prefix that fits (at least one character) */
        size_t end = start, last_fit = start;
        while (end < len) {
            uint32_t cp;
            size_t k = es_utf8_decode(u + end, len - end, &cp);
            if (cp == '\n')
                break;
            size_t n = end + k - start;
            if (n >= sizeof line)
                break;
            memcpy(line, s + start, n);
            line[n] = '\0';
            if (es_pdf_text_width(p, line, size) > width && last_fit > start)
                break;
            end += k;
            last_fit = end;
        }
        if (last_fit < len)
            last_fit = break_before(s, start, last_fit);
        size_t n = last_fit - start;
        memcpy(line, s + start, n);
        line[n] = '\0';
        double ly = y - size - lines * leading;
        if (ly < ES_MARGIN + 14) { /* continue on a new page */
            es_pdf_new_page(p, 0);
            y = p->y;
            lines = 0;
            ly = y - size;
        }
        es_pdf_text(p, x, ly, size, line);
        lines++;
        start = last_fit;
        if (start < len && s[start] == '\n')
            start++;
        if (n == 0 && start < len && s[start] != '\n')
            start++; /* never loop on a character wider than the line */
    }
    p->y = y - lines * leading;
    return lines * leading;
}

void es_pdf_fill_color(es_pdf *p, es_rgb c)
{
    p->fill = c;
    if (HPDF_Page_GetFillingColorSpace(p->page) == HPDF_CS_DEVICE_RGB) {
        HPDF_RGBColor now = HPDF_Page_GetRGBFill(p->page);
        if (now.r == (HPDF_REAL)c.r && now.g == (HPDF_REAL)c.g && now.b == (HPDF_REAL)c.b)
            return;
    }
    HPDF_Page_SetRGBFill(p->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

void es_pdf_stroke_color(es_pdf *p, es_rgb c)
{
    HPDF_Page_SetRGBStroke(p->page, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

void es_pdf_rect(es_pdf *p, double x, double y, double w, double h, int fill, int stroke)
{
    HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    if (fill && stroke)
        HPDF_Page_FillStroke(p->page);
    else if (fill)
        HPDF_Page_Fill(p->page);
    else
        HPDF_Page_Stroke(p->page);
}

void es_pdf_line(es_pdf *p, double x0, double y0, double x1, double y1, double width)
{
    HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
    HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_Stroke(p->page);
}

void es_pdf_set_language(es_pdf *p, const char *lang)
{
    HPDF_String s = HPDF_String_New(p->doc->mmgr, lang, NULL);
    if (s == NULL || HPDF_Dict_Add(p->doc->catalog, "Lang", s) != HPDF_OK)
        p->failed = 1;
}

/* The canvas back end: the operations above, plus paths for lines and
 * markers. */
static void canvas_text(void *self, double x, double y, double size, double deg, const char *s)
{
    if (deg == 0)
        es_pdf_text(self, x, y, size, s);
    else
        es_pdf_text_rotated(self, x, y, size, deg, s);
}

static double canvas_text_width(void *self, const char *s, double size)
{
    return es_pdf_text_width(self, s, size);
}

static void canvas_fill_color(void *self, es_rgb c)
{
    es_pdf_fill_color(self, c);
}

static void canvas_stroke_color(void *self, es_rgb c)
{
    es_pdf_stroke_color(self, c);
}

static void canvas_rect(void *self, double x, double y, double w, double h, int fill, int stroke)
{
    es_pdf_rect(self, x, y, w, h, fill, stroke);
}

static void canvas_polyline(void *self, const double *xy, size_t n, double width, int dashed)
{
    es_pdf *p = self;
    if (n < 2)
        return;
    if (dashed) {
        HPDF_UINT16 dash[] = {3, 2};
        HPDF_Page_SetDash(p->page, dash, 2, 0);
    }
    HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
    HPDF_Page_MoveTo(p->page, (HPDF_REAL)xy[0], (HPDF_REAL)xy[1]);
    for (size_t i = 1; i < n; i++)
        HPDF_Page_LineTo(p->page, (HPDF_REAL)xy[2 * i], (HPDF_REAL)xy[2 * i + 1]);
    HPDF_Page_Stroke(p->page);
    if (dashed)
        HPDF_Page_SetDash(p->page, NULL, 0, 0);
}

static void canvas_dot(void *self, double x, double y, double r)
{
    es_pdf *p = self;
    HPDF_Page_Circle(p->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)r);
    HPDF_Page_Fill(p->page);
}

static const es_canvas_ops pdf_canvas_ops = {canvas_text, canvas_text_width, canvas_fill_color,
                                             canvas_stroke_color, canvas_rect, canvas_polyline,
                                             canvas_dot};

es_canvas es_pdf_canvas(es_pdf *p)
{
    es_canvas c = {&pdf_canvas_ops, p};
    return c;
}

void es_pdf_new_page(es_pdf *p, int cover)
{
    if (p->failed)
        return;
    p->page = HPDF_AddPage(p->doc);
    HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    p->page_no++;
    p->y = ES_PAGE_H - ES_MARGIN;
    if (cover) {
        es_pdf_fill_color(p, p->fill);
        return;
    }
    es_rgb grey = {0.45, 0.45, 0.45}, fill = p->fill;
    es_pdf_fill_color(p, grey);
    if (p->header)
        es_pdf_text(p, ES_MARGIN, ES_PAGE_H - ES_MARGIN + 14, HEADER_SIZE, p->header);
    char num[32];
    snprintf(num, sizeof num, "第 %d 页", p->page_no);
    es_pdf_text(p, (ES_PAGE_W - es_pdf_text_width(p, num, HEADER_SIZE)) / 2, ES_MARGIN - 24, HEADER_SIZE, num);
    es_pdf_stroke_color(p, (es_rgb){0.75, 0.75, 0.75});
    es_pdf_line(p, ES_MARGIN, ES_PAGE_H - ES_MARGIN + 8, ES_PAGE_W - ES_MARGIN, ES_PAGE_H - ES_MARGIN + 8, 0.5);
    es_pdf_fill_color(p, fill); /* a paragraph or table running on keeps its colour */
    p->y = ES_PAGE_H - ES_MARGIN - 6;
}

void es_pdf_need(es_pdf *p, double h)
{
    if (p->y - h < ES_MARGIN)
        es_pdf_new_page(p, 0);
}

/* libharu's UTF-8 path writes a ToUnicode CMap that poppler rejects
 * ("Invalid 'begincidrange' operator"): replace it with one that maps
 * every code drawn (Identity-H: the code is the UTF-16 unit) to itself. */
static int replace_to_unicode(es_pdf *p)
{
    HPDF_Dict stream = HPDF_DictStream_New(p->doc->mmgr, p->doc->xref);
    if (stream == NULL)
        return 0;
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream out = stream->stream;
    HPDF_Stream_WriteStr(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                              "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                              "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                              "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t codes[100];
    int n = 0;
    char buf[64];
    for (uint32_t cp = 1; cp <= 0x10000; cp++) {
        int take = cp < 0x10000 && marked(p->drawn, cp) && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (take)
            codes[n++] = cp;
        if (n == 100 || (cp == 0x10000 && n > 0)) { /* bfchar blocks hold at most 100 */
            snprintf(buf, sizeof buf, "%d beginbfchar\n", n);
            HPDF_Stream_WriteStr(out, buf);
            for (int i = 0; i < n; i++) {
                snprintf(buf, sizeof buf, "<%04X> <%04X>\n", (unsigned)codes[i], (unsigned)codes[i]);
                HPDF_Stream_WriteStr(out, buf);
            }
            HPDF_Stream_WriteStr(out, "endbfchar\n");
            n = 0;
        }
    }
    HPDF_Stream_WriteStr(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return HPDF_Dict_Add(p->font, "ToUnicode", stream) == HPDF_OK;
}

int es_pdf_save(es_pdf *p, FILE *out)
{
    if (p->failed)
        return -1;
    if (!replace_to_unicode(p) || HPDF_SaveToStream(p->doc) != HPDF_OK || p->failed) {
        if (!p->failed)
            es_error_set(p->err, ES_ERR_IO, "", 0, "cannot build the PDF");
        return -1;
    }
    HPDF_ResetStream(p->doc);
    HPDF_BYTE buf[1 << 15];
    for (;;) {
        HPDF_UINT32 n = sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(p->doc, buf, &n);
        if (n > 0 && fwrite(buf, 1, n, out) != n) {
            es_error_set(p->err, ES_ERR_IO, "", 0, "cannot write the PDF");
            return -1;
        }
        if (st == HPDF_STREAM_EOF)
            break;
        if (st != HPDF_OK) {
            es_error_set(p->err, ES_ERR_IO, "", 0, "cannot write the PDF");
            return -1;
        }
    }
    return 0;
}
