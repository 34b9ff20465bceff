#!/usr/bin/env python3
"""Checks of a briefing PDF with Debian's poppler-utils and qpdf, for the
end-to-end tests. usage: pdf_check.py CHECK PDF [ARGS...]
  pages PDF MIN            at least MIN pages
  text PDF WORD...         pdftotext finds every word, and poppler warns of nothing
  fonts PDF                every font embedded (pdffonts)
  qpdf PDF                 qpdf --check is clean
  info PDF FIELD TEXT      pdfinfo shows FIELD (Title, Subject...) as TEXT
  ink PDF PAGE X0 Y0 X1 Y1 MIN
                           the region (points from the top left) of PAGE,
                           rendered by pdftoppm, has at least MIN% dark pixels
  outline PDF TITLE...     the bookmarks (qpdf --json) hold every TITLE
  body PDF                 no indicator id, file path or table.json on the pages
                           before the appendices (附录一)
  rows PDF MIN             no page holds 1 to MIN-1 rows of a ranking table
                           (rows are told by their rank, "3/30")
  overlap PDF WORD         on every page holding WORD, no two words' boxes
                           (pdftotext -bbox) overlap
  grey PDF WORD            on pages continuing the table headed by column WORD,
                           the first row's text is grey, not black
Exit 0 when the check holds, 1 with a message when it does not."""
import json
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pages_text(pdf):
    """The text of each page, pdftotext's order."""
    return run("pdftotext", pdf, "-").stdout.split("\f")


def words_by_page(pdf):
    """[(x0, y0, x1, y1, text)] per page, y from the top."""
    out = run("pdftotext", "-bbox", pdf, "-").stdout
    return [[(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(pg)]
            for pg in out.split("<page ")[1:]]


def render_gray(pdf, page, dpi):
    """(width, height, bytes) of the page as 8-bit grey."""
    r = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page),
                        "-singlefile", pdf], capture_output=True)
    data = r.stdout
    if r.returncode != 0 or not data.startswith(b"P5"):
        sys.exit(f"{pdf}: pdftoppm could not render page {page}")
    parts, pos = [], 0
    while len(parts) < 4 and pos < len(data):
        while pos < len(data) and data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while pos < len(data) and not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    return int(parts[1]), int(parts[2]), data[pos + 1:]


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def main():
    check, pdf, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if check == "pages":
        out = run("pdfinfo", pdf).stdout
        pages = int([l for l in out.splitlines() if l.startswith("Pages:")][0].split()[1])
        if pages < int(args[0]):
            sys.exit(f"{pdf}: {pages} pages, want at least {args[0]}")
    elif check == "text":
        r = run("pdftotext", pdf, "-")
        if r.stderr.strip():
            sys.exit(f"{pdf}: poppler warned: {r.stderr.strip()[:300]}")
        missing = [w for w in args if w not in r.stdout]
        if missing:
            sys.exit(f"{pdf}: pdftotext lacks {missing[:10]}")
    elif check == "fonts":
        r = run("pdffonts", pdf)
        rows = r.stdout.splitlines()[2:]
        if r.stderr.strip() or not rows:
            sys.exit(f"{pdf}: pdffonts: {r.stderr.strip() or 'no fonts'}")
        for row in rows:
            emb = row[-28:].split()[0] if len(row) > 28 else ""
            if emb != "yes":
                sys.exit(f"{pdf}: font not embedded: {row}")
    elif check == "info":
        out = run("pdfinfo", pdf).stdout
        got = [l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith(args[0] + ":")]
        if got != [args[1]]:
            sys.exit(f"{pdf}: pdfinfo {args[0]}: {got}, want {args[1]!r}")
    elif check == "qpdf":
        r = run("qpdf", "--check", pdf)
        if r.returncode != 0:
            sys.exit(f"{pdf}: qpdf --check: {r.stdout[-300:]} {r.stderr[-300:]}")
    elif check == "ink":
        page, x0, y0, x1, y1, least = int(args[0]), *map(float, args[1:5]), float(args[5])
        w, h, px = render_gray(pdf, page, 72)
        dark = total = 0
        for y in range(int(y0), min(int(y1), h)):
            row = px[y * w:(y + 1) * w]
            for x in range(int(x0), min(int(x1), w)):
                total += 1
                dark += row[x] < 160
        share = 100.0 * dark / max(total, 1)
        if share < least:
            sys.exit(f"{pdf}: page {page} region has {share:.2f}% ink, want {least}%")
    elif check == "outline":
        doc = json.loads(run("qpdf", "--json", "--json-key=outlines", pdf).stdout)
        titles = []
        todo = list(doc.get("outlines", []))
        while todo:
            o = todo.pop()
            titles.append(o.get("title"))
            todo.extend(o.get("kids", []))
        missing = [t for t in args if t not in titles]
        if missing:
            sys.exit(f"{pdf}: bookmarks lack {missing}; have {titles[:8]}")
    elif check == "body":
        bad = re.compile(r"[a-z]+\.[a-z_]+(\.[a-z_]+)*|table\.json|\.txt|\.html|[A-Za-z_][\w.-]*/")
        for n, text in enumerate(pages_text(pdf), 1):
            if n > 1 and any(l.startswith("附录一") for l in text.splitlines()[:4]):
                break  # the appendices begin: ids and paths belong there
            body = "\n".join(text.splitlines()[1:])  # past the running header
            m = bad.search(body)
            if m:
                sys.exit(f"{pdf}: page {n} shows {m.group(0)!r} before the appendices")
    elif check == "rows":
        least = int(args[0])
        rank = re.compile(r"^\d+/(\d+)$")
        for n, words in enumerate(words_by_page(pdf), 1):
            by_size = {}  # rows per table size (the "30" of "3/30")
            for w in words:
                m = rank.match(w[4])
                if m:
                    by_size[int(m.group(1))] = by_size.get(int(m.group(1)), 0) + 1
            for size, rows in by_size.items():
                if rows < least and rows < size:  # a part of a table that runs over pages
                    sys.exit(f"{pdf}: page {n} holds {rows} of {size} rows of a ranking table, "
                             f"want all or at least {least}")
    elif check == "overlap":
        pages = 0
        for n, words in enumerate(words_by_page(pdf), 1):
            if not any(w[4] == args[0] for w in words):
                continue
            pages += 1
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    dx = min(a[2], b[2]) - max(a[0], b[0])
                    dy = min(a[3], b[3]) - max(a[1], b[1])
                    if dx > 0.5 and dy > 0.5:
                        sys.exit(f"{pdf}: page {n}: {a[4]!r} and {b[4]!r} overlap")
        if pages == 0:
            sys.exit(f"{pdf}: no page holds {args[0]!r}")
    elif check == "grey":
        seen = 0
        for n, words in enumerate(words_by_page(pdf), 1):
            heads = [w for w in words if w[4] == args[0]]
            if not heads or not any("（续）" in w[4] for w in words):
                continue
            head = heads[0]
            below = sorted((w for w in words if w[1] > head[3] + 0.5), key=lambda w: (w[1], w[0]))
            if not below:
                continue
            first = below[0]
            dpi = 144
            width, height, px = render_gray(pdf, n, dpi)
            k = dpi / 72.0
            darkest = min(px[y * width + x]
                          for y in range(int(first[1] * k), min(int(first[3] * k), height))
                          for x in range(int(first[0] * k), min(int(first[2] * k), width)))
            if darkest < 40:
                sys.exit(f"{pdf}: page {n}: {first[4]!r} is drawn black ({darkest}), want grey")
            seen += 1
        if seen == 0:
            sys.exit(f"{pdf}: no continuation page of the table headed {args[0]!r}")
    else:
        sys.exit(f"unknown check {check}")


if __name__ == "__main__":
    main()
