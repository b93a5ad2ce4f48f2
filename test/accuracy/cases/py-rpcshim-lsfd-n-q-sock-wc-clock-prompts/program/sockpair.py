#!/usr/bin/env python3
"""rpcshim: per request, a socketpair to a worker thread; the worker side is
closed, the caller's side kept in a dict that is never pruned (the leak: one
UNIX-STREAM fd per request)."""
import socket, sys, time, signal, threading
signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
pending = {}
n = 0
while True:
    a, b = socket.socketpair()
    def work(s=b):
        s.sendall(s.recv(64).upper()); s.close()
    t = threading.Thread(target=work); t.start()
    a.sendall(b"req %d" % n); a.recv(64); t.join()
    pending[n] = a            # never removed, never closed
    n += 1
    time.sleep(0.08)
