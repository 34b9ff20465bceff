#!/usr/bin/env python3
"""Check a run's CSV files against its datapackage.json and JSON files:
each CSV resource starts with a UTF-8 byte-order mark, parses as RFC 4180,
has the schema's field names as its header, and holds the same rows and
values as table.json and summary.json.
usage: csv_check.py RUN_DIR"""
import csv
import io
import json
import os
import sys

run = sys.argv[1]
pkg = json.load(open(os.path.join(run, "datapackage.json"), encoding="utf-8"))
problems = []


def read_csv(name):
    raw = open(os.path.join(run, name), "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append(name + ": no byte-order mark")
    text = raw.decode("utf-8-sig")
    if "\r\n" not in text:
        problems.append(name + ": lines do not end in CRLF")
    return list(csv.reader(io.StringIO(text, newline="")))


def same(a, b):
    if b is None:
        return a == ""
    if isinstance(b, bool):
        return a == ("true" if b else "false")
    if isinstance(b, (int, float)):
        return a != "" and abs(float(a) - b) <= 1e-9 * max(1.0, abs(b))
    return a == str(b)


tables = {r["path"]: r for r in pkg["resources"] if r.get("format") == "csv"}
want = {"table.csv", "summary_by_year.csv", "summary_by_district.csv", "summary_comparisons.csv"}
if set(tables) != want:
    problems.append("datapackage CSV resources: %s" % sorted(tables))
table = json.load(open(os.path.join(run, "table.json"), encoding="utf-8"))
summary = json.load(open(os.path.join(run, "summary.json"), encoding="utf-8"))
json_rows = {"table.csv": table["rows"], "summary_by_year.csv": summary["by_year"],
             "summary_by_district.csv": summary["by_district"],
             "summary_comparisons.csv": summary["comparisons"]}
for path in sorted(want & set(tables)):
    rows = read_csv(path)
    names = [f["name"] for f in tables[path]["schema"]["fields"]]
    if rows[0] != names:
        problems.append("%s: header %s, schema %s" % (path, rows[0], names))
        continue
    body = rows[1:]
    if len(body) != len(json_rows[path]):
        problems.append("%s: %d rows, JSON has %d" % (path, len(body), len(json_rows[path])))
        continue
    for got, exp in zip(body, json_rows[path]):
        for name, cell in zip(names, got):
            value = exp.get(name)
            if name == "sources":
                value = ";".join(value)
            if cell.startswith("'") and isinstance(value, str) and value[:1] in "=+-@":
                cell = cell[1:]  # a formula-like text is defused with an apostrophe
            if not same(cell, value):
                problems.append("%s: %s %r, JSON %r" % (path, name, cell, value))
                break
if problems:
    print("csv_check: " + "; ".join(problems[:10]))
    sys.exit(1)
