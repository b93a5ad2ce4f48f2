#!/usr/bin/env python3
"""The MTA side: one connection per message, closed after the verdict."""
import socket, sys, time
path, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    s.sendall(b"From: a@example.org\r\nSubject: %d\r\n\r\nhello\r\n" % i)
    s.recv(100)
    s.close()
    time.sleep(0.02)
