#!/usr/bin/env python3
"""A stand-in database: answers each line with 'OK <line>' and keeps every connection open until the client closes it."""
import socket, sys, threading

def serve(conn):
    with conn:
        f = conn.makefile('rb')
        for line in f:
            conn.sendall(b'OK ' + line)

s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1024)
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
