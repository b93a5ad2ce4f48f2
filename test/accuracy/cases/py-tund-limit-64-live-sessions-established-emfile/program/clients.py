#!/usr/bin/env python3
"""Bounded loopback clients: 'hold' keeps N sessions open for T seconds;
'churn' runs N short sessions, K at a time, for T seconds."""
import socket
import sys
import time

mode, port, n, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
end = time.time() + t
if mode == "hold":
    held = []
    for i in range(n):
        try:
            c = socket.create_connection(("127.0.0.1", port), timeout=1)
            c.sendall(b"hello\n")
            held.append(c)
        except OSError:
            pass
    while time.time() < end:
        time.sleep(0.5)
else:
    live = []
    while time.time() < end:
        c = socket.create_connection(("127.0.0.1", port), timeout=1)
        c.sendall(b"ping\n")
        c.recv(64)
        live.append(c)
        if len(live) > n:
            live.pop(0).close()
        time.sleep(0.01)
