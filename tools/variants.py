#!/usr/bin/env python3
"""Write a document as text from PDF or Word would look, with its gold moved along.

usage: variants.py MODE IN.txt OUT.txt [--gold G.jsonl OUTG.jsonl] [--docs D.json OUTD.json]
                   [--file NAME] [--seed N] [--width COLS]

MODE:
  spaced    a space (ASCII, no-break, thin or ideographic) between a number
            and its magnitude or unit, between magnitude and unit, and
            before numbers after a Han character; lines do not move.
  collapsed the spaces next to numbers removed; lines do not move.
  wrapped   every line wider than COLS columns (Han = 2) cut into lines of
            that width, as a PDF page does; a figure cut in two belongs to
            the line where it starts. Gold lines and document start/end
            lines are moved to the new lines.

The values, units and indicators in the gold do not change: the extractor
must find the same figures in the variant. Deterministic for a given seed.
"""
import argparse
import json
import random
import re
import unicodedata

SPACES = [" ", "\u00a0", "\u2009", "\u3000", "  "]
NUMBER = re.compile(r"(?<![A-Za-z0-9._/])[0-9][0-9,.]*[0-9]|(?<![A-Za-z0-9._/])[0-9]")
MAGNITUDE = "万亿千"


def is_han(ch):
    return "\u4e00" <= ch <= "\u9fff"


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def spaced_line(line, rnd):
    out, pos = [], 0
    for m in NUMBER.finditer(line):
        a, b = m.start(), m.end()
        out.append(line[pos:a])
        if a > 0 and is_han(line[a - 1]) and rnd.random() < 0.5:
            out.append(rnd.choice(SPACES))
        out.append(line[a:b])
        pos = b
        rest = line[b:]
        if rest[:1] in MAGNITUDE and rest[:1] != "":
            out.append(rnd.choice(SPACES))
            out.append(rest[0])
            pos += 1
            rest = line[pos:]
            if rest[:1] and (is_han(rest[0])) and rnd.random() < 0.5:
                out.append(rnd.choice(SPACES))
        elif rest[:1] and (is_han(rest[0]) or rest[0] in "%％"):
            out.append(rnd.choice(SPACES))
    out.append(line[pos:])
    return "".join(out)


def collapsed_line(line):
    return re.sub(r"(?<=[0-9])[ \u00a0\u2009\u3000]+(?=[\u4e00-\u9fff%％])", "", line)


NUMERAL_CHARS = set("零〇○一二两三四五六七八九十百千万亿")


def unbreakable(a, b):
    """A typesetter keeps a run of digits and letters (54.31%, 12.4:1) and
    a run of Chinese numerals (二百一十) on one line."""
    word = lambda c: c.isascii() and (c.isalnum() or c in ".,:%")
    if word(a) and word(b):
        return True
    return a in NUMERAL_CHARS and b in NUMERAL_CHARS


def wrap_line(line, cols):
    """The pieces of line, each at most cols wide, and the start of each."""
    pieces, starts, cur, w, start = [], [], [], 0, 0
    for i, ch in enumerate(line):
        cw = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if w + cw > cols and cur and not unbreakable(line[i - 1], ch):
            pieces.append("".join(cur))
            starts.append(start)
            cur, w, start = [], 0, i
        cur.append(ch)
        w += cw
    pieces.append("".join(cur))
    starts.append(start)
    return pieces, starts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["spaced", "collapsed", "wrapped"])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--gold", nargs=2)
    ap.add_argument("--docs", nargs=2)
    ap.add_argument("--file", default=None, help="the file name gold entries without 'file' belong to")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--width", type=int, default=72)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    with open(a.src, "rb") as f:
        data = f.read()
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "gb18030"  # written back as it came
        text = data.decode(encoding)
    lines = text.split("\n")
    new_line_of = {}   # old line number -> (first new line, piece starts)
    out = []
    for i, ln in enumerate(lines, 1):
        body, cr = (ln[:-1], "\r") if ln.endswith("\r") else (ln, "")
        if a.mode == "spaced":
            body = spaced_line(body, rnd)
        elif a.mode == "collapsed":
            body = collapsed_line(body)
        if a.mode == "wrapped" and width(body) > a.width:
            pieces, starts = wrap_line(body, a.width)
        else:
            pieces, starts = [body], [0]
        new_line_of[i] = (len(out) + 1, starts, body)
        out.extend(p + cr for p in pieces)
    with open(a.dst, "w", encoding=encoding, newline="") as f:
        f.write("\n".join(out))

    def moved(line, raw=None, nth=0):
        first, starts, body = new_line_of.get(line, (line, [0], ""))
        if raw is None or len(starts) == 1:
            return first
        # the nth place raw stands on its own (2所, not the end of 42所)
        glued = "[0-9.]" if raw[:1].isascii() else "[" + "".join(NUMERAL_CHARS) + "]"
        found = [m.start() for m in re.finditer("(?<!%s)%s" % (glued, re.escape(raw)), body)]
        if len(found) <= nth:
            return first
        at = found[nth]
        k = max(j for j, s in enumerate(starts) if s <= at)
        return first + k

    if a.gold:
        seen = {}
        with open(a.gold[0], encoding="utf-8") as f, open(a.gold[1], "w", encoding="utf-8") as g:
            for ln in f:
                if not ln.strip():
                    continue
                o = json.loads(ln)
                if a.mode == "wrapped" and o.get("file", a.file) in (None, a.file):
                    key = (o["line"], o.get("raw"))
                    nth = seen.get(key, 0)
                    seen[key] = nth + 1
                    o["line"] = moved(o["line"], o.get("raw"), nth)
                g.write(json.dumps(o, ensure_ascii=False) + "\n")
    if a.docs:
        with open(a.docs[0], encoding="utf-8") as f:
            docs = json.load(f)
        if a.mode == "wrapped":
            for d in docs:
                if d.get("file", a.file) not in (None, a.file):
                    continue  # another file's document
                if "start_line" in d:
                    d["start_line"] = moved(d["start_line"])
                if isinstance(d.get("end_line"), int):
                    first, starts, _ = new_line_of.get(d["end_line"], (d["end_line"], [0], ""))
                    d["end_line"] = first + len(starts) - 1
        with open(a.docs[1], "w", encoding="utf-8") as f:
            json.dump(docs, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
