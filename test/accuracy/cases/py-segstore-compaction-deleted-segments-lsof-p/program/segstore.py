#!/usr/bin/env python3
"""segstore: a toy log-structured key-value store (written for an fdleak accuracy case).

A writer appends records to numbered segment files; every COMPACT_EVERY segments a compactor
merges the oldest segments into one and unlinks them. Readers look keys up through a cache of
open segment files.

--mode leak     the reader cache keeps the fd of every segment it ever opened; compaction
                unlinks the files but nobody closes the cached fds (the bug).
--mode healthy  compaction closes the cached fds of the segments it removes.
"""
import argparse, os, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--dir", required=True)
ap.add_argument("--mode", choices=["leak", "healthy"], default="leak")
ap.add_argument("--segments", type=int, default=400)
ap.add_argument("--keep", type=int, default=0, help="healthy: live segments to keep open")
ap.add_argument("--tick", type=float, default=0.02)
args = ap.parse_args()

os.makedirs(args.dir, exist_ok=True)
log = open(os.path.join(args.dir, "segstore.log"), "a", buffering=1)
def say(msg):
    log.write(time.strftime("%Y-%m-%dT%H:%M:%S ") + f"segstore[{os.getpid()}] {msg}\n")

reader_cache = {}   # segment number -> open file object
live = []           # segment numbers still on disk
COMPACT_EVERY = 10

def seg_path(n):
    return os.path.join(args.dir, f"seg-{n:06d}.dat")

def reader(n):
    f = reader_cache.get(n)
    if f is None:
        f = open(seg_path(n), "rb")
        reader_cache[n] = f
    return f

say(f"started mode={args.mode} dir={args.dir}")
for n in range(1, args.segments + 1):
    with open(seg_path(n), "wb") as w:
        w.write(os.urandom(4096))
    live.append(n)
    reader(n).read(16)          # a lookup touches the newest segment
    if len(live) > max(args.keep, COMPACT_EVERY) and n % COMPACT_EVERY == 0:
        victims = live[:COMPACT_EVERY]
        live = live[COMPACT_EVERY:]
        for v in victims:
            os.unlink(seg_path(v))
            if args.mode == "healthy":
                f = reader_cache.pop(v, None)
                if f: f.close()
        say(f"compacted segments {victims[0]}-{victims[-1]} ({len(live)} live, {len(reader_cache)} cached readers)")
    time.sleep(args.tick)

say("ingest done; serving")
sys.stdout.flush()
while True:
    time.sleep(1)
