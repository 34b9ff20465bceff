#!/usr/bin/env python3
"""Write the PDF fixtures of the e2e suite, by hand, from our own text.

Usage: make_pdf.py DIR

summary.pdf: page 1 a district's summary in Chinese, its paragraph
hard-wrapped at one width (as PDF text is), through a font whose ToUnicode
map we write; page 2 the same kind of font without a map (its glyph
numbers mean nothing: a reader that trusts them reads letters and
"100"); page 3 no text at all. summary-pdf.txt is page 1's text as a
person would type it. pages-2000.pdf has 2,000 pages of one line each.
The fonts are not embedded: text extraction needs only the maps.
"""
import os
import sys

TITLE = "厦门市翔安区教育局2023年工作总结"
PARAGRAPH = ("2023年，全区教育经费总投入6.9亿元，新建、改扩建学校4所，新增学位2800个。"
             "全区共有各级各类学校72所，在校学生5.8万名，专任教师3960名。学前三年毛入园率95.6%。")
WIDTH = 18


def pdf(objs):
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def to_unicode(chars):
    """A ToUnicode CMap: glyph i + 1 is chars[i]."""
    body = []
    for k in range(0, len(chars), 100):
        part = chars[k:k + 100]
        body.append("%d beginbfchar" % len(part))
        body += ["<%04X> <%04X>" % (k + i + 1, ord(c)) for i, c in enumerate(part)]
        body.append("endbfchar")
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Edustat-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + "\n".join(body) +
            "\nendcmap CMapName currentdict /CMap defineresource pop end end\n").encode()


def font_objs(first, name, cmap_obj):
    """Objects first.. of a Type0 font (and its descendant, descriptor)."""
    uni = b" /ToUnicode %d 0 R" % cmap_obj if cmap_obj else b""
    return [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R]%s >>"
        % (name, first + 1, uni),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % (name, first + 2),
        b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>" % name,
    ]


def lines_content(lines, glyph, size=14, top=780, lead=22, title=False):
    """Lines from the left margin; a title first, larger and centred."""
    out = []
    for i, line in enumerate(lines):
        hexs = "".join("%04X" % glyph(c) for c in line)
        big = title and i == 0
        x = (595 - 18 * len(line)) / 2 if big else 60
        out.append("BT /F1 %d Tf %d %d Td <%s> Tj ET" % (18 if big else size, x, top - i * lead, hexs))
    return "\n".join(out).encode()


def summary(path):
    lines = [TITLE, ""] + [PARAGRAPH[i:i + WIDTH] for i in range(0, len(PARAGRAPH), WIDTH)]
    lines = [l for l in lines if l]
    chars = sorted(set("".join(lines)))
    glyph = lambda c: chars.index(c) + 1
    # page 2: glyph numbers with no map; read as code points they are
    # Latin and Cyrillic letters, and 1 0 0
    nomap = [[0x0123, 0x0456, 0x0031, 0x0030, 0x0030, 0x0189, 0x04A2, 0x0171, 0x0283, 0x0192] * 3]
    page2 = "\n".join("BT /F2 14 Tf 60 %d Td <%s> Tj ET" % (780 - i * 22, "".join("%04X" % g for g in row))
                      for i, row in enumerate(nomap)).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 9 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /Font << /F2 12 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 8 0 R >>",
        stream(lines_content(lines, glyph, title=True)),
        stream(page2),
        stream(b""),
    ]
    objs += font_objs(9, b"EdustatMapped", 15)      # 9, 10, 11
    objs += font_objs(12, b"EdustatUnmapped", None)  # 12, 13, 14
    objs.append(stream(to_unicode(chars)))          # 15
    open(path, "wb").write(pdf(objs))


def many_pages(path, n):
    line = "第%d页：全区学校72所。"
    chars = sorted(set("".join(line % i for i in range(1, n + 1))))
    glyph = lambda c: chars.index(c) + 1
    kids = " ".join("%d 0 R" % (3 + 2 * i) for i in range(n)).encode()
    font = 3 + 2 * n
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    for i in range(n):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font))
        objs.append(stream(lines_content([line % (i + 1)], glyph)))
    objs += font_objs(font, b"EdustatMapped", font + 3)
    objs.append(stream(to_unicode(chars)))
    open(path, "wb").write(pdf(objs))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    summary(os.path.join(out, "summary.pdf"))
    with open(os.path.join(out, "summary-pdf.txt"), "w", encoding="utf-8") as f:
        f.write(TITLE + "\n\n" + PARAGRAPH + "\n")
    many_pages(os.path.join(out, "pages-2000.pdf"), 2000)


if __name__ == "__main__":
    main()
