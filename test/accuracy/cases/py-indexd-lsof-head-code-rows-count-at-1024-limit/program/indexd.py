#!/usr/bin/env python3
"""indexd: opens each segment to merge it and forgets to close it."""
import os, resource, time
resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
d = "/tmp/acc196/idx"
os.makedirs(d, exist_ok=True)
held = []
n = 0
while True:
    n += 1
    p = f"{d}/seg-{n:06d}.dat"
    try:
        with open(p, "w") as w:
            w.write("x")
        held.append(open(p))  # never closed: the leak
    except OSError as e:
        print(f"indexd: merge of {p} failed: {e}", flush=True)
        break
time.sleep(600)
