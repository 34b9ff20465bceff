#!/usr/bin/env python3
"""Check review.html in a real browser (Debian's chromium, headless): the
page's own test hook (?selftest) clicks a cell as a user would, or the URL
fragment selects one, and writes what the page then shows into #selftest;
this script reads it from the DOM and checks it. Exit 77 (skip) when no
chromium can run here.

usage: review_check.py PAGE [--click KEY | --fragment KEY] [--mark TEXT]
                       [--quote TEXT] [--evidence TEXT] [--safe]
       review_check.py PAGE --screenshot OUT.png
--safe: no injected script ran, no <img> was created from document text."""
import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import zlib

SKIP = 77


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(args, profile):
    exe = browser()
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-extensions", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"]
    try:
        return subprocess.run(cmd + args, capture_output=True, timeout=120, text=True,
                              errors="replace")
    except subprocess.TimeoutExpired:
        sys.exit("review_check: chromium did not finish in 120 s")


def url(page, query="", fragment=""):
    u = "file://" + urllib.parse.quote(os.path.abspath(page))
    if query:
        u += "?" + query
    if fragment:
        u += "#" + urllib.parse.quote(fragment, safe="/")
    return u


def png_varied(path):
    """True when the PNG is not one flat colour (a blank page)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return False
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    return len(set(zlib.decompress(idat))) > 32


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--click")
    ap.add_argument("--fragment")
    ap.add_argument("--mark")
    ap.add_argument("--quote")
    ap.add_argument("--evidence", action="append", default=[])
    ap.add_argument("--safe", action="store_true")
    ap.add_argument("--screenshot")
    ap.add_argument("--set", action="append", default=[],
                    help="NAME=VALUE: a filter (ind, district, year) or the search box (q)")
    ap.add_argument("--expect", action="append", default=[],
                    help="NAME=N: after --set, N sections, rows, columns or results visible")
    a = ap.parse_args()
    if browser() is None:
        print("review_check: no chromium here: browser checks skipped")
        return SKIP
    profile = tempfile.mkdtemp(prefix="edustat-chromium-")
    try:
        if a.screenshot:
            r = run(["--hide-scrollbars", "--window-size=1400,1000", "--screenshot=" + a.screenshot,
                     url(a.page, fragment=a.fragment or "")], profile)
            if not os.path.exists(a.screenshot):
                if "Running as root" in r.stderr or "sandbox" in r.stderr.lower():
                    return SKIP
                print("\n".join(l for l in r.stderr.splitlines() if "dbus" not in l)[-2000:])
                return 1
            if not png_varied(a.screenshot):
                print("review_check: the screenshot is blank")
                return 1
            return 0
        query = "selftest=1" + ("&click=" + urllib.parse.quote(a.click) if a.click else "")
        for kv in a.set:
            name, _, value = kv.partition("=")
            query += "&%s=%s" % (name, urllib.parse.quote(value))
        r = run(["--virtual-time-budget=5000", "--dump-dom",
                 url(a.page, query, a.fragment or "")], profile)
        m = re.search(r'<pre id="selftest">(.*?)</pre>', r.stdout, re.S)
        if m is None:
            if r.returncode != 0 and not r.stdout:
                print("review_check: chromium cannot run here: browser checks skipped")
                print(r.stderr[-500:])
                return SKIP
            print("review_check: the page wrote no self-test result (did its script run?)")
            print("\n".join(l for l in r.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l))
            return 1
        import html
        got = json.loads(html.unescape(m.group(1)))
        problems = []
        if got["errors"]:
            problems.append("script errors: %r" % got["errors"])
        console = [l for l in r.stderr.splitlines() if "Uncaught" in l]
        if console:
            problems.append("console errors: %r" % console)
        key = a.click or a.fragment
        if key and got["selected"] != key:
            problems.append("selected %r, want %r" % (got["selected"], key))
        if key and not got["pressed"]:
            problems.append("no cell is marked as selected")
        if a.mark is not None and got["mark"] != a.mark:
            problems.append("highlight %r, want %r" % (got["mark"], a.mark))
        if a.quote is not None and (got["quote"] or "").find(a.quote) < 0:
            problems.append("sentence %r lacks %r" % (got["quote"], a.quote))
        for text in a.evidence:
            if got["evidence"].find(text) < 0:
                problems.append("evidence panel lacks %r" % text)
        if a.safe and (got["pwned"] or got["images"] != 0 or got["scripts"] != 2):
            problems.append("injected markup took effect: pwned=%r images=%r scripts=%r"
                            % (got["pwned"], got["images"], got["scripts"]))
        for kv in a.expect:
            name, _, value = kv.partition("=")
            if got.get(name) != int(value):
                problems.append("%s visible: %r, want %s" % (name, got.get(name), value))
        if problems:
            print("review_check: " + "; ".join(problems))
            return 1
        print("review_check: %s ok (%d cells, script done %d ms after navigation)"
              % (key or "page", got["cells"], got["ready_ms"]))
        return 0
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
