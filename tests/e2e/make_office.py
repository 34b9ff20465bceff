#!/usr/bin/env python3
"""Write the Word and Excel fixtures of the e2e suite from our own text.

Usage: make_office.py DIR

Office Open XML written by hand with the standard library's zipfile, so the
fixtures need nothing installed and every byte is ours: a workbook
(bulletin.xlsx) with a title, a two-row header over merged cells, a unit
note, district rows, a total, an error and an empty cell; a Word document
(summary.docx) with a heading, paragraphs and a table with gridSpan and
vMerge. Bad packages too: truncated, a zip bomb, external entities.
"""
import os
import sys
import zipfile

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def put(z, name, data):
    """A part with a fixed date, so that the same fixture is the same bytes."""
    info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, merges, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (NS_MAIN, NS_R)]
    for r, row in enumerate(rows):
        out.append('<row r="%d">' % (r + 1))
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r + 1)
            if v is None:
                continue
            if isinstance(v, tuple):  # (kind, value): a formula's cached value, a percent, an error
                kind, val = v
                if kind == "pct":
                    out.append('<c r="%s" s="1"><v>%s</v></c>' % (ref, val))
                elif kind == "formula":
                    out.append('<c r="%s"><f>SUM(B4:B6)</f><v>%s</v></c>' % (ref, val))
                elif kind == "error":
                    out.append('<c r="%s" t="e"><f>B4/0</f><v>%s</v></c>' % (ref, val))
                elif kind == "inline":
                    out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, esc(val)))
            elif isinstance(v, str):
                if v not in strings:
                    strings.append(v)
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, strings.index(v)))
            else:
                out.append('<c r="%s"><v>%r</v></c>' % (ref, v))
        out.append("</row>")
    out.append("</sheetData>")
    if merges:
        out.append('<mergeCells count="%d">%s</mergeCells>'
                   % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    out.append("</worksheet>")
    return "".join(out)


def write_xlsx(path, sheets):
    strings = []
    parts = {}
    for i, (name, rows, merges) in enumerate(sheets):
        parts["xl/worksheets/sheet%d.xml" % (i + 1)] = sheet_xml(rows, merges, strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        put(z, "xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>'
                   % (NS_MAIN, NS_R, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (esc(n), i + 1, i + 1)
                                             for i, (n, _, _) in enumerate(sheets))))
        put(z, "xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                   % "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                             % (i + 1, NS_R, i + 1) for i in range(len(sheets))))
        put(z, "xl/styles.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s"><numFmts count="1">'
                   '<numFmt numFmtId="164" formatCode="0.0%%"/></numFmts><cellXfs count="2">'
                   '<xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>' % NS_MAIN)
        put(z, "xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                   % (NS_MAIN, len(strings), len(strings), "".join("<si><t>%s</t></si>" % esc(s) for s in strings)))
        for name, xml in parts.items():
            put(z, name, xml)


def para(text, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, esc(text))


def cell(text, span=1, vmerge=None):
    pr = ""
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    return "<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % pr if pr else "", para(text))


def write_docx(path, body, prolog="", company=None, created=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if created:
            put(z, "docProps/core.xml",
                '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                'package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/">'
                '<dcterms:created>%s</dcterms:created></cp:coreProperties>' % created)
        if company:
            put(z, "docProps/app.xml",
                '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
                'officeDocument/2006/extended-properties"><Company>%s</Company></Properties>' % esc(company))
        put(z, "[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        put(z, "word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8"?>%s<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>'
                   % (prolog, NS_W, body))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    # A city bulletin: the districts side by side.
    write_xlsx(os.path.join(out, "bulletin.xlsx"), [
        ("学校与学生", [
            ["2023年厦门市各区教育事业统计", None, None, None],
            ["区县", "学校数（所）", "2023年", None],
            [None, None, "在校学生（人）", "专任教师（人）"],
            ["思明区", 96, 121500, 8120],
            ["湖里区", 88, 104300, ("inline", "7240")],
            ["集美区", 81, 64000, 4630],
            ["合计", ("formula", 265), 289800, 19990],
        ], ["A1:D1", "A2:A3", "B2:B3", "C2:D2"]),
        ("经费", [
            ["2023年各区教育经费", None, None],
            ["单位：万元", None, None],
            ["区县", "教育经费投入", "生均经费增长"],
            ["思明区", 162000, ("pct", 0.053)],
            ["湖里区", 105000, ("error", "#DIV/0!")],
            ["集美区", 78000, None],
        ], ["A1:C1"]),
    ])
    # A district's summary: paragraphs and a table of two years.
    table = ("<w:tbl>"
             "<w:tr>%s%s</w:tr>" % (cell("指标", vmerge="restart"), cell("年份", span=2)) +
             "<w:tr>%s%s%s</w:tr>" % (cell("", vmerge="continue"), cell("2022年"), cell("2023年")) +
             "<w:tr>%s%s%s</w:tr>" % (cell("学校数（所）"), cell("80"), cell("81")) +
             "<w:tr>%s%s%s</w:tr>" % (cell("在校学生（人）"), cell("61200"), cell("64000")) +
             "</w:tbl>")
    write_docx(os.path.join(out, "summary.docx"),
               para("厦门市集美区教育局2023年工作总结", "Heading1") +
               para("今年以来，我局围绕办好人民满意的教育，扎实推进各项工作。") +
               para("全年教育经费总投入7.8亿元，新建、改扩建学校5所，新增学位3600个。") +
               table +
               para("公开招聘教师198名，组织教师培训1.2万人次。"))
    # The same content as plain text, for the e2e test that both give one table.
    with open(os.path.join(out, "bulletin.txt"), "w", encoding="utf-8") as f:
        f.write("2023年厦门市各区教育事业统计\n\n"
                "思明区：学校96所，在校学生121500人，专任教师8120人。\n"
                "湖里区：学校88所，在校学生104300人，专任教师7240人。\n"
                "集美区：学校81所，在校学生64000人，专任教师4630人。\n"
                "思明区：教育经费投入162000万元。\n"
                "湖里区：教育经费投入105000万元。\n"
                "集美区：教育经费投入78000万元。\n")
    with open(os.path.join(out, "summary.txt"), "w", encoding="utf-8") as f:
        f.write("厦门市集美区教育局2023年工作总结\n\n"
                "今年以来，我局围绕办好人民满意的教育，扎实推进各项工作。\n"
                "全年教育经费总投入7.8亿元，新建、改扩建学校5所，新增学位3600个。\n"
                "2022年全区学校80所，在校学生61200人；2023年全区学校81所，在校学生64000人。\n"
                "公开招聘教师198名，组织教师培训1.2万人次。\n")
    # Decreases as a sheet shows them, in a column of changes.
    write_xlsx(os.path.join(out, "changes.xlsx"), [
        ("变化", [["2023年各区教育经费比上年增减", None], ["区县", "经费增减（万元）"],
                 ["思明区", -1200], ["湖里区", ("inline", "(350)")], ["集美区", 800]], []),
    ])
    # A summary that names no district; its file's company does.
    write_docx(os.path.join(out, "company.docx"),
               para("教育工作总结", "Heading1") + para("全年新建学校2所，新增学位1800个。"),
               company="厦门市海沧区教育局", created="2023-12-20T08:00:00Z")
    # Bad packages.
    data = open(os.path.join(out, "bulletin.xlsx"), "rb").read()
    open(os.path.join(out, "truncated.xlsx"), "wb").write(data[: len(data) // 2])
    with zipfile.ZipFile(os.path.join(out, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "word/document.xml", b"<" + b" " * (300 << 20) + b">")
    write_docx(os.path.join(out, "entities.docx"),
               para("全年新建学校&ext;所。") + para("&lol9;"),
               '<!DOCTYPE d [<!ENTITY ext SYSTEM "file:///etc/passwd">'
               '<!ENTITY lol "lollollollollollollollollollol">'
               + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                         for i in range(1, 10)) + "]>")


if __name__ == "__main__":
    main()
