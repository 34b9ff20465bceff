/* canvas.c - what every canvas back end shares (see canvas_internal.h). */
#include "canvas_internal.h"

#include <stdio.h>
#include <string.h>

void es_canvas_fit(const es_canvas *c, const char *s, double size, double width, char *out,
                   size_t cap)
{
    snprintf(out, cap, "%s", s ? s : "");
    if (c->ops->text_width(c->self, out, size) <= width)
        return;
    const char *ell = "…";
    size_t n = strlen(out);
    while (n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80);
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%.*s%s", (int)n, out, ell);
        if (c->ops->text_width(c->self, tmp, size) <= width || n == 0) {
            snprintf(out, cap, "%s", tmp);
            return;
        }
    }
}
