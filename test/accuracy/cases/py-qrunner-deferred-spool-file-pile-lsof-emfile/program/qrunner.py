#!/usr/bin/env python3
"""A toy mail queue runner written for this case. Each pass it opens every deferred
message to read its envelope; a retry list keeps the open file objects ("to avoid
reopening"), so every queue file stays open until the fd table is full."""
import os, sys, time

SPOOL = sys.argv[1]
logf = open(sys.argv[2], "a", buffering=1)
retry = {}

def log(msg):
    logf.write(time.strftime("%b %d %H:%M:%S") + " mx1 qrunner[%d]: %s\n" % (os.getpid(), msg))

log("queue runner started, spool %s" % SPOOL)
while True:
    try:
        names = sorted(os.listdir(SPOOL))
    except OSError as e:
        log("scan of %s failed: %s" % (SPOOL, e))
        names = []
    for name in names:
        if name in retry:
            continue
        path = os.path.join(SPOOL, name)
        try:
            f = open(path, "rb")
        except OSError as e:
            log("%s: open failed: %s" % (name, e))
            continue
        f.readline()
        retry[name] = f       # BUG: kept open for the next pass, never closed
    time.sleep(1)
