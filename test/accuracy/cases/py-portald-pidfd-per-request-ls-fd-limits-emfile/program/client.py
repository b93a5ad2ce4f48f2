#!/usr/bin/env python3
"""Sends N requests to portald, one connection each, carrying this client's pid."""
import os, socket, sys, time
sock_path, n = sys.argv[1], int(sys.argv[2])
for _ in range(n):
    c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    c.connect(sock_path)
    c.sendall(f"{os.getpid()}\n".encode())
    c.recv(64)
    c.close()
    time.sleep(0.005)
