/* test_office.c - how Word and Excel tables become text: cell references,
 * what a cell shows as a figure, and a table's headers, units and labels. */
#include "test_util.h"

#include <string.h>

#include "office_internal.h"

static void cell_references_are_excels(void **state)
{
    (void)state;
    static const struct {
        size_t row, col;
        const char *want;
    } cases[] = {{0, 0, "A1"}, {6, 2, "C7"}, {0, 25, "Z1"}, {0, 26, "AA1"}, {9, 701, "ZZ10"},
                 {0, 702, "AAA1"}, {1048575, 16383, "XFD1048576"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char ref[16];
        es_office_cell_ref(cases[i].row, cases[i].col, ref, sizeof ref);
        assert_string_equal(ref, cases[i].want);
    }
}

static void figures_as_cells_show_them(void **state)
{
    (void)state;
    const char *yes[] = {"3450", "3,450", "95.3%", "-12.5", "(350)", "（80）", " 42 "};
    const char *no[] = {"", "-", "合计", "12人", "(350", "2023年", "A1", "1-2"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(es_office_is_number(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (es_office_is_number(no[i])) {
            print_error("'%s' read as a figure\n", no[i]);
            fail();
        }
}

static void set(es_grid *g, size_t r, size_t c, const char *text)
{
    es_grid_cell *x = ES_GRID_AT(g, r, c);
    x->text = strdup(text);
    x->number = es_office_is_number(text);
}

/* A title, a unit note, a two-row header over a merged range, district rows. */
static void a_table_gives_headers_units_and_labels(void **state)
{
    (void)state;
    es_grid g;
    assert_int_equal(es_grid_init(&g, 6, 3), ES_OK);
    g.table = 1;
    set(&g, 0, 0, "2023年各区统计");
    set(&g, 1, 0, "单位：万元");
    set(&g, 2, 0, "区县");
    set(&g, 2, 1, "2023年");
    set(&g, 3, 1, "教育经费");
    set(&g, 3, 2, "基建投入");
    set(&g, 4, 0, "思明区");
    set(&g, 4, 1, "162000");
    set(&g, 4, 2, "38000");
    set(&g, 5, 0, "湖里区");
    set(&g, 5, 1, "105000");
    assert_int_equal(es_grid_merge(&g, 2, 1, 2, 2), 0); /* 2023年 over both columns */
    assert_int_equal(es_grid_merge(&g, 2, 0, 3, 0), 0); /* 区县 over two rows */
    es_office_text o;
    memset(&o, 0, sizeof o);
    es_office_table(&o, &g);
    es_grid_free(&g);
    assert_false(o.failed);
    assert_int_equal(o.n_cells, 3);
    assert_string_equal(o.cells[0].header, "2023年教育经费（万元）");
    assert_string_equal(o.cells[1].header, "2023年基建投入（万元）");
    assert_string_equal(o.cells[0].row_label, "思明区");
    assert_string_equal(o.cells[2].row_label, "湖里区");
    assert_int_equal(o.gaps, 1); /* 湖里区's empty 基建投入 */
    assert_non_null(strstr(o.text.data, "2023年各区统计\n"));
    /* each figure's locator: the table, row and column */
    size_t i = 0;
    while (i + 1 < o.n_spans && o.spans[i + 1].start <= o.cells[1].start)
        i++;
    assert_int_equal(o.spans[i].loc.table, 1);
    assert_int_equal(o.spans[i].loc.row, 5);
    assert_int_equal(o.spans[i].loc.column, 3);
    es_office_text_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cell_references_are_excels),
        cmocka_unit_test(figures_as_cells_show_them),
        cmocka_unit_test(a_table_gives_headers_units_and_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
