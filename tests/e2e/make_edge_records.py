#!/usr/bin/env python3
"""Write JSON Lines records (as `edustat extract` would) for the briefing's
hard cases: 30 districts in one chart, a district name of 40 characters, a
value of 1e15 元, negative values and a negative change.
usage: make_edge_records.py OUT.jsonl"""
import json
import sys

lines = []


def doc(i, district, year):
    d = {"type": "document", "id": f"edge.txt#{i}", "file": "edge.txt", "index": i, "title": "t",
         "start_line": i, "end_line": i, "district": district, "district_code": None,
         "city": "测试市", "year": year}
    lines.append(d)
    return d["id"]


def rec(docid, k, indicator, value, unit):
    lines.append({"type": "record", "id": f"{docid}@{k}", "doc": docid, "file": "edge.txt",
                  "line": 1, "start": k, "end": k + 1, "raw": "x", "value": value, "unit": unit,
                  "qualifier": "exact", "indicator": indicator, "context": f"测试句子{k}"})


long_name = "这是一个非常非常长的区县名称用来测试图表标签是否会溢出页面边界或者与其他标签重叠区"[:40]
names = [f"第{i + 1:02d}测试区" for i in range(29)] + [long_name]
n = 0
for y in (2022, 2023, 2024):
    for i, name in enumerate(names):
        n += 1
        d = doc(n, name, y)
        rec(d, 10, "staff.teachers", 1000 + 37 * i + (y - 2022) * (50 - 7 * (i % 5)), "人")
        rec(d, 20, "funding.investment", 1e15 if i == 0 else 3e8 + i * 1e7, "元")
        # a negative "value" and a fall from one year to the next
        rec(d, 30, "facilities.area", (-1) ** i * (500 + i) * (1 if y < 2024 else 0.5), "㎡")
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for o in lines:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
