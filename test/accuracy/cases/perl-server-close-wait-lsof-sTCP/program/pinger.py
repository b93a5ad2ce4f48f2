#!/usr/bin/env python3
"""Clients of presenced: each connects, sends PING, reads PONG and hangs up; 10 a second."""
import socket, sys, time
while True:
    try:
        s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=2)
        s.sendall(b'PING\n'); s.recv(64); s.close()
    except OSError:
        pass
    time.sleep(0.1)
