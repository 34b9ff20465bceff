/* test_source.c - reading files: encodings, line endings, HTML, splitting. */
#include "test_util.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "edustat/document.h"
#include "edustat/source.h"

static es_source *load(const char *name, const char *bytes, size_t len)
{
    es_source *s = NULL;
    es_error err;
    es_status st = es_source_from_bytes(name, bytes, len, &s, &err);
    if (st != ES_OK) {
        print_error("%s: %s\n", name, err.message);
        fail();
    }
    return s;
}

/* Text offset of the first occurrence of needle. */
static size_t text_offset(const es_source *s, const char *needle)
{
    size_t len;
    const char *t = es_source_text(s, &len);
    const char *p = strstr(t, needle);
    assert_non_null(p);
    return (size_t)(p - t);
}

static void source_maps_utf8_with_bom_to_file_offsets(void **state)
{
    (void)state;
    const char bytes[] = "\xEF\xBB\xBF第一行\n小学21所\n";
    es_source *s = load("a.txt", bytes, sizeof bytes - 1);
    size_t off = text_offset(s, "21所");
    const char *p = strstr(bytes, "21所");
    assert_int_equal(es_source_offset(s, off), (size_t)(p - bytes));
    assert_int_equal(es_source_line(s, off), 2);
    assert_string_equal(es_source_encoding(s), "UTF-8");
    es_source_free(s);
}

static char *to_encoding(const char *utf8, const char *enc, size_t *out_len)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(utf8), cap = in_left * 4 + 8, out_left = cap;
    char *out = malloc(cap), *op = out;
    char *ip = (char *)utf8;
    assert_true(iconv(cd, &ip, &in_left, &op, &out_left) != (size_t)-1);
    iconv_close(cd);
    *out_len = cap - out_left;
    return out;
}

static void source_decodes_gb18030_and_maps_offsets(void **state)
{
    (void)state;
    size_t n;
    char *gb = to_encoding("历下区教育局工作总结\r\n全区共有小学四十二所，教师3100名。\r\n", "GB18030", &n);
    es_source *s = load("gb.txt", gb, n);
    assert_string_equal(es_source_encoding(s), "GB18030");
    size_t off = text_offset(s, "3100名");
    /* In GB18030 each Chinese character is 2 bytes: 10 chars + CRLF, then 13 chars. */
    assert_int_equal(es_source_offset(s, off), 10 * 2 + 2 + 13 * 2);
    assert_int_equal(es_source_line(s, off), 2);
    assert_int_equal(es_source_line_count(s), 2);
    es_source_free(s);
    free(gb);
}

static void source_decodes_utf16_with_bom(void **state)
{
    (void)state;
    size_t n;
    char *u16 = to_encoding("\xEF\xBB\xBF第1行\n投入5亿元\n", "UTF-16LE", &n);
    /* iconv wrote the BOM we gave it as U+FEFF: FF FE */
    es_source *s = load("u16.txt", u16, n);
    assert_string_equal(es_source_encoding(s), "UTF-16LE");
    size_t off = text_offset(s, "5亿元");
    assert_int_equal(es_source_offset(s, off), 2 + 4 * 2 + 2 * 2); /* BOM, 第1行\n, 投入 */
    assert_int_equal(es_source_line(s, off), 2);
    es_source_free(s);
    free(u16);
}

static void source_counts_cr_and_crlf_lines(void **state)
{
    (void)state;
    const char bytes[] = "一\r二\r\n三\n四";
    es_source *s = load("cr.txt", bytes, sizeof bytes - 1);
    assert_int_equal(es_source_line_count(s), 4);
    assert_int_equal(es_source_line(s, text_offset(s, "三")), 3);
    assert_int_equal(es_source_line(s, text_offset(s, "四")), 4);
    es_source_free(s);
}

static void source_replaces_invalid_utf8_bytes_and_tells_where(void **state)
{
    (void)state;
    const char bytes[] = "全区学校\n共有\xFF小学21所，教师300名，学生5000名，班级120个。\n";
    es_source *s = load("bad.txt", bytes, sizeof bytes - 1);
    long line = 0;
    assert_int_equal(es_source_invalid_bytes(s, &line), 1);
    assert_int_equal(line, 2);
    size_t off = text_offset(s, "21所");
    assert_int_equal(es_source_offset(s, off), (size_t)(strstr(bytes, "21所") - bytes));
    es_source_free(s);
}

static void source_refuses_binary_and_empty_input(void **state)
{
    (void)state;
    es_source *s = NULL;
    es_error err;
    const char bin[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00";
    assert_int_equal(es_source_from_bytes("a.out", bin, sizeof bin - 1, &s, &err), ES_ERR_ENCODING);
    assert_null(s);
    assert_string_equal(err.message, "not text in a known encoding");
    assert_string_equal(err.file, "a.out");
    assert_int_equal(es_source_from_bytes("e.txt", "", 0, &s, &err), ES_ERR_EMPTY);
    assert_int_equal(es_source_from_bytes("w.txt", " \n\r\n", 4, &s, &err), ES_ERR_EMPTY);
}

/* PDF and Office files are told by their bytes, whatever their name, and
 * refused with the command that converts them: a PDF's mostly ASCII bytes
 * were read as text and gave numbers from inside its streams. */
static void source_names_pdf_and_office_files_and_how_to_convert_them(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *says;
    } cases[] = {
#define CASE(bytes, says) {bytes, sizeof bytes - 1, says}
        CASE("%PDF-1.7\n1 0 obj\n<< /Length 12 >>\nstream\n2024年在校生100人\nendstream", "not a readable PDF"),
        CASE("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", "libreoffice --headless --convert-to docx 'x.txt'"),
        /* read by their content, not their name: broken packages say so */
        CASE("PK\x03\x04\x14\0\0\0[Content_Types].xml word/document.xml", "not a readable ZIP package"),
        CASE("PK\x03\x04\x14\0\0\0[Content_Types].xml xl/workbook.xml", "not a readable ZIP package"),
        CASE("PK\x03\x04\x14\0\0\0notes.txt", "a ZIP archive"),
#undef CASE
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        es_source *s = NULL;
        es_error err;
        assert_int_equal(es_source_from_bytes("x.txt", cases[i].bytes, cases[i].len, &s, &err), ES_ERR_FORMAT);
        assert_null(s);
        assert_string_equal(err.file, "x.txt");
        assert_non_null(strstr(err.message, cases[i].says));
    }
}

static void source_turns_html_into_text_with_source_offsets(void **state)
{
    (void)state;
    const char html[] =
        "<html><head><title>T</title><style>p{width:300px}</style>"
        "<script>var n = 500;</script></head><body>\n"
        "<h1>江北区教育综述</h1>\n"
        "<p>&ldquo;双减&rdquo;落实，新增学位<strong>5860个</strong>。</p>\n"
        "<table><tr><th>街道</th><th>经费（万元）</th></tr>\n"
        "<tr><td>甲街道</td>\n<td>38650</td></tr></table></body></html>\n";
    es_source *s = load("page.html", html, sizeof html - 1);
    assert_true(es_source_is_html(s));
    size_t len;
    const char *t = es_source_text(s, &len);
    assert_null(strstr(t, "300px"));
    assert_null(strstr(t, "500"));
    assert_non_null(strstr(t, "“双减”"));
    size_t off = text_offset(s, "5860个");
    assert_int_equal(es_source_offset(s, off), (size_t)(strstr(html, "5860个") - html));
    assert_int_equal(es_source_line(s, off), 3);
    off = text_offset(s, "38650");
    assert_int_equal(es_source_offset(s, off), (size_t)(strstr(html, "38650") - html));
    assert_int_equal(es_source_line(s, off), 6);
    size_t n_cells;
    const es_table_cell *cells = es_source_cells(s, &n_cells);
    assert_int_equal(n_cells, 1);
    assert_string_equal(cells[0].header, "经费（万元）");
    assert_string_equal(cells[0].row_label, "甲街道");
    assert_string_equal(es_source_html_title(s), "江北区教育综述");
    es_source_free(s);
}

/* Text from PDF: a paragraph wrapped at one width is read joined, a figure
 * cut by the wrap is whole, and offsets, lines and raw text stay the
 * file's. A heading and an indented paragraph keep their breaks. */
static void source_joins_a_paragraph_wrapped_at_one_width(void **state)
{
    (void)state;
    const char wrapped[] =
        "一、基本情况\n"
        "本年度全区教育系统认真落实各项工作部署，办学条件持续改善，教\n"
        "育质量稳步提升，学前教育普及普惠水平不断提高，义务教育优质均\n"
        "衡发展取得新进展，全区在园幼儿数由上年的十二万人增至14.3\n"
        "万人，专任教师总数增至5120人，全年教育经费总投入达到27.6亿\n"
        "元，比上年增长百分之六，各项民生实事项目全部按期完成，群众满\n"
        "意度进一步提升。\n"
        "　　二是教育改革不断深化，教师队伍建设持续加强，校园安全形势\n"
        "总体稳定，群众满意度进一步提升，各项工作取得新的进展和成效。\n";
    es_source *s = load("wrapped.txt", wrapped, sizeof wrapped - 1);
    size_t len;
    const char *t = es_source_text(s, &len);
    assert_non_null(strstr(t, "一、基本情况\n本年度"));
    assert_non_null(strstr(t, "改善，教育质量"));
    assert_non_null(strstr(t, "增至14.3万人，"));
    assert_non_null(strstr(t, "27.6亿元，"));
    assert_non_null(strstr(t, "提升。\n　　二是"));
    size_t off = text_offset(s, "14.3万人");
    size_t end = off + strlen("14.3万人");
    assert_int_equal(es_source_line(s, off), 4);
    assert_int_equal(es_source_line(s, end - 1), 5);
    assert_int_equal(es_source_offset(s, off), (size_t)(strstr(wrapped, "14.3\n") - wrapped));
    assert_int_equal(es_source_offset(s, end), (size_t)(strstr(wrapped, "，专任") - wrapped));
    size_t raw_len;
    const char *raw = es_source_original(s, off, end, &raw_len);
    assert_non_null(raw);
    assert_int_equal(raw_len, strlen("14.3\n万人"));
    assert_memory_equal(raw, "14.3\n万人", raw_len);
    off = text_offset(s, "5120人");
    assert_null(es_source_original(s, off, off + strlen("5120人"), &raw_len));
    es_source_free(s);

    /* one paragraph a line, of many widths: left as it is */
    const char plain[] = "一、基本情况\n"
                         "全区共有学校45所，在校学生3.2万人，专任教师2810人，各项工作稳步推进，成效明显\n"
                         "全年教育经费总投入达到12.6亿元\n"
                         "办学条件持续改善，教育质量稳步提升，学前教育普及普惠水平不断提高，义务教育优质均衡发展取得新进展\n";
    s = load("plain.txt", plain, sizeof plain - 1);
    t = es_source_text(s, &len);
    assert_int_equal(len, sizeof plain - 1);
    assert_memory_equal(t, plain, len);
    es_source_free(s);
}

/* A page saved from Word wraps its paragraphs' text: a line break inside
 * a text node is nothing between Han characters and a space between
 * Latin words. */
static void html_line_breaks_inside_a_paragraph_are_not_breaks(void **state)
{
    (void)state;
    const char html[] = "<html><body><p>全区在园幼儿增至\n   14.3万人，教育经费总\r\n投入27.6亿元，Hello\nworld。</p></body></html>";
    es_source *s = load("word.html", html, sizeof html - 1);
    size_t len;
    const char *t = es_source_text(s, &len);
    assert_non_null(strstr(t, "增至14.3万人，教育经费总投入27.6亿元，Hello world。"));
    size_t off = text_offset(s, "投入");
    assert_int_equal(es_source_offset(s, off), (size_t)(strstr(html, "投入") - html));
    es_source_free(s);
}

/* Found by fuzzing: a run of bare carriage returns inside a text node read
 * past its end (the break run was indexed twice over). */
static void html_run_of_carriage_returns_stays_inside_the_text(void **state)
{
    (void)state;
    const char html[] = "<\r\r\r\ri";
    es_source *s = load("cr.html", html, sizeof html - 1);
    size_t len;
    const char *t = es_source_text(s, &len);
    assert_non_null(strstr(t, "<"));
    assert_non_null(strstr(t, "i"));
    assert_int_equal(es_source_offset(s, text_offset(s, "i")), sizeof html - 2);
    es_source_free(s);
}

static void split_finds_headings_and_drops_furniture(void **state)
{
    (void)state;
    const char bytes[] = "网站首页 > 总结\n热度:40\n\n第1篇 区教育局2020年工作总结 1800字\n正文一\n\n"
                         "第2篇 新城区教育局年度工作总结 2100字\n正文二\n第二篇章不是标题\n";
    es_source *s = load("multi.txt", bytes, sizeof bytes - 1);
    es_document *docs = NULL;
    size_t n = 0;
    es_error err;
    assert_int_equal(es_split_documents(s, ES_SPLIT_AUTO, &docs, &n, &err), ES_OK);
    assert_int_equal(n, 2);
    assert_string_equal(docs[0].title, "区教育局2020年工作总结");
    assert_int_equal(docs[0].start_line, 4);
    assert_int_equal(docs[0].end_line, 6);
    assert_string_equal(docs[1].title, "新城区教育局年度工作总结");
    assert_int_equal(docs[1].start_line, 7);
    assert_int_equal(docs[1].end_line, 9);
    free(docs);
    assert_int_equal(es_split_documents(s, ES_SPLIT_NONE, &docs, &n, &err), ES_OK);
    assert_int_equal(n, 1);
    assert_int_equal(docs[0].start_line, 1);
    assert_string_equal(docs[0].title, "网站首页 > 总结");
    free(docs);
    es_source_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(source_maps_utf8_with_bom_to_file_offsets),
        cmocka_unit_test(source_decodes_gb18030_and_maps_offsets),
        cmocka_unit_test(source_decodes_utf16_with_bom),
        cmocka_unit_test(source_counts_cr_and_crlf_lines),
        cmocka_unit_test(source_replaces_invalid_utf8_bytes_and_tells_where),
        cmocka_unit_test(source_refuses_binary_and_empty_input),
        cmocka_unit_test(source_turns_html_into_text_with_source_offsets),
        cmocka_unit_test(source_joins_a_paragraph_wrapped_at_one_width),
        cmocka_unit_test(html_line_breaks_inside_a_paragraph_are_not_breaks),
        cmocka_unit_test(html_run_of_carriage_returns_stays_inside_the_text),
        cmocka_unit_test(split_finds_headings_and_drops_furniture),
        cmocka_unit_test(source_names_pdf_and_office_files_and_how_to_convert_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
