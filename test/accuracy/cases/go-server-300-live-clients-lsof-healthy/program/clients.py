#!/usr/bin/env python3
"""300 chat clients in one process: each keeps its connection and sends a line every ~3 s."""
import selectors, socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conns = [socket.create_connection(('127.0.0.1', port)) for _ in range(n)]
sel = selectors.DefaultSelector()
for c in conns:
    c.setblocking(False); sel.register(c, selectors.EVENT_READ)
i = 0
while True:
    conns[i % n].send(b'hello %d\n' % i); i += 1
    for key, _ in sel.select(timeout=0.01):
        key.fileobj.recv(4096)
