#!/usr/bin/env python3
"""24 long-lived client connections, each asking for a shard record every 250 ms."""
import random
import socket
import sys
import time

conns = [socket.create_connection(('127.0.0.1', 47109)) for _ in range(24)]
end = time.time() + int(sys.argv[1])
while time.time() < end:
    for c in conns:
        c.sendall(b'GET %d %d' % (random.randrange(170), random.randrange(0, 4000, 64)))
        c.recv(64)
    time.sleep(0.25)
