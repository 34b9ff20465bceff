#!/bin/sh
# Score edustat against the shared gold annotation (../shared/eval):
# the reference page and the dev set. Skips cleanly where it is absent.
# Usage: scripts/eval.sh BUILD/edustat SHARED_DIR
set -u
BIN=$1
SHARED=$2
if [ ! -f "$SHARED/eval/score.py" ]; then
    echo "eval: $SHARED/eval not found; skipping (the shared gold is only on the team's machines)"
    exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0

echo "== reference page ($SHARED/corpus/000_5f087490e1ad5959.txt)"
"$BIN" extract -o "$TMP/seed.json" "$SHARED/corpus/000_5f087490e1ad5959.txt" || status=1
python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/seed-gold.jsonl" --pred "$TMP/seed.json" \
    --docs "$SHARED/eval/seed-docs.json" --file 000_5f087490e1ad5959.txt --errors "${ERRORS:-5}" || status=1

echo
echo "== dev set ($SHARED/eval/dev)"
set -- "$SHARED"/eval/dev/dev*.txt "$SHARED"/eval/dev/dev*.html
"$BIN" extract -o "$TMP/dev.json" "$@" || status=1
python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/dev/gold.jsonl" --pred "$TMP/dev.json" \
    --docs "$SHARED/eval/dev/docs.json" --errors "${ERRORS:-5}" || status=1
exit $status
