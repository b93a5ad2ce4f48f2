#!/usr/bin/env python3
"""A tiny GTK-style feed reader written for this case.

Each feed refresh runs in a worker thread that makes its own main context; like GLib's GWakeup
without eventfd, the context is a pipe pair. The bug: the worker never frees its context, so each
refresh leaves two pipe fds behind. When pipe() fails, it prints GLib's fatal line and aborts, as
GLib does for "Creating pipes for GWakeup".
"""
import os, sys, threading, time

prog = "feedreader"
contexts = []

def refresh(n):
    try:
        r, w = os.pipe()
    except OSError as e:
        sys.stderr.write(f"\n({prog}:{os.getpid()}): GLib-ERROR **: {time.strftime('%H:%M:%S')}.000: Creating pipes for GWakeup: {e.strerror}\n")
        sys.stderr.flush()
        os.abort()
    contexts.append((r, w))  # BUG: the worker's context is never freed

sys.stderr.write(f"{prog}: started, pid {os.getpid()}\n")
n = 0
while True:
    t = threading.Thread(target=refresh, args=(n,), name=f"feed-{n % 4}")
    t.start()
    t.join()
    n += 1
    time.sleep(0.02)
