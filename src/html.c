/* html.c - HTML to text with provenance (see html_internal.h). */
#include "html_internal.h"
#include "growbuf_internal.h"
#include "utf8_internal.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct walker {
    const char *html;
    size_t html_len;
    es_growbuf out; /* the text */
    es_offmap *map;
    es_table_cell *cells;
    size_t n_cells, cap_cells;
    char *title_tag;
    char *h1;
    char *meta_title;  /* <meta name="ArticleTitle"> of government sites */
    char *meta_source; /* <meta name="ContentSource">: the publishing office */
    int pub_year;      /* <meta name="PubDate" content="2024-01-15 ..."> */
    int failed;
} walker;

/* <meta name="ArticleTitle" content="..."> and ContentSource, which many
 * government sites' article pages carry. */
static void read_meta(walker *w, const GumboNode *node)
{
    const GumboAttribute *name = gumbo_get_attribute(&node->v.element.attributes, "name");
    const GumboAttribute *content = gumbo_get_attribute(&node->v.element.attributes, "content");
    if (name == NULL || content == NULL || content->value[0] == '\0')
        return;
    if (strcasecmp(name->value, "PubDate") == 0 && w->pub_year == 0) {
        const char *v = content->value;
        int y = 0, k = 0;
        while (k < 4 && v[k] >= '0' && v[k] <= '9')
            y = y * 10 + (v[k++] - '0');
        w->pub_year = k == 4 ? y : 0;
        return;
    }
    char **slot = strcasecmp(name->value, "ArticleTitle") == 0    ? &w->meta_title
                  : strcasecmp(name->value, "ContentSource") == 0 ? &w->meta_source
                                                                   : NULL;
    if (slot == NULL || *slot != NULL)
        return;
    if ((*slot = strdup(content->value)) == NULL)
        w->failed = 1;
}

static int reserve(walker *w, size_t extra)
{
    if (es_growbuf_reserve(&w->out, extra) != 0) {
        w->failed = 1;
        return -1;
    }
    return 0;
}

static void anchor(walker *w, size_t src)
{
    if (es_offmap_add(w->map, w->out.len, src) != ES_OK)
        w->failed = 1;
}

/* A line break standing for a block boundary at source offset src. */
static void emit_break(walker *w, size_t src)
{
    if (w->out.len == 0 || w->out.data[w->out.len - 1] == '\n')
        return;
    if (reserve(w, 1) != 0)
        return;
    anchor(w, src);
    w->out.data[w->out.len++] = '\n';
}

/* Length of an entity reference at o (starting with '&'), or 0. */
static size_t entity_len(const char *o, size_t n)
{
    size_t i = 1;
    if (i < n && o[i] == '#') {
        i++;
        if (i < n && (o[i] == 'x' || o[i] == 'X'))
            i++;
        size_t digits = 0;
        while (i < n && ((o[i] >= '0' && o[i] <= '9') || (o[i] >= 'a' && o[i] <= 'f') ||
                         (o[i] >= 'A' && o[i] <= 'F'))) {
            i++;
            digits++;
        }
        if (digits == 0)
            return 0;
    } else {
        size_t letters = 0;
        while (i < n && i < 40 && ((o[i] >= 'a' && o[i] <= 'z') || (o[i] >= 'A' && o[i] <= 'Z') ||
                                   (o[i] >= '0' && o[i] <= '9'))) {
            i++;
            letters++;
        }
        if (letters == 0)
            return 0;
    }
    if (i < n && o[i] == ';')
        i++;
    return i;
}

/* At d[i]: a run of ASCII whitespace holding a line break, with text on
 * both sides within this node; its length, or 0. */
static size_t interior_break_run(const char *d, size_t dn, size_t i)
{
    if (i == 0 || !(d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        return 0;
    char before = d[i - 1];
    if (before == ' ' || before == '\t' || before == '\n' || before == '\r')
        return 0;
    size_t e = i;
    int has_break = 0;
    while (e < dn && (d[e] == ' ' || d[e] == '\t' || d[e] == '\n' || d[e] == '\r'))
        has_break |= d[e++] == '\n';
    return has_break && e < dn ? e - i : 0;
}

/* Copy a text node, walking its decoded and original forms side by side
 * so each character maps to where the source wrote it (an entity maps to
 * its '&'). */
static void emit_text(walker *w, const GumboText *t)
{
    const char *d = t->text;
    size_t dn = strlen(d);
    const char *o = t->original_text.data;
    size_t on = t->original_text.length;
    size_t base = (o != NULL && o >= w->html && o <= w->html + w->html_len) ? (size_t)(o - w->html)
                                                                            : t->start_pos.offset;
    if (o == NULL || base + on > w->html_len)
        on = 0;
    if (reserve(w, dn) != 0)
        return;
    size_t i = 0, j = 0;
    while (i < dn) {
        uint32_t cp;
        size_t k = es_utf8_decode((const unsigned char *)d + i, dn - i, &cp);
        /* A line break inside a paragraph's text is a space to a browser,
         * and nothing between Han characters (pages saved from Word wrap
         * their lines: 增至\n14.3万人). */
        size_t run = interior_break_run(d, dn, i);
        if (run > 0) {
            int keep_space = (unsigned char)d[i - 1] < 0x80 && (unsigned char)d[i + run] < 0x80;
            for (size_t r = 0; r < run; r++) {
                size_t adv = (j < on && o[j] == '\r' && d[i] == '\n' && j + 1 < on && o[j + 1] == '\n') ? 2 : 1;
                if (keep_space && r == 0) {
                    anchor(w, base + (j < on ? j : on));
                    w->out.data[w->out.len++] = ' ';
                }
                i++;
                j += adv;
            }
            continue;
        }
        size_t src = base + (j < on ? j : on);
        size_t adv = k;
        if (j < on && o[j] == '&') {
            size_t e = entity_len(o + j, on - j);
            /* A decoded '&' that was written literally stays literal. */
            if (e > 0 && !(cp == '&' && !(strncmp(o + j, "&amp", 4) == 0 || strncmp(o + j, "&#38", 4) == 0 ||
                                          strncasecmp(o + j, "&#x26", 5) == 0)))
                adv = e;
        } else if (j < on && o[j] == '\r' && cp == '\n') {
            adv = (j + 1 < on && o[j + 1] == '\n') ? 2 : 1;
        }
        anchor(w, src);
        memcpy(w->out.data + w->out.len, d + i, k);
        w->out.len += k;
        i += k;
        j += adv;
    }
}

static int is_skipped(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
        return 1;
    default:
        return 0;
    }
}

static int is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_HR: case GUMBO_TAG_FORM: case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
        return 1;
    default:
        return 0;
    }
}

/* All text below node, decoded, spaces trimmed (for titles and headers). */
static void collect_text(const GumboNode *node, char **buf, size_t *len, size_t *cap, int depth)
{
    if (depth > ES_MAX_HTML_DEPTH || *buf == NULL)
        return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
        size_t n = strlen(node->v.text.text);
        if (*len + n + 1 > *cap) {
            size_t c = (*cap + n + 1) * 2;
            char *p = realloc(*buf, c);
            if (p == NULL) {
                free(*buf);
                *buf = NULL;
                return;
            }
            *buf = p;
            *cap = c;
        }
        memcpy(*buf + *len, node->v.text.text, n);
        *len += n;
        (*buf)[*len] = '\0';
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_skipped(node->v.element.tag))
        return;
    const GumboVector *ch = &node->v.element.children;
    for (unsigned i = 0; i < ch->length; i++)
        collect_text(ch->data[i], buf, len, cap, depth + 1);
}

static char *text_of(const GumboNode *node)
{
    size_t cap = 64, len = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return NULL;
    buf[0] = '\0';
    collect_text(node, &buf, &len, &cap, 0);
    if (buf == NULL)
        return NULL;
    /* Trim ASCII and ideographic spaces and no-break spaces at both ends. */
    size_t s = 0, e = len;
    for (;;) {
        if (s < e && (buf[s] == ' ' || buf[s] == '\n' || buf[s] == '\t' || buf[s] == '\r'))
            s++;
        else if (e - s >= 3 && memcmp(buf + s, "\xE3\x80\x80", 3) == 0)
            s += 3;
        else if (e - s >= 2 && memcmp(buf + s, "\xC2\xA0", 2) == 0)
            s += 2;
        else
            break;
    }
    for (;;) {
        if (e > s && (buf[e - 1] == ' ' || buf[e - 1] == '\n' || buf[e - 1] == '\t' || buf[e - 1] == '\r'))
            e--;
        else if (e - s >= 3 && memcmp(buf + e - 3, "\xE3\x80\x80", 3) == 0)
            e -= 3;
        else if (e - s >= 2 && memcmp(buf + e - 2, "\xC2\xA0", 2) == 0)
            e -= 2;
        else
            break;
    }
    memmove(buf, buf + s, e - s);
    buf[e - s] = '\0';
    return buf;
}

static void walk(walker *w, const GumboNode *node, int depth);

static void walk_children(walker *w, const GumboNode *node, int depth)
{
    const GumboVector *ch = &node->v.element.children;
    for (unsigned i = 0; i < ch->length && !w->failed; i++)
        walk(w, ch->data[i], depth + 1);
}

static int is_cell(const GumboNode *n)
{
    return n->type == GUMBO_NODE_ELEMENT &&
           (n->v.element.tag == GUMBO_TAG_TD || n->v.element.tag == GUMBO_TAG_TH);
}

/* Rows of a table, looking through thead/tbody/tfoot: into rows (at most
 * max), or only counted when rows is NULL. */
static size_t table_rows(const GumboNode *table, const GumboNode **rows, size_t max)
{
    size_t n = 0;
    const GumboVector *ch = &table->v.element.children;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type != GUMBO_NODE_ELEMENT)
            continue;
        if (c->v.element.tag == GUMBO_TAG_TR) {
            if (n < max) {
                if (rows)
                    rows[n] = c;
                n++;
            }
        } else if (c->v.element.tag == GUMBO_TAG_THEAD || c->v.element.tag == GUMBO_TAG_TBODY ||
                   c->v.element.tag == GUMBO_TAG_TFOOT) {
            const GumboVector *rc = &c->v.element.children;
            for (unsigned j = 0; j < rc->length; j++) {
                const GumboNode *r = rc->data[j];
                if (r->type == GUMBO_NODE_ELEMENT && r->v.element.tag == GUMBO_TAG_TR && n < max) {
                    if (rows)
                        rows[n] = r;
                    n++;
                }
            }
        }
    }
    return n;
}

#define ES_MAX_TABLE_COLS 64

static void add_cell(walker *w, size_t start, size_t end, const char *header, const char *row_label)
{
    if (w->n_cells == w->cap_cells) {
        size_t cap = w->cap_cells ? w->cap_cells * 2 : 32;
        es_table_cell *p = realloc(w->cells, cap * sizeof *p);
        if (p == NULL) {
            w->failed = 1;
            return;
        }
        w->cells = p;
        w->cap_cells = cap;
    }
    es_table_cell *c = &w->cells[w->n_cells];
    c->start = start;
    c->end = end;
    c->header = strdup(header);
    c->row_label = strdup(row_label ? row_label : "");
    if (c->header == NULL || c->row_label == NULL) {
        free(c->header);
        free(c->row_label);
        w->failed = 1;
        return;
    }
    w->n_cells++;
}

/* A table: cells become lines; body cells remember their column header. */
static void walk_table(walker *w, const GumboNode *table, int depth)
{
    /* every row, however many (a district's bulletin may list thousands) */
    size_t n_rows = table_rows(table, NULL, SIZE_MAX);
    const GumboNode **rows = malloc((n_rows ? n_rows : 1) * sizeof *rows);
    char *headers[ES_MAX_TABLE_COLS] = {0};
    size_t n_headers = 0;
    if (rows == NULL) {
        w->failed = 1;
        return;
    }
    n_rows = table_rows(table, rows, n_rows);
    /* Header row: the first row holding a <th>, else the first row. */
    size_t header_row = 0;
    for (size_t r = 0; r < n_rows; r++) {
        const GumboVector *cs = &rows[r]->v.element.children;
        int has_th = 0;
        for (unsigned i = 0; i < cs->length; i++) {
            const GumboNode *c = cs->data[i];
            if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_TH)
                has_th = 1;
        }
        if (has_th) {
            header_row = r;
            break;
        }
    }
    if (n_rows > 0) {
        const GumboVector *cs = &rows[header_row]->v.element.children;
        for (unsigned i = 0; i < cs->length && n_headers < ES_MAX_TABLE_COLS; i++)
            if (is_cell(cs->data[i]))
                headers[n_headers++] = text_of(cs->data[i]);
    }
    /* Everything that is not a row (caption...) is walked as usual. */
    const GumboVector *ch = &table->v.element.children;
    for (unsigned i = 0; i < ch->length && !w->failed; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_ELEMENT &&
            (c->v.element.tag == GUMBO_TAG_TR || c->v.element.tag == GUMBO_TAG_THEAD ||
             c->v.element.tag == GUMBO_TAG_TBODY || c->v.element.tag == GUMBO_TAG_TFOOT))
            continue;
        walk(w, c, depth + 1);
    }
    for (size_t r = 0; r < n_rows && !w->failed; r++) {
        const GumboVector *cs = &rows[r]->v.element.children;
        char *row_label = NULL;
        size_t col = 0;
        emit_break(w, rows[r]->v.element.start_pos.offset);
        for (unsigned i = 0; i < cs->length && !w->failed; i++) {
            const GumboNode *c = cs->data[i];
            if (!is_cell(c)) {
                walk(w, c, depth + 1);
                continue;
            }
            if (col == 0)
                row_label = text_of(c);
            size_t start = w->out.len;
            walk_children(w, c, depth + 1);
            size_t end = w->out.len;
            if (r != header_row && col > 0 && col < n_headers && headers[col] != NULL && end > start)
                add_cell(w, start, end, headers[col], row_label);
            emit_break(w, c->v.element.end_pos.offset);
            col++;
        }
        free(row_label);
    }
    for (size_t i = 0; i < n_headers; i++)
        free(headers[i]);
    free(rows);
}

/* Below ES_MAX_HTML_DEPTH: the text of node's subtree with a line break
 * around each block, by a loop over a stack of our own. */
static void walk_deep(walker *w, const GumboNode *node)
{
    typedef struct frame {
        const GumboNode *node;
        unsigned next; /* next child to visit */
    } frame;
    size_t cap = 64, n = 0;
    frame *stack = malloc(cap * sizeof *stack);
    if (stack == NULL) {
        w->failed = 1;
        return;
    }
    stack[n++] = (frame){node, 0};
    while (n > 0 && !w->failed) {
        frame *f = &stack[n - 1];
        const GumboNode *cur = f->node;
        if (cur->type == GUMBO_NODE_TEXT || cur->type == GUMBO_NODE_WHITESPACE ||
            cur->type == GUMBO_NODE_CDATA) {
            emit_text(w, &cur->v.text);
            n--;
            continue;
        }
        if (cur->type != GUMBO_NODE_ELEMENT || is_skipped(cur->v.element.tag)) {
            n--;
            continue;
        }
        int block = is_block(cur->v.element.tag);
        const GumboVector *ch = &cur->v.element.children;
        if (f->next == 0 && block)
            emit_break(w, cur->v.element.start_pos.offset);
        if (f->next == ch->length) {
            if (block)
                emit_break(w, cur->v.element.end_pos.offset);
            n--;
            continue;
        }
        const GumboNode *child = ch->data[f->next++];
        if (n == cap) {
            frame *grown = realloc(stack, cap * 2 * sizeof *stack);
            if (grown == NULL) {
                w->failed = 1;
                break;
            }
            stack = grown;
            cap *= 2;
        }
        stack[n++] = (frame){child, 0};
    }
    free(stack);
}

static void walk(walker *w, const GumboNode *node, int depth)
{
    if (w->failed)
        return;
    if (depth > ES_MAX_HTML_DEPTH) {
        walk_deep(w, node);
        return;
    }
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
        for (unsigned i = 0; i < node->v.document.children.length; i++)
            walk(w, node->v.document.children.data[i], depth + 1);
        return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        emit_text(w, &node->v.text);
        return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        break;
    default:
        return; /* comments */
    }
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TITLE && w->title_tag == NULL) {
        w->title_tag = text_of(node);
        return;
    }
    if (tag == GUMBO_TAG_HEAD) {
        /* Only the title matters in the head. */
        const GumboVector *ch = &node->v.element.children;
        for (unsigned i = 0; i < ch->length; i++) {
            const GumboNode *c = ch->data[i];
            if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_TITLE &&
                w->title_tag == NULL)
                w->title_tag = text_of(c);
            if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_META)
                read_meta(w, c);
        }
        return;
    }
    if (is_skipped(tag))
        return;
    if (tag == GUMBO_TAG_H1 && w->h1 == NULL)
        w->h1 = text_of(node);
    if (tag == GUMBO_TAG_META)
        read_meta(w, node);
    int block = is_block(tag);
    if (block)
        emit_break(w, node->v.element.start_pos.offset);
    if (tag == GUMBO_TAG_TABLE)
        walk_table(w, node, depth);
    else
        walk_children(w, node, depth);
    if (block)
        emit_break(w, node->v.element.end_pos.offset);
}

/* A page that opens with a comment still names <html> soon after. */
static int mentions_html_tag(const char *t, size_t n)
{
    if (n > 2048)
        n = 2048;
    for (size_t i = 0; i + 5 <= n; i++)
        if (t[i] == '<' && strncasecmp(t + i, "<html", 5) == 0)
            return 1;
    return 0;
}

bool es_html_detect(const char *path, const char *text, size_t len)
{
    if (path != NULL) {
        const char *dot = strrchr(path, '.');
        if (dot != NULL && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
                            strcasecmp(dot, ".xhtml") == 0))
            return true;
    }
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<!--"};
    for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
        size_t n = strlen(starts[k]);
        if (len - i >= n && strncasecmp(text + i, starts[k], n) == 0)
            return k < 5 || mentions_html_tag(text + i, len - i);
    }
    return false;
}

/* Elements HTML closes by itself or that hold nothing: they do not nest. */
static int never_nests(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_LI: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_OPTION: case GUMBO_TAG_BR:
    case GUMBO_TAG_IMG: case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HR: case GUMBO_TAG_COL: case GUMBO_TAG_AREA: case GUMBO_TAG_BASE:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
        return 1;
    default:
        return 0;
    }
}

/* Where the end tag of a raw-text element (script, style, textarea: its
 * content is not markup) named h[s..e) starts, searching from `from`; len
 * when there is none. */
static size_t raw_text_end(const char *h, size_t len, size_t from, size_t s, size_t e)
{
    size_t n = e - s;
    for (size_t j = from; j + 2 + n <= len; j++)
        if (h[j] == '<' && h[j + 1] == '/' && strncasecmp(h + j + 2, h + s, n) == 0)
            return j;
    return len;
}

/* How deep the page nests, counted from its tags before parsing: an opening
 * tag goes one deeper, a closing tag one back. Comments and the content of
 * script, style and textarea are not counted. Stops counting once past
 * limit. */
static size_t nesting_depth(const char *h, size_t len, size_t limit)
{
    size_t depth = 0, deepest = 0;
    for (size_t i = 0; i < len && deepest <= limit; i++) {
        if (h[i] != '<' || i + 1 >= len)
            continue;
        if (len - i >= 4 && memcmp(h + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(h + j, "-->", 3) != 0)
                j++;
            i = j + 2;
            continue;
        }
        int closing = h[i + 1] == '/';
        size_t s = i + 1 + closing, e = s;
        while (e < len && (isalnum((unsigned char)h[e]) || h[e] == '-' || h[e] == ':'))
            e++;
        if (e == s || !isalpha((unsigned char)h[s]))
            continue;
        size_t gt = e;
        while (gt < len && h[gt] != '>')
            gt++;
        if (gt == len)
            break;
        GumboTag tag = gumbo_tagn_enum(h + s, (unsigned)(e - s));
        i = gt;
        if (never_nests(tag) || (!closing && h[gt - 1] == '/'))
            continue;
        if (closing) {
            depth -= depth > 0;
            continue;
        }
        if (++depth > deepest)
            deepest = depth;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEXTAREA)
            i = raw_text_end(h, len, gt + 1, s, e) - 1; /* the loop steps onto its end tag */
    }
    return deepest;
}

es_status es_html_to_text(const char *html, size_t len, es_html_text *out)
{
    memset(out, 0, sizeof *out);
    if (nesting_depth(html, len, ES_MAX_HTML_NESTING) > ES_MAX_HTML_NESTING)
        return ES_ERR_LIMIT;
    walker w = {0};
    w.html = html;
    w.html_len = len;
    w.map = &out->map;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; /* we never read the error list */
    GumboOutput *g = gumbo_parse_with_options(&opts, html, len);
    if (g == NULL)
        return ES_ERR_NOMEM;
    walk(&w, g->document, 0);
    gumbo_destroy_output(&opts, g);
    if (!w.failed && reserve(&w, 1) == 0) {
        anchor(&w, len);
        w.out.data[w.out.len] = '\0';
    }
    if (w.failed) {
        free(w.out.data);
        for (size_t i = 0; i < w.n_cells; i++) {
            free(w.cells[i].header);
            free(w.cells[i].row_label);
        }
        free(w.cells);
        free(w.title_tag);
        free(w.h1);
        free(w.meta_title);
        free(w.meta_source);
        es_offmap_free(&out->map);
        return ES_ERR_NOMEM;
    }
    out->text = w.out.data;
    out->len = w.out.len;
    out->cells = w.cells;
    out->n_cells = w.n_cells;
    /* The article's title (its <meta name="ArticleTitle">, else the page's
     * own heading) names the document better than <title>, which usually
     * carries the site's name too. */
    if (w.meta_title != NULL) {
        out->title = w.meta_title;
        free(w.h1);
        free(w.title_tag);
    } else if (w.h1 != NULL && w.h1[0] != '\0') {
        out->title = w.h1;
        free(w.title_tag);
    } else {
        out->title = w.title_tag;
        free(w.h1);
    }
    out->publisher = w.meta_source;
    out->year = w.pub_year;
    return ES_OK;
}

void es_html_text_free(es_html_text *h)
{
    if (h == NULL)
        return;
    free(h->text);
    free(h->title);
    free(h->publisher);
    for (size_t i = 0; i < h->n_cells; i++) {
        free(h->cells[i].header);
        free(h->cells[i].row_label);
    }
    free(h->cells);
    es_offmap_free(&h->map);
    memset(h, 0, sizeof *h);
}
