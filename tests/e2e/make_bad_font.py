#!/usr/bin/env python3
"""Make a font libharu 2.3 would draw wrongly: the briefing font with
'教' moved to a glyph index above 32767 (as in WenQuanYi Micro Hei).
usage: make_bad_font.py GOOD.ttf BAD.ttf   (needs Debian's python3-fonttools)"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

font = TTFont(sys.argv[1])
order = font.getGlyphOrder()
glyf, hmtx = font["glyf"], font["hmtx"]
cmap = font.getBestCmap()
jiao = cmap[ord("教")]
pad = 32800 - len(order)
for i in range(pad):
    name = f"pad{i}"
    order.append(name)
    glyf.glyphs[name] = Glyph()
    hmtx.metrics[name] = (0, 0)
order.append("jiao_high")
glyf.glyphs["jiao_high"] = glyf[jiao]
hmtx.metrics["jiao_high"] = hmtx[jiao]
font.setGlyphOrder(order)
glyf.glyphOrder = order
for t in font["cmap"].tables:
    if ord("教") in t.cmap:
        t.cmap[ord("教")] = "jiao_high"
font["maxp"].numGlyphs = len(order)
font.save(sys.argv[2])
