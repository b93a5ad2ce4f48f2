#!/usr/bin/env python3
"""An upstream that answers one line and hangs up, and N bounded clients (loopback only)."""
import socket
import sys
import threading
import time

UPORT, FPORT, N, HOLD = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
up = socket.socket()
up.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
up.bind(("127.0.0.1", UPORT))
up.listen(128)


def serve():
    while True:
        c, _ = up.accept()
        c.recv(512)
        c.sendall(b"pong\n")
        c.close()


threading.Thread(target=serve, daemon=True).start()
time.sleep(0.3)
for i in range(N):
    c = socket.create_connection(("127.0.0.1", FPORT), timeout=2)
    c.sendall(b"ping %d\n" % i)
    c.recv(512)
    c.close()
    time.sleep(0.01)
time.sleep(HOLD)
