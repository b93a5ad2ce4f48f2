#!/usr/bin/env python3
"""Clients for mqttlite: most hang up without DISCONNECT (mobile clients losing the network)."""
import socket, sys, time
port = int(sys.argv[1]); n = int(sys.argv[2])
live = []
for i in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=2)
        s.sendall(b"CONNECT c%d\n" % i)
        try:
            s.recv(64)
        except OSError:
            pass
        if i % 10 == 0:
            s.sendall(b"DISCONNECT\n"); s.close()
        elif i % 10 == 1:
            live.append(s)          # stays connected
        else:
            s.close()               # hang up without DISCONNECT
    except OSError:
        pass
    time.sleep(0.01)
time.sleep(600)
