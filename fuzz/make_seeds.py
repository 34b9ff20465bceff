#!/usr/bin/env python3
"""Write the seed corpus of each fuzz harness into fuzz/corpus/NAME/: small
inputs of our own that reach every reader's paths, and the inputs of the
bugs issue 15 found (a year of 1e10, a start of -1, a record without
context, a manifest with a byte-order mark, 1e308 in a chart, text nested
300 deep...). Run from the top directory; the files are kept in git, so
this only needs running when a seed is added. Inputs the fuzzers found
(named found-*) are kept beside these seeds and never rewritten.
usage: fuzz/make_seeds.py"""
import json
import os
import struct

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(TOP, "fuzz", "corpus")


def put(harness, name, data):
    """Write one seed."""
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# --- extract: first byte picks .txt/.html, splitting and JSON or JSON Lines
# (tests/fixtures is its seed corpus too: the Makefile passes both)
def extract_seeds():
    put("extract", "deep-300.html", b"\x01<html><body>" + b"<div>" * 300 +
        "全区专任教师2815名。".encode() + b"</div>" * 300 + b"</body></html>")
    put("extract", "nul-byte.txt", b"\x00" + "某区2024年\n在校生3.6万人\x00，教师2815名。\n".encode())
    put("extract", "utf16le-nobom.txt", b"\x00" + "某区教育局2024年工作总结\n学校42所。\n".encode("utf-16-le"))
    put("extract", "spaced.txt", b"\x04" + "投入 27.6 亿元，学位 3.8 万个，第 3 名。\n".encode())
    put("extract", "redacted.txt", b"\x00" + "新建学校__所，投入____万元。\n".encode())


# --- records: JSON Lines and records.json as `edustat extract` writes them
DOC = {"type": "document", "id": "a#1", "file": "a", "index": 1, "title": "t", "start_line": 1,
       "end_line": 3, "district": "甲区", "city": "测试市", "year": 2024}


def rec(k, **extra):
    r = {"type": "record", "id": f"a#1@{k}", "doc": "a#1", "file": "a", "line": 1, "start": k,
         "end": k + 2, "raw": "3人", "value": 3, "unit": "人", "qualifier": "exact",
         "indicator": "staff.teachers", "context": "教师3人"}
    r.update(extra)
    return r


def lines(*objs):
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def records_seeds():
    put("records", "plain.jsonl", lines(DOC, rec(1), rec(5, value=12.5, unit="亿元",
                                                   indicator="funding.investment")))
    put("records", "object.json", json.dumps({"documents": [DOC], "records": [rec(1)]},
                                             ensure_ascii=False))
    put("records", "year-1e10.jsonl", lines(DOC, rec(1)).rstrip("\n") + "\n" +
        json.dumps(rec(2)).replace('"context"', '"year": 1e10, "year_from": "clause", "context"') + "\n")
    put("records", "start-negative.jsonl", lines(DOC, rec(1), rec(-1)))
    put("records", "no-context.jsonl", lines(DOC, {k: v for k, v in rec(1).items() if k != "context"}))
    put("records", "year-string.jsonl", lines(dict(DOC, year="2024"), rec(1)))
    put("records", "duplicate-id.jsonl", lines(DOC, rec(1), rec(1, value=4)))
    put("records", "bad-line.jsonl", lines(DOC, rec(1)) + "{not json\n")
    put("records", "situated.jsonl", lines(
        DOC, rec(1, year=2023, year_from="relative", basis="actual", scope="own"),
        rec(7, basis="target", year=2025), rec(9, scope="wider", district="乙区"),
        rec(11, indicator="enrollment.preschool_gross_rate", unit="%", value=98.5)))


# --- manifest: CSV, file,doc_index,district,city,year
def manifest_seeds():
    head = "file,doc_index,district,city,year\n"
    put("manifest", "plain.csv", head + "a.txt,0,思明区,厦门市,2024\nexamples/a.txt,,湖里区,,\n")
    put("manifest", "bom.csv", b"\xef\xbb\xbf" + (head + "a.txt,1,海沧区,厦门市,2023\n").encode())
    put("manifest", "crlf.csv", head + 'a.txt,0,鼓楼区,福州市,2022\r\n')
    put("manifest", "bad-index.csv", head + "a.txt,x,,,\n")
    put("manifest", "gb18030.csv", (head + "甲.html,0,集美区,厦门市,2021\n").encode("gb18030"))


# --- lexicon: lines in the format of data/indicators.tsv
def lexicon_seeds():
    put("lexicon", "one.tsv", "funding.custom\t自定义经费\tamount\t元\t\t自定义经费:9|专项:6\n")
    put("lexicon", "replace.tsv", "staff.teachers\t教师\tcount\t人\t人\t教师:8|老师:7|招聘:6<\n")
    put("lexicon", "comment.tsv", "# comment\n\nrate.x\t某率\trate\t%\t%\t某率:9|达到:2>\n")
    put("lexicon", "bad-fields.tsv", "a\tb\n")
    with open(os.path.join(TOP, "data", "indicators.tsv"), "rb") as f:
        put("lexicon", "builtin.tsv", f.read())


# --- briefing: 11 bytes per figure (see fuzz_briefing.c)
def figure(ind, sel, value=None, extreme=None):
    if value is not None:
        return bytes([ind, sel, 0x80]) + struct.pack("<d", value)
    return bytes([ind, sel, 0, extreme, 0]) + b"\0" * 6


def briefing_seeds():
    grid = b"".join(figure(i, (d << 2 | y) & 0x7f, value=100.0 + i * 7 + d * 3 + y)
                    for i in range(3) for d in range(4) for y in range(3))
    put("briefing", "grid.bin", grid)
    put("briefing", "extremes.bin", b"".join(figure(0, (k % 8) << 2, extreme=k) for k in range(16)))
    put("briefing", "huge.bin", figure(0, 0, value=1e308) + figure(0, 4, value=-1e308) +
        figure(0, 8, value=float("inf")) + figure(0, 12, value=float("nan")))
    put("briefing", "targets.bin", figure(1, 0x80, value=5.0) + figure(1, 4, value=3.0))


def office_seeds():
    """Word and Excel files reach their readers through the extract harness
    (told by their bytes): the e2e suite's own fixtures."""
    import sys
    import tempfile
    sys.path.insert(0, os.path.join(TOP, "tests", "e2e"))
    import make_office
    with tempfile.TemporaryDirectory() as d:
        sys.argv = ["make_office.py", d]
        make_office.main()
        import make_pdf
        import make_xls
        make_pdf.summary(os.path.join(d, "summary.pdf"))
        with open(os.path.join(d, "workbook.xls"), "wb") as f:
            f.write(make_xls.compound(make_xls.workbook(make_xls.SHEETS)))
        for name in ("bulletin.xlsx", "summary.docx", "entities.docx", "truncated.xlsx", "summary.pdf",
                     "workbook.xls"):
            with open(os.path.join(d, name), "rb") as f:
                put("extract", name, b"\x00" + f.read())


if __name__ == "__main__":
    office_seeds()
    extract_seeds()
    records_seeds()
    manifest_seeds()
    lexicon_seeds()
    briefing_seeds()
