#!/usr/bin/env python3
"""Write the inputs of bench/formats.sh: a workbook of 1,000,000 cells
(100,000 district rows x 10 columns), an Excel 97-2003 workbook of 200,000
cells, a Word document of 20,000 paragraphs and a 2,000-row table, and a
PDF of 2,000 pages, from the e2e suite's writers (tests/e2e/make_office.py,
make_xls.py, make_pdf.py).
Usage: bench/make_formats.py DIR"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "e2e"))
import make_office  # noqa: E402
import make_pdf  # noqa: E402
import make_xls  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
names = ["思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"]
rows = [["2023年各区教育统计"] + [None] * 9,
        ["区县"] + ["指标%d（人）" % k for k in range(1, 10)]]
for r in range(100000 - 2):
    rows.append([names[r % len(names)]] + [1000 + (r * 7 + k) % 9000 for k in range(9)])
make_office.write_xlsx(os.path.join(out, "cells-1m.xlsx"), [("统计", rows, [])])
paras = "".join(make_office.para("第%d项：全区新建学校%d所，新增学位%d个。" % (i, i % 9 + 1, 100 + i % 900))
                for i in range(20000))
table = "<w:tbl>" + "<w:tr>%s%s</w:tr>" % (make_office.cell("区县"), make_office.cell("学校数（所）")) + "".join(
    "<w:tr>%s%s</w:tr>" % (make_office.cell(names[i % 6]), make_office.cell(str(50 + i % 50))) for i in range(2000)) + "</w:tbl>"
make_office.write_docx(os.path.join(out, "paragraphs-20k.docx"), make_office.para("2023年工作总结", "Heading1") + paras + table)
make_pdf.many_pages(os.path.join(out, "pages-2000.pdf"), 2000)
xrows = [["2023年各区教育统计"] + [None] * 9, ["区县"] + ["指标%d（人）" % k for k in range(1, 10)]]
for r in range(20000 - 2):
    xrows.append([names[r % len(names)]] + [1000 + (r * 7 + k) % 9000 for k in range(9)])
with open(os.path.join(out, "cells-200k.xls"), "wb") as f:
    f.write(make_xls.compound(make_xls.workbook([("统计", xrows, [])])))
