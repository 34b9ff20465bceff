#!/bin/sh
# Reading Word, Excel and PDF files: cells, paragraphs or pages per second
# of CPU, and peak memory, each next to the floor program over the same
# bytes in the same run. Medians of RUNS (5). A benchmark, not a test.
# Usage: bench/formats.sh BUILD/edustat BUILD/bench/floor
set -eu
BIN=$1
FLOOR=$2
DIR=${BENCH_DIR:-build/bench}/formats
RUNS=${RUNS:-5}
[ -f "$DIR/cells-200k.xls" ] || python3 "$(dirname "$0")/make_formats.py" "$DIR"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in cells-1m.xlsx:1000000:cells cells-200k.xls:200000:cells paragraphs-20k.docx:22001:paragraphs-and-rows pages-2000.pdf:2000:pages; do
    file=${f%%:*}; rest=${f#*:}; units=${rest%%:*}; what=${rest#*:}
    : >"$DIR/t.all"; : >"$DIR/f.all"
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "%U %S %M" -o "$DIR/t" "$FLOOR" "$DIR/$file" >/dev/null
        awk '{print $1+$2}' "$DIR/t" >>"$DIR/f.all"
        /usr/bin/time -f "%U %S %M" -o "$DIR/t" "$BIN" extract -j 1 --format jsonl -o "$DIR/out.jsonl" "$DIR/$file" 2>/dev/null
        awk '{print $1+$2, $3}' "$DIR/t" >>"$DIR/t.all"
    done
    cpu=$(cut -d' ' -f1 "$DIR/t.all" | median)
    mem=$(cut -d' ' -f2 "$DIR/t.all" | median)
    floor=$(median <"$DIR/f.all")
    size=$(wc -c <"$DIR/$file")
    recs=$(grep -c '"type":"record"' "$DIR/out.jsonl" || true)
    python3 -c "
cpu, floor, units, size, mem = $cpu, $floor, $units, $size, $mem
rate = units / cpu if cpu > 0 else float('inf')
print('bench: %-20s %7.1f MB  %9d $what  %6.2f s CPU  %9.0f $what/s  floor %.3f s  peak %.0f MB  $recs records'
      % ('$file', size / 1e6, units, cpu, rate, floor, mem / 1024))"
done
