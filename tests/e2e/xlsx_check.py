#!/usr/bin/env python3
"""Read table.xlsx as Excel would find it (the OOXML parts, with the
standard library) and check it against table.json: every row of the table
in the long sheet, one sheet per indicator with each district's values in
its year's column, in the scale its header names, with the number format
of its kind.
usage: xlsx_check.py TABLE.XLSX TABLE.JSON"""
import json
import re
import sys
import zipfile


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def main():
    z = zipfile.ZipFile(sys.argv[1])
    table = json.load(open(sys.argv[2], encoding="utf-8"))["rows"]
    # strings are inline (the workbook is written row by row) or shared
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        strings = [re.sub(r"<[^>]+>", "", si) for si in
                   re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]

    def unescape(x):
        return x.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
    formats = {"2": "0.00", "3": "#,##0", "4": "#,##0.00"}  # Excel's built-in formats
    formats.update(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]+)"', z.read("xl/styles.xml").decode()))
    xfs = re.findall(r"<xf [^>]*numFmtId=\"(\d+)\"", z.read("xl/styles.xml").decode().split("<cellXfs")[1])

    def sheet(k):
        cells = {}
        xml = z.read(f"xl/worksheets/sheet{k}.xml").decode()
        for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)>(.*?)</c>', xml):
            row = int(re.search(r"\d+", ref).group(0)) - 1
            style = re.search(r's="(\d+)"', attrs)
            fmt = formats.get(xfs[int(style.group(1))], "") if style else ""
            if 't="inlineStr"' in attrs:
                val = unescape(re.sub(r"<[^>]+>", "", body))
            elif 't="s"' in attrs:
                val = unescape(strings[int(re.search(r"<v>([^<]*)</v>", body).group(1))])
            else:
                val = float(re.search(r"<v>([^<]*)</v>", body).group(1))
            cells[(row, col_index(ref))] = (val, fmt)
        return cells

    fails = []
    if names[0] != "指标表":
        fails.append(f"first sheet {names[0]}")
    long = sheet(1)
    if len({r for r, c in long if r > 0}) != len(table):
        fails.append(f"long sheet has {len({r for r, c in long if r > 0})} rows, table.json {len(table)}")
    labels = []
    for r in table:
        if r["label"] not in labels:
            labels.append(r["label"])
    for k, label in enumerate(labels, start=2):
        if names[k - 1][:28] != label[:28]:
            fails.append(f"sheet {k} is {names[k - 1]}, want {label}")
            continue
        cells = sheet(k)
        head = cells[(0, 0)][0]
        unit = re.search(r"（(.+)）$", head).group(1)
        div = {"亿元": 1e8, "万元": 1e4}.get(unit, 1)
        want_fmt = {"亿元": "#,##0.00", "%": "0.0", "X:1": "0.0"}.get(unit, "#,##0")
        years = {cells[(1, c)][0]: c for r, c in cells if r == 1 and c > 0}
        rows = {cells[(r, 0)][0]: r for r, c in cells if c == 0 and r > 1}
        for t in (x for x in table if x["label"] == label):
            got = cells.get((rows[t["district"]], years[f"{t['year']}年"]))
            if got is None or abs(got[0] - t["value"] / div) > 1e-9 * max(1, abs(t["value"])):
                fails.append(f"{label} {t['district']} {t['year']}: {got}, want {t['value'] / div}")
            elif got[1] != want_fmt:
                fails.append(f"{label}: format {got[1]}, want {want_fmt}")
    if fails:
        sys.exit("xlsx_check: " + "; ".join(fails[:5]))
    print(f"xlsx_check: {len(table)} rows, {len(labels)} indicator sheets ok")


if __name__ == "__main__":
    main()
