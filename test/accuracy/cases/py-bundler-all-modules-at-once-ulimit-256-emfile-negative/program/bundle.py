#!/usr/bin/env python3
"""A toy bundler: opens every module of the tree at once (to read them in one
pass and keep them stable while it writes the bundle), then closes them all.
Healthy code; it needs as many fds as the tree has modules."""
import os, sys
root = sys.argv[1]
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".js"))
print("bundling %d modules" % len(paths), flush=True)
files = [open(p) for p in paths]
os.makedirs("dist", exist_ok=True)
with open("dist/bundle.js", "w") as out:
    for f in files:
        out.write(f.read())
for f in files:
    f.close()
print("wrote dist/bundle.js (%d modules)" % len(files))
