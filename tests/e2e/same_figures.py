#!/usr/bin/env python3
"""same_figures.py A.json B.json: do two records files hold the same figures?

Compares, as multisets, each record's value, unit, indicator, year, basis,
scope and district, and each document's district, city and year: what a
variant of a text (spaces or line breaks around numbers, tools/variants.py)
must not change. Offsets, lines, raw text and titles may differ. Prints the
differences and exits 1 when there are any."""
import collections
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    recs = collections.Counter(
        (r["value"], r["unit"], r["indicator"], r.get("year"), r.get("basis"), r.get("scope"),
         r.get("district")) for r in d["records"])
    docs = [(x.get("district"), x.get("city"), x.get("year")) for x in d["documents"]]
    return recs, docs


def main():
    a, da = load(sys.argv[1])
    b, db = load(sys.argv[2])
    missing, extra = list((a - b).elements()), list((b - a).elements())
    for k in missing[:10]:
        print("  missing", k)
    for k in extra[:10]:
        print("  extra  ", k)
    if da != db:
        print("  documents differ:", da, db)
    return 1 if missing or extra or da != db else 0


if __name__ == "__main__":
    sys.exit(main())
