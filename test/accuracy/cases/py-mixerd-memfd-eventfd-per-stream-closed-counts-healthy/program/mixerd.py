#!/usr/bin/env python3
"""A tiny PulseAudio-client-like mixer written for this case (a healthy negative).

Every 50 ms it opens a "stream": a memfd for the shared audio ring (named like libpulse's,
"pulseaudio") and an eventfd to signal it, plays a few writes, then closes both. At most four
streams are open at once, so its fd count stays flat.
"""
import os, sys, time, collections

log = open(sys.argv[1], "a", buffering=1)
live = collections.deque()
n = 0
while True:
    mfd = os.memfd_create("pulseaudio", os.MFD_CLOEXEC)
    os.ftruncate(mfd, 65536)
    efd = os.eventfd(0, os.EFD_CLOEXEC)
    os.write(mfd, b"\0" * 4096)
    os.eventfd_write(efd, 1)
    live.append((mfd, efd))
    n += 1
    if len(live) > 4:
        a, b = live.popleft()
        os.close(a)
        os.close(b)
    if n % 100 == 0:
        log.write(time.strftime("%H:%M:%S") + f" mixerd: {n} streams played\n")
    time.sleep(0.05)
