#!/usr/bin/env python3
"""evwatch: per watched task, makes an eventfd to wake its loop and keeps it
after the task ends (the leak: one eventfd per task)."""
import os, sys, time, signal
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
keep = []
n = 0
while True:
    fd = os.eventfd(0, os.EFD_CLOEXEC)   # never closed
    os.eventfd_write(fd, n + 1)
    keep.append(fd)
    n += 1
    time.sleep(0.05)
