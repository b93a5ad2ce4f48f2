#!/usr/bin/env python3
"""A toy id-mapping daemon written for this case (the shape of winbindd's domain children): each
lookup forks a helper that writes the answer into a pipe. Bug: the parent closes the pipe's write
end but never its read end, so one pipe fd per lookup stays open."""
import os, sys, time

logf = open(sys.argv[1], "a", buffering=1)

def log(msg):
    logf.write(time.strftime("%b %d %H:%M:%S") + " dc1 idmapd[%d]: %s\n" % (os.getpid(), msg))

def lookup(sid):
    try:
        r, w = os.pipe()
    except OSError as e:
        log("lookup %s: could not create pipe to helper: %s" % (sid, e.strerror))
        return None
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(w, b"%d\n" % (10000 + sid % 5000))
        os._exit(0)
    os.close(w)
    answer = os.read(r, 64)        # BUG: r is never closed
    os.waitpid(pid, 0)
    return int(answer)

log("idmapd started")
n = 0
while True:
    lookup(n)
    n += 1
    time.sleep(0.01)
