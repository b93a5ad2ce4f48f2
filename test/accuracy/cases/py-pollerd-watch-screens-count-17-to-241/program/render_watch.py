#!/usr/bin/env python3
"""Render the first full frame of a `watch` run recorded by script(1) as the terminal showed it (80 columns)."""
import re, sys
raw = open(sys.argv[1], encoding="utf-8", errors="replace").read()
frame = raw.split("\x1b[H\x1b[2J", 1)[1]
rows = {}
row, col = 1, 1
for m in re.finditer(r"\x1b\[(\d*)(?:;(\d*))?([A-Za-z])|\x1b[()>][A-Za-z0-9]?|([^\x1b\r\n]+)|(\r)|(\n)", frame):
    if m.group(4):
        line = rows.setdefault(row, [" "] * 80)
        for ch in m.group(4):
            if col <= 80:
                line[col - 1] = ch
            col += 1
    elif m.group(5):
        col = 1
    elif m.group(3) == "H":
        row, col = int(m.group(1) or 1), int(m.group(2) or 1)
        if row == 6 and col == 80:  # watch parks the cursor: the first frame is complete
            break
print("\n".join("".join(rows.get(r, [])).rstrip() for r in range(1, 4)))
