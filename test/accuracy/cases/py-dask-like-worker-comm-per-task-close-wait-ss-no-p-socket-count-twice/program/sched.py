#!/usr/bin/env python3
"""A scheduler stand-in: answers each connection with one task and closes it."""
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 8786)); s.listen(128)
n = 0
while True:
    c, _ = s.accept(); n += 1
    c.sendall(b"task-%d\n" % n); c.close()
