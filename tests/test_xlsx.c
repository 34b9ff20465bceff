/* test_xlsx.c - the workbook's long table over as many sheets as the row
 * limit asks, cut here at a few rows instead of Excel's 1,048,575. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edustat/table.h"
#include "xlsx_internal.h"

/* A table of n rows: one indicator, n districts, one year. */
static es_table *table_of(es_lexicon *lx, size_t n, es_facts **facts)
{
    static const char *const districts[] = {"甲区", "乙区", "丙区", "丁区", "戊区", "己区", "庚区", "辛区"};
    es_error err;
    es_facts *f = es_facts_new(lx);
    assert_non_null(f);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "a.txt#%zu@0", i + 1);
        es_doc_info d = {0};
        d.id = id;
        d.file = "a.txt";
        d.index = (int)i + 1;
        d.year = 2024;
        d.district = districts[i];
        es_record r = {0};
        r.id = id;
        r.doc = &d;
        r.raw = "100人";
        r.raw_len = strlen(r.raw);
        r.value = 100.0 + (double)i;
        r.unit = "人";
        r.indicator = "staff.teachers";
        r.year = 2024;
        assert_int_equal(es_facts_add(f, &r, &err), ES_OK);
    }
    es_table *t;
    assert_int_equal(es_table_build(f, ES_PICK_DEFAULT, &t, &err), ES_OK);
    assert_int_equal(t->n_rows, n);
    *facts = f;
    return t;
}

/* The workbook's sheet names in order, one a line, read with Python's
 * zipfile (the test skips where there is no python3). */
static int sheet_names(const char *path, char *out, size_t cap)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import re,sys,zipfile; w=zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml')"
             ".decode(); print('\\n'.join(re.findall(r'<sheet name=\\\"([^\\\"]*)\\\"', w)))\" %s",
             path);
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = '\0';
    return pclose(p) == 0 ? 0 : -1;
}

static void long_table_takes_as_many_sheets_as_the_limit_asks(void **state)
{
    (void)state;
    if (system("python3 -c 'import zipfile' >/dev/null 2>&1") != 0)
        skip();
    es_lexicon *lx;
    es_error err;
    assert_int_equal(es_lexicon_new_builtin(&lx, &err), ES_OK);
    static const struct {
        size_t rows, per_sheet;
        const char *want;
    } cases[] = {
        {7, 3, "指标表\n指标表2\n指标表3\n教师数\n"},
        {6, 3, "指标表\n指标表2\n教师数\n"}, /* a full last sheet: no empty one after it */
        {3, 3, "指标表\n教师数\n"},
        {1, 0, "指标表\n教师数\n"}, /* 0: Excel's limit */
    };
    char path[] = "/tmp/test_xlsx_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        es_facts *f;
        es_table *t = table_of(lx, cases[i].rows, &f);
        assert_int_equal(es_write_table_xlsx_sheets(t, path, 0, cases[i].per_sheet, &err), ES_OK);
        char names[1024];
        assert_int_equal(sheet_names(path, names, sizeof names), 0);
        if (strcmp(names, cases[i].want) != 0) {
            print_error("%zu rows, %zu a sheet: sheets\n%s\nwant\n%s\n", cases[i].rows, cases[i].per_sheet, names,
                        cases[i].want);
            fail();
        }
        es_table_free(t);
        es_facts_free(f);
    }
    unlink(path);
    es_lexicon_free(lx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_table_takes_as_many_sheets_as_the_limit_asks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
