#!/bin/sh
# Score edustat against the shared gold annotation (../shared/eval): the
# reference page and the dev set, each as written and as text from PDF and
# Word would give it (tools/variants.py: spaces around numbers and units,
# spaces taken out, paragraphs wrapped at one width), against the bars of
# issue 9. Skips cleanly where the shared gold is absent.
# Usage: scripts/eval.sh BUILD/edustat SHARED_DIR
set -u
BIN=$1
SHARED=$2
if [ ! -f "$SHARED/eval/score.py" ]; then
    echo "eval: $SHARED/eval not found; skipping (the shared gold is only on the team's machines)"
    exit 0
fi
HERE=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0
SEED_FILE=000_5f087490e1ad5959.txt
SEED_BARS="--min-f1 0.98 --min-indicator 0.93 --min-meta 1.0"
DEV_BARS="--min-f1 0.98 --min-indicator 0.95 --min-meta 1.0"

# score_seed DIR GOLD DOCS: the reference page as found in DIR
score_seed() {
    "$BIN" extract -o "$TMP/seed.json" "$1/$SEED_FILE" || status=1
    # shellcheck disable=SC2086
    python3 "$SHARED/eval/score.py" --gold "$2" --pred "$TMP/seed.json" --docs "$3" \
        --file "$SEED_FILE" --errors "${ERRORS:-5}" $SEED_BARS || status=1
}

# score_dev DIR GOLD DOCS
score_dev() {
    dir=$1 gold=$2 docs=$3
    set -- "$dir"/dev*.txt "$dir"/dev*.html
    "$BIN" extract -o "$TMP/dev.json" "$@" || status=1
    # shellcheck disable=SC2086
    python3 "$SHARED/eval/score.py" --gold "$gold" --pred "$TMP/dev.json" --docs "$docs" \
        --errors "${ERRORS:-5}" $DEV_BARS || status=1
}

echo "== reference page ($SHARED/corpus/$SEED_FILE)"
score_seed "$SHARED/corpus" "$SHARED/eval/seed-gold.jsonl" "$SHARED/eval/seed-docs.json"
echo
echo "== dev set ($SHARED/eval/dev)"
score_dev "$SHARED/eval/dev" "$SHARED/eval/dev/gold.jsonl" "$SHARED/eval/dev/docs.json"

for mode in spaced collapsed wrapped; do
    V="$TMP/$mode"
    mkdir -p "$V/seed" "$V/dev"
    python3 "$HERE/tools/variants.py" "$mode" "$SHARED/corpus/$SEED_FILE" "$V/seed/$SEED_FILE" \
        --gold "$SHARED/eval/seed-gold.jsonl" "$V/seed/gold.jsonl" \
        --docs "$SHARED/eval/seed-docs.json" "$V/seed/docs.json" --file "$SEED_FILE" || status=1
    cp "$SHARED/eval/dev/docs.json" "$V/dev/docs.json"
    : >"$V/dev/gold.jsonl"
    for f in "$SHARED"/eval/dev/dev*.txt "$SHARED"/eval/dev/dev*.html; do
        b=$(basename "$f")
        grep "\"$b\"" "$SHARED/eval/dev/gold.jsonl" >"$V/dev/gold.in" || true
        python3 "$HERE/tools/variants.py" "$mode" "$f" "$V/dev/$b" --gold "$V/dev/gold.in" "$V/dev/gold.out" \
            --docs "$V/dev/docs.json" "$V/dev/docs.out" --file "$b" || status=1
        cat "$V/dev/gold.out" >>"$V/dev/gold.jsonl"
        mv "$V/dev/docs.out" "$V/dev/docs.json"
    done
    echo
    echo "== reference page, $mode"
    score_seed "$V/seed" "$V/seed/gold.jsonl" "$V/seed/docs.json"
    echo
    echo "== dev set, $mode"
    score_dev "$V/dev" "$V/dev/gold.jsonl" "$V/dev/docs.json"
done
[ $status -eq 0 ] && echo "eval: every bar met" || echo "eval: some bar missed"
exit $status
