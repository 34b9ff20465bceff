/* locator.c - a locator as text (include/edustat/locator.h). */
#include "edustat/locator.h"

#include <stdio.h>

size_t es_locator_text(const es_locator *l, char *out, size_t cap)
{
    int n;
    if (l->sheet != NULL)
        n = snprintf(out, cap, "%s!%s", l->sheet, l->cell);
    else if (l->table > 0)
        n = snprintf(out, cap, "表%d第%d行第%d列", l->table, l->row, l->column);
    else if (l->paragraph > 0)
        n = snprintf(out, cap, "第%d段", l->paragraph);
    else if (l->page > 0)
        n = l->line > 0 ? snprintf(out, cap, "第%d页第%d行", l->page, l->line) : snprintf(out, cap, "第%d页", l->page);
    else
        n = snprintf(out, cap, "%s", "");
    return n < 0 ? 0 : (size_t)n;
}
