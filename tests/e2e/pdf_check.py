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
Exit 0 when the check holds, 1 with a message when it does not."""
import subprocess
import sys


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
        r = subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", str(page), "-l", str(page),
                            "-singlefile", pdf], capture_output=True)
        data = r.stdout
        if r.returncode != 0 or not data.startswith(b"P5"):
            sys.exit(f"{pdf}: pdftoppm could not render page {page}")
        # P5 header: magic, width, height, maxval, then one whitespace
        parts, pos = [], 0
        while len(parts) < 4 and pos < len(data):
            while pos < len(data) and data[pos:pos + 1].isspace():
                pos += 1
            start = pos
            while pos < len(data) and not data[pos:pos + 1].isspace():
                pos += 1
            parts.append(data[start:pos])
        if len(parts) < 4:
            sys.exit(f"{pdf}: not a PGM image")
        pos += 1
        w, h = int(parts[1]), int(parts[2])
        px = data[pos:]
        dark = total = 0
        for y in range(int(y0), min(int(y1), h)):
            row = px[y * w:(y + 1) * w]
            for x in range(int(x0), min(int(x1), w)):
                total += 1
                dark += row[x] < 160
        share = 100.0 * dark / max(total, 1)
        if share < least:
            sys.exit(f"{pdf}: page {page} region has {share:.2f}% ink, want {least}%")
    else:
        sys.exit(f"unknown check {check}")


if __name__ == "__main__":
    main()
