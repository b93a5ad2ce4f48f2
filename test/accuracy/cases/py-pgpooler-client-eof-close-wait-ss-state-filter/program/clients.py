#!/usr/bin/env python3
"""clients: app workers that connect, send a query, and mostly just disconnect (no Terminate)."""
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(b"Q select 1\0")
    if i % 10 == 0:
        c.sendall(b"X")                # one in ten ends its session properly
    time.sleep(0.01)
    c.close()
