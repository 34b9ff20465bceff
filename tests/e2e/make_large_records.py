#!/usr/bin/env python3
"""Write JSON Lines records (as `edustat extract` would) for a large
briefing: 20 indicators x 30 districts x 5 years, rates clustered between
90% and 100%, amounts in 亿元. Used by the end-to-end tests (layout of 30
districts, tables over pages) and by `make bench` (the briefing's time).
usage: make_large_records.py OUT.jsonl"""
import json
import random
import sys

rnd = random.Random(11)
inds = [("enrollment.rate.preschool", "%"), ("enrollment.rate.primary", "%"), ("enrollment.rate.junior", "%"),
        ("enrollment.rate.senior", "%"), ("enrollment.rate.special", "%"), ("funding.investment", "元"),
        ("funding.student_aid", "元"), ("funding.other", "元"), ("enrollment.students", "人"),
        ("enrollment.places", "个"), ("completion.rate", "%"), ("outcome.employment_rate", "%"),
        ("outcome.pass_rate", "%"), ("outcome.excellent_rate", "%"), ("outcome.admission_rate", "%"),
        ("staff.teachers", "人"), ("staff.training", "人次"), ("staff.recruitment", "人"),
        ("schools.count", "所"), ("facilities.rooms", "间")]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    n = 0
    for d in range(30):
        for y in range(2020, 2025):
            n += 1
            doc = f"large.txt#{n}"
            f.write(json.dumps({"type": "document", "id": doc, "file": "large.txt", "index": n, "title": "t",
                                "start_line": n, "end_line": n, "district": f"测试{d + 1:02d}区",
                                "district_code": None, "city": "某市", "year": y}, ensure_ascii=False) + "\n")
            for k, (ind, unit) in enumerate(inds):
                v = rnd.uniform(90, 100) if unit == "%" else rnd.uniform(1e3, 1e5) * (1e4 if unit == "元" else 1)
                f.write(json.dumps({"type": "record", "id": f"{doc}@{k}", "doc": doc, "file": "large.txt",
                                    "line": n, "start": k, "end": k + 1, "raw": "x", "value": round(v, 2),
                                    "unit": unit, "qualifier": "exact", "indicator": ind,
                                    "context": f"第{k}项指标的原文句子"}, ensure_ascii=False) + "\n")
