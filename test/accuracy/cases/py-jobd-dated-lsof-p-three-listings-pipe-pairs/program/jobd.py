#!/usr/bin/env python3
"""jobd: runs a 'job' every 100 ms; each job makes a pipe to talk to a helper
thread and forgets to close it (the leak: two FIFO fds per job)."""
import os, sys, time, signal
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
held = []
n = 0
while True:
    r, w = os.pipe()          # never closed
    os.write(w, b"job %d\n" % n)
    os.read(r, 64)
    held.append((r, w))
    n += 1
    time.sleep(0.1)
