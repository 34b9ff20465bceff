#!/bin/sh
# Extraction throughput and peak memory on the shared corpus of government
# work reports, split into one text file per report and repeated to at
# least 100 MB. Prints the median of 5 runs. A benchmark, not a test.
# Usage: bench/throughput.sh BUILD/edustat SHARED_DIR
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
for i in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DIR/t" "$BIN" extract --format jsonl -o "$DIR/out.jsonl" "$DIR"/files/*.txt
    cat "$DIR/t" >>"$DIR/times"
done
# Peak memory on a tenth of the files, to show it does not grow with them.
set -- "$DIR"/files/*.txt
N=$#
TENTH=$((N / 10))
/usr/bin/time -f "%e %M" -o "$DIR/t10" "$BIN" extract --format jsonl -o "$DIR/out10.jsonl" $(ls "$DIR"/files/*.txt | head -n "$TENTH")
python3 - "$DIR/times" "$DIR/t10" "$MB" "$N" "$TENTH" "$DIR/out.jsonl" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
secs = [float(r[0]) for r in rows]
rss = [int(r[1]) for r in rows]
t10 = open(sys.argv[2]).read().split()
mb, n, tenth = float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
recs = sum(1 for l in open(sys.argv[6], encoding="utf-8") if '"type":"record"' in l)
med = statistics.median(secs)
print(f"bench: extract --format jsonl, {n} files, {mb} MB, {recs} records")
print(f"bench: runs (s): {' '.join(f'{s:.2f}' for s in secs)}")
print(f"bench: median {med:.2f} s  ->  {mb / med:.0f} MB/s")
print(f"bench: peak RSS {max(rss) / 1024:.1f} MB on {n} files; {int(t10[1]) / 1024:.1f} MB on {tenth} files")
PY
