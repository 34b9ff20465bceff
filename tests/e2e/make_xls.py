#!/usr/bin/env python3
"""Write an Excel 97-2003 workbook (.xls: BIFF8 records in a compound file)
by hand, from our own rows, for the e2e suite.

Usage: make_xls.py DIR   (writes DIR/workbook.xls and DIR/workbook-xls.txt,
its content as plain text)

Only what a reader needs: the globals (BOF, an XF, the sheets, a shared
string table, EOF) and each sheet's cells (strings, numbers) and merged
ranges. The workbook stream is padded past 4,096 bytes so that it stands
in the compound file's ordinary sectors, not its mini stream.
"""
import struct
import sys

SHEETS = [
    ("学校与学生", [
        ["2023年厦门市各区教育事业统计", None, None],
        ["区县", "学校数（所）", "在校学生（人）"],
        ["海沧区", 58, 52300],
        ["同安区", 92, 78100],
    ], [(0, 0, 0, 2)]),
]


def rec(kind, data):
    return struct.pack("<HH", kind, len(data)) + data


def bof(dt):
    return rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x06))


def u16(s, short=False):
    """XLUnicodeString (2-byte count), or ShortXLUnicodeString (1-byte)."""
    b = s.encode("utf-16-le")
    return struct.pack("<B" if short else "<H", len(s)) + b"\x01" + b


def workbook(sheets):
    strings = []
    for _, rows, _ in sheets:
        for row in rows:
            for v in row:
                if isinstance(v, str) and v not in strings:
                    strings.append(v)
    xf = rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    cell_xf = rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    font = rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + u16("Arial", True))
    sst = rec(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(u16(s) for s in strings))

    def globals_(offsets):
        g = bof(0x0005) + rec(0x0042, struct.pack("<H", 1200)) + font * 5 + xf * 15 + cell_xf
        for (name, _, _), off in zip(sheets, offsets):
            g += rec(0x0085, struct.pack("<IBB", off, 0, 0) + u16(name, True))
        return g + sst + rec(0x000A, b"")

    subs = []
    for name, rows, merges in sheets:
        s = bof(0x0010)
        s += rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(len(r) for r in rows), 0))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, str):
                    s += rec(0x00FD, struct.pack("<HHHI", r, c, 15, strings.index(v)))
                elif v is not None:
                    s += rec(0x0203, struct.pack("<HHHd", r, c, 15, float(v)))
        if merges:
            s += rec(0x00E5, struct.pack("<H", len(merges)) +
                     b"".join(struct.pack("<HHHH", r0, r1, c0, c1) for r0, c0, r1, c1 in merges))
        subs.append(s + rec(0x000A, b""))
    first = len(globals_([0] * len(sheets)))
    offsets, at = [], first
    for s in subs:
        offsets.append(at)
        at += len(s)
    stream = globals_(offsets) + b"".join(subs)
    return stream + b"\x00" * max(0, 4096 - len(stream))


def compound(stream):
    """A compound file of one stream, Workbook, in ordinary sectors."""
    n = -(-len(stream) // 512)
    data = stream + b"\x00" * (n * 512 - len(stream))
    # FAT sectors after the directory: as many as the sectors need (up to
    # the 109 the header lists: a workbook of about 7 MB)
    n_fat = -(-(n + 1) // 127)
    assert n_fat <= 109, "workbook too large for a header-only FAT list"
    dir_sector = n
    fat = [i + 1 for i in range(n - 1)] + [0xFFFFFFFE, 0xFFFFFFFE] + [0xFFFFFFFD] * n_fat
    fat += [0xFFFFFFFF] * (128 * n_fat - len(fat))

    def entry(name, kind, child, start, size):
        nm = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (nm.ljust(64, b"\x00") + struct.pack("<HBB", len(nm), kind, 1 if kind else 0) +
                struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child) + b"\x00" * 16 + struct.pack("<I", 0) +
                b"\x00" * 16 + struct.pack("<II", start, size) + b"\x00" * 4)

    directory = (entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry("Workbook", 2, 0xFFFFFFFF, 0, len(stream)) +
                 entry("", 0, 0xFFFFFFFF, 0, 0) * 2)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 16 +
              struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\x00" * 6 +
              struct.pack("<IIIIIIIII", 0, n_fat, dir_sector, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0) +
              struct.pack("<%dI" % n_fat, *range(n + 1, n + 1 + n_fat)) +
              struct.pack("<I", 0xFFFFFFFF) * (109 - n_fat))
    return header + data + directory + struct.pack("<%dI" % len(fat), *fat)


if __name__ == "__main__":
    import os
    os.makedirs(sys.argv[1], exist_ok=True)
    open(os.path.join(sys.argv[1], "workbook.xls"), "wb").write(compound(workbook(SHEETS)))
    with open(os.path.join(sys.argv[1], "workbook-xls.txt"), "w", encoding="utf-8") as f:
        f.write("2023年厦门市各区教育事业统计\n\n海沧区：学校58所，在校学生52300人。\n"
                "同安区：学校92所，在校学生78100人。\n")
