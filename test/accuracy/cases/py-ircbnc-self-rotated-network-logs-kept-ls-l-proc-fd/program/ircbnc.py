#!/usr/bin/env python3
"""ircbnc: an IRC bouncer's logger written for an fdleak accuracy case.

It logs each network's traffic to logs/<network>.log and rotates the logs itself (here every few
seconds instead of daily): it renames <network>.log to .1, .1 to .2 and so on, then opens a new
<network>.log — but never closes the old file object (the bug), so every rotated copy stays open
under its new name.
"""
import os, sys, time

DIR = sys.argv[1] if len(sys.argv) > 1 else "logs"
NETWORKS = ["libera", "oftc", "hackint"]
KEEP = 9
os.makedirs(DIR, exist_ok=True)
files = {n: open(os.path.join(DIR, n + ".log"), "a", buffering=1) for n in NETWORKS}
stale = []   # the old file objects, kept referenced: never closed

def rotate(net):
    base = os.path.join(DIR, net + ".log")
    for i in range(KEEP - 1, 0, -1):
        if os.path.exists("%s.%d" % (base, i)):
            os.replace("%s.%d" % (base, i), "%s.%d" % (base, i + 1))
    os.replace(base, base + ".1")
    stale.append(files[net])          # BUG: should be files[net].close()
    files[net] = open(base, "a", buffering=1)

n = 0
while True:
    n += 1
    for net in NETWORKS:
        files[net].write("%s <user%d> hello from %s\n" % (time.strftime("%H:%M:%S"), n % 40, net))
    if n % 20 == 0:
        for net in NETWORKS:
            rotate(net)
    time.sleep(0.1)
