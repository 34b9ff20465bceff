#!/bin/sh
# Extraction throughput and peak memory on the shared corpus of government
# work reports, split into one text file per report and repeated to at
# least 100 MB. Prints the median of 5 runs. A benchmark, not a test.
# Usage: [BASELINE=OLD/edustat] bench/throughput.sh BUILD/edustat SHARED_DIR
# With BASELINE, the two builds also run alternately for a side-by-side ratio.
set -eu
BIN=$1
SHARED=$2
CORPUS=$SHARED/corpus/government_work_reports.jsonl
if [ ! -f "$CORPUS" ]; then
    echo "bench: $CORPUS not found; skipping"
    exit 0
fi
DIR=${BENCH_DIR:-build/bench}
RUNS=${RUNS:-5}
mkdir -p "$DIR/files"
python3 - "$CORPUS" "$DIR/files" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
total = sum(len(d["content"].encode()) for d in docs)
copies = -(-100 * 1000 * 1000 // total)  # enough copies for 100 MB
n = 0
for c in range(copies):
    for i, d in enumerate(docs):
        path = os.path.join(out, f"{c:03d}_{i:03d}.txt")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as f:
                f.write((d.get("title") or "") + "\n\n" + d["content"])
        n += 1
print(f"bench: {n} files from {len(docs)} reports x {copies} copies")
PY
BYTES=$(cat "$DIR"/files/*.txt | wc -c)
MB=$(python3 -c "print(round($BYTES/1e6,1))")
echo "bench: input $MB MB"
: >"$DIR/times"
: >"$DIR/floor_times"
: >"$DIR/jtimes"
FLOOR=${FLOOR:-build/bench/floor}
NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
for i in $(seq "$RUNS"); do
    # the floor and extraction alternate, so the machine's load falls on both
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/t" "$FLOOR" "$DIR"/files/*.txt >/dev/null
    cat "$DIR/t" >>"$DIR/floor_times"
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/t" "$BIN" extract -j 1 --format jsonl -o "$DIR/out.jsonl" "$DIR"/files/*.txt
    cat "$DIR/t" >>"$DIR/times"
    # all cores (-j N, N online CPUs), alternating with one
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/t" "$BIN" extract -j "$NCPU" --format jsonl -o "$DIR/outj.jsonl" "$DIR"/files/*.txt
    cat "$DIR/t" >>"$DIR/jtimes"
done
cmp -s "$DIR/out.jsonl" "$DIR/outj.jsonl" || echo "bench: WARNING: -j $NCPU output differs from -j 1"
# Peak memory on a tenth of the files, to show it does not grow with them.
set -- "$DIR"/files/*.txt
N=$#
TENTH=$((N / 10))
/usr/bin/time -f "%e %U %S %M" -o "$DIR/t10" "$BIN" extract -j 1 --format jsonl -o "$DIR/out10.jsonl" $(ls "$DIR"/files/*.txt | head -n "$TENTH")
# One file of 500 MB (the corpus repeated): peak memory against its size.
BIG="$DIR/big.txt"
if [ ! -f "$BIG" ]; then
    : >"$BIG"
    while [ "$(wc -c <"$BIG")" -lt 500000000 ]; do cat "$DIR"/files/*.txt >>"$BIG"; done
fi
/usr/bin/time -f "%e %U %S %M" -o "$DIR/tbig" "$BIN" extract -j 1 --format jsonl -o /dev/null "$BIG"
python3 - "$DIR/times" "$DIR/t10" "$MB" "$N" "$TENTH" "$DIR/out.jsonl" "$DIR/floor_times" "$DIR/tbig" "$BIG" "$DIR/jtimes" "$NCPU" <<'PY'
import os, statistics, sys
def load(p):
    rows = [l.split() for l in open(p) if l.strip()]
    return [float(r[0]) for r in rows], [float(r[1]) + float(r[2]) for r in rows], [int(r[3]) for r in rows]
wall, cpu, rss = load(sys.argv[1])
fwall, fcpu, _ = load(sys.argv[7])
t10 = open(sys.argv[2]).read().split()
big = open(sys.argv[8]).read().split()
mb, n, tenth = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
recs = sum(1 for l in open(sys.argv[6], encoding="utf-8") if '"type":"record"' in l)
cm, fm = statistics.median(cpu), statistics.median(fcpu)
print(f"bench: extract --format jsonl, {n} files, {mb} MB, {recs} records, one core")
print(f"bench: CPU (user+sys) runs (s): {' '.join(f'{s:.2f}' for s in cpu)}")
print(f"bench: median CPU {cm:.2f} s -> {mb / cm:.0f} MB/s; median wall {statistics.median(wall):.2f} s")
print(f"bench: floor (bench/floor.c: read, count code points and digits), same runs: median CPU {fm:.3f} s "
      f"-> {mb / fm:.0f} MB/s; extraction takes {cm / fm:.1f}x the floor's CPU")
jwall, jcpu, _ = load(sys.argv[10])
print(f"bench: -j {sys.argv[11]} (alternating with -j 1): median wall {statistics.median(jwall):.2f} s against "
      f"{statistics.median(wall):.2f} s ({statistics.median(wall) / statistics.median(jwall):.2f}x), "
      f"median CPU {statistics.median(jcpu):.2f} s against {cm:.2f} s")
print(f"bench: peak RSS {max(rss) / 1024:.1f} MB on {n} files; {int(t10[3]) / 1024:.1f} MB on {tenth} files")
bigmb = os.path.getsize(sys.argv[9]) / 1e6
print(f"bench: one file of {bigmb:.0f} MB: peak RSS {int(big[3]) / 1024:.0f} MB "
      f"({int(big[3]) * 1024 / 1e6 / bigmb:.2f}x the file), CPU {float(big[1]) + float(big[2]):.2f} s")
PY

# --- side by side with another build (BASELINE=path/to/old/edustat) ---------------
# The two binaries alternate on the same files, so the machine's load falls on
# both alike; CPU time (user + sys) is reported next to wall time.
if [ -n "${BASELINE:-}" ]; then
    : >"$DIR/ab_times"
    for i in $(seq "$RUNS"); do
        for which in baseline this; do
            b=$BIN
            [ "$which" = baseline ] && b=$BASELINE
            one=""
            [ "$which" = this ] && one="-j 1" # one core, as the baseline (built before -j) uses
            # shellcheck disable=SC2086
            /usr/bin/time -f "$which %U %S %e" -o "$DIR/t" "$b" extract $one --format jsonl -o "$DIR/ab.jsonl" "$DIR"/files/*.txt
            cat "$DIR/t" >>"$DIR/ab_times"
        done
    done
    python3 - "$DIR/ab_times" "$MB" <<'PY'
import statistics, sys
cpu = {"baseline": [], "this": []}
wall = {"baseline": [], "this": []}
for l in open(sys.argv[1]):
    w, u, s, e = l.split()
    cpu[w].append(float(u) + float(s))
    wall[w].append(float(e))
mb = float(sys.argv[2])
for w in ("baseline", "this"):
    print(f"bench: {w}: CPU runs {' '.join(f'{x:.2f}' for x in cpu[w])}; median CPU {statistics.median(cpu[w]):.2f} s "
          f"({mb / statistics.median(cpu[w]):.0f} MB/s), median wall {statistics.median(wall[w]):.2f} s")
r = statistics.median(cpu["this"]) / statistics.median(cpu["baseline"])
print(f"bench: this build takes {r:.2f}x the baseline's CPU time ({(r - 1) * 100:+.0f}%)")
PY
fi

# --- run (extract, table, statistics, JSON; no PDF) on the same corpus -----------
: >"$DIR/run_times"
for i in $(seq "$RUNS"); do
    rm -rf "$DIR/run"
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/t" "$BIN" run --no-pdf -o "$DIR/run" "$DIR"/files/*.txt 2>/dev/null
    cat "$DIR/t" >>"$DIR/run_times"
done

# --- statistics alone on 1 and 3 million synthetic records -------------------------
# Each next to the floor reading the same records file; 3 M once (RUNS=1 of
# it), to show time and memory grow linearly with the records.
gen_records() {
    python3 - "$1" "$2" <<'PY'
import json, os, random, sys
path, want = sys.argv[1], int(sys.argv[2])
if not os.path.exists(path):
    rnd = random.Random(7)
    indicators = [("schools.count", "所", 50, 300), ("staff.teachers", "人", 2000, 12000),
                  ("enrollment.students", "人", 20000, 200000), ("funding.investment", "元", 3e8, 3e9),
                  ("enrollment.rate.primary", "%", 97, 100), ("enrollment.places", "个", 1000, 9000),
                  ("staff.training", "人次", 5000, 50000), ("facilities.rooms", "间", 10, 400)]
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        n = 0
        d = 0
        while n < want:
            d += 1
            district = f"区{d % 2000:04d}"
            year = 2010 + (d // 2000) % 15
            doc = f"s{d:06d}.txt#1"
            f.write(json.dumps({"type": "document", "id": doc, "file": f"s{d:06d}.txt", "index": 1,
                                "title": "t", "start_line": 1, "end_line": 9, "district": district,
                                "district_code": None, "city": "某市", "year": year},
                               ensure_ascii=False) + "\n")
            for k in range(40):
                ind, unit, lo, hi = indicators[k % len(indicators)]
                f.write(json.dumps({"type": "record", "id": f"{doc}@{k * 10}", "doc": doc,
                                    "file": f"s{d:06d}.txt", "line": k + 1, "start": k * 10,
                                    "end": k * 10 + 4, "raw": "x", "value": round(rnd.uniform(lo, hi), 2),
                                    "unit": unit, "qualifier": "exact", "indicator": ind,
                                    "context": "synthetic"}, ensure_ascii=False) + "\n")
                n += 1
    os.rename(path + ".tmp", path)
PY
}
gen_records "$DIR/synthetic.jsonl" 1000000
gen_records "$DIR/synthetic3m.jsonl" 3000000
stats_run() { # records file, times file
    rm -rf "$DIR/stats"
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/t" "$BIN" run --from-records --no-records --no-pdf --no-review -o "$DIR/stats" "$1" 2>/dev/null
    cat "$DIR/t" >>"$2"
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/t" "$FLOOR" "$1" >/dev/null
    cat "$DIR/t" >>"$2.floor"
}
: >"$DIR/stats_times"
: >"$DIR/stats_times.floor"
: >"$DIR/stats3_times"
: >"$DIR/stats3_times.floor"
for i in $(seq "$RUNS"); do
    stats_run "$DIR/synthetic.jsonl" "$DIR/stats_times"
done
stats_run "$DIR/synthetic3m.jsonl" "$DIR/stats3_times"
python3 - "$DIR/run_times" "$DIR/stats_times" "$MB" "$DIR/stats3_times" "$DIR/synthetic.jsonl" "$DIR/synthetic3m.jsonl" <<'PY'
import os, statistics, sys
def load(p):
    rows = [l.split() for l in open(p) if l.strip()]
    return [float(r[0]) for r in rows], [int(r[1]) for r in rows], [float(r[2]) + float(r[3]) for r in rows]
rs, rm, rc = load(sys.argv[1])
ss, sm, sc = load(sys.argv[2])
_, _, fc = load(sys.argv[2] + ".floor")
s3, m3, c3 = load(sys.argv[4])
_, _, f3 = load(sys.argv[4] + ".floor")
mb = float(sys.argv[3])
print(f"bench: run (records, table, summary, JSON, CSV, review page; no PDF; all cores) on {mb} MB: runs "
      f"{' '.join(f'{x:.2f}' for x in rs)}; median {statistics.median(rs):.2f} s wall ({mb / statistics.median(rs):.0f} MB/s), "
      f"{statistics.median(rc):.2f} s CPU, peak RSS {max(rm) / 1024:.0f} MB")
w1, c1, m1, fl1 = statistics.median(ss), statistics.median(sc), max(sm), statistics.median(fc)
mb1 = os.path.getsize(sys.argv[5]) / 1e6
print(f"bench: statistics alone (run --from-records --no-records --no-pdf --no-review, all cores) on 1,000,000 "
      f"synthetic records ({mb1:.0f} MB): runs {' '.join(f'{x:.2f}' for x in ss)}; median {w1:.2f} s wall, "
      f"{c1:.2f} s CPU, peak RSS {m1 / 1024:.0f} MB; floor reading the same file {fl1:.2f} s CPU "
      f"({c1 / fl1:.0f}x)")
mb3 = os.path.getsize(sys.argv[6]) / 1e6
print(f"bench: the same on 3,000,000 records ({mb3:.0f} MB), one run: {s3[0]:.2f} s wall, {c3[0]:.2f} s CPU, "
      f"peak RSS {m3[0] / 1024:.0f} MB; floor {f3[0]:.2f} s CPU. 3M / 1M: wall {s3[0] / w1:.2f}x, "
      f"CPU {c3[0] / c1:.2f}x, memory {m3[0] / m1:.2f}x")
PY

# --- the PDF briefing: the examples, and 20 indicators x 30 districts x 5 years ------
"$BIN" run --no-pdf -o "$DIR/examples" examples/*.txt examples/*.html 2>/dev/null
python3 tests/e2e/make_large_records.py "$DIR/large.jsonl"
for which in examples large; do
    src="$DIR/examples"
    [ "$which" = large ] && src="$DIR/large.jsonl"
    : >"$DIR/pdf_times"
    : >"$DIR/start_times"
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M %U %S" -o "$DIR/t" "$BIN" report -o "$DIR/$which.pdf" "$src" 2>/dev/null
        cat "$DIR/t" >>"$DIR/pdf_times"
        # the floor of any run of edustat: starting it (loading its libraries)
        /usr/bin/time -f "%e %M %U %S" -o "$DIR/t" "$BIN" --version >/dev/null
        cat "$DIR/t" >>"$DIR/start_times"
    done
    python3 - "$DIR/pdf_times" "$DIR/$which.pdf" "$which" "$DIR/start_times" <<'PY'
import os, statistics, subprocess, sys
def load(p):
    rows = [l.split() for l in open(p) if l.strip()]
    return [float(r[0]) for r in rows], [float(r[2]) + float(r[3]) for r in rows]
secs, cpu = load(sys.argv[1])
ssecs, scpu = load(sys.argv[4])
pages = [l for l in subprocess.run(["pdfinfo", sys.argv[2]], capture_output=True, text=True).stdout.splitlines()
         if l.startswith("Pages:")]
print(f"bench: briefing of {sys.argv[3]}: runs {' '.join(f'{x:.3f}' for x in secs)}; median "
      f"{statistics.median(secs):.3f} s wall, {statistics.median(cpu):.2f} s CPU, "
      f"{os.path.getsize(sys.argv[2]) / 1024:.0f} KB, {pages[0].split()[1] if pages else '?'} pages; "
      f"floor (edustat --version, same runs) {statistics.median(ssecs):.3f} s wall")
PY
done
