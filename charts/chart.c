/* chart.c - bar and line charts (see charts_internal.h). */
#include "charts_internal.h"
#include "ticks_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TICK_SIZE 7.0
#define LABEL_SIZE 7.5
#define VALUE_SIZE 7.0
#define LABEL_MAX 72.0 /* longest category label, points */

static const es_rgb palette[] = {
    {0.000, 0.447, 0.698}, /* blue */
    {0.902, 0.624, 0.000}, /* orange */
    {0.000, 0.620, 0.451}, /* bluish green */
    {0.800, 0.475, 0.655}, /* reddish purple */
    {0.337, 0.706, 0.914}, /* sky blue */
    {0.835, 0.369, 0.000}, /* vermillion */
    {0.941, 0.894, 0.259}, /* yellow */
    {0.000, 0.000, 0.000}, /* black */
};

es_rgb es_palette(size_t i)
{
    return palette[i % (sizeof palette / sizeof palette[0])];
}

/* Short names for the canvas's operations. */
static void text(const es_canvas *c, double x, double y, double size, const char *s)
{
    c->ops->text(c->self, x, y, size, 0, s);
}

static void text_turned(const es_canvas *c, double x, double y, double size, double deg, const char *s)
{
    c->ops->text(c->self, x, y, size, deg, s);
}

static double width_of(const es_canvas *c, const char *s, double size)
{
    return c->ops->text_width(c->self, s, size);
}

static void fill(const es_canvas *c, es_rgb rgb)
{
    c->ops->fill_color(c->self, rgb);
}

static void stroke(const es_canvas *c, es_rgb rgb)
{
    c->ops->stroke_color(c->self, rgb);
}

static const es_rgb grid = {0.85, 0.85, 0.85};
static const es_rgb axis = {0.3, 0.3, 0.3};
static const es_rgb ink = {0.1, 0.1, 0.1};

/* Y axis with ticks, labels and gridlines over [lo, hi]; returns the
 * width taken by the labels. */
/* The most ticks an axis is given, whatever its range. */
#define MAX_TICKS 24

static double y_axis(const es_canvas *c, double x, double y, double w, double h, double lo, double hi,
                     double step, double divisor, const char *unit_label)
{
    char lab[48];
    double label_w = 0;
    /* ticks at the multiples of step inside [lo, hi], counted, never more
     * than MAX_TICKS: at 1e308 adding step to v changes nothing, and an
     * infinite range has no end */
    double first = ceil(lo / step - 1e-9) * step;
    double span = (hi - first) / step + 1e-9;
    int n_ticks = isfinite(span) && span >= 0 ? (int)fmin(floor(span) + 1, MAX_TICKS) : 0;
    for (int i = 0; i < n_ticks; i++) {
        es_format_number((first + i * step) / divisor, 2, lab, sizeof lab);
        label_w = fmax(label_w, width_of(c, lab, TICK_SIZE));
    }
    double ax = x + label_w + 4;
    stroke(c, grid);
    fill(c, ink);
    for (int i = 0; i < n_ticks; i++) {
        double v = first + i * step;
        double yy = y + (v - lo) / (hi - lo) * h;
        es_canvas_line(c, ax, yy, x + w, yy, 0.4);
        es_format_number(fabs(v) < step * 1e-9 ? 0 : v / divisor, 2, lab, sizeof lab);
        text(c, ax - 3 - width_of(c, lab, TICK_SIZE), yy - TICK_SIZE / 3, TICK_SIZE, lab);
    }
    if (unit_label && *unit_label) {
        char u[64];
        snprintf(u, sizeof u, "单位：%s", unit_label);
        text(c, x, y + h + 9, TICK_SIZE, u);
    }
    stroke(c, axis);
    es_canvas_line(c, ax, y, ax, y + h, 0.6);
    return label_w + 4;
}

void es_chart_bars(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars, size_t n,
                   double divisor, const char *unit_label)
{
    if (n == 0)
        return;
    double vmin = 0, vmax = 0, widest = 0;
    for (size_t i = 0; i < n; i++) {
        vmin = fmin(vmin, bars[i].value);
        vmax = fmax(vmax, bars[i].value);
        widest = fmax(widest, width_of(c, bars[i].label, LABEL_SIZE));
    }
    /* Category labels: level if they fit their slot, else at 45 degrees. */
    double plot_w_guess = w - 40;
    double slot = plot_w_guess / n;
    int rotate = widest > slot - 2;
    double label_h = rotate ? fmin(widest, LABEL_MAX) * 0.72 + 10 : LABEL_SIZE + 6;
    /* Value labels stand on the bars: level when they fit the slot, else
     * upright, which needs the longest label's length as headroom. */
    char lab[64], cut[256];
    double widest_value = 0;
    for (size_t i = 0; i < n; i++) {
        es_format_number(bars[i].value / divisor, 2, lab, sizeof lab);
        widest_value = fmax(widest_value, width_of(c, lab, VALUE_SIZE));
    }
    double room = widest_value <= slot - 1 ? VALUE_SIZE + 4 : widest_value + 5;
    double py = y + label_h, ph = h - label_h - 10;
    double lo, hi, step;
    es_nice_ticks(vmin, vmax, 5, &lo, &hi, &step);
    if (lo > 0)
        lo = 0; /* bars start at zero */
    /* Stretch the axis so value labels fit above the highest bar and
     * below the lowest negative one. */
    for (int round = 0; round < 4; round++) {
        double scale = ph / (hi - lo);
        if ((hi - vmax) * scale < room)
            hi = vmax + room / scale;
        if (vmin < 0 && (vmin - lo) * scale < room)
            lo = vmin - room / scale;
    }
    double axis_w = y_axis(c, x, py, w, ph, lo, hi, step, divisor, unit_label);
    double px = x + axis_w, pw = w - axis_w;
    slot = pw / n;
    double bw = fmin(slot * 0.7, 36);
    double zero = py + (0 - lo) / (hi - lo) * ph;
    for (size_t i = 0; i < n; i++) {
        double cx = px + slot * (i + 0.5);
        double top = py + (bars[i].value - lo) / (hi - lo) * ph;
        fill(c, es_palette(0));
        if (isfinite(bars[i].value) && fabs(top - zero) > 0.01)
            c->ops->rect(c->self, cx - bw / 2, fmin(zero, top), bw, fabs(top - zero), 1, 0);
        /* value label: above a positive bar, below a negative one */
        fill(c, ink);
        es_format_number(bars[i].value / divisor, 2, lab, sizeof lab);
        double lw = width_of(c, lab, VALUE_SIZE);
        if (lw <= slot - 1) {
            double ly = bars[i].value >= 0 ? top + 2 : top - VALUE_SIZE - 1;
            text(c, cx - lw / 2, ly, VALUE_SIZE, lab);
        } else if (bars[i].value >= 0) {
            text_turned(c, cx + VALUE_SIZE / 3, top + 2, VALUE_SIZE, 90, lab);
        } else {
            text_turned(c, cx + VALUE_SIZE / 3, top - 2 - lw, VALUE_SIZE, 90, lab);
        }
        /* category label */
        if (rotate) {
            es_canvas_fit(c, bars[i].label, LABEL_SIZE, LABEL_MAX, cut, sizeof cut);
            double cw = width_of(c, cut, LABEL_SIZE);
            double d = cw * 0.7071; /* end the text under the bar */
            text_turned(c, cx - d + 2, py - 4 - d, LABEL_SIZE, 45, cut);
        } else {
            es_canvas_fit(c, bars[i].label, LABEL_SIZE, slot - 2, cut, sizeof cut);
            text(c, cx - width_of(c, cut, LABEL_SIZE) / 2, py - LABEL_SIZE - 3, LABEL_SIZE, cut);
        }
    }
    stroke(c, axis);
    es_canvas_line(c, px, zero, px + pw, zero, 0.8);
}

static void marker(const es_canvas *c, size_t i, double x, double y)
{
    double r = 2.2;
    if (i / 8 % 2 == 0)
        c->ops->rect(c->self, x - r, y - r, 2 * r, 2 * r, 1, 0);
    else
        c->ops->dot(c->self, x, y, r);
}

double es_chart_lines(const es_canvas *c, double x, double y, double w, double h, const es_series *series,
                      size_t n, double divisor, const char *unit_label)
{
    if (n == 0)
        return 0;
    /* Legend first, to know its height: swatch and name, flowing in rows. */
    double legend_h = 0;
    if (n > 1) {
        double lx = 0, rows = 1;
        for (size_t i = 0; i < n; i++) {
            double ew = 16 + width_of(c, series[i].name, LABEL_SIZE) + 10;
            if (ew > w)
                ew = w;
            if (lx + ew > w) {
                rows++;
                lx = 0;
            }
            lx += ew;
        }
        legend_h = rows * 11 + 4;
    }
    double py = y + legend_h + LABEL_SIZE + 8, ph = h - (py - y) - 10;
    int ymin = 0, ymax = 0;
    double vmin = INFINITY, vmax = -INFINITY;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < series[i].n; k++) {
            if (ymin == 0 || series[i].years[k] < ymin)
                ymin = series[i].years[k];
            if (series[i].years[k] > ymax)
                ymax = series[i].years[k];
            vmin = fmin(vmin, series[i].values[k]);
            vmax = fmax(vmax, series[i].values[k]);
        }
    if (!isfinite(vmin))
        return legend_h;
    double lo, hi, step;
    if (vmin >= 0 && vmin < (vmax - vmin)) /* near zero: show zero */
        vmin = 0;
    es_nice_ticks(vmin, vmax, 5, &lo, &hi, &step);
    double axis_w = y_axis(c, x, py, w, ph, lo, hi, step, divisor, unit_label);
    double px = x + axis_w + 12, pw = w - axis_w - 24;
    double span = ymax > ymin ? ymax - ymin : 1;
    char lab[16];
    fill(c, ink);
    /* every k-th year when all of them would not fit side by side */
    double year_w = width_of(c, "2024", LABEL_SIZE) + 6;
    int every = (int)ceil((span + 1) * year_w / fmax(pw, 1));
    if (every < 1)
        every = 1;
    for (int yr = ymin; yr <= ymax; yr++) {
        if ((yr - ymin) % every != 0 && yr != ymax)
            continue;
        if (yr == ymax && (yr - ymin) % every != 0 && (yr - ymin) % every < every / 2 + 1 && every > 1)
            continue; /* the last year would touch the previous label */
        double xx = px + (yr - ymin) / span * pw;
        snprintf(lab, sizeof lab, "%d", yr);
        text(c, xx - width_of(c, lab, LABEL_SIZE) / 2, py - LABEL_SIZE - 4, LABEL_SIZE, lab);
    }
    stroke(c, axis);
    es_canvas_line(c, px - 12, py, px + pw + 12, py, 0.6);
    for (size_t i = 0; i < n; i++) {
        es_rgb col = es_palette(i);
        stroke(c, col);
        fill(c, col);
        /* the path, in a scratch array of points when there is more than one */
        if (series[i].n > 1) {
            double *xy = malloc(2 * series[i].n * sizeof *xy);
            if (xy != NULL) {
                for (size_t k = 0; k < series[i].n; k++) {
                    xy[2 * k] = px + (series[i].years[k] - ymin) / span * pw;
                    xy[2 * k + 1] = py + (series[i].values[k] - lo) / (hi - lo) * ph;
                }
                c->ops->polyline(c->self, xy, series[i].n, 1.4, i >= 8);
                free(xy);
            }
        }
        for (size_t k = 0; k < series[i].n; k++)
            marker(c, i, px + (series[i].years[k] - ymin) / span * pw,
                   py + (series[i].values[k] - lo) / (hi - lo) * ph);
    }
    if (n > 1) {
        double lx = x, ly = y + legend_h - 10;
        char cut[256];
        for (size_t i = 0; i < n; i++) {
            es_canvas_fit(c, series[i].name, LABEL_SIZE, w - 26, cut, sizeof cut);
            double ew = 16 + width_of(c, cut, LABEL_SIZE) + 10;
            if (lx + ew > x + w) {
                lx = x;
                ly -= 11;
            }
            es_rgb col = es_palette(i);
            stroke(c, col);
            fill(c, col);
            double swatch[4] = {lx, ly + 3, lx + 12, ly + 3};
            c->ops->polyline(c->self, swatch, 2, 1.4, i >= 8);
            marker(c, i, lx + 6, ly + 3);
            fill(c, ink);
            text(c, lx + 16, ly, LABEL_SIZE, cut);
            lx += ew;
        }
    }
    fill(c, ink);
    return legend_h;
}
