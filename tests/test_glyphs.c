/* test_glyphs.c - glyphs really render: a grid of the 500 most common
 * Chinese characters and the digits, drawn in the briefing font through
 * libharu, rendered by poppler (pdftoppm), each cell's ink compared with
 * the same glyph rendered directly by FreeType at the same size. A glyph
 * libharu dropped or drew partly (海 drawn as 每) has far less ink.
 * pdftotext would not notice: it reads the text, not the drawing. */
#include "test_util.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edustat/briefing.h"
#include "utf8_internal.h"

#define COLS 20
#define SIZE 20.0 /* points; at 72 dpi also pixels */
#define CELL 26.0
#define MARGIN 40.0

static const char common_chars[] =
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切育局县街镇村督评估考核验招聘训练助费投幼园初职普率均衡质优秀格标毕巩固" "0123456789";

typedef struct gray {
    int w, h;
    unsigned char *px;
} gray;

static int read_pgm(const char *path, gray *g)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    int maxval;
    if (fscanf(f, "P5 %d %d %d", &g->w, &g->h, &maxval) != 3 || maxval != 255) {
        fclose(f);
        return -1;
    }
    fgetc(f); /* the single whitespace after the header */
    g->px = malloc((size_t)g->w * g->h);
    size_t got = g->px ? fread(g->px, 1, (size_t)g->w * g->h, f) : 0;
    fclose(f);
    return got == (size_t)g->w * g->h ? 0 : -1;
}

static double cell_ink(const gray *g, int x0, int y0, int size)
{
    double ink = 0;
    for (int y = y0; y < y0 + size && y < g->h; y++)
        for (int x = x0; x < x0 + size && x < g->w; x++)
            ink += (255 - g->px[(size_t)y * g->w + x]) / 255.0;
    return ink;
}

static void glyphs_render_as_freetype_draws_them(void **state)
{
    (void)state;
    if (system("command -v pdftoppm >/dev/null 2>&1") != 0)
        skip();
    char dir[] = "/tmp/edustat-glyphs-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char pdf[256], prefix[256], pgm[300], cmd[1024], font[1024];
    snprintf(pdf, sizeof pdf, "%s/sheet.pdf", dir);
    snprintf(prefix, sizeof prefix, "%s/sheet", dir);
    FILE *out = fopen(pdf, "wb");
    assert_non_null(out);
    es_error err;
    es_error_clear(&err);
    assert_int_equal(es_briefing_glyph_sheet(NULL, common_chars, COLS, SIZE, CELL, MARGIN, out, &err), ES_OK);
    fclose(out);
    snprintf(cmd, sizeof cmd, "pdftoppm -r 72 -gray -singlefile '%s' '%s'", pdf, prefix);
    assert_int_equal(system(cmd), 0);
    snprintf(pgm, sizeof pgm, "%s.pgm", prefix);
    gray g = {0};
    assert_int_equal(read_pgm(pgm, &g), 0);

    assert_non_null(es_briefing_font_path(NULL, font, sizeof font));
    FT_Library ft;
    FT_Face face;
    assert_int_equal(FT_Init_FreeType(&ft), 0);
    assert_int_equal(FT_New_Face(ft, font, 0, &face), 0);
    assert_int_equal(FT_Set_Pixel_Sizes(face, 0, (FT_UInt)SIZE), 0);

    const unsigned char *u = (const unsigned char *)common_chars;
    size_t len = strlen(common_chars), i = 0;
    int k = 0, bad = 0, checked = 0;
    while (i < len) {
        uint32_t cp;
        i += es_utf8_decode(u + i, len - i, &cp);
        assert_int_equal(FT_Load_Char(face, cp, FT_LOAD_RENDER), 0);
        FT_Bitmap *b = &face->glyph->bitmap;
        double want = 0;
        for (unsigned r = 0; r < b->rows; r++)
            for (unsigned c = 0; c < b->width; c++)
                want += b->buffer[r * (unsigned)b->pitch + c] / 255.0;
        int x0 = (int)(MARGIN + (k % COLS) * CELL), y0 = (int)(MARGIN + (k / COLS) * CELL);
        double got = cell_ink(&g, x0, y0, (int)CELL);
        double ratio = want > 0 ? got / want : 1;
        if (ratio < 0.8 || ratio > 1.25) {
            char ch[8] = {0};
            es_utf8_encode(cp, ch);
            print_error("'%s': ink %.1f in the PDF, %.1f by FreeType\n", ch, got, want);
            bad++;
        }
        checked++;
        k++;
    }
    assert_true(checked >= 510);
    assert_int_equal(bad, 0);
    FT_Done_Face(face);
    FT_Done_FreeType(ft);
    free(g.px);
    unlink(pgm);
    unlink(pdf);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(glyphs_render_as_freetype_draws_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
