#!/usr/bin/env python3
"""Attach and detach IRC clients to bncd, as users whose connection drops."""
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.recv(64)
    s.sendall(b"NICK user%d\r\n" % i)
    s.close()
    time.sleep(0.005)
