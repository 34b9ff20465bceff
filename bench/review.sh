#!/bin/sh
# The review page at scale: a 100 MB corpus of invented education
# summaries (bench/make_corpus.py: 30 districts x 10 years, each restated
# by many documents), run without the PDF and with it, then the page's size and the
# time its script needs in headless Chromium (median of 3). A benchmark,
# not a test: it prints figures.
# Usage: bench/review.sh BUILD/edustat [SIZE_MB]
set -eu
BIN=$1
SIZE=${2:-100}
DIR=${BENCH_DIR:-build/bench-review}
HERE=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$DIR/corpus" ]; then
    python3 "$HERE/make_corpus.py" "$DIR/corpus" "$SIZE" 30 10
fi
find "$DIR/corpus" -name '*.txt' | sort >"$DIR/list"
echo "bench-review: corpus $(du -sm "$DIR/corpus" | cut -f1) MB, $(wc -l <"$DIR/list") files"
/usr/bin/time -f "bench-review: run without the PDF: %e s wall, %U s user, %S s sys, %M KB peak" \
    "$BIN" run --no-pdf -o "$DIR/out" --files-from "$DIR/list" 2>&1 | grep -E "review.html|bench-review"
/usr/bin/time -f "bench-review: run with the PDF: %e s wall, %U s user, %S s sys, %M KB peak" \
    "$BIN" run -o "$DIR/out-pdf" --files-from "$DIR/list" 2>&1 | grep -E "briefing.pdf|bench-review"
page="$DIR/out/review.html"
echo "bench-review: review.html $(wc -c <"$page") bytes"
key=$(grep -o 'class="cell[^"]*" data-key="[^"]*"' "$page" | head -1 | sed 's/.*data-key="//; s/"$//')
for i in 1 2 3; do
    python3 "$HERE/../tests/e2e/review_check.py" "$page" --click "$key" | sed -n 's/.*script done \([0-9]*\) ms.*/\1/p'
done | sort -n | sed -n 2p | sed 's/^/bench-review: page ready in Chromium (median of 3, ms): /'
