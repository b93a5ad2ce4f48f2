#!/usr/bin/env python3
"""A notebook-server-like process, written for a test case.

Each "start kernel" request (a line on its control FIFO... here: a timer) makes the
four channel socket pairs the server talks to the kernel over; "stop kernel" drops
the kernel from the table but forgets to close the pairs, so every start/stop
cycle leaves 8 unix-socket fds behind.
"""
import socket
import sys
import time
import uuid

kernels = {}
leaked = []
log = open(sys.argv[1], "a", buffering=1)


def start_kernel():
    kid = str(uuid.uuid4())
    chans = {n: socket.socketpair() for n in ("shell", "iopub", "stdin", "control")}
    kernels[kid] = chans
    log.write(f"[I {time.strftime('%H:%M:%S')}] Kernel started: {kid}\n")
    return kid


def stop_kernel(kid):
    chans = kernels.pop(kid)
    leaked.append(chans)  # bug: the pairs are never closed
    log.write(f"[I {time.strftime('%H:%M:%S')}] Kernel shutdown: {kid}\n")


n = int(sys.argv[2])
while True:
    if n > 0:
        stop_kernel(start_kernel())
        n -= 1
    time.sleep(0.25)
