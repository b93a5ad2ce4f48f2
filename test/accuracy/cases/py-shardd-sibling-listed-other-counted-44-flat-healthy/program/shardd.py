#!/usr/bin/env python3
"""shardd: worker 'a' serves the index, worker 'b' keeps its 40 shard files open for its whole life (a steady working set)."""
import os, sys, time
role = sys.argv[1]
d = "/tmp/acc196/shards"
os.makedirs(d, exist_ok=True)
log = open(f"/tmp/acc196/shardd-{role}.log", "a", buffering=1)
shards = [open(f"{d}/shard-{i:02d}.bin", "a+") for i in range(40 if role == "b" else 0)]
while True:
    log.write(f"{role} serving {len(shards)} shards\n")
    time.sleep(1)
