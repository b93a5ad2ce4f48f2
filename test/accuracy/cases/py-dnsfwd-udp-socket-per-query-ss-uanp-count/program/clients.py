#!/usr/bin/env python3
# An upstream that answers, and clients that ask 700 queries in ~9 s.
import socket, sys, time, threading
def upstream():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 5398))
    u.settimeout(15)
    try:
        while True:
            d, a = u.recvfrom(512); u.sendto(d, a)
    except socket.timeout:
        pass
threading.Thread(target=upstream, daemon=True).start()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(700):
    c.sendto(b"q%d example.lan A" % i, ("127.0.0.1", 5399)); time.sleep(0.012)
time.sleep(2)
