#!/usr/bin/env python3
"""600 long-lived connections to segstore; every second each asks for 32 bytes of a random segment."""
import random
import socket
import sys
import time

conns = [socket.create_connection(('127.0.0.1', 47110)) for _ in range(600)]
files = [c.makefile('rb') for c in conns]
end = time.time() + int(sys.argv[1])
while time.time() < end:
    for c, f in zip(conns, files):
        c.sendall(b'%d %d\n' % (random.randrange(12288), random.randrange(0, 600)))
        f.readline()
    time.sleep(1.0)
