#!/usr/bin/env python3
"""Write a corpus of invented education-bureau work summaries, as large as
asked, for benchmarks and for trying the outputs at scale: DISTRICTS
districts of the gazetteer x YEARS years, each (district, year) summarised
by several documents (a summary, a mid-year review, a plan) that restate
figures, name last year's, set targets and count parts, until SIZE_MB.
Deterministic for a given seed. Figures are random; sentences follow the
shapes of real summaries.
usage: make_corpus.py OUT_DIR [SIZE_MB=100] [DISTRICTS=30] [YEARS=10] [SEED=1]"""
import os
import random
import sys

out = sys.argv[1]
size_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 100
n_districts = int(sys.argv[3]) if len(sys.argv) > 3 else 30
n_years = int(sys.argv[4]) if len(sys.argv) > 4 else 10
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)

here = os.path.dirname(os.path.abspath(__file__))
places = []
with open(os.path.join(here, "..", "data", "divisions.tsv"), encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4 and parts[2] == "county" and parts[1].endswith("区") and parts[3].endswith("市"):
            places.append((parts[3], parts[1]))
rng.shuffle(places)
places = places[:n_districts]
years = list(range(2024 - n_years + 1, 2025))

# per (district, year) the true values, drifting year by year
truth = {}
for city, d in places:
    base = {"schools": rng.randint(40, 160), "students": rng.uniform(3, 20), "teachers": rng.randint(1500, 9000),
            "invest": rng.uniform(5, 40), "preschool": rng.uniform(90, 97), "places": rng.randint(800, 6000),
            "ratio": rng.uniform(11, 16)}
    for y in years:
        t = dict(base)
        truth[(d, y)] = t
        base = {k: (v * rng.uniform(1.0, 1.08) if isinstance(v, float) else int(v * rng.uniform(1.0, 1.06)))
                for k, v in base.items()}
        base["preschool"] = min(99.9, base["preschool"])


def summary(city, d, y, variant):
    t, last = truth[(d, y)], truth.get((d, y - 1))
    lines = [f"{city}{d}教育局{y}年{['工作总结', '上半年工作情况报告', '教育事业发展情况'][variant]}", ""]
    lines.append(f"一、基本情况")
    lines.append(f"全区共有各级各类学校{t['schools']}所，其中小学{t['schools'] // 2}所，在校学生{t['students']:.2f}万人，"
                 f"专任教师{t['teachers']}名。学前三年毛入园率达到{t['preschool']:.1f}%，生师比{t['ratio']:.1f}:1。")
    invest = f"全年教育经费总投入{t['invest']:.2f}亿元"
    if last:
        invest += f"，比上年增长{(t['invest'] / last['invest'] - 1) * 100:.1f}%，上年为{last['invest']:.2f}亿元"
    lines.append(invest + f"，其中校舍建设资金{t['invest'] * 0.3:.2f}亿元。")
    lines.append(f"新增学位{t['places']}个，全市共有中小学{t['schools'] * 9}所。")
    for k in range(rng.randint(4, 9)):
        lines.append(rng.choice([
            f"组织{rng.randint(20, 400)}名教师参加培训，开展教研活动{rng.randint(10, 90)}场次。",
            f"完成{rng.randint(3, 30)}所学校的改造，改善办学条件，受益学生{rng.randint(1000, 9000)}人。",
            f"资助家庭经济困难学生{rng.randint(200, 3000)}人次，发放资助资金{rng.uniform(100, 900):.1f}万元。",
            f"招聘新教师{rng.randint(50, 500)}名，培养骨干教师{rng.randint(20, 200)}名。",
            f"“十三五”以来累计投入{rng.uniform(30, 90):.1f}亿元，新建改扩建学校{rng.randint(10, 40)}所。",
        ]))
    lines.append("二、下一步工作")
    lines.append(f"{y + 1}年计划新增学位{int(t['places'] * 1.2)}个，学前三年毛入园率达到{min(99.5, t['preschool'] + 1):.1f}%。")
    return "\n".join(lines) + "\n"


os.makedirs(out, exist_ok=True)
limit = size_mb * 1e6
written, n = 0, 0
while written < limit:
    for city, d in places:
        for y in years:
            for variant in range(3):
                text = summary(city, d, y, variant).encode("utf-8")
                with open(os.path.join(out, f"{n:06d}.txt"), "wb") as f:
                    f.write(text)
                written += len(text)
                n += 1
                if written >= limit:
                    break
            if written >= limit:
                break
        if written >= limit:
            break
print(f"make_corpus: {n} documents, {written / 1e6:.1f} MB, {len(places)} districts x {len(years)} years in {out}")
