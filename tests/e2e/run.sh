#!/bin/sh
# End-to-end tests of the edustat binary: golden output, formats, and every
# kind of bad input (message, exit status, no half-written output).
# Usage: EDUSTAT=build/edustat sh tests/e2e/run.sh
set -u
EDUSTAT=${EDUSTAT:-build/edustat}
case $EDUSTAT in /*) ;; *) EDUSTAT=$(pwd)/$EDUSTAT ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
FIX=$HERE/../fixtures
TMP=$(mktemp -d)
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_status WANT CMD... : run CMD, stderr to $TMP/err, check the status
expect_status() {
    want=$1
    shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "exit $got, want $want: $*"; cat "$TMP/err"; fi
}

expect_err() { # expect_err TEXT: stderr contains TEXT
    if grep -qF -- "$1" "$TMP/err"; then ok; else bad "stderr lacks '$1':"; cat "$TMP/err"; fi
}

json_check() { # json_check FILE PYTHON-EXPR: the expression holds for the parsed object d
    if python3 -c "
import json,sys
t=open(sys.argv[1],encoding='utf-8').read()
try:
    d=json.loads(t)
except ValueError:
    d=[json.loads(l) for l in t.splitlines() if l.strip()]
sys.exit(0 if ($2) else 1)" "$1"; then ok; else bad "check failed on $1: $2"; fi
}

cd "$FIX" || exit 1

# --- golden output on our fixtures (UPDATE_GOLDEN=1 rewrites it) ----------
"$EDUSTAT" extract two-docs.txt gb18030-crlf.txt cr-only.txt utf8-bom.txt table.html >"$TMP/golden.json" 2>"$TMP/err"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$TMP/golden.json" "$HERE/expected/fixtures.json"; fi
if cmp -s "$TMP/golden.json" "$HERE/expected/fixtures.json"; then ok; else
    bad "output differs from tests/e2e/expected/fixtures.json"; diff "$HERE/expected/fixtures.json" "$TMP/golden.json" | head -20; fi

# --- determinism ------------------------------------------------------------
"$EDUSTAT" extract two-docs.txt table.html >"$TMP/a.json" 2>/dev/null
"$EDUSTAT" extract two-docs.txt table.html >"$TMP/b.json" 2>/dev/null
if cmp -s "$TMP/a.json" "$TMP/b.json"; then ok; else bad "output is not deterministic"; fi

# --- records.json contract ----------------------------------------------------
json_check "$TMP/a.json" "d['schema']=='edustat.records/2' and len(d['documents'])==3"
json_check "$TMP/a.json" "all(k in r for r in d['records'] for k in ('id','doc','file','line','start','end','raw','value','unit','qualifier','indicator','context','year','year_from','basis','scope','district','city'))"
json_check "$TMP/a.json" "[r['raw'] for r in d['redactions']]==['__所','**人']"
json_check "$TMP/a.json" "[x['start_line'] for x in d['documents']]==[4,9,1]"
# byte offsets point at the raw text in the file
json_check "$TMP/a.json" "all(open(r['file'],'rb').read()[r['start']:r['end']].decode()==r['raw'] for r in d['records'])"
json_check "$TMP/a.json" "len(set(r['id'] for r in d['records']))==len(d['records'])"
# a table cell keeps its row's words
json_check "$TMP/a.json" "any(r['raw']=='3,450' and r['value']==34500000 and '甲街道' in r['context'] for r in d['records'])"

# --- jsonl: documents before their records -------------------------------------
expect_status 0 "$EDUSTAT" extract --format jsonl -o "$TMP/r.jsonl" two-docs.txt
json_check "$TMP/r.jsonl" "d[0]['type']=='document' and all(o['type'] in ('document','record','redaction') for o in d)"
json_check "$TMP/r.jsonl" "all(any(p['type']=='document' and p['id']==o['doc'] for p in d[:i]) for i,o in enumerate(d) if o['type']!='document')"

# --- --split none, standard input, GB18030 offsets ---------------------------------
expect_status 0 "$EDUSTAT" extract --split none -o "$TMP/n.json" two-docs.txt
json_check "$TMP/n.json" "len(d['documents'])==1 and d['documents'][0]['start_line']==1"
"$EDUSTAT" extract - <two-docs.txt >"$TMP/stdin.json" 2>"$TMP/err"
json_check "$TMP/stdin.json" "len(d['records'])>=3 and d['records'][0]['file']=='-'"
expect_status 0 "$EDUSTAT" extract -o "$TMP/gb.json" gb18030-crlf.txt
json_check "$TMP/gb.json" "[r['raw'] for r in d['records']]==['一百二十所','八千六百余人','１∶５．２'] and d['records'][0]['line']==2"
json_check "$TMP/gb.json" "all(open('gb18030-crlf.txt','rb').read()[r['start']:r['end']].decode('gb18030')==r['raw'] for r in d['records'])"

# --- bad input: each is reported, the other files are still done ----------------------
expect_status 1 "$EDUSTAT" extract -o "$TMP/m.json" no-such-file.txt two-docs.txt
expect_err "edustat: no-such-file.txt: No such file or directory"
json_check "$TMP/m.json" "len(d['records'])>=3"

expect_status 1 "$EDUSTAT" extract -o "$TMP/d.json" "$FIX" two-docs.txt
expect_err "is a directory"

: >"$TMP/empty.txt"
expect_status 1 "$EDUSTAT" extract -o "$TMP/e.json" "$TMP/empty.txt"
expect_err "empty.txt: empty file"

printf 'ELF\000\001\002binary\000data' >"$TMP/bin.dat"
expect_status 1 "$EDUSTAT" extract -o "$TMP/b.json" "$TMP/bin.dat" two-docs.txt
expect_err "bin.dat: not text in a known encoding"
json_check "$TMP/b.json" "len(d['records'])>=3"

printf 'caf\351 cr\350me br\373l\351e, na\357ve fa\347ade d\351j\340 vu\n' >"$TMP/latin1.txt"
expect_status 1 "$EDUSTAT" extract -o "$TMP/l.json" "$TMP/latin1.txt"
expect_err "latin1.txt: not text in a known encoding"

printf '第一行正常\n共有\377\376小学21所，教师300名，学生5000名。\n' >"$TMP/invalid.txt"
expect_status 0 "$EDUSTAT" extract -o "$TMP/i.json" "$TMP/invalid.txt"
expect_err "invalid.txt:2: 2 invalid bytes in UTF-8 text replaced"
json_check "$TMP/i.json" "[r['raw'] for r in d['records']]==['21所','300名','5000名']"

if [ "$(id -u)" -ne 0 ]; then
    printf '21所\n' >"$TMP/secret.txt"
    chmod 000 "$TMP/secret.txt"
    expect_status 1 "$EDUSTAT" extract -o "$TMP/s.json" "$TMP/secret.txt"
    expect_err "secret.txt: Permission denied"
fi

# a 50 MB file with no newline, and a million 一: done, no crash, no hang
python3 -c "
import sys
open(sys.argv[1],'w').write('全区新增学位300个，'*2500000)
open(sys.argv[2],'w').write('共有'+'一'*1000000+'所学校，另有21所。')" "$TMP/long.txt" "$TMP/ones.txt"
expect_status 0 "$EDUSTAT" extract --format jsonl -o "$TMP/long.jsonl" "$TMP/long.txt"
if [ "$(grep -c '"record"' "$TMP/long.jsonl")" -eq 2500000 ]; then ok; else bad "50 MB line: wrong record count"; fi
expect_status 0 "$EDUSTAT" extract -o "$TMP/ones.json" "$TMP/ones.txt"
json_check "$TMP/ones.json" "[r['raw'] for r in d['records']]==['21所']"
expect_err "ones.txt:1: number of 3000000 bytes too long or too large to hold, skipped"

# a 40-digit number is reported, never wrapped
printf '经费1234567890123456789012345678901234567890元，学校21所。\n' >"$TMP/big.txt"
expect_status 0 "$EDUSTAT" extract -o "$TMP/big.json" "$TMP/big.txt"
expect_err "big.txt:1: number of 40 bytes too long or too large to hold"
json_check "$TMP/big.json" "[r['raw'] for r in d['records']]==['21所']"

# --- output is written whole or not at all -----------------------------------------------
expect_status 1 "$EDUSTAT" extract -o "$TMP/no/such/dir/out.json" two-docs.txt
expect_err "cannot create output"
if [ ! -e "$TMP/no/such/dir/out.json" ]; then ok; else bad "output written into a missing dir"; fi
echo "old" >"$TMP/keep.json"
if [ -w /dev/full ]; then
    expect_status 1 sh -c "\"$EDUSTAT\" extract two-docs.txt >/dev/full"
    expect_err "cannot write"
fi
ls "$TMP" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok
# a FIFO (like /dev/null) is written in place, never replaced by a file
mkfifo "$TMP/pipe"
timeout 20 cat "$TMP/pipe" >"$TMP/from-pipe" &
expect_status 0 "$EDUSTAT" extract -o "$TMP/pipe" two-docs.txt
wait
if [ -p "$TMP/pipe" ]; then ok; else bad "-o FIFO replaced the FIFO by a file"; fi
json_check "$TMP/from-pipe" "len(d['records'])>=3"

# --- usage errors ------------------------------------------------------------------------
expect_status 2 "$EDUSTAT"
expect_status 2 "$EDUSTAT" frobnicate
expect_err "unknown command 'frobnicate'"
# the version and a command's help, the ways people ask for them
for v in --version -V version; do
    expect_status 0 "$EDUSTAT" $v
    if grep -qE '^edustat [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"; then ok; else bad "edustat $v printed: $(cat "$TMP/out")"; fi
done
expect_status 0 "$EDUSTAT" help run
if grep -q "^usage: edustat run" "$TMP/out"; then ok; else bad "edustat help run is not run's help"; fi
expect_status 2 "$EDUSTAT" help frobnicate
expect_err "unknown command 'frobnicate'"
# no files: standard input when it is piped in (as jq reads it), a usage
# error when it is a terminal
"$EDUSTAT" extract <two-docs.txt >"$TMP/stdin.json" 2>"$TMP/err"
json_check "$TMP/stdin.json" "d['documents'][0]['file']=='-' and len(d['records'])==4"
expect_status 1 "$EDUSTAT" extract </dev/null
expect_err "-: empty file"
"$EDUSTAT" compare --indicator funding.investment <two-docs.txt >"$TMP/out" 2>"$TMP/err"
if grep -q "天河区.*2023.*21.50" "$TMP/out"; then ok; else bad "compare on standard input"; cat "$TMP/err"; fi
"$EDUSTAT" extract two-docs.txt 2>/dev/null | "$EDUSTAT" report -o "$TMP/stdin.pdf" 2>"$TMP/err"
if [ -s "$TMP/stdin.pdf" ] && grep -q "wrote" "$TMP/err"; then ok; else bad "report of records on standard input"; cat "$TMP/err"; fi
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "\"$EDUSTAT\" extract" /dev/null >"$TMP/tty" 2>&1
    if grep -q "no input files" "$TMP/tty"; then ok; else bad "no usage error for no files on a terminal"; cat "$TMP/tty"; fi
fi
expect_status 2 "$EDUSTAT" extract --format xml two-docs.txt
expect_err "--format must be json or jsonl"
expect_status 2 "$EDUSTAT" extract --bogus two-docs.txt
expect_status 2 "$EDUSTAT" extract -o
expect_status 0 "$EDUSTAT" extract --help
expect_status 0 "$EDUSTAT" --version

# --- indicators and metadata -------------------------------------------------------------
expect_status 0 "$EDUSTAT" indicators
if grep -q "^schools.count .*学校数" "$TMP/out"; then ok; else bad "indicators table lacks schools.count"; fi
expect_status 0 "$EDUSTAT" indicators --format json
json_check "$TMP/out" "any(i['id']=='funding.investment' and i['label']=='教育经费投入' and '元' in i['units'] for i in d)"
printf 'facilities.library	图书	count	册		图书:9
' >"$TMP/lex.tsv"
printf '馆藏图书12万册，新建学校3所。
' >"$TMP/books.txt"
expect_status 0 "$EDUSTAT" extract --lexicon "$TMP/lex.tsv" -o "$TMP/lex.json" "$TMP/books.txt"
json_check "$TMP/lex.json" "[(r['raw'],r['indicator'],r['label']) for r in d['records']]==[('12万册','facilities.library','图书'),('3所','schools.count','学校数')]"
# a lexicon saved by Excel or WPS in GB18030 is read as GB18030, and its labels come out as UTF-8
iconv -f utf-8 -t gb18030 "$TMP/lex.tsv" >"$TMP/lex-gb.tsv"
expect_status 0 "$EDUSTAT" extract --lexicon "$TMP/lex-gb.tsv" -o "$TMP/lex-gb.json" "$TMP/books.txt"
json_check "$TMP/lex-gb.json" "[(r['raw'],r['indicator'],r['label']) for r in d['records']][0]==('12万册','facilities.library','图书')"
printf 'x.y	标签	count	人
' >"$TMP/badlex.tsv"
expect_status 2 "$EDUSTAT" extract --lexicon "$TMP/badlex.tsv" "$TMP/books.txt"
expect_err "badlex.tsv:1: expected 6 to 8 tab-separated fields"
expect_status 2 "$EDUSTAT" indicators --lexicon "$TMP/no-such.tsv"
expect_err "no-such.tsv: No such file or directory"
json_check "$TMP/a.json" "[(x['district'],x['district_code'],x['year'],x['district_from'],x['year_from']) for x in d['documents']][0]==('天河区','440106',2023,'title','title')"
json_check "$TMP/a.json" "all(r['district']=='天河区' and r['year']==2023 for r in d['records'] if r['doc']=='two-docs.txt#1')"
expect_status 0 "$EDUSTAT" extract --district 越秀区 --city 广州市 --year 2021 -o "$TMP/o.json" two-docs.txt
json_check "$TMP/o.json" "all(x['district']=='越秀区' and x['city']=='广州市' and x['year']==2021 and x['district_from']=='option' and x['district_code']=='440104' for x in d['documents'])"
printf 'file,doc_index,district,city,year
two-docs.txt,2,海珠区,,2022
' >"$TMP/man.csv"
expect_status 0 "$EDUSTAT" extract --manifest "$TMP/man.csv" -o "$TMP/man.json" two-docs.txt
json_check "$TMP/man.json" "[(x['district'],x['year'],x['district_from'],x['year_from']) for x in d['documents']]==[('天河区',2023,'title','title'),('海珠区',2022,'manifest','manifest')]"
printf 'file,doc_index,district,city,year
two-docs.txt,x,,,
' >"$TMP/badman.csv"
expect_status 2 "$EDUSTAT" extract --manifest "$TMP/badman.csv" two-docs.txt
expect_err "badman.csv:2: doc_index must be a number"
# a manifest as Excel saves it: with a byte-order mark, in GB18030, in UTF-16; bytes of no encoding are refused
printf '\357\273\277' | cat - "$TMP/man.csv" >"$TMP/man-bom.csv"
iconv -f utf-8 -t gb18030 "$TMP/man.csv" >"$TMP/man-gb.csv"
iconv -f utf-8 -t utf-16 "$TMP/man.csv" >"$TMP/man-16.csv"
for m in bom gb 16; do
    expect_status 0 "$EDUSTAT" extract --manifest "$TMP/man-$m.csv" -o "$TMP/man-$m.json" two-docs.txt
    json_check "$TMP/man-$m.json" "[(x['district'],x['district_from']) for x in d['documents']][1]==('海珠区','manifest')"
done
printf 'file,doc_index,district,city,year\ntwo-docs.txt,2,\377\376\375,,2022\n' >"$TMP/man-bad.csv"
expect_status 2 "$EDUSTAT" extract --manifest "$TMP/man-bad.csv" two-docs.txt
expect_err "man-bad.csv:2: not UTF-8, GB18030 or UTF-16 text"

# --- run: the whole job; shards merge to the same table ---------------------------------------
expect_status 0 "$EDUSTAT" run -o "$TMP/run" two-docs.txt gb18030-crlf.txt cr-only.txt table.html
for f in records table summary datapackage echarts; do
    expect_err "wrote $TMP/run/$f.json ("
    json_check "$TMP/run/$f.json" "True"
done
json_check "$TMP/run/table.json" "d['schema']=='edustat.table/2' and 'targets' in d and all(set(r)>={'indicator','label','kind','unit','district','district_code','city','year','period_start','value','qualifier','pick','n_mentions','sources','quote','source_file','source_line','n_sources','conflict'} for r in d['rows'])"
json_check "$TMP/run/table.json" "any(r['indicator']=='schools.count' and r['district']=='天河区' and r['value']==86 and r['period_start']=='2023-01-01' and r['district_code']=='440106' for r in d['rows'])"
json_check "$TMP/run/table.json" "any(u['district'] is None for u in d['unplaced'])"
json_check "$TMP/run/summary.json" "d['schema']=='edustat.summary/1' and len(d['comparisons'])>0 and 'nan' not in open('$TMP/run/summary.json').read().lower()"
# datapackage.json as a Data Package v2 reader sees it (Debian's python3-jsonschema); and the
# check fails on a descriptor whose schema does not match its CSV, or with a field type v2 lacks
SYSPY=${SYSTEM_PYTHON:-/usr/bin/python3}
if "$SYSPY" -c "import jsonschema" 2>/dev/null; then
    if "$SYSPY" "$HERE/datapackage_check.py" "$TMP/run" >/dev/null 2>"$TMP/dperr"; then ok; else bad "datapackage.json"; cat "$TMP/dperr"; fi
    mkdir -p "$TMP/dpbad" && cp "$TMP/run"/*.csv "$TMP/run"/*.json "$TMP/run/table.xlsx" "$TMP/dpbad/"
    "$SYSPY" -c "import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['resources'][1]['schema']['fields'].pop(); json.dump(d,open(p,'w'))" "$TMP/dpbad/datapackage.json"
    if "$SYSPY" "$HERE/datapackage_check.py" "$TMP/dpbad" >/dev/null 2>"$TMP/dperr" || ! grep -q "is not the schema's fields" "$TMP/dperr"; then bad "datapackage check passed a schema that lacks a column"; else ok; fi
    cp "$TMP/run/datapackage.json" "$TMP/dpbad/"
    "$SYSPY" -c "import json,sys; p=sys.argv[1]; d=json.load(open(p)); d['resources'][0]['schema']['fields'][0]['type']='text'; json.dump(d,open(p,'w'))" "$TMP/dpbad/datapackage.json"
    if "$SYSPY" "$HERE/datapackage_check.py" "$TMP/dpbad" >/dev/null 2>&1; then bad "datapackage check passed a field of type text"; else ok; fi
else
    echo "e2e: python3-jsonschema missing (scripts/deps.sh installs it): datapackage check skipped"
fi
json_check "$TMP/run/datapackage.json" "d['resources'][0]['path']=='table.csv' and d['resources'][0]['format']=='csv' and d['resources'][0]['schema']['primaryKey']==['indicator','district','year'] and {r['path'] for r in d['resources']}>={'table.json','summary.json','echarts.json'}"
# the CSV files: byte-order mark, RFC 4180, the schema's header, the JSON's rows and values
if python3 "$HERE/csv_check.py" "$TMP/run"; then ok; else bad "CSV files of a run"; fi
# the workbook: the long table and a sheet per indicator, values in the scale and format of their kind
if python3 "$HERE/xlsx_check.py" "$TMP/run/table.xlsx" "$TMP/run/table.json" >/dev/null; then ok; else bad "table.xlsx of a run"; fi
expect_err "wrote $TMP/run/table.csv ("
json_check "$TMP/run/echarts.json" "d['schema']=='edustat.echarts/2' and all(i['dataset']['source'][0][0]=='district' and 'dimensions' not in i['dataset'] for i in d['indicators'])"
# ECharts itself draws echarts.json right, as bars and as lines (Node, npm echarts, server-side SVG)
node_dir="$(cd "$(dirname "$EDUSTAT")" && pwd)/node"
if command -v node >/dev/null && { [ -d "$node_dir/node_modules/echarts" ] ||
    { command -v npm >/dev/null && mkdir -p "$node_dir" &&
      timeout 300 npm install --prefix "$node_dir" --silent --no-audit --no-fund echarts@5 >/dev/null 2>&1; }; }; then
    expect_status 0 "$EDUSTAT" run --no-pdf --no-review -o "$TMP/ec" "$HERE/../../examples/"*.txt "$HERE/../../examples/"*.html
    if NODE_PATH="$node_dir/node_modules" node "$HERE/echarts_ssr.js" "$TMP/ec/echarts.json" "$TMP/ec/table.json"; then ok
    else bad "ECharts draws echarts.json wrong"; fi
else
    echo "e2e: node, npm or the echarts package unavailable: ECharts rendering check skipped"
fi
"$EDUSTAT" extract --format jsonl -o "$TMP/s1.jsonl" two-docs.txt 2>/dev/null
"$EDUSTAT" extract --format jsonl -o "$TMP/s2.jsonl" gb18030-crlf.txt cr-only.txt 2>/dev/null
"$EDUSTAT" extract -o "$TMP/s3.json" table.html 2>/dev/null
expect_status 0 "$EDUSTAT" run --from-records -o "$TMP/merged" "$TMP/s3.json" "$TMP/s2.jsonl" "$TMP/s1.jsonl"
for f in table summary echarts; do
    if cmp -s "$TMP/run/$f.json" "$TMP/merged/$f.json"; then ok; else bad "$f.json of merged shards differs from a single run"; fi
done
# --- each figure's year, basis and scope: every cell of a table written with traps ------------
# Our own summaries of three districts and a city's bulletin: last year restated (上年为),
# a multi-year review (由2020年的…增至2023年的…), 由A提高到B, totals since a plan period,
# city-wide figures, parts (其中, 民办, 骨干, one school), plans and 2025 targets, and a
# figure two documents give differently.
expect_status 0 "$EDUSTAT" run -o "$TMP/sit" situate/siming-2023.txt situate/siming-2024.txt situate/huli-2023.txt situate/xiamen-2023.txt
json_check "$TMP/sit/table.json" "sorted((r['indicator'],r['district'],r['year'],r['value']) for r in d['rows'])==sorted([
 ('enrollment.rate.preschool','思明区',2023,98.4),('enrollment.rate.preschool','思明区',2024,99.1),('enrollment.rate.preschool','湖里区',2023,97.6),
 ('funding.investment','同安区',2023,710000000),('funding.investment','思明区',2022,1380000000),('funding.investment','思明区',2023,1500000000),
 ('funding.investment','思明区',2024,1620000000),('funding.investment','湖里区',2020,810000000),('funding.investment','湖里区',2023,1020000000),
 ('funding.investment','集美区',2023,930000000),
 ('enrollment.students','思明区',2023,96000),('enrollment.students','思明区',2024,99000),('enrollment.students','湖里区',2023,82000),
 ('enrollment.places','思明区',2023,3600),('enrollment.places','思明区',2024,3900),('enrollment.places','湖里区',2023,2800),('enrollment.places','集美区',2023,2600),
 ('staff.recruitment','思明区',2023,260),('staff.recruitment','思明区',2024,281),('staff.recruitment','湖里区',2023,190),
 ('schools.count','同安区',2023,92),('schools.count','思明区',2023,118),('schools.count','思明区',2024,121),('schools.count','湖里区',2023,98),('schools.count','集美区',2023,86)])"
# no target, total, wider or part figure is the source of a cell
json_check "$TMP/sit/records.json" "(lambda t: all(r['basis']=='actual' and r['scope']=='own' for r in d['records'] if r['id'] in {s for row in t['rows'] for s in row['sources']}))(json.load(open('$TMP/sit/table.json')))"
json_check "$TMP/sit/table.json" "{u['reason'] for u in d['unplaced']}>={'target','cumulative','wider','part','no_year','no_district'}"
json_check "$TMP/sit/table.json" "[sorted(v['value'] for v in r['values']) for r in d['rows'] if r['conflict']]==[[1500000000,1520000000]] and all(r['n_sources']==2 for r in d['rows'] if r['conflict'])"
json_check "$TMP/sit/table.json" "{(t['indicator'],t['district'],t['year'],t['value']) for t in d['targets']}>={('enrollment.places','思明区',2023,4500),('enrollment.rate.preschool','思明区',2025,99),('staff.recruitment','湖里区',2023,220)}"
json_check "$TMP/sit/records.json" "any(r['raw']=='97.1%' and r['year'] is None and r['year_from']=='clause' for r in d['records']) and any(r['raw']=='13.8亿元' and r['year']==2022 and r['year_from']=='relative' for r in d['records'])"
# the briefing: targets beside the table, the conflict and the reasons on the data-quality page
pdftotext "$TMP/sit/briefing.pdf" "$TMP/sit/briefing.txt" 2>/dev/null
for want in "目标（文件中的计划数，不计入上表）" "思明区（2023年的文件）目标4,500个" "思明区到2025年目标99.0%" \
    "目标不少于16.00亿元" "不同文件给出不同数值的单元格（表中取报告当年的文件，否则取最新的文件）：1处" \
    "思明区 2023年 教育经费投入：15.00亿元；各文件：15.00亿元" "多年累计数：3个" "计划或目标数：5个"; do
    if grep -qF "$want" "$TMP/sit/briefing.txt"; then ok; else bad "briefing lacks '$want'"; fi
done
# a records/1 file (no basis, scope or figure's year) is still read: its figures take their document's
python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
d['schema']='edustat.records/1'
for r in d['records']+d['redactions']:
    for k in ('year_from','basis','scope','district_code'): r.pop(k,None)
json.dump(d,open(sys.argv[2],'w'),ensure_ascii=False)" "$TMP/sit/records.json" "$TMP/v1.json"
expect_status 0 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/v1" "$TMP/v1.json"
json_check "$TMP/v1/table.json" "len(d['rows'])>0 and d['targets']==[]"
printf '{"type":"record","doc":"nowhere#1"}\n' >"$TMP/orphan.jsonl"
expect_status 1 "$EDUSTAT" run --from-records -o "$TMP/orph" "$TMP/orphan.jsonl" "$TMP/s1.jsonl"
expect_err "orphan.jsonl:1: record of document 'nowhere#1', which does not come before it"
expect_status 2 "$EDUSTAT" run --pick mode two-docs.txt
expect_err "--pick must be max, first or median"
: >"$TMP/file-not-dir"
expect_status 1 "$EDUSTAT" run -o "$TMP/file-not-dir" two-docs.txt
expect_err "not a directory"

# progress on a terminal only (script gives the command a terminal; where
# no pseudo-terminal can be opened, a chroot without /dev/pts, it cannot)
if command -v script >/dev/null && script -qec true /dev/null >/dev/null 2>&1; then
    script -qec "\"$EDUSTAT\" run --no-pdf -o \"$TMP/prog\" two-docs.txt gb18030-crlf.txt cr-only.txt utf8-bom.txt table.html two-docs.txt" /dev/null >"$TMP/tty" 2>&1
    if grep -q "6/6 files" "$TMP/tty"; then ok; else bad "no progress on a terminal"; fi
    "$EDUSTAT" run --no-pdf -o "$TMP/prog2" two-docs.txt gb18030-crlf.txt cr-only.txt utf8-bom.txt table.html two-docs.txt 2>"$TMP/err"
    if grep -q "files" "$TMP/err" && grep -q "/6 files" "$TMP/err"; then bad "progress shown when stderr is not a terminal"; else ok; fi
fi

# --- compare ----------------------------------------------------------------------------------
# compare shows values as the briefing does (es_value_scale): a rate with one decimal
expect_status 0 "$EDUSTAT" compare --indicator enrollment.rate.preschool "$HERE/../../examples/cangshan-2022.txt"
if grep -q "仓山区 *2022 *97\.6 " "$TMP/out"; then ok; else bad "compare's rate is not shown as the briefing shows it"; cat "$TMP/out"; fi
# a district the gazetteer does not know: a warning naming it, the job still done
printf 'file,doc_index,district,city,year\ntwo-docs.txt,1,天河区,,\ntwo-docs.txt,2,海朱区,,\n' >"$TMP/unknown.csv"
expect_status 0 "$EDUSTAT" extract --manifest "$TMP/unknown.csv" two-docs.txt
expect_err "unknown.csv:3: district '海朱区' is not in the gazetteer"
if grep -q "天河区" "$TMP/err"; then bad "a known district was warned of"; else ok; fi
expect_status 0 "$EDUSTAT" compare --indicator funding.investment --districts 天河区,天和区 two-docs.txt
expect_err "--districts: district '天和区' is not in the gazetteer"
expect_status 0 "$EDUSTAT" run --no-pdf --district 越秀去 -o "$TMP/unk" two-docs.txt
expect_err "--district: district '越秀去'"
expect_status 0 "$EDUSTAT" compare --indicator funding.investment two-docs.txt
if grep -q "天河区.*2023.*21.50" "$TMP/out" && grep -q "亿元" "$TMP/out"; then ok; else bad "compare table"; cat "$TMP/out"; fi
expect_status 0 "$EDUSTAT" compare --indicator schools.count --districts 天河区 --format json two-docs.txt
json_check "$TMP/out" "d==[x for x in d if x['district']=='天河区'] and d[0]['rank']==1 and d[0]['of']==1"
expect_status 2 "$EDUSTAT" compare --indicator nonsense two-docs.txt
expect_err "unknown indicator 'nonsense'"
expect_status 2 "$EDUSTAT" compare two-docs.txt
expect_err "--indicator is required"

# --- PDF and Office files are named, with the command that converts them ---------------------
printf '%%PDF-1.4\n1 0 obj\n<< /Length 20 >>\nstream\n2024 100 200 300\nendstream\n' >"$TMP/report.txt"
expect_status 1 "$EDUSTAT" extract -o "$TMP/pdf.json" "$TMP/report.txt"
expect_err "report.txt: not a readable PDF"
python3 -c "
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('word/document.xml', '<w:document/>')" "$TMP/plan.docx"
expect_status 1 "$EDUSTAT" extract -o "$TMP/docx.json" "$TMP/plan.docx"
expect_err "plan.docx: no text in the Word file"
printf '\320\317\021\340\241\261\032\341 old word' >"$TMP/old.doc"
expect_status 1 "$EDUSTAT" extract -o "$TMP/doc.json" "$TMP/old.doc"
expect_err "old.doc: a binary Word or WPS file (.doc, .wps), not a workbook: edustat does not read it; convert it: libreoffice --headless --convert-to docx"

# --- threads: -j N gives what one thread gives, byte for byte, in input order -----------------
cd "$HERE/../fixtures" || exit 1
JFILES="two-docs.txt gb18030-crlf.txt cr-only.txt utf8-bom.txt table.html wrapped-pdf.txt situate/siming-2023.txt situate/siming-2024.txt situate/huli-2023.txt situate/xiamen-2023.txt ../../examples/gulou-2022.txt ../../examples/huli-2024.html no-such-file.txt"
# the files of a run are written on -j threads too: the briefing and the
# review page among them (a fixed date for the briefing's)
# shellcheck disable=SC2086
SOURCE_DATE_EPOCH=1700000000 "$EDUSTAT" run -j 1 -o "$TMP/j1" $JFILES 2>"$TMP/j1.err"
sed "s#$TMP/j1/#DIR/#" "$TMP/j1.err" >"$TMP/j1.err.dir"
for j in 2 5; do
    # shellcheck disable=SC2086
    SOURCE_DATE_EPOCH=1700000000 "$EDUSTAT" run -j $j -o "$TMP/j$j" $JFILES 2>"$TMP/j$j.err"
    same=1
    for f in "$TMP/j1"/*; do cmp -s "$f" "$TMP/j$j/$(basename "$f")" || { same=0; echo "differs: $(basename "$f")"; }; done
    if [ $same -eq 1 ]; then ok; else bad "run -j $j differs from -j 1"; fi
    if sed "s#$TMP/j$j/#DIR/#" "$TMP/j$j.err" | cmp -s - "$TMP/j1.err.dir"; then ok; else bad "run -j $j says other things than -j 1"; fi
done
# shellcheck disable=SC2086
"$EDUSTAT" extract -j 3 --format jsonl -o "$TMP/x3.jsonl" $JFILES 2>/dev/null
# shellcheck disable=SC2086
"$EDUSTAT" extract --jobs 1 --format jsonl -o "$TMP/x1.jsonl" $JFILES 2>/dev/null
if cmp -s "$TMP/x1.jsonl" "$TMP/x3.jsonl"; then ok; else bad "extract -j 3 differs from --jobs 1"; fi
expect_status 2 "$EDUSTAT" extract -j 0 two-docs.txt
expect_err "--jobs must be a number of threads from 1 to 256, not '0'"
expect_status 2 "$EDUSTAT" run --jobs many -o "$TMP/jx" two-docs.txt

# --- the PDF briefing --------------------------------------------------------------------------
cd "$HERE/../.." || exit 1
pdfcheck() { if python3 "$HERE/pdf_check.py" "$@"; then ok; else bad "pdf check: $*"; fi; }
if command -v pdftotext >/dev/null && command -v qpdf >/dev/null; then
    SOURCE_DATE_EPOCH=1735689600 "$EDUSTAT" run -o "$TMP/brief" examples/*.txt examples/*.html 2>"$TMP/err"
    expect_err "wrote $TMP/brief/briefing.pdf ("
    B="$TMP/brief/briefing.pdf"
    pdfcheck pages "$B" 10
    # every section title (indicators with two districts or years) and every district
    titles=$(python3 -c "
import json
t=json.load(open('$TMP/brief/table.json'))['rows']
ids={}
for r in t: ids.setdefault(r['indicator'],(r['label'],set(),set()))[1].add(r['district']) or ids[r['indicator']][2].add(r['year'])
print(' '.join(l for l,d,y in ids.values() if len(d)>=2 or len(y)>=2))")
    # shellcheck disable=SC2086
    pdfcheck text "$B" 教育指标简报 数据质量 数据来源 2025-01-01 仓山区 思明区 湖里区 鼓楼区 $titles
    pdfcheck fonts "$B"
    pdfcheck qpdf "$B"
    # the document information in UTF-16: viewers show the Chinese title
    pdfcheck info "$B" Title 教育指标简报
    if grep -q '/Lang (zh-CN)' "$B"; then ok; else bad "the briefing does not say its language"; fi
    # page 4 is the first section (after the cover and 要点): its chart area is not blank
    pdfcheck ink "$B" 4 60 130 540 330 1.5
    # 要点: a sentence per indicator from the numbers; rates change in 个百分点,
    # amounts in per cent; 生师比 (lower is better) names the lowest first
    pdfcheck text "$B" 要点 "2024年5个区县中，厦门市思明区最高（99.3%），厦门市同安区最低（98.1%），中位数" \
        "比上年变化最大的是福州市仓山区（+0.7个百分点）" "（+9.3%）" "福州市鼓楼区最低（13.2:1），福州市仓山区最高（15.0:1）" \
        "表1 各区县排名" 图1 "资料来源：" "（数值越低排名越前）" "虚线：其间年份无数据"
    if pdftotext -layout "$B" - | grep -qE "福州市鼓楼区 +13\.2:1 +1/3"; then ok; else bad "生师比 does not rank the lowest first"; fi
    # contents with page numbers, bookmarks, no ids or paths before the appendices
    if pdftotext -f 1 -l 1 -layout "$B" - | grep -qE "^要点 +2$"; then ok; else bad "the contents lack 要点 on page 2"; fi
    pdfcheck outline "$B" 要点 "1. 学前教育毛入园率" "13. 生师比" "附录一 数据质量" "附录二 数据来源"
    pdfcheck body "$B"
    pdfcheck rows "$B" 5
    # the large briefing: 30 districts in a chart, tables over pages
    python3 "$HERE/make_large_records.py" "$TMP/large.jsonl"
    SOURCE_DATE_EPOCH=1735689600 "$EDUSTAT" report -o "$TMP/large.pdf" "$TMP/large.jsonl" 2>/dev/null
    L="$TMP/large.pdf"
    pdfcheck qpdf "$L"
    pdfcheck body "$L"
    pdfcheck rows "$L" 5
    pdfcheck overlap "$L" 测试26区
    pdfcheck grey "$L" 原文
    pdfcheck text "$L" "未从零开始" "其余24个区县" "（续）"
    size=$(wc -c <"$L")
    if [ "$size" -le 1048576 ]; then ok; else bad "the large briefing is $size bytes, over 1 MB"; fi
    # deterministic with SOURCE_DATE_EPOCH
    SOURCE_DATE_EPOCH=1735689600 "$EDUSTAT" run -o "$TMP/brief2" examples/*.txt examples/*.html 2>/dev/null
    if cmp -s "$B" "$TMP/brief2/briefing.pdf"; then ok; else bad "briefing.pdf differs between two runs"; fi
    # report makes the same briefing from the run's directory
    SOURCE_DATE_EPOCH=1735689600 "$EDUSTAT" report -o "$TMP/again.pdf" "$TMP/brief" 2>/dev/null
    if cmp -s "$B" "$TMP/again.pdf"; then ok; else bad "report from the directory differs from run's briefing"; fi
    # hard cases: 30 districts, a 40-character name, 1e15 元, negative values and changes
    python3 "$HERE/make_edge_records.py" "$TMP/edge.jsonl"
    expect_status 0 "$EDUSTAT" report -o "$TMP/edge.pdf" "$TMP/edge.jsonl"
    pdfcheck text "$TMP/edge.pdf" 第01测试区 第29测试区 这是一个非常非常长的区县名称 -264㎡ -50.0% 10,000,000 校舍面积
    pdfcheck qpdf "$TMP/edge.pdf"
    pdfcheck ink "$TMP/edge.pdf" 2 60 130 540 330 2
    # values at the edge of a double: the briefing ends, leaves them out of
    # the charts and lists them on the data-quality page
    python3 -c "
import json, sys
out = []
for i, (d, v) in enumerate([('甲区', 1.7e308), ('乙区', -1e308), ('丙区', 5.0), ('丁区', 1e300)], 1):
    out.append({'type': 'document', 'id': 'h.txt#%d' % i, 'file': 'h.txt', 'index': i, 'title': 't',
                'start_line': i, 'end_line': i, 'district': d, 'district_code': None, 'city': '测试市', 'year': 2024})
    out.append({'type': 'record', 'id': 'h.txt#%d@1' % i, 'doc': 'h.txt#%d' % i, 'file': 'h.txt', 'line': 1,
                'start': 1, 'end': 2, 'raw': 'x', 'value': v, 'unit': '元', 'qualifier': 'exact',
                'indicator': 'funding.investment', 'context': '测试'})
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(json.dumps(o, ensure_ascii=False) + '\n' for o in out))
" "$TMP/huge.jsonl"
    expect_status 0 timeout 60 "$EDUSTAT" report -o "$TMP/huge.pdf" "$TMP/huge.jsonl"
    pdfcheck text "$TMP/huge.pdf" 超出图表范围的数值：3 1.7e+308 5 元
    pdfcheck qpdf "$TMP/huge.pdf"
    expect_status 0 "$EDUSTAT" compare --from-records --indicator funding.investment "$TMP/huge.jsonl"
    if grep -qE '[0-9]{20}' "$TMP/out"; then bad "compare prints a value as dozens of digits"; else ok; fi
    # characters outside the font (a rare Han character, an emoji): the
    # briefing is written, with □ in their place, and lists them
    python3 -c "
import json, sys
out = []
for i, (d, ctx) in enumerate([('䶮区', '😀'), ('乙区', '𠀀')], 1):
    out.append({'type': 'document', 'id': 'g#%d' % i, 'file': 'g', 'index': i, 'title': 't', 'start_line': i,
                'end_line': i, 'district': d, 'district_code': None, 'city': '测试市', 'year': 2024})
    out.append({'type': 'record', 'id': 'g#%d@1' % i, 'doc': 'g#%d' % i, 'file': 'g', 'line': 1, 'start': 1,
                'end': 2, 'raw': 'x', 'value': 3 + i, 'unit': '人', 'qualifier': 'exact',
                'indicator': 'staff.teachers', 'context': ctx})
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(json.dumps(o, ensure_ascii=False) + '\n' for o in out))
" "$TMP/glyph.jsonl"
    expect_status 0 "$EDUSTAT" report -o "$TMP/glyph.pdf" "$TMP/glyph.jsonl"
    pdfcheck text "$TMP/glyph.pdf" □区 U+4DAE U+1F600 U+20000
    pdfcheck qpdf "$TMP/glyph.pdf"
    # nothing to compare: a short briefing that says so
    printf '全区工作稳步推进，无具体数字。\n' >"$TMP/nothing.txt"
    expect_status 0 "$EDUSTAT" run -o "$TMP/none" "$TMP/nothing.txt"
    pdfcheck text "$TMP/none/briefing.pdf" 没有可比较的数据
    pdfcheck qpdf "$TMP/none/briefing.pdf"
    # fonts: a missing file, and one libharu 2.3 would draw wrongly, are refused clearly
    expect_status 1 "$EDUSTAT" report --font "$TMP/no-such-font.ttf" -o "$TMP/x.pdf" "$TMP/brief"
    expect_err "no-such-font.ttf: cannot read the font"
    if [ ! -e "$TMP/x.pdf" ]; then ok; else bad "a failed briefing left a file"; fi
    # a font cut short (a failed copy) is named as such, not as a PDF library error number
    font="$(dirname "$EDUSTAT")/fonts/edustat-cjk.ttf"
    head -c $(($(wc -c <"$font") - 1000)) "$font" >"$TMP/cut.ttf"
    expect_status 1 "$EDUSTAT" report --font "$TMP/cut.ttf" -o "$TMP/x.pdf" "$TMP/brief"
    expect_err "cut.ttf: the font file is cut short: its table"
    head -c 3000000 "$font" >"$TMP/cut.ttf"
    expect_status 1 "$EDUSTAT" report --font "$TMP/cut.ttf" -o "$TMP/x.pdf" "$TMP/brief"
    expect_err "of 3000000"
    # the bundled font's .notdef is a full em wide: libharu 2.3 takes its width
    # as the default and lists every other width in the PDF, growing that
    # list 20 at a time (a narrow .notdef put all of CJK in it: 40% of a
    # large briefing)
    if /usr/bin/python3 -c "import fontTools" 2>/dev/null; then
        if /usr/bin/python3 -c "
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
sys.exit(f['hmtx'][f.getGlyphOrder()[0]][0] != f['head'].unitsPerEm)" "$font"; then ok
        else bad "the briefing font's .notdef is not a full em wide"; fi
    fi
    if /usr/bin/python3 "$HERE/make_bad_font.py" build/fonts/edustat-cjk.ttf "$TMP/bad.ttf" 2>/dev/null; then
        expect_status 1 "$EDUSTAT" report --font "$TMP/bad.ttf" -o "$TMP/x.pdf" "$TMP/brief"
        expect_err "beyond what libharu 2.3 draws"
        expect_status 1 env EDUSTAT_FONT="$TMP/bad.ttf" "$EDUSTAT" report -o "$TMP/x.pdf" "$TMP/brief"
        expect_err "bad.ttf: font cannot be used"
    fi
else
    echo "e2e: poppler-utils or qpdf missing: PDF checks skipped"
fi

# --- text as PDF and Word give it: spaces and line breaks around figures ------------------
# Each variant of the examples (tools/variants.py: spaces between number and
# unit, spaces removed, paragraphs wrapped at one width) must give the same
# figures with the same indicator, year, basis, scope and district.
"$EDUSTAT" extract -o "$TMP/orig.json" "$HERE"/../../examples/*.txt
for mode in spaced collapsed wrapped; do
    for seed in 1 2 3; do
        mkdir -p "$TMP/$mode-$seed"
        for f in "$HERE"/../../examples/*.txt; do
            python3 "$HERE/../../tools/variants.py" "$mode" "$f" "$TMP/$mode-$seed/$(basename "$f")" \
                --seed "$seed" --width $((60 + 6 * seed))
        done
        "$EDUSTAT" extract -o "$TMP/$mode-$seed.json" "$TMP/$mode-$seed"/*.txt
        if python3 "$HERE/same_figures.py" "$TMP/orig.json" "$TMP/$mode-$seed.json"; then ok
        else bad "the $mode variant (seed $seed) of the examples gives other figures"; fi
    done
done

# a paragraph wrapped at one width (text from PDF): figures cut by the wrap
# are whole, keep the file's bytes as raw and the line where they start
expect_status 0 "$EDUSTAT" extract -o "$TMP/wrapped.json" "$HERE/../fixtures/wrapped-pdf.txt"
json_check "$TMP/wrapped.json" "[(r['raw'], r['line'], r['value'], r['indicator']) for r in d['records'] if r['unit'] != '%'] == [('十二万人', 6, 120000, 'enrollment.students'), ('14.3\\n万人', 6, 143000, 'enrollment.students'), ('5120人', 7, 5120, 'staff.teachers'), ('27.6亿\\n元', 7, 2760000000, 'funding.investment')]"

# --- the records reader refuses numbers out of range, naming line and field ---------------
doc_line='{"type":"document","id":"a#1","file":"a","index":1,"title":"t","start_line":1,"end_line":1,"district":"甲区","city":"测试市","year":2024}'
rec_line() { printf '{"type":"record","id":"a#1@%s","doc":"a#1","file":"a","line":1,"start":%s,"end":9,"raw":"3人","value":3,"unit":"人","qualifier":"exact","indicator":"staff.teachers"%s}\n' "$1" "$2" "$3"; }
{ echo "$doc_line"; rec_line 1 1 ''; rec_line 2 -1 ''; } >"$TMP/neg.jsonl"
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/neg" "$TMP/neg.jsonl"
expect_err 'neg.jsonl:3: "start" must be a whole number'
{ echo "$doc_line"; rec_line 1 1 ',"year":1e10,"year_from":"clause"'; } >"$TMP/year.jsonl"
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/year" "$TMP/year.jsonl"
expect_err 'year.jsonl:2: "year" must be a whole number'
{ echo "$doc_line" | sed 's/"year":2024/"year":"2024"/'; rec_line 1 1 ''; } >"$TMP/ystr.jsonl"
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/ystr" "$TMP/ystr.jsonl"
expect_err 'ystr.jsonl:1: "year" must be a number'
# a sentence that starts like a spreadsheet formula is defused in table.csv
{ echo "$doc_line"; rec_line 1 1 ',"context":"=HYPERLINK(\"http://x\",\"a,b\")"'; } >"$TMP/formula.jsonl"
expect_status 0 "$EDUSTAT" run --from-records --no-pdf --no-review -o "$TMP/formula" "$TMP/formula.jsonl"
if python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
sys.exit(0 if rows[0]['quote'] == \"'=HYPERLINK(\\\"http://x\\\",\\\"a,b\\\")\" else 1)" "$TMP/formula/table.csv"; then ok; else bad "a formula-like sentence reached table.csv as a formula"; fi
if python3 "$HERE/csv_check.py" "$TMP/formula"; then ok; else bad "CSV files of a records run"; fi
# compare --format csv: the comparisons of one indicator, as summary_comparisons.csv writes them
"$EDUSTAT" compare --indicator staff.teachers --format csv --from-records "$TMP/formula.jsonl" >"$TMP/cmp.csv" 2>/dev/null
if python3 -c "
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
sys.exit(0 if len(rows) == 1 and rows[0]['district'] == '甲区' and float(rows[0]['value']) == 3 and rows[0]['rank'] == '1' else 1)" "$TMP/cmp.csv"; then ok; else bad "compare --format csv"; fi
# a record without a context is read and written again
{ echo "$doc_line"; rec_line 1 1 ''; } >"$TMP/noctx.jsonl"
expect_status 0 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/noctx" "$TMP/noctx.jsonl"
json_check "$TMP/noctx/records.json" "d['records'][0]['context'] is None and d['records'][0]['value'] == 3"

# --- messages name what went wrong -----------------------------------------------------------
if [ -w /dev/full ]; then
    expect_status 1 "$EDUSTAT" extract -o /dev/full "$HERE/../../examples/huli-2022.txt"
    expect_err "/dev/full: cannot write the output: No space left on device"
    "$EDUSTAT" extract "$HERE"/../../examples/*.txt >/dev/full 2>"$TMP/err"
    if [ $? -eq 1 ]; then ok; else bad "extract to a full standard output did not fail"; fi
    expect_err "standard output: cannot write the output: No space left on device"
    if grep -q "examples/.*:[0-9]*: cannot write" "$TMP/err"; then bad "a write error blamed an input line"; else ok; fi
fi
TMPDIR="$TMP/no-such-dir" expect_status 1 "$EDUSTAT" extract "$HERE/../../examples/huli-2022.txt"
expect_err "no-such-dir: cannot create a temporary file"
# run: when the records writer cannot start, nothing is left behind and DIR stays as it was
mkdir -p "$TMP/wfail"
echo keep >"$TMP/wfail/marker"
TMPDIR="$TMP/no-such-dir" expect_status 1 "$EDUSTAT" run --no-pdf -o "$TMP/wfail/out" "$HERE/../../examples/huli-2022.txt"
expect_err "no-such-dir: cannot create a temporary file"
if [ "$(ls -A "$TMP/wfail")" = "marker" ]; then ok; else bad "a run whose records writer failed left: $(ls -A "$TMP/wfail")"; fi
# run: one of the files written side by side fails (the briefing's font):
# the others are written and then dropped, the earlier run stays whole
"$EDUSTAT" run -o "$TMP/keep" "$HERE/../../examples/huli-2022.txt" 2>/dev/null
cksum "$TMP"/keep/* >"$TMP/keep.sums"
expect_status 1 "$EDUSTAT" run -j 4 --font "$TMP/no-such-font.ttf" -o "$TMP/keep" "$HERE"/../../examples/*.txt
expect_err "no-such-font.ttf: cannot read the font"
if cksum "$TMP"/keep/* | cmp -s - "$TMP/keep.sums" && [ -z "$(ls -d "$TMP"/keep.tmp.* 2>/dev/null)" ]; then ok
else bad "a run with a failed file changed the earlier run or left its stage"; fi
cp "$HERE/../../examples/huli-2022.txt" "$TMP/-dash.txt"
here=$(pwd)
cd "$TMP" || exit 1
expect_status 2 "$EDUSTAT" extract -o out.json -dash.txt
expect_err "unknown option '-d'"
expect_err "goes after '--'"
expect_status 0 "$EDUSTAT" extract -o dash.json -- -dash.txt
cd "$here" || exit 1

# shards merged twice: a file given twice is read once; records read before are not counted again
"$EDUSTAT" extract --format jsonl -o "$TMP/shard.jsonl" "$HERE/../../examples/huli-2022.txt" 2>/dev/null
cp "$TMP/shard.jsonl" "$TMP/shard-copy.jsonl"
expect_status 0 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/once" "$TMP/shard.jsonl"
expect_status 0 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/twice" "$TMP/shard.jsonl" "$TMP/shard.jsonl" "$TMP/shard-copy.jsonl"
expect_err "shard.jsonl: given twice; read once"
expect_err "shard-copy.jsonl: "
expect_err "were left out"
if cmp -s "$TMP/once/table.json" "$TMP/twice/table.json"; then ok; else bad "a shard merged twice changed the table"; fi
# a shard cut short: what came before the bad line is kept, and said so
head -c 2000 "$TMP/shard.jsonl" >"$TMP/cut.jsonl"
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/cut" "$TMP/cut.jsonl"
expect_err "records were read before the error"
expect_err "no input could be read whole"
# with a good shard beside it, the run goes on and says what it kept
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/cut2" "$TMP/cut.jsonl" "$TMP/shard.jsonl"
if [ -s "$TMP/cut2/table.json" ]; then ok; else bad "a run with one bad shard wrote no table"; fi
# a stray NUL byte, UTF-16 without a byte-order mark: read, not refused
printf '2024年某区教育工作总结\n全区共有学校45所\000，在校学生3.2万人。\n' >"$TMP/nul.txt"
expect_status 0 "$EDUSTAT" extract -o "$TMP/nul.json" "$TMP/nul.txt"
expect_err "nul.txt:2: 1 invalid byte"
json_check "$TMP/nul.json" "[r['value'] for r in d['records']] == [45, 32000]"
"$EDUSTAT" extract -o "$TMP/u8.json" "$HERE/../../examples/huli-2022.txt" 2>/dev/null
for enc in utf-16le utf-16be; do
    iconv -f utf-8 -t "$enc" "$HERE/../../examples/huli-2022.txt" >"$TMP/$enc.txt"
    expect_status 0 "$EDUSTAT" extract -o "$TMP/$enc.json" "$TMP/$enc.txt"
    if python3 "$HERE/same_figures.py" "$TMP/u8.json" "$TMP/$enc.json"; then ok; else bad "$enc without a BOM read differently"; fi
done
# an HTML table of 5,000 rows is read whole (it was cut at 4,095 without a word)
python3 -c "
rows = ''.join('<tr><td>街道%d</td><td>%d</td></tr>' % (i, 100 + i) for i in range(5000))
open('$TMP/rows.html', 'w', encoding='utf-8').write('<html><body><h1>某区2024年教育统计</h1><table><tr><th>街道</th><th>学校数</th></tr>' + rows + '</table></body></html>')"
expect_status 0 "$EDUSTAT" extract -o "$TMP/rows.json" "$TMP/rows.html"
json_check "$TMP/rows.json" "len(d['records']) == 5000 and d['records'][-1]['value'] == 5099"
# text nested 300 elements deep is read (it was dropped without a word);
# a page nested past the documented limit is refused, naming the file
python3 -c "
deep = lambda n, body: '<html><body><h1>某区2024年教育工作总结</h1>' + '<div><span>' * n + body + '</span></div>' * n + '</body></html>'
open('$TMP/deep.html', 'w', encoding='utf-8').write(deep(150, '<p>全区专任教师2815名。</p><p>学校42所。</p>'))
open('$TMP/deeper.html', 'w', encoding='utf-8').write(deep(5001, '全区专任教师2815名。'))"
expect_status 0 "$EDUSTAT" extract -o "$TMP/deep.json" "$TMP/deep.html"
json_check "$TMP/deep.json" "[(r['raw'], r['line']) for r in d['records']] == [('2815名', 1), ('42所', 1)] and d['records'][0]['context'] != d['records'][1]['context']"
expect_status 1 "$EDUSTAT" extract -o "$TMP/deeper.json" "$TMP/deeper.html"
expect_err "deeper.html: the page nests elements more than 10000 deep"
mkdir -p "$TMP/emptydir"
expect_status 1 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/fromdir" "$TMP/emptydir"
expect_err "is a directory, not a records file"
expect_status 1 "$EDUSTAT" report -o "$TMP/empty.pdf" "$TMP/emptydir"
expect_err "no briefing written"
if [ ! -e "$TMP/empty.pdf" ]; then ok; else bad "report on an empty directory wrote a PDF"; fi
expect_status 2 "$EDUSTAT" run --from-records --year 2024 -o "$TMP/fr" "$TMP/noctx.jsonl"
expect_err "--year applies to extracting text, not to --from-records"
expect_status 2 "$EDUSTAT" compare --from-records --manifest x.csv --indicator staff.teachers "$TMP/noctx.jsonl"
expect_err "--manifest applies to extracting text"
if command -v bash >/dev/null; then
    bash -c 'ulimit -Sn 4; exec "$0" extract "$1"' "$EDUSTAT" "$HERE/../../examples/siming-2022.gb18030.txt" >/dev/null 2>"$TMP/err"
    if grep -q "not text in a known encoding" "$TMP/err"; then bad "no file descriptor left read as a bad encoding"; else ok; fi
fi

# --- many inputs: --files-from (lines or NUL-ended), ids unique however long the path -----
ls "$HERE"/../../examples/*.txt >"$TMP/list.txt"
printf '\n' >>"$TMP/list.txt"
expect_status 0 "$EDUSTAT" extract --files-from "$TMP/list.txt" -o "$TMP/ff.json"
n_ex=$(ls "$HERE"/../../examples/*.txt | wc -l)
json_check "$TMP/ff.json" "len(set(x['file'] for x in d['documents'])) == $n_ex"
find "$HERE/../../examples" -maxdepth 1 -name '*.txt' -print0 | "$EDUSTAT" run --no-pdf -0 --files-from - -o "$TMP/ffrun" 2>"$TMP/err"
if [ $? -eq 0 ]; then ok; else bad "run -0 --files-from - failed"; cat "$TMP/err"; fi
json_check "$TMP/ffrun/records.json" "len(set(x['file'] for x in d['documents'])) == $n_ex"
expect_status 1 "$EDUSTAT" extract --files-from "$TMP/no-such-list.txt"
expect_err "no-such-list.txt: No such file or directory"
long="$TMP/$(printf 'a%.0s' $(seq 250))/$(printf 'b%.0s' $(seq 250))/$(printf 'c%.0s' $(seq 250))/$(printf 'd%.0s' $(seq 250))/$(printf 'e%.0s' $(seq 250))"
mkdir -p "$long"
cp "$HERE/../../examples/huli-2022.txt" "$long/one.txt"
cp "$HERE/../../examples/huli-2022.txt" "$long/two.txt"
expect_status 0 "$EDUSTAT" extract -o "$TMP/long.json" "$long/one.txt" "$long/two.txt"
json_check "$TMP/long.json" "len(set(x['id'] for x in d['documents'])) == 2 and len(set(x['id'] for x in d['records'])) == len(d['records'])"

# --- nothing lost: outputs never overwrite inputs, a failed run leaves the last one --------
EX="$HERE/../../examples"
mkdir -p "$TMP/safe"
cp "$EX/huli-2022.txt" "$TMP/safe/in.txt"
expect_status 2 "$EDUSTAT" extract -o "$TMP/safe/in.txt" "$TMP/safe/in.txt"
expect_err "the output is the input"
if cmp -s "$EX/huli-2022.txt" "$TMP/safe/in.txt"; then ok; else bad "extract -o IN IN changed its input"; fi
ln "$TMP/safe/in.txt" "$TMP/safe/hardlink.txt"
expect_status 2 "$EDUSTAT" extract -o "$TMP/safe/hardlink.txt" "$TMP/safe/in.txt"
"$EDUSTAT" extract --format jsonl -o "$TMP/safe/r.jsonl" "$EX/huli-2022.txt" 2>/dev/null
cp "$TMP/safe/r.jsonl" "$TMP/safe/r.copy"
expect_status 2 "$EDUSTAT" report -o "$TMP/safe/r.jsonl" "$TMP/safe/r.jsonl"
if cmp -s "$TMP/safe/r.copy" "$TMP/safe/r.jsonl"; then ok; else bad "report -o R R changed its records"; fi
# a good run, then one whose input cannot be read: the good one stays whole
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/safe/good" "$EX/huli-2022.txt" "$EX/siming-2024.txt"
cp -r "$TMP/safe/good" "$TMP/safe/good.copy"
expect_status 1 "$EDUSTAT" run --no-pdf -o "$TMP/safe/good" "$TMP/safe/no-such-file.txt"
expect_err "no input could be read"
if diff -r "$TMP/safe/good.copy" "$TMP/safe/good" >/dev/null; then ok; else bad "a failed run changed the last good run"; fi
expect_status 2 "$EDUSTAT" run --from-records -o "$TMP/safe/good" "$TMP/safe/good/records.json"
expect_err "the output is the input"
if diff -r "$TMP/safe/good.copy" "$TMP/safe/good" >/dev/null; then ok; else bad "run -o DIR DIR/records.json changed it"; fi
# a run whose briefing fails: the earlier run stays, nothing is left beside it
expect_status 1 "$EDUSTAT" run --font "$TMP/safe/no-font.ttf" -o "$TMP/safe/good" "$EX/cangshan-2022.txt"
if diff -r "$TMP/safe/good.copy" "$TMP/safe/good" >/dev/null; then ok; else bad "a run failing late changed the last good run"; fi
# a directory with the user's own files: they stay; an older run's briefing goes with --no-pdf
echo mine >"$TMP/safe/good/notes.txt"
touch "$TMP/safe/good/briefing.pdf"
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/safe/good" "$EX/cangshan-2022.txt"
if [ "$(cat "$TMP/safe/good/notes.txt")" = mine ] && [ ! -e "$TMP/safe/good/briefing.pdf" ] &&
    ! cmp -s "$TMP/safe/good/table.json" "$TMP/safe/good.copy/table.json"; then ok
else bad "a run into a directory with other files"; fi
if [ -z "$(find "$TMP/safe" -name '*.tmp.*')" ]; then ok; else bad "temporary files left: $(find "$TMP/safe" -name '*.tmp.*')"; fi
# interrupted: no temporary file stays (a large input keeps it busy long enough)
cp "$EX/siming-2024.txt" "$TMP/safe/big.txt"
for i in $(seq 14); do cat "$TMP/safe/big.txt" "$TMP/safe/big.txt" >"$TMP/safe/b2" && mv "$TMP/safe/b2" "$TMP/safe/big.txt"; done
timeout -s INT 0.3 "$EDUSTAT" extract -o "$TMP/safe/big.json" "$TMP/safe/big.txt" 2>/dev/null
timeout -s TERM 0.3 "$EDUSTAT" run --no-pdf -o "$TMP/safe/bigrun" "$TMP/safe/big.txt" 2>/dev/null
if [ -z "$(find "$TMP/safe" -name '*.tmp.*')" ]; then ok; else bad "interrupted: temporary files left: $(find "$TMP/safe" -name '*.tmp.*')"; fi
rm -f "$TMP/safe/big.txt"

# run -o - is refused, not a directory named "-"
mkdir -p "$TMP/dash"
here=$(pwd)
cd "$TMP/dash" || exit 1
expect_status 2 "$EDUSTAT" run --no-pdf -o - "$EX/siming-2024.txt"
expect_err "run -o needs a directory, not '-'"
if [ -z "$(ls -A)" ]; then ok; else bad "run -o - wrote: $(ls -A)"; fi
cd "$here" || exit 1

# --- review.html: every cell traced to its sentence, checked in a real browser --------------
mkdir -p "$TMP/rev"
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/rev/out" "$EX"/*.txt "$EX"/*.html
page="$TMP/rev/out/review.html"
if [ -s "$page" ]; then ok; else bad "run wrote no review.html"; fi
echo "e2e: review.html for the examples: $(wc -c <"$page") bytes"
# each cell of table.json is a button of the page, and nothing else is
if python3 - "$TMP/rev/out/table.json" "$page" <<'PY'
import html, json, re, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))
page = open(sys.argv[2], encoding="utf-8").read()
want = {"%s/%s/%d" % (r["indicator"], r["district"], r["year"]) for r in t["rows"]}
got = {html.unescape(k) for k in re.findall(r'class="cell[^"]*" data-key="([^"]*)"', page)}
sys.exit(0 if want == got else 1)
PY
then ok; else bad "review.html cells differ from table.json rows"; fi
expect_status 0 "$EDUSTAT" run --no-pdf --no-review -o "$TMP/rev/none" "$EX/siming-2024.txt"
if [ ! -e "$TMP/rev/none/review.html" ]; then ok; else bad "--no-review wrote review.html"; fi
# text from documents cannot run in the page: a hostile file name and sentence
hostile="$TMP/rev/<img src=x onerror=window.__edustat_pwned=1>.txt"
printf '厦门市思明区教育局2024年工作总结\n全区专任教师</script><script>window.__edustat_pwned=1</script>2815名。\n全年教育经费总投入"引号"\342\200\250<img src=x onerror="window.__edustat_pwned=1">16.2亿元。\n' >"$hostile"
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/rev/hostile" "$hostile"
if grep -q '<script>window.__edustat_pwned' "$TMP/rev/hostile/review.html"; then bad "document text reached the page unescaped"; else ok; fi
review_check() {
    python3 "$HERE/review_check.py" "$@"
    case $? in
    0) ok ;;
    77) echo "e2e: review page browser check skipped" ;;
    *) bad "review page in the browser: $*" ;;
    esac
}
review_check "$page" --click "funding.investment/思明区/2024" --mark "16.2亿元" --quote "全年教育经费总投入" --evidence "未取：局部数"
review_check "$page" --fragment "enrollment.rate.preschool/鼓楼区/2023" --evidence "鼓楼区" --evidence "文件所报告的年度"
review_check "$page" --click "x/0" --evidence "未进入表格：计划或目标数"
review_check "$page" --set ind=funding.investment --set district=思明区 --set year=2024 --expect sections=1 --expect rows=1 --expect columns=1
review_check "$page" --set q=全年教育经费总投入16.2亿元 --expect results=1
# blanked figures and values no chart can show are listed, each with its sentence
printf '厦门市思明区教育局2024年工作总结\n全区新建学校__所，专任教师2815名。\n' >"$TMP/rev/blank.txt"
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/rev/blank" "$TMP/rev/blank.txt"
review_check "$TMP/rev/blank/review.html" --click x/0 --mark "__所" --evidence "数字空缺"
{ echo "$doc_line"; rec_line 1 1 '' | sed 's/"value":3/"value":1e300/'; } >"$TMP/rev/huge.jsonl"
expect_status 0 "$EDUSTAT" run --no-pdf --from-records -o "$TMP/rev/huge" "$TMP/rev/huge.jsonl"
review_check "$TMP/rev/huge/review.html" --click x/0 --evidence "超出图表可显示的范围" --evidence "1e+300"
review_check "$TMP/rev/hostile/review.html" --click "staff.teachers/思明区/2024" --mark "2815名" --quote "</script><script>window.__edustat_pwned=1</script>" --safe
review_check "$TMP/rev/hostile/review.html" --click "funding.investment/思明区/2024" --mark "16.2亿元" --quote '<img src=x onerror="window.__edustat_pwned=1">' --safe
review_check "$page" --fragment "enrollment.rate.preschool/思明区/2024" --screenshot "$TMP/rev/shot.png"

# --- government pages: the article's title and the publishing office from <meta> or the header block
expect_status 0 "$EDUSTAT" extract -o "$TMP/gov.json" "$FIX/gov-meta.html" "$FIX/gov-header.html"
# a page that names its year nowhere but in <meta name="PubDate">: the year's last resort
expect_status 0 "$EDUSTAT" extract -o "$TMP/gov3.json" "$FIX/gov-pubdate.html"
json_check "$TMP/gov.json" "[x['year'] for x in d['documents']]==[2023,2023]"  # the title's year, not PubDate's 2024
json_check "$TMP/gov3.json" "[(x['district'],x['year'],x['year_from']) for x in d['documents']]==[('同安区',2024,'source')]"
json_check "$TMP/gov.json" "[(x['title'],x['district'],x['city'],x['district_from']) for x in d['documents']]==[('2023年教育工作总结','思明区','厦门市','source'),('2023年教育工作总结','湖里区','厦门市','source')] and [r['district'] for r in d['records']]==['思明区','思明区','湖里区','湖里区']"

# --- Word and Excel files: the same table as the same content in plain text -------------------
python3 "$HERE/make_office.py" "$TMP/office" || bad "make_office.py"
python3 "$HERE/make_pdf.py" "$TMP/office" || bad "make_pdf.py"
python3 "$HERE/make_xls.py" "$TMP/office" || bad "make_xls.py"
# a column of changes: -1200 and (350) are negative, and no change is a level of the table
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/changes" "$TMP/office/changes.xlsx"
json_check "$TMP/changes/records.json" "[(r['raw'],r['value'],r['indicator']) for r in d['records']]==[('-1200',-12000000,'other'),('(350)',-3500000,'other'),('800',8000000,'other')]"
json_check "$TMP/changes/table.json" "d['rows']==[]"
# a Word file that names no district: its company (docProps/app.xml) does
expect_status 0 "$EDUSTAT" extract -o "$TMP/company.json" "$TMP/office/company.docx"
json_check "$TMP/company.json" "[(x['district'],x['district_from'],x['year'],x['year_from']) for x in d['documents']]==[('海沧区','source',2023,'source')]"
mkdir -p "$TMP/mixA" "$TMP/mixB"
cp "$TMP/office/bulletin.xlsx" "$TMP/office/summary.docx" "$TMP/office/summary.pdf" "$TMP/office/workbook.xls" "$FIX/table.html" "$FIX/two-docs.txt" "$TMP/mixA/"
cp "$TMP/office/bulletin.txt" "$TMP/office/summary.txt" "$TMP/office/summary-pdf.txt" "$TMP/office/workbook-xls.txt" "$FIX/table.html" "$FIX/two-docs.txt" "$TMP/mixB/"
# a Word and an Excel file read at once on two threads: libxml2 set up its
# tables twice and leaked one (LeakSanitizer, 11 runs in 30) until it was
# set up once before any thread used it (src/xml_reader.c)
xml_failed=0
for i in 1 2 3 4 5 6 7 8 9 10; do
    "$EDUSTAT" extract -j 2 -o /dev/null "$TMP/mixA/bulletin.xlsx" "$TMP/mixA/summary.docx" 2>/dev/null || xml_failed=$((xml_failed + 1))
done
if [ $xml_failed -eq 0 ]; then ok; else bad "reading a Word and an Excel file on two threads failed $xml_failed times in 10"; fi
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/officeA" "$TMP/mixA/bulletin.xlsx" "$TMP/mixA/summary.docx" "$TMP/mixA/summary.pdf" "$TMP/mixA/workbook.xls" "$TMP/mixA/table.html" "$TMP/mixA/two-docs.txt"
expect_err "bulletin.xlsx: 2 table cells with no figure (empty, or an error such as #DIV/0!) left out as gaps"
expect_err "summary.pdf: page 2: text that cannot be decoded (fonts without a Unicode map): left out, not read as numbers"
expect_err "summary.pdf: page 3 has no text (a scanned image? edustat does no OCR)"
expect_status 0 "$EDUSTAT" run --no-pdf -o "$TMP/officeB" "$TMP/mixB/bulletin.txt" "$TMP/mixB/summary.txt" "$TMP/mixB/summary-pdf.txt" "$TMP/mixB/workbook-xls.txt" "$TMP/mixB/table.html" "$TMP/mixB/two-docs.txt"
if python3 - "$TMP/officeA/table.json" "$TMP/officeB/table.json" <<'PY'
import json, sys
def cells(p):
    return {(r["indicator"], r["district"], r["year"]): r["value"] for r in json.load(open(p, encoding="utf-8"))["rows"]}
a, b = cells(sys.argv[1]), cells(sys.argv[2])
diff = [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b), key=str) if a.get(k) != b.get(k)]
for d in diff[:10]:
    print("cell %s: from Word/Excel %s, from text %s" % d)
# the districts of the bulletin, the district of the summary, across two years
need = {("staff.teachers", "湖里区", 2023), ("funding.investment", "思明区", 2023), ("schools.count", "集美区", 2022),
        ("staff.teachers", "翔安区", 2023), ("enrollment.students", "同安区", 2023)}
sys.exit(1 if diff or not need <= set(a) or len(a) < 15 else 0)
PY
then ok; else bad "Word and Excel files do not give the table their text gives"; fi
json_check "$TMP/officeA/table.json" "[r['value'] for r in d['rows'] if r['indicator']=='funding.investment' and r['district']=='思明区'][0]==1.62e9"
json_check "$TMP/officeA/table.json" "[(r['source_locator'],r['source_line']) for r in d['rows'] if r['indicator']=='staff.teachers' and r['district']=='湖里区']==[('学校与学生!D5',9)] and not any('source_locator' in r for r in d['rows'] if r['source_file'].endswith('.txt'))"
# every locator opens to its figure; a wrong one is caught
if python3 "$HERE/locator_check.py" "$TMP/officeA/records.json" >/dev/null 2>"$TMP/err"; then ok; else bad "locators"; cat "$TMP/err"; fi
sed 's/"cell":"B4"/"cell":"B5"/' "$TMP/officeA/records.json" >"$TMP/badloc.json"
if python3 "$HERE/locator_check.py" "$TMP/badloc.json" >/dev/null 2>&1; then bad "locator_check passed a wrong cell"; else ok; fi
json_check "$TMP/officeA/records.json" "any(r.get('locator')=={'sheet':'学校与学生','cell':'D5'} and r['raw']=='7240' for r in d['records']) and any(r.get('locator')=={'table':1,'row':3,'column':2} and r['raw']=='80' for r in d['records']) and any(r.get('locator')=={'paragraph':3} and r['raw']=='7.8亿元' for r in d['records']) and not any('locator' in r for r in d['records'] if r['file'].endswith('.txt'))"
json_check "$TMP/officeA/records.json" "any(r.get('locator')=={'page':1,'line':5} and r['raw']=='3960名' for r in d['records']) and not any(r['value']==100 for r in d['records'] if r['file'].endswith('.pdf'))"
json_check "$TMP/officeA/records.json" "any(r.get('locator')=={'sheet':'学校与学生','cell':'C4'} and r['raw']=='78100' and r['file'].endswith('.xls') and r['district']=='同安区' for r in d['records'])"
# poppler-glib is opened on the first PDF (above), not loaded by every run:
# linked, it cost each start of edustat about 21 ms
if command -v ldd >/dev/null && ldd "$EDUSTAT" | grep -q "libpoppler"; then bad "edustat is linked to poppler"; else ok; fi
# PDF: encrypted, damaged, and 2,000 pages
qpdf --encrypt user owner 256 -- "$TMP/office/summary.pdf" "$TMP/office/encrypted.pdf" 2>/dev/null
expect_status 1 "$EDUSTAT" extract "$TMP/office/encrypted.pdf"
expect_err "encrypted.pdf: an encrypted PDF: edustat cannot read it without its password"
head -c 3000 "$TMP/office/summary.pdf" >"$TMP/office/damaged.pdf"
expect_status 1 "$EDUSTAT" extract "$TMP/office/damaged.pdf"
expect_err "damaged.pdf: not a readable PDF"
expect_status 0 "$EDUSTAT" extract -o "$TMP/p2k.json" "$TMP/office/pages-2000.pdf"
json_check "$TMP/p2k.json" "len(d['records'])==2000 and d['records'][-1]['locator']=={'page':2000,'line':1}"
# the locators survive a round trip through records, and -j gives the same bytes
expect_status 0 "$EDUSTAT" run --from-records --no-pdf -o "$TMP/officeC" "$TMP/officeA/records.json"
if cmp -s "$TMP/officeA/records.json" "$TMP/officeC/records.json"; then ok; else bad "locators lost reading records back"; fi
"$EDUSTAT" extract -j 1 "$TMP/mixA/bulletin.xlsx" "$TMP/mixA/summary.docx" >"$TMP/o1.json" 2>/dev/null
"$EDUSTAT" extract -j 2 "$TMP/mixA/bulletin.xlsx" "$TMP/mixA/summary.docx" >"$TMP/o2.json" 2>/dev/null
if cmp -s "$TMP/o1.json" "$TMP/o2.json"; then ok; else bad "-j 2 differs from -j 1 on Word and Excel files"; fi
# bad packages: a clear message, no output
expect_status 1 "$EDUSTAT" extract -o "$TMP/trunc.json" "$TMP/office/truncated.xlsx"
expect_err "truncated.xlsx: not a readable ZIP package"
json_check "$TMP/trunc.json" "d['records']==[]"
expect_status 1 "$EDUSTAT" extract "$TMP/office/bomb.docx"
expect_err "bomb.docx: part word/document.xml unpacks to 300 MB, beyond edustat's limit"
expect_status 0 "$EDUSTAT" extract -o "$TMP/ent.json" "$TMP/office/entities.docx"
if grep -q "root:" "$TMP/ent.json" || grep -q "lollollol" "$TMP/ent.json"; then bad "an entity was expanded"; else ok; fi

# --- the README's commands -----------------------------------------------------------------
cd "$HERE/../.." || exit 1
expect_status 0 "$EDUSTAT" extract -o "$TMP/readme.json" examples/summaries.txt examples/huli-2024.html
json_check "$TMP/readme.json" "len(d['documents'])==4"
# every command of the README's Use section, as written, in a directory holding only examples/
mkdir -p "$TMP/readme" && ln -s "$(pwd)/examples" "$TMP/readme/examples"
sed -n '/^## Use/,/^```$/p' README.md | sed -n '/^```sh$/,/^```$/p' | grep '^build/edustat ' >"$TMP/readme/commands"
if [ "$(wc -l <"$TMP/readme/commands")" -ge 6 ]; then ok; else bad "README's Use section: commands not found"; fi
while IFS= read -r line; do
    (cd "$TMP/readme" && eval "\"\$EDUSTAT\"${line#build/edustat}") >/dev/null 2>"$TMP/err" </dev/null
    if [ $? -eq 0 ]; then ok; else bad "README command failed: $line"; cat "$TMP/err"; fi
done <"$TMP/readme/commands"
json_check "$TMP/readme/records.json" "len(d['documents'])==4"
json_check "$TMP/readme/out/table.json" "len(d['rows'])>50"

# every JSON file the suite made is valid UTF-8 JSON
if python3 - "$TMP" <<'PY'
import json, os, sys
bad = []
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        # keep.json and bad*.json are the suite's own stand-ins, not outputs
        if f.endswith(".json") and f != "keep.json" and not f.startswith("bad"):
            p = os.path.join(root, f)
            try:
                json.loads(open(p, "rb").read().decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as e:
                bad.append("%s: %s" % (p, e))
if bad:
    print("\n".join(bad[:5]))
sys.exit(1 if bad else 0)
PY
then ok; else bad "JSON outputs that are not valid UTF-8 JSON"; fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
