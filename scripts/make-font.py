#!/usr/bin/env python3
"""Cut a CJK TrueType font down to the characters edustat's briefings use
(ASCII, common punctuation and symbols, and the 21,000 characters of
GBK, which holds GB 2312), so that every glyph index is far below 32768: Debian's libharu 2.3
silently drops glyphs with higher indices (fixed upstream in 2.4.4).

usage: make-font.py SOURCE.ttc|ttf FONT_NUMBER OUTPUT.ttf [CHARS_FILE]
With CHARS_FILE, only those of its characters that are in the set above
(plus ASCII), for a small font that makes the briefing fuzz harness fast.
Needs Debian's python3-fonttools.
"""
import logging
import sys

from fontTools import subset
from fontTools.ttLib import TTFont


def unicodes():
    cps = set(range(0x20, 0x7F))                 # ASCII
    cps |= {0xA0, 0xB7, 0xD7, 0xF7, 0xB0, 0xB1}  # nbsp · × ÷ ° ±
    cps |= set(range(0x2010, 0x2027))            # dashes, quotes, ellipsis
    cps |= {0x2030, 0x2103, 0x2116, 0x2236, 0x2212, 0x33A1}  # ‰ ℃ № ∶ − ㎡
    cps |= set(range(0x2460, 0x2474))            # ① ... ⑳
    cps |= set(range(0x3000, 0x3040))            # CJK punctuation
    cps |= set(range(0xFF01, 0xFF5F))            # full-width forms
    for hi in range(0x81, 0xFF):                 # GBK, by its code table
        for lo in range(0x40, 0xFF):
            if lo == 0x7F:
                continue
            try:
                cps.add(ord(bytes([hi, lo]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return cps


def main():
    # fontTools warns of every table it drops ("BDF NOT subset"): we drop
    # them on purpose, and `make demo` should stay quiet
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    src, number, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    wanted = unicodes()
    if len(sys.argv) > 4:
        with open(sys.argv[4], encoding="utf-8", errors="ignore") as f:
            wanted = (wanted & {ord(ch) for ch in f.read()}) | set(range(0x20, 0x7F))
    font = TTFont(src, fontNumber=number, lazy=False)
    opts = subset.Options()
    opts.layout_features = []   # no GSUB/GPOS: libharu lays out glyph by glyph
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.glyph_names = False
    opts.recalc_timestamp = False  # the same input gives the same font
    opts.drop_tables += ["BDF ", "FFTM"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    # libharu 2.3 takes the width of glyph 0 as the font's default width
    # (DW) and lists every character of another width in the PDF's W array,
    # growing that array 20 entries at a time: with a narrow .notdef, all
    # 21,000 CJK characters went into it, a quadratic copy that cost 40% of
    # a large briefing. A full-em .notdef makes the CJK width the default.
    # edustat never draws .notdef: missing characters are replaced first.
    notdef = font.getGlyphOrder()[0]
    font["hmtx"][notdef] = (font["head"].unitsPerEm, font["hmtx"][notdef][1])
    if len(font.getGlyphOrder()) >= 32768:
        sys.exit("make-font.py: subset still has glyph indices above 32767")
    font.save(out)


if __name__ == "__main__":
    main()
