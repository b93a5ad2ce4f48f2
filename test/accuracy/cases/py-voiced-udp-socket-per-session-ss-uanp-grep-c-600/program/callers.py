#!/usr/bin/env python3
"""Callers of voiced: each joins, sends a little audio over UDP, and hangs up."""
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
live = []
for i in range(n):
    c = socket.create_connection(("127.0.0.1", port))
    vport = int(c.recv(64).split()[1])
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.sendto(b"\x00" * 160, ("127.0.0.1", vport)); u.close()
    if i % 50 == 0:
        live.append(c)      # a few stay in the channel
    else:
        c.close()
    time.sleep(0.005)
time.sleep(600)
