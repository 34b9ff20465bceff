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

/* Values clustered far from zero: the spread is under a fifth of the
 * largest, so bars from zero would all look alike (98.3 and 99.3). */
static int clustered(const es_bar *bars, size_t n)
{
    if (n < 2)
        return 0;
    double vmin = INFINITY, vmax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        vmin = fmin(vmin, bars[i].value);
        vmax = fmax(vmax, bars[i].value);
    }
    return vmin > 0 && vmax > vmin && vmax - vmin < 0.2 * vmax;
}

es_bar_layout es_bars_layout(const es_bar *bars, size_t n)
{
    if (clustered(bars, n))
        return ES_BARS_DOTS;
    return n > ES_BARS_MAX_VERTICAL ? ES_BARS_HORIZONTAL : ES_BARS_VERTICAL;
}

#define ROW_H 13.0 /* one district of a horizontal chart */

double es_bars_height(es_bar_layout layout, size_t n)
{
    if (layout == ES_BARS_VERTICAL)
        return 200;
    return 44 + ROW_H * (double)(n ? n : 1) + (layout == ES_BARS_DOTS ? 10 : 0);
}

static void bars_vertical(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars,
                          size_t n, double divisor, const char *unit_label)
{
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
    char cut[256];
    double widest_value = 0;
    for (size_t i = 0; i < n; i++)
        widest_value = fmax(widest_value, width_of(c, bars[i].text, VALUE_SIZE));
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
        const char *lab = bars[i].text;
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

/* One row per district, best at the top, labels level on the left and
 * values at the end of each bar; as dots on an axis that need not start at
 * zero (dots = 1), with the truncation drawn and said under the axis. */
static void bars_across(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars,
                        size_t n, int dots, double divisor, const char *unit_label)
{
    double vmin = INFINITY, vmax = -INFINITY, label_w = 0, widest_value = 0;
    for (size_t i = 0; i < n; i++) {
        vmin = fmin(vmin, bars[i].value);
        vmax = fmax(vmax, bars[i].value);
        label_w = fmax(label_w, width_of(c, bars[i].label, LABEL_SIZE));
        widest_value = fmax(widest_value, width_of(c, bars[i].text, VALUE_SIZE));
    }
    label_w = fmin(label_w, LABEL_MAX);
    double lo, hi, step;
    if (dots) {
        es_nice_ticks(vmin, vmax, 5, &lo, &hi, &step);
        if (lo >= vmin) /* a dot on the axis line would hide */
            lo -= step;
    } else {
        es_nice_ticks(fmin(vmin, 0), fmax(vmax, 0), 5, &lo, &hi, &step);
    }
    double note_h = dots ? 10 : 0;
    double axis_y = y + note_h + TICK_SIZE + 6; /* the axis line; tick labels under it */
    double top = y + h - 14;                    /* below the unit label */
    double row_h = (top - axis_y) / n;
    double x0 = x + label_w + 6 + (!dots && vmin < 0 ? widest_value + 6 : 0);
    double x1 = x + w - widest_value - 6;
    if (x1 <= x0 + 10)
        x1 = x0 + 10;
    double scale = (x1 - x0) / (hi - lo);
    char lab[48], cut[256];
    /* vertical gridlines with tick labels under the axis */
    double first = ceil(lo / step - 1e-9) * step;
    double span = (hi - first) / step + 1e-9;
    int n_ticks = isfinite(span) && span >= 0 ? (int)fmin(floor(span) + 1, MAX_TICKS) : 0;
    for (int i = 0; i < n_ticks; i++) {
        double v = first + i * step;
        double xx = x0 + (v - lo) * scale;
        stroke(c, grid);
        es_canvas_line(c, xx, axis_y, xx, top, 0.4);
        es_format_number(fabs(v) < step * 1e-9 ? 0 : v / divisor, 2, lab, sizeof lab);
        fill(c, ink);
        text(c, xx - width_of(c, lab, TICK_SIZE) / 2, axis_y - TICK_SIZE - 3, TICK_SIZE, lab);
    }
    if (unit_label && *unit_label) {
        char u[64];
        snprintf(u, sizeof u, "单位：%s", unit_label);
        text(c, x, top + 5, TICK_SIZE, u);
    }
    stroke(c, axis);
    es_canvas_line(c, x0, axis_y, x1, axis_y, 0.6);
    double zero = x0 + (0 - lo) * scale;
    for (size_t i = 0; i < n; i++) {
        double cy = top - row_h * (i + 0.5);
        double end = x0 + (bars[i].value - lo) * scale;
        es_canvas_fit(c, bars[i].label, LABEL_SIZE, label_w, cut, sizeof cut);
        fill(c, ink);
        text(c, x + label_w - width_of(c, cut, LABEL_SIZE), cy - LABEL_SIZE / 3, LABEL_SIZE, cut);
        double lw = width_of(c, bars[i].text, VALUE_SIZE);
        if (dots) {
            stroke(c, grid);
            es_canvas_line(c, x0, cy, end, cy, 0.6);
            fill(c, es_palette(0));
            c->ops->dot(c->self, end, cy, 3.0);
            fill(c, ink);
            text(c, end + 6, cy - VALUE_SIZE / 3, VALUE_SIZE, bars[i].text);
            continue;
        }
        double bh = fmin(row_h * 0.7, 14);
        fill(c, es_palette(0));
        if (fabs(end - zero) > 0.01)
            c->ops->rect(c->self, fmin(zero, end), cy - bh / 2, fabs(end - zero), bh, 1, 0);
        fill(c, ink);
        double lx = bars[i].value >= 0 ? end + 3 : end - 3 - lw;
        text(c, lx, cy - VALUE_SIZE / 3, VALUE_SIZE, bars[i].text);
    }
    stroke(c, axis);
    if (!dots) {
        es_canvas_line(c, zero, axis_y, zero, top, 0.8);
        return;
    }
    /* the break in the axis at its start, and the words for it */
    es_canvas_line(c, x0 - 3, axis_y - 4, x0 + 1, axis_y + 4, 0.8);
    es_canvas_line(c, x0 + 1, axis_y - 4, x0 + 5, axis_y + 4, 0.8);
    es_format_number(lo / divisor, 2, lab, sizeof lab);
    char words[160];
    snprintf(words, sizeof words, "注：数值相近，横轴从 %s 起，未从零开始。", lab);
    fill(c, ink);
    text(c, x0, y, TICK_SIZE, words);
}

void es_chart_bars(const es_canvas *c, double x, double y, double w, double h, const es_bar *bars, size_t n,
                   es_bar_layout layout, double divisor, const char *unit_label)
{
    if (n == 0)
        return;
    if (layout == ES_BARS_VERTICAL)
        bars_vertical(c, x, y, w, h, bars, n, divisor, unit_label);
    else
        bars_across(c, x, y, w, h, bars, n, layout == ES_BARS_DOTS, divisor, unit_label);
}

static const es_rgb muted_grey = {0.75, 0.75, 0.75};

/* Markers are hollow, so a line under another still shows through; the
 * first 8 colours are squares, the next 8 circles. */
static void marker(const es_canvas *c, size_t i, es_rgb col, double x, double y)
{
    double r = 2.4;
    stroke(c, col);
    if (i / 8 % 2 == 0) {
        fill(c, (es_rgb){1, 1, 1});
        c->ops->rect(c->self, x - r, y - r, 2 * r, 2 * r, 1, 1);
    } else {
        fill(c, col);
        c->ops->dot(c->self, x, y, r + 0.4);
        fill(c, (es_rgb){1, 1, 1});
        c->ops->dot(c->self, x, y, r - 0.9);
    }
}

/* The legend's entries: each shown series, then the muted ones as one. */
typedef struct legend_entry {
    char words[256];
    int muted;
    size_t colour;
} legend_entry;

static size_t legend_entries(const es_canvas *c, const es_series *series, size_t n, double w,
                             legend_entry *out)
{
    size_t k = 0, colour = 0, n_muted = 0;
    for (size_t i = 0; i < n; i++) {
        if (series[i].muted) {
            n_muted++;
            continue;
        }
        if (series[i].hidden)
            continue;
        es_canvas_fit(c, series[i].legend ? series[i].legend : series[i].name, LABEL_SIZE, w - 26,
                      out[k].words, sizeof out[k].words);
        out[k].muted = 0;
        out[k].colour = colour++;
        k++;
    }
    if (n_muted > 0) {
        snprintf(out[k].words, sizeof out[k].words, "其余%zu个区县", n_muted);
        out[k].muted = 1;
        out[k].colour = 0;
        k++;
    }
    return k;
}

static double legend_height(const es_canvas *c, const legend_entry *e, size_t k, double w)
{
    if (k < 2)
        return 0;
    double lx = 0, rows = 1;
    for (size_t i = 0; i < k; i++) {
        double ew = fmin(16 + width_of(c, e[i].words, LABEL_SIZE) + 10, w);
        if (lx + ew > w) {
            rows++;
            lx = 0;
        }
        lx += ew;
    }
    return rows * 11 + 4;
}

double es_chart_lines(const es_canvas *c, double x, double y, double w, double h, const es_series *series,
                      size_t n, double divisor, const char *unit_label)
{
    if (n == 0)
        return 0;
    legend_entry *entries = malloc((n + 1) * sizeof *entries);
    if (entries == NULL)
        return 0;
    size_t n_entries = legend_entries(c, series, n, w, entries);
    /* Legend first, to know its height: swatch and name, flowing in rows. */
    double legend_h = legend_height(c, entries, n_entries, w);
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
    if (!isfinite(vmin)) {
        free(entries);
        return legend_h;
    }
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
    int gaps = 0;
    /* muted lines first, under the coloured ones */
    for (int pass = 0; pass < 2; pass++) {
        size_t colour = 0;
        for (size_t i = 0; i < n; i++) {
            const es_series *se = &series[i];
            if (se->hidden || se->muted != (pass == 0))
                continue;
            es_rgb col = se->muted ? muted_grey : es_palette(colour);
            stroke(c, col);
            /* runs of consecutive years drawn as one line; across a year
             * without data, dashed: the line does not claim that year */
            double width = se->muted ? 0.7 : 1.4;
            int dashed_style = !se->muted && colour >= 8;
            for (size_t k = 0; k + 1 < se->n;) {
                size_t e = k + 1;
                while (e < se->n && se->years[e] - se->years[e - 1] == 1)
                    e++;
                double xy[2 * 64];
                size_t m = 0;
                for (size_t q = k; q < e; q++) {
                    if (m == 64) { /* a long run: in pieces */
                        c->ops->polyline(c->self, xy, m, width, dashed_style);
                        xy[0] = xy[2 * (m - 1)];
                        xy[1] = xy[2 * (m - 1) + 1];
                        m = 1;
                    }
                    xy[2 * m] = px + (se->years[q] - ymin) / span * pw;
                    xy[2 * m + 1] = py + (se->values[q] - lo) / (hi - lo) * ph;
                    m++;
                }
                if (m > 1)
                    c->ops->polyline(c->self, xy, m, width, dashed_style);
                if (e < se->n) { /* the gap to the next run */
                    double gap[4] = {px + (se->years[e - 1] - ymin) / span * pw,
                                     py + (se->values[e - 1] - lo) / (hi - lo) * ph,
                                     px + (se->years[e] - ymin) / span * pw,
                                     py + (se->values[e] - lo) / (hi - lo) * ph};
                    c->ops->polyline(c->self, gap, 2, width, 1);
                    gaps = 1;
                }
                k = e; /* the next run starts after the gap */
            }
            if (!se->muted || se->n == 1) /* a lone point needs its mark to show */
                for (size_t k = 0; k < se->n; k++)
                    marker(c, colour, col, px + (se->years[k] - ymin) / span * pw,
                           py + (se->values[k] - lo) / (hi - lo) * ph);
            colour += !se->muted;
        }
    }
    if (n_entries > 1) {
        double lx = x, ly = y + legend_h - 10;
        for (size_t i = 0; i < n_entries; i++) {
            const legend_entry *e = &entries[i];
            double ew = 16 + width_of(c, e->words, LABEL_SIZE) + 10;
            if (lx + ew > x + w) {
                lx = x;
                ly -= 11;
            }
            es_rgb col = e->muted ? muted_grey : es_palette(e->colour);
            stroke(c, col);
            double swatch[4] = {lx, ly + 3, lx + 12, ly + 3};
            c->ops->polyline(c->self, swatch, 2, e->muted ? 0.7 : 1.4, !e->muted && e->colour >= 8);
            if (!e->muted)
                marker(c, e->colour, col, lx + 6, ly + 3);
            fill(c, ink);
            text(c, lx + 16, ly, LABEL_SIZE, e->words);
            lx += ew;
        }
    }
    fill(c, ink);
    if (gaps) { /* said once, over the plot's top right */
        const char *words = "虚线：其间年份无数据";
        text(c, x + w - width_of(c, words, TICK_SIZE), py + ph + 4, TICK_SIZE, words);
    }
    free(entries);
    return legend_h;
}
