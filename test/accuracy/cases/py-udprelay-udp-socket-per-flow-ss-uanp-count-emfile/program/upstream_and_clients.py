#!/usr/bin/env python3
"""UDP echo upstream plus a bounded client loop (loopback only)."""
import socket
import sys
import threading
import time

UPORT, RPORT, N = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
echo = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
echo.bind(("127.0.0.1", UPORT))


def serve():
    while True:
        d, a = echo.recvfrom(512)
        echo.sendto(d, a)


threading.Thread(target=serve, daemon=True).start()
time.sleep(0.5)
for i in range(N):
    try:
        c = socket.create_connection(("127.0.0.1", RPORT), timeout=1)
        c.sendall(b"flow %d\n" % i)
        c.recv(512)
        c.close()
    except OSError:
        pass
    time.sleep(0.002)
time.sleep(1)
