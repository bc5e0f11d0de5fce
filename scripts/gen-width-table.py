#!/usr/bin/env python3
"""Regenerates Sources/PipedeckRender/WideRanges.swift, the table of wide characters
behind TextWidth (how many terminal cells a character takes).

The table lists every scalar whose East_Asian_Width (Unicode Standard Annex #11) is
W (wide) or F (fullwidth), merged into sorted, disjoint ranges, without the
nonspacing and enclosing marks among them (those take no cell of their own).
Unassigned code points count as W in the ranges where UAX #11 says they default
to W, so future CJK ideographs are wide before they are assigned. Two ranges that
glibc's wcwidth counts as wide although UAX #11 does not (before Unicode 16 for the
hexagrams) are added, so that Pipedeck measures text as terminals that use wcwidth
draw it.

The data is Python's own `unicodedata`, so the table follows the Unicode version of
the Python that runs this script (Python 3.11: Unicode 14.0.0, 3.12: 15.0.0,
3.13: 15.1.0, 3.14: 16.0.0). That version is written into the generated file.
Only the Python standard library is used.

    python3 scripts/gen-width-table.py           # rewrite the file
    python3 scripts/gen-width-table.py --check   # exit 0 if the file is up to date,
                                                 # 1 if not, 3 if the file was made
                                                 # from another Unicode version
    python3 scripts/gen-width-table.py --compare-libc
                                 # list the assigned characters where the table and
                                 # the C library's wcwidth (C.UTF-8) disagree on wide
"""

import argparse
import os
import platform
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "PipedeckRender", "WideRanges.swift")

# UAX #11: "unassigned code points in these ranges default to W".
DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]

# glibc's wcwidth says 2 for these (circled numbers on black squares, Yijing hexagrams).
GLIBC_WIDE = [(0x3248, 0x324F), (0x4DC0, 0x4DFF)]

# TextWidth.scalarWidth answers these ranges before it looks at the table: it assumes that
# nothing is wide in the first list and everything is wide in the second. Checked below.
NARROW_SHORTCUTS = [(0x0000, 0x10FF), (0x2010, 0x2027), (0x2030, 0x205F), (0x20A0, 0x20CF),
                    (0x2100, 0x2319), (0x2500, 0x25FC)]
WIDE_SHORTCUTS = [(0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x30A0, 0x30FF), (0x3041, 0x3096)]


def is_wide(cp):
    ch = chr(cp)
    category = unicodedata.category(ch)
    if category == "Cn":
        # unicodedata reports a meaningless width for unassigned code points.
        return any(lo <= cp <= hi for lo, hi in DEFAULT_WIDE)
    if category in ("Mn", "Me"):
        return False
    if any(lo <= cp <= hi for lo, hi in GLIBC_WIDE):
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def wide_ranges():
    ranges = []
    for cp in range(0x110000):
        if not is_wide(cp):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return [tuple(r) for r in ranges]


def check_shortcuts(ranges):
    wide = set()
    for lo, hi in ranges:
        wide.update(range(lo, hi + 1))
    problems = []
    for lo, hi in NARROW_SHORTCUTS:
        found = [cp for cp in range(lo, hi + 1) if cp in wide]
        if found:
            problems.append("U+%04X is wide but TextWidth treats %04X-%04X as narrow" % (found[0], lo, hi))
    for lo, hi in WIDE_SHORTCUTS:
        found = [cp for cp in range(lo, hi + 1) if cp not in wide]
        if found:
            problems.append("U+%04X is not wide but TextWidth treats %04X-%04X as wide" % (found[0], lo, hi))
    return problems


def compare_libc(ranges):
    """Prints where the C library's wcwidth in C.UTF-8 disagrees with the table about
    wideness, for assigned, printable characters. Returns the number of differences."""
    import ctypes
    import ctypes.util
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.setlocale.restype = ctypes.c_char_p
    if not libc.setlocale(6, b"C.UTF-8"):  # LC_ALL
        print("gen-width-table: no C.UTF-8 locale", file=sys.stderr)
        return 1
    wide = set()
    for lo, hi in ranges:
        wide.update(range(lo, hi + 1))
    differences = 0
    for cp in range(0x20, 0x110000):
        if unicodedata.category(chr(cp)) in ("Cn", "Co", "Cs", "Cc"):
            continue
        w = libc.wcwidth(ctypes.c_wchar(chr(cp)))
        if w < 0 or (w == 2) == (cp in wide):
            continue
        differences += 1
        print("U+%04X %s: wcwidth %d, table %s" % (cp, unicodedata.name(chr(cp), "?"), w,
                                                  "wide" if cp in wide else "not wide"))
    print("%d differences" % differences)
    return 0 if differences == 0 else 1


def swift_hex(cp):
    return "0x%04X" % cp


def render(ranges):
    version = unicodedata.unidata_version
    lines = [
        "// Generated by scripts/gen-width-table.py: do not edit by hand, run the script.",
        "// Unicode %s (East_Asian_Width from the unicodedata module of Python %s)."
        % (version, platform.python_version()),
        "",
        "extension TextWidth {",
        "    /// The Unicode version `wideRanges` was generated from.",
        '    public static let wideRangesUnicodeVersion = "%s"' % version,
        "",
        "    /// Scalars whose East_Asian_Width is W or F (UAX #11), without the nonspacing and",
        "    /// enclosing marks among them; unassigned code points where UAX #11 defaults to W;",
        "    /// U+3248–U+324F and U+4DC0–U+4DFF, which glibc's wcwidth counts as wide.",
        "    /// Sorted and disjoint (binary search).",
        "    @usableFromInline",
        "    static let wideRanges: [ClosedRange<UInt32>] = [",
    ]
    line = "       "
    for lo, hi in ranges:
        item = " %s...%s," % (swift_hex(lo), swift_hex(hi))
        if len(line) + len(item) > 120:
            lines.append(line)
            line = "       "
        line += item
    lines.append(line)
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it")
    parser.add_argument("--compare-libc", action="store_true", help="compare with the C library's wcwidth")
    parser.add_argument("--output", default=OUTPUT, help="the Swift file (default: %(default)s)")
    args = parser.parse_args()

    ranges = wide_ranges()
    problems = check_shortcuts(ranges)
    if problems:
        for p in problems:
            print("gen-width-table: " + p, file=sys.stderr)
        return 2
    if args.compare_libc:
        return compare_libc(ranges)
    text = render(ranges)
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError as e:
            print("gen-width-table: %s: %s" % (args.output, e.strerror), file=sys.stderr)
            return 1
        m = re.search(r'wideRangesUnicodeVersion = "([^"]+)"', current)
        if m and m.group(1) != unicodedata.unidata_version:
            print("gen-width-table: the table is Unicode %s, this Python has %s: cannot compare"
                  % (m.group(1), unicodedata.unidata_version), file=sys.stderr)
            return 3
        body = lambda t: t.split("\n", 2)[2]  # the second line names the Python version
        if body(current) != body(text):
            print("gen-width-table: %s is not what the script generates; run it" % args.output, file=sys.stderr)
            return 1
        print("%s is up to date (Unicode %s, %d ranges)" % (args.output, unicodedata.unidata_version, len(ranges)))
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s: Unicode %s, %d ranges" % (args.output, unicodedata.unidata_version, len(ranges)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
