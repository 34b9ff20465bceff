/* svg.c - the SVG back end of the chart canvas (see svg_internal.h). */
#include "svg_internal.h"
#include "utf8_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void put(es_svg *s, const char *fmt, ...)
{
    if (s->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof small || es_growbuf_append(s->out, small, (size_t)n) != 0)
        s->failed = 1;
}

int es_html_escape(es_growbuf *out, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (text[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (es_growbuf_append(out, rep ? rep : text + i, rep ? strlen(rep) : 1) != 0)
            return -1;
    }
    return 0;
}

/* Coordinates: y from the top, two decimals. */
static double flip(const es_svg *s, double y)
{
    return s->height - y;
}

static void colour(char *buf, size_t cap, es_rgb c)
{
    snprintf(buf, cap, "#%02x%02x%02x", (int)lround(fmin(fmax(c.r, 0), 1) * 255),
             (int)lround(fmin(fmax(c.g, 0), 1) * 255), (int)lround(fmin(fmax(c.b, 0), 1) * 255));
}

static void svg_text(void *self, double x, double y, double size, double deg, const char *t)
{
    es_svg *s = self;
    if (t == NULL || *t == '\0' || s->failed)
        return;
    char fill[8];
    colour(fill, sizeof fill, s->fill);
    if (deg == 0)
        put(s, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" fill=\"%s\">", x, flip(s, y), size, fill);
    else
        put(s, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" fill=\"%s\" "
               "transform=\"rotate(%.2f %.2f %.2f)\">",
            x, flip(s, y), size, fill, -deg, x, flip(s, y));
    if (!s->failed && es_html_escape(s->out, t, strlen(t)) != 0)
        s->failed = 1;
    put(s, "</text>");
}

/* An estimate in em: the browser's font is not known here. */
static double svg_text_width(void *self, const char *t, double size)
{
    (void)self;
    if (t == NULL)
        return 0;
    const unsigned char *u = (const unsigned char *)t;
    size_t len = strlen(t), i = 0;
    double em = 0;
    while (i < len) {
        uint32_t cp;
        i += es_utf8_decode(u + i, len - i, &cp);
        if (cp == ' ' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == '\'' || cp == '|')
            em += 0.3;
        else if (cp < 0x80)
            em += 0.58;
        else if (cp < 0x1100 || cp == 0x2026)
            em += 0.6;
        else
            em += 1.0;
    }
    return em * size;
}

static void svg_fill_color(void *self, es_rgb c)
{
    ((es_svg *)self)->fill = c;
}

static void svg_stroke_color(void *self, es_rgb c)
{
    ((es_svg *)self)->stroke = c;
}

static void svg_rect(void *self, double x, double y, double w, double h, int fill, int stroke)
{
    es_svg *s = self;
    char f[8] = "none", k[8] = "none";
    if (fill)
        colour(f, sizeof f, s->fill);
    if (stroke || !fill)
        colour(k, sizeof k, s->stroke);
    put(s, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" stroke=\"%s\"/>", x,
        flip(s, y + h), w, h, f, k);
}

static void svg_polyline(void *self, const double *xy, size_t n, double width, int dashed)
{
    es_svg *s = self;
    if (n < 2)
        return;
    char k[8];
    colour(k, sizeof k, s->stroke);
    put(s, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.2f\"%s points=\"", k, width,
        dashed ? " stroke-dasharray=\"3 2\"" : "");
    for (size_t i = 0; i < n; i++)
        put(s, "%s%.2f,%.2f", i ? " " : "", xy[2 * i], flip(s, xy[2 * i + 1]));
    put(s, "\"/>");
}

static void svg_dot(void *self, double x, double y, double r)
{
    es_svg *s = self;
    char f[8];
    colour(f, sizeof f, s->fill);
    put(s, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"/>", x, flip(s, y), r, f);
}

static const es_canvas_ops svg_ops = {svg_text, svg_text_width, svg_fill_color, svg_stroke_color,
                                      svg_rect, svg_polyline, svg_dot};

es_canvas es_svg_canvas(es_svg *s)
{
    es_canvas c = {&svg_ops, s};
    return c;
}

int es_svg_begin(es_svg *s, es_growbuf *out, double w, double h, const char *title)
{
    memset(s, 0, sizeof *s);
    s->out = out;
    s->height = h;
    /* the unit label stands above the chart's area, as on the PDF page */
    put(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 %.2f %.2f %.2f\" role=\"img\">"
           "<title>", -ES_SVG_TOP, w, h + ES_SVG_TOP);
    if (!s->failed && title != NULL && es_html_escape(out, title, strlen(title)) != 0)
        s->failed = 1;
    put(s, "</title>");
    return s->failed ? -1 : 0;
}

int es_svg_end(es_svg *s)
{
    put(s, "</svg>");
    return s->failed ? -1 : 0;
}
