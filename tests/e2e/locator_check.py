#!/usr/bin/env python3
"""Check that every record's locator opens to its figure in the file.

Usage: locator_check.py RECORDS.json

For a workbook: the sheet's cell holds the record's figure (its cached
value, or its shared or inline string). For a Word document: the table
cell, or the paragraph, holds the figure as written. For a PDF: the page's
text (pdftotext) holds it on the line named, or running on from it. Reads the files with
the standard library only. Exit 1 on the first record whose locator does
not open to its figure, or when no record has a locator.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import zipfile
import xml.etree.ElementTree as ET

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def xlsx_cell(path, sheet, ref):
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rid = next(s.get(R + "id") for s in wb.iter(S + "sheet") if s.get("name") == sheet)
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    ws = ET.fromstring(z.read("xl/" + target))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        shared = ["".join(t.text or "" for t in si.iter(S + "t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(S + "si")]
    for c in ws.iter(S + "c"):
        if c.get("r") == ref:
            if c.get("t") == "s":
                return shared[int(c.find(S + "v").text)]
            if c.get("t") == "inlineStr":
                return "".join(t.text or "" for t in c.iter(S + "t"))
            v = c.find(S + "v")
            return v.text if v is not None else ""
    return None


def docx_body(path):
    doc = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    body = doc.find(W + "body")
    paras, tables = [], []
    for el in body:
        if el.tag == W + "p":
            paras.append("".join(t.text or "" for t in el.iter(W + "t")))
        elif el.tag == W + "tbl":
            rows = []
            for tr in el.findall(W + "tr"):
                row = []
                for tc in tr.findall(W + "tc"):
                    span = tc.find("%stcPr/%sgridSpan" % (W, W))
                    text = "".join(t.text or "" for t in tc.iter(W + "t"))
                    row += [text] * (int(span.get(W + "val")) if span is not None else 1)
                rows.append(row)
            tables.append(rows)
    return paras, tables


def digits(s):
    return re.sub(r"[^0-9.]", "", s)


def main():
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    checked = 0
    for r in d["records"]:
        loc = r.get("locator")
        if loc is None:
            continue
        path = r["file"]
        if "page" in loc:
            import subprocess
            page = subprocess.run(["pdftotext", "-f", str(loc["page"]), "-l", str(loc["page"]), path, "-"],
                                  capture_output=True, text=True).stdout.split("\n")
            # the figure stands on the line named, or runs on from it over a wrap
            held = "".join(page[loc["line"] - 1:loc["line"] + 2])
            ok = r["raw"] in held and r["raw"][:2] in page[loc["line"] - 1] + page[loc["line"]]
        elif "sheet" in loc and path.endswith(".xls"):
            # a compound file the standard library cannot open: the rows make_xls.py wrote
            import make_xls
            rows = dict((n, rw) for n, rw, _ in make_xls.SHEETS)[loc["sheet"]]
            m = re.match(r"([A-Z]+)([0-9]+)$", loc["cell"])
            c = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(m.group(1)))) - 1
            held = str(rows[int(m.group(2)) - 1][c])
            ok = digits(held) == digits(r["raw"])
        elif "sheet" in loc:
            held = xlsx_cell(path, loc["sheet"], loc["cell"])
            ok = held is not None and (digits(held) == digits(r["raw"]) or
                                       (r["raw"].endswith("%") and abs(float(held) * 100 - float(r["raw"][:-1])) < 1e-6) or
                                       (held.replace(".", "", 1).isdigit() and abs(float(held) - float(digits(r["raw"]))) < 1e-9))
        else:
            paras, tables = docx_body(path)
            if "table" in loc:
                held = tables[loc["table"] - 1][loc["row"] - 1][loc["column"] - 1]
            else:
                held = paras[loc["paragraph"] - 1]
            ok = r["raw"] in held
        if not ok:
            print("locator_check: %s %s: %r holds %r, not %r" % (path, loc, r["id"], held, r["raw"]), file=sys.stderr)
            sys.exit(1)
        checked += 1
    if checked == 0:
        print("locator_check: no record has a locator", file=sys.stderr)
        sys.exit(1)
    print("locator_check: %d locators open to their figures" % checked)


if __name__ == "__main__":
    main()
