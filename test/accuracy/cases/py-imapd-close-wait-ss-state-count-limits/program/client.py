#!/usr/bin/env python3
"""Mail clients: each connects, logs out and closes."""
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
for i in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.recv(100)
        s.sendall(b"a1 LOGOUT\r\n")
        s.recv(100)
        s.close()
    except OSError:
        pass
    time.sleep(0.05)
